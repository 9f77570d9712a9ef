"""The hand-labelled concept-note corpora: every label is well-formed and traceable to its note, the
development corpus (tests/data/concept_notes) covers the shapes issue 11 asks for, and the hold-out
corpora (tests/data/concept_notes_holdout, concept_notes_holdout2, concept_notes_holdout3 and
concept_notes_holdout4, each written separately) are complete.

These checks read only the notes and the labels, never debateprep's parser: the labels are the
reference a fidelity benchmark measures the parser against, so they must not depend on it.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent / "data" / "concept_notes"
LABELS = CORPUS / "labels"
HOLDOUT = Path(__file__).resolve().parent / "data" / "concept_notes_holdout"
HOLDOUT_LABELS = sorted((HOLDOUT / "labels").glob("*.json"))
HOLDOUT2 = Path(__file__).resolve().parent / "data" / "concept_notes_holdout2"
HOLDOUT2_LABELS = sorted((HOLDOUT2 / "labels").glob("*.json"))
HOLDOUT3 = Path(__file__).resolve().parent / "data" / "concept_notes_holdout3"
HOLDOUT3_LABELS = sorted((HOLDOUT3 / "labels").glob("*.json"))
HOLDOUT4 = Path(__file__).resolve().parent / "data" / "concept_notes_holdout4"
HOLDOUT4_LABELS = sorted((HOLDOUT4 / "labels").glob("*.json"))
LABEL_FILES = sorted(LABELS.glob("*.json")) + HOLDOUT_LABELS + HOLDOUT2_LABELS + HOLDOUT3_LABELS + HOLDOUT4_LABELS
# Note file names per corpus folder: en_01_…, en_h01_…, en_g01_…, en_k01_…, en_m01_….
NOTE_NAME = {CORPUS: r"(?:en|zh)_\d\d_[a-z0-9_]+\.txt", HOLDOUT: r"(?:en|zh)_h\d\d_[a-z0-9_]+\.txt",
             HOLDOUT2: r"(?:en|zh)_g\d\d_[a-z0-9_]+\.txt", HOLDOUT3: r"(?:en|zh)_k\d\d_[a-z0-9_]+\.txt",
             HOLDOUT4: r"(?:en|zh)_m\d\d_[a-z0-9_]+\.txt"}
MADE_UP_EN = "MADE-UP SAMPLE — not a UN document. Written for debateprep's tests; people, dates and meetings are invented."
MADE_UP_ZH = "虚构样本——并非联合国文件。"

KEYS = [
    "file", "symbol", "language", "presidency", "letter_date", "meeting_date", "title", "sections",
    "question_section", "questions", "topics", "themes", "briefers", "outcome", "cited_documents",
    "speaking_limit_minutes",
]
OUTCOME_KINDS = {"presidential statement", "resolution", "summary", "none", "unknown"}
# Normalised symbols as the labels write them (LABELLING.md, "Cited documents").
SYMBOL = re.compile(
    r"""^(?:
        S/RES/\d{1,4}\ \((?:19|20)\d\d\)          # S/RES/2417 (2018)
      | S/PRST/(?:19|20)\d\d/\d{1,3}              # S/PRST/2014/3
      | S/(?:19|20)\d\d/\d{1,4}                   # S/2017/507
      | S/PV\.\d{3,5}(?:\ \(Resumption\ \d\))?    # S/PV.7109 (Resumption 1)
      | A/RES/\d{2}/\d{1,3}                       # A/RES/60/288
      | A/CONF\.\d{1,3}/\d{1,3}                   # A/CONF.192/15
      | A/\d{2}/\d{1,4}                           # A/75/19
    )$""",
    re.VERBOSE,
)
OWN_SYMBOL = re.compile(r"^S/(?:19|20)\d\d/\d{1,4}$")
MARKER = re.compile(r"^(?:[•\-–]|\d{1,2}[.)]|\(?[a-z]\)|\([ivx]+\))\s")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _label(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _note_path(label_path: Path, label: dict[str, Any]) -> Path:
    return (label_path.parent / str(label["file"])).resolve()


def _flat(text: str) -> str:
    """The note as one line: page furniture does not matter here, wrapped lines join with a space."""
    return re.sub(r"\s+", " ", text)


# Page furniture of text copied out of a PDF: job number, barcode, page counter, running symbol.
_FURNITURE = re.compile(r"\d\d-\d{5}(?: \([A-Z]\))?(?:\s+\d{6})?|\*\d{7}\*|\d{1,2}/\d{1,2}|S/\d{4}/\d{1,4}")
# A list marker at the start of a line, for a question the note continues on its next bullet.
_LINE_MARKER = re.compile(r"^[ \t]*(?:[•*\-–]|——|\d{1,2}[.)]|\(?[a-z]\)|\([ivx]+\)|\(\d{1,2}\))[ \t]+", re.MULTILINE)


def _readings(text: str) -> list[str]:
    """The note as written, without page furniture, without line-initial list markers, and with words
    hyphenated at a line end joined ("peace-" / "keeping" → "peacekeeping")."""
    body = "\n".join(line for line in text.splitlines() if not _FURNITURE.fullmatch(line.strip()))
    unmarked = _LINE_MARKER.sub("", body)
    return [text, body, unmarked, re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", unmarked)]


def _found(piece: str, text: str, language: str) -> bool:
    """A labelled piece occurs in the note (wrapped lines joined; Chinese lines join without a space;
    page furniture between the lines of a piece ignored)."""
    if language == "zh":
        return any(re.sub(r"\s+", "", piece) in re.sub(r"\s+", "", t) for t in _readings(text))
    return any(piece in _flat(t) for t in _readings(text))


@pytest.fixture(params=LABEL_FILES, ids=[p.stem for p in LABEL_FILES])
def labelled(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any], str]:
    path: Path = request.param
    label = _label(path)
    note = _note_path(path, label)
    assert note.is_file(), f"{path.name}: {label['file']} does not exist"
    return path, label, note.read_text(encoding="utf-8")


def test_every_label_has_every_field_with_its_type(labelled: tuple[Path, dict[str, Any], str]) -> None:
    path, label, _ = labelled
    assert list(label) == KEYS, path.name
    assert isinstance(label["file"], str)
    for key in ("symbol", "presidency", "letter_date", "meeting_date", "title", "question_section"):
        assert label[key] is None or (isinstance(label[key], str) and label[key].strip() == label[key] != ""), key
    assert label["language"] in {"en", "zh"}
    for key in ("questions", "topics", "themes", "cited_documents"):
        assert isinstance(label[key], list) and all(isinstance(x, str) and x.strip() == x != "" for x in label[key]), key
    assert all(set(s) == {"heading", "level"} and isinstance(s["heading"], str) and s["level"] in (1, 2)
               for s in label["sections"])
    for briefer in label["briefers"]:
        assert list(briefer) == ["name", "title", "organization"]
        assert all(v is None or (isinstance(v, str) and v.strip() == v != "") for v in briefer.values())
    assert list(label["outcome"]) == ["kind", "evidence"]
    limit = label["speaking_limit_minutes"]
    assert limit is None or (type(limit) is int and 1 <= limit <= 15)


def test_the_note_is_marked_and_in_the_labelled_language(labelled: tuple[Path, dict[str, Any], str]) -> None:
    path, label, text = labelled
    note = _note_path(path, label)
    if note.parent in NOTE_NAME:  # our own notes; the two bundled ones are labelled where they live
        assert re.fullmatch(NOTE_NAME[note.parent], note.name)
        assert note.name.startswith(label["language"] + "_")
        first = text.splitlines()[0]
        assert first == MADE_UP_EN if label["language"] == "en" else first.startswith(MADE_UP_ZH)
    assert bool(CJK.search(text[200:])) == (label["language"] == "zh")


def test_metadata_is_what_the_note_says(labelled: tuple[Path, dict[str, Any], str]) -> None:
    _, label, text = labelled
    language = label["language"]
    if label["symbol"] is not None:
        assert OWN_SYMBOL.match(label["symbol"]) and label["symbol"] in text
    assert label["presidency"] and _found(label["presidency"], text, language)
    meeting = date.fromisoformat(label["meeting_date"])
    if label["letter_date"] is not None:
        letter = date.fromisoformat(label["letter_date"])
        assert letter <= meeting
    assert label["title"] and _found(label["title"], text, language)


def test_sections_questions_and_themes_are_the_notes_own_words(labelled: tuple[Path, dict[str, Any], str]) -> None:
    _, label, text = labelled
    language = label["language"]
    headings = [s["heading"] for s in label["sections"]]
    assert all(_found(h, text, language) for h in headings)
    assert label["question_section"] in headings
    assert set(label["themes"]) <= {s["heading"] for s in label["sections"] if s["level"] == 2}
    questions = label["questions"]
    assert questions and len(set(questions)) == len(questions)
    for q in questions:
        assert not MARKER.match(q), q
        assert not q.endswith((";", "；", ".", "。", ",", "，")), q
        # The wording is the note's: only the first letter may have been capitalised after a split.
        assert _found(q, text, language) or _found(q[0].lower() + q[1:], text, language), q
    assert all(t in questions for t in label["topics"])
    assert not any(t.endswith(("?", "？")) for t in label["topics"])


def test_briefers_outcome_and_limit_are_traceable(labelled: tuple[Path, dict[str, Any], str]) -> None:
    _, label, text = labelled
    language = label["language"]
    assert label["briefers"]
    for briefer in label["briefers"]:
        assert briefer["title"] is not None
        assert briefer["name"] is None or _found(briefer["name"], text, language), briefer
        # A nameless briefer is a body's representative or office-holder, or a role ("Youth representative").
        assert briefer["name"] is not None or briefer["organization"] is not None or briefer["title"] not in (
            "Representative", "代表"), briefer
    outcome = label["outcome"]
    assert outcome["kind"] in OUTCOME_KINDS
    if outcome["kind"] == "unknown":
        assert outcome["evidence"] is None
    else:
        assert outcome["evidence"] and _found(outcome["evidence"], text, language)


def test_cited_symbols_are_well_formed_and_in_the_note(labelled: tuple[Path, dict[str, Any], str]) -> None:
    _, label, text = labelled
    cited = label["cited_documents"]
    assert len(set(cited)) == len(cited)
    assert label["symbol"] not in cited
    flat = _flat(text)
    for symbol in cited:
        assert SYMBOL.match(symbol), symbol
        resolution = re.fullmatch(r"S/RES/(\d+) \((\d{4})\)", symbol)
        assembly = re.fullmatch(r"A/RES/(\d+/\d+)", symbol)
        if resolution:  # "resolution 2417 (2018)", "第2417(2018)号决议", "第 2086(2013) 号"
            number, year = resolution.groups()
            assert re.search(rf"(?<!\d){number}\s*\(\s*{year}\s*\)", flat), symbol
        elif assembly:  # "General Assembly resolution 60/288", "resolutions 73/27 and 73/266"
            assert re.search(rf"(?<![\d/]){assembly.group(1)}(?!\d)", flat), symbol
        else:
            assert re.search(rf"{re.escape(symbol)}(?![\d/])", flat), symbol


def test_the_corpus_covers_the_shapes_of_issue_11() -> None:
    labels = {p.stem: _label(p) for p in LABELS.glob("*.json")}
    own = {name: label for name, label in labels.items() if not name.startswith("bundled_")}
    assert sum(label["language"] == "en" for label in own.values()) >= 8
    assert sum(label["language"] == "zh" for label in own.values()) >= 2
    assert {"bundled_seed_S-2014-74", "bundled_sample_transitions.en"} <= set(labels)
    assert {label["outcome"]["kind"] for label in own.values()} == OUTCOME_KINDS
    assert any(label["letter_date"] is None for label in own.values())  # annex only
    assert any(label["symbol"] is None for label in own.values())
    assert any(label["symbol"] is not None for label in own.values())
    assert any(label["topics"] for label in own.values())
    assert any(b["name"] is None for label in own.values() for b in label["briefers"])
    limits = {label["speaking_limit_minutes"] for label in own.values()}
    assert None in limits and {3, 4, 5} <= limits
    assert sorted(n.name for n in CORPUS.glob("*.txt")) == sorted(
        _note_path(LABELS / f"{name}.json", label).name for name, label in own.items()
    ), "every note has a label and every label a note"


_EN_DAY = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (\d{1,2}) (January|February|March|April|May|June"
    r"|July|August|September|October|November|December) (\d{4})"
)
_ZH_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日星期([一二三四五六日])")
# "Thursday 3 April", "5月21日星期四": no year, so the year of the letter (LABELLING.md, "Dates").
_EN_DAY_NO_YEAR = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (\d{1,2}) (January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b(?!,? \d{4})"
)
_ZH_DAY_NO_YEAR = re.compile(r"(?<![年\d])(\d{1,2})月(\d{1,2})日星期([一二三四五六日])")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def test_weekdays_written_in_the_notes_match_their_dates(labelled: tuple[Path, dict[str, Any], str]) -> None:
    """A made-up note must not say "Tuesday" of a Thursday: a reader would trust neither."""
    _, label, text = labelled
    seen = 0
    for weekday, day, month, year in _EN_DAY.findall(_flat(text)):
        assert date(int(year), _MONTHS.index(month) + 1, int(day)).strftime("%A") == weekday
        seen += 1
    for year, month, day, weekday in _ZH_DAY.findall(text):
        assert "一二三四五六日"[date(int(year), int(month), int(day)).weekday()] == weekday
        seen += 1
    dated = label["letter_date"] or label["meeting_date"]
    for weekday, day, month in _EN_DAY_NO_YEAR.findall(_flat(text)):
        year = int(dated[:4])
        assert date(year, _MONTHS.index(month) + 1, int(day)).strftime("%A") == weekday
        seen += 1
    for month, day, weekday in _ZH_DAY_NO_YEAR.findall(text):
        year = int(dated[:4])
        assert "一二三四五六日"[date(year, int(month), int(day)).weekday()] == weekday
        seen += 1
    if seen:
        assert label["meeting_date"] is not None


# Each hold-out corpus and its least numbers of English and Chinese notes (the fourth is a smaller
# corpus aimed at briefers and questions).
HOLDOUTS = [(HOLDOUT, 8, 3), (HOLDOUT2, 8, 3), (HOLDOUT3, 8, 3), (HOLDOUT4, 5, 3)]


@pytest.mark.parametrize(("holdout", "english", "chinese"), HOLDOUTS, ids=[h.name for h, _, _ in HOLDOUTS])
def test_the_holdout_corpus_is_complete_and_in_other_shapes(holdout: Path, english: int, chinese: int) -> None:
    """The hold-out notes: enough of them, each with a label, every outcome kind, two PDF copies."""
    labels = {p.stem: _label(p) for p in sorted((holdout / "labels").glob("*.json"))}
    assert sum(label["language"] == "en" for label in labels.values()) >= english
    assert sum(label["language"] == "zh" for label in labels.values()) >= chinese
    assert sorted(n.name for n in holdout.glob("*.txt")) == sorted(
        _note_path(holdout / "labels" / f"{name}.json", label).name for name, label in labels.items()
    ), "every note has a label and every label a note"
    assert {label["outcome"]["kind"] for label in labels.values()} == OUTCOME_KINDS
    assert any(label["letter_date"] is None for label in labels.values())
    assert {label["symbol"] is None for label in labels.values()} == {True, False}
    assert {None, 3, 4, 5} <= {label["speaking_limit_minutes"] for label in labels.values()}
    texts = {name: _note_path(holdout / "labels" / f"{name}.json", label).read_text(encoding="utf-8")
             for name, label in labels.items()}
    pdf_copies = {labels[name]["language"] for name, text in texts.items() if re.search(r"^\*\d{7}\*$", text, re.M)}
    assert pdf_copies == {"en", "zh"}  # copied out of a PDF viewer: a barcode line on the first page
