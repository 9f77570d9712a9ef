"""Build src/debateprep/data/coverage/term_weights.tsv: how often each English stem and each
thesaurus concept occurs in a sentence of a Security Council debate.

Corpus: the 2020 verbatim records in ../shared/data/spv_2020_speeches, every meeting except the
ones labelled for the coverage benchmark (S/PV.8699, S/PV.8706) and the one kept aside for an
independent check (S/PV.8723), so no evaluated text shapes the weights. Procedural turns of the
President count like any speech (they are a small share). Re-run after changing the thesaurus
(`domain/coverage_terms.py`); tests/test_coverage.py checks every concept has a line.

Run:  .venv/bin/python benchmarks/term_weights.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEECHES = ROOT.parent / "shared" / "data" / "spv_2020_speeches"
OUT = ROOT / "src" / "debateprep" / "data" / "coverage" / "term_weights.tsv"
EXCLUDED = ("8699", "8706", "8723")
MIN_COUNT = 3  # rarer stems are left out: the code takes a missing stem as rare


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from debateprep.domain.coverage_terms import STOP_WORDS, CONCEPTS, full_matcher, tokens
    from debateprep.domain.statements import segment

    if not SPEECHES.is_dir():
        print(f"{SPEECHES} is absent")
        return 1
    matcher = full_matcher()
    counts: Counter[str] = Counter()
    meetings: dict[str, set[str]] = {}
    sentences = 0
    files = [f for f in sorted(SPEECHES.glob("*.txt"))
             if not any(re.search(rf"SPV\.{m}(?!\d)", f.name) for m in EXCLUDED)]
    for path in files:
        text = path.read_text(encoding="utf-8")
        meeting = re.sub(r"_spch\d+.*$", "", re.sub(r"Resumption\d+", "", path.stem))
        text = text.split(":", 1)[1] if ":" in text[:200] else text  # the speaker header
        for sentence in segment(text).sentences:
            toks = tokens(sentence.text)
            features = {t.key for t in toks if t.surface.lower() not in STOP_WORDS}
            features |= {"@" + c for c, *_ in matcher.english(toks)}
            counts.update(features)
            for feature in features:
                meetings.setdefault(feature, set()).add(meeting)
            sentences += 1
    concepts = {"@" + c for c, _en, _zh in CONCEPTS}
    n_meetings = len({m for found in meetings.values() for m in found})
    lines = [f"# feature, share of sentences, share of meetings: {sentences} sentences of {len(files)} speeches in "
             f"{n_meetings} meetings (2020 records, except S/PV.{', S/PV.'.join(EXCLUDED)}); "
             "built by benchmarks/term_weights.py"]
    for key in sorted(counts):
        if counts[key] >= MIN_COUNT or key in concepts:
            lines.append(f"{key}\t{counts[key] / sentences:.6f}\t{len(meetings[key]) / n_meetings:.4f}")
    for key in sorted(concepts - set(counts)):
        lines.append(f"{key}\t0\t0")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 1} features from {sentences} sentences, {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
