"""Reading and parsing a concept note costs time in proportion to its size (issue 17).

Each pathological shape that once took quadratic time (or hung) is imported at five sizes, each
double the last, from 16 KB; each doubling may cost at most 2.5 times the previous size (linear
is 2, quadratic 4). CPU time of this process, best of three rounds over all sizes, so other work
on the machine counts for little.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from debateprep.domain.errors import InputError
from debateprep.importers.concept_note import import_concept_note

REPO = Path(__file__).resolve().parents[1]
SEED = (REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt").read_text(encoding="utf-8")
SAMPLE_EN = (REPO / "concept_notes" / "concept-note_sample_transitions.en.txt").read_text(encoding="utf-8")
SIZES = [16_000 * 2**k for k in range(5)]  # 16 KB … 256 KB
MAX_RATIO = 2.5
ROUNDS = 3


def _inside(note: str, run: str, size: int) -> str:
    """`note` with a run of `run` in its middle, about `size` bytes in all."""
    mid = len(note) // 2
    return note[:mid] + run * max(1, (size - len(note.encode())) // len(run.encode())) + note[mid:]


def _footnote_dense(size: int) -> str:
    """Footnotes and abbreviations on every line ("para.", "No.", "Mr.", "e.g."): one long
    paragraph in which no full stop ends a sentence."""
    return "".join(f"The Council took note of the report (para. {i}).{i % 900 + 1}\n{i % 900 + 1} See Mr. Smith, "
                   f"No. {i}, para. 3, e.g. Rev. 1\n" for i in range(size // 90))


def _footnote_pages(size: int) -> str:
    """A page per footnote: a few lines of text with the marker, the footnote, the page footer
    (footnote numbers stay under 1,000, as in any document)."""
    pages = []
    for n in range(1, size // 330 + 1):
        pages.append(f"The Council recalls its earlier decisions on this matter and the reports it has\n"
                     f"received since, and it looks forward to the next report of the Secretary-General,\n"
                     f"which it requested in its most recent resolution on the subject.{n}\n"
                     f"{n} See the report of the Secretary-General.\n14-22222 {n}/999\n")
    return "".join(pages)


SHAPES: dict[str, Callable[[int], str]] = {
    "one line of question marks": lambda n: "?" * n,
    "footnote-dense text": _footnote_dense,
    "a footnote on every page": _footnote_pages,
    "a run of one byte in a note": lambda n: _inside(SAMPLE_EN, "?\n", n),
    "a run of full stops in a Chinese note": lambda n: _inside(SEED, "。", n),
    "capitalised words without end": lambda n: "Ab " * (n // 3),
    "unclosed Markdown marks in a .md note": lambda n: _inside(SAMPLE_EN, "**a [b]( ![c __d ", n),
}
SUFFIX = {"unclosed Markdown marks in a .md note": ".md"}


def _cost(path: Path) -> float:
    """CPU seconds to import `path` once, without the garbage collector's pauses (they grow
    with the heap, not with our work)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        try:
            import_concept_note(path)
        except InputError:
            pass  # refused as not a concept note: what counts is how long that took
        return time.process_time() - start
    finally:
        gc.enable()


@pytest.mark.parametrize("shape", list(SHAPES))
def test_each_doubling_costs_at_most_two_and_a_half_times(shape: str, tmp_path: Path) -> None:
    paths = []
    for size in SIZES:
        path = tmp_path / f"{size}{SUFFIX.get(shape, '.txt')}"
        path.write_text(SHAPES[shape](size), encoding="utf-8")
        paths.append(path)
    # rounds over all sizes, best of each: a burst of other work on the machine then slows one
    # measurement of a size, not every measurement of it
    costs = [float("inf")] * len(paths)
    for _ in range(ROUNDS):
        for k, path in enumerate(paths):
            costs[k] = min(costs[k], _cost(path))
    ratios = [b / max(a, 1e-3) for a, b in zip(costs, costs[1:])]
    assert max(ratios) <= MAX_RATIO, f"{shape}: {[f'{c:.3f}s' for c in costs]}"
