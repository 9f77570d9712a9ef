"""The speakers pane: the list in the Council's order, manual overrides, the timer, the schedule.

Keyboard first: a add · e/enter edit · w withdraw/reinstate · shift+↑/↓ (K/J) move · p pin here ·
x back to the rules · space start/pause (the speaker the Timer panel names next) · t time the
highlighted row out of turn · n next speaker · f finish · u not spoken yet (undo the row's timing) ·
R reset the timer (every timing of the debate, after a confirmation) · s schedule · c the year's
Council members · b briefers. Row keys act on the row under the cursor in the view shown (the list
or the schedule).
Database work runs in thread workers (through `self.services.speakers`) that post messages; only
handlers touch widgets. Names and
notes are shown as rich Text with markup off (square brackets are common in UN text).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Static
from textual.widgets.data_table import ColumnKey

from debateprep.domain.cells import clip
from debateprep.domain.errors import DebateprepError
from debateprep.domain.speakers import (
    Basis,
    Level,
    Placement,
    SpeakerEntry,
    Status,
    heard_in_debate,
    order_entries,
    shown_note,
)
from debateprep.i18n import N_, _, full_date, ngettext, weekday_time
from debateprep.services.topics import Topic
from debateprep.tui.localized import Caption, Column, add_columns, relabel_columns
from debateprep.tui.messages import Failed
from debateprep.tui.pane import Pane
from debateprep.tui.widgets.empty import EmptyState
from debateprep.tui.widgets.timer import SpeakerTimer, mmss

if TYPE_CHECKING:
    from debateprep.domain.schedule import Schedule, Slot
    from debateprep.services.speakers import SpeakersService, SpeakersView
    from debateprep.tui.screens.speakers_dialogs import EntryFields

Change = Callable[["SpeakersService"], object]

NAME_CELLS = 24
SCHEDULE_CELLS = 36  # the schedule view: delegation, or the session's label on its header row
# Short forms for the table's narrow columns (msgids).
LEVEL_SHORT = {Level.HEAD: N_("HoS/G"), Level.MINISTER: N_("Min"), Level.VICE_MINISTER: N_("V-Min"),
               Level.PERMANENT_REPRESENTATIVE: N_("PR"), Level.DEPUTY: N_("DPR"), Level.OTHER: "-"}
BASIS_SHORT = {Basis.MEMBER: N_("member"), Basis.BRIEFER: N_("briefer"), Basis.RULE37: N_("r37"),
               Basis.RULE39: N_("r39"), Basis.OBSERVER: N_("observer")}
STATUS_SHORT = {Status.INSCRIBED: N_("inscribed"), Status.SPEAKING: N_("speaking"), Status.SPOKE: N_("spoke"),
                Status.WITHDRAWN: N_("withdrawn"), Status.MOVED: N_("moved")}
COLUMNS = (Column("pos", "#", 4), Column("delegation", N_("delegation"), NAME_CELLS), Column("level", N_("level"), 5),
           Column("basis", N_("basis"), 8), Column("status", N_("status"), 9), Column("start", N_("start"), 8),
           Column("min", N_("min"), 3), Column("session", N_("s"), 2))
SCHEDULE_COLUMNS = (Column("time", N_("time"), 11), Column("pos", "#", 4),
                    Column("who", N_("delegation"), SCHEDULE_CELLS), Column("min", N_("min"), 5),
                    Column("timed", N_("timed"), 10))
KEYS_LINE = N_("a add · c Council members · e edit · w withdraw · shift+↑↓ move · p pin · x rules · "
               "space start the next/pause · t time this row · n next · f finish · u not spoken · R reset timer · "
               "s schedule · b briefers")
STATUS_STYLE = {Status.SPEAKING: "bold reverse", Status.SPOKE: "dim", Status.WITHDRAWN: "dim strike",
                Status.MOVED: "italic"}
WAITING = (Status.INSCRIBED, Status.MOVED)
ADOPT_SECONDS = 3 * 3600  # a turn begun longer ago than this is a stale record, not a running one


def session_lines(sched: Schedule) -> Text:
    """One short line per session: 'Thu 10:00 #1-34 (34) → 13:01', R1 for a resumption."""
    text = Text()
    for first in sched.first_of_each_session():
        inside = [x for x in sched.slots if x.session.number == first.session.number]
        last = inside[-1]
        text.append(f"{weekday_time(first.session.start)} ", style="bold")
        text.append(f"#{first.position}-{last.position} ({len(inside)}) → {last.end:%H:%M}")
        if first.session.day:
            text.append(f" R{first.session.day}", style="yellow")
        text.append("\n")
    if not sched.slots:
        text.append(_("no one scheduled"))
    text.rstrip()
    return text


class SpeakersLoaded(Message):
    def __init__(self, debate_id: int | None, view: SpeakersView | None) -> None:
        self.debate_id = debate_id
        self.view = view
        super().__init__()


class SpeakersSaved(Message):
    """A change was stored; `select` is the entry to keep the cursor on."""

    def __init__(self, note: str, select: int | None = None) -> None:
        self.note = note
        self.select = select
        super().__init__()


def _briefers_added(count: int) -> str:
    if not count:
        return _("no new briefers from the concept note")
    return ngettext("{count} briefer from the concept note", "{count} briefers from the concept note", count).format(
        count=count)


def _timer_reset(count: int) -> str:
    return ngettext("Timer reset: {count} speaker waits to speak again",
                    "Timer reset: {count} speakers wait to speak again", count).format(count=count)


def _id(entry: SpeakerEntry) -> int:
    """The id of an entry read from the database (every entry the pane shows has one)."""
    if entry.id is None:
        raise ValueError(f"{entry.delegation}: an entry that was never stored")
    return entry.id


# The two move keys share one footer entry ("shift+↑shift+↓ Move"): room for the pane's other keys.
MOVE_KEYS = Binding.Group(N_("Move"), compact=True)


class SpeakersPane(Pane):
    DEFAULT_CSS = """
    SpeakersPane { height: 1fr; }
    SpeakersPane #sp-status { height: 1; color: $text-muted; }
    SpeakersPane #sp-keys { height: auto; max-height: 2; color: $text-muted; }
    SpeakersPane #sp-body { height: 1fr; }
    SpeakersPane #sp-switcher { width: 1fr; height: 1fr; }
    SpeakersPane #sp-table, SpeakersPane #sp-schedule { height: 1fr; }
    SpeakersPane #sp-side { width: 38; height: 1fr; }
    SpeakersPane #sp-why { height: 1fr; border: round $panel; padding: 0 1; }
    SpeakersPane #sp-sessions { height: auto; max-height: 12; border: round $panel; padding: 0 1; }
    SpeakersPane EmptyState { margin: 1 0; }
    """
    BINDINGS = [
        Binding("a", "add", N_("Add"), id="speakers-add", tooltip=N_("inscribe a delegation")),
        Binding("c", "inscribe_council", N_("Council"), id="speakers-council",
                tooltip=N_("inscribe the fifteen Council members of the debate's year")),
        Binding("e", "edit", N_("Edit"), id="speakers-edit", tooltip=N_("edit the highlighted entry")),
        Binding("w", "withdraw", N_("Withdraw"), id="speakers-withdraw", tooltip=N_("withdraw or reinstate the entry")),
        Binding("shift+up,K", "move_up", N_("Move up"), id="speakers-move-up", group=MOVE_KEYS,
                tooltip=N_("move the entry up (a manual override)")),
        Binding("shift+down,J", "move_down", N_("Move down"), id="speakers-move-down", group=MOVE_KEYS,
                tooltip=N_("move the entry down (a manual override)")),
        Binding("p", "pin", N_("Pin"), id="speakers-pin", tooltip=N_("pin the entry where it stands")),
        Binding("x", "clear_override", N_("Rules"), id="speakers-clear", tooltip=N_("hand the entry back to the rules")),
        Binding("space", "timer_toggle", N_("Start/pause"), id="speakers-timer",
                tooltip=N_("start the timer for the next speaker, or pause it")),
        Binding("t", "time_row", N_("Time this row"), id="speakers-time-row",
                tooltip=N_("time the highlighted speaker (out of turn)")),
        Binding("n", "next_speaker", N_("Next"), id="speakers-next",
                tooltip=N_("next speaker (logs the current one's time)")),
        Binding("f", "finish", N_("Finish"), id="speakers-finish", tooltip=N_("finish the current speaker")),
        Binding("u", "unspoke", N_("Not spoken"), id="speakers-unspoke",
                tooltip=N_("not spoken yet: undo the highlighted speaker's timing (a rehearsal, a mistake)")),
        Binding("R", "reset_timer", N_("Reset timer"), id="speakers-reset-timer",
                tooltip=N_("clear every recorded speaking time and 'spoke' mark of this debate")),
        Binding("s", "toggle_schedule", N_("Schedule"), id="speakers-schedule",
                tooltip=N_("schedule: when each speaker is expected, by session")),
        Binding("b", "import_briefers", N_("Briefers"), id="speakers-briefers",
                tooltip=N_("inscribe the concept note's briefers (to be confirmed)")),
        # Off the footer: the list reloads itself after every change; this is for a colleague's
        # changes to a shared database (and it is in the command palette).
        Binding("r", "refresh", N_("Refresh"), id="speakers-refresh", show=False, tooltip=N_("reload the list")),
    ]
    TITLE = N_("Speakers")
    TOPICS = frozenset({Topic.DEBATES, Topic.SPEAKERS})

    can_focus = True  # so its keys (a, c, b) work while no one is inscribed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.roster = self.services.roster
        self.view: SpeakersView | None = None
        self.placements: list[Placement] = []
        self._select: int | None = None
        self._write_lock = threading.Lock()
        self._schedule_stale = True
        self._warned_date = False
        self._logged: set[int] = set()  # turns this pane ended: never taken over again from a stale load
        self.name_cells = NAME_CELLS  # the delegation column: wider on a wide terminal

    def compose(self) -> ComposeResult:
        yield Static("", id="sp-status", markup=False)
        yield Caption(KEYS_LINE, id="sp-keys")
        yield EmptyState(N_("No one on the speakers list yet. Press a to inscribe a delegation, c for the year's "
                            "fifteen Council members, b to take the briefers from the concept note, or import a "
                            "CSV or a verbatim record with `debateprep speakers import`."), id="sp-empty")
        with Horizontal(id="sp-body"):
            with ContentSwitcher(initial="sp-table", id="sp-switcher"):
                yield DataTable(id="sp-table", cursor_type="row", zebra_stripes=True)
                yield DataTable(id="sp-schedule", cursor_type="row")
            with Vertical(id="sp-side"):
                yield SpeakerTimer(id="sp-timer")
                yield Static("", id="sp-why", markup=False)
                yield Static("", id="sp-sessions", markup=False)

    def on_mount(self) -> None:
        add_columns(self.query_one("#sp-table", DataTable), COLUMNS)
        add_columns(self.query_one("#sp-schedule", DataTable), SCHEDULE_COLUMNS)
        self._border_titles()
        self._show()

    def _border_titles(self) -> None:
        self.query_one("#sp-why").border_title = _("Why here")
        self.query_one("#sp-sessions").border_title = _("Schedule")

    def relabel(self) -> None:
        relabel_columns(self.query_one("#sp-table", DataTable), COLUMNS)
        relabel_columns(self.query_one("#sp-schedule", DataTable), SCHEDULE_COLUMNS)
        self._border_titles()
        super().relabel()  # the list again: the rules, the schedule, the panels

    def fit(self, width: int, height: int) -> None:
        """On a wide terminal the delegation column shows long names in full."""
        cells = NAME_CELLS if width < 150 else NAME_CELLS + 16
        if cells != self.name_cells:
            self.name_cells = cells
            column = self.query_one("#sp-table", DataTable).columns.get(ColumnKey("delegation"))
            if column is not None:
                column.width = cells
            self._refill()

    def _refill(self) -> None:
        table = self.query_one("#sp-table", DataTable)
        row = table.cursor_row
        table.clear()
        for p in self.placements:
            table.add_row(*self._cells(p), key=str(p.entry.id))
        if self.placements:
            table.move_cursor(row=min(row, len(self.placements) - 1))

    def main_widget(self) -> Widget:
        """The list (or the schedule, when shown); the pane itself while no one is inscribed."""
        if not self.placements:
            return self
        return self.query_one(f"#{self.query_one('#sp-switcher', ContentSwitcher).current}", DataTable)

    # -- events from the app ---------------------------------------------------------------

    def debate_changed(self) -> None:
        # The timer belongs to the debate it was started in: another debate starts idle. A turn left
        # running is still "speaking" in the database, and is taken over again on coming back.
        timer = self.query_one(SpeakerTimer)
        if timer.state != "idle":
            timer.stop()
        self.placements, self.view, self._warned_date = [], None, False
        self.action_refresh()

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        self.action_refresh()

    # -- loading ---------------------------------------------------------------------------

    def action_refresh(self) -> None:
        self._load(self.debate_id)

    @work(thread=True, exclusive=True, group="speakers-load", exit_on_error=False)
    def _load(self, debate_id: int | None) -> None:
        if debate_id is None:
            self.report(SpeakersLoaded(None, None))
            return
        try:
            service = self.services.speakers
            speaking = any(e.status == Status.SPEAKING for e in service.entries(debate_id))
            view = service.view(debate_id, now=datetime.now() if speaking else None)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Speakers")))
            return
        self.report(SpeakersLoaded(debate_id, view))

    @on(SpeakersLoaded)
    def _loaded(self, message: SpeakersLoaded) -> None:
        if message.debate_id != self.debate_id:
            return
        table = self.query_one("#sp-table", DataTable)
        keep = self._select if self._select is not None else self._current_id()
        self._select = None
        self.view = message.view
        self.placements = list(message.view.placements) if message.view else []
        table.clear()
        for p in self.placements:
            table.add_row(*self._cells(p), key=str(p.entry.id))
        self._schedule_stale = True  # filled when shown: keeps the first paint light
        if self.query_one("#sp-switcher", ContentSwitcher).current == "sp-schedule":
            self._fill_schedule()
        if keep is not None:
            index = next((i for i, p in enumerate(self.placements) if p.entry.id == keep), None)
            if index is not None:
                table.move_cursor(row=index)
            sched = self.query_one("#sp-schedule", DataTable)
            if not self._schedule_stale and f"slot-{keep}" in sched.rows:  # the schedule's cursor stays on it too
                sched.move_cursor(row=sched.get_row_index(f"slot-{keep}"))
        self._adopt_speaking()
        self._show()
        self.claim_focus()  # the list appeared (or a dialog closed): the keyboard is on it

    def _display_name(self, e: SpeakerEntry) -> str:
        lang = self.view.debate.language if self.view else "en"
        return self.roster.shown_name(e.delegation_code, e.delegation, lang)

    def _cells(self, p: Placement) -> list[Text]:
        e = p.entry
        slot = self.view.slot(p) if self.view else None
        style = STATUS_STYLE.get(e.status, "")
        name = self._display_name(e) + (f" [{e.on_behalf_of}]" if e.on_behalf_of else "")
        if not e.confirmed:
            name = _("{name} (tbc)").format(name=name)
        pos = Text(f"{p.position or '-'}", style=style)
        if p.overridden:
            pos.append("*", style="bold yellow")
        settings = self.view.debate.settings if self.view else None
        minutes = e.planned_seconds(settings.default_limit_minutes, settings.limits_minutes) / 60 if settings else 0
        start = ""  # the plan's: the timer's record is shown beside it (Why here, the schedule view)
        if slot is not None:
            start = (f"{slot.start:%H:%M}" if slot.session.day == 0 else
                     _("D{day}").format(day=slot.session.day + 1) + f" {slot.start:%H:%M}")
        return [pos, Text(clip(name, self.name_cells), style=style + (" italic" if not e.confirmed else "")),
                Text(_(LEVEL_SHORT[e.level]), style=style), Text(_(BASIS_SHORT[e.basis]), style=style),
                Text(_(STATUS_SHORT[e.status]), style=style), Text(start, style=style),
                Text(f"{minutes:g}", style=style), Text(str(slot.session.number) if slot else "", style=style)]

    def _fill_schedule(self) -> None:
        self._schedule_stale = False
        sched = self.query_one("#sp-schedule", DataTable)
        sched.clear()
        if not self.view:
            return
        current = None
        for slot in self.view.schedule.slots:
            if slot.session is not current:
                current = slot.session
                sched.add_row(Text(""), Text(""), Text(current.label(), style="bold"), Text(""), Text(""),
                              key=f"session-{current.number}")
            who = self._display_name(slot.entry)
            over = Text(f" +{slot.overrun_minutes:.0f}", style="red") if slot.overrun_minutes >= 1 else Text("")
            sched.add_row(Text(f"{slot.start:%H:%M}-{slot.end:%H:%M}"), Text(str(slot.position)),
                          Text(clip(who, SCHEDULE_CELLS - 4)) + over, Text(f"{slot.minutes:.1f}"),
                          self._beside(slot), key=f"slot-{slot.entry.id}")

    def _beside(self, slot: Slot) -> Text:
        """Beside the plan: the timer's record ("10:02 6:12", "reh. 5:12") or the forecast ("→ 10:54")."""
        if slot.actual:
            took = mmss(slot.actual_seconds) if slot.actual_seconds is not None else "…"
            if slot.live and slot.actual_start is not None:
                return Text(f"{slot.actual_start:%H:%M} {took}")
            return Text(_("reh. {duration}").format(duration=took), style="dim")
        forecast = self.view.schedule.forecast if self.view else None
        expected = forecast.slot_for(slot.entry.id) if forecast is not None and slot.entry.id is not None else None
        if expected is not None and abs((expected.start - slot.start).total_seconds()) >= 60:
            return Text(f"→ {expected.start:%H:%M}", style="yellow")
        return Text("")

    # -- the side panel ----------------------------------------------------------------------

    def _show(self) -> None:
        has = bool(self.placements)
        self.query_one("#sp-empty").display = not has and self.debate_id is not None
        self.query_one("#sp-body").display = has
        if has and self.screen.focused is self:  # shown before its list was loaded (its tab's first
            self.query_one("#sp-table", DataTable).focus()  # visit): the list takes the focus now
        status = self.query_one("#sp-status", Static)
        timer = self.query_one(SpeakerTimer)
        nxt = self._next_waiting()
        timer.next_up = self._display_name(nxt) if nxt else ""
        timer.tick()
        if self.debate_id is None:
            status.update(_("No debate selected (Ctrl+O to choose one)."))
            return
        if not self.view:
            status.update(_("Debate #{id}: loading…").format(id=self.debate_id))
            return
        placed = [p for p in self.placements if p.position]
        withdrawn = len(self.placements) - len(placed)
        sched = self.view.schedule
        parts = [_("Debate #{id}: {count} on the list").format(id=self.debate_id, count=len(placed))]
        if withdrawn:
            parts.append(_("{count} withdrawn").format(count=withdrawn))
        overrides = sum(1 for p in placed if p.overridden)
        if overrides:
            parts.append(ngettext("{count} manual override (*)", "{count} manual overrides (*)", overrides).format(
                count=overrides))
        if sched.projected_end:
            parts.append(_("ends {when}").format(when=weekday_time(sched.projected_end)))
        if sched.forecast is not None and sched.forecast.projected_end is not None:
            parts.append(_("now expected to end {when}").format(when=weekday_time(sched.forecast.projected_end)))
        if sched.rehearsed():
            parts.append(_("{count} timed outside the debate's days (rehearsal)").format(count=len(sched.rehearsed())))
        if sched.resumptions():
            parts.append(_("spills into another day from #{position}").format(
                position=sched.resumptions()[0].position))
        status.update(" · ".join(parts))
        self.query_one("#sp-sessions", Static).update(session_lines(sched))
        self._explain()

    def _explain(self) -> None:
        p = self._current()
        why = self.query_one("#sp-why", Static)
        if p is None:
            why.update("")
            return
        e = p.entry
        text = Text()
        text.append(f"{self._display_name(e)}\n", style="bold")
        details = [e.level.label(), e.basis.label(), e.status.label()]
        if e.on_behalf_of:
            details.append(_("on behalf of {group}").format(group=e.on_behalf_of))
        text.append(_(", ").join(details) + "\n")
        if e.representative or e.title:
            text.append(", ".join(x for x in (e.representative, e.title) if x) + "\n")
        if not e.confirmed:
            text.append(_("to be confirmed") + "\n", style="italic")
        text.append("\n" + p.explain(self._display_name(e)) + "\n")
        slot = self.view.slot(p) if self.view else None
        if slot is not None:
            text.append("\n" + _("expected {start}-{end}, {session}").format(
                start=weekday_time(slot.start), end=f"{slot.end:%H:%M}", session=slot.session.label()) + "\n",
                style="dim")
            took = mmss(slot.actual_seconds) if slot.actual_seconds is not None else _("still speaking")
            if slot.actual and slot.live and slot.actual_start is not None:
                text.append(_("heard {when}, {duration}").format(when=weekday_time(slot.actual_start), duration=took)
                            + "\n")
            elif slot.actual and slot.actual_start:
                text.append(_("timed on {day}, {duration}: a rehearsal or a late entry, the plan is unchanged").format(
                    day=full_date(slot.actual_start), duration=took) + "\n")
            elif slot.actual:
                text.append(_("timed, {duration}: a rehearsal or a late entry, the plan is unchanged").format(
                    duration=took) + "\n")
            expected = self.view.expected(p) if self.view else None
            if expected is not None and not expected.measured and abs((expected.start - slot.start).total_seconds()) >= 60:
                text.append(_("from what the timer logged: now expected {when}").format(
                    when=weekday_time(expected.start)) + "\n", style="yellow")
        if e.notes:
            text.append(f"\n{shown_note(e.notes)}\n", style="italic")
        why.update(text)

    @on(DataTable.RowHighlighted, "#sp-table")
    @on(DataTable.RowHighlighted, "#sp-schedule")
    def _row(self, _event: DataTable.RowHighlighted) -> None:
        self._explain()

    @on(DataTable.RowSelected, "#sp-table")
    @on(DataTable.RowSelected, "#sp-schedule")
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_edit()

    def _current(self) -> Placement | None:
        """The entry under the cursor in the view shown: the list, or the schedule (where a
        session's header row is no one)."""
        if self.query_one("#sp-switcher", ContentSwitcher).current == "sp-schedule":
            sched = self.query_one("#sp-schedule", DataTable)
            if not 0 <= sched.cursor_row < sched.row_count:
                return None
            key = sched.ordered_rows[sched.cursor_row].key.value or ""
            if not key.startswith("slot-"):
                return None
            wanted = int(key.removeprefix("slot-"))
            return next((p for p in self.placements if p.entry.id == wanted), None)
        table = self.query_one("#sp-table", DataTable)
        if not self.placements or table.cursor_row is None or table.cursor_row >= len(self.placements):
            return None
        return self.placements[table.cursor_row]

    def _current_id(self) -> int | None:
        p = self._current()
        return p.entry.id if p else None

    def _next_waiting(self, after: int | None = None) -> SpeakerEntry | None:
        for p in self.placements:
            if p.position and p.entry.status in WAITING and p.entry.id != after:
                return p.entry
        return None

    # -- editing -----------------------------------------------------------------------------

    def action_add(self) -> None:
        if self.debate_id is None:
            self.notify(_("Choose a debate first (Ctrl+O)."), severity="warning", markup=False)
            return
        from debateprep.tui.screens.speakers_dialogs import EntryDialog

        lang = self.view.debate.language if self.view else "en"
        self.app.push_screen(EntryDialog(self.roster, lang=lang), self._added)

    def _added(self, values: EntryFields | None) -> None:
        if values is not None and self.debate_id is not None:
            debate_id, delegation = self.debate_id, values["delegation"]
            fields: dict[str, Any] = {k: v for k, v in values.items() if k != "delegation"}  # the service's **fields
            self._save(lambda s: s.add(debate_id, delegation, **fields),
                       _("{delegation} inscribed").format(delegation=delegation), select_result=True)

    def action_edit(self) -> None:
        p = self._current()
        if p is None:
            return
        from debateprep.tui.screens.speakers_dialogs import EntryDialog

        entry = p.entry
        lang = self.view.debate.language if self.view else "en"

        def done(values: EntryFields | None) -> None:
            if values is None:
                return
            changes: dict[str, Any] = {k: v for k, v in values.items()  # the service's **changes
                                       if not (k in ("level", "basis") and v is None)}
            if not values["person"] and values["delegation"] in (entry.delegation, self._display_name(entry)):
                changes.pop("delegation")
            self._save(lambda s: s.update(_id(entry), seen=entry, **changes), _("saved"), select=entry.id)

        self.app.push_screen(EntryDialog(self.roster, entry, lang=lang), done)

    def action_withdraw(self) -> None:
        p = self._current()
        if p is None:
            return
        e = p.entry
        if e.status == Status.WITHDRAWN:
            self._save(lambda s: s.reinstate(_id(e), seen=e),
                       _("{delegation} reinstated").format(delegation=e.delegation), e.id)
        else:
            self._save(lambda s: s.update(_id(e), seen=e, status=Status.WITHDRAWN),
                       _("{delegation} withdrawn").format(delegation=e.delegation), e.id)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        p = self._current()
        if p is None or not p.position or p.entry.status not in WAITING:
            return
        placed = [x for x in self.placements if x.position]
        index = placed.index(p) + step
        if not 0 <= index < len(placed):
            return
        neighbour = placed[index].entry
        e = p.entry
        kind = "before" if step < 0 else "after"
        done = (_("{delegation} kept before {other}") if step < 0 else _("{delegation} kept after {other}")).format(
            delegation=e.delegation, other=neighbour.delegation)
        reason = _("moved by hand")
        self._save(lambda s: s.move(_id(e), **{kind: neighbour.id}, reason=reason, version=e.version), done, e.id)

    def action_pin(self) -> None:
        p = self._current()
        if p is None or not p.position:
            return
        e = p.entry
        if e.override and e.override.kind == "pin":
            self.action_clear_override()
            return
        reason = _("pinned by hand")
        self._save(lambda s: s.move(_id(e), to=p.position, reason=reason, version=e.version),
                   _("{delegation} pinned at {position}").format(delegation=e.delegation, position=p.position), e.id)

    def action_clear_override(self) -> None:
        p = self._current()
        if p is None or p.entry.override is None:
            return
        e = p.entry
        self._save(lambda s: s.clear_override(_id(e), version=e.version),
                   _("{delegation}: back to the rules").format(delegation=e.delegation), e.id)

    def action_inscribe_council(self) -> None:
        """The fifteen Council members of the debate's year, from the roster (idempotent)."""
        if self.debate_id is None:
            self.notify(_("Choose a debate first (Ctrl+O)."), severity="warning", markup=False)
            return
        debate_id = self.debate_id
        self._save(lambda s: s.inscribe_council(debate_id).summary(), "")

    def action_import_briefers(self) -> None:
        if self.debate_id is None:
            return
        debate_id = self.debate_id
        self._save(lambda s: _briefers_added(len(s.import_briefers(debate_id))), "")

    def action_toggle_schedule(self) -> None:
        switcher = self.query_one("#sp-switcher", ContentSwitcher)
        switcher.current = "sp-schedule" if switcher.current == "sp-table" else "sp-table"
        if switcher.current == "sp-schedule" and self._schedule_stale:
            self._fill_schedule()
        self.query_one(f"#{switcher.current}", DataTable).focus()

    # -- the timer ---------------------------------------------------------------------------

    def action_timer_toggle(self) -> None:
        """Pause or resume; when idle, give the floor to the speaker the Timer panel names next
        (not the highlighted row: `t` times that one, out of turn)."""
        timer = self.query_one(SpeakerTimer)
        if timer.state == "running":
            timer.pause()
        elif timer.state == "paused":
            timer.resume()
        else:
            target = self._next_waiting()
            if target is None:
                self.notify(_("No one is waiting to speak."), title=_("Timer"), markup=False)
            else:
                self._start(target)

    def action_time_row(self) -> None:
        """Time the highlighted speaker, out of turn if it is not the next: say so, and where it
        will be listed (in the order heard; pinned entries keep their places)."""
        timer = self.query_one(SpeakerTimer)
        p = self._current()
        if timer.state != "idle":
            self.notify(_("{speaker} has the floor: n gives it to the next speaker, f ends the turn.").format(
                speaker=timer.speaker), title=_("Timer"), severity="warning", markup=False)
            return
        if p is None or not p.position or p.entry.status not in WAITING:
            self.notify(_("Highlight a speaker who is waiting to speak."), title=_("Timer"), markup=False)
            return
        nxt = self._next_waiting()
        if nxt is not None and nxt.id != p.entry.id and self.view is not None:
            heard = [x.entry if x.entry.id != p.entry.id else
                     x.entry.with_changes(status=Status.SPEAKING, started_at=datetime.now()) for x in self.placements]
            moved = next(x for x in order_entries(heard, self.view.settings) if x.entry.id == p.entry.id)
            if not heard_in_debate(moved.entry, self.view.settings):
                where = _("timed outside the debate's days, a rehearsal: it stays at position {position}").format(
                    position=p.position)
            elif moved.position != p.position:
                where = _("listed where it is heard: position {position} (was {was})").format(
                    position=moved.position, was=p.position)
            else:
                where = _("it stays at position {position}").format(position=p.position)
            self.notify(_("{speaker} speaks out of turn (next on the list: {next}); {where}. Pinned entries keep "
                          "their places.").format(speaker=self._display_name(p.entry), next=self._display_name(nxt),
                                                  where=where),
                        title=_("Timer"), severity="warning", markup=False)
        self._start(p.entry)

    def action_next_speaker(self) -> None:
        """Log the current speaker's time and give the floor to the next one waiting."""
        timer = self.query_one(SpeakerTimer)
        finished = timer.entry_id if timer.state != "idle" else None
        seconds = timer.stop() if finished is not None else 0
        if finished is not None:
            self._logged.add(finished)
        target = self._next_waiting(after=finished)
        start = self._start_timer(target) if target is not None else None

        def change(s: SpeakersService) -> None:  # one unit: the log, then the next start, in that order
            if finished is not None:
                s.finish(finished, seconds)
            if target is not None and start is not None:
                s.start(_id(target), at=start)

        self._save(change, "", target.id if target else finished, quiet=True)

    def action_finish(self) -> None:
        timer = self.query_one(SpeakerTimer)
        entry_id = timer.entry_id
        if entry_id is None or timer.state == "idle":
            self.notify(_("The timer is not running: space gives the floor to the next speaker."), title=_("Timer"),
                        markup=False)
            return
        seconds = timer.stop()
        self._logged.add(entry_id)
        self._save(lambda s: s.finish(entry_id, seconds), _("logged {duration}").format(duration=mmss(seconds)),
                   entry_id)

    def action_unspoke(self) -> None:
        """Not spoken yet: the highlighted speaker's timing is undone (a running turn is stopped
        without being logged); it waits again where the plan puts it."""
        p = self._current()
        if p is None:
            return
        e = p.entry
        if e.status not in (Status.SPEAKING, Status.SPOKE) and e.started_at is None and e.actual_seconds is None:
            self.notify(_("{delegation} has not been timed: nothing to undo.").format(
                delegation=self._display_name(e)), title=_("Timer"), markup=False)
            return
        timer = self.query_one(SpeakerTimer)
        if timer.state != "idle" and timer.entry_id == e.id:
            timer.stop()
            self._logged.add(_id(e))  # never taken over again from a load made before the undo
        self._save(lambda s: s.unspoke(_id(e), seen=e),
                   _("{delegation}: not spoken yet").format(delegation=self._display_name(e)), e.id)

    def action_reset_timer(self) -> None:
        """Clear every timing of the debate (a rehearsal's), after a confirmation."""
        if self.debate_id is None or self.view is None:
            return
        timed = [p.entry for p in self.placements if p.entry.status in (Status.SPEAKING, Status.SPOKE)
                 or p.entry.started_at is not None or p.entry.actual_seconds is not None]
        if not timed:
            self.notify(_("No speaking time is recorded for this debate: nothing to reset."), title=_("Timer"),
                        markup=False)
            return
        from debateprep.tui.screens.brief_dialogs import ConfirmScreen

        debate_id = self.debate_id

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            timer = self.query_one(SpeakerTimer)
            if timer.state != "idle" and timer.entry_id is not None:
                self._logged.add(timer.entry_id)
                timer.stop()
            self._save(lambda s: _timer_reset(len(s.reset_timer(debate_id))), "")

        self.app.push_screen(ConfirmScreen(
            ngettext("Reset the timer of debate #{id}? This clears the recorded speaking time and the 'spoke' mark "
                     "of {count} speaker; the order, the overrides and the plan stay as they are.",
                     "Reset the timer of debate #{id}? This clears the recorded speaking times and the 'spoke' marks "
                     "of {count} speakers; the order, the overrides and the plan stay as they are.",
                     len(timed)).format(id=debate_id, count=len(timed)),
            yes=_("Reset"), no=_("Keep them")), answered)

    def _start(self, entry: SpeakerEntry) -> None:
        at = self._start_timer(entry)
        if at is not None:
            self._save(lambda s: s.start(_id(entry), at=at), "", entry.id, quiet=True)

    def _start_timer(self, entry: SpeakerEntry) -> datetime | None:
        if self.view is None:
            return None
        settings = self.view.debate.settings
        limit = entry.planned_seconds(settings.default_limit_minutes, settings.limits_minutes)
        timer = self.query_one(SpeakerTimer)
        then = self._next_waiting(after=entry.id)
        timer.next_up = self._display_name(then) if then else ""
        timer.start(self._display_name(entry), limit, entry.id)
        now = datetime.now().replace(microsecond=0)
        meeting = self.view.debate.meeting_date
        if meeting is not None and now.date() != meeting and not self._warned_date:
            self._warned_date = True
            self.notify(_("Timing on {today}, not the meeting date ({meeting}): unless this is a day of the "
                          "debate, it is a rehearsal. Durations are logged beside the plan; the schedule stays as "
                          "planned.").format(today=full_date(now), meeting=full_date(meeting)),
                        title=_("Timer"), severity="warning", markup=False)
        return now

    def _adopt_speaking(self) -> None:
        """A speaker marked as speaking (the app was closed mid-turn, or another desk started
        the timer) while this timer is idle: take the turn over, so n and f log it."""
        timer = self.query_one(SpeakerTimer)
        if timer.state != "idle" or self.view is None:
            return
        speaking = next((p.entry for p in self.placements
                         if p.entry.status == Status.SPEAKING and p.entry.id not in self._logged), None)
        if speaking is None:
            return
        settings = self.view.debate.settings
        limit = speaking.planned_seconds(settings.default_limit_minutes, settings.limits_minutes)
        since = (datetime.now() - speaking.started_at).total_seconds() if speaking.started_at else -1.0
        plausible = 0 <= since <= ADOPT_SECONDS  # else the record is stale: hold the timer paused at 0
        timer.start(self._display_name(speaking), limit, speaking.id, elapsed=since if plausible else 0.0,
                    paused=not plausible)

    @on(SpeakerTimer.PhaseChanged)
    def _phase(self, message: SpeakerTimer.PhaseChanged) -> None:
        if message.phase == "warning":
            self.notify(_("{speaker}: one minute left").format(speaker=message.speaker), title=_("Timer"),
                        severity="warning", markup=False)
        elif message.phase == "over":
            self.notify(_("{speaker} is over the time limit").format(speaker=message.speaker), title=_("Timer"),
                        severity="error", markup=False)

    # -- saving ------------------------------------------------------------------------------

    def _save(self, change: Change, note: str, select: int | None = None,
              select_result: bool = False, quiet: bool = False) -> None:
        self._write(change, note, select, select_result, quiet)

    @work(thread=True, exclusive=False, group="speakers-write", exit_on_error=False)
    def _write(self, change: Change, note: str, select: int | None, select_result: bool, quiet: bool) -> None:
        """Apply one change (Services tells the panes showing speakers), then keep the cursor on `select`."""
        try:
            with self._write_lock:  # writes land in the order they were asked for
                result = change(self.services.speakers)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Speakers")))
            self.post_message(SpeakersSaved("", select))
            return
        if select_result and isinstance(result, SpeakerEntry):
            select = result.id
        if isinstance(result, str):  # the change says what it did
            note = result
        self.post_message(SpeakersSaved("" if quiet else note, select))

    @on(SpeakersSaved)
    def _saved(self, message: SpeakersSaved) -> None:
        if message.note:
            self.notify(message.note, title=_("Speakers"), markup=False)
        self._select = message.select
        self.action_refresh()
