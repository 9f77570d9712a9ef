"""The speakers pane, driven with Pilot (and one snapshot)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, datetime, timedelta

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Footer, Input, OptionList, Select, Static

from debateprep.domain.cells import clip
from debateprep.domain.debate import DebateSettings
from debateprep.domain.speakers import Status
from debateprep.services.debates import DebateService
from debateprep.services.facade import Services
from debateprep.services.speakers import SpeakersService
from debateprep.tui.app import stylesheet_path
from debateprep.tui.messages import DebateSelected
from debateprep.tui.screens.speakers import SpeakersPane
from debateprep.tui.widgets.timer import SpeakerTimer, mmss
from tests.support.pilot import SIZE, RecordingApp, settle, tui_app

T0 = datetime(2014, 2, 5, 9)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def seed(db, language: str = "en") -> int:  # type: ignore[no-untyped-def]
    """S/PV.7109 (12 Feb 2014, Lithuania presiding): briefers, members, non-members."""
    debate = DebateService(db).create(
        "Protection of civilians in armed conflict", meeting_number=7109, meeting_date=date(2014, 2, 12),
        presidency="Lithuania", language=language, settings=DebateSettings(limits_minutes={"briefer": 10}))
    svc = SpeakersService(db)
    rows = [("OCHA", {}), ("ICRC", {}), ("Chad", {"draw": 2}), ("Argentina", {"draw": 1}),
            ("Lithuania", {"level": "minister"}), ("Norway", {"level": "minister"}),
            ("Switzerland", {"on_behalf_of": "Group of Friends of PoC"}), ("European Union", {}),
            ("Japan", {}), ("Brazil", {})]
    for i, (name, extra) in enumerate(rows):
        svc.add(debate.id, name, inscribed_at=T0 + timedelta(minutes=i), **extra)
    assert debate.id is not None
    return debate.id



async def open_pane(pilot: Pilot) -> SpeakersPane:  # type: ignore[type-arg]
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    pilot.app.query_one("#sp-table", DataTable).focus()
    await pilot.pause()
    return pilot.app.query_one(SpeakersPane)


def names(app: RecordingApp) -> list[str]:
    table = app.query_one("#sp-table", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def static(app: RecordingApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


def run(scenario) -> None:  # type: ignore[no-untyped-def]
    asyncio.run(scenario())


def test_clip_and_mmss() -> None:
    assert clip("大不列颠及北爱尔兰联合王国", 10) == "大不列颠…"
    assert mmss(65) == "1:05" and mmss(-30) == "0:30"


def test_pane_shows_the_ordered_list_with_reasons(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            assert names(app) == [
                "Office for the Coordina…", "International Committee…", "Lithuania", "Argentina", "Chad", "Norway",
                "Switzerland [POC]", "European Union", "Japan", "Brazil"]
            assert "Debate #1: 10 on the list" in static(app, "#sp-status")
            await pilot.press("down", "down")
            why = " ".join(static(app, "#sp-why").split())
            assert ("Lithuania is 3rd: the President, presiding at minister level (a high-level debate), makes the "
                    "national statement right after the briefers.") in why
            assert "expected Wed 10:" in why
            table = app.query_one("#sp-table", DataTable)
            assert str(table.get_row_at(0)[5]) == "10:00" and str(table.get_row_at(1)[5]) == "10:10"

    run(scenario)


def test_add_with_chinese_and_english_autocomplete(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debate_id = seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("a")
            await settle(pilot)
            await pilot.press(*"德")
            await pilot.pause()
            options = app.screen.query_one("#sp-dlg-matches", OptionList)
            assert options.get_option_at_index(0).id == "DEU"
            await pilot.press("down", "enter")  # into the matches, pick Germany
            await pilot.pause()
            assert app.screen.query_one("#sp-dlg-delegation", Input).value == "Germany"
            await pilot.press(*"Mr. Heusgen")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "Germany" in names(app)
            await pilot.press("a")
            await settle(pilot)
            await pilot.press(*"Kaz", "enter")  # Enter takes the best match: Kazakhstan
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "Kazakhstan" in names(app)

    run(scenario)
    codes = [e.delegation_code for e in SpeakersService(sqlite_db).entries(debate_id)]
    assert "DEU" in codes and "KAZ" in codes
    germany = next(e for e in SpeakersService(sqlite_db).entries(debate_id) if e.delegation_code == "DEU")
    assert germany.representative == "Mr. Heusgen"


def test_unknown_delegation_keeps_the_dialog_open(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debate_id = seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("a")
            await settle(pilot)
            app.screen.query_one("#sp-dlg-delegation", Input).value = "Narnia"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "'Narnia' is not in the roster" in str(app.screen.query_one("#sp-dlg-error").render())
            await pilot.press("escape")
            await settle(pilot)
            assert len(names(app)) == 10

    run(scenario)
    assert len(SpeakersService(sqlite_db).entries(debate_id)) == 10


def test_reorder_by_keys_pin_and_back_to_rules(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debate_id = seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press(*(["down"] * 9))  # Brazil, last
            await pilot.press("K")
            await settle(pilot)
            assert names(app)[-2:] == ["Brazil", "Japan"]
            table = app.query_one("#sp-table", DataTable)
            assert str(table.get_row_at(8)[0]) == "9*"  # the override shows
            assert table.cursor_row == 8  # the cursor follows the entry
            assert "kept before Japan (moved by hand)" in static(app, "#sp-why")
            await pilot.press("x")
            await settle(pilot)
            assert names(app)[-2:] == ["Japan", "Brazil"]
            await pilot.press("up", "up", "up", "p")  # pin Switzerland at 7, then a minister inscribes
            await settle(pilot)
            SpeakersService(sqlite_db).add(debate_id, "Kenya", level="minister", inscribed_at=T0 + timedelta(hours=1))
            await pilot.press("r")
            await settle(pilot)
            assert names(app)[6] == "Switzerland [POC]" and names(app)[7] == "Kenya"
            await pilot.press("w")  # withdraw the highlighted entry
            await settle(pilot)
            assert str(table.get_row_at(table.row_count - 1)[0]) == "-"

    run(scenario)
    entries = {e.delegation: e for e in SpeakersService(sqlite_db).entries(debate_id)}
    assert entries["Switzerland"].override is not None and entries["Switzerland"].override.kind == "pin"
    assert sum(e.status == Status.WITHDRAWN for e in entries.values()) == 1


def test_timer_counts_down_warns_shows_overrun_and_logs(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debate_id = seed(sqlite_db)
    clock = FakeClock()

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            timer = app.query_one(SpeakerTimer)
            timer.clock = clock
            assert "Next: Office for the Coordination" in static(app, "#sp-timer")
            await pilot.press("space")  # OCHA has the floor: 10 minutes for a briefer
            await settle(pilot)
            assert timer.state == "running" and timer.limit == 600
            clock.now += 200
            timer.tick()
            assert "6:40 left" in static(app, "#sp-timer")
            await pilot.press("space")  # pause: the pause does not count
            clock.now += 500
            await pilot.press("space")
            clock.now += 350  # 550 s spoken: last minute
            timer.tick()
            await pilot.pause()
            assert timer.phase == "warning" and "0:50 left — wrap up" in static(app, "#sp-timer")
            clock.now += 80  # 630 s spoken
            timer.tick()
            await pilot.pause()
            assert timer.phase == "over" and "OVER TIME by 0:30" in static(app, "#sp-timer")
            await pilot.press("n")  # log OCHA, give the floor to the ICRC
            await settle(pilot)
            assert timer.state == "running" and timer.speaker == "International Committee of the Red Cross"
            table = app.query_one("#sp-table", DataTable)
            assert str(table.get_row_at(0)[4]) == "spoke" and str(table.get_row_at(1)[4]) == "speaking"
            await pilot.press("f")
            await settle(pilot)
            assert timer.state == "idle"

    run(scenario)
    entries = SpeakersService(sqlite_db).entries(debate_id)
    ocha = next(e for e in entries if e.delegation_code == "OCHA")
    icrc = next(e for e in entries if e.delegation_code == "ICRC")
    assert ocha.status == Status.SPOKE and ocha.actual_seconds == 630
    assert icrc.status == Status.SPOKE and icrc.actual_seconds == 0


def test_space_starts_the_speaker_the_timer_names_and_pins_hold(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """space gives the floor to the panel's "Next", not the highlighted row; `t` times the row out
    of turn and says so; a pinned entry keeps its place throughout."""
    debate_id = seed(sqlite_db)
    debates = DebateService(sqlite_db)
    debate = debates.get(debate_id)  # timed during the debate: today, in a session that runs all day
    debates.update(debate, meeting_date=date.today(),
                   settings=replace(debate.settings, sessions=[("00:00", "23:59")]))
    svc = SpeakersService(sqlite_db)
    japan = next(e for e in svc.entries(debate_id) if e.delegation == "Japan")
    svc.move(japan.id, to=2, reason="the Vice-Minister leaves at 11:00")  # type: ignore[arg-type]
    clock = FakeClock()

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            timer = app.query_one(SpeakerTimer)
            timer.clock = clock
            before = names(app)
            assert before[:2] == ["Office for the Coordina…", "Japan"]
            await pilot.press("down", "down", "down", "down")  # highlight Argentina (5th)
            assert "Next: Office for the Coordination" in static(app, "#sp-timer")
            await pilot.press("space")
            await settle(pilot)
            assert timer.speaker == "Office for the Coordination of Humanitarian Affairs"
            assert names(app) == before  # nothing moved
            assert "then: Japan" in static(app, "#sp-timer")
            await pilot.press("n")  # the panel named Japan: Japan gets the floor, not the next by rules
            await settle(pilot)
            assert timer.speaker == "Japan" and names(app) == before
            await pilot.press("f")
            await settle(pilot)
            table = app.query_one("#sp-table", DataTable)
            table.move_cursor(row=before.index("Brazil"))
            await pilot.press("t")  # Brazil, explicitly, out of turn
            await settle(pilot)
            assert timer.speaker == "Brazil"
            said = [m for m, _severity in app.notices]
            assert any("Brazil speaks out of turn (next on the list: International Committee of the Red Cross);"
                       " listed where it is heard: position 3 (was 10)" in m for m in said)
            after = names(app)
            assert after[:3] == ["Office for the Coordina…", "Japan", "Brazil"]
            assert "Next: " not in static(app, "#sp-timer") and "then: International Committee" in static(app, "#sp-timer")

    run(scenario)
    entries = {e.delegation: e for e in SpeakersService(sqlite_db).entries(debate_id)}
    assert entries["Japan"].status == Status.SPOKE and entries["Argentina"].status == Status.INSCRIBED
    assert entries["Brazil"].status == Status.SPEAKING


def test_a_rehearsal_out_of_turn_and_a_withdrawal_undone_move_no_one(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Issue 13, on the 2014 debate timed today: space, n, f (two briefers rehearsed), then `t` on
    Brazil says it is a rehearsal and moves nothing; w twice on the first briefer gives back "spoke"."""
    debate_id = seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            app.query_one(SpeakerTimer).clock = FakeClock()
            before = names(app)
            await pilot.press("space", "n", "f")
            await settle(pilot)
            assert names(app) == before
            table = app.query_one("#sp-table", DataTable)
            table.move_cursor(row=before.index("Brazil"))
            await pilot.press("t")
            await settle(pilot)
            said = [m for m, _severity in app.notices]
            assert any("a rehearsal: it stays at position 10" in m for m in said)
            assert names(app) == before
            table.move_cursor(row=0)
            await pilot.press("w")
            await settle(pilot)
            await pilot.press("w")
            await settle(pilot)
            assert names(app) == before

    run(scenario)
    entries = {e.delegation: e for e in SpeakersService(sqlite_db).entries(debate_id)}
    ocha = entries["Office for the Coordination of Humanitarian Affairs"]
    assert ocha.status == Status.SPOKE and ocha.actual_seconds is not None


def test_a_turn_left_speaking_is_taken_over_by_the_timer(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Reopened mid-turn: the timer holds the speaker marked as speaking, so `n` logs it and
    moves on instead of leaving two delegations speaking at once."""
    debate_id = seed(sqlite_db)
    svc = SpeakersService(sqlite_db)
    ocha = svc.view(debate_id).placements[0].entry
    svc.start(ocha.id, at=datetime.now().replace(microsecond=0) - timedelta(minutes=3))  # type: ignore[arg-type]

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            timer = app.query_one(SpeakerTimer)
            assert timer.state == "running" and timer.entry_id == ocha.id and 170 <= timer.elapsed <= 300
            await pilot.press("n")
            await settle(pilot)
            assert timer.speaker == "International Committee of the Red Cross"

    run(scenario)
    entries = {e.delegation_code: e for e in SpeakersService(sqlite_db).entries(debate_id)}
    assert entries["OCHA"].status == Status.SPOKE and 170 <= (entries["OCHA"].actual_seconds or 0) <= 300
    assert [e.status for e in entries.values()].count(Status.SPEAKING) == 1


def test_c_inscribes_the_council_of_the_year(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """A new debate: one key puts the fifteen members of its year on the list, once."""
    debate = DebateService(sqlite_db).create("Protection of civilians in armed conflict", meeting_number=7109,
                                             meeting_date=date(2014, 2, 12), presidency="Lithuania")

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            footer_keys = {b.key for b in app.query_one(SpeakersPane).BINDINGS if isinstance(b, Binding) and b.show}
            assert "c" in footer_keys
            await pilot.press("c")
            await settle(pilot)
            assert len(names(app)) == 15 and names(app)[-1] == "Lithuania"
            await pilot.press("c")
            await settle(pilot)
            said = [m for m, _severity in app.notices]
            assert said[0].startswith("15 Council members of 2014 inscribed")
            assert said[-1] == "all 15 Council members of 2014 are on the list already: nothing added"
            assert len(names(app)) == 15

    run(scenario)
    assert len(SpeakersService(sqlite_db).entries(debate.id)) == 15  # type: ignore[arg-type]


def test_schedule_view(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("s")
            await pilot.pause()
            sched = app.query_one("#sp-schedule", DataTable)
            assert sched.has_focus
            assert str(sched.get_row_at(0)[2]) == "Wed 12 Feb 10:00-13:00 S/PV.7109"
            assert str(sched.get_row_at(1)[0]) == "10:00-10:10"
            assert "Wed 10:00 #1-10 (10)" in static(app, "#sp-sessions")
            await pilot.press("s")
            await pilot.pause()
            assert app.query_one("#sp-table", DataTable).has_focus

    run(scenario)


def test_chinese_debate_shows_chinese_names(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    seed(sqlite_db, language="zh")

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            assert names(app)[:4] == ["人道主义事务协调厅", "红十字国际委员会", "立陶宛", "阿根廷"]

    run(scenario)


class SpeakersOnly(App[None]):
    """The speakers pane alone, so its snapshot does not change with the other tabs."""

    CSS_PATH = stylesheet_path()

    def __init__(self, db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.services, self.debate_id = Services(db), debate_id

    def compose(self) -> ComposeResult:
        yield SpeakersPane(self.services, id="pane-speakers")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SpeakersPane).post_message(DebateSelected(self.debate_id))


def test_snapshot(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    debate_id = seed(sqlite_db)
    svc = SpeakersService(sqlite_db)
    japan = next(e for e in svc.entries(debate_id) if e.delegation == "Japan")
    svc.move(japan.id, to=3, reason="the Vice-Minister leaves at 11:00")  # type: ignore[arg-type]
    chad = next(e for e in svc.entries(debate_id) if e.delegation == "Chad")
    svc.withdraw(chad.id)  # type: ignore[arg-type]
    app = SpeakersOnly(sqlite_db, debate_id)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await settle(pilot)
        app.query_one("#sp-table", DataTable).focus()
        await pilot.press("down", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def statuses(app: RecordingApp) -> list[str]:
    table = app.query_one("#sp-table", DataTable)
    return [str(table.get_row_at(i)[4]) for i in range(table.row_count)]


def test_a_rehearsal_is_undone_row_by_row_or_reset_after_asking(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """The user's practice run (space, space, space, n, f) left rows 1-2 "spoke" and the timer's
    "Next:" on #3, with no way back. `u` undoes the highlighted row's timing; `R` asks, then clears
    every timing of the debate: the list, the plan and "Next:" are as before the rehearsal."""
    debate_id = seed(sqlite_db)
    planned = SpeakersService(sqlite_db).view(debate_id).rows()

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            app.query_one(SpeakerTimer).clock = FakeClock()
            before = names(app)
            for key in ("space", "space", "space", "n", "f"):
                await pilot.press(key)
                await settle(pilot)
            assert statuses(app)[:3] == ["spoke", "spoke", "inscribed"]
            assert "Next: Lithuania" in static(app, "#sp-timer")
            table = app.query_one("#sp-table", DataTable)
            table.move_cursor(row=1)
            await pilot.press("u")  # the ICRC has not spoken yet
            await settle(pilot)
            assert statuses(app)[:3] == ["spoke", "inscribed", "inscribed"]
            assert "Next: International Committee" in static(app, "#sp-timer")
            await pilot.press("R")
            await settle(pilot)
            assert type(app.screen).__name__ == "ConfirmScreen"
            assert "1 speaker" in str(app.screen.query_one("Label").render())
            await pilot.press("escape")  # kept: nothing changes
            await settle(pilot)
            assert statuses(app)[0] == "spoke"
            await pilot.press("R", "y")
            await settle(pilot)
            assert set(statuses(app)) == {"inscribed"} and names(app) == before
            assert "Next: Office for the Coordination" in static(app, "#sp-timer")
            footer = app.query_one(Footer)
            shown = {getattr(k, "key", None) for k in footer.query("FooterKey")}
            assert {"u", "R"} <= shown

    run(scenario)
    after = SpeakersService(sqlite_db).view(debate_id).rows()
    assert [{**row, "version": 0} for row in after] == [{**row, "version": 0} for row in planned]


def test_row_keys_in_the_schedule_act_on_the_row_under_the_cursor(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """In the schedule view (`s`), `e` edited the entry highlighted in the hidden list ("Edit #17
    ICRC" on row 19): every row key acts on the schedule's row; a session's header row is no one."""
    debate_id = seed(sqlite_db)
    ids = {e.delegation: e.id for e in SpeakersService(sqlite_db).entries(debate_id)}

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("s")
            await settle(pilot)
            sched = app.query_one("#sp-schedule", DataTable)
            last = sched.row_count - 1
            assert str(sched.get_row_at(last)[2]) == "Brazil"
            sched.move_cursor(row=last)
            await pilot.press("e")
            await settle(pilot)
            assert str(app.screen.query_one("Label").render()) == f"Edit #{ids['Brazil']} Brazil"
            assert "Brazil" in static(app, "#sp-why")
            await pilot.press("escape")
            await settle(pilot)
            sched.move_cursor(row=0)  # the session's header
            await pilot.press("e")
            await settle(pilot)
            assert type(app.screen).__name__ != "EntryDialog"
            sched.move_cursor(row=last - 1)  # Japan
            await pilot.press("w")
            await settle(pilot)
            assert sched.has_focus and "Japan" not in [str(sched.get_row_at(i)[2]) for i in range(sched.row_count)]

    run(scenario)
    entries = {e.delegation: e for e in SpeakersService(sqlite_db).entries(debate_id)}
    assert entries["Japan"].status == Status.WITHDRAWN
    assert {e.delegation for e in entries.values() if e.status == Status.WITHDRAWN} == {"Japan"}


def test_every_field_typed_in_order_is_saved(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """The user typed the delegation, chose the level, then the representative and title: those two
    were lost (the Tab after the level landed on the basis list, which swallowed the typing). Now
    Tab goes through the fields in the order they are filled, each with its label; Tab passes the
    roster's matches by; a letter on a closed list opens it and searches (nothing typed vanishes)."""
    debate_id = seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=(80, 24)) as pilot:  # the smallest terminal the README promises
            await open_pane(pilot)
            await pilot.press("a")
            await settle(pilot)
            dialog = app.screen
            order = []
            await pilot.press(*"Ireland")
            await pilot.pause()
            assert dialog.query_one("#sp-dlg-matches", OptionList).display  # the matches are shown …
            await pilot.press("tab")  # … and passed by
            order.append(app.focused.id if app.focused else None)
            await pilot.press(*"Mr. Seán Byrne", "tab")
            order.append(app.focused.id if app.focused else None)
            await pilot.press(*"Minister for Foreign Affairs", "tab")
            order.append(app.focused.id if app.focused else None)
            await pilot.press("enter", "down", "down", "enter")  # the level: minister
            await pilot.pause()
            await pilot.press("tab")
            order.append(app.focused.id if app.focused else None)
            await pilot.press("r")  # on the closed basis list: it opens at "rule 37 …"
            await pilot.pause()
            assert dialog.query_one("#sp-dlg-basis", Select).expanded
            await pilot.press("enter", "tab")
            order.append(app.focused.id if app.focused else None)
            await pilot.press(*"Nordic countries", "tab")
            order.append(app.focused.id if app.focused else None)
            await pilot.press(*"4", "tab", "tab")
            order.append(app.focused.id if app.focused else None)
            await pilot.press(*"[late] by e-mail", "tab")
            order.append(app.focused.id if app.focused else None)
            assert order == ["sp-dlg-representative", "sp-dlg-title", "sp-dlg-level", "sp-dlg-basis", "sp-dlg-group",
                             "sp-dlg-minutes", "sp-dlg-notes", "sp-dlg-person"]
            labels = [str(x.render()) for x in dialog.query(".sp-dlg-label")]
            assert labels[:3] == ["Delegation", "Representative", "Title"]
            await pilot.press("ctrl+s")
            await settle(pilot)

    run(scenario)
    ireland = next(e for e in SpeakersService(sqlite_db).entries(debate_id) if e.delegation_code == "IRL")
    assert (ireland.representative, ireland.title, ireland.level.value, ireland.basis.value) == (
        "Mr. Seán Byrne", "Minister for Foreign Affairs", "minister", "rule37")
    assert (ireland.on_behalf_of, ireland.planned_minutes, ireland.notes) == ("NORDIC", 4.0, "[late] by e-mail")


def test_down_opens_the_matches_and_the_box_reads_ticked_or_not(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    seed(sqlite_db)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("a")
            await settle(pilot)
            await pilot.press(*"Kaz", "down")
            assert app.focused is app.screen.query_one("#sp-dlg-matches", OptionList)
            await pilot.press("tab")  # out of the open list, on to the next field
            assert app.focused is not None and app.focused.id == "sp-dlg-representative"
            box = app.screen.query_one("#sp-dlg-person", Checkbox)
            unticked = box.render().plain
            box.focus()
            await pilot.press("space")
            await pilot.pause()
            ticked = box.render().plain
            assert "✓" in ticked and "✓" not in unticked and "X" not in unticked + ticked

    run(scenario)
