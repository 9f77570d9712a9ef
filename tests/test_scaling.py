"""Every importer and exporter stays linear on pathological input (issue 17: a verbatim record of
1.5 MB of "The President:" lines, a long speakers CSV and a 100 KB query each took minutes).

Each case doubles its input four times (the largest a few hundred KB) and checks each doubling
costs at most 2.5 times as long, measured inside the test (tests/support/scaling.py). The concept
note parser and the file reader are covered by their own work; they run here only as part of the
statement import.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from debateprep.domain.roster import Roster
from tests.support.scaling import assert_linear

ROSTER = Roster.load()
_files = itertools.count()

# -- verbatim records ----------------------------------------------------------------------------

RECORD_SHAPES: dict[str, Callable[[int], str]] = {
    "president_lines": lambda n: "The President:\n" * n,
    "president_speaking": lambda n: "The President: I now give the floor to the representative of China.\n" * n,
    "headers_in_every_language": lambda n: "".join(
        f"Mr. Zhang Jun (China) (spoke in {lang}): 中国赞赏。\n" for lang in ["Chinese", "French"] * (n // 2)),
    "one_long_statement": lambda n: "Mr. Zhang Jun (China): " + "保护平民 protection of civilians " * n + "\n",
    "parentheses_before_colons": lambda n: ("(" * 150 + ":" + ")" * 10 + "\n") * n,
    "colon_just_past_the_header_limit": lambda n: ("x" * 161 + ": text\n") * n,
    "chinese_president": lambda n: "主席（以法语发言）：我现在请中国代表发言。\n" * n,
    "no_newlines": lambda n: "The President: " + "Mr. X (Chad) (spoke in French): " * n,
}


@pytest.mark.parametrize("shape", sorted(RECORD_SHAPES))
def test_verbatim_record_split_is_linear(shape: str) -> None:
    from debateprep.domain.errors import InputError
    from debateprep.importers.statements import split_records

    def run(text: str) -> None:
        try:
            split_records([("S/PV.8699", text)], ROSTER)
        except InputError:
            pass  # no speaker found: refused, as fast as accepted

    assert_linear(RECORD_SHAPES[shape], run, base=250)


@pytest.mark.parametrize("shape", sorted(RECORD_SHAPES))
def test_speakers_heard_in_a_record_is_linear(shape: str) -> None:
    from debateprep.domain.record_speakers import speakers_from_record

    assert_linear(RECORD_SHAPES[shape], lambda text: speakers_from_record([text], ROSTER, date(2020, 1, 9)), base=250)


def test_a_record_with_too_many_speeches_is_refused_before_storage(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from debateprep.domain.errors import InputError
    from debateprep.services.debates import DebateService
    from debateprep.services.statements import StatementService

    debate = DebateService(sqlite_db).create("x", meeting_date=date(2020, 1, 9))
    record = tmp_path / "S_PV.8699.txt"
    record.write_text("The President:\n" * 20_000, encoding="utf-8")
    with pytest.raises(InputError, match="20,000 speeches; one verbatim record has a few hundred at most"):
        StatementService(sqlite_db).import_record(debate.id, [record])
    assert StatementService(sqlite_db).list(debate.id) == []


# -- statement files -------------------------------------------------------------------------

STATEMENT_SHAPES: dict[str, Callable[[int], str]] = {
    "one_huge_line": lambda n: "Mr. Zhang Jun (China): " + "We stress the protection of civilians. " * (n // 4),
    "many_short_lines": lambda n: "Mr. Zhang Jun (China):\n" + "civilians\n" * n,
    "chinese_without_spaces": lambda n: "张军先生（中国）：" + "保护平民" * n,
    "bullets_and_numbers": lambda n: "".join(f"{i}. (a) - • {i}) text;\n" for i in range(n // 2)),
    "blank_lines": lambda n: "Statement\n" + "\n \n\t\n" * n + "end",
}


@pytest.mark.parametrize("shape", sorted(STATEMENT_SHAPES))
def test_statement_file_import_is_linear(shape: str, tmp_path: Path) -> None:
    from debateprep.domain.errors import InputError
    from debateprep.importers.statements import statement_from_file

    def make(n: int) -> Path:
        path = tmp_path / f"statement{next(_files)}.txt"
        path.write_text(STATEMENT_SHAPES[shape](n), encoding="utf-8")
        return path

    def run(path: Path) -> None:
        try:
            statement_from_file(path, ROSTER)
        except InputError:
            pass  # refused: as fast as accepted

    assert_linear(make, run, base=500)


# -- the library ---------------------------------------------------------------------------------

HEAD = "Resolution 2594 (2021)\nAdopted by the Security Council at its 8853rd meeting, on 9 September 2021\n\n" \
       "The Security Council,\n\n"
LIBRARY_SHAPES: dict[str, Callable[[int], str]] = {
    "many_preambular": lambda n: HEAD + "Recalling its previous resolutions on peacekeeping,\n\n" * n,
    "many_operative": lambda n: HEAD + "".join(f"{i}. Decides to remain seized of the matter;\n\n" for i in range(1, n)),
    "sub_paragraphs": lambda n: HEAD + "1. Requests the Secretary-General:\n" + "(a) to report;\n" * n,
    "one_huge_paragraph": lambda n: HEAD + "1. Decides " + "that peacekeeping shall continue, " * n + ";\n",
    "footnote_marks": lambda n: HEAD + "".join(f"{i}. Recalls S/RES/1 (1946){i};\n\n" for i in range(1, n)),
    "chinese": lambda n: "第 2518(2020)号决议\n安全理事会于 2020 年 3 月 30 日通过\n安全理事会，\n\n"
                         + "回顾以往的相关决议，\n\n" * n,
}


@pytest.mark.parametrize("shape", sorted(LIBRARY_SHAPES))
def test_library_document_parse_is_linear(shape: str) -> None:
    from debateprep.domain.resolution import parse_adopted

    assert_linear(LIBRARY_SHAPES[shape], lambda text: parse_adopted(text, symbol="S/RES/2594 (2021)"), base=100)


# -- speakers CSV, backups -------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["people", "overrides", "delegations"])
def test_speakers_csv_import_is_linear(shape: str, tmp_path: Path, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.debates import DebateService
    from debateprep.services.speakers import SpeakersService

    states = list({d.code: d for d in ROSTER.delegations.values() if d.is_state}.values())

    def make(n: int) -> Path:
        if shape == "people":
            rows = [f"Person {i},yes,note {i}" for i in range(n)]
        elif shape == "overrides":
            rows = [f"Person {i},yes,after Person {i - 1}" if i else "Person 0,yes," for i in range(n)]
        else:
            rows = [f"\"{d.name}\",no,x{i}" for i, d in enumerate(states[:n])] + \
                   [f"Person {i},yes,x" for i in range(max(0, n - len(states)))]
        path = tmp_path / f"list{next(_files)}.csv"
        column = "override" if shape == "overrides" else "notes"
        path.write_text("delegation,person," + column + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
        return path

    def run(path: Path) -> None:  # into a new debate each time: the same file may run twice
        debate = DebateService(sqlite_db).create("x", meeting_date=date(2020, 1, 9))
        SpeakersService(sqlite_db).import_csv(debate.id, path)

    assert_linear(make, run, base=30, repeats=1)


def test_speakers_csv_limits_refuse_early(sqlite_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert sqlite_cli(["debate", "new", "x"]).exit_code == 0
    long_list = tmp_path / "long.csv"
    long_list.write_text("delegation,person\n" + "".join(f"P{i},yes\n" for i in range(100_000)), encoding="utf-8")
    refused = sqlite_cli(["speakers", "import", "1", long_list])
    assert refused.exit_code == 2 and "more than 2,000 rows" in refused.stderr
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.write(b"delegation,notes\n")
        handle.truncate(25 * 1024 * 1024)
    refused = sqlite_cli(["speakers", "import", "1", huge])
    assert refused.exit_code == 2 and "too large (25.0 MB; the limit is 20 MB)" in refused.stderr
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(5000)) + "\nChina\n", encoding="utf-8")
    refused = sqlite_cli(["speakers", "import", "1", wide])
    assert refused.exit_code == 2 and "5,000 columns" in refused.stderr


def test_backup_file_read_is_linear(tmp_path: Path) -> None:
    from debateprep.services.backup import read_backup

    def make(n: int) -> Path:
        rows = [[i, f"保护平民 {i}", "2014-02-12", None, True] for i in range(n)]
        data = {"format": "debateprep-backup", "format_version": 1, "schema_revision": "0007", "scope": {},
                "tables": [{"name": "t", "columns": [["id", "integer"], ["title", "text"], ["d", "date"],
                                                      ["x", "float"], ["b", "boolean"]], "rows": rows}]}
        path = tmp_path / f"backup{next(_files)}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    assert_linear(make, read_backup, base=500)


# -- exporters -------------------------------------------------------------------------------

EXPORT_SHAPES: dict[str, Callable[[int], str]] = {
    "line_breaks": lambda n: "\n" * n,
    "chinese_breaks": lambda n: "中\n \n" * n,
    "markup": lambda n: "*_[`<#|~&\\" * n,
    "controls_and_bidi": lambda n: "\x1b[31m\u202eabc\x00" * n,
    "ordered_start": lambda n: "1." * n,
}


@pytest.mark.parametrize("shape", sorted(EXPORT_SHAPES))
def test_markdown_escaping_is_linear(shape: str) -> None:
    from debateprep.exporters.markdown import Document

    def run(text: str) -> None:
        doc = Document()
        doc.paragraph(text)
        doc.table(["a"], [[text]])
        doc.to_markdown()

    assert_linear(EXPORT_SHAPES[shape], run, base=500)


@pytest.mark.parametrize("shape", sorted(EXPORT_SHAPES))
def test_csv_export_is_linear(shape: str) -> None:
    from debateprep.exporters.csv_safe import write_csv

    assert_linear(EXPORT_SHAPES[shape], lambda text: write_csv(["a", "b"], [["=" + text, text]] * 4), base=500)


# -- sentences (used by concept notes, briefers and the brief) ---------------------------------

SENTENCE_SHAPES: dict[str, Callable[[int], str]] = {
    "abbreviations": lambda n: "The President: " + "Mr. X (Chad) (spoke in French): " * n,
    "initials": lambda n: "J. Smith and " * n,
    "short_sentences": lambda n: "It is. So " * n,
    "chinese": lambda n: "保护平民。" * n,
}


@pytest.mark.parametrize("shape", sorted(SENTENCE_SHAPES))
def test_sentence_split_is_linear(shape: str) -> None:
    """Found by the hostile run: a long run of "Mr." before full stops rescanned the whole text
    before each one (minutes for 256 KB)."""
    from debateprep.domain.text import sentences

    assert_linear(SENTENCE_SHAPES[shape], sentences, base=1000)
