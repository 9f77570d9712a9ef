"""The debateprep terminal UI: one tab per stage of preparing a debate."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from debateprep.tui.messages import DataChanged, DebateSelected, SendGroupToPrst, SendToPrst

if TYPE_CHECKING:
    from debateprep.storage.db import Database

# (tab id, label, "module:Class" of its pane, key). The panes (and the database behind them) are
# loaded after the first frame: the app paints about as fast as a bare Textual app.
TABS = (
    ("notes", "Concept note 概念说明", "debateprep.tui.screens.concept_note:ConceptNotePane", "f1"),
    ("speakers", "Speakers 发言名单", "debateprep.tui.screens.speakers:SpeakersPane", "f2"),
    ("statements", "Statements 发言", "debateprep.tui.screens.statements:StatementsPane", "f3"),
    ("library", "Agreed language 商定措辞", "debateprep.tui.screens.library:LibraryPane", "f4"),
    ("prst", "PRST draft 主席声明", "debateprep.tui.screens.prst:PrstPane", "f5"),
    ("brief", "Brief 简报", "debateprep.tui.screens.brief:BriefPane", "f6"),
    ("ours", "Our statement 我方发言", "debateprep.tui.screens.ours:OursPane", "f7"),
)


def pane_class(path: str) -> type[Widget]:
    """The pane class named by a TABS entry ("module:Class"), imported on first use."""
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


# The tab keys share one footer entry ("f1f2f3f4f5f6f7 Tabs"), leaving room for each pane's keys.
TAB_KEYS = Binding.Group("Tabs", compact=True)


class DebatePrepApp(App[None]):
    """The app; `db` is a Database (tests pass a throwaway one) or a LazyDatabase, opened in a worker
    after the first frame."""

    CSS_PATH = "app.tcss"
    TITLE = "debateprep"
    BINDINGS = [
        *(
            Binding(key, f"show_tab('{tab_id}')", label.split(" ")[0], id=f"tab-{tab_id}", group=TAB_KEYS)
            for tab_id, label, _path, key in TABS
        ),
        Binding("ctrl+o", "pick_debate", "Debate", id="pick-debate"),
        Binding("ctrl+q", "quit", "Quit", id="quit"),
    ]

    debate_id: reactive[int | None] = reactive(None, init=False)

    def __init__(self, db: Database, *, offer_sample: bool = True) -> None:
        super().__init__()
        self.db = db
        self.offer_sample = offer_sample

    def compose(self) -> ComposeResult:
        yield Header()
        # The first frame is light (title, keys, a line of status): tabs follow, then the panes.
        yield Static("Opening the database …", id="startup", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_tabs)

    async def _show_tabs(self) -> None:
        tabs = TabbedContent(id="tabs")
        for tab_id, label, _path, _key in TABS:  # as `with TabbedContent(): with TabPane(...)` would
            loading = Static("Opening the database …", classes="pane-loading", markup=False)
            tabs.compose_add_child(TabPane(label, loading, id=f"tab-{tab_id}"))
        await self.mount(tabs, before=self.query_one(Footer))
        await self.query("#startup").remove()
        self.open_database()

    @work(thread=True, exclusive=True, group="database", exit_on_error=False)
    def open_database(self) -> None:
        """Open (and migrate) the database and import the panes, off the event loop."""
        from debateprep.tui.errors import describe_error

        try:
            opener = getattr(self.db, "open", None)
            if callable(opener):
                opener()
            classes = [pane_class(path) for _tab, _label, path, _key in TABS]
        except Exception as exc:  # noqa: BLE001 - shown in every tab, never a traceback
            self.call_from_thread(self._database_failed, describe_error(exc))
            return
        self.call_from_thread(self._mount_panes, classes)

    async def _mount_panes(self, classes: list[type[Widget]]) -> None:
        for (tab_id, _label, _path, _key), pane_cls in zip(TABS, classes, strict=True):
            tab = self.query_one(f"#tab-{tab_id}", TabPane)
            await tab.query(".pane-loading").remove()
            await tab.mount(pane_cls(self.db, id=f"pane-{tab_id}"))
        active = self.query_one(TabbedContent).active
        if active.startswith("tab-"):
            self._focus_pane(active.removeprefix("tab-"))
        self.load_debates()

    def _database_failed(self, message: str) -> None:
        self.sub_title = "database unavailable"
        for loading in self.query(".pane-loading").results(Static):
            loading.update(f"The database could not be opened: {message}")
        self.notify(message, title="Database", severity="error", markup=False, timeout=30)

    def panes(self) -> list[Widget]:
        """The panes mounted so far (all of them once the database is open)."""
        return [pane for tab_id, *_ in TABS for pane in self.query(f"#pane-{tab_id}").results(Widget)]

    @work(thread=True, exclusive=True, group="debates", exit_on_error=False)
    def load_debates(self) -> None:
        from debateprep.services.debates import DebateService

        latest = DebateService(self.db).latest()
        self.call_from_thread(self._debates_loaded, latest.id if latest else None, latest.label() if latest else "")

    def _debates_loaded(self, debate_id: int | None, label: str) -> None:
        if debate_id is None:
            self.sub_title = "no debate yet"
            if self.offer_sample:
                from debateprep.tui.screens.first_run import FirstRunScreen

                self.offer_sample = False
                self.push_screen(FirstRunScreen(), self._first_run_done)
            return
        self.sub_title = label
        self.debate_id = debate_id

    def _first_run_done(self, load: bool | None) -> None:
        if load:
            self.load_sample()

    @work(thread=True, exclusive=True, group="sample", exit_on_error=False)
    def load_sample(self) -> None:
        from debateprep.services.sample import load_sample

        lines = load_sample(self.db)
        self.call_from_thread(self.notify, "\n".join(lines), title="Sample debate loaded", markup=False)
        self.call_from_thread(self.post_message, DataChanged("all"))
        self.call_from_thread(self.load_debates)

    def set_debate(self, debate_id: int | None, label: str = "") -> None:
        self.sub_title = label or ("no debate yet" if debate_id is None else f"#{debate_id}")
        self.debate_id = debate_id

    def watch_debate_id(self, debate_id: int | None) -> None:
        for pane in self.panes():
            pane.post_message(DebateSelected(debate_id))

    @on(DataChanged)
    def _broadcast_data_changed(self, message: DataChanged) -> None:
        if message._sender is self:
            return  # one of our own copies bubbling back up from a pane: re-sending it loops forever
        if message.what in ("all", "debates"):
            self.load_debates()
        for pane in self.panes():
            if pane is not message._sender:
                pane.post_message(DataChanged(message.what))

    @on(SendToPrst)
    def _send_to_prst(self, message: SendToPrst) -> None:
        """Agreed language chosen in the library goes to the PRST pane, which is then shown."""
        self.query_one("#pane-prst").add_agreed(  # type: ignore[attr-defined]
            message.text, message.citation, message.paragraph_id)
        self.action_show_tab("prst")

    @on(SendGroupToPrst)
    def _send_group_to_prst(self, message: SendGroupToPrst) -> None:
        """A proposal delegations converged on goes to the PRST pane, which is then shown."""
        self.query_one("#pane-prst").add_group(message.rank)  # type: ignore[attr-defined]
        self.action_show_tab("prst")

    def action_show_tab(self, tab_id: str) -> None:
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
        """Put the focus in the pane just shown (unless it took it itself), so its keys work at once."""
        found = self.query(f"#pane-{tab_id}").results(Widget)
        pane = next(iter(found), None)
        if pane is None:
            return  # not mounted yet: it is focused once the database is open
        focused = self.screen.focused
        if focused is not None and pane in focused.ancestors_with_self:
            return
        for widget in self.screen.focus_chain:
            if pane in widget.ancestors:
                widget.focus()
                return
        # Nothing to focus (an empty state): focus the pane itself so its keys ("i" to import) work.
        pane.can_focus = True
        pane.focus()

    def action_pick_debate(self) -> None:
        from debateprep.tui.screens.debate_picker import DebatePickerScreen

        def chosen(result: tuple[int, str] | None) -> None:
            if result is not None:
                self.set_debate(*result)

        self.push_screen(DebatePickerScreen(self.db), chosen)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A background job of the app that fails is reported as a notification, never a traceback."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            from debateprep.tui.errors import describe_error

            self.notify(describe_error(event.worker.error), title="Error", severity="error", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for tab_id, label, _path, key in TABS:
            yield SystemCommand(f"Go to {label}", f"Show the {label} tab ({key.upper()})",
                                lambda t=tab_id: self.action_show_tab(t))
        yield SystemCommand("Choose debate", "Switch the current debate (Ctrl+O)", self.action_pick_debate)
        yield SystemCommand("Load sample debate", "Import the bundled sample concept note and library",
                            self.load_sample)
        # Each pane may offer its own actions: palette_commands() -> [(title, help, callback)]
        for pane in self.panes():
            commands = getattr(pane, "palette_commands", None)
            if commands is not None:
                for title, help_text, callback in commands():
                    yield SystemCommand(title, help_text, callback)


def stylesheet_path() -> Path:
    return Path(__file__).parent / DebatePrepApp.CSS_PATH
