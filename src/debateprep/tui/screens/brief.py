"""The brief pane: preview the delegation brief (rendered or as markdown source) and export it.

Building the brief (database reads, markdown) and rendering it (Rich, off the event loop) both run
in thread workers: for a newly chosen debate at once (the first visit finds it ready), after a
change only when the pane is visible. Switching tabs never waits for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static, TextArea

from debateprep.i18n import N_, _, document_language_name
from debateprep.services.topics import Topic
from debateprep.tui.errors import describe_error
from debateprep.tui.messages import Failed
from debateprep.tui.pane import Pane
from debateprep.tui.widgets.empty import EmptyState
from debateprep.tui.widgets.markdown_preview import MarkdownPreview

if TYPE_CHECKING:
    from textual import events

    from debateprep.domain.debate import Debate
    from debateprep.exporters.brief import BriefData

@dataclass
class _Built:
    debate: Debate
    data: BriefData
    lang: str
    markdown: str
    summary: str


class BriefBuilt(Message):
    def __init__(self, built: _Built) -> None:
        self.built = built
        super().__init__()


class BriefFailed(Message):
    def __init__(self, error: Exception) -> None:
        self.error = error
        super().__init__()


class BriefPane(Pane):
    DEFAULT_CSS = """
    BriefPane #brief-status { height: auto; max-height: 2; color: $text-muted; padding: 0 1; }
    BriefPane ContentSwitcher { height: 1fr; }
    BriefPane TextArea { height: 1fr; }
    """
    BINDINGS = [
        Binding("e", "export('md')", N_("Export .md"), id="brief-export", tooltip=N_("export markdown …")),
        Binding("h", "export('html')", N_("Export .html"), id="brief-export-html",
                tooltip=N_("export HTML for printing …")),
        Binding("w", "export('docx')", N_("Export .docx"), id="brief-export-docx",
                tooltip=N_("export Word (page numbers) …")),
        Binding("l", "toggle_language", N_("中文/English"), id="brief-language",
                tooltip=N_("the brief in Chinese or English (the interface keeps its language)")),
        Binding("s", "toggle_source", N_("Source"), id="brief-source", tooltip=N_("show markdown source / rendered")),
        Binding("u", "set_delegation", N_("Delegation"), id="brief-delegation",
                tooltip=N_("set our delegation … (the brief says when we speak)")),
        # Off the footer: the brief rebuilds itself after every change; this is for a colleague's
        # changes to a shared database (and it is in the command palette).
        Binding("r", "refresh_brief", N_("Refresh"), id="brief-refresh", show=False,
                tooltip=N_("build the brief again from the database")),
    ]
    TITLE = N_("Brief")
    TOPICS = frozenset(Topic)  # the brief shows everything

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang: str | None = None  # None: the debate's own language
        self.built: _Built | None = None
        self._stale = True
        self._building = False  # a build is running: what `built` holds is about to be replaced
        self._pending: str | None = None  # an action asked for before the brief was built

    def compose(self) -> ComposeResult:
        yield Static("", id="brief-status", markup=False)
        with ContentSwitcher(initial="brief-empty", id="brief-views"):
            yield EmptyState(
                N_("The delegation brief: a markdown document of the whole debate, previewed and exported. "
                   "Import a concept note first (F1), or choose a debate (Ctrl+O)."),
                id="brief-empty",
            )
            yield MarkdownPreview(id="brief-rendered")
            yield TextArea("", id="brief-source", read_only=True, soft_wrap=True, show_line_numbers=True)

    # -- when to build --------------------------------------------------------------------------

    can_focus = True  # so its keys work before the brief is built

    def debate_changed(self) -> None:
        self.built = None
        self.lang = None  # each debate's brief starts in its own language
        self._pending = None
        # Built even while hidden (the pane is made ready in the background): the tab's first visit
        # finds the brief on screen. Later changes wait for a visit (_invalidate).
        self.refresh_brief()

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        self._invalidate()

    def on_show(self, event: events.Show) -> None:
        if self._stale:
            self.refresh_brief()

    def _invalidate(self) -> None:
        self._stale = True
        if self._visible():
            self.refresh_brief()

    def _visible(self) -> bool:
        return self.is_active() and self.region.width > 0

    def main_widget(self) -> Widget:
        """The brief as shown (rendered or source); the pane itself until one is built."""
        switcher = self.query_one("#brief-views", ContentSwitcher)
        if switcher.current in ("brief-rendered", "brief-source"):
            return self.query_one(f"#{switcher.current}")
        return self

    # -- building -------------------------------------------------------------------------------

    def refresh_brief(self) -> None:
        self._stale = False
        if self.debate_id is None:
            self._status("")
            self.query_one("#brief-views", ContentSwitcher).current = "brief-empty"
            return
        self._status(_("Building the brief …"))
        self._building = True
        self._build(self.debate_id, self.lang)

    @work(thread=True, exclusive=True, group="brief", exit_on_error=False)
    def _build(self, debate_id: int, lang: str | None) -> None:
        from debateprep.exporters.brief import render_brief
        from debateprep.services.brief import default_language, summarize

        try:
            debate, data = self.services.brief.gather(debate_id, lang=lang)
            language = lang or default_language(debate)
            built = _Built(debate, data, language, render_brief(data, language), summarize(data))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.report(BriefFailed(exc))
            return
        self.report(BriefBuilt(built))

    @on(BriefBuilt)
    def _show(self, message: BriefBuilt) -> None:
        built = message.built
        if built.debate.id != self.debate_id:
            return
        self.built = built
        self._building = False
        switcher = self.query_one("#brief-views", ContentSwitcher)
        if switcher.current == "brief-empty":
            switcher.current = "brief-rendered"
        self.query_one(MarkdownPreview).show(built.markdown)
        if switcher.current == "brief-source":
            self._load_source()
        self._status(self._describe(built) + " · " + _("rendering …"))
        self.claim_focus()
        if self._pending:
            pending, self._pending = self._pending, None
            self.call_later(self.run_action, pending)

    @on(MarkdownPreview.Rendered)
    def _rendered(self, message: MarkdownPreview.Rendered) -> None:
        if self.built is not None:
            self._status(self._describe(self.built))

    def _describe(self, built: _Built) -> str:
        return f"{built.debate.label()} · {document_language_name(built.lang)} · {built.summary}"

    @on(BriefFailed)
    def _failed(self, message: BriefFailed) -> None:
        self._building = False
        self._status(_("The brief could not be built."))
        self.notify(describe_error(message.error), title=_("Brief"), severity="error", markup=False)

    def _status(self, text: str) -> None:
        self.query_one("#brief-status", Static).update(text)

    def _load_source(self) -> None:
        area = self.query_one(TextArea)
        if self.built is not None and area.text != self.built.markdown:
            area.load_text(self.built.markdown)

    # -- actions --------------------------------------------------------------------------------

    def action_refresh_brief(self) -> None:
        self.refresh_brief()

    def action_toggle_language(self) -> None:
        current = self.lang or (self.built.lang if self.built else "en")
        self.lang = "zh" if current == "en" else "en"
        self.refresh_brief()

    def action_toggle_source(self) -> None:
        switcher = self.query_one("#brief-views", ContentSwitcher)
        if switcher.current == "brief-empty":
            return
        switcher.current = "brief-source" if switcher.current == "brief-rendered" else "brief-rendered"
        if switcher.current == "brief-source":
            self._load_source()
        self.claim_focus(self.main_widget())

    def action_export(self, fmt: str = "md") -> None:
        if self.debate_id is not None and (self.built is None or self._building or self._stale):
            # run once the brief is built (from the palette, or while it is being built again after a
            # change): never the brief as it was before the change
            self._pending = f"export('{fmt}')"
            if not self._building:
                self.refresh_brief()
            return
        if self.built is None:
            self.app.notify(_("No brief to export yet: choose a debate (Ctrl+O) or import a concept note (F1)."),
                            severity="warning", markup=False)
            return
        from debateprep.services.exports import default_name
        from debateprep.tui.screens.export_dialog import ExportFile, export_with_dialog

        built = self.built
        default = Path.cwd() / default_name("brief", built.debate.id, lang=built.lang, ext=fmt)

        def content() -> str | bytes:
            from debateprep.services.brief import brief_title, to_html

            if fmt == "html":
                return to_html(built.markdown, built.debate, built.lang)
            if fmt == "docx":
                from debateprep.exporters.docx import markdown_to_docx

                return markdown_to_docx(built.markdown, language=built.lang,
                                        header=brief_title(built.debate, built.lang))
            return built.markdown

        label = {"html": _("the brief (HTML, for printing)"),
                 "docx": _("the brief (Word document)")}.get(fmt, _("the brief (markdown)"))
        export_with_dialog(self, label, default, lambda path: [ExportFile(path, content)])

    def action_set_delegation(self) -> None:
        if self.built is None:
            if self.debate_id is not None:
                self._pending = "set_delegation"
            return
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        debate = self.built.debate

        def chosen(name: str | None) -> None:
            if name is not None:
                self._save_delegation(debate, name.strip() or None)

        self.app.push_screen(PromptScreen(
            _("Our delegation (the brief says when it speaks); empty to clear:"),
            debate.settings.our_delegation or "", accept=_("Save"), placeholder=_("e.g. China / 中国"),
        ), chosen)

    @work(thread=True, group="brief-settings", exit_on_error=False)
    def _save_delegation(self, debate: Debate, name: str | None) -> None:
        try:
            self.services.debates.update(debate, our_delegation=name)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.post_message(Failed(describe_error(exc), _("Brief")))
