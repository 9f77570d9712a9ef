"""Benchmark: launch of the real `debateprep` in a real terminal (tmux, 120x40) until the current
debate's guiding questions are readable on screen, against the floor of this stack measured the
same way in the same run: benchmarks/launch_floor.py, a minimal Textual app that opens the same
SQLite file with SQLModel and shows the same question rows in a DataTable. Goal: <= 1.3x.

The database holds the seed concept note S/2014/74 (13 guiding questions), imported with the CLI.
"Readable" = the start of every question's text is on the screen (`tmux capture-pane`, polled every
10 ms). Runs alternate between the two programs; medians over the runs. The time to the first frame
(anything on the screen) is shown beside it, for each.

Run: .venv/bin/python benchmarks/bench_launch.py [RUNS]
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
FLOOR = Path(__file__).resolve().with_name("launch_floor.py")
RUNS = 9
GOAL = 1.3
PREFIX = 6  # characters of each question that must be on screen (12 cells of Chinese)
POLL = 0.010
TIMEOUT = 60.0


def debateprep() -> list[str]:
    script = Path(sys.executable).with_name("debateprep")
    return [str(script)] if script.exists() else [sys.executable, "-m", "debateprep"]


class Tmux:
    """A private tmux server (its own socket), kept alive by an idle session between runs so that
    starting the server is never part of a measurement."""

    def __init__(self, folder: Path) -> None:
        self.socket = str(folder / "tmux.sock")
        self._tmux("new-session", "-d", "-s", "idle", "-x", "120", "-y", "40", "sleep 100000")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True,
                              check=False).stdout

    def launch(self, command: str, wanted: list[str]) -> tuple[float, float]:
        """(ms to the first frame, ms until every `wanted` text is on screen) for one cold start."""
        first = 0.0
        start = time.perf_counter()
        self._tmux("new-session", "-d", "-s", "run", "-x", "120", "-y", "40", command)
        try:
            while (elapsed := time.perf_counter() - start) < TIMEOUT:
                screen = self._tmux("capture-pane", "-p", "-t", "run")
                if not first and screen.strip():
                    first = elapsed * 1000
                if all(text in screen for text in wanted):
                    return first, elapsed * 1000
                time.sleep(POLL)
            raise SystemExit(f"{command}: the questions never appeared; the screen was:\n{screen}")
        finally:
            self._tmux("kill-session", "-t", "run")

    def close(self) -> None:
        self._tmux("kill-server")


def main() -> None:
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is not installed")
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "DEBATEPREP_DATA_DIR": tmp}
        env.pop("DEBATEPREP_DATABASE_URL", None)
        # As installed for a user, debateprep runs from compiled bytecode (pip compiles it, and an
        # editable install writes it on first use): the warm-up run writes it here too.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = folder / "seed.db"
        subprocess.run([*debateprep(), "--db", str(db), "import", str(SEED)], env=env, check=True,
                       capture_output=True)
        shown = subprocess.run([*debateprep(), "--db", str(db), "show", "1", "--json"], env=env, check=True,
                               capture_output=True, text=True).stdout
        wanted = [q["text"][:PREFIX] for q in json.loads(shown)["questions"]]
        prefix = (f"cd {shlex.quote(tmp)} && exec env -u COLUMNS -u LINES -u PYTHONDONTWRITEBYTECODE "
                  f"DEBATEPREP_DATA_DIR={shlex.quote(tmp)} ")
        programs = {
            "floor": prefix + shlex.join([sys.executable, str(FLOOR), str(db)]),
            "debateprep": prefix + shlex.join([*debateprep(), "--db", str(db)]),
        }
        tmux = Tmux(folder)
        try:
            for command in programs.values():
                tmux.launch(command, wanted)  # warm the page cache and the bytecode caches once
            first: dict[str, list[float]] = {name: [] for name in programs}
            readable: dict[str, list[float]] = {name: [] for name in programs}
            for _ in range(runs):
                for name, command in programs.items():
                    f, r = tmux.launch(command, wanted)
                    first[name].append(f)
                    readable[name].append(r)
        finally:
            tmux.close()
    floor = statistics.median(readable["floor"])
    ours = statistics.median(readable["debateprep"])
    print(f"launch until the {len(wanted)} guiding questions of the seed note are readable, tmux 120x40, "
          f"medians of {runs} alternating runs")
    print(f"  minimal Textual + SQLModel app (floor): {floor:6.0f} ms   first frame "
          f"{statistics.median(first['floor']):5.0f} ms   (runs {min(readable['floor']):.0f}-"
          f"{max(readable['floor']):.0f})")
    print(f"  debateprep --db FILE:                   {ours:6.0f} ms   first frame "
          f"{statistics.median(first['debateprep']):5.0f} ms   (runs {min(readable['debateprep']):.0f}-"
          f"{max(readable['debateprep']):.0f})")
    ratio = ours / floor
    print(f"  ratio {ratio:.2f}x (goal <= {GOAL:.2f}x): {'met' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
