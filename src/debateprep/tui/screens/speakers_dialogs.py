"""Dialogs of the speakers pane: add or edit an entry, with roster autocomplete (English and Chinese)."""

from __future__ import annotations

from typing import TypedDict

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from debateprep.domain.roster import Roster
from debateprep.domain.speakers import Basis, Level, SpeakerEntry
from debateprep.i18n import N_, _
from debateprep.tui.localized import LocalizedModal
from debateprep.tui.widgets.tickbox import TickBox


class RosterSuggester(Suggester):
    """Inline completion: the first roster name (English, Chinese or alias) starting with the input."""

    def __init__(self, roster: Roster) -> None:
        super().__init__(use_cache=True, case_sensitive=False)
        self.roster = roster

    async def get_suggestion(self, value: str) -> str | None:
        if not value.strip():
            return None
        for match in self.roster.search(value, limit=5):
            for name in (match.delegation.name, match.delegation.zh_name, match.matched):
                if name and name.casefold().startswith(value.casefold()):
                    return name
        return None


class MatchList(OptionList):
    """The roster's matches under the delegation field: shown while there are some, entered with
    Down from the field (then it is a Tab stop until the keyboard leaves it), passed by on Tab."""

    can_focus = False

    def open(self) -> None:
        self.can_focus = True
        self.focus()

    def on_blur(self) -> None:
        self.can_focus = False


class EntryFields(TypedDict):
    """What the entry dialog returns: the fields of `SpeakersService.add` / `update`."""

    delegation: str
    person: bool
    representative: str
    title: str
    level: str | None
    basis: str | None
    on_behalf_of: str | None
    planned_minutes: float | None
    draw: int | None
    notes: str


class EntryDialog(LocalizedModal[EntryFields | None]):
    """Add or edit one inscription. Returns the fields to save, or None when cancelled."""

    DEFAULT_CSS = """
    EntryDialog { align: center middle; }
    EntryDialog > Vertical {
        width: 100; max-width: 100%; height: 32; max-height: 100%; padding: 0 1; border: thick $primary;
        background: $surface;
    }
    EntryDialog #sp-dlg-heading { dock: top; }
    EntryDialog #sp-dlg-foot { dock: bottom; height: auto; }
    EntryDialog #sp-dlg-form { height: 1fr; }
    EntryDialog #sp-dlg-matches { height: 6; display: none; }
    EntryDialog #sp-dlg-matches.-shown { display: block; }
    EntryDialog Grid { grid-size: 4; grid-columns: 14 1fr 14 1fr; grid-rows: 3; grid-gutter: 0 1; height: auto; }
    EntryDialog .sp-dlg-label { width: 100%; height: 3; content-align: right middle; color: $text-muted; }
    EntryDialog #sp-dlg-who { height: 3; }
    EntryDialog #sp-dlg-who > .sp-dlg-label { width: 14; margin-right: 1; }
    EntryDialog #sp-dlg-error { color: $error; height: auto; }
    EntryDialog #sp-dlg-buttons { height: auto; }
    EntryDialog Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="speakers-dialog.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="speakers-dialog.save"),
    ]

    def __init__(self, roster: Roster, entry: SpeakerEntry | None = None, lang: str = "en") -> None:
        super().__init__()
        self.roster = roster
        self.entry = entry
        self.lang = lang

    def compose(self) -> ComposeResult:
        """Every field has a label beside it, and Tab goes through them in the order they are
        filled: who (delegation, representative, title), then level and basis, then the rest. The
        roster's matches are a list Down enters; Tab passes them by."""
        e = self.entry
        title = (_("Edit #{id} {delegation}").format(id=e.id, delegation=e.delegation) if e
                 else _("Inscribe a delegation"))

        def label(text: str) -> Label:
            return Label(text, classes="sp-dlg-label", markup=False)

        with Vertical():
            yield Label(title, markup=False, id="sp-dlg-heading")
            with VerticalScroll(id="sp-dlg-form"):
                with Horizontal(id="sp-dlg-who"):
                    yield label(_("Delegation"))
                    yield Input(value=e.delegation if e else "",
                                placeholder=_("China, 中国, Russia, EU, OCHA … (↓ the roster's matches)"),
                                suggester=RosterSuggester(self.roster), id="sp-dlg-delegation")
                yield MatchList(id="sp-dlg-matches")
                with Grid():
                    yield label(_("Representative"))
                    yield Input(value=e.representative if e else "", placeholder=_("e.g. Mr. Zhang Jun"),
                                id="sp-dlg-representative")
                    yield label(_("Title"))
                    yield Input(value=e.title if e else "", placeholder=_("e.g. Minister for Foreign Affairs"),
                                id="sp-dlg-title")
                    yield label(_("Level"))
                    yield Select([(lv.label(), lv.value) for lv in Level], prompt=_("(by basis)"),
                                 value=e.level.value if e else Select.NULL, id="sp-dlg-level")
                    yield label(_("Basis"))
                    yield Select([(b.label(), b.value) for b in Basis], prompt=_("(from the roster)"),
                                 value=e.basis.value if e else Select.NULL, id="sp-dlg-basis")
                    yield label(_("On behalf of"))
                    yield Input(value=(e.on_behalf_of or "") if e else "",
                                placeholder=_("Nordic countries, NAM, EU …"), id="sp-dlg-group")
                    yield label(_("Minutes"))
                    yield Input(value="" if e is None or e.planned_minutes is None else f"{e.planned_minutes:g}",
                                placeholder=_("default: the limit"), id="sp-dlg-minutes")
                    yield label(_("Draw"))
                    yield Input(value="" if e is None or e.draw is None else str(e.draw),
                                placeholder=_("Council members"), id="sp-dlg-draw")
                    yield label(_("Notes"))
                    yield Input(value=e.notes if e else "", id="sp-dlg-notes")
                yield TickBox(_("person in a personal capacity (not in the roster)"),
                              value=bool(e and e.delegation_code is None), id="sp-dlg-person")
            with Vertical(id="sp-dlg-foot"):  # always on screen, however small the terminal
                yield Label("", id="sp-dlg-error", markup=False)
                with Horizontal(id="sp-dlg-buttons"):
                    yield Button(_("Save (Ctrl+S)"), variant="primary", id="sp-dlg-save")
                    yield Button(_("Cancel (Esc)"), id="sp-dlg-cancel")

    def on_mount(self) -> None:
        self.query_one("#sp-dlg-delegation", Input).focus()
        self._show_matches(self.query_one("#sp-dlg-delegation", Input).value)

    # -- autocomplete ----------------------------------------------------------------------

    @on(Input.Changed, "#sp-dlg-delegation")
    def _typed(self, event: Input.Changed) -> None:
        self._show_matches(event.value)

    def _show_matches(self, value: str) -> None:
        matches = self.query_one("#sp-dlg-matches", OptionList)
        matches.clear_options()
        for m in self.roster.search(value, limit=12):
            d = m.delegation
            prompt = Text(f"{d.name} / {d.zh_name}")
            if m.matched not in (d.name, d.zh_name):
                prompt.append(f"  ({m.matched})", style="dim")
            matches.add_option(Option(prompt, id=d.code))
        if matches.option_count:
            matches.highlighted = 0
        matches.set_class(bool(value.strip()) and matches.option_count > 0, "-shown")

    def on_key(self, event: events.Key) -> None:
        """Down from the delegation field goes to the matches; Enter there picks one."""
        focused = self.focused
        if event.key == "down" and focused is self.query_one("#sp-dlg-delegation", Input):
            matches = self.query_one("#sp-dlg-matches", MatchList)
            if matches.option_count and matches.display:
                matches.open()
                event.stop()
        elif isinstance(focused, Select) and not focused.expanded and event.is_printable:
            # A letter typed on a closed list is not lost without a trace: the list opens and
            # Textual's type-to-search goes to the matching option ("m": Minister).
            focused.expanded = True
            self.call_after_refresh(self._search_in, focused, event.key, event.character)
            event.stop()

    def _search_in(self, select: Select[str], key: str, character: str | None) -> None:
        if self.focused is not None and self.focused is not select:
            self.focused.post_message(events.Key(key, character))

    @on(OptionList.OptionSelected, "#sp-dlg-matches")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        code = event.option.id
        if code is None:
            return
        d = self.roster.get(code)
        field = self.query_one("#sp-dlg-delegation", Input)
        field.value = d.label(self.lang)
        self.query_one("#sp-dlg-person", Checkbox).value = False
        self.query_one("#sp-dlg-representative", Input).focus()

    @on(Input.Submitted, "#sp-dlg-delegation")
    def _enter_on_delegation(self) -> None:
        matches = self.query_one("#sp-dlg-matches", OptionList)
        value = self.query_one("#sp-dlg-delegation", Input).value
        if self.roster.find(value) is None and matches.highlighted is not None and matches.option_count:
            option = matches.get_option_at_index(matches.highlighted)
            if option.id:
                self.query_one("#sp-dlg-delegation", Input).value = self.roster.get(option.id).label(self.lang)
        self.query_one("#sp-dlg-representative", Input).focus()

    # -- saving ----------------------------------------------------------------------------

    @on(Button.Pressed, "#sp-dlg-save")
    def action_save(self) -> None:
        try:
            self.dismiss(self._values())
        except ValueError as exc:
            self.query_one("#sp-dlg-error", Label).update(str(exc))

    @on(Button.Pressed, "#sp-dlg-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _values(self) -> EntryFields:
        def text(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value.strip()

        delegation = text("sp-dlg-delegation")
        person = self.query_one("#sp-dlg-person", Checkbox).value
        if not delegation:
            raise ValueError(_("Type a delegation (or a person's name, with the box ticked)."))
        if not person and self.roster.find(delegation) is None:
            hints = [m.delegation.name for m in self.roster.search(delegation, limit=3) if m.score >= 80]
            hint = " " + _("Did you mean {names}?").format(names=_(" or ").join(hints)) if hints else ""
            raise ValueError(_("{delegation!r} is not in the roster.{hint} Tick the box for a person.").format(
                delegation=delegation, hint=hint))
        minutes = text("sp-dlg-minutes")
        draw = text("sp-dlg-draw")
        try:
            planned = float(minutes) if minutes else None
            the_draw = int(draw) if draw else None
        except ValueError:
            raise ValueError(_("Minutes must be a number and draw a whole number.")) from None
        level = self.query_one("#sp-dlg-level", Select).value
        basis = self.query_one("#sp-dlg-basis", Select).value
        return {
            "delegation": delegation, "person": person,
            "representative": text("sp-dlg-representative"), "title": text("sp-dlg-title"),
            "level": None if level is Select.NULL else str(level),
            "basis": None if basis is Select.NULL else str(basis),
            "on_behalf_of": text("sp-dlg-group") or None, "planned_minutes": planned, "draw": the_draw,
            "notes": text("sp-dlg-notes"),
        }
