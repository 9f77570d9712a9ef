"""The agreed-language pane: search adopted resolutions and PRSTs as you type, see a paragraph in
context, and send it (with its citation) to the PRST draft.

Keys: / search · ↑/↓ hits · p send to the PRST draft · x remove the highlighted hit's document
(after a confirmation) · ctrl+l load the sample library · ctrl+t import files or a folder (in a
worker, with a progress bar).
Searches run in a thread worker 0.25 s after the last keystroke and post `LibraryResults`; only
message handlers touch widgets. UN text is shown as rich Text (markup off: square brackets are
common in it), widths are counted in terminal cells.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Input, ProgressBar, Select, Static

from debateprep.domain.cells import head, tail
from debateprep.domain.errors import DebateprepError
from debateprep.domain.search_text import parse_query, snippet
from debateprep.i18n import N_, _, ngettext
from debateprep.services.topics import Topic
from debateprep.tui.localized import Column, add_columns, relabel_columns
from debateprep.tui.messages import Failed, SendToPrst
from debateprep.tui.pane import Pane

if TYPE_CHECKING:
    from debateprep.services.library import SearchHit
    from debateprep.storage.repos.library import StoredParagraph

DEBOUNCE_SECONDS = 0.25
SNIPPET_CELLS = 72
NEIGHBOUR_CELLS = 100
LIMIT = 100
HIGHLIGHT = "bold black on yellow"
SEARCH_PLACEHOLDER = N_("Search agreed language — Chinese substrings, English words, \"phrases\"")
COLUMNS = (Column("citation", N_("Citation")), Column("lead", N_("Lead")), Column("text", N_("Text")))


@dataclass(frozen=True)
class SearchParams:
    query: str
    lang: str | None
    kind: str | None
    lead: str | None
    year_from: int | None
    year_to: int | None


class LibraryResults(Message):
    """A search finished (in a worker): its parameters, hits, time taken, or the error."""

    def __init__(self, params: SearchParams, hits: list[SearchHit], elapsed_ms: float, error: str | None = None,
                 why_empty: str = "") -> None:
        self.params = params
        self.hits = hits
        self.elapsed_ms = elapsed_ms
        self.error = error
        self.why_empty = why_empty  # no hits: why, and what to do (what the library holds, how to add)
        super().__init__()


class LibraryContext(Message):
    """The highlighted paragraph with its neighbours (StoredParagraph list), loaded in a worker."""

    def __init__(self, paragraph_id: int, items: list[StoredParagraph], error: str | None = None) -> None:
        self.paragraph_id = paragraph_id
        self.items = items
        self.error = error
        super().__init__()


class LibraryInfo(Message):
    """How many documents the library holds (loaded in a worker)."""

    def __init__(self, documents: int) -> None:
        self.documents = documents
        super().__init__()


def parse_years(raw: str) -> tuple[int | None, int | None]:
    """"2000-2021", "2015-", "-1994", "2021" -> (from, to); ValueError when it is not years."""
    raw = raw.strip()
    if not raw:
        return None, None
    if "-" not in raw:
        year = int(raw)
        return year, year
    left, right = (part.strip() for part in raw.split("-", 1))
    return (int(left) if left else None), (int(right) if right else None)


class LibraryImported(Message):
    """An import (or the sample, or a removal) finished: what to tell the user, and how."""

    def __init__(self, title: str, note: str, severity: Literal["information", "warning", "error"]) -> None:
        self.title = title
        self.note = note
        self.severity = severity
        super().__init__()


class ImportProgress(Message):
    def __init__(self, done: int, total: int, current: str) -> None:
        self.done = done
        self.total = total
        self.current = current
        super().__init__()


class SearchInput(Input):
    """The search box. "/" is the pane's key to come here, so it is never typed as the first
    character of a search (no search starts with it; "S/RES" still can be typed). Escape and ↓ go
    down to the results, where the pane's keys (p: to the PRST draft) work."""

    BINDINGS = [
        Binding("escape", "results", N_("Results"), id="library-search-leave", tooltip=N_("go to the results")),
        Binding("down", "results", N_("Results"), show=False),
    ]

    class ToResults(Message):
        """Escape or ↓ in the search box."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "/" and not self.value:
            event.stop()
            event.prevent_default()  # (Input's own handler would type it)

    def action_results(self) -> None:
        self.post_message(self.ToResults())


class LibraryPane(Pane):
    BINDINGS = [
        Binding("slash", "focus_search", N_("Search"), id="library-focus-search", tooltip=N_("search agreed language")),
        Binding("p", "send_to_prst", N_("To PRST draft"), id="library-send-to-prst",
                tooltip=N_("send the highlighted paragraph to the PRST draft")),
        Binding("x", "remove_document", N_("Remove document"), id="library-remove",
                tooltip=N_("remove the highlighted paragraph's document from the library (asks first)")),
        Binding("ctrl+l", "load_sample", N_("Sample library"), id="library-load-sample",
                tooltip=N_("load the sample library (three resolutions)")),
        Binding("ctrl+t", "import_files", N_("Import"), id="library-import",
                tooltip=N_("import resolutions or statements, files or a folder")),
    ]
    TITLE = N_("Agreed language")
    TOPICS = frozenset({Topic.LIBRARY})
    DEFAULT_CSS = """
    LibraryPane { height: 1fr; }
    LibraryPane #lib-bar { height: auto; }
    LibraryPane #lib-query { width: 1fr; }
    LibraryPane #lib-filters { width: auto; height: auto; }
    LibraryPane #lib-lang { width: 16; }
    LibraryPane #lib-kind { width: 14; }
    LibraryPane #lib-lead { width: 15; }
    LibraryPane #lib-years { width: 15; }
    LibraryPane #lib-status { height: auto; max-height: 3; color: $text-muted; padding: 0 1; }
    LibraryPane #lib-table { height: 1fr; }
    LibraryPane #lib-progress { height: 1; padding: 0 1; display: none; }
    LibraryPane #lib-context-box { height: 12; border-top: solid $panel; }
    LibraryPane #lib-context { padding: 0 1; }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._timer: Timer | None = None
        self._hits: dict[str, SearchHit] = {}
        self._shown: SearchParams | None = None
        self.documents = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="lib-bar"):
            yield SearchInput(placeholder=_(SEARCH_PLACEHOLDER), id="lib-query")
            with Horizontal(id="lib-filters"):
                yield Select([("zh+en", ""), ("中文", "zh"), ("English", "en")], value="",
                             allow_blank=False, id="lib-lang")
                yield Select([("PP+OP", ""), ("PP", "PP"), ("OP", "OP"), ("PRST", "para")], value="",
                             allow_blank=False, id="lib-kind")
                yield Input(placeholder=_("lead verb"), id="lib-lead")
                yield Input(placeholder="2000-2021", id="lib-years")
        yield Static("", id="lib-status", markup=False)
        yield ProgressBar(id="lib-progress", show_eta=True)
        yield DataTable(id="lib-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="lib-context-box"):
            yield Static("", id="lib-context", markup=False)

    def on_mount(self) -> None:
        add_columns(self.query_one("#lib-table", DataTable), COLUMNS)
        self.load_info()

    def fit(self, width: int, height: int) -> None:
        """On a short terminal the search bar is compact (one line per field, no borders)."""
        for field in self.query("#lib-bar Input, #lib-bar Select").results():
            if isinstance(field, Input | Select):
                field.compact = height < 32

    def main_widget(self) -> Widget:
        """The results when there are some (p sends one to the PRST draft), else the search box."""
        table = self.query_one("#lib-table", DataTable)
        return table if table.row_count else self.query_one("#lib-query", Input)

    def relabel(self) -> None:
        relabel_columns(self.query_one("#lib-table", DataTable), COLUMNS)
        self.query_one("#lib-query", Input).placeholder = _(SEARCH_PLACEHOLDER)
        self.query_one("#lib-lead", Input).placeholder = _("lead verb")
        super().relabel()  # the status line and the results again

    # input -------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.claim_focus(self.query_one("#lib-query", Input))

    @on(SearchInput.ToResults)
    def _to_results(self, _message: SearchInput.ToResults) -> None:
        self.claim_focus(self.main_widget())

    @on(Input.Changed)
    @on(Select.Changed)
    def _inputs_changed(self, event: Message) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._start_search)

    @on(Input.Submitted, "#lib-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._start_search()
        self.query_one("#lib-table", DataTable).focus()

    def current_params(self) -> SearchParams | None:
        """What the search bar asks for; None (and a status line) when the years are not years."""
        years = self.query_one("#lib-years", Input).value
        try:
            year_from, year_to = parse_years(years)
        except ValueError:
            self._status(_("years: write 2000-2021, 2015- or -1994 (not {years!r})").format(years=years))
            return None
        lang = self.query_one("#lib-lang", Select).value
        kind = self.query_one("#lib-kind", Select).value
        return SearchParams(
            query=self.query_one("#lib-query", Input).value.strip(),
            lang=str(lang) if lang else None,
            kind=str(kind) if kind else None,
            lead=self.query_one("#lib-lead", Input).value.strip() or None,
            year_from=year_from,
            year_to=year_to,
        )

    def _start_search(self) -> None:
        params = self.current_params()
        if params is None:
            return
        if not params.query:
            self._shown = params
            self._fill([], params)
            self._status(self._idle_status())
            return
        self.run_search(params)

    # workers (no widget access) ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="library-search", exit_on_error=False)
    def run_search(self, params: SearchParams) -> None:
        started = time.perf_counter()
        try:
            service = self.services.library
            hits = service.search(params.query, limit=LIMIT, lang=params.lang, kind=params.kind, lead=params.lead,
                                  year_from=params.year_from, year_to=params.year_to)
            why = "" if hits else service.why_empty(params.query, lang=params.lang, kind=params.kind,
                                                    lead=params.lead, year_from=params.year_from,
                                                    year_to=params.year_to)
        except DebateprepError as exc:
            self.post_message(LibraryResults(params, [], 0.0, str(exc)))
            return
        self.post_message(LibraryResults(params, hits, (time.perf_counter() - started) * 1000, why_empty=why))

    @work(thread=True, exclusive=True, group="library-context", exit_on_error=False)
    def load_context(self, paragraph_id: int) -> None:
        try:
            items = self.services.library.context(paragraph_id, before=1, after=1)
        except DebateprepError as exc:
            self.report(LibraryContext(paragraph_id, [], str(exc)))
            return
        self.report(LibraryContext(paragraph_id, items))

    @work(thread=True, exclusive=True, group="library-info", exit_on_error=False)
    def load_info(self) -> None:
        self.report(LibraryInfo(self.services.library.count()))

    def action_load_sample(self) -> None:
        self._load_sample()

    @work(thread=True, exclusive=True, group="library-sample", exit_on_error=False)
    def _load_sample(self) -> None:
        try:
            report = self.services.library.load_sample()
        except DebateprepError as exc:
            self.post_message(Failed(str(exc), _("Library")))
            return
        self.post_message(LibraryImported(_("Sample library"), report.summary(), "information"))

    def action_import_files(self) -> None:
        from pathlib import Path

        from debateprep.tui.screens.import_dialog import ImportChoice, ImportPathsScreen

        start = Path.cwd()

        def chosen(choice: ImportChoice | None) -> None:
            if choice is not None:
                bar = self.query_one("#lib-progress", ProgressBar)
                bar.update(total=None, progress=0)
                bar.display = True
                self._status(_("Importing…"))
                self.import_paths(choice.paths)

        self.app.push_screen(ImportPathsScreen(
            _("Import resolutions or presidential statements (.txt, .md, .docx, .pdf): files or a whole folder. "
              "Resumable: what is already in the library is skipped."), start), chosen)

    @work(thread=True, exclusive=True, group="library-import", exit_on_error=False)
    def import_paths(self, paths: list[str]) -> None:
        def progress(done: int, total: int, current: str) -> None:
            self.post_message(ImportProgress(done, total, current))

        try:
            report = self.services.library.import_paths(paths, progress)
        except DebateprepError as exc:
            self.post_message(LibraryImported(_("Library import"), str(exc), "error"))
            return
        failed = "".join("\n" + _("failed: {path}: {reason}").format(path=path, reason=reason)
                         for path, reason in report.failed[:5])
        more = ("\n" + _("… and {count} more").format(count=len(report.failed) - 5)) if len(report.failed) > 5 else ""
        self.post_message(LibraryImported(_("Library import"), report.summary() + failed + more,
                                          "warning" if report.failed else "information"))

    @on(ImportProgress)
    def _progress(self, message: ImportProgress) -> None:
        self.query_one("#lib-progress", ProgressBar).update(total=message.total, progress=message.done)
        self._status(_("Importing {done}/{total}: {current}").format(
            done=message.done, total=message.total, current=message.current))

    @on(LibraryImported)
    def _import_done(self, message: LibraryImported) -> None:
        self.query_one("#lib-progress", ProgressBar).display = False
        self._status(self._idle_status())
        self.notify(message.note, title=message.title, severity=message.severity, markup=False)

    # handlers (widgets) ------------------------------------------------------------------

    def _idle_status(self) -> str:
        if not self.documents:
            return _("The library is empty: ctrl+l loads the three sample resolutions; ctrl+t imports files or a "
                     "folder.")
        return ngettext("{count} document in the library. Type to search; p sends a paragraph to the PRST draft.",
                        "{count} documents in the library. Type to search; p sends a paragraph to the PRST draft.",
                        self.documents).format(count=self.documents)

    def _status(self, text: str) -> None:
        self.query_one("#lib-status", Static).update(text)

    @on(LibraryInfo)
    def _info(self, message: LibraryInfo) -> None:
        self.documents = message.documents
        if not self.query_one("#lib-query", Input).value.strip():
            self._status(self._idle_status())

    @on(LibraryResults)
    def _results(self, message: LibraryResults) -> None:
        if message.params != self.current_params():
            return  # the user typed on; a newer search is coming
        if message.error:
            self._status(message.error)
            return
        self._shown = message.params
        self._fill(message.hits, message.params)
        if not message.hits and message.why_empty:
            self._status(message.why_empty)
        elif len(message.hits) >= LIMIT:
            self._status(_("{count} paragraphs (first {limit}) for {query!r}").format(
                count=len(message.hits), limit=LIMIT, query=message.params.query))
        else:
            self._status(ngettext("{count} paragraph for {query!r}", "{count} paragraphs for {query!r}",
                                  len(message.hits)).format(count=len(message.hits), query=message.params.query))
        if not message.hits and self.query_one("#lib-table", DataTable).has_focus:
            self.claim_focus(self.query_one("#lib-query", Input))  # nothing to act on: back to the search

    def _fill(self, hits: list[SearchHit], params: SearchParams) -> None:
        table = self.query_one("#lib-table", DataTable)
        table.clear()
        self._hits = {}
        query = parse_query(params.query)
        for hit in hits:
            key = str(hit.id)
            self._hits[key] = hit
            snip = snippet(hit.text, query, cells=SNIPPET_CELLS)
            text = Text(snip.text, no_wrap=True, overflow="ellipsis")
            for start, end in snip.spans:
                text.stylize(HIGHLIGHT, start, end)
            table.add_row(Text(hit.citation), Text(hit.paragraph.lead or "-"), text, key=key)
        context = self.query_one("#lib-context", Static)
        if not hits:
            context.update("")
        else:
            table.move_cursor(row=0)
            self.load_context(hits[0].id)

    @on(DataTable.RowHighlighted, "#lib-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if key is not None and key in self._hits:
            self.load_context(int(key))

    @on(LibraryContext)
    def _on_library_context(self, message: LibraryContext) -> None:
        box = self.query_one("#lib-context", Static)
        if message.error:
            box.update(message.error)
            return
        query = parse_query(self._shown.query) if self._shown else None
        text = Text()
        seen_current = False
        for item in message.items:
            current = item.id == message.paragraph_id
            p = item.paragraph
            if current:
                seen_current = True
                text.append(f"{p.citation}  [{p.lead or '-'}]\n", style="bold")
                body = Text(p.text + "\n")
                if query is not None:
                    for start, end in snippet(p.text, query, cells=10**6).spans:
                        body.stylize(HIGHLIGHT, start, end)
                text.append_text(body)
            else:  # neighbours in one line each: the end of the one before, the start of the one after
                line = f"…{tail(p.text, NEIGHBOUR_CELLS)}" if not seen_current else f"{head(p.text, NEIGHBOUR_CELLS)}…"
                text.append(f"{p.label}  ", style="dim bold")
                text.append(line + "\n", style="dim")
        text.rstrip()
        box.update(text)

    def selected_hit(self) -> SearchHit | None:
        table = self.query_one("#lib-table", DataTable)
        if not self._hits or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._hits.get(key) if key is not None else None

    def action_send_to_prst(self) -> None:
        hit = self.selected_hit()
        if hit is None:
            self.notify(_("Search and highlight a paragraph first."), title=_("Library"), markup=False)
            return
        self.post_message(SendToPrst(hit.text, hit.citation, hit.id, hit.paragraph.lang))
        self.notify(_("Sent {citation} to the PRST draft.").format(citation=hit.citation), title=_("Library"),
                    markup=False)

    def action_remove_document(self) -> None:
        hit = self.selected_hit()
        if hit is None:
            self.notify(_("Search and highlight a paragraph first."), title=_("Library"), markup=False)
            return
        from debateprep.tui.screens.brief_dialogs import ConfirmScreen

        symbol, lang = hit.symbol, hit.paragraph.lang

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(symbol, lang)

        self.app.push_screen(ConfirmScreen(
            _("Remove {symbol} ({lang}) from the library, with all its paragraphs?\n"
              "Importing its file again brings it back.").format(symbol=symbol, lang=lang),
            yes=_("Remove"), no=_("Keep it")), answered)

    @work(thread=True, exclusive=True, group="library-remove", exit_on_error=False)
    def _remove(self, symbol: str, lang: str) -> None:
        try:
            removed = self.services.library.remove(symbol, lang)
        except DebateprepError as exc:
            self.post_message(LibraryImported(_("Library"), str(exc), "error"))
            return
        note = "\n".join(ngettext("removed {symbol} ({lang}): {n} paragraph", "removed {symbol} ({lang}): {n} paragraphs",
                                  r.paragraphs).format(symbol=r.symbol, lang=r.lang, n=r.paragraphs) for r in removed)
        self.post_message(LibraryImported(_("Library"), note, "information"))

    def debate_changed(self) -> None:
        """The library is the same for every debate."""

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        self.load_info()
        if self.query_one("#lib-query", Input).value.strip():
            self._start_search()
