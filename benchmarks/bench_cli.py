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


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall-clock ms, CPU ms: user + system) of one run; the command must succeed. CPU time is
    what the command itself costs; wall time also holds what other programs took from it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.strip()}")
    return elapsed, (usage.ru_utime + usage.ru_stime) * 1000


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
        wall: dict[str, list[float]] = {name: [] for name in ["reference", *commands, *extra]}
        cpu: dict[str, list[float]] = {name: [] for name in wall}
        for _ in range(rounds):
            for name, cmd in [("reference", reference),
                              *((n, [*debateprep(), "--db", db, *a]) for n, a in commands.items()),
                              *extra.items()]:
                w, c = run(cmd, env)
                wall[name].append(w)
                cpu[name].append(c)
        ref_wall, ref_cpu = statistics.median(wall["reference"]), statistics.median(cpu["reference"])
        print(f"CLI commands on an existing SQLite database (seed note, 19 speakers, sample library); "
              f"medians of {rounds} interleaved rounds; wall clock, and CPU time (user + system)")
        label = 'python -c "import sqlmodel" (reference)'
        print(f"  {label:44} {ref_wall:7.0f} ms wall            {ref_cpu:7.0f} ms CPU")
        worst_wall = worst_cpu = 0.0
        for name in [*commands, *extra]:
            w, c = statistics.median(wall[name]), statistics.median(cpu[name])
            if name in commands:
                worst_wall, worst_cpu = max(worst_wall, w / ref_wall), max(worst_cpu, c / ref_cpu)
            pad = " " * max(0, 33 - cell_len(name))  # Chinese characters take two cells
            print(f"  debateprep {name}{pad} {w:7.0f} ms wall ({w / ref_wall:.2f}x)  "
                  f"{c:7.0f} ms CPU ({c / ref_cpu:.2f}x)")
        print(f"  worst database command: {worst_wall:.2f}x the reference in wall time, {worst_cpu:.2f}x in "
              f"CPU time (goal <= {GOAL:.2f}x): {'met' if worst_wall <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
