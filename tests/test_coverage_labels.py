"""The hand-labelled coverage/convergence sets follow their guide (benchmarks/data/coverage/GUIDE.md).

Checked: every debate folder of benchmarks/data/coverage/, of benchmarks/data/coverage_holdout/ (the
held-out sets the coverage engine was never tuned on; same formats) and of
benchmarks/data/coverage_holdout2/ (a second held-out check, labelled after the first had been seen).

For every debate folder: questions.json, labels.jsonl and proposals.json parse and have the guide's
schema; every labelled speech has exactly one row per question; every yes/borderline row and every
proposal supporter carries a quote that is an exact substring of its speech. Real speeches are read
from ../shared/data/spv_2020_speeches (those checks skip when it is absent); made-up statements from
the folder's statements/ directory.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED_DATA

COVERAGE = REPO / "benchmarks" / "data" / "coverage"
HOLDOUT = REPO / "benchmarks" / "data" / "coverage_holdout"
HOLDOUT2 = REPO / "benchmarks" / "data" / "coverage_holdout2"
SPEECHES = SHARED_DATA / "spv_2020_speeches"
LABELS = ("yes", "no", "borderline")
LABEL_KEYS = {"speech", "speaker", "delegation", "question", "label", "quote"}
LABEL_OPTIONAL = {"note"}


def _folders() -> list[Path]:
    return sorted(p for root in (COVERAGE, HOLDOUT, HOLDOUT2) if root.is_dir() for p in root.iterdir() if p.is_dir())


FOLDERS = _folders()


@dataclass(frozen=True)
class LabelSet:
    folder: Path
    questions: dict[str, object]
    labels: list[dict[str, object]]
    proposals: list[dict[str, object]]

    @property
    def numbers(self) -> list[int]:
        qs = self.questions["questions"]
        assert isinstance(qs, list)
        return [q["n"] for q in qs if isinstance(q, dict) and isinstance(q.get("n"), int)]

    @property
    def records(self) -> list[str]:
        recs = self.questions["records"]
        assert isinstance(recs, list)
        return [r for r in recs if isinstance(r, str)]

    def statement(self, speech: str) -> Path:
        return self.folder / "statements" / speech

    def is_made_up(self, speech: str) -> bool:
        return self.statement(speech).is_file()


def _load(folder: Path) -> LabelSet:
    """Parse the three files; a parse error names the file and the line."""
    name = folder.name
    questions = json.loads((folder / "questions.json").read_text(encoding="utf-8"))
    assert isinstance(questions, dict), f"{name}/questions.json: not a JSON object"
    labels: list[dict[str, object]] = []
    for i, line in enumerate((folder / "labels.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            pytest.fail(f"{name}/labels.jsonl line {i}: not JSON ({exc})")
        assert isinstance(row, dict), f"{name}/labels.jsonl line {i}: not a JSON object"
        labels.append(row)
    proposals = json.loads((folder / "proposals.json").read_text(encoding="utf-8"))
    assert isinstance(proposals, list), f"{name}/proposals.json: not a JSON list"
    return LabelSet(folder, questions, labels, proposals)


def _nonempty_str(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@pytest.fixture(params=FOLDERS, ids=[f"{f.parent.name}/{f.name}" for f in FOLDERS])
def label_set(request: pytest.FixtureRequest) -> LabelSet:
    folder = request.param
    assert isinstance(folder, Path)
    for required in ("questions.json", "labels.jsonl", "proposals.json", "NOTES.md"):
        assert (folder / required).is_file(), f"{folder.name}: {required} is missing"
    return _load(folder)


def test_there_is_a_guide_and_at_least_one_labelled_debate() -> None:
    assert (COVERAGE / "GUIDE.md").is_file()
    assert FOLDERS, f"no debate folder under {COVERAGE}"


def test_questions_schema(label_set: LabelSet) -> None:
    q = label_set.questions
    name = label_set.folder.name
    required = {"debate", "title", "language", "records", "questions"}
    assert required <= set(q) <= required | {"made_up"}, f"{name}: keys {sorted(q)}"
    assert isinstance(q.get("made_up", False), bool), f"{name}: made_up must be true or false"
    assert _nonempty_str(q["debate"]) and _nonempty_str(q["title"])
    assert q["language"] in ("en", "zh"), f"{name}: language {q['language']!r}"
    assert isinstance(q["records"], list) and all(isinstance(r, str) for r in q["records"])
    questions = q["questions"]
    assert isinstance(questions, list) and 4 <= len(questions) <= 5, f"{name}: the guide asks for 4 or 5 questions"
    for item in questions:
        assert isinstance(item, dict) and set(item) == {"n", "text", "scope"}, f"{name}: question {item!r}"
        assert _nonempty_str(item["text"]) and _nonempty_str(item["scope"]), f"{name}: question {item['n']}"
    assert label_set.numbers == list(range(1, len(questions) + 1)), f"{name}: questions not numbered 1..n"


def test_label_rows_schema(label_set: LabelSet) -> None:
    name = label_set.folder.name
    numbers = set(label_set.numbers)
    problems: list[str] = []
    for i, row in enumerate(label_set.labels, 1):
        where = f"{name}/labels.jsonl row {i} ({row.get('speech')}, q{row.get('question')})"
        keys = set(row)
        if not LABEL_KEYS <= keys or keys - LABEL_KEYS - LABEL_OPTIONAL:
            problems.append(f"{where}: keys {sorted(keys)}")
            continue
        if not all(_nonempty_str(row[k]) for k in ("speech", "speaker", "delegation")):
            problems.append(f"{where}: empty speech, speaker or delegation")
        if row["question"] not in numbers:
            problems.append(f"{where}: no such question")
        if row["label"] not in LABELS:
            problems.append(f"{where}: label {row['label']!r}")
        quote = row["quote"]
        if not isinstance(quote, str):
            problems.append(f"{where}: quote is not a string")
        elif row["label"] == "no" and quote:
            problems.append(f"{where}: a 'no' row carries a quote")
        elif row["label"] in ("yes", "borderline") and not quote.strip():
            problems.append(f"{where}: a {row['label']} row without a quote")
        if "note" in row and not isinstance(row["note"], str):
            problems.append(f"{where}: note is not a string")
        speech = str(row["speech"])
        if not label_set.is_made_up(speech) and not any(speech.startswith(r) for r in label_set.records):
            problems.append(f"{where}: neither statements/{speech} nor a file of the records {label_set.records}")
    assert not problems, "\n".join(problems)


def test_every_labelled_speech_has_each_question_once(label_set: LabelSet) -> None:
    name = label_set.folder.name
    cells = Counter((str(r["speech"]), r["question"]) for r in label_set.labels)
    speeches = sorted({speech for speech, _ in cells})
    assert speeches, f"{name}: no labelled speech"
    problems = [
        f"{name}: {speech} question {n} labelled {cells[(speech, n)]} times"
        for speech in speeches
        for n in label_set.numbers
        if cells[(speech, n)] != 1
    ]
    who: dict[str, set[tuple[str, str]]] = {}
    for r in label_set.labels:
        who.setdefault(str(r["speech"]), set()).add((str(r["speaker"]), str(r["delegation"])))
    problems += [f"{name}: {s} has several speakers/delegations {sorted(v)}" for s, v in who.items() if len(v) > 1]
    assert not problems, "\n".join(problems)


def test_proposals_schema(label_set: LabelSet) -> None:
    name = label_set.folder.name
    labelled = {str(r["speech"]) for r in label_set.labels}
    ids = [p.get("id") for p in label_set.proposals]
    assert len(ids) == len(set(ids)), f"{name}: duplicate proposal ids"
    problems: list[str] = []
    for p in label_set.proposals:
        where = f"{name}/proposals.json {p.get('id')}"
        if set(p) != {"id", "proposal", "supporters"} or not _nonempty_str(p["id"]) or not _nonempty_str(p["proposal"]):
            problems.append(f"{where}: keys {sorted(p)} or an empty id/proposal")
            continue
        supporters = p["supporters"]
        if not isinstance(supporters, list):
            problems.append(f"{where}: supporters is not a list")
            continue
        delegations = [s.get("delegation") for s in supporters if isinstance(s, dict)]
        if len(set(delegations)) < 3:
            problems.append(f"{where}: fewer than three independent delegations")
        if len(delegations) != len(set(delegations)):
            problems.append(f"{where}: a delegation is listed twice")
        for s in supporters:
            if not isinstance(s, dict) or set(s) != {"speech", "delegation", "quote"}:
                problems.append(f"{where}: supporter {s!r}")
            elif not all(_nonempty_str(s[k]) for k in ("speech", "delegation", "quote")):
                problems.append(f"{where}: supporter with an empty field {s!r}")
            elif s["speech"] not in labelled:
                problems.append(f"{where}: {s['speech']} is not a labelled speech")
    assert not problems, "\n".join(problems)


def _quotes(label_set: LabelSet) -> list[tuple[str, str, str]]:
    """(where, speech, quote) for every quote of the folder: label rows and proposal supporters."""
    out = [
        (f"labels q{r['question']}", str(r["speech"]), str(r["quote"]))
        for r in label_set.labels
        if r.get("label") in ("yes", "borderline")
    ]
    for p in label_set.proposals:
        supporters = p.get("supporters")
        for s in supporters if isinstance(supporters, list) else []:
            if isinstance(s, dict):
                out.append((f"proposal {p.get('id')}", str(s.get("speech")), str(s.get("quote"))))
    return out


def _check_quotes(label_set: LabelSet, quotes: list[tuple[str, str, str]], path_of: dict[str, Path]) -> None:
    name = label_set.folder.name
    problems: list[str] = []
    texts: dict[str, str] = {}
    for where, speech, quote in quotes:
        path = path_of[speech]
        if not path.is_file():
            problems.append(f"{name} {where}: {path} does not exist")
            continue
        text = texts.setdefault(speech, path.read_text(encoding="utf-8"))
        if quote not in text:
            problems.append(f"{name} {where}: not verbatim in {speech}: {quote[:90]!r}")
    assert not problems, "\n".join(problems)


def test_quotes_are_verbatim_in_made_up_statements(label_set: LabelSet) -> None:
    quotes = [q for q in _quotes(label_set) if label_set.is_made_up(q[1])]
    if not quotes:
        pytest.skip(f"{label_set.folder.name} has no made-up statements")
    _check_quotes(label_set, quotes, {speech: label_set.statement(speech) for _, speech, _ in quotes})


def test_quotes_are_verbatim_in_real_speeches(label_set: LabelSet) -> None:
    quotes = [q for q in _quotes(label_set) if not label_set.is_made_up(q[1])]
    if not quotes:
        pytest.skip(f"{label_set.folder.name} labels no real speech")
    if not SPEECHES.is_dir():
        pytest.skip("../shared/data/spv_2020_speeches is absent (real speeches live beside the repo)")
    _check_quotes(label_set, quotes, {speech: SPEECHES / speech for _, speech, _ in quotes})
