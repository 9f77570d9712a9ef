"""How faithfully concept notes are read: per field, the share of notes read exactly right.

Run on the hand-labelled corpus (tests/data/concept_notes: notes and labels/*.json, labelled
without running the parser; see its LABELLING.md) and on each note's renderings as it really
arrives: a paged PDF with UN page furniture and footnotes, a .docx with manual page breaks, and
hard-wrapped text copied out of a PDF viewer, each with page breaks inside its guiding questions
and the note's own footnotes (Word footnotes in the .docx) where its .txt prints them
(tests/support/pdfgen.py); and the .txt printed to PDF as it is, a line a paragraph ("printed":
a sentence the .txt splits with a blank line stays split on the page). The .txt as given is the reference rendering in the same run.
`--corpus` reads another labelled folder (the hold-out corpora in tests/data/concept_notes_holdout*).

    .venv/bin/python benchmarks/bench_fidelity.py [--corpus DIR] [--breaks N]

Goal: 100 % on questions, at least 95 % on every other field.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from debateprep.domain.concept_note import ConceptNote, parse_concept_note  # noqa: E402
from debateprep.domain.errors import InputError  # noqa: E402
from debateprep.domain.text import Normalised, normalise, paragraphs  # noqa: E402
from debateprep.importers.concept_note import import_concept_note  # noqa: E402
from tests.support.pdfgen import (  # noqa: E402
    Footnote,
    Furniture,
    can_render,
    layout,
    render_docx,
    render_pdf,
    render_wrapped_text,
)

FIELDS = (
    "questions", "briefer names", "briefer titles", "briefer organizations", "letter date", "meeting date",
    "presidency", "title", "symbol", "outcome", "speaking limit", "cited documents",
)
FORMATS = ("txt", "pdf", "docx", "wrapped", "printed")


def _briefers(note: ConceptNote, key: str) -> list[Any]:
    return [getattr(b, "organization" if key == "organization" else key) for b in note.briefers]


def field_values(note: ConceptNote) -> dict[str, Any]:
    return {
        "questions": [q.text for q in note.questions],
        "briefer names": _briefers(note, "name"),
        "briefer titles": _briefers(note, "title"),
        "briefer organizations": _briefers(note, "organization"),
        "letter date": note.letter_date.isoformat() if note.letter_date else None,
        "meeting date": note.meeting_date.isoformat() if note.meeting_date else None,
        "presidency": note.presidency,
        "title": note.title,
        "symbol": note.symbol,
        "outcome": note.outcome.kind,
        "speaking limit": getattr(note, "speaking_limit_minutes", None),
        "cited documents": list(note.cited_documents),
    }


def label_values(label: dict[str, Any]) -> dict[str, Any]:
    briefers = label.get("briefers", [])
    limit = label.get("speaking_limit_minutes")
    return {
        "questions": label["questions"],
        "briefer names": [b["name"] for b in briefers],
        "briefer titles": [b["title"] for b in briefers],
        "briefer organizations": [b["organization"] for b in briefers],
        "letter date": label.get("letter_date"),
        "meeting date": label.get("meeting_date"),
        "presidency": label.get("presidency"),
        "title": label.get("title"),
        "symbol": label.get("symbol"),
        "outcome": label["outcome"]["kind"],
        "speaking limit": float(limit) if limit is not None else None,
        "cited documents": label.get("cited_documents", []),
    }


def corpus(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(note, label) pairs: every labels/*.json with the note its "file" names."""
    pairs = []
    for label_path in sorted((folder / "labels").glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        note = (label_path.parent / label["file"]).resolve() if label.get("file") else folder / f"{label_path.stem}.txt"
        if note.is_file():
            pairs.append((note, label))
    return pairs


def _break_lines(paras: list[str], questions: list[str], n: int) -> list[int]:
    """Up to n wrapped-line indexes spread over the lines of the paragraphs holding questions."""
    lines = layout(paras)
    keys = [q[:12] for q in questions if len(q) >= 4]
    holders = {i for i, p in enumerate(paras) if any(k in p for k in keys)}
    span = [i for i, ln in enumerate(lines) if ln.para in holders]
    if not span:
        return []
    step = max(1, len(span) // n)
    return span[::step][:n]


def renderings(note: Path, label: dict[str, Any], folder: Path, breaks: int) -> list[tuple[str, Path, str | None]]:
    """(format, file, symbol the rendering prints) for the .txt and its renderings."""
    raw = note.read_text(encoding="utf-8")
    plain = folder / f"{len(list(folder.iterdir()))}.txt"  # a neutral name: the symbol must come from the text
    plain.write_text(raw, encoding="utf-8")
    out: list[tuple[str, Path, str | None]] = [("txt", plain, None)]
    normalised = normalise(raw)
    paras = paragraphs(normalised.text)
    zh = label.get("language") == "zh"
    # the running header prints the note's own symbol; a note that has none gets a made-up one
    furniture = Furniture(label.get("symbol") or "S/2031/901", "31-04417", "C" if zh else "E")
    lead = max(paras[: len(paras) // 2 + 1], key=len)
    placed = [(paras.index(lead), Footnote(lead[: lead.find("，") if zh and "，" in lead else lead.rfind(" ", 0, 41)].rstrip(),
                                           "见主席国网站。" if zh else "See the website of the presidency."))]
    placed += own_footnotes(normalised, paras)
    footnotes = [f for _, f in sorted(placed, key=lambda pf: pf[0])]
    # the .txt printed to PDF as it is, a line a paragraph (its blank lines and any sentence they
    # split kept): what a user who has only the .txt makes of it
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if can_render(lines):
        printed = folder / f"{note.stem}-printed.pdf"
        render_pdf(lines, printed, furniture=furniture)
        out.append(("printed", printed, furniture.symbol))
    for k in _break_lines(paras, label["questions"], breaks):
        base = folder / f"{note.stem}-{k}"
        if can_render(paras):  # else no font at hand has its glyphs: no PDF of it
            render_pdf(paras, base.with_suffix(".pdf"), breaks=[k], furniture=furniture, footnotes=footnotes)
            out.append(("pdf", base.with_suffix(".pdf"), furniture.symbol))
        render_docx(paras, base.with_suffix(".docx"), breaks=[k], furniture=furniture, footnotes=footnotes)
        wrapped = base.with_name(base.name + "-wrapped.txt")
        wrapped.write_text(render_wrapped_text(paras, breaks=[k], furniture=furniture, footnotes=footnotes),
                           encoding="utf-8")
        out += [("docx", base.with_suffix(".docx"), furniture.symbol), ("wrapped", wrapped, furniture.symbol)]
    return out


def own_footnotes(normalised: Normalised, paras: list[str]) -> list[tuple[int, Footnote]]:
    """The note's own footnotes (a PDF copy prints them at its page feet), each anchored at the end
    of the paragraph above which it was printed, so every rendering prints it on the same page."""
    notes: list[tuple[int, list[str]]] = []
    for at, line in zip(normalised.footnote_at, normalised.footnotes):
        number = re.match(r"(\d{1,3})\s*", line)
        if number or not notes:
            notes.append((at, [line[number.end():] if number else line]))
        else:
            notes[-1][1].append(line)
    out = []
    for at, lines in notes:
        host = paras[max(0, min(at, len(paras)) - 1)]
        out.append((max(0, at - 1), Footnote(host[-30:], " ".join(lines))))
    return out


def _read(path: Path) -> ConceptNote | None:
    try:
        return import_concept_note(path)[1]
    except InputError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "tests" / "data" / "concept_notes")
    parser.add_argument("--breaks", type=int, default=3, help="page-break positions per note and format")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    pairs = corpus(args.corpus)
    if not pairs:
        print(f"no labelled notes in {args.corpus}")
        return 1
    right: dict[tuple[str, str], int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    started = time.perf_counter()
    reference_cost = read_cost = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for note_path, label in pairs:
            want = label_values(label)
            for fmt, path, printed in renderings(note_path, label, Path(tmp), args.breaks):
                t0 = time.perf_counter()
                if fmt == "txt":  # the reference in the same run: the text parsed without the reader
                    result = normalise(path.read_text(encoding="utf-8"))
                    parse_concept_note(result.text, furniture=result.furniture)
                    reference_cost += time.perf_counter() - t0
                    t0 = time.perf_counter()
                note = _read(path)
                read_cost += time.perf_counter() - t0
                total[fmt] += 1
                got = field_values(note) if note else {}
                for name in FIELDS:
                    expected = want[name]
                    if name == "symbol" and printed and expected is None:
                        expected = printed  # the rendering prints a running symbol the .txt lacks
                    if got.get(name) == expected:
                        right[(fmt, name)] += 1
                    else:
                        misses.append(f"{note_path.name} [{fmt}] {name}: {got.get(name)!r} != {expected!r}")
    print(f"concept-note fidelity: {len(pairs)} labelled notes, {sum(total.values())} readings "
          f"({', '.join(f'{f} {total[f]}' for f in FORMATS)}), {time.perf_counter() - started:.1f} s")
    header = f"{'field':24s}" + "".join(f"{f:>9s}" for f in FORMATS) + f"{'all':>9s}"
    print(header)
    print("-" * len(header))
    for name in FIELDS:
        cells = [right[(f, name)] / total[f] if total[f] else 0.0 for f in FORMATS]
        overall = sum(right[(f, name)] for f in FORMATS) / max(1, sum(total.values()))
        print(f"{name:24s}" + "".join(f"{c:>8.0%} " for c in cells) + f"{overall:>8.0%}")
    print(f"reading through the importer: {read_cost / max(1, sum(total.values())) * 1000:.0f} ms a note "
          f"(the bare .txt parse, the reference: {reference_cost / max(1, total['txt']) * 1000:.0f} ms)")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
