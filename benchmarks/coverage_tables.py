"""Build the tables coverage and convergence learn from public background text (shipped in
src/debateprep/data/coverage/, read lazily by domain/coverage_terms.py):

- term_weights.tsv: for each English stem, thesaurus concept and two-word phrase, the share of
  debate sentences that contain it and the share of meetings that use it at all (how specific
  it is: "Council" is everywhere, "veto" rare, "famine" confined to a few meetings);
- verbs.tsv: for each English word form, the share of its uses right after "to", a modal, a
  pronoun or "be" ("to avoid", "must be brought", "we reflect"): how much it is used as a verb.
  A question's verbs say what to do ("be stopped", "answer for"), its nouns what about;
- neighbours.tsv: for each English stem, the stems used in the most similar contexts (cosine of
  PPMI + SVD word vectors), so a question's "meddle" can meet a statement's "interfere"
  without anyone listing them.

Background corpus: the 2020 verbatim records in ../shared/data/spv_2020_speeches, every meeting
except the labelled ones (dev: S/PV.8699, S/PV.8706; held out: S/PV.8699 (Resumption 1),
S/PV.8743) and the one kept aside (S/PV.8723), so no evaluated speech shapes a table; and, for
the word vectors only, the 902 resolutions in ../shared/data/resolutions_en_1946-1994.

- zh_lexicon.txt.gz: the Chinese words a question is segmented into, from jieba's dictionary and
  IDF table (jieba is MIT-licensed; its files are read from an installed jieba, never at run
  time): each word with its frequency, its part of speech and its IDF, for words of jieba's
  dictionary used 10 times or more or with an IDF of 11 or less (person names only when common).

Needs numpy and jieba at build time only (`.venv/bin/pip install numpy jieba`); the package never imports it.
Re-run after changing the thesaurus (`domain/coverage_terms.py`) or the stemmer;
tests/test_coverage.py checks every concept has a line.

Run:  .venv/bin/python benchmarks/coverage_tables.py [--no-resolutions] [--dims 100]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SPEECHES = SHARED / "spv_2020_speeches"
RESOLUTIONS = SHARED / "resolutions_en_1946-1994"
OUT = ROOT / "src" / "debateprep" / "data" / "coverage"
EXCLUDED = ("8699", "8706", "8723", "8743")  # labelled (dev, held out) or kept aside: never read
MIN_COUNT = 3  # rarer stems are left out of the weights: the code takes a missing stem as rare
PHRASE_MIN = 5  # a two-word phrase needs this many sentences and
PHRASE_PMI = 1.5  # this much association (log2) to be listed
VECTOR_MIN = 8  # a stem needs this many occurrences for a word vector
WINDOW = 5  # context: this many content words either side, within the sentence
NEIGHBOURS = 10
NEIGHBOUR_FLOOR = 0.35  # cosine below this is not listed


def _excluded(name: str) -> bool:
    return any(re.search(rf"SPV\.{m}(?!\d)", name) for m in EXCLUDED)


def speech_sentences() -> list[tuple[str, str]]:
    """(meeting, sentence) of every background speech."""
    sys.path.insert(0, str(ROOT / "src"))
    from debateprep.domain.statements import segment

    out = []
    for path in sorted(SPEECHES.glob("*.txt")):
        if _excluded(path.name):
            continue
        text = path.read_text(encoding="utf-8")
        meeting = re.sub(r"_spch\d+.*$", "", re.sub(r"Resumption\d+", "", path.stem))
        text = text.split(":", 1)[1] if ":" in text[:200] else text  # the speaker header
        out += [(meeting, s.text) for s in segment(text).sentences]
    return out


def resolution_sentences() -> list[str]:
    out = []
    for path in sorted(RESOLUTIONS.glob("*.txt")):
        text = re.sub(r"-\n(?=[a-z])", "", path.read_text(encoding="utf-8", errors="replace"))
        text = re.sub(r"\s*\n\s*", " ", text)
        out += [s for s in re.split(r"(?<=[.;:])\s+", text) if s.strip()]
    return out


def content_stems(sentence: str) -> list[str]:
    from debateprep.domain.coverage_terms import STOP_WORDS, tokens

    return [t.stem for t in tokens(sentence) if t.surface.lower() not in STOP_WORDS and len(t.surface) > 1
            and not t.surface[0].isdigit()]


TRIM = 0.1  # the trimmed share leaves out this share of meetings, those that use the word most


def build_weights(sentences: list[tuple[str, str]]) -> tuple[list[str], int]:
    """Per feature: the share of sentences that contain it, the share of meetings that use it, and
    the share of sentences outside the meetings that use it most (a topic's own meetings: "Syria"
    is frequent because many meetings are about Syria, rare in a debate about anything else)."""
    from debateprep.domain.coverage_terms import CONCEPTS, STOP_WORDS, full_matcher, tokens

    matcher = full_matcher()
    counts: Counter[str] = Counter()
    by_meeting: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for meeting, sentence in sentences:
        toks = tokens(sentence)
        features = {t.key for t in toks if t.surface.lower() not in STOP_WORDS}
        features |= {"@" + c for c, *_ in matcher.english(toks)}
        stems = content_stems(sentence)
        found_pairs = {f"{a} {b}" for a, b in zip(stems, stems[1:]) if a != b}
        words.update(set(stems))
        pairs.update(found_pairs)
        sizes[meeting] += 1
        by_meeting.setdefault(meeting, Counter()).update(features | found_pairs)
        counts.update(features)
    n = len(sentences)
    meetings = sorted(sizes)
    keep = len(meetings) - max(1, round(TRIM * len(meetings)))

    def line(key: str, count: int) -> str:
        rates = sorted(meetings, key=lambda m: by_meeting[m][key] / sizes[m])[:keep]
        trimmed = sum(by_meeting[m][key] for m in rates) / max(1, sum(sizes[m] for m in rates))
        used = sum(1 for m in meetings if by_meeting[m][key])
        return f"{key}\t{count / n:.6f}\t{used / len(meetings):.4f}\t{trimmed:.6f}"

    concepts = {"@" + c for c, _en, _zh in CONCEPTS}
    lines = []
    for key in sorted(counts):
        if counts[key] >= MIN_COUNT or key in concepts:
            lines.append(line(key, counts[key]))
    for key in sorted(concepts - set(counts)):
        lines.append(f"{key}\t0\t0\t0")
    phrases = 0
    for key in sorted(pairs):
        count = pairs[key]
        if count < PHRASE_MIN:
            continue
        a, b = key.split(" ")
        pmi = math.log2(count * n / (words[a] * words[b]))
        if pmi >= PHRASE_PMI:
            lines.append(line(key, count))
            phrases += 1
    header = (f"# feature, share of sentences, share of meetings, share of sentences outside the {TRIM:.0%} of "
              f"meetings that use it most: {n} sentences in {len(meetings)} meetings (2020 records, except "
              f"S/PV.{', S/PV.'.join(EXCLUDED)}); {phrases} two-word phrases (>= {PHRASE_MIN} sentences, PMI >= "
              f"{PHRASE_PMI}); built by benchmarks/coverage_tables.py")
    return [header, *lines], n


VERB_CONTEXT = frozenset("""to will must can should would could may might shall not never we they i you be been
being is are was were has have had cannot also who which that""".split())
FORM_MIN = 5  # a word form needs this many uses to be listed


def build_verbs(sentences: list[tuple[str, str]]) -> list[str]:
    uses: Counter[str] = Counter()
    verbal: Counter[str] = Counter()
    word = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
    for _meeting, sentence in sentences:
        words = [w.lower() for w in word.findall(sentence)]
        for before, this in zip(["<s>", *words], words):
            uses[this] += 1
            if before in VERB_CONTEXT:
                verbal[this] += 1
    lines = [f"# word form, share of its uses after to/a modal/a pronoun/be ({FORM_MIN}+ uses in the background "
             "speeches); built by benchmarks/coverage_tables.py"]
    for form in sorted(uses):
        if uses[form] >= FORM_MIN and verbal[form] / uses[form] >= 0.05:
            lines.append(f"{form}\t{verbal[form] / uses[form]:.2f}")
    return lines


def build_neighbours(corpus: list[list[str]], dims: int) -> list[str]:
    import numpy as np

    counts = Counter(w for sentence in corpus for w in sentence)
    vocab = sorted(w for w, c in counts.items() if c >= VECTOR_MIN)
    index = {w: i for i, w in enumerate(vocab)}
    size = len(vocab)
    matrix = np.zeros((size, size), dtype=np.float64)
    for sentence in corpus:
        ids = [index[w] for w in sentence if w in index]
        for i, a in enumerate(ids):
            for j in range(max(0, i - WINDOW), min(len(ids), i + WINDOW + 1)):
                if j != i:
                    matrix[a, ids[j]] += 1.0
    total = matrix.sum()
    rows = matrix.sum(axis=1)
    smoothed = matrix.sum(axis=0) ** 0.75  # context distribution smoothing
    with np.errstate(divide="ignore"):
        pmi = np.log(matrix / total) - np.log(rows / total)[:, None] - np.log(smoothed / smoothed.sum())[None, :]
    ppmi = np.where(matrix > 0, np.maximum(pmi, 0.0), 0.0).astype(np.float32)
    rng = np.random.default_rng(0)  # randomized SVD: deterministic, a few seconds
    probe = ppmi @ rng.standard_normal((size, dims + 20)).astype(np.float32)
    for _ in range(4):
        probe, _r = np.linalg.qr(ppmi @ (ppmi.T @ probe))
    small_u, singular, _vt = np.linalg.svd(probe.T @ ppmi, full_matrices=False)
    vectors = (probe @ small_u)[:, :dims] * np.sqrt(singular[:dims])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    lines = [f"# stem, then up to {NEIGHBOURS} stems of the most similar contexts with their cosine (>= "
             f"{NEIGHBOUR_FLOOR}): PPMI (window {WINDOW}) + SVD ({dims} dimensions) over {len(corpus)} sentences, "
             f"{size} stems of >= {VECTOR_MIN} occurrences; built by benchmarks/coverage_tables.py"]
    for i, word in enumerate(vocab):
        sims = vectors @ vectors[i]
        sims[i] = -1.0
        best = np.argsort(-sims, kind="stable")[:NEIGHBOURS]
        found = [f"{vocab[j]} {sims[j]:.2f}" for j in best if sims[j] >= NEIGHBOUR_FLOOR]
        if found:
            lines.append(word + "\t" + "\t".join(found))
    return lines


ZH_MIN_FREQ = 10
ZH_MAX_IDF = 14.0


def build_zh_lexicon() -> tuple[list[str], int]:
    """Five lines: a comment, then the words, their frequencies, their IDF ("-": none) and their
    parts of speech, each line space-separated in the same order (loads in a few split() calls)."""
    import jieba  # type: ignore[import-not-found]  # a build-time tool, never a dependency of the package

    base = Path(jieba.__file__).parent
    idf = {}
    for line in (base / "analyse" / "idf.txt").read_text(encoding="utf-8").splitlines():
        word, _sep, value = line.partition(" ")
        if value:
            idf[word] = float(value)
    chinese = re.compile(r"[\u4e00-\u9fff]{2,6}")
    words, freqs, idfs, tags = [], [], [], []
    total = 0
    for line in (base / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split(" ")
        total += int(freq)
        if not chinese.fullmatch(word) or pos in ("nr", "nrt", "nrfg") and int(freq) < 100:
            continue
        if int(freq) >= ZH_MIN_FREQ or idf.get(word, 99.0) <= ZH_MAX_IDF:
            words.append(word)
            freqs.append(freq)
            idfs.append(f"{idf[word]:.2f}" if word in idf else "-")
            tags.append(pos)
    header = (f"# words, frequencies, IDF, parts of speech (one line each); total frequency {total}; from jieba "
              f"{jieba.__version__} (MIT), words used >= {ZH_MIN_FREQ} times or with an IDF <= {ZH_MAX_IDF}; built by "
              "benchmarks/coverage_tables.py")
    return [header, " ".join(words), " ".join(freqs), " ".join(idfs), " ".join(tags)], len(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-resolutions", action="store_true", help="word vectors from the speeches only")
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--weights-only", action="store_true", help="skip the word vectors")
    args = parser.parse_args()
    if not SPEECHES.is_dir():
        print(f"{SPEECHES} is absent")
        return 1
    start = time.perf_counter()
    sentences = speech_sentences()
    weights, n = build_weights(sentences)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "term_weights.tsv").write_text("\n".join(weights) + "\n", encoding="utf-8")
    print(f"term_weights.tsv: {len(weights) - 1} features from {n} sentences ({time.perf_counter() - start:.0f} s)")
    import gzip

    lexicon, count = build_zh_lexicon()
    with gzip.open(args.out / "zh_lexicon.txt.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lexicon) + "\n")
    print(f"zh_lexicon.txt.gz: {count} Chinese words")
    verbs = build_verbs(sentences)
    (args.out / "verbs.tsv").write_text("\n".join(verbs) + "\n", encoding="utf-8")
    print(f"verbs.tsv: {len(verbs) - 1} word forms")
    if args.weights_only:
        return 0
    corpus = [content_stems(s) for _m, s in sentences]
    if not args.no_resolutions and RESOLUTIONS.is_dir():
        corpus += [content_stems(s) for s in resolution_sentences()]
    neighbours = build_neighbours([c for c in corpus if len(c) > 1], args.dims)
    (args.out / "neighbours.tsv").write_text("\n".join(neighbours) + "\n", encoding="utf-8")
    print(f"neighbours.tsv: {len(neighbours) - 1} stems ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
