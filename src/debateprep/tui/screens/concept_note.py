"""The concept-note pane: import a note, see its metadata, sections and text, work its questions.

Left: metadata, the guiding questions (edit, reorder, add, delete, restore the original) and the
highlighted question in full with its original and provenance. Right: the section tree and the
text of the chosen section (the root shows the whole note). UN text is always shown with markup
off. Database work runs in thread workers that post messages; only their handlers touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static, TextArea, Tree

from debateprep.domain.note_model import OUTCOME_LABELS
from debateprep.domain.cells import clip
from debateprep.domain.errors import DebateprepError
from debateprep.i18n import N_, _
from debateprep.services.topics import Topic
from debateprep.tui.localized import Caption, Column, add_columns, relabel_columns
from debateprep.tui.messages import DebateChosen, Failed
from debateprep.tui.pane import Pane
from debateprep.tui.screens.concept_note_dialogs import ImportNoteScreen, QuestionDialog
from debateprep.tui.widgets.empty import EmptyState
from debateprep.tui.widgets.fitted_table import FittedTable

if TYPE_CHECKING:
    from debateprep.domain.note_model import Question, StoredNote
    from debateprep.services.facade import Services
    from debateprep.services.notes import ImportResult, NotesService

EMPTY_TEXT = N_(
    "No concept note yet. Press i to import one (.txt, .md, .docx or .pdf, Chinese or English), "
    "or load the bundled sample from the command palette (Ctrl+P › Load sample debate). "
    "You will see its metadata, sections, text and guiding questions here."
)
COLUMNS = (Column("pos", "#", 3), Column("kind", N_("Kind"), 5), Column("text", N_("Question")))


class NoteLoaded(Message):
    """The note of debate `debate_id` (None: it has none); `select` is the question to highlight."""

    def __init__(self, debate_id: int | None, stored: StoredNote | None, select: int | None = None,
                 done: str = "") -> None:
        self.debate_id = debate_id
        self.stored = stored
        self.select = select
        self.done = done
        super().__init__()


class NoteImported(Message):
    def __init__(self, result: ImportResult) -> None:
        self.result = result
        super().__init__()


class ConceptNotePane(Pane):
    DEFAULT_CSS = """
    ConceptNotePane #cn-body { height: 1fr; }
    ConceptNotePane #cn-left { width: 2fr; }
    ConceptNotePane #cn-right { width: 1fr; border-left: solid $panel; padding-left: 1; }
    ConceptNotePane #cn-meta { height: auto; max-height: 11; color: $text; padding: 0 1; background: $boost; }
    ConceptNotePane .cn-caption { height: 1; color: $text-muted; padding: 0 1; }
    ConceptNotePane #cn-questions { height: 1fr; min-height: 6; }
    ConceptNotePane #cn-detail { height: auto; max-height: 6; padding: 0 1; border-top: solid $panel; }
    ConceptNotePane #cn-sections { height: 2fr; }
    ConceptNotePane #cn-text { height: 3fr; }
    """
    BINDINGS = [
        Binding("i", "import_note", N_("Import"), id="concept-note.import",
                tooltip=N_("import a concept note (.txt, .md, .docx, .pdf)")),
        Binding("e", "edit_question", N_("Edit"), id="concept-note.edit", tooltip=N_("edit the highlighted question")),
        Binding("a", "add_question", N_("Add"), id="concept-note.add", tooltip=N_("add a guiding question")),
        Binding("d", "delete_question", N_("Delete"), id="concept-note.delete",
                tooltip=N_("delete the highlighted question")),
        Binding("o", "restore_question", N_("Original"), id="concept-note.restore",
                tooltip=N_("restore the note's original wording")),
        Binding("left_square_bracket", "move(-1)", N_("Up"), id="concept-note.move-up",
                tooltip=N_("move the question up")),
        Binding("right_square_bracket", "move(1)", N_("Down"), id="concept-note.move-down",
                tooltip=N_("move the question down")),
        Binding("R", "reset_questions", N_("Reset all"), id="concept-note.reset",
                tooltip=N_("reset the guiding questions to those extracted from the note")),
        Binding("t", "toggle_text", N_("Note text"), id="concept-note.text",
                tooltip=N_("the note's sections and text (t again: back to the questions)")),
    ]
    TITLE = N_("Concept note")
    TOPICS = frozenset({Topic.DEBATES, Topic.NOTES, Topic.QUESTIONS})

    can_focus = True  # so its keys (i: import) work while it shows the empty state

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stored: StoredNote | None = None
        self._filled_cells = 0  # the width the questions were cut to
        self._shown_first: int | None = None  # the debate show_first showed (its reload is skipped)

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield EmptyState(EMPTY_TEXT, id="cn-empty")
        with Horizontal(id="cn-body"):
            with Vertical(id="cn-left"):
                yield Static("", id="cn-meta", markup=False)
                yield Static(_("Guiding questions"), classes="cn-caption", markup=False, id="cn-questions-caption")
                yield FittedTable(id="cn-questions", cursor_type="row", zebra_stripes=True)
                yield Static("", id="cn-detail", markup=False)
            with Vertical(id="cn-right"):
                yield Caption(N_("Sections (Enter: show its text)"), classes="cn-caption")
                yield Tree(Text(_("Whole note")), id="cn-sections")
                yield TextArea("", id="cn-text", read_only=True, soft_wrap=True)

    def on_mount(self) -> None:
        add_columns(self.query_one("#cn-questions", DataTable), COLUMNS)
        # Nothing until the note (or its absence) is known: the empty state would say "no concept
        # note" while it loads.
        self.query_one("#cn-empty").display = False
        self.query_one("#cn-body").display = False
        if self.first_read is not None:
            self.show_first(*self.first_read)

    def relabel(self) -> None:
        relabel_columns(self.query_one("#cn-questions", DataTable), COLUMNS)
        self.query_one("#cn-sections", Tree).root.set_label(Text(_("Whole note")))
        if self.stored is not None:
            self.show_note(self.stored)  # the table, the captions and the details, from what is loaded

    def main_widget(self) -> Widget:
        """The guiding questions (edit, add, move …), or the pane itself in the empty state; the
        section tree while the note's text is shown in their place (t, below 120 columns)."""
        if self.stored is None:
            return self
        return self.query_one("#cn-sections" if self.has_class("-text") else "#cn-questions")

    def action_toggle_text(self) -> None:
        """The sections and the text of the note: beside the questions on a wide screen (the
        keyboard goes to the section tree and back), in their place below 120 columns."""
        if self.stored is None:
            return
        tree = self.query_one("#cn-sections", Tree)
        to_text = not (self.has_class("-text") or tree.has_focus)
        self.set_class(to_text, "-text")
        self.claim_focus(self.main_widget())

    def _set_loaded(self, loaded: bool) -> None:
        self.query_one("#cn-empty").display = not loaded
        self.query_one("#cn-body").display = loaded

    # -- what to show -----------------------------------------------------------------------

    @classmethod
    def read_first(cls, services: Services, debate_id: int | None) -> object | None:
        return services.notes.for_debate(debate_id) if debate_id is not None else None

    def show_first(self, debate_id: int | None, read: object) -> None:
        from debateprep.domain.note_model import StoredNote

        if isinstance(read, StoredNote):
            self._shown_first = debate_id
            self.show_note(read)
            self.call_after_refresh(self.shown)

    def debate_changed(self) -> None:
        if self.debate_id is not None and self._shown_first == self.debate_id:
            self._shown_first = None  # already on screen (show_first)
            return
        self._shown_first = None
        self.load_for_debate(self.debate_id)

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        if self.debate_id is not None:
            self.load_for_debate(self.debate_id)  # the highlighted question stays highlighted

    @work(thread=True, exclusive=True, group="concept-note-load", exit_on_error=False)
    def load_for_debate(self, debate_id: int | None, select: int | None = None) -> None:
        stored = None
        if debate_id is not None:
            try:
                stored = self.services.notes.for_debate(debate_id)
            except DebateprepError as exc:
                self.post_message(Failed(str(exc)))
        self.report(NoteLoaded(debate_id, stored, select))

    @on(NoteLoaded)
    def _note_loaded(self, message: NoteLoaded) -> None:
        if message.debate_id != self.debate_id:
            return  # an answer for the debate shown before
        self.show_note(message.stored, message.select)
        self.shown()
        if message.done:
            self.notify(message.done, markup=False)

    def show_note(self, stored: StoredNote | None, select_question: int | None = None) -> None:
        """Display `stored` (None: the empty state), highlighting `select_question` (default: the
        question highlighted now)."""
        if select_question is None:
            current = self._current()
            select_question = current.id if current else None
        self.stored = stored
        self._set_loaded(stored is not None)
        if stored is not None:
            self.query_one("#cn-meta", Static).update(_metadata(stored))
            self._fill_sections(stored)
            self._fill_questions(stored.note.questions, select_question)
            self.query_one("#cn-text", TextArea).load_text(stored.text)
            self.call_after_refresh(self._refit)
        self.claim_focus()  # the pane is showing: its keys work at once

    def _fill_sections(self, stored: StoredNote) -> None:
        tree: Tree[int | None] = self.query_one("#cn-sections", Tree)
        tree.clear()
        tree.root.data = None
        tree.root.expand()
        parents = {0: tree.root}
        for index, section in enumerate(stored.note.sections):
            if not section.heading:
                continue
            label = Text(f"{section.number} {section.heading}" if section.number else section.heading)
            parent = parents.get(section.level - 1) or parents[max(k for k in parents if k < section.level)]
            node = parent.add(label, data=index, expand=True)
            parents = {k: v for k, v in parents.items() if k < section.level}
            parents[section.level] = node

    def _fill_questions(self, questions: list[Question], select_question: int | None = None) -> None:
        table = self.query_one("#cn-questions", DataTable)
        width = self._question_cells()
        self._filled_cells = width
        table.clear()
        for column in table.columns.values():  # (clear keeps an auto column as wide as ever: narrower now)
            if column.auto_width:
                column.content_width = column.label.cell_len
        for q in questions:
            kind = _("topic") if q.topic else _("Q")
            mark = "*" if q.edited else ("+" if q.original is None else "")
            table.add_row(Text(str(q.position)), Text(kind + mark), Text(clip(q.text, width)), key=str(q.id))
        caption = _("Guiding questions — {count} ({topics} topics)").format(
            count=len(questions), topics=sum(q.topic for q in questions))
        self.query_one("#cn-questions-caption", Static).update(caption + "   " + _("* edited  + added"))
        if questions:
            row = next((i for i, q in enumerate(questions) if q.id == select_question), 0)
            table.move_cursor(row=row)
            self._show_detail(questions[row])
        else:
            self.query_one("#cn-detail", Static).update(_("No guiding questions: press a to add one."))
        if not table.size.width:  # just shown, not laid out yet: cut again to its width once it is
            self.call_after_refresh(self._refit_questions, width)

    def _refit_questions(self, cut_at: int) -> None:
        table = self.query_one("#cn-questions", DataTable)
        if self.stored is not None and table.size.width and self._question_cells() != cut_at:
            current = self._current()
            self._fill_questions(self.stored.note.questions, current.id if current else None)

    def _question_cells(self) -> int:
        """The question column's width: the table's, less the # and kind columns (before the first
        layout, the pane's share of the screen)."""
        table = self.query_one("#cn-questions", DataTable)
        share = 1 if self.app.has_class("-medium") else 2 / 3
        available = table.size.width or int(self.size.width * share) or 80
        return max(20, available - 14)

    def _refit(self) -> None:
        """Once laid out, cut the questions to the width they really have."""
        if self.stored is not None and self._question_cells() != self._filled_cells:
            self.on_resize()

    def fit(self, width: int, height: int) -> None:
        self.call_after_refresh(self._refit)  # the questions' column, once the layout has changed

    def on_resize(self) -> None:
        if self.stored is not None:
            current = self._current()
            self._fill_questions(self.stored.note.questions, current.id if current else None)

    @on(FittedTable.Resized, "#cn-questions")
    def _table_resized(self, event: FittedTable.Resized) -> None:
        self._refit()  # the table's own width, once laid out: the last word

    def _current(self) -> Question | None:
        if self.stored is None or not self.stored.note.questions:
            return None
        row = self.query_one("#cn-questions", DataTable).cursor_row
        questions = self.stored.note.questions
        return questions[row] if 0 <= row < len(questions) else None

    @on(DataTable.RowHighlighted, "#cn-questions")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        q = self._current()
        if q is not None:
            self._show_detail(q)

    def _show_detail(self, q: Question) -> None:
        lines = [f"{q.position}. {q.text}"]
        if q.original is not None and q.edited:
            lines.append(_("Original: {text}").format(text=q.original))
        if q.topic and q.question_form:
            lines.append(_("As a question: {text}").format(text=q.question_form))
        lines.append(_("From: {where}").format(where=q.provenance.describe()) + f"  ·  #{q.id} v{q.version}")
        self.query_one("#cn-detail", Static).update("\n".join(lines))

    @on(Tree.NodeSelected, "#cn-sections")
    def _section_selected(self, event: Tree.NodeSelected[int | None]) -> None:
        if self.stored is None:
            return
        text_area = self.query_one("#cn-text", TextArea)
        if event.node.data is None:
            text_area.load_text(self.stored.text)
            return
        section = self.stored.note.sections[event.node.data]
        text_area.load_text("\n\n".join([section.heading, *section.paragraphs]))

    # -- import -----------------------------------------------------------------------------

    def action_import_note(self) -> None:
        start = Path.cwd()  # where the program was started (in a checkout: concept_notes/ is there)

        def chosen(result: tuple[str, str | None] | None) -> None:
            if result is not None:
                self.import_note(*result)

        self.app.push_screen(ImportNoteScreen(start), chosen)

    @work(thread=True, exclusive=True, group="concept-note-import", exit_on_error=False)
    def import_note(self, path: str, symbol: str | None = None) -> None:
        try:
            result = self.services.notes.import_file(path, symbol=symbol)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc)))
            return
        self.post_message(NoteImported(result))

    @on(NoteImported)
    def _imported(self, message: NoteImported) -> None:
        result = message.result
        hint = ""
        if result.created and result.note.note.briefers:
            hint = "\n" + _("On the Speakers tab (F2), b puts the briefers on the list as rule 39 entries to be "
                            "confirmed.")
        self.notify(str(result) + hint, title=_("Concept note"), markup=False, severity="information")
        for warning in result.warnings:
            self.notify(warning, title=_("Concept note"), markup=False, severity="warning")
        self.show_note(result.note)
        if result.debate_id is not None:
            self.debate_id = result.debate_id
            self.post_message(DebateChosen(result.debate_id, result.note.note.topic or result.note.note.title or ""))
        self.claim_focus(self.main_widget())

    # -- questions --------------------------------------------------------------------------

    def action_edit_question(self) -> None:
        q = self._current()
        if q is None:
            return
        assert q.id is not None
        qid, version = q.id, q.version

        def save(text: str | None) -> None:
            if text:
                self._run(lambda s: s.edit_question(qid, text, version))

        self.app.push_screen(QuestionDialog(_("Edit question {position}").format(position=q.position), q.text, q.original, q.question_form), save)

    def action_add_question(self) -> None:
        if self.stored is None:
            return
        note_id = self.stored.id
        current = self._current()
        position = current.position + 1 if current else None

        def save(text: str | None) -> None:
            if text:
                self._run(lambda s: s.add_question(note_id, text, position))

        self.app.push_screen(QuestionDialog(_("Add a guiding question")), save)

    def action_delete_question(self) -> None:
        q = self._current()
        if q is not None and q.id is not None:
            qid, version = q.id, q.version
            self._run(lambda s: s.delete_question(qid, version), _("Deleted question {position} (R restores all)").format(position=q.position))

    def action_restore_question(self) -> None:
        q = self._current()
        if q is None or q.id is None:
            return
        if q.original is None:
            self.notify(_("This question was added by hand: it has no original wording."), markup=False)
            return
        qid, version = q.id, q.version
        self._run(lambda s: s.restore_question(qid, version))

    def action_move(self, delta: int) -> None:
        q = self._current()
        if q is not None and q.id is not None:
            qid, target, version = q.id, q.position + delta, q.version
            if 1 <= target <= len(self.stored.note.questions if self.stored else []):
                # the version shown: refused if someone moved or edited it meanwhile
                self._run(lambda s: s.move_question(qid, target, version))

    def action_reset_questions(self) -> None:
        if self.stored is not None:
            note_id = self.stored.id
            self._run(lambda s: s.reset_questions(note_id), _("Guiding questions as extracted from the note"))

    @work(thread=True, exclusive=True, group="concept-note-edit", exit_on_error=False)
    def _run(self, change: Callable[[NotesService], Question | list[Question]], done: str = "") -> None:
        """Apply one change (Services tells the other panes), then show the note with the question the
        change made or moved; a refusal (StaleEdit …) is shown and the note reloaded."""
        if self.stored is None:
            return
        note_id, debate_id, selected = self.stored.id, self.debate_id, None
        try:
            result = change(self.services.notes)
            selected = result.id if not isinstance(result, list) else None
        except DebateprepError as exc:
            self.post_message(Failed(str(exc)))
            done = ""
        self.post_message(NoteLoaded(debate_id, self.services.notes.get(note_id), selected, done))


def _metadata(stored: StoredNote) -> str:
    n = stored.note
    head = "  ".join(p for p in (f"#{stored.id}", n.symbol or _("(no symbol)"), n.language) if p)
    lines = [f"{head}  {n.title or stored.source_name}"]
    # The outcome and the documents cited come before the long lines (focus, briefers), which the
    # block's height may cut: an English note's long focus used to push them out of sight.
    outcome = _("Outcome: {kind}").format(kind=_(OUTCOME_LABELS[n.outcome.kind]))
    if n.cited_documents:
        outcome += "  ·  " + _("Cites: {symbols}").format(symbols=", ".join(n.cited_documents))
    lines.append(outcome)
    when = []
    if n.presidency:
        when.append(_("Presidency: {state}").format(state=n.presidency))
    if n.letter_date:
        when.append(_("Letter: {date}").format(date=n.letter_date.isoformat()))
    if n.meeting_date:
        when.append(_("Debate: {date}").format(date=n.meeting_date.isoformat()))
    if n.signatory and n.signatory.name:
        when.append(_("Signed: {name}").format(name=n.signatory.name))
    if when:
        lines.append("  ·  ".join(when))
    if n.briefers:
        lines.append(_("Briefers: {names}").format(names="; ".join(b.label() for b in n.briefers)))
    if n.focus:
        lines.append(n.focus)
    return "\n".join(lines)
