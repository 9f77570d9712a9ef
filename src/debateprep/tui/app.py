"""The debateprep terminal UI: one tab per stage of preparing a debate.

`make_app(services)` is the factory the CLI and the tests use. The app gives every pane the same
`Services`, turns what `Services` announces into `TopicsChanged` for the panes showing those topics,
and carries requests between panes (a paragraph sent to the PRST draft).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.actions import SkipAction
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane, Tabs
from textual.worker import Worker, WorkerState

from debateprep.services.facade import Services
from debateprep.services.topics import Topic
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
from debateprep.tui.pane import Pane

# (tab id, label, "module:Class" of its pane, key). The panes (and the database behind them) are
# loaded after the first frame: the app paints about as fast as a bare Textual app.
TABS = (
    ("notes", "Concept note 概念说明", "debateprep.tui.screens.concept_note:ConceptNotePane", "f1"),
    ("speakers", "Speakers 发言名单", "debateprep.tui.screens.speakers:SpeakersPane", "f2"),
    ("statements", "Statements 发言", "debateprep.tui.screens.statements:StatementsPane", "f3"),
    ("library", "Agreed language 商定措辞", "debateprep.tui.screens.library:LibraryPane", "f4"),
    ("prst", "PRST draft 主席声明", "debateprep.tui.screens.prst:PrstPane", "f5"),
    ("brief", "Brief 简报", "debateprep.tui.screens.brief:BriefPane", "f6"),
)


# Shorter tab labels for narrower terminals: the longest set whose tabs fit the width is shown
# (every tab label stays visible from 80 columns up).
TAB_LABELS: dict[str, tuple[str, ...]] = {
    "notes": ("Note 概念说明", "Concept note", "Note"),
    "speakers": ("Speakers 发言名单", "Speakers", "Speakers"),
    "statements": ("Statements 发言", "Statements", "Statements"),
    "library": ("Language 措辞", "Agreed language", "Language"),
    "prst": ("PRST 主席声明", "PRST draft", "PRST"),
    "brief": ("Brief 简报", "Brief", "Brief"),
}
# Layout classes set on the app by its size, for app.tcss: fewer than 100 columns, fewer than 120,
# 150 or more, fewer than 32 rows.
NARROW_COLUMNS, MEDIUM_COLUMNS, WIDE_COLUMNS, SHORT_ROWS = 100, 120, 150, 32


def tab_labels(width: int) -> dict[str, str]:
    """The tab labels for a terminal `width` columns wide (each tab takes its label plus 2 cells)."""
    from rich.cells import cell_len

    sets = [{tab_id: label for tab_id, label, _path, _key in TABS}]
    sets += [{tab_id: TAB_LABELS[tab_id][i] for tab_id, *_ in TABS} for i in range(3)]
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


# The six tab keys share one footer entry ("f1f2f3f4f5f6 Tabs"), leaving room for each pane's keys.
TAB_KEYS = Binding.Group("Tabs", compact=True)


# -- what the app's own workers report ------------------------------------------------------


class PanesReady(Message):
    def __init__(self, classes: list[type[Pane]]) -> None:
        self.classes = classes
        super().__init__()


class DatabaseFailed(Message):
    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__()


class DebatesLoaded(Message):
    """The debates there are, as (id, label), oldest first."""

    def __init__(self, debates: list[tuple[int, str]]) -> None:
        self.debates = debates
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
            Binding(key, f"show_tab('{tab_id}')", label.split(" ")[0], id=f"tab-{tab_id}", group=TAB_KEYS,
                    tooltip=f"Go to {label}", priority=True)
            for tab_id, label, _path, key in TABS
        ),
        Binding("ctrl+o", "pick_debate", "Debate", id="pick-debate", tooltip="Choose debate"),
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Quit debateprep"),
    ]

    debate_id: reactive[int | None] = reactive(None, init=False)

    def __init__(self, services: Services, *, offer_sample: bool = True) -> None:
        super().__init__()
        self.services = services
        self.offer_sample = offer_sample
        self._unsubscribe = services.subscribe(self._announced)

    def compose(self) -> ComposeResult:
        yield Header()
        # The first frame is light (title, keys, a line of status): tabs follow, then the panes.
        yield Static("Opening the database …", id="startup", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._fit(self.size.width, self.size.height)
        self.call_after_refresh(self._show_tabs)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Lay the screens out for the terminal's size: layout classes for app.tcss, tab labels
        that fit, and each pane's own adjustments (Pane.fit)."""
        self.set_class(width < NARROW_COLUMNS, "-narrow")
        self.set_class(width < MEDIUM_COLUMNS, "-medium")
        self.set_class(width >= WIDE_COLUMNS, "-wide")
        self.set_class(height < SHORT_ROWS, "-short")
        tabs = self.query("#tabs").results(TabbedContent)
        for tabbed in tabs:
            for tab_id, label in tab_labels(width).items():
                tabbed.get_tab(f"tab-{tab_id}").label = label
        for pane in self.panes():
            pane.fit(width, height)

    def on_unmount(self) -> None:
        self._unsubscribe()

    async def _show_tabs(self) -> None:
        tabs = TabbedContent(id="tabs")
        for tab_id, label, _path, _key in TABS:  # as `with TabbedContent(): with TabPane(...)` would
            loading = Static("Opening the database …", classes="pane-loading", markup=False)
            tabs.compose_add_child(TabPane(label, loading, id=f"tab-{tab_id}"))
        await self.mount(tabs, before=self.query_one(Footer))
        await self.query("#startup").remove()
        self._fit(self.size.width, self.size.height)
        self.open_database()

    # -- the database and the panes ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="database", exit_on_error=False)
    def open_database(self) -> None:
        """Open (and migrate) the database and import the panes, off the event loop."""
        from debateprep.tui.errors import describe_error

        try:
            self.services.open()
            self.services.roster  # noqa: B018 - loaded here, not on the event loop
            classes = [pane_class(path) for _tab, _label, path, _key in TABS]
        except Exception as exc:  # noqa: BLE001 - shown in every tab, never a traceback
            self.post_message(DatabaseFailed(describe_error(exc)))
            return
        self.post_message(PanesReady(classes))

    @on(PanesReady)
    async def _mount_panes(self, message: PanesReady) -> None:
        for (tab_id, _label, _path, _key), pane_cls in zip(TABS, message.classes, strict=True):
            tab = self.query_one(f"#tab-{tab_id}", TabPane)
            await tab.query(".pane-loading").remove()
            pane = pane_cls(self.services, id=f"pane-{tab_id}")
            await tab.mount(pane)
            pane.fit(self.size.width, self.size.height)
        active = self.query_one(TabbedContent).active
        if active.startswith("tab-"):
            self._focus_pane(active.removeprefix("tab-"))
        self.load_debates()

    @on(DatabaseFailed)
    def _database_failed(self, message: DatabaseFailed) -> None:
        self.sub_title = "database unavailable"
        for loading in self.query(".pane-loading").results(Static):
            loading.update(f"The database could not be opened: {message.problem}")
        self.notify(message.problem, title="Database", severity="error", markup=False, timeout=30)

    def panes(self) -> list[Pane]:
        """The panes mounted so far (all of them once the database is open)."""
        return list(self.panes_by_tab().values())

    def panes_by_tab(self) -> dict[str, Pane]:
        return {tab_id: pane for tab_id, *_ in TABS for pane in self.query(f"#pane-{tab_id}").results(Pane)}

    # -- the current debate ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="debates", exit_on_error=False)
    def load_debates(self) -> None:
        debates = self.services.debates.list()
        self.post_message(DebatesLoaded([(d.id, d.label()) for d in debates if d.id is not None]))

    @on(DebatesLoaded)
    def _debates_loaded(self, message: DebatesLoaded) -> None:
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
        self.set_debate(*message.debates[-1])  # the most recent one

    def _first_run_done(self, load: bool | None) -> None:
        if load:
            self.load_sample()

    @work(thread=True, exclusive=True, group="sample", exit_on_error=False)
    def load_sample(self) -> None:
        self.post_message(SampleLoaded(self.services.load_sample()))

    @on(SampleLoaded)
    def _sample_loaded(self, message: SampleLoaded) -> None:
        self.notify("\n".join(message.lines), title="Sample debate loaded", markup=False)

    def set_debate(self, debate_id: int | None, label: str = "") -> None:
        self.sub_title = label or ("no debate yet" if debate_id is None else f"#{debate_id}")
        self.debate_id = debate_id

    def watch_debate_id(self, debate_id: int | None) -> None:
        for pane in self.panes():
            pane.post_message(DebateSelected(debate_id))

    @on(DebateChosen)
    def _debate_chosen(self, message: DebateChosen) -> None:
        self.set_debate(message.debate_id, message.label)
        self.load_debates()  # the title then reads as everywhere else (Debate.label())

    # -- change notices ----------------------------------------------------------------------

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
        self.notify(message.problem, title=message.title, severity="error", markup=False)

    # -- between panes -----------------------------------------------------------------------

    @on(SendToPrst)
    @on(SendGroupToPrst)
    def _send_to_prst(self, message: SendToPrst | SendGroupToPrst) -> None:
        """Agreed language from the library, or a proposal delegations converged on, goes to the PRST
        pane, which is then shown."""
        prst = self.panes_by_tab().get("prst")
        if prst is not None:
            prst.post_message(AddToDraft(message))
            self.action_show_tab("prst")

    # -- tabs, focus, palette ----------------------------------------------------------------

    def action_show_tab(self, tab_id: str) -> None:
        if isinstance(self.screen, ModalScreen):
            # A dialog keeps the keyboard: the key goes on to it (a tab switched behind it would take
            # its focus, and a key typed next would be lost while it closes).
            raise SkipAction()
        if not self.query("#tabs"):
            return  # the very first frame: the tabs are about to appear
        # A focused widget left in a hidden tab would switch back to it: move the focus along.
        tab = self.query_one(f"#tab-{tab_id}")
        focused = self.screen.focused
        if focused is not None and tab not in focused.ancestors_with_self:
            self.screen.set_focus(None)
        self.query_one(TabbedContent).active = f"tab-{tab_id}"
        self._focus_pane(tab_id)

    def _focus_pane(self, tab_id: str) -> None:
        """Put the focus in the pane just shown, where it was when the tab was left (else on the
        pane's main widget), so its keys work at once."""
        pane = self.panes_by_tab().get(tab_id)
        if pane is None:
            return  # not mounted yet: it is focused once the database is open
        focused = self.screen.focused
        if focused is not None and pane in focused.ancestors_with_self and focused is not pane:
            return
        pane.restore_focus()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab chosen with the mouse (or Tab/arrows on the tab bar) gives its pane the keyboard too."""
        pane_id = event.pane.id or ""
        if pane_id.startswith("tab-") and not isinstance(self.screen.focused, Tabs):
            self.call_after_refresh(self._focus_pane, pane_id.removeprefix("tab-"))

    def action_pick_debate(self) -> None:
        from debateprep.tui.screens.debate_picker import DebatePickerScreen

        def chosen(result: tuple[int, str] | None) -> None:
            if result is not None:
                self.set_debate(*result)

        self.push_screen(DebatePickerScreen(self.services, self.debate_id), chosen)

    def run_palette_command(self, command: PaletteCommand) -> None:
        """What a palette command does: the key's action, on its pane's tab."""
        if command.scope == APP_SCOPE:
            self.call_later(self.run_action, command.action)
            return
        pane = self.panes_by_tab().get(command.scope)
        if pane is not None:
            self.action_show_tab(command.scope)
            self.call_after_refresh(pane.run_action, command.action)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A background job that fails unexpectedly is reported as a notification, never a traceback."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            from debateprep.tui.errors import describe_error

            self.notify(describe_error(event.worker.error), title="Error", severity="error", markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Load sample debate", "Import the bundled sample concept note and library",
                            self.load_sample)


def make_app(services: Services, *, offer_sample: bool = True) -> DebatePrepApp:
    """The terminal UI over `services` (what `debateprep`, `debateprep demo` and the tests run)."""
    return DebatePrepApp(services, offer_sample=offer_sample)


def stylesheet_path() -> Path:
    return Path(__file__).parent / DebatePrepApp.CSS_PATH

