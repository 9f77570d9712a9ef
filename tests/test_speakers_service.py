"""The speakers service on a real database (SQLite and PostgreSQL): inscriptions, overrides,
optimistic concurrency, CSV and verbatim-record import, briefers from the concept note."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from debateprep.domain.debate import DebateSettings
from debateprep.domain.errors import Conflict, InputError, NotFound, StaleEdit
from debateprep.domain.speakers import Basis, Level, Status
from debateprep.services.debates import DebateService
from debateprep.services.speakers import SpeakersService

REPO = Path(__file__).resolve().parents[1]
SEED_NOTE = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
T0 = datetime(2014, 2, 5, 9)


@pytest.fixture
def svc(db) -> SpeakersService:  # type: ignore[no-untyped-def]
    return SpeakersService(db)


@pytest.fixture
def poc(svc: SpeakersService) -> int:
    """S/PV.7109: Protection of civilians, 12 February 2014, Lithuania presiding."""
    debate = DebateService(svc.db).create(
        "Protection of civilians in armed conflict", meeting_number=7109, meeting_date=date(2014, 2, 12),
        presidency="Lithuania", settings=DebateSettings(limits_minutes={"briefer": 10, "group": 7}))
    assert debate.id is not None
    return debate.id


def inscribe(svc: SpeakersService, debate: int) -> None:
    rows = [("Lithuania", "minister", 1), ("Chad", None, 2), ("Argentina", None, 3), ("Jordan", None, 4),
            ("OCHA", None, 5), ("ICRC", None, 6), ("Switzerland", None, 7), ("Norway", "minister", 8),
            ("European Union", None, 9), ("Japan", None, 10)]
    for name, level, minute in rows:
        extra = {"on_behalf_of": "Group of Friends of PoC"} if name == "Switzerland" else {}
        svc.add(debate, name, level=level, inscribed_at=T0 + timedelta(minutes=minute),
                draw=minute if name in ("Chad", "Argentina", "Jordan") else None, **extra)


def order(svc: SpeakersService, debate: int) -> list[str]:
    return [r["delegation"] for r in svc.view(debate).rows() if r["position"]]


def test_add_resolves_the_roster_and_orders_by_the_rules(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    view = svc.view(poc)
    assert view.settings.president_code == "LTU"
    assert order(svc, poc) == [
        "Office for the Coordination of Humanitarian Affairs", "International Committee of the Red Cross",
        "Lithuania",  # the President, inscribed as a minister: right after the briefers
        "Chad", "Argentina", "Jordan", "Norway", "Switzerland", "European Union", "Japan"]
    rows = {r["delegation"]: r for r in view.rows()}
    assert rows["Chad"]["basis"] == "member" and rows["Norway"]["basis"] == "rule37"
    assert rows["European Union"]["basis"] == "observer" and rows["ICRC" if False else "International Committee of the Red Cross"]["basis"] == "briefer"
    assert rows["Switzerland"]["on_behalf_of"] == "POC" and rows["Switzerland"]["planned_minutes"] == 7
    assert rows["Office for the Coordination of Humanitarian Affairs"]["planned_start"] == "2014-02-12T10:00"
    assert rows["International Committee of the Red Cross"]["planned_start"] == "2014-02-12T10:10"
    assert rows["Japan"]["session_label"] == "Wed 12 Feb 10:00-13:00 S/PV.7109"


def test_unknown_delegation_and_duplicate_change_nothing(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    before = svc.entries(poc)
    with pytest.raises(InputError, match="unknown delegation 'Narnia'"):
        svc.add(poc, "Narnia")
    with pytest.raises(Conflict, match=r"Norway is already inscribed \(entry #\d+, inscribed\)"):
        svc.add(poc, "norway", level="minister")
    assert svc.entries(poc) == before
    # on behalf of a group is a different inscription; after a withdrawal one may inscribe again
    svc.add(poc, "Norway", on_behalf_of="Nordic countries")
    norway = next(e for e in svc.entries(poc) if e.delegation == "Norway" and not e.on_behalf_of)
    svc.withdraw(norway.id)  # type: ignore[arg-type]
    again = svc.add(poc, "挪威")
    assert again.delegation == "Norway" and again.delegation_code == "NOR"


def test_person_in_a_personal_capacity(svc: SpeakersService, poc: int) -> None:
    e = svc.add(poc, "Ms. Jane Doe", person=True, title="civil society briefer")
    assert e.delegation_code is None and e.basis == Basis.BRIEFER and e.level == Level.OTHER


def test_stale_edit_names_what_changed(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    japan = next(e for e in svc.entries(poc) if e.delegation == "Japan")
    svc.update(japan.id, japan.version, level="vice-minister", representative="Mr. Kishi")  # type: ignore[arg-type]
    with pytest.raises(StaleEdit) as err:
        svc.update(japan.id, seen=japan, notes="arrives at noon")  # type: ignore[arg-type]
    message = str(err.value)
    assert "you edited version 1, it is now version 2" in message
    assert "level permanent_representative -> vice_minister" in message and "representative" in message
    assert svc.entry(japan.id).notes == ""  # type: ignore[arg-type]
    with pytest.raises(StaleEdit, match="level is now vice_minister"):  # only the version known (CLI)
        svc.update(japan.id, 1, level="minister")  # type: ignore[arg-type]


def test_overrides_persist_and_survive_resort(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    japan = next(e for e in svc.entries(poc) if e.delegation == "Japan")
    svc.move(japan.id, to=3, reason="the Vice-Minister must leave at 11:00")  # type: ignore[arg-type]
    chad = next(e for e in svc.entries(poc) if e.delegation == "Chad")
    svc.move(chad.id, after="Argentina")  # type: ignore[arg-type]
    svc.add(poc, "Secretary-General", inscribed_at=T0 + timedelta(hours=3))  # a re-sort
    svc.add(poc, "Brazil", level="minister", inscribed_at=T0 + timedelta(hours=3))
    assert order(svc, poc)[:7] == ["Secretary-General", "Office for the Coordination of Humanitarian Affairs",
                                   "Japan", "International Committee of the Red Cross", "Lithuania", "Argentina",
                                   "Chad"]
    row = next(r for r in svc.view(poc).rows() if r["delegation"] == "Japan")
    assert row["override"] == "pinned at position 3 (the Vice-Minister must leave at 11:00)"
    assert row["auto_position"] == 12 and "Manual override" in row["why"]
    svc.clear_override(japan.id)  # type: ignore[arg-type]
    assert order(svc, poc)[-1] == "Japan"
    with pytest.raises(InputError, match="exactly one of"):
        svc.move(japan.id, to=2, after="Chad")  # type: ignore[arg-type]


def test_timer_logs_actual_duration_beside_the_plan_and_forecasts(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    first = svc.view(poc).placements[0].entry
    svc.start(first.id, at=datetime(2014, 2, 12, 10, 0))  # type: ignore[arg-type]
    svc.finish(first.id, actual_seconds=17 * 60)  # type: ignore[arg-type]
    rows = svc.view(poc).rows()
    assert rows[0]["status"] == "spoke" and rows[0]["actual_seconds"] == 17 * 60 and rows[0]["record"] == "debate"
    assert rows[0]["actual_start"] == "2014-02-12T10:00:00"
    assert rows[1]["planned_start"] == "2014-02-12T10:10"  # the plan stays
    assert rows[1]["expected_start"] == "2014-02-12T10:17"  # the forecast follows what happened


def test_timer_on_another_day_is_a_rehearsal(svc: SpeakersService, poc: int) -> None:
    """Timing the 2014 debate today logs durations but leaves its schedule alone."""
    inscribe(svc, poc)
    before = svc.view(poc).rows()
    entries = [p.entry for p in svc.view(poc).placements]
    svc.start(entries[0].id, at=datetime(2026, 11, 27, 15, 53))  # type: ignore[arg-type]
    svc.finish(entries[0].id, actual_seconds=312)  # type: ignore[arg-type]
    svc.start(entries[1].id, at=datetime(2026, 11, 27, 15, 59))  # type: ignore[arg-type]
    view = svc.view(poc, now=datetime(2026, 11, 29, 6, 53))
    rows = view.rows()
    keys = ("position", "delegation", "planned_start", "planned_end", "session", "session_label")
    assert [{k: r[k] for k in keys} for r in rows] == [{k: r[k] for k in keys} for r in before]
    assert {r["session"] for r in rows} == {1} and view.schedule.forecast is None
    assert rows[0]["record"] == "rehearsal" and rows[0]["actual_seconds"] == 312
    assert rows[1]["record"] == "rehearsal" and rows[1]["status"] == "speaking"
    assert all(r["expected_start"] is None for r in rows)


CSV_OK = """delegation,representative,level,basis,on_behalf_of,inscribed_at,draw,notes,override
Chad,,,,,2014-02-05 09:02,2,,
Jordan,Ms. Kawar,PR,,,2014-02-05 09:04,4,,
OCHA,Valerie Amos,,,,2014-02-05 09:05,,to be confirmed,
瑞士,,,,Group of Friends of PoC,2014-02-05 09:07,,"statement of 7 minutes, circulated",
Norway,,minister,,,2014-02-05 09:08,,,after Switzerland
Lithuania,,部长,,,2014-02-05 09:01,1,,
"""


def test_csv_import_export_round_trip(svc: SpeakersService, poc: int, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV_OK, encoding="utf-8")
    added = svc.import_csv(poc, path)
    assert len(added) == 6
    assert order(svc, poc) == ["Office for the Coordination of Humanitarian Affairs", "Lithuania", "Chad", "Jordan",
                               "Switzerland", "Norway"]
    exported = svc.export_csv(poc)
    assert exported.splitlines()[0].startswith("position,delegation,code,representative")
    assert "after Switzerland" in exported and "Ms. Kawar" in exported
    other = DebateService(svc.db).create("copy", meeting_date=date(2014, 2, 12), presidency="Lithuania").id
    again = tmp_path / "again.csv"
    again.write_text(exported, encoding="utf-8")
    svc.import_csv(other, again)
    assert order(svc, other) == order(svc, poc)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("", "empty file"),
        ("name;level\nChad;PR\n", "row 1: no 'delegation' column"),
        ("delegation,level\nChad,PR\nJordan,PR,extra\n", "row 3: 3 fields where the header has 2"),
        ("delegation,level\nChad,PR\nNarnia,PR\n", "row 3: unknown delegation 'Narnia'"),
        ("delegation,level\nChad,PR\nJordan,ministre\n", "row 3: unknown level 'ministre'"),
        ("delegation,inscribed_at\nChad,yesterday\n", "row 2: inscribed_at 'yesterday' is not a date"),
        ("delegation\nChad\nJordan\nchad\n", r"row 4: Chad is inscribed twice \(earlier in the file, row 2\)"),
        ("delegation\nNorway\n", r"row 2: Norway is inscribed twice \(on the list already"),
        ("delegation,override\nChad,after Narnia\n", "row 2: override refers to 'Narnia'"),
        ('delegation,notes\nChad,"unclosed\n', "row"),
    ],
)
def test_malformed_csv_is_refused_whole(svc: SpeakersService, poc: int, tmp_path: Path, content: str,
                                        problem: str) -> None:
    svc.add(poc, "Norway")
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    before = svc.entries(poc)
    with pytest.raises(InputError, match=problem) as err:
        svc.import_csv(poc, path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)
    assert svc.entries(poc) == before


def test_briefers_from_the_concept_note(svc: SpeakersService) -> None:
    from debateprep.services.notes import NotesService

    result = NotesService(svc.db).import_file(SEED_NOTE)
    assert result.debate_id is not None
    added = svc.import_briefers(result.debate_id)
    assert [e.delegation_code for e in added] == ["OCHA", "DPKO", "OHCHR", "ICRC"]
    assert all(e.basis == Basis.BRIEFER and not e.confirmed for e in added)
    assert added[0].representative == "瓦莱丽·阿莫斯" and added[0].title == "主管人道主义事务副秘书长"
    assert "S/2014/74" in added[0].notes and "to be confirmed" in added[0].notes
    assert svc.import_briefers(result.debate_id) == []  # nothing twice
    assert svc.view(result.debate_id).settings.president_code == "LTU"  # presidency 立陶宛


def test_import_verbatim_record_8699(svc: SpeakersService, shared_data: Path) -> None:
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699*_spch*.txt"))
    if not files:
        pytest.skip("S/PV.8699 is not in ../shared/data")
    debate = DebateService(svc.db).create(  # no setting: the rule places the minister presiding
        "Maintenance of international peace and security: upholding the Charter", meeting_number=8699,
        meeting_date=date(2020, 1, 9), presidency="Viet Nam")
    added = svc.import_record(debate.id, files)
    assert len(added) == 110
    rows = svc.view(debate.id).rows()
    assert [r["code"] for r in rows[:6]] == ["SG", "ELDERS", "VNM", "VCT", "EST", "DEU"]
    assert [r["delegation"] for r in rows] == [e.delegation for e in added]  # the order heard
    assert "presiding at minister level" in rows[2]["why"] and rows[2]["override"] is None
    eu = next(r for r in rows if r["code"] == "EU")
    assert eu["basis"] == "observer" and eu["on_behalf_of"] == "EU"
    with pytest.raises(Conflict, match="already on the list"):
        svc.import_record(debate.id, files)
    assert len(svc.entries(debate.id)) == 110  # type: ignore[arg-type]


@pytest.mark.parametrize(("meeting", "day", "presidency", "president", "overrides"), [
    (8723, date(2020, 2, 13), "Belgium", 4, 0),  # the other 2020 open debate: a minister presiding
    (8706, date(2020, 1, 22), "Viet Nam", 19, 2),  # an ambassador presiding; the parties heard after the briefers
])
def test_a_record_imports_in_the_order_heard_with_its_departures_as_overrides(
        svc: SpeakersService, shared_data: Path, meeting: int, day: date, presidency: str, president: int,
        overrides: int) -> None:
    files = sorted((shared_data / "spv_2020_speeches").glob(f"UNSC_2020_SPV.{meeting}*_spch*.txt"))
    if not files:
        pytest.skip(f"S/PV.{meeting} is not in ../shared/data")
    debate = DebateService(svc.db).create(f"S/PV.{meeting}", meeting_number=meeting, meeting_date=day,
                                          presidency=presidency)
    added = svc.import_record(debate.id, files)
    view = svc.view(debate.id)
    assert [p.entry.id for p in view.placements] == [e.id for e in added]  # the order heard
    president = view.placements[president - 1]
    assert president.entry.delegation == presidency and not president.overridden
    kept = [p for p in view.placements if p.entry.override is not None]
    assert len(kept) == overrides
    for p in kept:
        assert p.overridden and f"(order heard in S/PV.{meeting})" in p.explain()
    if meeting == 8706:
        assert [p.entry.delegation_code for p in kept] == ["PSE", "ISR"]
        assert view.rows()[2]["override"] == (
            "kept after Office for the Coordination of Humanitarian Affairs (order heard in S/PV.8706)")


def test_the_presidents_place_set_for_a_debate_both_ways(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    rows = {r["code"]: r for r in svc.view(poc).rows()}  # Lithuania presides, inscribed at minister level
    first_by_rule = rows["LTU"]["position"]
    assert rows["LTU"]["override"] is None and "presiding at minister level" in rows["LTU"]["why"]
    debates = DebateService(svc.db)
    debates.update(debates.resolve(poc), president_first=False)
    rows = {r["code"]: r for r in svc.view(poc).rows()}
    assert rows["LTU"]["position"] > first_by_rule
    assert rows["LTU"]["override"].startswith("set for this debate: the President speaks last among members")
    assert rows["LTU"]["auto_position"] == first_by_rule
    debates.update(debates.resolve(poc), president_first=None)
    assert {r["code"]: r for r in svc.view(poc).rows()}["LTU"]["position"] == first_by_rule


def test_withdrawn_stays_visible_but_unplaced(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    chad = next(e for e in svc.entries(poc) if e.delegation == "Chad")
    svc.withdraw(chad.id)  # type: ignore[arg-type]
    rows = svc.view(poc).rows()
    assert rows[-1]["delegation"] == "Chad" and rows[-1]["position"] is None and rows[-1]["status"] == "withdrawn"
    assert svc.reinstate(chad.id).status == Status.INSCRIBED  # type: ignore[arg-type]


def test_delete_with_a_stale_version_is_refused_saying_how_the_entry_reads(db) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: every change names the version it was made against, delete included."""
    from debateprep.domain.errors import StaleEdit
    from debateprep.services.debates import DebateService
    from debateprep.services.speakers import SpeakersService

    debate = DebateService(db).create("Protection of civilians", meeting_date=date(2014, 2, 12))
    service = SpeakersService(db)
    seen = service.add(debate.id, "China")
    service.update(seen.id, seen.version, level="minister")
    with pytest.raises(StaleEdit, match="level minister") as refused:
        service.delete(seen.id, seen.version)
    assert "not deleted" in str(refused.value)
    assert [e.id for e in service.entries(debate.id)] == [seen.id]
    assert service.delete(seen.id, seen.version + 1).id == seen.id
    assert service.entries(debate.id) == []


def test_a_briefer_heard_by_surname_is_the_one_on_the_list(svc: SpeakersService, tmp_path: Path) -> None:
    from tests.test_statements_service import RECORD_EN, RECORD_ZH

    for record, listed in ((RECORD_EN, "Khaled Khiari"), (RECORD_ZH, "哈立德·希亚里")):
        debate = DebateService(svc.db).create("The situation in the Middle East", meeting_number=9999,
                                              meeting_date=date(2024, 5, 2), presidency="Malta")
        assert debate.id is not None
        path = tmp_path / "S_PV.9999.txt"
        path.write_text(record, encoding="utf-8")
        fresh = svc.import_record(debate.id, [path])  # an empty list: the briefer comes in as heard
        assert [e.basis for e in fresh][:1] == [Basis.BRIEFER]
        svc.delete(fresh[0].id)  # type: ignore[arg-type]
        svc.delete(fresh[1].id)  # type: ignore[arg-type]
        entry = svc.add(debate.id, listed, person=True, basis="briefer")
        # listed before the meeting: the record's "Mr. Khiari" is that entry, not a second briefer
        with pytest.raises(Conflict, match=f"{listed} is already on the list \\(entry #{entry.id}\\)"):
            svc.import_record(debate.id, [path])
        assert [e.delegation for e in svc.entries(debate.id)] == [listed]


def test_inscribe_the_council_of_the_debates_year(svc: SpeakersService, poc: int) -> None:
    svc.add(poc, "中国")
    chad = svc.add(poc, "Chad")
    svc.withdraw(chad.id)  # type: ignore[arg-type]
    svc.add(poc, "Jordan", on_behalf_of="E10")  # for a group: still Jordan on the list
    done = svc.inscribe_council(poc)
    assert done.year == 2014 and len(done.added) == 12
    assert [e.delegation_code for e in done.already] == ["CHN", "TCD", "JOR"]
    assert all(e.basis == Basis.MEMBER and e.level == Level.PERMANENT_REPRESENTATIVE for e in done.added)
    assert [e.delegation_code for e in done.added][:4] == ["FRA", "RUS", "GBR", "USA"]  # the roster's order
    assert "already on the list: China, Chad (withdrawn), Jordan" in done.summary()
    placed = [r for r in svc.view(poc).rows() if r["position"]]
    assert len(placed) == 14 and placed[-1]["delegation"] == "Lithuania"  # the President speaks last
    again = svc.inscribe_council(poc)  # idempotent
    assert again.added == [] and len(again.already) == 15 and "nothing added" in again.summary()
    assert len(svc.entries(poc)) == 15


def test_inscribe_the_council_needs_a_year_the_roster_knows(svc: SpeakersService) -> None:
    debates = DebateService(svc.db)
    undated = debates.create("No date yet")
    with pytest.raises(InputError, match="has no meeting date, so no Council year"):
        svc.inscribe_council(undated.id)
    old = debates.create("1999", meeting_date=date(1999, 6, 1))
    with pytest.raises(NotFound, match="the roster has no Council composition for 1999 \\(it has 2014, "):
        svc.inscribe_council(old.id)
    assert svc.entries(old.id) == []  # type: ignore[arg-type]
    assert len(svc.inscribe_council(undated.id, year=2020).added) == 15


def test_a_rehearsal_out_of_turn_moves_no_one_and_reinstating_keeps_the_record(svc: SpeakersService,
                                                                             poc: int) -> None:
    """Issue 13: timing the fourth speaker out of turn on another day leaves the order as the rules
    make it; on the debate's day it is listed where heard. A withdrawn entry comes back as it was."""
    inscribe(svc, poc)
    before = order(svc, poc)
    fourth = svc.view(poc).placements[3].entry
    assert fourth.id is not None
    svc.start(fourth.id, at=datetime(2026, 11, 27, 15, 53))
    svc.finish(fourth.id, 250)
    assert order(svc, poc) == before
    svc.withdraw(fourth.id)
    back = svc.reinstate(fourth.id)
    assert (back.status, back.actual_seconds) == (Status.SPOKE, 250)
    assert order(svc, poc) == before
    with pytest.raises(Conflict):
        svc.reinstate(fourth.id)
    svc.update(fourth.id, started_at=datetime(2014, 2, 12, 10))  # heard first, during the debate
    assert order(svc, poc)[0] == before[3]


@pytest.mark.parametrize("status", [Status.INSCRIBED, Status.MOVED, Status.SPEAKING, Status.SPOKE])
def test_withdraw_then_reinstate_puts_the_entry_back_exactly_as_it_was(svc: SpeakersService, poc: int,
                                                                         status: Status) -> None:
    """Every status an entry can have comes back from a withdrawal, with its place (an override
    included), its session and its timer record: moved to a later session stays moved."""
    inscribe(svc, poc)
    japan = next(e for e in svc.entries(poc) if e.delegation == "Japan")
    norway = next(e for e in svc.entries(poc) if e.delegation == "Norway")
    assert japan.id is not None and norway.id is not None
    svc.move(norway.id, to=4, reason="leaves at 11:00")
    if status == Status.MOVED:
        svc.later(japan.id)
    elif status in (Status.SPEAKING, Status.SPOKE):
        svc.start(japan.id, at=datetime(2014, 2, 12, 10, 5))
        if status == Status.SPOKE:
            svc.finish(japan.id, 312)
    before = {r["id"]: {k: r[k] for k in ("position", "status", "session", "planned_start", "actual_seconds",
                                          "override")} for r in svc.view(poc).rows()}
    assert before[japan.id]["status"] == status.value
    for entry_id in (japan.id, norway.id):
        svc.withdraw(entry_id)
        assert svc.entry(entry_id).status == Status.WITHDRAWN
        back = svc.reinstate(entry_id)
        assert back.withdrawn_from is None
    after = {r["id"]: {k: r[k] for k in ("position", "status", "session", "planned_start", "actual_seconds",
                                         "override")} for r in svc.view(poc).rows()}
    assert after == before


def test_a_later_session_is_for_entries_waiting_to_speak(svc: SpeakersService, poc: int) -> None:
    inscribe(svc, poc)
    japan = next(e for e in svc.entries(poc) if e.delegation == "Japan")
    assert japan.id is not None
    assert svc.later(japan.id).status == Status.MOVED
    assert order(svc, poc)[-1] == "Japan"
    assert svc.later(japan.id, False).status == Status.INSCRIBED
    svc.finish(japan.id, 200)
    with pytest.raises(Conflict, match="only an entry waiting to speak"):
        svc.later(japan.id)


def test_without_the_years_roster_the_p5_are_members_and_others_are_not_guessed(svc: SpeakersService,
                                                                                tmp_path: Path) -> None:
    """2024 has no roster: the five permanent members are Council members all the same; an
    elected member (Malta sat in 2024) is not guessed to be a rule 37 speaker: adding it without a
    basis says the membership is unknown and how to add the roster; with a basis it goes in."""
    from tests.test_statements_service import RECORD_EN

    debate = DebateService(svc.db).create("The situation in the Middle East", meeting_number=9999,
                                          meeting_date=date(2024, 5, 2), presidency="Malta")
    assert debate.id is not None and 2024 not in svc.roster.council
    for name in ("China", "France", "Russian Federation", "United Kingdom", "United States"):
        assert svc.add(debate.id, name).basis == Basis.MEMBER
    assert svc.add(debate.id, "Holy See").basis == Basis.OBSERVER
    with pytest.raises(InputError, match=r"^Malta: membership unknown for 2024: add the roster \(a \[2024\] "
                                         r"table in speakers/council\.toml\), or give the basis"):
        svc.add(debate.id, "Malta")
    assert svc.add(debate.id, "Malta", basis="member").basis == Basis.MEMBER
    assert svc.add(debate.id, "Japan", basis="rule37").basis == Basis.RULE37
    assert svc.roster.membership("USA", 1950) is True and svc.roster.membership("MLT", 2024) is None
    assert svc.roster.membership("LTU", 2014) is True and svc.roster.membership("LTU", 2020) is False

    other = DebateService(svc.db).create("Record", meeting_number=9998, meeting_date=date(2024, 5, 3))
    path = tmp_path / "S_PV.9998.txt"
    path.write_text(RECORD_EN, encoding="utf-8")
    heard = svc.import_record(other.id, [path])
    assert [(e.delegation, e.basis) for e in heard][1:] == [("China", Basis.MEMBER)]
    path.write_text(RECORD_EN.replace("China", "Malta"), encoding="utf-8")
    third = DebateService(svc.db).create("Record", meeting_number=9997, meeting_date=date(2024, 5, 4))
    with pytest.raises(InputError, match="Malta: membership unknown for 2024: add the roster"):
        svc.import_record(third.id, [path])
    assert svc.entries(third.id) == []  # type: ignore[arg-type]


def test_who_presides_is_checked_against_the_council_of_the_debates_year(svc: SpeakersService) -> None:
    """The President is a Council member: a State that is not one that year is refused in one line
    (saying when it sat); with the year's roster missing, a warning says which roster to add."""
    debates = DebateService(svc.db)
    with pytest.raises(InputError, match=r"^Lithuania is not a Council member in 2020 \(it sat in 2014, 2015\), "
                                         r"so it cannot preside"):
        debates.create("PoC", meeting_date=date(2020, 5, 27), presidency="Lithuania")
    with pytest.raises(InputError, match=r"^Japan is not a Council member in 2014, so it cannot preside"):
        debates.create("PoC", meeting_date=date(2014, 2, 12), presidency="Japan")
    with pytest.raises(InputError, match="the President: unknown delegation 'Atlantis'"):
        debates.create("PoC", meeting_date=date(2014, 2, 12), presidency="Atlantis")
    assert debates.list() == []
    poc = debates.create("PoC", meeting_date=date(2014, 2, 12), presidency="Lithuania")
    assert debates.presidency_problem(poc) is None
    with pytest.raises(InputError, match="Norway is not a Council member in 2014"):
        debates.update(poc, president_delegation="Norway")
    with pytest.raises(InputError, match="Lithuania is not a Council member in 2020"):
        debates.update(poc, meeting_date=date(2020, 2, 12), presidency="Lithuania")
    assert debates.get(poc.id).meeting_date == date(2014, 2, 12)  # type: ignore[arg-type]
    # a new date alone is not refused (the 2014 debate rehearsed today), but the problem is said
    rehearsed = debates.update(poc, meeting_date=date(2020, 2, 12))
    assert debates.presidency_problem(rehearsed) == (
        "Lithuania is not a Council member in 2020 (it sat in 2014, 2015), so it cannot preside (see "
        "`debateprep speakers council 2020`)", True)
    moved = debates.update(rehearsed, meeting_date=date(2024, 5, 2), presidency="Malta")  # no roster for 2024
    assert debates.presidency_problem(moved) == (
        "the President, Malta, is not checked: membership unknown for 2024: add the roster (a [2024] table in "
        "speakers/council.toml)", False)
    assert svc.view(moved.id).presidency == debates.presidency_problem(moved)[0]  # type: ignore[index]


def test_the_current_debate_is_the_databases_choice_shared_by_every_service(svc: SpeakersService) -> None:
    """`use` is kept in the database: another service object (a colleague's process) sees it;
    a chosen debate that is gone leaves the most recent one current."""
    from debateprep.services.prst import PrstService
    from debateprep.storage.repos import debates as debates_repo

    debates = DebateService(svc.db)
    assert debates.current() is None and debates.chosen() is None
    first = debates.create("PoC", meeting_date=date(2014, 2, 12), presidency="Lithuania")
    second = debates.create("CAAC", meeting_date=date(2014, 3, 7), presidency="Luxembourg")
    assert debates.current() == second
    assert debates.use(first.id) == first
    assert DebateService(svc.db).resolve(None).id == first.id == svc.view(None).debate.id
    assert PrstService(svc.db).new_draft(first.id).debate_id == first.id  # type: ignore[arg-type]
    assert PrstService(svc.db).resolve(None).debate_id == first.id
    assert debates.use(None) == second and debates.chosen() is None
    debates.use(first.id)
    with svc.db.transaction() as s:
        assert first.id is not None
        s.delete(debates_repo.get_row(s, first.id))
    assert debates.chosen() is None and debates.resolve(None) == second


def test_a_withdrawn_speaker_whose_timing_is_undone_comes_back_waiting(svc: SpeakersService, poc: int) -> None:
    """Withdrawn after speaking, then its timing undone (`unspoke`, or the whole timer reset):
    reinstating brings it back inscribed, not "spoke" without a record."""
    inscribe(svc, poc)
    japan, norway = (next(e for e in svc.entries(poc) if e.delegation == name) for name in ("Japan", "Norway"))
    assert japan.id is not None and norway.id is not None
    for entry in (japan, norway):
        svc.finish(entry.id, 200, started_at=datetime(2014, 2, 12, 10))  # type: ignore[arg-type]
        svc.withdraw(entry.id)  # type: ignore[arg-type]
    svc.unspoke(japan.id)
    svc.reset_timer(poc)
    for entry_id in (japan.id, norway.id):
        back = svc.reinstate(entry_id)
        assert (back.status, back.actual_seconds, back.started_at) == (Status.INSCRIBED, None, None)
