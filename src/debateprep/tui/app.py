"""The debateprep terminal UI: one tab per stage of preparing a debate."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from debateprep.tui.messages import DataChanged, DebateSelected
from debateprep.tui.screens.brief import BriefPane
from debateprep.tui.screens.concept_note import ConceptNotePane
from debateprep.tui.screens.library import LibraryPane
from debateprep.tui.screens.prst import PrstPane
from debateprep.tui.screens.speakers import SpeakersPane
from debateprep.tui.screens.statements import StatementsPane

if TYPE_CHECKING:
    from debateprep.storage.db import Database

# (tab id, label, pane class, key)
TABS = (
    ("notes", "Concept note 概念说明", ConceptNotePane, "f1"),
    ("speakers", "Speakers 发言名单", SpeakersPane, "f2"),
    ("statements", "Statements 发言", StatementsPane, "f3"),
    ("library", "Agreed language 商定措辞", LibraryPane, "f4"),
    ("prst", "PRST draft 主席声明", PrstPane, "f5"),
    ("brief", "Brief 简报", BriefPane, "f6"),
)


# The six tab keys share one footer entry ("f1f2f3f4f5f6 Tabs"), leaving room for each pane's keys.
TAB_KEYS = Binding.Group("Tabs", compact=True)


class DebatePrepApp(App[None]):
    """The app; `db` is an opened, migrated Database (tests pass a throwaway one)."""

    CSS_PATH = "app.tcss"
    TITLE = "debateprep"
    BINDINGS = [
        *(
            Binding(key, f"show_tab('{tab_id}')", label.split(" ")[0], id=f"tab-{tab_id}", group=TAB_KEYS)
            for tab_id, label, _cls, key in TABS
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
        with TabbedContent(id="tabs"):
            for tab_id, label, pane_cls, _key in TABS:
                with TabPane(label, id=f"tab-{tab_id}"):
                    yield pane_cls(self.db, id=f"pane-{tab_id}")
        yield Footer()

    def on_mount(self) -> None:
        self.load_debates()

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
        for _tab_id, _label, _cls, _key in TABS:
            pane = self.query_one(f"#pane-{_tab_id}")
            pane.post_message(DebateSelected(debate_id))

    @on(DataChanged)
    def _broadcast_data_changed(self, message: DataChanged) -> None:
        if message._sender is self:
            return  # one of our own copies bubbling back up from a pane: re-sending it loops forever
        if message.what in ("all", "debates"):
            self.load_debates()
        for tab_id, _label, _cls, _key in TABS:
            pane = self.query_one(f"#pane-{tab_id}")
            if pane is not message._sender:
                pane.post_message(DataChanged(message.what))

    def action_show_tab(self, tab_id: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{tab_id}"

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
        for tab_id, label, _cls, key in TABS:
            yield SystemCommand(f"Go to {label}", f"Show the {label} tab ({key.upper()})",
                                lambda t=tab_id: self.action_show_tab(t))
        yield SystemCommand("Choose debate", "Switch the current debate (Ctrl+O)", self.action_pick_debate)
        yield SystemCommand("Load sample debate", "Import the bundled sample concept note and library",
                            self.load_sample)
        # Each pane may offer its own actions: palette_commands() -> [(title, help, callback)]
        for tab_id, _label, _cls, _key in TABS:
            pane = self.query_one(f"#pane-{tab_id}")
            commands = getattr(pane, "palette_commands", None)
            if commands is not None:
                for title, help_text, callback in commands():
                    yield SystemCommand(title, help_text, callback)


def stylesheet_path() -> Path:
    return Path(__file__).parent / DebatePrepApp.CSS_PATH
