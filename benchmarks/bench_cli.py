"""Benchmark: what a user waits for at the command line — `notes`, `speakers list`, `show` and
`library search` on an existing database — against `python -c "import sqlmodel"` (the floor of
this stack: any command that reads the database has to load SQLModel), measured in the same run.

The database is made with the CLI itself: the seed concept note S/2014/74, its briefers and the
2014 Council on the speakers list, the bundled sample library. Each round runs the reference and
then every command once (a fresh process each, as a user or a script would), so all of them see
the same machine; the figures are medians over the rounds. Goal: each command <= 1.25x.

Run: .venv/bin/python benchmarks/bench_cli.py [ROUNDS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.cells import cell_len

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
ROUNDS = 11
GOAL = 1.25


def debateprep() -> list[str]:
    """The installed `debateprep` command beside this interpreter (what a user runs)."""
    script = Path(sys.executable).with_name("debateprep")
    return [str(script)] if script.exists() else [sys.executable, "-m", "debateprep"]


def run(cmd: list[str], env: dict[str, str]) -> float:
    """Wall-clock milliseconds of one run; the command must succeed."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.strip()}")
    return elapsed


def make_database(folder: Path, env: dict[str, str]) -> str:
    db = str(folder / "seed.db")
    for args in (["import", str(SEED)], ["speakers", "import", "1", "--briefers"],
                 ["speakers", "import", "1", "--council"], ["library", "sample"]):
        run([*debateprep(), "--db", db, *args], env)
    return db


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DEBATEPREP_DATA_DIR": tmp}
        env.pop("DEBATEPREP_DATABASE_URL", None)
        # As installed for a user, debateprep runs from compiled bytecode (pip compiles it, and an
        # editable install writes it on first use): the warm-up run writes it here too.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = make_database(Path(tmp), env)
        reference = [sys.executable, "-c", "import sqlmodel"]
        commands = {
            "notes": ["notes"],
            "speakers list 1": ["speakers", "list", "1"],
            "show 1": ["show", "1"],
            "library search 保护平民": ["library", "search", "保护平民"],
        }
        extra = {"--help (no database)": [*debateprep(), "--help"]}
        for cmd in [reference, *([*debateprep(), "--db", db, *a] for a in commands.values())]:
            run(cmd, env)  # warm the page cache and the bytecode caches once
        times: dict[str, list[float]] = {name: [] for name in ["reference", *commands, *extra]}
        for _ in range(rounds):
            times["reference"].append(run(reference, env))
            for name, args in commands.items():
                times[name].append(run([*debateprep(), "--db", db, *args], env))
            for name, cmd in extra.items():
                times[name].append(run(cmd, env))
        ref = statistics.median(times["reference"])
        print(f"CLI commands on an existing SQLite database (seed note, 19 speakers, sample library); "
              f"medians of {rounds} interleaved rounds")
        label = 'python -c "import sqlmodel" (reference)'
        print(f"  {label:44} {ref:7.0f} ms")
        worst = 0.0
        for name in [*commands, *extra]:
            ms = statistics.median(times[name])
            ratio = ms / ref
            if name in commands:
                worst = max(worst, ratio)
            pad = " " * max(0, 33 - cell_len(name))  # Chinese characters take two cells
            print(f"  debateprep {name}{pad} {ms:7.0f} ms   ratio {ratio:.2f}x")
        print(f"  worst database command: {worst:.2f}x the reference (goal <= {GOAL:.2f}x): "
              f"{'met' if worst <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
