"""Concept-note import speed, against `cat` of the same file as the floor (measured in this run).

    .venv/bin/python benchmarks/bench_import.py [--runs N]

For each note (the seed as .txt, GB18030, .docx, .pdf; the English sample as .txt and .pdf):
- cat:    `cat FILE > /dev/null` as a process (the floor: start a process, read the bytes)
- read:   read_document (decode or extract, normalise), in process
- parse:  read + parse_concept_note, in process
- import: NotesService.import_file into a fresh SQLite database (one transaction), in process
- cli:    `debateprep --db … import FILE` as a process, like a user or a script runs it
Times are medians; ratios are against cat. Per MB = time / file size.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOTES = [
    REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt",
    REPO / "tests" / "fixtures" / "notes" / "seed_note.gb18030.txt",
    REPO / "tests" / "fixtures" / "notes" / "seed_note.docx",
    REPO / "tests" / "fixtures" / "notes" / "seed_note.pdf",
    REPO / "concept_notes" / "concept-note_sample_transitions.en.txt",
    REPO / "tests" / "fixtures" / "notes" / "sample_note_en.pdf",
]


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from debateprep.domain.concept_note import parse_concept_note
    from debateprep.importers.reader import read_document
    from debateprep.services.notes import NotesService
    from debateprep.storage.db import open_database

    tmp = Path(tempfile.mkdtemp(prefix="bench_import_"))
    template = tmp / "template.db"
    open_database(f"sqlite:///{template}").dispose()
    counter = iter(range(10**6))

    def import_fresh(path: Path) -> None:
        target = tmp / f"db{next(counter)}.db"
        target.write_bytes(template.read_bytes())
        db = open_database(f"sqlite:///{target}")
        NotesService(db).import_file(path)
        db.dispose()

    def parse(path: Path) -> None:
        doc = read_document(path)
        parse_concept_note(doc.text, furniture=doc.furniture)

    exe = [sys.executable, "-m", "debateprep"]
    header = f"{'file':<32}{'KB':>7}{'cat ms':>8}{'read':>8}{'parse':>8}{'import':>8}{'cli':>8}{'import/cat':>11}{'cli/cat':>9}{'import s/MB':>12}"
    print(header)
    print("-" * len(header))
    for path in NOTES:
        size = path.stat().st_size
        cat = median_ms(lambda: subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True), args.runs)
        read = median_ms(lambda: read_document(path), args.runs)
        parsed = median_ms(lambda: parse(path), args.runs)
        imported = median_ms(lambda: import_fresh(path), args.runs)

        def cli() -> None:
            target = tmp / f"cli{next(counter)}.db"
            target.write_bytes(template.read_bytes())
            subprocess.run([*exe, "--db", f"sqlite:///{target}", "import", str(path)],
                           stdout=subprocess.DEVNULL, check=True)

        cli_ms = median_ms(cli, max(3, args.runs // 3))
        per_mb = imported / 1000 / (size / 1048576)
        print(f"{path.name[:31]:<32}{size / 1024:>7.1f}{cat:>8.2f}{read:>8.2f}{parsed:>8.2f}{imported:>8.1f}"
              f"{cli_ms:>8.0f}{imported / cat:>11.1f}{cli_ms / cat:>9.1f}{per_mb:>12.2f}")
    print(f"\nmedian of {args.runs} runs (cli: {max(3, args.runs // 3)}); machine: {sys.platform}, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
