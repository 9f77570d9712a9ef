"""Benchmark: how long after F2..F7 each screen's content is on screen — the content, not a
placeholder — on the sample debate and on a 110-speaker debate (S/PV.8699: the speakers heard and
their 214 speeches, a PRST draft, our statement). Goal: each <= 100 ms after the key.

Each launch starts the app (Pilot, 120x40) on the database, waits until the concept-note screen
shows the current debate and the app has settled (it mounts the other panes in the background once
the first screen is up), then presses F2 to F7 in turn, each screen's first visit; after each key
it follows what the app paints (every update the compositor sends to the terminal, laid over a grid
of cells) until the first paint that shows that screen's markers and no "loading" placeholder. The
markers come from the data, through the CLI (`--json`), not from the TUI. For scale, the same run
measures the paint of benchmarks/launch_floor.py (a minimal Textual app showing the guiding
questions in a DataTable) in the same way, in process.

Run: .venv/bin/python benchmarks/bench_fkeys.py [LAUNCHES]
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
SPEECHES = REPO.parent / "shared" / "data" / "spv_2020_speeches"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))
# As installed for a user, debateprep runs from compiled bytecode; the warm-up launch writes it here.
sys.dont_write_bytecode = False

LAUNCHES = 5
GOAL_MS = 100.0
TIMEOUT = 30.0
KEYS = ("f2", "f3", "f4", "f5", "f6", "f7")
PLACEHOLDERS = ("Opening the database", "loading…", "Loading…")


def debateprep() -> list[str]:
    script = Path(sys.executable).with_name("debateprep")
    return [str(script)] if script.exists() else [sys.executable, "-m", "debateprep"]


def cli(db: Path, *args: str) -> str:
    done = subprocess.run([*debateprep(), "--db", str(db), *args], capture_output=True, text=True,
                          env={**os.environ, "DEBATEPREP_DATA_DIR": str(db.parent)})
    if done.returncode != 0:
        raise SystemExit(f"debateprep {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def sample_database(folder: Path) -> Path:
    db = folder / "sample.db"
    cli(db, "demo", "--no-tui")
    return db


def big_database(folder: Path, sample: Path) -> Path | None:
    """The sample database plus S/PV.8699 as the current debate: 110 speakers heard, their speeches."""
    files = sorted(str(p) for p in SPEECHES.glob("UNSC_2020_SPV.8699*.txt")) if SPEECHES.is_dir() else []
    if not files:
        return None
    db = folder / "big.db"
    db.write_bytes(sample.read_bytes())
    debate = json.loads(cli(db, "debate", "new", "Maintenance of international peace and security: "
                            "upholding the Charter", "--meeting", "8699", "--date", "2020-01-09",
                            "--presidency", "Viet Nam", "--lang", "en", "--json"))["id"]
    cli(db, "speakers", "import", str(debate), "--record", *files)
    cli(db, "statements", "import", str(debate), *files, "--record")  # (argparse: FILE… before the flag)
    cli(db, "prst", "new", str(debate))
    cli(db, "ours", "new", str(debate), "--delegation", "China")
    return db


def markers(db: Path) -> dict[str, list[str]]:
    """What each screen must show for the current (latest) debate, from the data."""
    debate = json.loads(cli(db, "debate", "show", "--json"))
    did = debate["id"]
    speakers = json.loads(cli(db, "speakers", "list", str(did), "--json"))
    listed = speakers["entries"] if isinstance(speakers, dict) else speakers
    placed = [e for e in listed if e.get("position")] if listed and "position" in listed[0] else listed
    statements = json.loads(cli(db, "statements", "list", str(did), "--json"))
    statements = statements["statements"] if isinstance(statements, dict) else statements
    documents = json.loads(cli(db, "library", "list", "--json"))
    documents = documents["documents"] if isinstance(documents, dict) else documents
    brief = folder_file(db, "brief.md")
    cli(db, "export", "brief", str(did), "-o", str(brief), "--force")
    title = next(line[2:].strip() for line in brief.read_text(encoding="utf-8").splitlines()
                 if line.startswith("# "))
    drafts = [d for d in json.loads(cli(db, "prst", "list", "--json")) if d["debate_id"] == did]
    draft = drafts[-1] if drafts else None
    ours = json.loads(cli(db, "ours", "list", str(did), "--json"))
    return {
        "f2": [f"{len(placed)} on the list"] if placed else ["No one on the speakers list yet"],
        "f3": [f"{len(statements)} statements"] if statements else ["No statements for this debate yet"],
        "f4": [f"{len(documents)} documents in the library"],
        "f5": [f"PRST draft #{draft['id']}"] if draft else ["No PRST draft for this debate yet"],
        "f6": [title[:20]],
        "f7": [f"Statement #{ours[-1]['id']}"] if ours else ["No statement of ours for this debate yet"],
    }


def current_questions(db: Path) -> list[str]:
    """The start of each guiding question of the current debate's concept note (none without one)."""
    note = json.loads(cli(db, "debate", "show", "--json")).get("concept_note_id")
    if not note:
        return []
    return [q["text"][:6] for q in json.loads(cli(db, "show", str(note), "--json"))["questions"]]


def folder_file(db: Path, name: str) -> Path:
    return db.parent / f"{db.stem}-{name}"


class Painted:
    """What the app has painted so far, as lines of text: every update the compositor sends to the
    terminal is laid over a 120x40 grid of cells, as a terminal would. `expect(markers)`, then `shown()`
    waits for the first paint that shows every marker and no placeholder, and says when it happened."""

    def __init__(self, app, size: tuple[int, int] = (120, 40)) -> None:  # type: ignore[no-untyped-def]
        self.width, self.height = size
        self.cells = [[" "] * self.width for _ in range(self.height)]
        self.wanted: list[str] = []
        self.seen = asyncio.Event()
        self.when = self.cpu_when = self.cpu = 0.0
        display = app._display

        def painted(screen, update) -> None:  # type: ignore[no-untyped-def]
            display(screen, update)
            self._lay(update)
            if self.wanted and not self.seen.is_set() and self.shows(self.wanted):
                self.when, self.cpu_when = time.perf_counter(), time.process_time()
                self.seen.set()

        app._display = painted

    def _put(self, x: int, y: int, strip) -> None:  # type: ignore[no-untyped-def]
        from rich.cells import get_character_cell_size

        if not 0 <= y < self.height:
            return
        row = self.cells[y]
        for segment in strip:
            if segment.control:
                continue
            for char in segment.text:
                size = get_character_cell_size(char)
                if 0 <= x < self.width:
                    row[x] = char
                    if size == 2 and x + 1 < self.width:
                        row[x + 1] = ""
                x += size

    def _lay(self, update) -> None:  # type: ignore[no-untyped-def]
        from textual._compositor import ChopsUpdate, LayoutUpdate

        if isinstance(update, LayoutUpdate):
            for y, line in enumerate(update.strips, update.region.y):
                x = update.region.x
                for strip in line:
                    self._put(x, y, strip)
                    x += strip.cell_length
        elif isinstance(update, ChopsUpdate):
            for y, _x1, _x2 in update.spans:
                for x, strip in update.chops[y].items():
                    if strip is not None:
                        self._put(x, y, strip)

    def text(self) -> str:
        return "\n".join("".join(row) for row in self.cells)

    def shows(self, wanted: list[str]) -> bool:
        text = self.text()
        return all(w in text for w in wanted) and not any(p in text for p in PLACEHOLDERS)

    def expect(self, wanted: list[str]) -> None:
        """Watch the paints from now on for the first that shows `wanted`."""
        self.wanted, self.seen = wanted, asyncio.Event()

    async def shown(self, start: float, cpu_start: float = 0.0) -> float:
        """Milliseconds from `start` to the first paint since `expect` that showed what it wants
        (and `cpu` the process's CPU milliseconds from `cpu_start` to that paint)."""
        try:
            await asyncio.wait_for(self.seen.wait(), TIMEOUT)
        except TimeoutError:
            raise SystemExit(f"never appeared: {self.wanted!r}; the screen was:\n{self.text()}") from None
        self.cpu = (self.cpu_when - cpu_start) * 1000
        return (self.when - start) * 1000


def press(app, key: str) -> None:  # type: ignore[no-untyped-def]
    """The key as the terminal driver delivers it. (Pilot.press also waits for every animation to
    finish, such as the tab underline's slide, which is not what a user waits for.)"""
    from textual import events

    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)


async def one_launch(db: Path, marks: dict[str, list[str]], ready: list[str]) -> dict[str, tuple[float, float]]:
    from debateprep.services.facade import Services
    from debateprep.tui.app import make_app

    app = make_app(Services.for_url(f"sqlite:///{db}"), offer_sample=False)
    screen = Painted(app)
    found: dict[str, tuple[float, float]] = {}
    screen.expect(ready)
    async with app.run_test(size=(120, 40)) as pilot:
        await screen.shown(0.0)
        # settled: every pane mounted in the background (the app does that once the first screen
        # is up) and nothing left running
        deadline = time.perf_counter() + TIMEOUT
        while (not app.is_started or len(app.panes()) < len(KEYS) + 1
               or any(not w.is_finished for w in app.workers)) and time.perf_counter() < deadline:
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        for key in KEYS:
            screen.expect(marks[key])
            start, cpu_start = time.perf_counter(), time.process_time()
            press(app, key)
            found[key] = (await screen.shown(start, cpu_start), screen.cpu)
            await app.workers.wait_for_complete()
            await pilot.pause(0.1)
    return found


async def floor_paint(db: Path, wanted: list[str]) -> float:
    from launch_floor import Floor

    start = time.perf_counter()
    app = Floor(str(db))
    screen = Painted(app)
    screen.expect(wanted)
    async with app.run_test(size=(120, 40)):
        return await screen.shown(start)


def main() -> None:
    launches = int(sys.argv[1]) if len(sys.argv) > 1 else LAUNCHES
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sample = sample_database(folder)
        databases = {"sample debate (19 speakers)": sample}
        big = big_database(folder, sample)
        if big is None:
            print(f"(no {SPEECHES}: the 110-speaker debate is left out)")
        else:
            databases["S/PV.8699 (110 speakers, 214 speeches)"] = big
        question_prefixes = current_questions(sample)
        # In its own process: its tables would clash with debateprep's in SQLModel's one metadata.
        floor = json.loads(subprocess.run(
            [sys.executable, __file__, "--floor", str(sample), str(launches), json.dumps(question_prefixes)],
            capture_output=True, text=True, check=True).stdout)
        print(f"F-key to the screen's content, Pilot 120x40, median of {launches} launches (first visit "
              f"of each screen after the start has settled); goal <= {GOAL_MS:.0f} ms")
        print(f"  for scale: minimal Textual + SQLModel app, start to its question rows painted: "
              f"{statistics.median(floor):5.0f} ms")
        worst = 0.0
        for label, db in databases.items():
            marks = markers(db)
            ready = current_questions(db) or ["No concept note yet"]
            asyncio.run(one_launch(db, marks, ready))  # warm-up: page cache, bytecode, lazy imports
            runs = [asyncio.run(one_launch(db, marks, ready)) for _ in range(launches)]
            cells, cpu_cells = [], []
            for key in KEYS:
                ms = statistics.median(r[key][0] for r in runs)
                cpu = statistics.median(r[key][1] for r in runs)
                worst = max(worst, ms)
                cells.append(f"{key.upper()} {ms:5.0f}")
                cpu_cells.append(f"{key.upper()} {cpu:5.0f}")
            print(f"  {label:40} " + "  ".join(cells) + " ms wall")
            print(f"  {'':40} " + "  ".join(cpu_cells) + " ms CPU (this process, every thread)")
        print(f"  slowest screen: {worst:.0f} ms after its key (goal <= {GOAL_MS:.0f} ms): "
              f"{'met' if worst <= GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--floor"]:
        db_path, n, wanted = Path(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
        print(json.dumps([asyncio.run(floor_paint(db_path, wanted)) for _ in range(n)]))
    else:
        main()
