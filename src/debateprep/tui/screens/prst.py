"""The PRST drafting pane: paragraph list with agreed/NEW marks, editor, provenance, revision diff.

All database work runs in thread workers (through `services.prst`); they post plain domain objects
back to the pane in a `Loaded` message. UN text is shown with markup off: square brackets are
everywhere in it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static, TextArea
from textual.widgets.data_table import ColumnKey

from debateprep.domain.cells import clip
from debateprep.domain.errors import DebateprepError
from debateprep.domain.prst import Draft, Paragraph, Sent
from debateprep.domain.prst_form import CATEGORY_NAMES
from debateprep.i18n import N_, _, ngettext
from debateprep.services.topics import Topic
from debateprep.tui.localized import Caption, Column, add_columns, relabel_columns
from debateprep.tui.messages import AddToDraft, Failed, SendToPrst
from debateprep.tui.pane import Pane
from debateprep.tui.widgets.editor import Editor
from debateprep.tui.widgets.empty import EmptyState
from debateprep.tui.widgets.fitted_table import FittedTable

if TYPE_CHECKING:
    from debateprep.services.prst import PrstService

TEXT_COLUMN_CELLS = 58
MARK_STYLES = {"agreed": "green", "new": "bold red", "unchecked": "dim"}
COLUMNS = (Column("n", "#", 3), Column("mark", N_("mark"), 7), Column("sim", N_("sim"), 4),
           Column("text", N_("text"), TEXT_COLUMN_CELLS))


@dataclass(frozen=True)
class LoadedDraft:
    """The draft to show (or None), its revisions' diff, the row to select, a note for the user."""

    draft: Draft | None
    diff: str
    select: int | None = None
    message: str = ""
    committed: str | None = None  # the editor's text that the operation saved (it is no longer unsaved)
    starting: bool = False  # the answer to `a` starting a draft (the editor's text is for the draft shown)


class Loaded(Message):
    """What a worker hands back to the pane."""

    def __init__(self, debate_id: int | None, loaded: LoadedDraft, drafts: int = 0) -> None:
        self.debate_id = debate_id
        self.loaded = loaded
        self.drafts = drafts
        super().__init__()


Op = Callable[["PrstService"], object]


class PrstPane(Pane):
    DEFAULT_CSS = """
    PrstPane { height: 1fr; }
    PrstPane #prst-status { height: 1; color: $text-muted; }
    PrstPane #prst-chapeau { height: auto; max-height: 8; padding: 0 1; border: round $panel; }
    PrstPane #prst-body { height: 1fr; }
    PrstPane #prst-left { width: 3fr; }
    PrstPane #prst-right { width: 2fr; padding-left: 1; }
    PrstPane #prst-paragraphs { height: 1fr; }
    PrstPane #prst-editor-label { height: auto; color: $text-muted; }
    PrstPane #prst-editor { height: 7; }
    PrstPane #prst-provenance { height: auto; max-height: 14; border: round $panel; padding: 0 1; }
    PrstPane #prst-diff-box { height: 1fr; border: round $panel; padding: 0 1; }
    PrstPane EmptyState { margin: 1 0; }
    """
    BINDINGS = [
        Binding("n", "new_draft", N_("New draft"), id="prst-new",
                tooltip=N_("new draft (chapeau from the debate; asks first when there is one)")),
        Binding("d", "pick_draft", N_("Drafts"), id="prst-drafts",
                tooltip=N_("choose the draft to work on (F5 and the brief show it)")),
        Binding("a", "write_paragraph", N_("Write"), id="prst-write",
                tooltip=N_("write a new paragraph: an empty editor (Ctrl+N adds it, in PRST form); "
                           "with no draft yet, starts one first")),
        Binding("ctrl+n", "add_paragraph", N_("Add para"), id="prst-add",
                tooltip=N_("add the editor's text as a new paragraph, in PRST form")),
        Binding("ctrl+s", "save_paragraph", N_("Save para"), id="prst-save", tooltip=N_("save the edited paragraph")),
        Binding("left_square_bracket", "move(-1)", N_("Move up"), id="prst-up", tooltip=N_("move the paragraph up")),
        Binding("right_square_bracket", "move(1)", N_("Move down"), id="prst-down", tooltip=N_("move the paragraph down")),
        Binding("o", "order", N_("Order"), id="prst-order",
                tooltip=N_("order by convention (reaffirm/recall, concern, stress, welcome, request)")),
        Binding("c", "check", N_("Check"), id="prst-check",
                tooltip=N_("check agreed language: mark each paragraph agreed or new")),
        Binding("r", "revise", N_("Revise"), id="prst-revise", tooltip=N_("circulate a revision (rev.N)")),
        Binding("x", "remove", N_("Remove"), id="prst-remove", tooltip=N_("remove the highlighted paragraph")),
        Binding("e", "export", N_("Export"), id="prst-export",
                tooltip=N_("export markdown and Word (clean and annotated), where the dialog says")),
    ]
    TITLE = N_("PRST")
    TOPICS = frozenset({Topic.DEBATES, Topic.LIBRARY, Topic.STATEMENTS, Topic.PRST})

    can_focus = True  # so its keys work before there is a draft (and a table) to focus

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.draft: Draft | None = None
        self.editing: Paragraph | None = None  # the paragraph (and version) loaded in the editor
        self._editor_draft: int | None = None  # the draft the editor's text belongs to
        self._loaded_text = ""  # what the editor held when last loaded: more than that is unsaved typing
        self._text_cells = TEXT_COLUMN_CELLS  # the paragraphs' text column, fitted to the list's width
        self._diff = ""
        self.draft_count = 0  # drafts the debate has (the status line says when there are several)
        self._shown_debate = False  # the current debate's draft (or its absence) is on screen
        self._waiting: list[AddToDraft] = []  # sent before that: added once it is
        self._serial = threading.Lock()
        self._starting = False  # `a` started a draft and the editor has the keyboard until it is shown

    def compose(self) -> ComposeResult:
        yield Static("", id="prst-status", markup=False)
        yield EmptyState(N_("No PRST draft for this debate yet: press n to start one (chapeau from the debate)."),
                         id="prst-empty")
        yield Static("", id="prst-chapeau", markup=False)
        with Horizontal(id="prst-body"):
            with Vertical(id="prst-left"):
                yield FittedTable(id="prst-paragraphs", cursor_type="row", zebra_stripes=True)
                yield Caption(N_("Editor · Ctrl+S save · Ctrl+N add as new paragraph (converted to PRST form) · "
                                 "Esc back to the list"), id="prst-editor-label")
                yield Editor(id="prst-editor", soft_wrap=True)
            with Vertical(id="prst-right"):
                yield Static("", id="prst-provenance", markup=False)
                with VerticalScroll(id="prst-diff-box"):
                    yield Static("", id="prst-diff", markup=False)

    def on_mount(self) -> None:
        add_columns(self.query_one("#prst-paragraphs", DataTable), COLUMNS)
        self._border_titles()
        self._show(LoadedDraft(None, ""))

    def _border_titles(self) -> None:
        self.query_one("#prst-diff-box").border_title = _("Revisions")
        self.query_one("#prst-provenance").border_title = _("Provenance")

    def relabel(self) -> None:
        relabel_columns(self.query_one("#prst-paragraphs", DataTable), COLUMNS)
        self._border_titles()
        super().relabel()

    # loading ------------------------------------------------------------------------------

    def debate_changed(self) -> None:
        self._shown_debate = False
        self._starting = False  # (a draft `a` was starting is another debate's: its answer is not shown)
        self.reload()

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        self.reload()  # the highlighted row stays highlighted

    def reload(self, select: int | None = None) -> None:
        self._run_load(select)

    def _work(self, op: Op, select: int | None = None, message: str = "", committing: str | None = None,
              starting: bool = False) -> None:
        """Run `op(services.prst)` in a thread (Services tells the other panes of a change), then
        reload the draft and show it; `committing`: the editor's text the op saves; `starting`: the
        op starts the draft the editor's text is typed for. A change is never cancelled by a reload
        asked for meanwhile (a reload only replaces a reload)."""
        self._run_write(op, select, message, committing, starting)

    @work(thread=True, exclusive=True, group="prst-load", exit_on_error=False)
    def _run_load(self, select: int | None) -> None:
        self._run_op(lambda service: None, select, "", None, False)

    @work(thread=True, group="prst-write", exit_on_error=False)
    def _run_write(self, op: Op, select: int | None, message: str, committing: str | None, starting: bool) -> None:
        self._run_op(op, select, message, committing, starting)

    def _run_op(self, op: Op, select: int | None, message: str, committing: str | None, starting: bool) -> None:
        with self._serial:  # one change or read at a time, answers posted in that order: none shows stale
            self._run_op_now(op, select, message, committing, starting)

    def _run_op_now(self, op: Op, select: int | None, message: str, committing: str | None, starting: bool) -> None:
        service, debate_id = self.services.prst, self.debate_id
        try:
            result = op(service)
            loaded = replace(self._load(service, debate_id, select, message, result), committed=committing,
                             starting=starting)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("PRST")))
            loaded = replace(self._load(service, debate_id, select, "", None), starting=starting)
        drafts = len(service.drafts(debate_id)) if debate_id is not None else 0
        self.post_message(Loaded(debate_id, loaded, drafts))

    def _load(self, service: PrstService, debate_id: int | None, select: int | None, message: str,
              result: object) -> LoadedDraft:
        """The draft to show after `result` (the debate's current draft: a new one, or the one chosen):
        a Paragraph or a Sent paragraph is selected, a str told."""
        if debate_id is None:
            return LoadedDraft(None, "")
        draft = service.current(debate_id)
        if isinstance(result, str):
            message = result
        if isinstance(result, Sent):
            result = result.paragraph
        if isinstance(result, Paragraph) and draft is not None:
            select = next((i for i, p in enumerate(draft.paragraphs, start=1) if p.id == result.id), select)
        diff = ""
        if draft is not None and draft.id is not None:
            diff = service.diff(draft.id).render() if draft.revisions else (
                _("No revision yet: press r to circulate the current text as rev.1.")
            )
        return LoadedDraft(draft, diff, select, message)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.debate_id == self.debate_id:
            self.draft_count = message.drafts
            committed = message.loaded.committed
            if committed is not None and self.query_one("#prst-editor", TextArea).text == committed:
                self._loaded_text = committed  # saved: the editor may show the stored (converted) text
            starting = message.loaded.starting  # the answer to `a` starting a draft
            if starting and message.loaded.draft is None:
                self._starting = False  # it failed (said so): the editor is hidden again
            self._show(message.loaded)
            if starting:
                self._starting = False  # the draft is shown: the editor's text is now simply for it
                self.claim_focus()
            self._shown_debate = True
            waiting, self._waiting = self._waiting, []
            for sent in waiting:
                self._add_to_draft(sent)

    def _show(self, loaded: LoadedDraft) -> None:
        self.draft = loaded.draft
        self._diff = loaded.diff
        draft = loaded.draft
        shown = draft.id if draft is not None else None
        if shown != self._editor_draft:  # the editor's text belongs to the draft it was typed for
            if not self._starting:  # (typed while `a` starts a draft: it is for the draft it started)
                self.query_one("#prst-editor", TextArea).clear()
                self._loaded_text = ""
                self.editing = None
            self._editor_draft = shown
        has = draft is not None
        self.query_one("#prst-empty").display = not has and not self._starting and self.debate_id is not None
        self.query_one("#prst-chapeau").display = has
        self.query_one("#prst-body").display = has or self._starting  # the editor takes the typing at once
        status = self.query_one("#prst-status", Static)
        if self.debate_id is None:
            status.update(_("No debate selected (Ctrl+O to choose one)."))
        elif draft is None:
            status.update(_("Debate #{id}: no PRST draft.").format(id=self.debate_id))
        else:
            agreed = sum(1 for p in draft.paragraphs if p.status == "agreed")
            new = sum(1 for p in draft.paragraphs if p.status == "new")
            revs = _(", ").join(r.label for r in draft.revisions) or _("no revision")
            others = (_(" (of {count} drafts: d to choose)").format(count=self.draft_count)
                      if self.draft_count > 1 else "")
            paragraphs = ngettext("{count} paragraph", "{count} paragraphs", len(draft.paragraphs)).format(
                count=len(draft.paragraphs))
            status.update(_("PRST draft #{id}{others} · {language} · {paragraphs} · {agreed} agreed · {new} new · "
                            "{revisions} · version {version}").format(
                id=draft.id, others=others, language=draft.language, paragraphs=paragraphs, agreed=agreed,
                new=new, revisions=revs, version=draft.version))
        if draft is None:
            return
        self.query_one("#prst-chapeau", Static).update(draft.chapeau)
        self.query_one("#prst-diff", Static).update(loaded.diff)
        table = self.query_one("#prst-paragraphs", DataTable)
        current = table.cursor_row
        table.clear()
        for number, (p, text) in enumerate(zip(draft.paragraphs, draft.texts(), strict=True), start=1):
            sim = f"{p.similarity:.0%}" if p.similarity is not None else ""
            table.add_row(
                Text(str(number)),
                Text(("!" if p.flags else "") + p.mark, style=MARK_STYLES[p.status]),
                Text(sim),
                Text(clip(text, self._text_cells)),
                key=str(p.id),
            )
        if draft.paragraphs:
            row = loaded.select - 1 if loaded.select is not None else min(current, len(draft.paragraphs) - 1)
            table.move_cursor(row=max(0, row))
            self._select(max(0, row))
        else:
            self._select(None)
        if loaded.message:
            self.notify(loaded.message, title=_("PRST"), markup=False)
        self.claim_focus()  # a draft appeared (or the pane was focused while it had none): the list

    def on_resize(self) -> None:
        self._fit_text(self.query_one("#prst-paragraphs", DataTable).size.width)

    @on(FittedTable.Resized, "#prst-paragraphs")
    def _table_resized(self, event: FittedTable.Resized) -> None:
        self._fit_text(event.width)  # the table's own width, once laid out: the last word

    def _fit_text(self, width: int) -> None:
        """The text column takes the list's width (what is left of it by #, mark and sim)."""
        cells = max(20, (width or self.size.width * 3 // 5) - 26)
        if cells != self._text_cells:
            self._text_cells = cells
            column = self.query_one("#prst-paragraphs", DataTable).columns.get(ColumnKey("text"))
            if column is not None:
                column.width = cells
            if self.draft is not None:
                self._show(LoadedDraft(self.draft, self._diff))

    # selection, provenance, editor ----------------------------------------------------------

    @on(DataTable.RowHighlighted, "#prst-paragraphs")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._select(event.cursor_row)

    @on(DataTable.RowSelected, "#prst-paragraphs")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a paragraph: edit it (the keyboard goes into the editor, its cursor at the end),
        after asking what to do with unsaved text typed for another paragraph."""
        draft, row = self.draft, event.cursor_row
        if draft is None or not 0 <= row < len(draft.paragraphs):
            return
        p = draft.paragraphs[row]
        if self.editing is not None and self.editing.id == p.id:
            # its own text (unsaved or not) is already there; Ctrl+S now saves over the version shown
            self.editing = p
            self._edit_in_editor(None)
            return
        self._unless_unsaved(lambda: self._edit_in_editor(row))

    def unsaved(self) -> bool:
        """The editor holds typing not saved anywhere (more than the text last loaded into it)."""
        text = self.query_one("#prst-editor", TextArea).text
        return bool(text.strip()) and text != self._loaded_text

    def _unless_unsaved(self, then: Callable[[], None]) -> None:
        """Run `then` (which replaces the editor's text) at once, or after the user chose to discard
        the unsaved text; keeping it puts the keyboard back into the editor, the text untouched."""
        if not self.unsaved():
            then()
            return
        from debateprep.tui.screens.brief_dialogs import ConfirmScreen

        editing = self.editing
        draft = self.draft
        number = (next((i for i, p in enumerate(draft.paragraphs, start=1) if p.id == editing.id), None)
                  if editing is not None and draft is not None else None)
        where = (_("The editor has unsaved changes to paragraph {number}.").format(number=number)
                 if number is not None else _("The editor has unsaved text for a new paragraph."))

        def answered(discard: bool | None) -> None:
            if discard:
                then()
            else:
                self.call_after_refresh(self._edit_in_editor, None)

        self.app.push_screen(ConfirmScreen(
            where + "\n" + _("Discard it? (Keep it, then Ctrl+S saves it, Ctrl+N adds it as a new paragraph.)"),
            yes=_("Discard the text"), no=_("Keep editing")), answered)

    def _edit_in_editor(self, row: int | None) -> None:
        """Load paragraph `row` (None: keep the editor's text) and give the editor the keyboard."""
        editor = self.query_one("#prst-editor", TextArea)
        if row is not None and self.draft is not None:
            self._load_editor(row)
        editor.move_cursor(editor.document.end)
        self.claim_focus(editor)

    def _load_editor(self, row: int) -> None:
        assert self.draft is not None
        text = self.draft.texts()[row]
        self.query_one("#prst-editor", TextArea).load_text(text)
        self._loaded_text = text
        self.editing = self.draft.paragraphs[row]

    def _select(self, row: int | None) -> None:
        panel = self.query_one("#prst-provenance", Static)
        draft = self.draft
        if draft is None or row is None or not 0 <= row < len(draft.paragraphs):
            if not self.unsaved():
                self.editing = None
            panel.update(_("No paragraph yet: type one in the editor and press Ctrl+N, or send agreed "
                           "language from the library."))
            return
        p = draft.paragraphs[row]
        stale = self.editing is None or self.editing.id != p.id or self.editing.version != p.version
        if stale and not self.unsaved():  # the editor follows the list, but never over unsaved typing
            self._load_editor(row)
        elif not stale:
            self.editing = p  # (its marks may have changed)
        lines = [
            _("para {number} · {category} · version {version}").format(
                number=row + 1, category=_(CATEGORY_NAMES[p.category]), version=p.version),
            p.provenance.describe(),
        ]
        if p.provenance.source_text and p.provenance.source_text.strip() != p.text:
            lines.append(_("converted from: {text}").format(text=clip(p.provenance.source_text.strip(), 160)))
        lines.append(p.check_summary())
        if p.status == "new" and p.closest_text:
            lines.append(_("closest text: {text}").format(text=clip(p.closest_text.strip(), 160)))
        lines.extend("! " + _("review: {reasons}").format(reasons=flag.message) for flag in p.flags)
        panel.update("\n".join(lines))

    def _selected_number(self) -> int | None:
        if self.draft is None or not self.draft.paragraphs:
            return None
        return self.query_one("#prst-paragraphs", DataTable).cursor_row + 1

    # actions --------------------------------------------------------------------------------

    def _need_draft(self) -> Draft | None:
        if self.draft is None:
            self.notify(_("No PRST draft yet: press n to start one."), title=_("PRST"), severity="warning",
                        markup=False)
        return self.draft

    def action_new_draft(self) -> None:
        if self.debate_id is None:
            self.notify(_("Choose a debate first (Ctrl+O)."), title=_("PRST"), severity="warning", markup=False)
            return
        debate_id, current = self.debate_id, self.draft

        def start(yes: bool | None = True) -> None:
            if yes:
                self._start_draft(debate_id)
            self._focus_after(None)

        if current is None:
            start()
            return
        from debateprep.tui.screens.brief_dialogs import ConfirmScreen

        size = ngettext("{count} paragraph", "{count} paragraphs", len(current.paragraphs)).format(
            count=len(current.paragraphs)) + (f", {current.revisions[-1].label}" if current.revisions else "")
        self.app.push_screen(ConfirmScreen(
            _("Debate #{debate} already has PRST draft #{draft} ({size}).\n"
              "Start a new, empty draft? It becomes the draft shown here and in the brief; #{draft} is kept "
              "(d chooses between drafts).").format(debate=debate_id, draft=current.id, size=size),
            yes=_("Start a new draft"), no=_("Keep #{draft}").format(draft=current.id)), start)

    def _start_draft(self, debate_id: int, starting: bool = False) -> None:
        """A new draft for the debate, in its language (`starting`: the editor's text is for it)."""
        self._work(lambda s: s.new_draft(debate_id), message=_("New PRST draft started."), starting=starting)

    def action_pick_draft(self) -> None:
        if self.debate_id is None:
            self.notify(_("Choose a debate first (Ctrl+O)."), title=_("PRST"), severity="warning", markup=False)
            return
        from debateprep.tui.screens.prst_dialogs import DraftPickerScreen

        def chosen(draft_id: int | None) -> None:
            if draft_id is not None:
                self._work(lambda s: s.use(draft_id), select=1,
                           message=_("Working on PRST draft #{draft}.").format(draft=draft_id))
            self._focus_after(None)

        self.app.push_screen(DraftPickerScreen(self.services, self.debate_id), chosen)

    @on(Editor.Left)
    def _left_editor(self, _message: Editor.Left) -> None:
        self.main_widget().focus()

    def main_widget(self) -> Widget:
        """The paragraph list when there is a draft, else the pane (its keys: n, d)."""
        return self.query_one("#prst-paragraphs", DataTable) if self.draft is not None else self

    def _focus_after(self, _result: object) -> None:
        self.call_after_refresh(self.claim_focus)

    def action_write_paragraph(self) -> None:
        """An empty editor for a new paragraph (the highlighted one's text is not in the way). With
        no draft yet, one is started (as `n` would) and the editor has the keyboard at once: what is
        typed while the draft is being created is the paragraph's text, not the pane's keys."""
        editor = self.query_one("#prst-editor", TextArea)
        if self.draft is None:
            if self.debate_id is None:
                self.notify(_("Choose a debate first (Ctrl+O)."), title=_("PRST"), severity="warning",
                            markup=False)
            else:
                if not self._starting:
                    self._starting = True
                    self._start_draft(self.debate_id, starting=True)
                    self._show(LoadedDraft(None, ""))  # the editor (with the list, still empty) is shown
                    self._select(None)
                self.claim_focus(editor)
            return

        def empty() -> None:
            editor.clear()
            self._loaded_text = ""
            self.editing = None  # Ctrl+S saves nothing over a paragraph; Ctrl+N adds the new one
            self.claim_focus(editor)

        self._unless_unsaved(empty)

    def action_add_paragraph(self) -> None:
        draft = self._need_draft()
        text = self.query_one("#prst-editor", TextArea).text
        if draft is None or draft.id is None:
            return
        draft_id = draft.id

        self._work(lambda s: s.add_text(draft_id, text), message=_("Paragraph added in PRST form."),
                   committing=text)

    def action_save_paragraph(self) -> None:
        draft, paragraph = self._need_draft(), self.editing
        if draft is None or draft.id is None or paragraph is None or paragraph.id is None:
            return
        text = self.query_one("#prst-editor", TextArea).text
        draft_id, number, pid = draft.id, self._selected_number(), paragraph.id
        # the id and version this pane showed, and the text it showed (a refusal diffs from it)
        self._work(lambda s: s.edit(draft_id, pid, paragraph.version, text, paragraph.text), select=number,
                   message=_("Paragraph saved."), committing=text)

    def action_move(self, step: int) -> None:
        draft, number = self._need_draft(), self._selected_number()
        if draft is None or draft.id is None or number is None:
            return
        target = number + step
        if not 1 <= target <= len(draft.paragraphs):
            return
        draft_id, version, pid = draft.id, draft.version, draft.paragraphs[number - 1].id
        if pid is None:
            return
        self._work(lambda s: s.move(draft_id, pid, target, version), select=target)

    def action_order(self) -> None:
        draft = self._need_draft()
        if draft is None or draft.id is None:
            return
        draft_id, version = draft.id, draft.version
        self._work(lambda s: s.order(draft_id, version), select=1, message=_("Put in conventional order."))

    def action_check(self) -> None:
        draft = self._need_draft()
        if draft is None or draft.id is None:
            return
        draft_id = draft.id
        self._work(lambda s: s.check(draft_id), select=self._selected_number(),
                   message=_("Checked against the library."))

    def action_revise(self) -> None:
        draft = self._need_draft()
        if draft is None or draft.id is None:
            return
        draft_id = draft.id

        def op(service: PrstService) -> str:
            revision = service.revise(draft_id)
            return ngettext("{label} circulated ({count} paragraph).", "{label} circulated ({count} paragraphs).",
                            len(revision.paragraphs)).format(label=revision.label, count=len(revision.paragraphs))

        self._work(op, select=self._selected_number())

    def action_remove(self) -> None:
        draft, number = self._need_draft(), self._selected_number()
        if draft is None or draft.id is None or number is None:
            return
        paragraph = draft.paragraphs[number - 1]  # the highlighted one (the editor may hold another)
        if paragraph.id is None:
            return
        draft_id, pid = draft.id, paragraph.id
        self._work(lambda s: s.remove(draft_id, pid, paragraph.version, paragraph.text), select=max(1, number - 1),
                   message=_("Paragraph {number} removed.").format(number=number))

    def action_export(self) -> None:
        """Export the draft as markdown, clean and annotated (beside it), where the dialog says."""
        draft = self._need_draft()
        if draft is None or draft.id is None:
            return
        from debateprep.services.exports import annotated_beside, default_name
        from debateprep.tui.screens.export_dialog import ExportFile, export_with_dialog

        draft_id, service = draft.id, self.services.prst
        default = Path.cwd() / default_name("prst", draft.debate_id, draft_id=draft_id, lang=draft.language)

        def files(path: Path) -> list[ExportFile]:
            word = path.with_suffix(".docx")
            return [ExportFile(path, lambda: service.export(draft_id)),
                    ExportFile(annotated_beside(path), lambda: service.export(draft_id, annotated=True)),
                    ExportFile(word, lambda: service.export_docx(draft_id)),
                    ExportFile(annotated_beside(word), lambda: service.export_docx(draft_id, annotated=True))]

        export_with_dialog(self, _("PRST draft #{draft} (markdown and Word)").format(draft=draft_id), default, files,
                           note=_("The Word document (.docx) and the annotated versions (numbered, agreed/new "
                                  "marks, provenance; their names ending in -annotated) go beside it."))

    # what other panes send -------------------------------------------------------------------

    @on(AddToDraft)
    def _add_to_draft(self, message: AddToDraft) -> None:
        if not self._shown_debate:  # the pane was just mounted (sent from another tab): its draft first
            self._waiting.append(message)
            return
        sent = message.sent
        if isinstance(sent, SendToPrst):
            self.add_agreed(sent.text, sent.citation, sent.paragraph_id)
        else:
            self.add_group(sent.rank)

    def add_agreed(self, text: str, citation: str | None, paragraph_id: int | None = None) -> None:
        """Add an agreed-language paragraph (text as adopted, with its citation) to the debate's
        draft, started for it if there is none: what the library's "send to PRST" does."""
        if self.debate_id is None:
            self.notify(_("Choose a debate first (Ctrl+O)."), title=_("PRST"), severity="warning", markup=False)
            return
        debate_id, what = self.debate_id, citation or _("agreed language")

        def op(service: PrstService) -> str:
            if paragraph_id is not None:
                return service.send_library(debate_id, paragraph_id).describe(what)
            from debateprep.domain.prst import Provenance

            provenance = Provenance("library", citation=citation, source_text=text)
            return service.send(debate_id, text, provenance).describe(what)

        self._work(op)
        self.call_after_refresh(self.claim_focus)

    def add_group(self, rank: int) -> None:
        """Add what delegations converged on (convergence group `rank`), its supporters kept as
        provenance, to the debate's draft (started if there is none): the statements pane's "send to PRST"."""
        if self.debate_id is None:
            self.notify(_("Choose a debate first (Ctrl+O)."), title=_("PRST"), severity="warning", markup=False)
            return
        debate_id = self.debate_id
        self._work(lambda s: s.send_group(debate_id, rank).describe(_("Shared proposal #{rank}").format(rank=rank)))
        self.call_after_refresh(self.claim_focus)
