"""The "Our statement" pane: write our delegation's statement section by section, with the length
estimate (live, as you type), the check, the revision diff and the sources beside the editor, and a
read-aloud timer.

Database and coverage work runs in thread workers (through `services.ours`) that post plain domain
objects back to the pane in messages; the estimate is computed on the UI thread from the editor's
text (a regex over a few kilobytes). UN text is shown with markup off: square brackets are everywhere.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from debateprep.domain.cells import clip
from debateprep.domain.delivery import estimate
from debateprep.domain.errors import DebateprepError
from debateprep.domain.our_statement import OurStatement, Section
from debateprep.i18n import N_, _
from debateprep.services.topics import Topic
from debateprep.tui.localized import Caption, Column, LocalizedModal, add_columns, relabel_columns
from debateprep.tui.messages import Failed
from debateprep.tui.pane import Pane
from debateprep.tui.widgets.editor import WritingArea
from debateprep.tui.widgets.empty import EmptyState
from debateprep.tui.widgets.timer import SpeakerTimer, mmss

if TYPE_CHECKING:
    from debateprep.services.our_statement import OurStatementService, SectionSources

HEADING_CELLS = 44
SOURCE_CELLS = 300
PANE_TITLE = N_("Our statement")
COLUMNS = (Column("n", "#", 3), Column("q", N_("Q"), 4), Column("heading", N_("section"), HEADING_CELLS))

# Interface strings of this pane (msgids, translated where shown).
TEXT = {
    "empty": N_("No statement of ours for this debate yet: press n to start one (opening with the presidency "
             "and briefers, a section per guiding question, closing)."),
    "no debate": N_("No debate selected (Ctrl+O to choose one)."),
    "no statement": N_("Debate #{debate}: no statement of ours."),
    "status": N_("Statement #{id} · {who} · {lang} · {n} sections · {revs} · version {version}"),
    "editor": N_("Ctrl+S save · Esc to the sections, where 1-3 insert and / searches"),
    "ask delegation": N_("Our statement: which delegation delivers it?"),
    "ask language": N_("Language of the statement (zh or en):"),
    "ask search": N_("Search the agreed-language library for:"),
    "ask heading": N_("Heading of the new section:"),
    "pick": N_("Insert which paragraph? (Enter inserts, Esc cancels)"),
    "nothing found": N_("Nothing in the library in {lang} for {query!r}."),
    "need statement": N_("No statement yet: press n to start one."),
    "need debate": N_("Choose a debate first (Ctrl+O)."),
    "started": N_("Statement started: the opening, a section per guiding question, the closing."),
    "saved": N_("Section {n} saved."),
    "added": N_("Section added."),
    "removed": N_("Section {n} removed."),
    "inserted": N_("Inserted {citation} in section {n}, its citation as a footnote."),
    "no suggestion": N_("Section {n} has no suggestion {k}."),
    "revised": N_("{label} kept ({n} paragraphs)."),
    "rehearsal": N_("Read aloud in {actual} (estimate {estimated})."),
    "rehearsing": N_("Reading aloud: space again to stop."),
    "exported": N_("Written: {paths}"),
    "kept": N_("Not exported: {path} was left as it was."),
    "overwrite": N_("{path}\nalready exists. Overwrite it?"),
    "export to": N_("Export the statement (markdown and Word) to:"),
    "sources": N_("Sources"),
    "check": N_("Check (c)"),
    "revisions": N_("Revisions (d)"),
    "library": N_("Agreed language (relevance; why) — in the sections list, 1-3 insert:"),
    "no library": N_("Agreed language: no close agreed language found (/ searches the whole library)."),
    "ours": N_("What we said before:"),
    "no ours": N_("What we said before: nothing on this in our statements."),
    "others": N_("What others said:"),
    "no others": N_("What others said: no imported statement addresses it."),
    "looking": N_("Looking for what we and others said …"),
    "no question": N_("This section answers no guiding question."),
    "estimate": N_("{estimate} · limit from the {source}"),
    "no revision": N_("no revision"),
    "no revision diff": N_("No revision yet: press r to keep the current text as rev.1; d then shows what "
                        "changed since."),
    "timer idle": N_("Read-aloud rehearsal"),
    "timer help": N_("space starts the timer against the limit; space again stops it and records the time"),
    "not checked": N_("Press c to check: the questions addressed and missed, length, placeholders, brackets."),
}


def _text(key: str) -> str:
    """The interface string `key` of TEXT, in the interface language."""
    return _(TEXT[key])


@dataclass(frozen=True)
class LoadedStatement:
    """The statement to show (or None), its revision diff, the section to select, a note for the user."""

    statement: OurStatement | None
    diff: str = ""
    select: int | None = None
    message: str = ""


# -- what the pane's workers report ----------------------------------------------------------


class Loaded(Message):
    def __init__(self, debate_id: int | None, loaded: LoadedStatement) -> None:
        self.debate_id = debate_id
        self.loaded = loaded
        super().__init__()


class SourcesFound(Message):
    def __init__(self, statement_id: int, number: int, found: SectionSources) -> None:
        self.statement_id = statement_id
        self.number = number
        self.found = found
        super().__init__()


class NewStatementDefaults(Message):
    """The debate's delegation and language, to offer when a statement is started."""

    def __init__(self, debate_id: int, delegation: str, language: str) -> None:
        self.debate_id = debate_id
        self.delegation = delegation
        self.language = language
        super().__init__()


class LibraryHits(Message):
    def __init__(self, query: str, lang: str, hits: list[tuple[int, str, str]]) -> None:
        self.query = query
        self.lang = lang
        self.hits = hits  # (paragraph id, citation, text)
        super().__init__()


class Checked(Message):
    def __init__(self, statement_id: int, lines: list[str]) -> None:
        self.statement_id = statement_id
        self.lines = lines
        super().__init__()


Op = Callable[["OurStatementService"], object]


class RehearsalTimer(SpeakerTimer):
    """The speaker timer, for reading our statement aloud against its limit."""

    def render_text(self) -> Text:
        if self.state != "idle":
            return super().render_text()
        text = Text()
        text.append(_text("timer idle") + "\n", style="bold")
        text.append(_text("timer help"), style="dim")
        return text


class LibraryPickScreen(LocalizedModal[int | None]):
    """Choose one of the library hits (returns its index)."""

    DEFAULT_CSS = """
    LibraryPickScreen { align: center middle; }
    LibraryPickScreen > Vertical { width: 100; height: 24; padding: 1 2; border: thick $primary; background: $surface; }
    LibraryPickScreen OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="pick-cancel", tooltip=N_("insert nothing"))]

    def __init__(self, hits: list[tuple[str, str]]) -> None:
        super().__init__()
        self.hits = hits

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_text("pick"), markup=False)
            yield OptionList(*(Option(Text(f"{citation} — {clip(text, 160)}"), id=str(i))
                               for i, (citation, text) in enumerate(self.hits)), id="pick-list")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))


# The three suggestion keys and the two move keys each share one footer entry ("123 Insert").
INSERT_KEYS = Binding.Group(N_("Insert"), compact=True)
MOVE_KEYS = Binding.Group(N_("Move"), compact=True)


class OursPane(Pane):
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
    OursPane #ours-report { height: 1fr; border: round $panel; padding: 0 1; }
    OursPane #ours-sources-box { height: 1fr; border: round $panel; padding: 0 1; }
    OursPane SpeakerTimer { height: 7; }
    OursPane EmptyState { margin: 1 0; }
    """
    BINDINGS = [
        Binding("n", "new_statement", N_("New"), id="ours-new",
                tooltip=N_("start our statement (the opening, a section per guiding question, the closing) …")),
        Binding("ctrl+s", "save_section", N_("Save"), id="ours-save", tooltip=N_("save the section in the editor")),
        Binding("c", "check", N_("Check"), id="ours-check",
                tooltip=N_("check: questions addressed and missed, length, placeholders, brackets")),
        Binding("r", "revise", N_("Revise"), id="ours-revise", tooltip=N_("keep the current text as a revision (rev.N)")),
        Binding("d", "show_diff", N_("Diff"), id="ours-diff", tooltip=N_("show what changed since the previous revision")),
        Binding("e", "export", N_("Export"), id="ours-export", tooltip=N_("export markdown and Word …")),
        Binding("space", "rehearse", N_("Read aloud"), id="ours-rehearse",
                tooltip=N_("time a read-aloud against the estimate (start/stop)")),
        Binding("slash", "search_library", N_("Library"), id="ours-search",
                tooltip=N_("search the library and insert agreed language …")),
        Binding("1", "insert_suggestion(1)", N_("Insert 1"), id="ours-insert-1", group=INSERT_KEYS,
                tooltip=N_("insert the first agreed-language suggestion, its citation as a footnote")),
        Binding("2", "insert_suggestion(2)", N_("Insert 2"), id="ours-insert-2", group=INSERT_KEYS,
                tooltip=N_("insert the second agreed-language suggestion")),
        Binding("3", "insert_suggestion(3)", N_("Insert 3"), id="ours-insert-3", group=INSERT_KEYS,
                tooltip=N_("insert the third agreed-language suggestion")),
        Binding("a", "add_section", N_("Add"), id="ours-add", tooltip=N_("add a section before the closing …")),
        Binding("x", "remove_section", N_("Drop"), id="ours-remove", tooltip=N_("drop the highlighted section")),
        Binding("left_square_bracket", "move(-1)", N_("Up"), id="ours-up", group=MOVE_KEYS,
                tooltip=N_("move the section up")),
        Binding("right_square_bracket", "move(1)", N_("Down"), id="ours-down", group=MOVE_KEYS,
                tooltip=N_("move the section down")),
        Binding("escape", "focus_sections", N_("Sections"), id="ours-sections",
                tooltip=N_("back to the list of sections")),
    ]
    TITLE = PANE_TITLE
    # The limit comes from the debate and the speakers list, sources from the library, the
    # questions and the others' statements.
    TOPICS = frozenset({Topic.OURS, Topic.DEBATES, Topic.SPEAKERS, Topic.STATEMENTS, Topic.LIBRARY,
                        Topic.QUESTIONS})

    can_focus = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.statement: OurStatement | None = None
        self.editing: Section | None = None  # the section (and version) loaded in the editor
        self.editing_number: int | None = None
        self._shown_id: int | None = None  # the statement on screen (its check belongs to it)
        self._serial = threading.Lock()

    def compose(self) -> ComposeResult:
        yield Static("", id="ours-status", markup=False)
        yield EmptyState(TEXT["empty"], id="ours-empty")
        yield Static("", id="ours-estimate", markup=False)
        with Horizontal(id="ours-body"):
            with Vertical(id="ours-left"):
                yield DataTable(id="ours-sections", cursor_type="row", zebra_stripes=True)
                yield Caption(TEXT["editor"], id="ours-editor-label")
                yield WritingArea(id="ours-editor", soft_wrap=True)
            with Vertical(id="ours-right"):
                with ContentSwitcher(initial="ours-check-box", id="ours-report"):
                    with VerticalScroll(id="ours-check-box"):
                        yield Static(_text("not checked"), id="ours-check", markup=False)
                    with VerticalScroll(id="ours-diff-box"):
                        yield Static("", id="ours-diff", markup=False)
                with VerticalScroll(id="ours-sources-box"):
                    yield Static("", id="ours-sources", markup=False)
                yield RehearsalTimer(id="ours-timer")

    def on_mount(self) -> None:
        add_columns(self.query_one("#ours-sections", DataTable), COLUMNS)
        self._show_report("ours-check-box")
        self.query_one("#ours-sources-box").border_title = _text("sources")
        self._show(LoadedStatement(None))

    def relabel(self) -> None:
        relabel_columns(self.query_one("#ours-sections", DataTable), COLUMNS)
        self.query_one("#ours-sources-box").border_title = _text("sources")
        self._show_report(self.query_one("#ours-report", ContentSwitcher).current or "ours-check-box")
        super().relabel()

    # loading ------------------------------------------------------------------------------

    def debate_changed(self) -> None:
        self.statement = None
        self.reload()

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        self.reload()  # the highlighted section stays highlighted, unsaved typing stays in the editor

    def reload(self, select: int | None = None) -> None:
        self._run_load(select)

    def _work(self, op: Op, select: int | None = None, message: str = "") -> None:
        """Run `op(services.ours)` in a thread (Services tells the other panes of a change), then
        reload the statement and show it. A change is never cancelled by a reload asked for
        meanwhile (a reload only replaces a reload)."""
        self._run_write(op, select, message)

    @work(thread=True, exclusive=True, group="ours-load", exit_on_error=False)
    def _run_load(self, select: int | None) -> None:
        self._run(lambda service: None, select, "")

    @work(thread=True, group="ours-write", exit_on_error=False)
    def _run_write(self, op: Op, select: int | None, message: str) -> None:
        self._run(op, select, message)

    def _run(self, op: Op, select: int | None, message: str) -> None:
        # Posted even when a newer reload replaced this run: it carries the selection and the note.
        # One change or read at a time, answers posted in that order: none shows stale.
        with self._serial:
            service, debate_id = self.services.ours, self.debate_id
            try:
                result = op(service)
                loaded = self._load(service, debate_id, select, message, result)
            except DebateprepError as exc:
                self.post_message(Failed(str(exc), _(PANE_TITLE)))
                loaded = self._load(service, debate_id, select, "", None)
            self.post_message(Loaded(debate_id, loaded))

    def _load(self, service: OurStatementService, debate_id: int | None, select: int | None, message: str,
              result: object) -> LoadedStatement:
        """The statement to show after `result`: a statement is shown, a section selected, a str told."""
        if debate_id is None:
            return LoadedStatement(None)
        found = service.statements(debate_id)
        wanted = result.id if isinstance(result, OurStatement) else (self.statement.id if self.statement else None)
        statement = next((s for s in found if s.id == wanted), found[-1] if found else None)
        if isinstance(result, str):
            message = result
        if isinstance(result, Section) and statement is not None:
            select = statement.section_number(result.id) or select
        diff = ""
        if statement is not None and statement.id is not None:
            diff = service.diff(statement.id).render() if statement.revisions else _text("no revision diff")
        return LoadedStatement(statement, diff, select, message)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.debate_id == self.debate_id:
            self._show(message.loaded)

    def _show(self, loaded: LoadedStatement) -> None:
        kept = self._kept_editing(loaded.statement)
        self.statement = statement = loaded.statement
        has = statement is not None
        self.query_one("#ours-empty").display = not has and self.debate_id is not None
        for selector in ("#ours-estimate", "#ours-body"):
            self.query_one(selector).display = has
        status = self.query_one("#ours-status", Static)
        if self.debate_id is None:
            status.update(_text("no debate"))
        elif statement is None:
            status.update(_text("no statement").format(debate=self.debate_id))
        else:
            revs = ", ".join(r.label for r in statement.revisions) or _text("no revision")
            status.update(_text("status").format(id=statement.id, who=statement.delegation, lang=statement.language,
                                                n=len(statement.sections), revs=revs, version=statement.version))
        if statement is None:
            self.editing, self.editing_number = None, None
            return
        self.query_one("#ours-diff", Static).update(loaded.diff)
        table = self.query_one("#ours-sections", DataTable)
        current = table.cursor_row
        table.clear()
        for number, section in enumerate(statement.sections, start=1):
            table.add_row(Text(str(number)), Text(section.question_label or ""),
                          Text(clip(section.heading, HEADING_CELLS)), key=str(section.id))
        if kept is not None:
            row = kept - 1
        elif loaded.select is not None:
            row = loaded.select - 1
        else:
            row = min(current, len(statement.sections) - 1)
        row = max(0, min(row, len(statement.sections) - 1))
        if statement.sections:
            table.move_cursor(row=row)
        if self._shown_id != statement.id:  # another statement: its check is still to be run
            self.query_one("#ours-check", Static).update(_text("not checked"))
            self._show_report("ours-check-box")
            self._shown_id = statement.id
            self.call_after_refresh(self._focus_table, True)
        if kept is None:
            self.editing = self._unchanged_editing(statement)  # else the editor reloads what is stored
            self._select(row if statement.sections else None)
        else:
            self.editing_number = kept
            self._update_estimate()
        self._focus_table()
        if loaded.message:
            self.notify(loaded.message, title=_(PANE_TITLE), markup=False)

    def _kept_editing(self, statement: OurStatement | None) -> int | None:
        """Where the section being typed in is, when the editor holds text neither saved nor stored
        since: a reload (a change elsewhere) leaves that text alone, and its save is checked against
        the version the writer started from."""
        stored = self._stored_editing(statement)
        if stored is None or statement is None or not self._dirty():
            return None
        if self.query_one("#ours-editor", TextArea).text.strip() == stored.text.strip():
            return None  # just saved
        return statement.section_number(stored.id)

    def _unchanged_editing(self, statement: OurStatement) -> Section | None:
        """The section in the editor as now stored, when the editor holds just that text (it is left
        as it is, cursor and all); None when the editor is to be loaded again."""
        stored = self._stored_editing(statement)
        if stored is not None and self.query_one("#ours-editor", TextArea).text.strip() == stored.text.strip():
            return stored
        return None

    def _stored_editing(self, statement: OurStatement | None) -> Section | None:
        if statement is None or self.editing is None or self.statement is None or statement.id != self.statement.id:
            return None
        number = statement.section_number(self.editing.id)
        return statement.sections[number - 1] if number is not None else None

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

    def main_widget(self) -> Widget:
        """The sections when there is a statement (the pane's keys act on the highlighted one), else
        the pane itself (n starts one)."""
        return self.query_one("#ours-sections", DataTable) if self.statement is not None else self

    def _focus_table(self, force: bool = False) -> None:
        """Put the focus on the sections when nothing in the pane has it (a new statement, a reload),
        but never from a hidden tab (Pane.claim_focus)."""
        self.claim_focus(self.main_widget() if force else None)

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
        if statement.id is not None and section.id is not None:
            self._find_sources(statement.id, section.id, row + 1)

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
        widget.update(_text("estimate").format(estimate=e.describe(), source=statement.limit_source_name()))
        widget.set_class(e.over, "-over")

    def _show_library(self, section: Section) -> None:
        lines = [section.question_text or _text("no question"), ""]
        if section.suggestions:
            lines.append(_text("library"))
            for k, s in enumerate(section.suggestions, start=1):
                lines.append(f"{k}. {s.describe()}: {clip(s.text, SOURCE_CELLS)}")
        else:
            lines.append(_text("no library"))
        lines += ["", _text("looking")]
        self.query_one("#ours-sources", Static).update("\n".join(lines))

    @work(thread=True, exclusive=True, group="ours-sources", exit_on_error=False)
    def _find_sources(self, statement_id: int, section_id: int, number: int) -> None:
        try:
            found = self.services.ours.sources(statement_id, section_id)
        except DebateprepError:
            return  # the statement changed meanwhile: the reload that follows looks again
        self.report(SourcesFound(statement_id, number, found))

    @on(SourcesFound)
    def _show_sources(self, message: SourcesFound) -> None:
        statement, number, found = self.statement, message.number, message.found
        if statement is None or statement.id != message.statement_id or self.editing_number != number:
            return  # the writer moved on meanwhile
        section = statement.sections[number - 1]
        lines = [section.question_text or _text("no question"), ""]
        if found.library:
            lines.append(_text("library"))
            lines += [f"{k}. {s.describe()}: {clip(s.text, SOURCE_CELLS)}"
                      for k, s in enumerate(found.library, start=1)]
        else:
            lines.append(_text("no library"))
        lines += ["", _text("ours") if found.ours else _text("no ours")]
        lines += [f"- {p.source}: {clip(p.text, SOURCE_CELLS)}" for p in found.ours]
        lines += ["", _text("others") if found.others else _text("no others")]
        lines += [f"- {p.delegation}: {clip(p.text, SOURCE_CELLS)}" for p in found.others]
        self.query_one("#ours-sources", Static).update("\n".join(lines))

    def _show_report(self, which: str) -> None:
        """The check (c) or the revision diff (d), in the box above the sources."""
        box = self.query_one("#ours-report", ContentSwitcher)
        box.current = which
        box.border_title = _text("check") if which == "ours-check-box" else _text("revisions")

    # actions --------------------------------------------------------------------------------

    def _need_statement(self) -> OurStatement | None:
        if self.statement is None:
            self.notify(_text("need statement"), title=_(PANE_TITLE), severity="warning", markup=False)
        return self.statement

    def action_focus_sections(self) -> None:
        self.claim_focus(self.main_widget())

    def action_new_statement(self) -> None:
        if self.debate_id is None:
            self.notify(_text("need debate"), title=_(PANE_TITLE), severity="warning", markup=False)
            return
        self._ask_new(self.debate_id)

    @work(thread=True, exclusive=True, group="ours-new", exit_on_error=False)
    def _ask_new(self, debate_id: int) -> None:
        """Read the debate (its delegation and language are the defaults), then ask."""
        try:
            debate = self.services.debates.get(debate_id)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _(PANE_TITLE)))
            return
        self.report(NewStatementDefaults(debate_id, debate.settings.our_delegation or "", debate.language))

    @on(NewStatementDefaults)
    def _prompt_new(self, message: NewStatementDefaults) -> None:
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        debate_id = message.debate_id

        def language_chosen(who: str, lang: str | None) -> None:
            if lang is None:
                return
            chosen = lang.strip() or None
            self._work(lambda s: s.new(debate_id, chosen, delegation=who), select=1, message=_text("started"))

        def delegation_chosen(name: str | None) -> None:
            if name is None or not name.strip():
                return
            self.app.push_screen(PromptScreen(_text("ask language"), message.language, accept=_("Start")),
                                 lambda lang: language_chosen(name.strip(), lang))

        self.app.push_screen(PromptScreen(_text("ask delegation"), message.delegation, accept=_("Next"),
                                          placeholder=_("e.g. China / 中国 / Norway")), delegation_chosen)

    def action_save_section(self, select: int | None = None) -> None:
        statement, section = self._need_statement(), self.editing
        if statement is None or statement.id is None or section is None:
            return
        text = self.query_one("#ours-editor", TextArea).text
        statement_id, number = statement.id, self.editing_number
        self._work(lambda s: s.edit_section(statement_id, section, text), select=select or number,
                   message="" if select else _text("saved").format(n=number))

    def action_add_section(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        statement_id = statement.id

        def chosen(heading: str | None) -> None:
            if heading and heading.strip():
                self._work(self._save_then(lambda s, n: s.add_section(statement_id, heading)), message=_text("added"))

        self.app.push_screen(PromptScreen(_text("ask heading"), accept=_("Add")), chosen)

    def action_remove_section(self) -> None:
        statement, section, number = self._need_statement(), self.editing, self.editing_number
        if statement is None or statement.id is None or section is None or number is None:
            return
        statement_id = statement.id
        self._work(lambda s: s.remove_section(statement_id, section), select=max(1, number - 1),
                   message=_text("removed").format(n=number))

    def action_move(self, step: int) -> None:
        statement, number = self._need_statement(), self.editing_number
        if statement is None or statement.id is None or number is None:
            return
        target = number + step
        if not 1 <= target <= len(statement.sections):
            return
        statement_id, version = statement.id, statement.version
        self._work(self._save_then(lambda s, n: s.move_section(statement_id, _id_of(n), target, version)),
                   select=target)

    def _save_then(self, then: Callable[[OurStatementService, Section | None], object]) -> Op:
        """An operation that first saves what the editor holds (so nothing typed is lost), then
        runs `then` on the section as saved (its id and version: another user's change in between
        is refused, never applied to the wrong section)."""
        statement, section = self.statement, self.editing
        text = self.query_one("#ours-editor", TextArea).text
        dirty = self._dirty()

        def op(service: OurStatementService) -> object:
            saved = section
            if dirty and statement is not None and statement.id is not None and section is not None:
                saved = service.edit_section(statement.id, section, text)
            return then(service, saved)

        return op

    def action_insert_suggestion(self, k: int) -> None:
        statement, section = self._need_statement(), self.editing
        if statement is None or statement.id is None or section is None:
            return
        if not 1 <= k <= len(section.suggestions):
            self.notify(_text("no suggestion").format(n=self.editing_number, k=k), severity="warning", markup=False)
            return
        statement_id, citation = statement.id, section.suggestions[k - 1].citation
        self._work(self._save_then(lambda s, n: s.insert_suggestion(statement_id, _id_of(n), k, _version_of(n))),
                   select=self.editing_number,
                   message=_text("inserted").format(citation=citation, n=self.editing_number))

    def action_search_library(self) -> None:
        statement = self._need_statement()
        if statement is None or self.editing is None:
            return
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        def chosen(query: str | None) -> None:
            if query and query.strip():
                self._search(query.strip(), statement.language)

        self.app.push_screen(PromptScreen(_text("ask search"), accept=_("Search")), chosen)

    @work(thread=True, exclusive=True, group="ours-search", exit_on_error=False)
    def _search(self, query: str, lang: str) -> None:
        try:
            hits = self.services.library.search(query, lang=lang, limit=30)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _(PANE_TITLE)))
            return
        self.report(LibraryHits(query, lang, [(h.id, h.citation, h.text) for h in hits]))

    @on(LibraryHits)
    def _pick(self, message: LibraryHits) -> None:
        hits = message.hits
        if not hits:
            self.notify(_text("nothing found").format(lang=message.lang, query=message.query),
                        severity="warning", markup=False)
            return
        statement = self.statement
        if statement is None or statement.id is None:
            return
        statement_id = statement.id

        def chosen(index: int | None) -> None:
            if index is None:
                return
            paragraph_id, citation, _hit_text = hits[index]
            self._work(self._save_then(lambda s, n: s.insert_library(statement_id, _id_of(n), paragraph_id,
                                                                     version=_version_of(n))),
                       select=self.editing_number,
                       message=_text("inserted").format(citation=citation, n=self.editing_number))

        self.app.push_screen(LibraryPickScreen([(c, t) for _i, c, t in hits]), chosen)

    def action_check(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        self._show_report("ours-check-box")
        self._check(statement.id, self._save_then(lambda s, n: None) if self._dirty() else None)

    @work(thread=True, exclusive=True, group="ours-check", exit_on_error=False)
    def _check(self, statement_id: int, save: Op | None) -> None:
        # A save first is announced by Services: the pane reloads from that.
        service = self.services.ours
        try:
            if save is not None:
                save(service)
            report = service.check(statement_id)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _(PANE_TITLE)))
            return
        self.report(Checked(statement_id, report.lines()))

    @on(Checked)
    def _checked(self, message: Checked) -> None:
        if self.statement is not None and self.statement.id == message.statement_id:
            self.query_one("#ours-check", Static).update("\n".join(message.lines))
            self._show_report("ours-check-box")

    def action_show_diff(self) -> None:
        """What changed since the previous revision (kept up to date with every reload)."""
        if self._need_statement() is None:
            return
        self._show_report("ours-diff-box")

    def action_revise(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        statement_id = statement.id

        def then(service: OurStatementService, _section: Section | None) -> str:
            revision = service.revise(statement_id)
            return _text("revised").format(label=revision.label, n=len(revision.paragraphs))

        self._show_report("ours-diff-box")  # as the PRST pane: a revision shows the diff with the previous one
        self._work(self._save_then(then), select=self.editing_number)

    def action_rehearse(self) -> None:
        """Space starts the read-aloud timer against the limit; space again stops it and records
        the actual duration against the estimate."""
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        timer = self.query_one("#ours-timer", RehearsalTimer)
        if timer.state == "idle":
            timer.start(statement.delegation, statement.limit_seconds)
            self.notify(_text("rehearsing"), markup=False)
            return
        seconds = timer.stop()
        statement_id = statement.id

        def then(service: OurStatementService, _section: Section | None) -> str:
            rehearsal = service.rehearse(statement_id, max(1, seconds))
            return _text("rehearsal").format(actual=mmss(rehearsal.actual_seconds),
                                            estimated=mmss(rehearsal.estimated_seconds))

        self._work(self._save_then(then), select=self.editing_number)

    def action_export(self) -> None:
        statement = self._need_statement()
        if statement is None or statement.id is None:
            return
        from debateprep.tui.screens.brief_dialogs import PromptScreen

        default = Path.cwd() / f"statement-{statement.id}-{statement.language}.md"

        def chosen(path: str | None) -> None:
            if path and path.strip():
                self._confirm_export(Path(path.strip()).expanduser())

        self.app.push_screen(PromptScreen(_text("export to"), str(default), accept=_("Export")), chosen)

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
                self.notify(_text("kept").format(path=existing[0]), markup=False)

        self.app.push_screen(ConfirmScreen(_text("overwrite").format(path=existing[0]), yes=_("Overwrite")), answered)

    def _export(self, targets: list[Path], force: bool) -> None:
        statement = self.statement
        if statement is None or statement.id is None:
            return
        statement_id = statement.id
        write = self.services.write_export

        def then(service: OurStatementService, _section: Section | None) -> str:
            markdown = service.export_markdown(statement_id)
            word = service.export_docx(statement_id)
            written = [write(targets[0], markdown, force=force), write(targets[1], word, force=force)]
            return _text("exported").format(paths=", ".join(str(p) for p in written))

        self._work(self._save_then(then), select=self.editing_number)


def _id_of(section: Section | None) -> int:
    """The id of the section an action was taken on (0, refused as no such section, if none)."""
    return section.id if section is not None and section.id is not None else 0


def _version_of(section: Section | None) -> int | None:
    return section.version if section is not None else None
