"""Hostile-corpus run: thousands of hostile files through every importer, then every export.

Not a unit test: it reports counts. For each importer (concept notes, statements, verbatim
records, the library, speakers CSV, backups) it generates hostile files from real material
(tests/support/hostile.py: truncated, corrupted, re-encoded, escape sequences and bidi overrides,
formulas, pathological shapes of a few hundred KB, hostile file names), runs the CLI command on
each, in-process, and counts:

  tracebacks      a Python traceback, an "internal error" line, or an exit code other than 0, 1, 2
  partial writes  a refused command that changed any table's row count
  slow answers    a command that took longer than 5 s (wall clock; the machine is shared)
  raw output      an escape, control or bidi-control character printed or exported as it is
  stray lines     a stderr line that is not ours ("debateprep: error: …", "failed: …" …)

After every Nth accepted import it imports that file again into a fresh database and runs every
export there (brief markdown and HTML, PRST clean and annotated, speakers CSV, backup), checking them
the same way and that each file is 0600. (In a fresh database: the debate of the run accumulates
thousands of accepted statements, and the brief over that many is known to be slow, see README.)
Run: .venv/bin/python benchmarks/hostile_run.py [--per-kind 500] [--seed 17]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from debateprep.cli.main import main  # noqa: E402
from debateprep.storage import backup as store  # noqa: E402
from debateprep.storage.db import open_database  # noqa: E402
from tests.support.hostile import KINDS, generate_corpus  # noqa: E402

SLOW_SECONDS = 5.0
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
OURS = ("debateprep: error: ", "failed: ", "doubt: ", "warning: ", "skipped: ", "wrote ", "debateprep: ",
        "usage: ", "  ", "next: ")
COMMANDS = {
    "concept_note": [["import", "{f}"]],
    "statement": [["statements", "import", "1", "{f}"]],
    "record": [["statements", "import", "1", "--record", "{f}"], ["speakers", "import", "1", "--record", "{f}"]],
    "library": [["library", "import", "{f}"]],
    "speakers_csv": [["speakers", "import", "{d}", "{f}"]],  # a new debate for each list
    "backup": [["restore", "{f}"]],
}
EXPORTS = (
    ("brief.md", ["export", "brief", "1", "-o"]),
    ("brief.html", ["export", "brief", "1", "--html", "-o"]),
    ("prst.md", ["prst", "export", "1", "-o"]),
    ("prst-annotated.md", ["prst", "export", "1", "--annotated", "-o"]),
    ("speakers.csv", ["speakers", "export", "1", "-o"]),
    ("backup.json", ["backup"]),
)


def run(args: list[str], url: str) -> tuple[int, str, str, float, str | None]:
    """The CLI in-process: exit code, stdout, stderr, seconds, and an exception that escaped main()."""
    out, err = io.StringIO(), io.StringIO()
    escaped = None
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", url, *[str(a) for a in args]])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - counted as a traceback
            code, escaped = 99, f"{type(exc).__name__}: {exc}"
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - start, escaped


def counts(url: str) -> dict[str, int]:
    return store.table_counts(open_database(url, migrate=False))


@contextlib.contextmanager
def fresh_db(template: Path, folder: Path, name: str) -> Iterator[str]:
    path = folder / f"{name}.db"
    shutil.copy(template, path)
    os.chmod(path, 0o600)
    yield f"sqlite:///{path}"


class Tally:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.slowest = 0.0
        self.examples: dict[str, str] = {}

    def note(self, kind: str, example: str) -> None:
        self.c[kind] += 1
        self.examples.setdefault(kind, example[:300])

    def check(self, args: list[str], result: tuple[int, str, str, float, str | None]) -> None:
        code, out, err, seconds, escaped = result
        self.c["runs"] += 1
        self.slowest = max(self.slowest, seconds)
        what = " ".join(str(a) for a in args)
        if escaped or "Traceback" in out + err or "internal error" in err or code not in (0, 1, 2):
            self.note("tracebacks", f"{what}: {escaped or err[-300:]}")
        if seconds > SLOW_SECONDS:
            self.note("slow", f"{what}: {seconds:.1f} s")
        if RAW.search(out) or RAW.search(err):
            self.note("raw output", f"{what}: {ascii((out + err)[:200])}")
        stray = [line for line in err.splitlines() if line.strip() and not line.startswith(OURS)]
        if stray:
            self.note("stray lines", f"{what}: {stray[0]}")
        self.c["accepted" if code == 0 else "refused"] += 1


def seed_database(url: str) -> None:
    """Debate #1 with a meeting date, the sample library, a speaker and a PRST paragraph."""
    for args in (["debate", "new", "Protection of civilians in armed conflict", "--meeting", "7109",
                  "--date", "2014-02-12"],
                 ["library", "import", REPO / "library_samples"],
                 ["speakers", "add", "1", "China"],
                 ["prst", "new", "1", "--lang", "zh"],
                 ["prst", "add", "1", "--library", "S/RES/2518 (2020), OP 1"]):
        code, _out, err, _s, _e = run([str(a) for a in args], url)
        if code != 0:
            raise SystemExit(f"seeding failed: {args}: {err}")


def new_debate(url: str) -> str:
    code, out, err, _s, _e = run(["debate", "new", "Hostile list", "--date", "2014-02-12", "--json"], url)
    if code != 0:
        raise SystemExit(f"could not create a debate: {err}")
    return str(json.loads(out)["id"])


def check_exports(url: str, folder: Path, tally: Tally) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, args in EXPORTS:
        target = folder / name
        result = run([*args, str(target), "--force"] if name != "backup.json" else [*args, str(target), "--force"],
                     url)
        tally.check([*args, name], result)
        if result[0] != 0:
            tally.note("exports refused", f"{name}: {result[2][:200]}")
            continue
        tally.c["exports written"] += 1
        content = target.read_text(encoding="utf-8", errors="replace")
        if name != "backup.json" and RAW.search(content):  # a backup is data, restored as it is
            tally.note("raw in exports", f"{name}: {ascii(RAW.search(content).group())}")  # type: ignore[union-attr]
        if stat.S_IMODE(target.stat().st_mode) != 0o600:
            tally.note("exports not private", name)


def main_run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=500, help="hostile files per importer (default 500)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--export-every", type=int, default=5, help="run every export after every Nth accepted import")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS), help="only these importers")
    options = parser.parse_args()
    os.environ.setdefault("DEBATEPREP_DATA_DIR", tempfile.mkdtemp(prefix="debateprep-hostile-data-"))
    work = Path(tempfile.mkdtemp(prefix="debateprep-hostile-"))
    template = work / "template.db"
    open_database(f"sqlite:///{template}").dispose()

    with fresh_db(template, work, "source") as source:  # a real backup to damage
        seed_database(source)
        run(["speakers", "import", "1", "--briefers"], source)
        run(["backup", str(work / "real-backup.json")], source)
        backup = json.loads((work / "real-backup.json").read_text(encoding="utf-8"))

    started = time.perf_counter()
    corpus = generate_corpus(work / "corpus", options.per_kind, options.seed, backup)
    print(f"generated {sum(len(v) for v in corpus.values())} hostile files in "
          f"{time.perf_counter() - started:.0f} s ({work / 'corpus'})", flush=True)

    totals = Tally()
    exports = Tally()
    for kind in options.kinds:
        tally = Tally()
        with fresh_db(template, work, kind) as url:
            seed_database(url)
            accepted = 0
            for index, path in enumerate(corpus[kind]):
                commands = COMMANDS[kind]
                if kind == "backup":  # a restore needs an empty database
                    ctx = fresh_db(template, work, f"restore{index % 2}")
                    target = ctx.__enter__()
                else:
                    target = url
                debate = new_debate(target) if kind == "speakers_csv" else "1"
                for command in commands:
                    args = [a.replace("{f}", str(path)).replace("{d}", debate) for a in command]
                    before = counts(target)
                    result = run(args, target)
                    tally.check(args, result)
                    if result[0] != 0 and counts(target) != before:
                        tally.note("partial writes", " ".join(args))
                    if result[0] == 0:
                        accepted += 1
                        if accepted % options.export_every == 0:
                            with fresh_db(template, work, "exports") as alone:
                                seed_database(alone)
                                if kind == "backup":
                                    run(["restore", str(path), "--replace"], alone)
                                else:
                                    run([a.replace("{f}", str(path)).replace("{d}", "1") for a in command], alone)
                                check_exports(alone, work / "exports" / kind, exports)
                if kind == "backup":
                    ctx.__exit__(None, None, None)
        print(f"{kind:13} files {len(corpus[kind]):5}  runs {tally.c['runs']:5}  accepted {tally.c['accepted']:5}  "
              f"refused {tally.c['refused']:5}  tracebacks {tally.c['tracebacks']}  partial writes "
              f"{tally.c['partial writes']}  slow(>{SLOW_SECONDS:.0f}s) {tally.c['slow']}  raw {tally.c['raw output']}  "
              f"stray {tally.c['stray lines']}  slowest {tally.slowest:.2f} s", flush=True)
        for name, example in tally.examples.items():
            print(f"    e.g. {name}: {example}")
        totals.c.update(tally.c)
        totals.slowest = max(totals.slowest, tally.slowest)
    print(f"exports       runs {exports.c['runs']:5}  written {exports.c['exports written']:5}  "
          f"refused {exports.c['exports refused']}  tracebacks {exports.c['tracebacks']}  raw in files "
          f"{exports.c['raw in exports']}  raw output {exports.c['raw output']}  not private "
          f"{exports.c['exports not private']}  slowest {exports.slowest:.2f} s")
    for name, example in exports.examples.items():
        print(f"    e.g. {name}: {example}")
    bad = sum(totals.c[k] + exports.c[k] for k in ("tracebacks", "partial writes", "slow", "raw output", "stray lines",
                                                    "raw in exports", "exports not private"))
    print(f"total: {totals.c['runs'] + exports.c['runs']} runs on {sum(len(v) for v in corpus.values())} files; "
          f"tracebacks {totals.c['tracebacks'] + exports.c['tracebacks']}, partial writes {totals.c['partial writes']}, "
          f"slower than {SLOW_SECONDS:.0f} s {totals.c['slow'] + exports.c['slow']} (slowest "
          f"{max(totals.slowest, exports.slowest):.2f} s), printed raw {totals.c['raw output'] + exports.c['raw output']}, "
          f"exported raw {exports.c['raw in exports']}, stray lines {totals.c['stray lines'] + exports.c['stray lines']}")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main_run())
