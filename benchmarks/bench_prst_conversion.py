"""Form conversion to PRST: exact matches and review flags on a hand-labelled set.

Data: tests/data/prst_conversion.jsonl — 130 sentences written or picked by hand before they were
first run, in two sets: "tuning" (93; its misses were read and fixed after the first measurement)
and "held-out" (37; written before those fixes, never used to change the code: `--verbose` prints
the tuning set's misses only). Kinds: resolution PPs and OPs (English and Chinese), Chapter VII, first- and third-person statement
sentences (many from S/PV.8699 and S/PV.8723), a delegation's view without a speaker ("… must …"),
text already in PRST form and the closing line. Each has the PRST text a drafter would keep
(`expected`, or null when any text is fine because the sentence must be reviewed anyway) and the
review flags a drafter needs (`flags`, possibly none).

Figures: exact match over the sentences with an expected text; flag precision and recall over
(sentence, flag code) pairs, and over "flagged or not" per sentence. Speed: conversions per second
against a reference measured in the same run on the same sentences (whitespace normalisation,
the least any conversion does).

Run:  .venv/bin/python benchmarks/bench_prst_conversion.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "prst_conversion.jsonl"


def _ratio(tp: int, fp: int, fn: int) -> tuple[float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def _score(rows: list[dict[str, Any]], name: str, verbose: bool) -> None:
    from debateprep.domain.prst_form import to_prst

    exact = with_text = 0
    tp = fp = fn = 0
    item_tp = item_fp = item_fn = 0
    by_kind: dict[str, list[bool]] = {}
    for row in rows:
        c = to_prst(row["input"], row["lang"], first=bool(row.get("first")))
        got, want = {f.code for f in c.flags}, set(row["flags"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        item_tp += bool(got) and bool(want)
        item_fp += bool(got) and not want
        item_fn += not got and bool(want)
        ok_text = row["expected"] is None or c.text == row["expected"]
        if row["expected"] is not None:
            with_text += 1
            exact += c.text == row["expected"]
        by_kind.setdefault(row["kind"], []).append(ok_text and got == want)
        if verbose and not (ok_text and got == want):
            print(f"#{row['id']} {row['kind']} {row['lang']}: {row['input']}")
            if not ok_text:
                print(f"    text     {c.text}\n    expected {row['expected']}")
            if got != want:
                print(f"    flags    {sorted(got)}  expected {sorted(want)}")
    p, r = _ratio(tp, fp, fn)
    ip, ir = _ratio(item_tp, item_fp, item_fn)
    print(f"{name} set: {len(rows)} sentences ({', '.join(f'{k} {len(v)}' for k, v in sorted(by_kind.items()))})")
    print(f"  exact PRST text: {exact}/{with_text} = {exact / with_text:.0%}")
    print(f"  flags (sentence, code): precision {p:.0%} recall {r:.0%}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"  flagged or not (sentence): precision {ip:.0%} recall {ir:.0%}")
    print("  all right, by kind: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_kind.items())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every miss of the tuning set")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from debateprep.domain.prst_form import to_prst

    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    to_prst("warm up the lead tables and the roster", "en")
    for name in ("tuning", "held-out"):
        _score([row for row in rows if row["set"] == name], name, args.verbose and name == "tuning")

    texts = [(row["input"], row["lang"]) for row in rows]
    convert_times, reference_times = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for text, lang in texts:
            to_prst(text, lang)
        convert_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for text, _lang in texts:
            " ".join(text.split())
        reference_times.append(time.perf_counter() - started)
    convert, reference = statistics.median(convert_times), statistics.median(reference_times)
    print(f"speed: {convert / len(texts) * 1e3:.2f} ms per sentence "
          f"({convert / reference:.0f}x whitespace normalisation of the same sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
