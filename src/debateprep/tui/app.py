"""The debateprep terminal UI: one tab per stage of preparing a debate.

`make_app(services)` is the factory the CLI and the tests use. The app gives every pane the same
`Services`, turns what `Services` announces into `TopicsChanged` for the panes showing those topics,
and carries requests between panes (a paragraph sent to the PRST draft).
"""

from __future__ import annotations

import asyncio
import gc
import importlib
from collections.abc import Iterable
from pathlib import Path

from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.command import CommandPalette
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.actions import SkipAction
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Static, TabbedContent, TabPane, Tabs
from textual.worker import Worker, WorkerState

from debateprep.i18n import LANGUAGES, N_, _, language, language_name, pgettext, set_language
from debateprep.services.facade import Services
from debateprep.services.topics import ALL, Topic
from debateprep.tui.commands import APP_SCOPE, BindingCommands, PaletteCommand
from debateprep.tui.messages import (
    AddToDraft,
    DebateChosen,
    DebateSelected,
    Failed,
    SendGroupToPrst,
    SendToPrst,
    TopicsChanged,
)
from debateprep.tui.localized import Localized, LocalizedScreen
from debateprep.tui.pane import Pane, usable
from debateprep.tui.widgets.footer import AppFooter

# (tab id, label, "module:Class" of its pane, key). The database is opened after the first frame;
# then the pane on screen is mounted and shows the current debate; every other pane is imported in
# the background and mounted on its tab's first visit. Labels are msgids, shown in the interface
# language.
TABS = (
    ("notes", N_("Concept note"), "debateprep.tui.screens.concept_note:ConceptNotePane", "f1"),
    ("speakers", N_("Speakers"), "debateprep.tui.screens.speakers:SpeakersPane", "f2"),
    ("statements", N_("Statements"), "debateprep.tui.screens.statements:StatementsPane", "f3"),
    ("library", N_("Agreed language"), "debateprep.tui.screens.library:LibraryPane", "f4"),
    ("prst", N_("PRST draft"), "debateprep.tui.screens.prst:PrstPane", "f5"),
    ("brief", N_("Brief"), "debateprep.tui.screens.brief:BriefPane", "f6"),
    ("ours", N_("Our statement"), "debateprep.tui.screens.ours:OursPane", "f7"),
)


# Each tab label starts with its key ("F1 Concept note"): the way to every tab stays on screen
# whatever the footer has room for. Shorter labels for narrower terminals: the longest set whose
# tabs fit the width is shown, in the interface language (every tab stays visible from 80 columns up).
def _short_labels() -> dict[str, str]:
    return {"notes": pgettext("tab", "Note"), "speakers": pgettext("tab", "Speakers"),
            "statements": pgettext("tab", "Statements"), "library": pgettext("tab", "Language"),
            "prst": pgettext("tab", "PRST"), "brief": pgettext("tab", "Brief"), "ours": pgettext("tab", "Ours")}


# Layout classes set on the app by its size, for app.tcss: fewer than 100 columns, fewer than 120,
# 150 or more, fewer than 32 rows.
NARROW_COLUMNS, MEDIUM_COLUMNS, WIDE_COLUMNS, SHORT_ROWS = 100, 120, 150, 32


def tab_labels(width: int) -> dict[str, str]:
    """The tab labels for a terminal `width` columns wide (each tab takes its label plus 2 cells),
    in the interface language."""
    from debateprep.domain.cells import cell_len

    short = _short_labels()
    sets = [{tab_id: f"{key.upper()} {_(label)}" for tab_id, label, _path, key in TABS},
            {tab_id: f"{key.upper()} {short[tab_id]}" for tab_id, _label, _path, key in TABS},
            {tab_id: key.upper() for tab_id, _label, _path, key in TABS}]
    for labels in sets:
        if sum(cell_len(label) + 2 for label in labels.values()) <= width - 2:
            return labels
    return sets[-1]


def pane_class(path: str) -> type[Pane]:
    """The pane class named by a TABS entry ("module:Class"), imported on first use."""
    module, name = path.split(":")
    found = getattr(importlib.import_module(module), name)
    if not (isinstance(found, type) and issubclass(found, Pane)):
        raise TypeError(f"{path} is not a pane")
    return found


WATCH_SECONDS = 3.0  # seconds between two looks for changes made by another process (Services.changes_elsewhere)
STARTED_AT_LATEST = 5.0  # seconds: the footer and the garbage collector wait no longer
PREMOUNT_PAUSE = 0.05  # seconds between two looks for a quiet moment to mount the next pane

# The tab keys share one footer entry ("f1f2f3f4f5f6f7 Tabs"), leaving room for each pane's keys.
TAB_TOOLTIPS = {"notes": N_("Go to Concept note"), "speakers": N_("Go to Speakers"),
                "statements": N_("Go to Statements"), "library": N_("Go to Agreed language"),
                "prst": N_("Go to PRST draft"), "brief": N_("Go to Brief"), "ours": N_("Go to Our statement")}
TAB_KEYS = Binding.Group(N_("Tabs"), compact=True)
OPENING = N_("Opening the database …")


# -- what the app's own workers report ------------------------------------------------------


class DatabaseReady(Message):
    """The database is open: the debates there are, as (id, label), oldest first, the current
    one's id, and what the first tab's pane read of it (`Pane.read_first`)."""

    def __init__(self, debates: list[tuple[int, str]], first: object | None, current: int | None = None) -> None:
        self.debates = debates
        self.first = first
        self.current = current
        super().__init__()


class DatabaseFailed(Message):
    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__()


class ChangedElsewhere(Message):
    """Another process (a command, a colleague on the same database) changed these topics."""

    def __init__(self, topics: frozenset[Topic]) -> None:
        self.topics = topics
        super().__init__()


class PanesImported(Message):
    """Every pane's module is imported (and the roster loaded)."""


class DebatesLoaded(Message):
    """The debates there are, as (id, label), oldest first, and the current one's id (the one
    `debateprep debate use` chose, else the most recent; None: no debate)."""

    def __init__(self, debates: list[tuple[int, str]], current: int | None = None) -> None:
        self.debates = debates
        self.current = current
        super().__init__()


class LanguageRemembered(Message):
    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__()


class SampleLoaded(Message):
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__()


class DebatePrepApp(App[None]):
    """The app over one `Services` (tests pass one around a throwaway database). The database is
    opened in a worker after the first frame."""

    CSS_PATH = "app.tcss"
    TITLE = "debateprep"
    COMMANDS = App.COMMANDS | {BindingCommands}
    BINDINGS = [
        *(
            # priority: a tab key works inside a text field too, and switches (and moves the keyboard)
            # before a key typed after it is handed to a widget; not over a dialog (action_show_tab)
            Binding(key, f"show_tab('{tab_id}')", label, id=f"tab-{tab_id}", group=TAB_KEYS,
                    tooltip=TAB_TOOLTIPS[tab_id], priority=True)
            for tab_id, label, _path, key in TABS
        ),
        Binding("ctrl+o", "pick_debate", N_("Debate"), id="pick-debate", tooltip=N_("Choose debate")),
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", tooltip=N_("Quit debateprep")),
        # Named in both languages, so that whoever cannot read the one shown finds the way back.
        Binding("f12", "switch_language", N_("English/中文"), id="switch-language",
                tooltip=N_("Interface language: English/中文"), priority=True),
    ]

    debate_id: reactive[int | None] = reactive(None, init=False)

    # Once the first screen is up, mount the other panes one by one in the background (Pilot tests
    # that visit a few tabs turn this off: each tab is then mounted on its first visit).
    PREMOUNT: bool = True
    WATCH_EVERY: float = WATCH_SECONDS  # (a test looks more often)

    def __init__(self, services: Services, *, offer_sample: bool = True) -> None:
        super().__init__()
        self.services = services
        self.offer_sample = offer_sample
        self._unsubscribe = services.subscribe(self._announced)
        self._database_open = False
        self._debates_known = False  # once known, a pane mounted later is told the current debate
        self._panes: dict[str, Pane] = {}  # by tab id, from the moment each starts mounting
        self._mounted: dict[str, asyncio.Event] = {}
        self._tabs_mounted = asyncio.Event()
        self._tabbed: TabbedContent | None = None  # the tabs, once mounted (see `tabbed`)
        self._importing = False  # the other panes' modules (once the first pane shows its content)
        self._is_started = False
        self._database_problem: str | None = None
        self._watching = False  # a look for changes made elsewhere is under way

    def get_default_screen(self) -> Screen[object]:
        return LocalizedScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Header()
        # The first frame is light (title, keys, a line of status): the database starts opening
        # after it, and the tabs are mounted meanwhile.
        yield Static(_(OPENING), id="startup", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self._fit(self.size.width, self.size.height)
        # The footer keeps the app's keys until the pane on screen shows the debate (not once per
        # focus move on the way there); at the latest after a few seconds (_started).
        self.query_one(AppFooter).hold()
        self.set_timer(STARTED_AT_LATEST, self._started)
        self.call_after_refresh(self._first_frame_shown)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Lay the screens out for the terminal's size: layout classes for app.tcss, tab labels
        that fit, and each pane's own adjustments (Pane.fit)."""
        self.set_class(width < NARROW_COLUMNS, "-narrow")
        self.set_class(width < MEDIUM_COLUMNS, "-medium")
        self.set_class(width >= WIDE_COLUMNS, "-wide")
        self.set_class(height < SHORT_ROWS, "-short")
        tabbed = self.tabbed()
        if tabbed is not None:
            for tab_id, label in tab_labels(width).items():
                tabbed.get_tab(f"tab-{tab_id}").label = label
        for pane in self.panes():
            pane.fit(width, height)

    def on_unmount(self) -> None:
        self._unsubscribe()

    async def _first_frame_shown(self) -> None:
        freeze_gc()
        self.open_database()
        tabs = TabbedContent(id="tabs")
        labels = tab_labels(self.size.width)
        for tab_id, _label, _path, _key in TABS:  # as `with TabbedContent(): with TabPane(...)` would
            loading = Static(_(OPENING), classes="pane-loading", markup=False)
            tabs.compose_add_child(TabPane(labels[tab_id], loading, id=f"tab-{tab_id}"))
        await self.mount(tabs, before=self.query_one(AppFooter))
        self._tabbed = tabs
        await self.query("#startup").remove()
        self._fit(self.size.width, self.size.height)
        self._tabs_mounted.set()

    # -- the database and the panes ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="database", exit_on_error=False)
    def open_database(self) -> None:
        """Open (and migrate) the database and find the debates, off the event loop; the first
        pane's module is imported meanwhile (the pane on screen when the app starts)."""
        from debateprep.tui.errors import describe_error

        try:
            self.services.open()
            self.services.changes_elsewhere()  # where the change marks stand: what changes after is news
            debates = [(d.id, d.label()) for d in self.services.debates.list() if d.id is not None]
            current = self.services.debates.current()
            first = pane_class(TABS[0][2]).read_first(self.services, current.id if current else None)
        except Exception as exc:  # noqa: BLE001 - shown in every tab, never a traceback
            self.post_message(DatabaseFailed(describe_error(exc)))
            return
        freeze_gc()
        self.post_message(DatabaseReady(debates, first, current.id if current else None))

    @on(DatabaseReady)
    async def _database_ready(self, message: DatabaseReady) -> None:
        """Show the current debate in the pane on screen; the other panes wait for their tab."""
        await self._tabs_mounted.wait()
        self._database_open = True
        self.set_interval(self.WATCH_EVERY, self._watch)
        self._debates_loaded(DebatesLoaded(message.debates, message.current))
        active = self.query_one(TabbedContent).active.removeprefix("tab-")
        first = message.first if active == TABS[0][0] else None
        if await self._ensure_pane(active, first) is not None:
            self._focus_pane(active)
        if active != TABS[0][0]:  # (the first tab's pane says when it has shown the debate)
            self._import_panes()

    @on(Pane.Shown)
    def _pane_shown(self, message: Pane.Shown) -> None:
        self._started()
        self.call_after_refresh(self._import_panes)  # once that is painted

    @property
    def is_started(self) -> bool:
        """The first screen is up: the pane on screen shows the current debate (or the database
        could not be opened)."""
        return self._is_started

    def _started(self) -> None:
        """The first screen is up (or could not be: the database failed), or it is taking long."""
        if not self._is_started:
            self._is_started = True
            self.query_one(AppFooter).release()
            collect_from_now_on()

    def _import_panes(self) -> None:
        if not self._importing:
            self._importing = True
            self.import_panes()

    @work(thread=True, exclusive=True, group="panes", exit_on_error=False)
    def import_panes(self) -> None:
        """Import the other panes' modules and the roster in the background, after the first pane
        has shown the current debate, so that a tab's first visit only has to mount its pane."""
        self.services.roster  # noqa: B018 - loaded here, not on the event loop
        for _tab, _label, path, _key in TABS:
            pane_class(path)
        freeze_gc()
        self.post_message(PanesImported())

    @on(PanesImported)
    def _panes_imported(self, message: PanesImported) -> None:
        if self.PREMOUNT:
            self.call_later(self._premount_next)

    async def _premount_next(self) -> None:
        """Mount the next pane not visited yet, in the background, whenever no work is running (a
        pane loading its data, a brief being built): a tab's first visit then finds its content
        ready. Panes a key asks for meanwhile are mounted at once, as before."""
        if any(not worker.is_finished for worker in self.workers):
            self.set_timer(PREMOUNT_PAUSE, self._premount_next)
            return
        waiting = [tab_id for tab_id, *_ in TABS if tab_id not in self._panes]
        if not waiting:
            freeze_gc()
            return
        await self._ensure_pane(waiting[0])
        self.set_timer(PREMOUNT_PAUSE, self._premount_next)

    async def _ensure_pane(self, tab_id: str, first: object | None = None) -> Pane | None:
        """The pane of `tab_id`, mounted on its first visit (None while the database is not open),
        showing `first` (what its `read_first` read of the current debate) from its first frame."""
        if tab_id in self._panes:
            await self._mounted[tab_id].wait()
            return self._panes[tab_id]
        if not self._database_open:
            return None
        tabbed = self.tabbed()
        tab = tabbed.get_pane(f"tab-{tab_id}") if tabbed is not None else None
        if tab is None or not tab.is_mounted:
            return None  # the app is closing
        path = next(path for tab_of, _label, path, _key in TABS if tab_of == tab_id)
        pane = pane_class(path)(self.services, id=f"pane-{tab_id}")
        if self._debates_known:  # (before it is mounted: a key typed on the tab's first visit acts on it)
            pane.debate_id = self.debate_id
        self._panes[tab_id], self._mounted[tab_id] = pane, asyncio.Event()
        if first is not None:
            pane.first_read = (self.debate_id, first)  # shown by its on_mount
        await tab.query(".pane-loading").remove()
        await tab.mount(pane)
        pane.fit(self.size.width, self.size.height)
        self._mounted[tab_id].set()
        if self._debates_known:
            pane.post_message(DebateSelected(self.debate_id))
        return pane

    @on(TabbedContent.TabActivated)
    async def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab chosen with a key, the mouse, or Tab/arrows on the tab bar (which then keeps the
        keyboard) gives its pane the keyboard, mounting the pane on its first visit."""
        tab_id = (event.pane.id or "").removeprefix("tab-")
        if await self._ensure_pane(tab_id) is not None and not isinstance(self.screen.focused, Tabs):
            self._focus_pane(tab_id)
        if self._is_started:  # once the focus (given later by focus()) is there
            self.call_after_refresh(self.query_one(AppFooter).release)

    @on(DatabaseFailed)
    async def _database_failed(self, message: DatabaseFailed) -> None:
        await self._tabs_mounted.wait()
        self._started()
        self._database_problem = message.problem
        self._show_database_problem()
        self.notify(message.problem, title=_("Database"), severity="error", markup=False, timeout=30)

    def _show_database_problem(self) -> None:
        self.sub_title = _("database unavailable")
        for loading in self.query(".pane-loading").results(Static):
            loading.update(_("The database could not be opened: {problem}").format(problem=self._database_problem))

    def panes(self) -> list[Pane]:
        """The panes mounted so far (each on its tab's first visit)."""
        return list(self.panes_by_tab().values())

    def panes_by_tab(self) -> dict[str, Pane]:
        # From the app's own record, not a query: a query walks every widget of every tab, and a
        # tab key asks this before its screen is painted.
        return {tab_id: pane for tab_id, *_ in TABS
                if (pane := self._panes.get(tab_id)) is not None and pane.is_attached}

    def tabbed(self) -> TabbedContent | None:
        """The tabs (None before they are mounted, or once the app is closing)."""
        tabbed = self._tabbed
        return tabbed if tabbed is not None and tabbed.is_attached else None

    async def pane(self, tab_id: str) -> Pane | None:
        """The pane of `tab_id`, mounted now if its tab was never visited (None until the database
        is open)."""
        return await self._ensure_pane(tab_id)

    # -- the current debate ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="debates", exit_on_error=False)
    def load_debates(self) -> None:
        debates = self.services.debates.list()
        current = self.services.debates.current()
        self.post_message(DebatesLoaded([(d.id, d.label()) for d in debates if d.id is not None],
                                        current.id if current else None))

    @on(DebatesLoaded)
    def _debates_loaded(self, message: DebatesLoaded) -> None:
        self._debates_known = True
        labels = dict(message.debates)
        if self.debate_id in labels:  # still there: keep it, its label may have changed
            self.sub_title = labels[self.debate_id]
            return
        if not message.debates:
            self.set_debate(None)
            if self.offer_sample:
                from debateprep.tui.screens.first_run import FirstRunScreen

                self.offer_sample = False
                self.push_screen(FirstRunScreen(), self._first_run_done)
            return
        # the current one (`debateprep debate use`, else the most recent)
        chosen = next((d for d in message.debates if d[0] == message.current), message.debates[-1])
        self.set_debate(*chosen)

    def _first_run_done(self, load: bool | None) -> None:
        # The offer came up before the pane on screen could take the keyboard: it takes it now.
        self.call_after_refresh(self._focus_active_pane)
        if load:
            self.load_sample()

    def _focus_active_pane(self) -> None:
        tabbed = self.tabbed()
        if tabbed is not None:
            self._focus_pane(tabbed.active.removeprefix("tab-"))

    @work(thread=True, exclusive=True, group="sample", exit_on_error=False)
    def load_sample(self) -> None:
        self.post_message(SampleLoaded(self.services.load_sample()))

    @on(SampleLoaded)
    def _sample_loaded(self, message: SampleLoaded) -> None:
        self.notify("\n".join(message.lines), title=_("Sample debate loaded"), markup=False)

    def set_debate(self, debate_id: int | None, label: str = "") -> None:
        self.sub_title = label or (_("no debate yet") if debate_id is None else f"#{debate_id}")
        self.debate_id = debate_id

    def watch_debate_id(self, debate_id: int | None) -> None:
        for pane in self.panes():
            pane.post_message(DebateSelected(debate_id))

    @on(DebateChosen)
    def _debate_chosen(self, message: DebateChosen) -> None:
        self.set_debate(message.debate_id, message.label)
        self.load_debates()  # the title then reads as everywhere else (Debate.label())

    # -- change notices ----------------------------------------------------------------------

    def _watch(self) -> None:
        """Every few seconds: look (in a thread, one small query) whether another process changed
        something; never two looks at once, never on the event loop."""
        if not self._watching:
            self._watching = True
            self.watch_changes()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def watch_changes(self) -> None:
        from debateprep.domain.errors import DebateprepError

        try:
            topics = self.services.changes_elsewhere()
        except DebateprepError:
            topics = frozenset()  # the database is away for a moment: the next look tries again
        self.post_message(ChangedElsewhere(topics))

    @on(ChangedElsewhere)
    def _changed_elsewhere(self, message: ChangedElsewhere) -> None:
        self._watching = False
        if message.topics:
            self.post_message(TopicsChanged(message.topics))

    def reload_all(self) -> None:
        """Read everything again (the same debate chosen again: whatever changed anywhere shows)."""
        self.post_message(TopicsChanged(ALL))

    def _announced(self, topics: frozenset[Topic]) -> None:
        """What `Services` announces, from whichever thread made the change (post_message is thread-safe)."""
        self.post_message(TopicsChanged(topics))

    @on(TopicsChanged)
    def _topics_changed(self, message: TopicsChanged) -> None:
        if Topic.DEBATES in message.topics:
            self.load_debates()
        for pane in self.panes():
            shown = pane.TOPICS & message.topics
            if shown:
                pane.post_message(TopicsChanged(shown))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.problem, title=message.title or _("Error"), severity="error", markup=False)

    # -- between panes -----------------------------------------------------------------------

    @on(SendToPrst)
    @on(SendGroupToPrst)
    async def _send_to_prst(self, message: SendToPrst | SendGroupToPrst) -> None:
        """Agreed language from the library, or a proposal delegations converged on, goes to the PRST
        pane (mounted first if its tab was never visited), which is then shown."""
        prst = await self._ensure_pane("prst")
        if prst is not None:
            prst.post_message(AddToDraft(message))
            self._switch_tab("prst")

    # -- tabs, focus, palette ----------------------------------------------------------------

    async def action_show_tab(self, tab_id: str) -> None:
        """A tab key. Its pane is mounted (on the tab's first visit) and focused before the next key
        is handled: a key typed right after reaches the new tab's pane."""
        if isinstance(self.screen, ModalScreen):
            # A dialog keeps the keyboard: the key goes on to it (a tab switched behind it would take
            # its focus, and a key typed next would be lost while it closes).
            raise SkipAction()
        self._switch_tab(tab_id)
        if tab_id not in self._panes and self.tabbed() is not None:
            pane = await self._ensure_pane(tab_id)
            tabbed = self.tabbed()
            if pane is not None and tabbed is not None and tabbed.active == f"tab-{tab_id}":
                self._focus_pane(tab_id)

    def _switch_tab(self, tab_id: str) -> None:
        tabbed = self.tabbed()
        if tabbed is None:
            return  # the very first frame: the tabs are about to appear
        tab = tabbed.get_pane(f"tab-{tab_id}")
        tabbed.active = f"tab-{tab_id}"
        # The focus goes straight to the pane shown (no moment without it: the footer would show
        # the app's keys in between). A focused widget left in a hidden tab would switch back to it:
        # when the pane is not there yet, nothing keeps the focus until it is.
        self._focus_pane(tab_id)
        focused = self.screen.focused
        if focused is not None and tab not in focused.ancestors_with_self:
            self.query_one(AppFooter).hold()  # (released once the pane has the focus: _tab_activated)
            self.screen.set_focus(None)

    def _focus_pane(self, tab_id: str) -> None:
        """Put the focus in the pane just shown, where it was when the tab was left (else on the
        pane's main widget), so its keys work at once."""
        pane = self.panes_by_tab().get(tab_id)
        if pane is None:
            return  # not mounted yet: it is focused once the database is open
        focused = self.screen.focused
        if focused is not None and pane in focused.ancestors_with_self and focused is not pane and usable(focused):
            return  # (a widget hidden meanwhile, say F5's editor on a debate without a draft, is no place to stay)
        pane.restore_focus()

    def action_pick_debate(self) -> None:
        from debateprep.tui.screens.debate_picker import DebatePickerScreen

        def chosen(result: tuple[int, str] | None) -> None:
            if result is not None and result[0] == self.debate_id:
                self.reload_all()
            elif result is not None:
                self.set_debate(*result)

        self.push_screen(DebatePickerScreen(self.services, self.debate_id), chosen)

    async def run_palette_command(self, command: PaletteCommand) -> None:
        """What a palette command does: the key's action, on its pane's tab."""
        if command.scope == APP_SCOPE:
            self.call_later(self.run_action, command.action)
            return
        pane = await self._ensure_pane(command.scope)
        if pane is not None:
            self._switch_tab(command.scope)
            self.call_after_refresh(pane.run_action, command.action)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A background job that fails unexpectedly is reported as a notification, never a traceback."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            from debateprep.tui.errors import describe_error

            self.notify(describe_error(event.worker.error), title=_("Error"), severity="error", markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):  # Textual's own, from our catalog (textual_strings.py)
            yield command._replace(title=_(command.title), help=_(command.help))
        yield SystemCommand(_("Load sample debate"), _("Import the bundled sample concept note and library"),
                            self.load_sample)

    def action_command_palette(self) -> None:
        """Textual's own, with its placeholder in the interface language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    # -- the interface language --------------------------------------------------------------

    def action_switch_language(self) -> None:
        """The next interface language (English, 中文, …), at once and remembered for next time."""
        if isinstance(self.screen, ModalScreen):
            raise SkipAction()  # a dialog keeps the keyboard, as for the tab keys
        codes = list(LANGUAGES)
        self.set_interface_language(codes[(codes.index(language()) + 1) % len(codes)])

    def set_interface_language(self, code: str) -> None:
        set_language(code)
        self.relabel()
        for screen in self.screen_stack:
            for node in screen.query("*"):
                if isinstance(node, Localized):
                    node.relabel()
            screen.refresh_bindings()  # the footer reads the bindings again, translated
        self.remember_language(code)

    def relabel(self) -> None:
        """The app's own text: tab labels, the header's subtitle, the loading lines."""
        tabs = self.tabbed()
        if tabs is not None:
            for tab_id, label in tab_labels(self.size.width).items():
                tabs.get_tab(f"tab-{tab_id}").label = label
        for loading in self.query("#startup, .pane-loading").results(Static):
            loading.update(_(OPENING))
        if self._database_problem is not None:
            self._show_database_problem()
        elif self.debate_id is None:
            self.sub_title = _("no debate yet")

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def remember_language(self, code: str) -> None:
        from debateprep.domain.errors import DebateprepError

        try:
            self.services.settings.set_language(code)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Interface language")))
            return
        self.post_message(LanguageRemembered(code))

    @on(LanguageRemembered)
    def _language_remembered(self, message: LanguageRemembered) -> None:
        self.notify(_("Interface language: {name}").format(name=language_name(message.code)), markup=False)


def freeze_gc() -> None:
    """Move every object alive now out of the garbage collector's sight. What the app has loaded so
    far (Textual, SQLAlchemy, the roster, the panes) lives as long as the app; without this each
    full collection walks all of it again, and a key press that allocates waits 100 ms or more for
    one. (The cost: a cycle of garbage left from before is never collected, a few kB.)"""
    gc.freeze()


def collect_from_now_on() -> None:
    """The first screen is up: freeze what was loaded for it, and collect garbage from then on
    (the CLI starts the app with the collector off, as it runs every command)."""
    gc.freeze()
    gc.enable()


def make_app(services: Services, *, offer_sample: bool = True) -> DebatePrepApp:
    """The terminal UI over `services` (what `debateprep`, `debateprep demo` and the tests run)."""
    return DebatePrepApp(services, offer_sample=offer_sample)


def stylesheet_path() -> Path:
    return Path(__file__).parent / DebatePrepApp.CSS_PATH

