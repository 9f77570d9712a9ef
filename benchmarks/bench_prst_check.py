"""Agreed-or-new check of a PRST draft against a real library: speed and accuracy.

Data: the 902 English Security Council resolutions in ../shared/data/resolutions_en_1946-1994,
imported into a throwaway SQLite library. The draft has 40 paragraphs: 20 operative or preambular
paragraphs copied unchanged from resolutions picked at random (should be agreed, with their own
citation) and 20 invented ones made by splicing halves of unrelated paragraphs (should be new).

Reference, measured in the same run on the same 40 paragraphs: the library's own `similar()`
lookup, which the check calls once per paragraph before re-scoring the candidates in PRST form.

Run:  .venv/bin/python benchmarks/bench_prst_check.py [--repeat 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOLUTIONS = ROOT.parent / "shared" / "data" / "resolutions_en_1946-1994"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true", help="print every paragraph with its mark")
    args = parser.parse_args()
    if not RESOLUTIONS.is_dir():
        print(f"skipped: {RESOLUTIONS} is absent", file=sys.stderr)
        return 0

    from debateprep.domain.prst_form import to_prst
    from debateprep.services.debates import DebateService
    from debateprep.services.library import LibraryService
    from debateprep.services.prst import PrstService
    from debateprep.storage.db import open_database

    tmp = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{tmp / 'bench.db'}")
    started = time.perf_counter()
    report = LibraryService(db).import_paths(sorted(RESOLUTIONS.glob("*.txt")))
    print(f"library: {len(report.imported)} resolutions imported in {time.perf_counter() - started:.1f} s")

    rng = random.Random(args.seed)
    library = LibraryService(db)
    docs = [d for d in library.documents() if d.lang == "en" and d.paragraphs >= 4]
    copied: list[tuple[str, str]] = []
    pool: list[str] = []
    while len(copied) < 20:
        doc = library.show(rng.choice(docs).symbol, "en")
        candidates = [p for p in doc.paragraphs if not p.sub and p.lead and len(p.text.split()) >= 12]
        if not candidates:
            continue
        p = rng.choice(candidates)
        if to_prst(p.text, "en").lead is None or any(p.citation == c for c, _ in copied):
            continue
        copied.append((p.citation, p.text))
        pool.append(rng.choice(candidates).text)
    invented = []
    for i in range(20):
        a, b = pool[i].split(), pool[(i + 7) % 20].split()
        invented.append("Stresses " + " ".join(a[len(a) // 2:] + ["while"] + b[len(b) // 2:]))

    debate = DebateService(db).create("Benchmark", meeting_number=7109, meeting_date=date(2014, 2, 12))
    service = PrstService(db)
    assert debate.id is not None
    draft = service.new_draft(debate.id, "en")
    assert draft.id is not None
    for _citation, text in copied:
        service.add_text(draft.id, text, position=len(service.get(draft.id).paragraphs) + 1)
    for text in invented:
        service.add_text(draft.id, text, position=len(service.get(draft.id).paragraphs) + 1)
    texts = service.get(draft.id).texts()

    check_times, similar_times = [], []
    checked = None
    for _ in range(args.repeat):
        t = time.perf_counter()
        for text in texts:
            library.similar(text, 8, lang="en")
        similar_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        checked = service.check(draft.id)
        check_times.append(time.perf_counter() - t)
    assert checked is not None
    marks = checked.paragraphs
    agreed_right = sum(1 for p in marks[:20] if p.status == "agreed")
    # Recurring formulae ("Urges the parties concerned to act with the utmost restraint …") exist in
    # many resolutions; the citation found may be a twin differing by a date.
    own_citation = sum(
        1 for p, (citation, text) in zip(marks[:20], copied, strict=True)
        if p.closest_citation == citation or p.closest_text == text
    )
    new_right = sum(1 for p in marks[20:] if p.status == "new")
    if "--verbose" in sys.argv:
        for p, (citation, text) in zip(marks[:20], copied, strict=True):
            if not (p.status == "agreed" and (p.closest_citation == citation or p.closest_text == text)):
                print("MISS", citation, "|", p.closest_citation, "|", text[:80], "|", (p.closest_text or "")[:80])
        for p, text in zip(marks, texts):
            print(p.status, p.closest_citation, round(p.similarity or 0, 3), text[:100], "||", (p.closest_text or "")[:100])
    check, similar = statistics.median(check_times), statistics.median(similar_times)
    print(f"copied paragraphs marked agreed:                         {agreed_right}/20")
    print(f"  … citing the very paragraph copied (or identical text):  {own_citation}/20")
    print(f"invented paragraphs marked new:                          {new_right}/20")
    print(f"check of 40 paragraphs: {check * 1000:.0f} ms median ({check / 40 * 1000:.1f} ms a paragraph)")
    print(f"reference, library similar() on the same 40: {similar * 1000:.0f} ms median")
    print(f"ratio check / similar: {check / similar:.2f}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
