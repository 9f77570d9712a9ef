"""Benchmark: cold start of the TUI to first paint with the sample debate loaded, against a minimal
Textual app's first paint measured in the same run (goal: within 1.3x); and the brief preview of a
full debate (100 speakers, 13 guiding questions, a 15-paragraph PRST) built and rendered without
blocking input, against Textual's Markdown widget on the same document.

Cold start = a fresh Python process, from spawn to the first frame (headless), interpreter start and
imports included, for both apps. "Blocking" = the longest stall of the event loop while the brief
is built and shown, seen by a 10 ms timer (what a key press would wait).

Run: .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

RUNS = 11
TICK = 0.010


# -- children: one process per cold start -----------------------------------------------------


def child_minimal() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("hello")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            print("painted", flush=True)
            self.exit()

    Minimal().run(headless=True, size=(120, 40))


def child_app(db_url: str) -> None:
    """What `debateprep --db URL` runs (cli/tui.py), with marks at first paint and debate shown."""
    from debateprep.services.facade import Services
    from debateprep.tui.app import DebatePrepApp, stylesheet_path

    class Timed(DebatePrepApp):
        CSS_PATH = str(stylesheet_path())  # a subclass elsewhere would look for it beside this file

        _tabs_seen = False

        def on_mount(self) -> None:
            self.call_after_refresh(self._painted)
            self.set_interval(0.005, self._debate_shown)

        def _painted(self) -> None:
            print("painted", flush=True)

        def _debate_shown(self) -> None:
            if not self._tabs_seen and self.query("#tabs"):
                self._tabs_seen = True
                print("tabs", flush=True)
            if self.is_started:  # the pane on screen shows the current debate
                print("debate", flush=True)
                self.exit()

    Timed(Services.for_url(db_url), offer_sample=False).run(headless=True, size=(120, 40))


def cold_start(args: list[str]) -> dict[str, float]:
    """Milliseconds from spawning the process to each line it prints."""
    marks: dict[str, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        marks[line.strip()] = (time.perf_counter() - start) * 1000
    if proc.wait() != 0 or "painted" not in marks:
        raise SystemExit(f"child {args} failed")
    return marks


# -- a full debate ----------------------------------------------------------------------------


def full_debate(folder: Path) -> tuple[str, int]:
    """The sample debate grown to 100 speakers and a 15-paragraph PRST draft."""
    from debateprep.domain.prst import Provenance
    from debateprep.services.library import LibraryService
    from debateprep.services.prst import PrstService
    from debateprep.services.sample import load_sample
    from debateprep.services.speakers import SpeakersService
    from debateprep.storage.db import open_database

    url = f"sqlite:///{folder / 'full.db'}"
    db = open_database(url)
    load_sample(db)
    from debateprep.services.debates import DebateService

    debate = DebateService(db).latest()
    assert debate is not None and debate.id is not None
    speakers = SpeakersService(db)
    present = {e.delegation_code for e in speakers.entries(debate.id)}
    t0 = datetime(2014, 2, 6, 9)
    for state in speakers.roster.states():
        if len(present) >= 100:
            break
        if state.code not in present:
            speakers.add(debate.id, state.name, inscribed_at=t0 + timedelta(minutes=len(present)))
            present.add(state.code)
    library = LibraryService(db)
    prst = PrstService(db)
    draft = prst.new_draft(debate.id, "zh")
    assert draft.id is not None
    added = 0
    for doc in library.documents():
        for paragraph in library.show(doc.symbol).paragraphs:
            if added == 15:
                break
            if paragraph.sub or paragraph.lang != "zh":
                continue
            prst.add_text(draft.id, paragraph.text,
                          provenance=Provenance("library", citation=paragraph.citation, source_text=paragraph.text))
            added += 1
    db.dispose()
    return url, debate.id


async def brief_preview(db_url: str, widget: str) -> tuple[float, float, int]:
    """(ms until the brief is on screen, longest event-loop stall in ms, markdown size in bytes)."""
    from textual.widgets import Markdown

    from debateprep.exporters.markdown import flat_parser
    from debateprep.services.facade import Services
    from debateprep.storage.db import open_database
    from debateprep.tui.app import make_app
    from debateprep.tui.screens.brief import BriefPane
    from debateprep.tui.widgets.markdown_preview import MarkdownPreview

    db = open_database(db_url)
    app = make_app(Services(db), offer_sample=False)
    app.PREMOUNT = False  # the brief is mounted and built when F6 asks for it: the worst case for stalls
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        stalls: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            stalls.append(now - last[0] - TICK)
            last[0] = now

        start = time.perf_counter()
        timer = app.set_interval(TICK, tick)
        await pilot.press("f6")
        while not app.query(BriefPane):
            await asyncio.sleep(0.005)
        pane = app.query_one(BriefPane)
        while pane.built is None:
            await asyncio.sleep(0.005)
        if widget == "preview":
            preview = app.query_one(MarkdownPreview)
            while preview.rendering or preview.line_count == 0:
                await asyncio.sleep(0.005)
        else:  # the same document in Textual's Markdown widget, which mounts a widget per block
            markdown = Markdown(parser_factory=flat_parser)
            await pane.mount(markdown)
            await markdown.update(pane.built.markdown)
        await pilot.pause()
        elapsed = (time.perf_counter() - start) * 1000
        timer.stop()
        size = len(pane.built.markdown.encode("utf-8"))
    db.dispose()
    return elapsed, max(stalls, default=0.0) * 1000, size


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        from debateprep.services.sample import load_sample
        from debateprep.storage.db import open_database

        sample_url = f"sqlite:///{folder / 'sample.db'}"
        db = open_database(sample_url)
        load_sample(db)
        db.dispose()

        minimal, painted, tabs, shown = [], [], [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine
            minimal.append(cold_start(["--child", "minimal"])["painted"])
            marks = cold_start(["--child", "app", sample_url])
            painted.append(marks["painted"])
            tabs.append(marks["tabs"])
            shown.append(marks["debate"])
        m, p, t, s = (statistics.median(x) for x in (minimal, painted, tabs, shown))
        print(f"cold start to first paint, headless 120x40, median of {RUNS} (process spawn included)")
        print(f"  minimal Textual app (header, text, footer): {m:7.0f} ms")
        print(f"  debateprep, sample debate in the database:  {p:7.0f} ms   ratio {p / m:.2f}x (goal <= 1.30x)")
        print(f"  ... the six tabs mounted:                   {t:7.0f} ms   ratio {t / m:.2f}x")
        print(f"  ... the current debate on screen (database open, its pane showing it): {s:7.0f} ms   ratio "
              f"{s / m:.2f}x (bench_launch.py measures this in a real terminal)")

        url, _ = full_debate(folder)
        runs = [asyncio.run(brief_preview(url, "preview")) for _ in range(3)]
        ready, stall, size = (statistics.median(x) for x in zip(*runs, strict=True))
        widget_ready, widget_stall, _ = asyncio.run(brief_preview(url, "markdown-widget"))
        print(f"brief preview of a full debate (100 speakers, 13 questions, 15-paragraph PRST; {size / 1024:.1f} KB)")
        print(f"  built + rendered off the event loop: {ready:7.0f} ms to screen, longest input stall {stall:5.0f} ms")
        print(f"  Textual Markdown widget, same text:  {widget_ready:7.0f} ms to screen, longest input stall "
              f"{widget_stall:5.0f} ms")
        print(f"  ratio of longest stalls, preview / Markdown widget: {stall / widget_stall:.3f}x; "
              f"preview stall / minimal first paint: {stall / m:.3f}x")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child_minimal() if sys.argv[2] == "minimal" else child_app(sys.argv[3])
    else:
        main()
