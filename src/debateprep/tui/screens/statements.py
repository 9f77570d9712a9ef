"""The statements pane: list and reader, coverage heatmap (delegation × question), convergence.

Database reads and the coverage/convergence computations run in thread workers, which post
messages back; only message handlers touch widgets. UN text is shown with markup off.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Static

from debateprep.domain.cells import cell_len, clip
from debateprep.domain.coverage import ConvergenceGroup, CoverageCell, CoverageMatrix
from debateprep.domain.errors import DebateprepError
from debateprep.domain.statements import Statement, extract_proposals
from debateprep.exporters.brief_text import coverage_legend
from debateprep.i18n import N_, _, language, ngettext
from debateprep.services.topics import Topic
from debateprep.tui.localized import Caption, Column, add_columns, relabel_columns
from debateprep.tui.messages import Failed, SendGroupToPrst
from debateprep.tui.pane import Pane
from debateprep.tui.widgets.empty import EmptyState

NAME_CELLS = 24  # delegation column of the list and the heatmap, in terminal cells
SOURCE_CELLS = 17
TEXT_CELLS = 58
KIND_STYLES = {"call": "bold cyan", "recommendation": "yellow", "commitment": "green", "position": "magenta"}
# How a proposal's kind, a statement's kind and an import's counts are shown (msgids).
KIND_NAMES = {"call": N_("call"), "recommendation": N_("recommendation"), "commitment": N_("commitment"),
              "position": N_("position"), "statement": N_("statement"), "briefing": N_("briefing"),
              "procedural": N_("procedural")}
SUMMARY_NAMES = {"imported": N_("imported"), "statements": N_("statements"), "briefings": N_("briefings"),
                 "procedural": N_("procedural"), "mapped": N_("mapped"), "unmapped": N_("unmapped"),
                 "delegations": N_("delegations"), "replaced": N_("replaced")}
KEYS_LINE = N_("l list · c coverage by guiding question · v convergence (p: to the PRST draft) · i import · "
               "r refresh")
COLUMNS = (Column("id", "#", 4), Column("delegation", N_("delegation"), NAME_CELLS),
           Column("source", N_("source"), SOURCE_CELLS))
GROUP_COLUMNS = (Column("rank", "#", 3), Column("count", N_("n"), 3),
                 Column("text", N_("shared proposal"), TEXT_CELLS))
VIEWS = {"list": "st-list-view", "coverage": "st-coverage-view", "convergence": "st-convergence-view"}
FOCUS = {"list": "#st-table", "coverage": "#st-heatmap", "convergence": "#st-groups"}


def heat(strength: float, mark: str | None = None) -> Text:
    """A heatmap cell, four terminal cells wide: darker for a stronger match, a dot when not
    addressed; a user's mark shows as ✓ (addressed) or ✗ (not an answer)."""
    if mark == "addressed":
        return Text("  ✓ ", style="bold cyan")
    if mark == "wrong":
        return Text("  ✗ ", style="bold red")
    if strength <= 0:
        return Text("  · ", style="dim")
    if strength >= 0.75:
        return Text(" ██ ", style="bold green")
    if strength >= 0.5:  # the brief's ● (its legend is this pane's too)
        return Text(" ▓▓ ", style="green")
    return Text(" ▒▒ ", style="yellow")


def describe_cell(cell: CoverageCell | None) -> Text:
    """A heatmap cell explained so a reader can judge it in a second: the verdict (and the user's
    mark), where the passage is, the passage, and the question words it matched."""
    from debateprep.domain.coverage import THRESHOLD

    text = Text()
    if cell is None:
        text.append(_("no statement"))
        return text
    if cell.mark is not None:
        said = _("addressed") if cell.by_tool else _("not addressed")
        marked = (_("marked wrong by a user (the tool said {said}; u clears the mark)") if cell.mark == "wrong" else
                  _("marked addressed by a user (the tool said {said}; u clears the mark)"))
        text.append(marked.format(said=said) + "\n", style="bold cyan")
    if cell.covered:
        text.append(_("addressed · strength {strength} · {source} · paragraph {paragraph}, {sentences}").format(
            strength=f"{cell.strength:.2f}", source=cell.source, paragraph=cell.passage.paragraph + 1,
            sentences=cell.passage.sentence_range) + "\n", style="green")
        text.append(cell.passage.text + "\n")
        text.append(cell.explanation(), style="italic")
    elif not cell.reasons:
        text.append(_("not addressed: no word of the question in this statement"), style="dim")
    else:
        text.append(_("not addressed: the closest sentence scored {score} (a match needs {threshold}) · {source}, "
                      "{sentences}").format(score=f"{cell.score:.2f}", threshold=f"{THRESHOLD:.2f}",
                                            source=cell.source, sentences=cell.passage.sentence_range) + "\n",
                    style="dim")
        text.append(cell.passage.text + "\n", style="dim")
        text.append(cell.explanation(), style="dim italic")
    return text


def _short_source(source: str) -> str:
    """"S/PV.8699 (Resumption 1) #12" -> "8699 R1 #12"; file names stay as they are."""
    return source.replace("S/PV.", "").replace(" (Resumption ", " R").replace(") #", " #")


# -- messages from the workers ---------------------------------------------------------------


class StatementsLoaded(Message):
    def __init__(self, debate_id: int | None, statements: list[Statement]) -> None:
        self.debate_id = debate_id
        self.statements = statements
        super().__init__()


class CoverageReady(Message):
    def __init__(self, debate_id: int, matrix: CoverageMatrix | None, problem: str = "") -> None:
        self.debate_id = debate_id
        self.matrix = matrix
        self.problem = problem
        super().__init__()


class ConvergenceReady(Message):
    def __init__(self, debate_id: int, groups: list[ConvergenceGroup]) -> None:
        self.debate_id = debate_id
        self.groups = groups
        super().__init__()


class CellMarked(Message):
    """A coverage cell's mark was stored: what to tell the user."""

    def __init__(self, note: str) -> None:
        self.note = note
        super().__init__()


class StatementsSaved(Message):
    """An import or a mapping was stored: what to tell the user."""

    def __init__(self, note: str, imported: bool = False, warning: bool = False) -> None:
        self.note = note
        self.imported = imported
        self.warning = warning
        super().__init__()


class StatementsPane(Pane):
    DEFAULT_CSS = """
    StatementsPane { height: 1fr; }
    StatementsPane #st-status { height: 1; color: $text-muted; }
    StatementsPane #st-views { height: auto; color: $text-muted; }
    StatementsPane #st-switcher { height: 1fr; }
    StatementsPane #st-list-view, StatementsPane #st-convergence-view { height: 1fr; }
    StatementsPane #st-table { width: 54; height: 1fr; }
    StatementsPane #st-reader-box { width: 1fr; height: 1fr; border: round $panel; padding: 0 1; }
    StatementsPane #st-coverage-view { height: 1fr; }
    StatementsPane #st-questions { height: auto; max-height: 8; padding: 0 1; }
    StatementsPane #st-heatmap { height: 1fr; }
    StatementsPane #st-evidence-box { height: 9; border: round $panel; padding: 0 1; }
    StatementsPane #st-groups { width: 72; height: 1fr; }
    StatementsPane #st-group-box { width: 1fr; height: 1fr; border: round $panel; padding: 0 1; }
    StatementsPane EmptyState { margin: 1 0; }
    """
    BINDINGS = [
        Binding("l", "view('list')", N_("List"), id="statements-list", tooltip=N_("list and reader")),
        Binding("c", "view('coverage')", N_("Coverage"), id="statements-coverage",
                tooltip=N_("coverage heatmap: who addressed which guiding question")),
        Binding("v", "view('convergence')", N_("Convergence"), id="statements-convergence",
                tooltip=N_("convergence: proposals shared by several delegations")),
        Binding("r", "refresh", N_("Refresh"), id="statements-refresh", tooltip=N_("reload the statements")),
        Binding("i", "import_statements", N_("Import"), id="statements-import",
                tooltip=N_("import statement files or a verbatim record")),
        Binding("p", "send_to_prst", N_("To PRST draft"), id="statements-send-to-prst",
                tooltip=N_("send the highlighted shared proposal to the PRST draft")),
        Binding("m", "map_delegation", N_("Map delegation"), id="statements-map",
                tooltip=N_("say whose statement the highlighted one is")),
        Binding("x", "remove_statement", N_("Remove"), id="statements-remove",
                tooltip=N_("remove the highlighted statement (imported by mistake), with its coverage marks")),
        Binding("w", "mark_cell('wrong')", N_("Mark wrong"), id="statements-mark-wrong",
                tooltip=N_("mark the highlighted coverage cell wrong (not an answer)")),
        Binding("a", "mark_cell('addressed')", N_("Mark addressed"), id="statements-mark-addressed",
                tooltip=N_("mark the highlighted coverage cell addressed (the tool missed it)")),
        Binding("u", "mark_cell('clear')", N_("Unmark"), id="statements-mark-clear",
                tooltip=N_("clear the mark of the highlighted coverage cell")),
    ]
    TITLE = N_("Statements")
    TOPICS = frozenset({Topic.DEBATES, Topic.NOTES, Topic.QUESTIONS, Topic.STATEMENTS})

    can_focus = True  # so its keys (i: import) work while there are no statements

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.statements: list[Statement] = []
        self.matrix: CoverageMatrix | None = None
        self.groups: list[ConvergenceGroup] = []
        self.view = "list"

    def compose(self) -> ComposeResult:
        yield Static("", id="st-status", markup=False)
        yield Caption(KEYS_LINE, id="st-views")
        yield EmptyState(N_("No statements for this debate yet. Press i to import statement files (one per "
                            "delegation) or a verbatim record (S/PV.…)."), id="st-empty")
        with ContentSwitcher(initial="st-list-view", id="st-switcher"):
            with Horizontal(id="st-list-view"):
                yield DataTable(id="st-table", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="st-reader-box"):
                    yield Static("", id="st-reader", markup=False)
            with Vertical(id="st-coverage-view"):
                yield Static("", id="st-questions", markup=False)
                yield DataTable(id="st-heatmap", cursor_type="cell")
                with VerticalScroll(id="st-evidence-box"):
                    yield Static("", id="st-evidence", markup=False)
            with Horizontal(id="st-convergence-view"):
                yield DataTable(id="st-groups", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="st-group-box"):
                    yield Static("", id="st-group", markup=False)

    def on_mount(self) -> None:
        add_columns(self.query_one("#st-table", DataTable), COLUMNS)
        add_columns(self.query_one("#st-groups", DataTable), GROUP_COLUMNS)
        self._border_titles()
        self._show_status()

    def _border_titles(self) -> None:
        self.query_one("#st-reader-box").border_title = _("Reader")
        self.query_one("#st-evidence-box").border_title = _("Evidence")
        self.query_one("#st-group-box").border_title = _("Passages")

    def relabel(self) -> None:
        relabel_columns(self.query_one("#st-table", DataTable), COLUMNS)
        relabel_columns(self.query_one("#st-groups", DataTable), GROUP_COLUMNS)
        self._border_titles()
        super().relabel()  # the statements, then coverage or convergence, computed again

    # -- events from the app ---------------------------------------------------------------

    def debate_changed(self) -> None:
        self.action_refresh()

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        self.action_refresh()  # coverage and convergence are computed again when shown

    # -- actions ---------------------------------------------------------------------------

    def action_refresh(self) -> None:
        self.matrix = None
        self.groups = []
        self._load(self.debate_id)

    def main_widget(self) -> Widget:
        """The table of the view shown (list, heatmap, shared proposals); the pane while it is empty."""
        return self.query_one(FOCUS[self.view], DataTable) if self.statements else self

    def action_view(self, view: str) -> None:
        self.view = view
        self.query_one("#st-switcher", ContentSwitcher).current = VIEWS[view]
        self._compute_view()
        self.claim_focus(self.main_widget())

    def _compute_view(self) -> None:
        """Coverage and convergence are computed when first shown after a change."""
        view = self.view
        if self.debate_id is None or not self.statements:
            return
        if view == "coverage" and self.matrix is None:
            self._set_text("#st-evidence", _("Computing coverage…"))
            self._coverage(self.debate_id)
        elif view == "convergence" and not self.groups:
            self._set_text("#st-group", _("Grouping proposals…"))
            self._convergence(self.debate_id)
        self._show_status()

    def action_import_statements(self) -> None:
        from pathlib import Path

        from debateprep.tui.screens.import_dialog import ImportChoice, ImportPathsScreen

        if self.debate_id is None:
            self.notify(_("Choose a debate first (Ctrl+O)."), title=_("Statements"), severity="warning", markup=False)
            return
        debate_id = self.debate_id
        start = Path.cwd()

        def chosen(choice: ImportChoice | None) -> None:
            if choice is not None:
                self.notify(ngettext("Importing {count} path…", "Importing {count} paths…", len(choice.paths)).format(
                    count=len(choice.paths)), title=_("Statements"), markup=False)
                self._import(debate_id, choice.paths, choice.option)

        self.app.push_screen(ImportPathsScreen(
            _("Import statements (.txt, .md, .docx, .pdf): one file per delegation, or a folder of them — "
              "tick the box for a verbatim record split by its speaker headers."),
            start, option=_("a verbatim record (S/PV.…)")), chosen)

    def _chosen_statement(self) -> Statement | None:
        """The statement highlighted in the list, or None after saying to choose one."""
        table = self.query_one("#st-table", DataTable)
        if self.view != "list" or not 0 <= table.cursor_row < len(self.statements):
            self.notify(_("Choose a statement in the list (l) first."), title=_("Statements"), severity="warning",
                        markup=False)
            return None
        return self.statements[table.cursor_row]

    def action_map_delegation(self) -> None:
        """Say by hand whose statement the highlighted one is (an unmapped speech, or a wrong guess)."""
        from debateprep.tui.screens.brief_dialogs import PromptScreen
        from debateprep.tui.screens.speakers_dialogs import RosterSuggester

        st = self._chosen_statement()
        if st is None or st.id is None:
            return
        statement_id, version = st.id, st.version
        header = st.header or st.speaker or st.source

        def chosen(value: str | None) -> None:
            if value is not None and value.strip():
                self._map(statement_id, value.strip(), version)

        self.app.push_screen(PromptScreen(
            _("Whose statement is this? {header}\nA delegation in English or Chinese (→ takes the roster "
              "suggestion).").format(header=header),
            st.delegation or st.suggestion or "", accept=_("Map"), placeholder=_("e.g. China / 中国 / Türkiye"),
            suggester=RosterSuggester(self.services.roster)), chosen)

    def action_remove_statement(self) -> None:
        """Remove the highlighted statement, once confirmed (an import by mistake)."""
        from debateprep.tui.screens.brief_dialogs import ConfirmScreen

        st = self._chosen_statement()
        if st is None or st.id is None:
            return
        statement_id, version = st.id, st.version

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(statement_id, version)

        self.app.push_screen(ConfirmScreen(
            _("Remove statement {label} ({source}) from this debate, with the coverage marks on its delegation "
              "if it has no other statement?\nImporting its file again brings it back.").format(
                label=st.label(), source=st.source),
            yes=_("Remove"), no=_("Keep it")), answered)

    @work(thread=True, exclusive=True, group="statements-remove", exit_on_error=False)
    def _remove(self, statement_id: int, version: int) -> None:
        """Remove it; Services announces the change, and the list, coverage and convergence reload."""
        try:
            removed = self.services.statements.remove(statement_id, version=version)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Statements")))
            return
        said = _("Statement {label} removed.").format(label=removed.statement.label())
        if removed.marks_removed:
            said += " " + ngettext("{n} coverage mark went with it.", "{n} coverage marks went with it.",
                                   removed.marks_removed).format(n=removed.marks_removed)
        self.post_message(StatementsSaved(said))

    def action_mark_cell(self, mark: str) -> None:
        """Mark the highlighted heatmap cell: wrong (not an answer), addressed (the tool missed it),
        or clear the mark. Marks are stored and stay when coverage is computed again."""
        table = self.query_one("#st-heatmap", DataTable)
        if self.view != "coverage" or self.matrix is None or self.debate_id is None:
            self.notify(_("Open the coverage heatmap (c) and choose a cell first."), title=_("Statements"),
                        severity="warning", markup=False)
            return
        try:
            row_key, column_key = table.coordinate_to_cell_key(table.cursor_coordinate)
        except Exception:  # noqa: BLE001 - an empty table has no cell under the cursor
            return
        if row_key.value is None or column_key.value in (None, "delegation"):
            self.notify(_("Choose a question's cell, not the delegation's name."), title=_("Statements"),
                        severity="warning", markup=False)
            return
        question = next(q for q in self.matrix.questions if q.key == int(column_key.value))
        self._mark(self.debate_id, row_key.value, question.label, None if mark == "clear" else mark)

    def action_send_to_prst(self) -> None:
        if self.view != "convergence" or not self.groups:
            self.notify(_("Open the convergence list (v) and choose a shared proposal first."), title=_("Statements"),
                        severity="warning", markup=False)
            return
        table = self.query_one("#st-groups", DataTable)
        if not 0 <= table.cursor_row < len(self.groups):
            return
        group = self.groups[table.cursor_row]
        self.post_message(SendGroupToPrst(group.rank, group.representative.text))

    # -- workers ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="statements-map", exit_on_error=False)
    def _map(self, statement_id: int, delegation: str, version: int) -> None:
        try:
            st = self.services.statements.resolve(statement_id, delegation, version=version)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Statements")))
            return
        self.post_message(StatementsSaved(_("Statement #{id} is now {delegation}'s.").format(
            id=statement_id, delegation=st.delegation)))

    @work(thread=True, exclusive=True, group="statements-mark", exit_on_error=False)
    def _mark(self, debate_id: int, delegation: str, question: str, mark: str | None) -> None:
        """Store the mark; Services announces it, and the coverage is computed again (the cursor stays)."""
        try:
            saved = self.services.statements.mark(debate_id, delegation, question, "wrong" if mark == "wrong" else
                                                  "addressed" if mark == "addressed" else None)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Statements")))
            return
        said = (_("cleared") if saved is None else _("marked wrong") if saved.mark == "wrong"
                else _("marked addressed"))
        self.post_message(CellMarked(f"{delegation} · {question}: {said}."))

    @work(thread=True, exclusive=True, group="statements-import", exit_on_error=False)
    def _import(self, debate_id: int, paths: list[str], record: bool) -> None:
        service = self.services.statements
        try:
            report = service.import_record(debate_id, paths) if record else service.import_files(debate_id, paths)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Statements")))
            return
        summary = report.summary()
        line = _(", ").join(f"{v} {_(SUMMARY_NAMES.get(k, k))}" for k, v in summary.items())
        note = _("Imported: {counts}").format(counts=line)
        empty = summary["statements"] + summary["briefings"] == 0
        if empty:  # the list shows neither: say why it stays empty
            why = (_("only the President's procedural remarks ({count}), which the list leaves out; the speeches are "
                     "in the record's other parts").format(count=summary["procedural"]) if summary["procedural"]
                   else _("no statement in {paths}").format(paths=_(", ").join(paths)))
            note = _("Nothing new in the list: {why}.").format(why=why) + "\n" + note
        self.post_message(StatementsSaved(note, imported=True, warning=empty))

    @work(thread=True, exclusive=True, group="statements-load", exit_on_error=False)
    def _load(self, debate_id: int | None) -> None:
        if debate_id is None:
            self.report(StatementsLoaded(None, []))
            return
        try:
            found = self.services.statements.list(debate_id, include_procedural=False)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Statements")))
            return
        self.report(StatementsLoaded(debate_id, found))

    @work(thread=True, exclusive=True, group="statements-analysis", exit_on_error=False)
    def _coverage(self, debate_id: int) -> None:
        try:
            matrix = self.services.statements.coverage(debate_id)
        except DebateprepError as exc:
            self.report(CoverageReady(debate_id, None, str(exc)))
            return
        self.report(CoverageReady(debate_id, matrix))

    @work(thread=True, exclusive=True, group="statements-analysis", exit_on_error=False)
    def _convergence(self, debate_id: int) -> None:
        try:
            groups = self.services.statements.convergence(debate_id)
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Statements")))
            return
        self.report(ConvergenceReady(debate_id, groups))

    # -- results ---------------------------------------------------------------------------

    @on(StatementsLoaded)
    def _loaded(self, message: StatementsLoaded) -> None:
        if message.debate_id != self.debate_id:
            return
        table = self.query_one("#st-table", DataTable)
        reading = self.statements[table.cursor_row].id if 0 <= table.cursor_row < len(self.statements) else None
        self.statements = message.statements
        table.clear()
        for st in self.statements:
            who = st.delegation or _("(unmapped) {speaker}").format(speaker=st.speaker or "")
            style = "bold red" if not st.delegation else "italic" if st.kind == "briefing" else ""
            table.add_row(Text(str(st.id)), Text(clip(who, NAME_CELLS), style=style),
                          Text(clip(_short_source(st.source), SOURCE_CELLS)), key=str(st.id))
        has = bool(self.statements)
        self.query_one("#st-empty").display = not has and self.debate_id is not None
        self.query_one("#st-switcher").display = has
        self._show_status()
        if has:
            row = next((i for i, st in enumerate(self.statements) if st.id == reading), 0)
            table.move_cursor(row=row)
            self._read(self.statements[row])
            self._compute_view()
        self.claim_focus()  # (only when the pane is the one shown and the keyboard is nowhere useful)

    @on(CellMarked)
    def _marked(self, message: CellMarked) -> None:
        self.notify(message.note, title=_("Coverage"), markup=False)

    @on(StatementsSaved)
    def _saved(self, message: StatementsSaved) -> None:
        self.notify(message.note, title=_("Statements"), markup=False,
                    severity="warning" if message.warning else "information")
        if message.imported:  # what was imported is read in the list
            self.view = "list"
            self.query_one("#st-switcher", ContentSwitcher).current = VIEWS["list"]
        self.action_refresh()

    @on(DataTable.RowHighlighted, "#st-table")
    def _row(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        st = next((s for s in self.statements if str(s.id) == key), None)
        if st is not None:
            self._read(st)

    def _read(self, st: Statement) -> None:
        """The statement with its proposals highlighted by kind."""
        text = Text()
        text.append(st.delegation or _("(unmapped)"), style="bold")
        text.append(f" — {st.speaker or ''} — {st.source} — {_(KIND_NAMES.get(st.kind, st.kind))}, {st.language}\n")
        if st.suggestion and not st.delegation:
            text.append(_("suggested: {delegation}").format(delegation=st.suggestion) + "\n", style="italic")
        proposals = extract_proposals(st.text)
        text.append(ngettext("{count} proposal: ", "{count} proposals: ", len(proposals)).format(count=len(proposals)),
                    style="dim")
        for kind, style in KIND_STYLES.items():
            text.append(f"{_(KIND_NAMES[kind])} ", style=style)
        text.append("\n\n")
        body = Text(st.text)
        for p in proposals:
            body.stylize(KIND_STYLES[p.kind], p.sentence.start, p.sentence.end)
        text.append_text(body)
        self.query_one("#st-reader", Static).update(text)

    @on(CoverageReady)
    def _coverage_ready(self, message: CoverageReady) -> None:
        if message.debate_id != self.debate_id:
            return
        if message.matrix is None:
            self._set_text("#st-evidence", message.problem)
            return
        self.matrix = matrix = message.matrix
        # the brief's legend, with this heatmap's shades (see heat)
        legend = Text(coverage_legend(language(), strong="██ ▓▓", some="▒▒", none="·") + "\n", style="dim")
        for q in matrix.questions:
            legend.append(f"{q.label} ", style="bold")
            legend.append(f"({len(matrix.covered_by(q.key))}) {clip(q.text, 100)}\n")
        self.query_one("#st-questions", Static).update(legend)
        table = self.query_one("#st-heatmap", DataTable)
        keep = table.cursor_coordinate if table.row_count else None  # a mark redraws: stay on the cell
        table.clear(columns=True)
        name_cells = min(NAME_CELLS, max((cell_len(d) for d in matrix.delegations), default=10))
        table.add_column(_("delegation"), width=name_cells, key="delegation")
        for q in matrix.questions:
            table.add_column(q.label, width=4, key=str(q.key))
        for d in matrix.delegations:
            cells = [matrix.cell(d, q.key) for q in matrix.questions]
            table.add_row(Text(clip(d, name_cells)),
                          *(heat(c.strength if c else 0.0, c.mark if c else None) for c in cells), key=d)
        covered = sum(1 for c in matrix.cells.values() if c.covered)
        marked = len(matrix.marked())
        summary = _("{covered} cells addressed of {cells}").format(covered=covered, cells=len(matrix.cells))
        if marked:
            summary += " " + _("({count} marked by a user)").format(count=marked)
        self._set_text("#st-evidence", summary + _(". Move over a cell to see the passage and what matched; w marks "
                                                   "it wrong, a addressed, u clears the mark."))
        if keep is not None and keep.row < table.row_count:
            table.move_cursor(row=keep.row, column=keep.column)
            row_key, column_key = table.coordinate_to_cell_key(keep)
            if row_key.value is not None and column_key.value not in (None, "delegation"):
                self._describe(row_key.value, int(str(column_key.value)))
        self._show_status()
        self.claim_focus()

    @on(DataTable.CellHighlighted, "#st-heatmap")
    def _cell(self, event: DataTable.CellHighlighted) -> None:
        if self.matrix is None:
            return
        row_key = event.cell_key.row_key.value
        column_key = event.cell_key.column_key.value
        if row_key is None or column_key in (None, "delegation"):
            return
        self._describe(row_key, int(column_key))

    def _describe(self, delegation: str, qkey: int) -> None:
        """The cell detail under the heatmap: the question, the verdict, the passage, what matched."""
        if self.matrix is None:
            return
        row_key = delegation
        question = next(q for q in self.matrix.questions if q.key == qkey)
        cell = self.matrix.cell(row_key, qkey)
        text = Text()
        text.append(f"{row_key} · {question.label}: ", style="bold")
        text.append(f"{question.text}\n")
        text.append_text(describe_cell(cell))
        self.query_one("#st-evidence", Static).update(text)

    @on(ConvergenceReady)
    def _convergence_ready(self, message: ConvergenceReady) -> None:
        if message.debate_id != self.debate_id:
            return
        self.groups = message.groups
        table = self.query_one("#st-groups", DataTable)
        table.clear()
        for g in self.groups:
            table.add_row(Text(str(g.rank)), Text(str(g.count)), Text(clip(g.representative.text, TEXT_CELLS)),
                          key=str(g.rank))
        if not self.groups:
            self._set_text("#st-group", _("No proposal is shared by two or more delegations."))
        else:
            self._group(self.groups[0])
        self._show_status()
        self.claim_focus()

    @on(DataTable.RowHighlighted, "#st-groups")
    def _group_row(self, event: DataTable.RowHighlighted) -> None:
        group = next((g for g in self.groups if str(g.rank) == event.row_key.value), None)
        if group is not None:
            self._group(group)

    def _group(self, group: ConvergenceGroup) -> None:
        text = Text()
        text.append(ngettext("{count} delegation: ", "{count} delegations: ", group.count).format(count=group.count),
                    style="bold")
        text.append(", ".join(group.supporters) + "\n\n")
        for m in group.members:
            text.append(f"{m.delegation}", style="bold")
            text.append(" [" + _("{kind}, sentence {number}").format(kind=_(KIND_NAMES.get(m.kind, m.kind)),
                                                                      number=m.sentence_index + 1) + "] ",
                        style=KIND_STYLES.get(m.kind, ""))
            text.append(f"{m.text}\n")
        self.query_one("#st-group", Static).update(text)

    # -- helpers ---------------------------------------------------------------------------

    def _set_text(self, selector: str, text: str) -> None:
        self.query_one(selector, Static).update(text)

    def _show_status(self) -> None:
        status = self.query_one("#st-status", Static)
        if self.debate_id is None:
            status.update(_("No debate selected (Ctrl+O to choose one)."))
            return
        delegations = len({s.delegation for s in self.statements if s.delegation})
        unmapped = sum(1 for s in self.statements if s.unmapped)
        parts = [ngettext("Debate #{id}: {count} statement", "Debate #{id}: {count} statements",
                          len(self.statements)).format(id=self.debate_id, count=len(self.statements)),
                 ngettext("{count} delegation", "{count} delegations", delegations).format(count=delegations)]
        if unmapped:
            parts.append(_("{count} unmapped (m maps one)").format(count=unmapped))
        if self.matrix is not None:
            parts.append(ngettext("{count} guiding question", "{count} guiding questions",
                                  len(self.matrix.questions)).format(count=len(self.matrix.questions)))
        if self.groups:
            parts.append(ngettext("{count} shared proposal", "{count} shared proposals", len(self.groups)).format(
                count=len(self.groups)))
        status.update(" · ".join(parts))
