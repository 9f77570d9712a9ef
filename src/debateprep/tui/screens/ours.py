"""The "Our statement" pane: write our delegation's statement section by section, with the length
estimate (live, as you type), the check and the sources beside the editor, and a read-aloud timer.

Database and coverage work runs in thread workers (OurStatementService) that hand plain domain
objects back to the UI thread; the estimate is computed on the UI thread from the editor's text
(a regex over a few kilobytes). UN text is shown with markup off: square brackets are everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from debateprep.domain.delivery import estimate
from debateprep.domain.errors import DebateprepError
from debateprep.domain.our_statement import OurStatement, Section
from debateprep.storage.db import Database
from debateprep.tui.messages import DataChanged, DebateSelected
from debateprep.tui.widgets.cells import clip
from debateprep.tui.widgets.empty import EmptyState
from debateprep.tui.widgets.timer import SpeakerTimer, mmss

HEADING_CELLS = 44
SOURCE_CELLS = 300

# Interface strings of this pane (one place, for translation).
TEXT = {
    "empty": "No statement of ours for this debate yet: press n to start one (opening with the presidency "
             "and briefers, a section per guiding question, closing).",
    "no debate": "No debate selected (Ctrl+O to choose one).",
    "no statement": "Debate #{debate}: no statement of ours.",
    "status": "Statement #{id} · {who} · {lang} · {n} sections · {revs} · version {version}",
    "editor": "Editor · Ctrl+S save · Esc back to the sections · 1-3 insert a suggestion · / search the library",
    "ask delegation": "Our statement: which delegation delivers it?",
    "ask language": "Language of the statement (zh or en):",
    "ask search": "Search the agreed-language library for:",
    "ask heading": "Heading of the new section:",
    "pick": "Insert which paragraph? (Enter inserts, Esc cancels)",
    "nothing found": "Nothing in the library in {lang} for {query!r}.",
    "need statement": "No statement yet: press n to start one.",
    "need debate": "Choose a debate first (Ctrl+O).",
    "started": "Statement started: the opening, a section per guiding question, the closing.",
    "saved": "Section {n} saved.",
    "added": "Section added.",
    "removed": "Section {n} removed.",
    "inserted": "Inserted {citation} in section {n}, its citation as a footnote.",
    "no suggestion": "Section {n} has no suggestion {k}.",
    "revised": "{label} kept ({n} paragraphs).",
    "checked": "Checked.",
    "rehearsal": "Read aloud in {actual} (estimate {estimated}).",
    "rehearsing": "Reading aloud: space again to stop.",
    "exported": "Written: {paths}",
    "kept": "Not exported: {path} was left as it was.",
    "overwrite": "{path}\nalready exists. Overwrite it?",
    "export to": "Export the statement (markdown and Word) to:",
    "sources": "Sources",
    "check": "Check (c)",
    "library": "Agreed language (1-3 insert):",
    "no library": "Agreed language: nothing found for this question (/ searches the library).",
    "ours": "What we said before:",
    "no ours": "What we said before: nothing on this in our statements.",
    "others": "What others said:",
    "no others": "What others said: no imported statement addresses it.",
    "looking": "Looking for what we and others said …",
    "no question": "This section answers no guiding question.",
    "estimate": "{estimate} · limit from the {source}",
    "no revision": "no revision",
    "timer idle": "Read-aloud rehearsal",
    "timer help": "space starts the timer against the limit; space again stops it and records the time",
    "not checked": "Press c to check: the questions addressed and missed, length, placeholders, brackets.",
}


@dataclass(frozen=True)
class Loaded:
    """What a worker hands back: the statement (or None), the section to select, a message."""

    statement: OurStatement | None
    select: int | None = None
    message: str = ""


class RehearsalTimer(SpeakerTimer):
    """The speaker timer, for reading our statement aloud against its limit."""

    def render_text(self) -> Text:
        if self.state != "idle":
            return super().render_text()
        text = Text()
        text.append(TEXT["timer idle"] + "\n", style="bold")
        text.append(TEXT["timer help"], style="dim")
        return text


class LibraryPickScreen(ModalScreen[int | None]):
    """Choose one of the library hits (returns its index)."""

    DEFAULT_CSS = """
    LibraryPickScreen { align: center middle; }
    LibraryPickScreen > Vertical { width: 100; height: 24; padding: 1 2; border: thick $primary; background: $surface; }
    LibraryPickScreen OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="pick-cancel")]

    def __init__(self, hits: list[tuple[str, str]]) -> None:
        super().__init__()
        self.hits = hits

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(TEXT["pick"], markup=False)
            yield OptionList(*(Option(Text(f"{citation} — {clip(text, 160)}"), id=str(i))
                               for i, (citation, text) in enumerate(self.hits)), id="pick-list")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))


class OursPane(Vertical):
    DEFAULT_CSS = """
    OursPane { height: 1fr; }
    OursPane #ours-status { height: 1; color: $text-muted; }
    OursPane #ours-estimate { height: 1; padding: 0 1; background: $success 20%; }
    OursPane #ours-estimate.-over { background: $error; color: $text; text-style: bold; }
    OursPane #ours-body { height: 1fr; }
    OursPane #ours-left { width: 3fr; }
    OursPane #ours-right { width: 2fr; padding-left: 1; }
    OursPane #ours-sections { height: 1fr; max-height: 12; }
    OursPane #ours-editor-label { height: 1; color: $text-muted; }
    OursPane #ours-editor { height: 1fr; }
    OursPane #ours-check-box { height: 1fr; border: round $panel; padding: 0 1; }
    OursPane #ours-sources-box { height: 1fr; border: round $panel; padding: 0 1; }
    OursPane SpeakerTimer { height: 7; }
    OursPane EmptyState { margin: 1 0; }
    """
    BINDINGS = [
        Binding("n", "new_statement", "New", id="ours-new"),
        Binding("ctrl+s", "save_section", "Save", id="ours-save"),
        Binding("a", "add_section", "Add", id="ours-add"),
        Binding("x", "remove_section", "Drop", id="ours-remove"),
        Binding("left_square_bracket", "move(-1)", "Up", id="ours-up"),
        Binding("right_square_bracket", "move(1)", "Down", id="ours-down"),
        Binding("1", "insert_suggestion(1)", "Insert 1", id="ours-insert-1", show=False),
        Binding("2", "insert_suggestion(2)", "Insert 2", id="ours-insert-2", show=False),
        Binding("3", "insert_suggestion(3)", "Insert 3", id="ours-insert-3", show=False),
        Binding("slash", "search_library", "Library", id="ours-search"),
        Binding("c", "check", "Check", id="ours-check"),
        Binding("r", "revise", "Revise", id="ours-revise"),
        Binding("space", "rehearse", "Read aloud", id="ours-rehearse"),
        Binding("e", "export", "Export", id="ours-export"),
        Binding("escape", "focus_sections", "Sections", id="ours-sections", show=False),
    ]

    can_focus = True

    def __init__(self, db: Database, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.db = db
        self.debate_id: int | None = None
        self.statement: OurStatement | None = None
        self.editing: Section | None = None  # the section (and version) loaded in the editor
        self.editing_number: int | None = None
        self._shown_id: int | None = None  # the statement on screen (its check belongs to it)

    def compose(self) -> ComposeResult:
        yield Static("", id="ours-status", markup=False)
        yield EmptyState(TEXT["empty"], id="ours-empty")
        yield Static("", id="ours-estimate", markup=False)
        with Horizontal(id="ours-body"):
            with Vertical(id="ours-left"):
                yield DataTable(id="ours-sections", cursor_type="row", zebra_stripes=True)
                yield Label(TEXT["editor"], id="ours-editor-label", markup=False)
                yield TextArea(id="ours-editor", soft_wrap=True)
            with Vertical(id="ours-right"):
                with VerticalScroll(id="ours-check-box"):
                    yield Static(TEXT["not checked"], id="ours-check", markup=False)
                with VerticalScroll(id="ours-sources-box"):
                    yield Static("", id="ours-sources", markup=False)
                yield RehearsalTimer(id="ours-timer")

    def on_mount(self) -> None:
        table = self.query_one("#ours-sections", DataTable)
        table.add_column("#", width=3, key="n")
        table.add_column("Q", width=4, key="q")
        table.add_column("section", width=HEADING_CELLS, key="heading")
        self.query_one("#ours-check-box").border_title = TEXT["check"]
        self.query_one("#ours-sources-box").border_title = TEXT["sources"]
        self._show(Loaded(None))

    # loading ------------------------------------------------------------------------------

    @on(DebateSelected)
    def _debate_selected(self, message: DebateSelected) -> None:
        self.debate_id = message.debate_id
        self.statement = None
        self.reload()

    @on(DataChanged)
    def _data_changed(self, message: DataChanged) -> None:
        if message.what in ("all", "debates", "debate", "library", "statements", "speakers"):
            self.reload()

    def reload(self, select: int | None = None) -> None:
        self._work(lambda service: None, select=select)

    def _work(self, op: Callable[[Any], object], select: int | None = None, message: str = "",
              changed: bool = False) -> None:
        """Run `op(service)` in a thread, then reload the statement and show it."""
        self._run(op, select, message, changed)

    @work(thread=True, exclusive=True, group="ours", exit_on_error=False)
    def _run(self, op: Callable[[Any], object], select: int | None, message: str, changed: bool) -> None:
        from debateprep.services.our_statement import OurStatementService

        service = OurStatementService(self.db)
        try:
            result = op(service)
            loaded = self._load(service, select, message, result)
        except DebateprepError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Our statement", severity="error", markup=False)
            loaded = self._load(service, select, "", None)
            changed = False
        self.app.call_from_thread(self._show, loaded)
        if changed:
            self.app.call_from_thread(self.post_message, DataChanged("ours"))

    def _load(self, service: Any, select: int | None, message: str, result: object) -> Loaded:
        if self.debate_id is None:
            return Loaded(None)
        found = service.statements(self.debate_id)
        wanted = result.id if isinstance(result, OurStatement) else (self.statement.id if self.statement else None)
        statement = next((s for s in found if s.id == wanted), found[-1] if found else None)
        if isinstance(result, str):
            message = result
        if isinstance(result, Section) and statement is not None:
            select = statement.section_number(result.id) or select
        return Loaded(statement, select, message)

    def _show(self, loaded: Loaded) -> None:
        self.statement = statement = loaded.statement
        has = statement is not None
        self.query_one("#ours-empty").display = not has and self.debate_id is not None
        for selector in ("#ours-estimate", "#ours-body"):
            self.query_one(selector).display = has
        status = self.query_one("#ours-status", Static)
        if self.debate_id is None:
            status.update(TEXT["no debate"])
        elif statement is None:
            status.update(TEXT["no statement"].format(debate=self.debate_id))
        else:
            revs = ", ".join(r.label for r in statement.revisions) or TEXT["no revision"]
            status.update(TEXT["status"].format(id=statement.id, who=statement.delegation, lang=statement.language,
                                                n=len(statement.sections), revs=revs, version=statement.version))
        if statement is None:
            self.editing = None
            return
        table = self.query_one("#ours-sections", DataTable)
        current = table.cursor_row
        table.clear()
        for number, section in enumerate(statement.sections, start=1):
            table.add_row(Text(str(number)), Text(section.question_label or ""),
                          Text(clip(section.heading, HEADING_CELLS)), key=str(section.id))
        row = (loaded.select - 1) if loaded.select is not None else min(current, len(statement.sections) - 1)
        row = max(0, min(row, len(statement.sections) - 1))
        if statement.sections:
            table.move_cursor(row=row)
        if self._shown_id != statement.id:  # another statement: its check is still to be run
            self.query_one("#ours-check", Static).update(TEXT["not checked"])
            self._shown_id = statement.id
            self.call_after_refresh(self._focus_table, True)
        self.editing = None  # reload the editor from what is stored
        self._select(row if statement.sections else None)
        self._focus_table()
        if loaded.message:
            self.notify(loaded.message, title="Our statement", markup=False)

    # selection, editor, estimate -----------------------------------------------------------

    @on(DataTable.RowHighlighted, "#ours-sections")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row != event.data_table.cursor_row:
            return  # a stale event from rebuilding the table: the cursor has moved on since
        if self.statement is None or event.cursor_row == (self.editing_number or 0) - 1:
            return
        if self._dirty():
            self.action_save_section(select=event.cursor_row + 1)  # keep what was typed, then move on
            return
        self._select(event.cursor_row)

    @on(DataTable.RowSelected, "#ours-sections")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.query_one("#ours-editor", TextArea).focus()

    def _focus_table(self, force: bool = False) -> None:
        """Put the focus on the sections when nothing in the pane has it (a new statement, a reload),
        but never from a hidden tab (that would switch back to it)."""
        from textual.widgets import TabbedContent, TabPane

        tab = next((a for a in self.ancestors if isinstance(a, TabPane)), None)
        tabs = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
        if tab is not None and tabs is not None and tabs.active != tab.id:
            return
        focused = self.screen.focused
        if force or focused is None or focused is self or self not in focused.ancestors:
            self.query_one("#ours-sections", DataTable).focus()

    def _dirty(self) -> bool:
        return self.editing is not None and self.query_one("#ours-editor", TextArea).text.strip() != self.editing.text.strip()

    def _select(self, row: int | None) -> None:
        statement = self.statement
        editor = self.query_one("#ours-editor", TextArea)
        if statement is None or row is None or not 0 <= row < len(statement.sections):
            self.editing, self.editing_number = None, None
            editor.load_text("")
            return
        section = statement.sections[row]
        if self.editing is None or self.editing.id != section.id or self.editing.version != section.version:
            editor.load_text(section.text)
        self.editing, self.editing_number = section, row + 1
        self._update_estimate()
        self._show_library(section)
        self._find_sources(statement, row + 1)

    @on(TextArea.Changed, "#ours-editor")
    def _typed(self, event: TextArea.Changed) -> None:
        self._update_estimate()

    def current_text(self) -> str:
        """The whole statement as it stands, with the editor's unsaved text in its section."""
        statement = self.statement
        if statement is None:
            return ""
        editor = self.query_one("#ours-editor", TextArea).text
        texts = [editor if self.editing is not None and s.id == self.editing.id else s.text
                 for s in statement.sections]
        return "\n\n".join(t for t in texts if t.strip())

    def _update_estimate(self) -> None:
        statement = self.statement
        widget = self.query_one("#ours-estimate", Static)
        if statement is None:
            widget.update("")
            return
        e = estimate(self.current_text(), statement.language, statement.limit_seconds, statement.rates)
        widget.update(TEXT["estimate"].format(estimate=e.describe(), source=statement.limit_source))
        widget.set_class(e.over, "-over")

    def _show_library(self, section: Section) -> None:
        lines = [section.question_text or TEXT["no question"], ""]
        if section.suggestions:
            lines.append(TEXT["library"])
            for k, s in enumerate(section.suggestions, start=1):
                lines.append(f"{k}. {s.citation} ({s.similarity:.0%}): {clip(s.text, SOURCE_CELLS)}")
        else:
            lines.append(TEXT["no library"])
        lines += ["", TEXT["looking"]]
        self.query_one("#ours-sources", Static).update("\n".join(lines))

    @work(thread=True, exclusive=True, group="ours-sources", exit_on_error=False)
    def _find_sources(self, statement: OurStatement, number: int) -> None:
        from debateprep.services.our_statement import OurStatementService

        assert statement.id is not None
        try:
            found = OurStatementService(self.db).sources(statement.id, number)
        except DebateprepError:
            return
        self.app.call_from_thread(self._show_sources, statement.id, number, found)

    def _show_sources(self, statement_id: int, number: int, found: Any) -> None:
        if self.statement is None or self.statement.id != statement_id or self.editing_number != number:
            return  # the writer moved on meanwhile
        section = self.statement.sections[number - 1]
        lines = [section.question_text or TEXT["no question"], ""]
        if found.library:
            lines.append(TEXT["library"])
            lines += [f"{k}. {s.citation} ({s.similarity:.0%}): {clip(s.text, SOURCE_CELLS)}"
                      for k, s in enumerate(found.library, start=1)]
        else:
            lines.append(TEXT["no library"])
        lines += ["", TEXT["ours"] if found.ours else TEXT["no ours"]]
        lines += [f"- {p.source}: {clip(p.text, SOURCE_CELLS)}" for p in found.ours]
        lines += ["", TEXT["others"] if found.others else TEXT["no others"]]
        lines += [f"- {p.delegation}: {clip(p.text, SOURCE_CELLS)}" for p in found.others]
        self.query_one("#ours-sources", Static).update("\n".join(lines))

    # actions --------------------------------------------------------------------------------

    def _need_statement(self) -> OurStatement | None:
        if self.statement is None:
            self.notify(TEXT["need statement"], title="Our statement", severity="warning", markup=False)
        return self.statement

    def action_focus_sections(self) -> None:
        self.query_one("#ours-sections", DataTable).focus()

    def action_new_statement(self) -> None:
        if self.debate_id is None:
            self.notify(TEXT["need debate"], title="Our statement", severity="warning", markup=False)
            return
        self._ask_new(self.debate_id)

    @work(thread=True, exclusive=True, group="ours-new", exit_on_error=False)
    def _ask_new(self, debate_id: int) -> None:
        """Read the debate (its delegation and language are the defaults), then ask."""
        from debateprep.services.debates import DebateService

        try:
            debate = DebateService(self.db).get(debate_id)
        except DebateprepError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self._prompt_new, debate_id, debate.settings.our_delegation or "", debate.language)

    def _prompt_new(self, debate_id: int, delegation: str, language: str) -> None:
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        def language_chosen(who: str, lang: str | None) -> None:
            if lang is None:
                return
            chosen = lang.strip() or None
            self._work(lambda s: s.new(debate_id, chosen, delegation=who), select=1,
                       message=TEXT["started"], changed=True)

        def delegation_chosen(name: str | None) -> None:
            if name is None or not name.strip():
                return
            self.app.push_screen(PromptScreen(TEXT["ask language"], language, accept="Start"),
                                 lambda lang: language_chosen(name.strip(), lang))

        self.app.push_screen(PromptScreen(TEXT["ask delegation"], delegation, accept="Next",
                                          placeholder="e.g. China / 中国 / Norway"), delegation_chosen)

    def action_save_section(self, select: int | None = None) -> None:
        statement, section = self._need_statement(), self.editing
        if statement is None or statement.id is None or section is None:
            return
        text = self.query_one("#ours-editor", TextArea).text
        statement_id, number = statement.id, self.editing_number
        self._work(lambda s: s.edit_section(statement_id, section, text), select=select or number,
                   message="" if select else TEXT["saved"].format(n=number), changed=True)

    def action_add_section(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        statement_id = statement.id

        def chosen(heading: str | None) -> None:
            if heading and heading.strip():
                self._work(lambda s: s.add_section(statement_id, heading), message=TEXT["added"], changed=True)

        self.app.push_screen(PromptScreen(TEXT["ask heading"], accept="Add"), chosen)

    def action_remove_section(self) -> None:
        statement, section, number = self._need_statement(), self.editing, self.editing_number
        if statement is None or statement.id is None or section is None or number is None:
            return
        statement_id = statement.id
        self._work(lambda s: s.remove_section(statement_id, section), select=max(1, number - 1),
                   message=TEXT["removed"].format(n=number), changed=True)

    def action_move(self, step: int) -> None:
        statement, number = self._need_statement(), self.editing_number
        if statement is None or statement.id is None or number is None:
            return
        target = number + step
        if not 1 <= target <= len(statement.sections):
            return
        statement_id, version = statement.id, statement.version
        self._work(lambda s: s.move_section(statement_id, number, target, version), select=target, changed=True)

    def _save_then(self, then: Callable[[Any, int], object]) -> Callable[[Any], object]:
        """An operation that first saves what the editor holds (so nothing typed is lost)."""
        statement, section, number = self.statement, self.editing, self.editing_number
        text = self.query_one("#ours-editor", TextArea).text
        dirty = self._dirty()

        def op(service: Any) -> object:
            if dirty and statement is not None and statement.id is not None and section is not None:
                service.edit_section(statement.id, section, text)
            return then(service, number or 0)

        return op

    def action_insert_suggestion(self, k: int) -> None:
        statement, section = self._need_statement(), self.editing
        if statement is None or statement.id is None or section is None:
            return
        if not 1 <= k <= len(section.suggestions):
            self.notify(TEXT["no suggestion"].format(n=self.editing_number, k=k), severity="warning", markup=False)
            return
        statement_id, citation = statement.id, section.suggestions[k - 1].citation
        self._work(self._save_then(lambda s, n: s.insert_suggestion(statement_id, n, k)), select=self.editing_number,
                   message=TEXT["inserted"].format(citation=citation, n=self.editing_number), changed=True)

    def action_search_library(self) -> None:
        statement = self._need_statement()
        if statement is None or self.editing is None:
            return
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        def chosen(query: str | None) -> None:
            if query and query.strip():
                self._search(query.strip(), statement.language)

        self.app.push_screen(PromptScreen(TEXT["ask search"], accept="Search"), chosen)

    @work(thread=True, exclusive=True, group="ours-search", exit_on_error=False)
    def _search(self, query: str, lang: str) -> None:
        from debateprep.services.library import LibraryService

        try:
            hits = LibraryService(self.db).search(query, lang=lang, limit=30)
        except DebateprepError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self._pick, query, lang, [(h.id, h.citation, h.text) for h in hits])

    def _pick(self, query: str, lang: str, hits: list[tuple[int, str, str]]) -> None:
        if not hits:
            self.notify(TEXT["nothing found"].format(lang=lang, query=query), severity="warning", markup=False)
            return
        statement = self.statement
        if statement is None or statement.id is None:
            return
        statement_id = statement.id

        def chosen(index: int | None) -> None:
            if index is None:
                return
            paragraph_id, citation, _text = hits[index]
            self._work(self._save_then(lambda s, n: s.insert_library(statement_id, n, paragraph_id)),
                       select=self.editing_number,
                       message=TEXT["inserted"].format(citation=citation, n=self.editing_number), changed=True)

        self.app.push_screen(LibraryPickScreen([(c, t) for _i, c, t in hits]), chosen)

    def action_check(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        self._check(statement.id, self._save_then(lambda s, n: None) if self._dirty() else None)

    @work(thread=True, exclusive=True, group="ours-check", exit_on_error=False)
    def _check(self, statement_id: int, save: Callable[[Any], object] | None) -> None:
        from debateprep.services.our_statement import OurStatementService

        service = OurStatementService(self.db)
        try:
            if save is not None:
                save(service)
            report = service.check(statement_id)
        except DebateprepError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.query_one("#ours-check", Static).update, "\n".join(report.lines()))
        if save is not None:
            self.app.call_from_thread(self.reload, self.editing_number)

    def action_revise(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        statement_id = statement.id

        def then(service: Any, _number: int) -> str:
            revision = service.revise(statement_id)
            return TEXT["revised"].format(label=revision.label, n=len(revision.paragraphs))

        self._work(self._save_then(then), select=self.editing_number, changed=True)

    def action_rehearse(self) -> None:
        """Space starts the read-aloud timer against the limit; space again stops it and records
        the actual duration against the estimate."""
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        timer = self.query_one("#ours-timer", RehearsalTimer)
        if timer.state == "idle":
            timer.start(statement.delegation, statement.limit_seconds)
            self.notify(TEXT["rehearsing"], markup=False)
            return
        seconds = timer.stop()
        statement_id = statement.id

        def then(service: Any, _number: int) -> str:
            rehearsal = service.rehearse(statement_id, max(1, seconds))
            return TEXT["rehearsal"].format(actual=mmss(rehearsal.actual_seconds),
                                            estimated=mmss(rehearsal.estimated_seconds))

        self._work(self._save_then(then), select=self.editing_number, changed=True)

    def action_export(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        default = Path.cwd() / f"statement-{statement.id}-{statement.language}.md"

        def chosen(path: str | None) -> None:
            if path and path.strip():
                self._confirm_export(Path(path.strip()).expanduser())

        self.app.push_screen(PromptScreen(TEXT["export to"], str(default), accept="Export"), chosen)

    def _confirm_export(self, path: Path) -> None:
        targets = [path.with_suffix(".md"), path.with_suffix(".docx")]
        existing = [t for t in targets if t.exists()]
        if not existing:
            self._export(targets, force=False)
            return
        from debateprep.tui.screens.brief_dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._export(targets, force=True)
            else:
                self.notify(TEXT["kept"].format(path=existing[0]), markup=False)

        self.app.push_screen(ConfirmScreen(TEXT["overwrite"].format(path=existing[0]), yes="Overwrite"), answered)

    def _export(self, targets: list[Path], force: bool) -> None:
        statement = self.statement
        if statement is None or statement.id is None:
            return
        statement_id = statement.id

        def then(service: Any, _number: int) -> str:
            from debateprep.services.exports import write_export

            markdown = service.export_markdown(statement_id)
            word = service.export_docx(statement_id)
            written = [write_export(targets[0], markdown, force=force), write_export(targets[1], word, force=force)]
            return TEXT["exported"].format(paths=", ".join(str(p) for p in written))

        self._work(self._save_then(then), select=self.editing_number)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        """Actions offered in the command palette (the app collects them from every pane)."""
        return [
            ("Our statement: new", "Start our statement from the concept note (N)", self.action_new_statement),
            ("Our statement: check", "Questions addressed and missed, length, placeholders (C)", self.action_check),
            ("Our statement: search the library", "Insert agreed language with its citation (/)",
             self.action_search_library),
            ("Our statement: keep a revision", "Keep the current text as the next rev.N (R)", self.action_revise),
            ("Our statement: read aloud", "Time a rehearsal against the estimate (Space)", self.action_rehearse),
            ("Our statement: export markdown and Word", "Write .md and .docx (E)", self.action_export),
        ]

