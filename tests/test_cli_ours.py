"""`debateprep ours …` and the Word exports of the brief and the PRST draft, from the command line."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

TRAINING_ZH = "中方认为，应确保全体维和人员在部署前接受保护平民培训，培训标准应当统一。"


@pytest.fixture
def seeded_cli(cli: Callable[..., CliResult]) -> Callable[..., CliResult]:
    assert cli(["demo", "--no-tui"]).exit_code == 0
    return cli


def test_every_ours_command_has_help(sqlite_cli: Callable[..., CliResult]) -> None:
    from debateprep.cli.main import build_parser

    parser = build_parser()
    ours = next(a for a in parser._subparsers._group_actions[0].choices.items() if a[0] == "ours")[1]  # type: ignore[union-attr]
    actions = ours._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(actions) == {"new", "list", "show", "edit", "add", "remove", "move", "insert", "sources", "check",
                            "set", "revise", "diff", "rehearse", "export"}
    for name in actions:
        result = sqlite_cli(["ours", name, "--help"])
        assert result.exit_code == 0 and "usage:" in result.stdout


def test_write_check_revise_and_export_a_chinese_statement(seeded_cli: Callable[..., CliResult],
                                                            tmp_path: Path) -> None:
    cli = seeded_cli
    made = cli(["ours", "new", "2", "--delegation", "China", "--chair", "madam", "--json"])
    assert made.exit_code == 0, made.stderr
    data = made.json()
    assert isinstance(data, dict) and data["language"] == "zh" and data["delegation"] == "中国"
    assert data["sections"][0]["text"].startswith("主席女士，我感谢立陶宛举办此次公开辩论，感谢阿莫斯副秘书长")
    assert data["estimate"]["limit_seconds"] == 300 and data["limit"]["source"] == "speakers list"

    hollow = cli(["ours", "export", "1", "-o", tmp_path / "hollow.md"])
    assert hollow.exit_code == 2 and hollow.stderr.count("\n") == 1
    assert "only placeholders" in hollow.stderr and not (tmp_path / "hollow.md").exists()

    edited = cli(["ours", "edit", "1", "7", TRAINING_ZH, "--json"])
    assert edited.exit_code == 0, edited.stderr
    assert edited.json()["estimate"]["units"] > data["estimate"]["units"]  # type: ignore[index]
    inserted = cli(["ours", "insert", "1", "7", "--suggestion", "1", "--json"])
    assert inserted.exit_code == 0, inserted.stderr
    text = inserted.json()["text"]  # type: ignore[index]
    assert "[^S/RES/" in text

    check = cli(["ours", "check", "1"])
    assert check.exit_code == 0
    missing = next(line for line in check.stdout.splitlines() if line.startswith("not yet addressed: "))
    assert {"Q8", "Q9"} <= set(missing.removeprefix("not yet addressed: ").split(", "))
    assert "placeholders left" in check.stdout
    strict = cli(["ours", "check", "1", "--strict", "--json"])
    assert strict.exit_code == 1 and "Q8" in strict.json()["missing"]  # type: ignore[index]

    assert cli(["ours", "revise", "1"]).stdout.startswith("rev.1")
    assert cli(["ours", "edit", "1", "7", TRAINING_ZH.replace("应当", "必须")]).exit_code == 0
    diff = cli(["ours", "diff", "1"])
    assert "rev.1 -> current: 1 changed" in diff.stdout and "[-应当-]{+必须+}" in diff.stdout

    md = tmp_path / "ours.md"
    assert cli(["ours", "export", "1", "-o", md]).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# 中国在安全理事会")
    assert oct(md.stat().st_mode & 0o777) == "0o600"
    again = cli(["ours", "export", "1", "-o", md])
    assert again.exit_code == 2 and "already exists; use --force" in again.stderr
    assert md.read_text(encoding="utf-8").startswith("# 中国在安全理事会")
    word = tmp_path / "ours.docx"
    assert cli(["ours", "export", "1", "-o", word]).exit_code == 0
    assert word.read_bytes()[:2] == b"PK"
    assert cli(["ours", "export", "1", "--docx"]).exit_code == 2
    rehearsed = cli(["ours", "rehearse", "1", "4:35", "--json"])
    assert rehearsed.exit_code == 0 and rehearsed.json()["actual_seconds"] == 275  # type: ignore[index]
    assert "not a duration" in cli(["ours", "rehearse", "1", "4:75"]).stderr


def test_english_statement_for_a_non_member_and_bad_input(seeded_cli: Callable[..., CliResult],
                                                          tmp_path: Path) -> None:
    import docx

    from debateprep.exporters.docx import read_footnotes

    cli = seeded_cli
    assert cli(["speakers", "add", "2", "Norway"]).exit_code == 0
    made = cli(["ours", "new", "2", "--lang", "en", "--delegation", "Norway", "--on-behalf", "Nordic countries",
                "--aligning", "Estonia, Latvia", "--json"])
    assert made.exit_code == 0, made.stderr
    sections = made.json()["sections"]  # type: ignore[index]
    assert sections[1]["kind"] == "question"
    opening = sections[0]["text"]
    assert "I thank the presidency of Lithuania" in opening
    assert "I have the honour to speak on behalf of the Nordic countries. Estonia and Latvia align themselves" in opening
    empty = cli(["ours", "edit", "1", "1", ""])
    assert empty.exit_code == 0
    for n in range(2, 16):
        cli(["ours", "edit", "1", str(n), ""])
    nothing = cli(["ours", "export", "1"])
    assert nothing.exit_code == 2 and "no text yet" in nothing.stderr and "Traceback" not in nothing.stderr
    body = tmp_path / "body.txt"
    body.write_text("Norway trains every peacekeeper it deploys to protect civilians. [add figures]", encoding="utf-8")
    assert cli(["ours", "edit", "1", "3", "--file", body]).exit_code == 0
    missing = cli(["ours", "edit", "1", "3", "--file", tmp_path / "none.txt"])
    assert missing.exit_code == 2 and "none.txt: " in missing.stderr and missing.stderr.count("\n") == 1
    word = tmp_path / "norway.docx"
    assert cli(["ours", "export", "1", "-o", word]).exit_code == 0
    document = docx.Document(str(word))
    assert document.sections[0].header.paragraphs[0].text == (
        "Statement by Norway on behalf of the Nordic countries at the Security Council open debate on protection "
        "of civilians in armed conflict")
    assert "Check against delivery" in [p.text for p in document.paragraphs]
    assert read_footnotes(word.read_bytes()) == {}
    for args, message in ((["ours", "show", "99"], "no statement draft #99"),
                          (["ours", "edit", "1", "99", "x"], "no section with id 99"),
                          (["ours", "set", "1", "--limit", "soon"], "not a number of minutes"),
                          (["ours", "new", "2", "--delegation", ""], "no delegation")):
        result = cli(args)
        assert result.exit_code != 0 and message in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_brief_and_prst_export_to_word(seeded_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    import docx

    from debateprep.exporters.docx import read_footnotes

    cli = seeded_cli
    brief = tmp_path / "brief.docx"
    result = cli(["export", "brief", "2", "-o", brief, "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(brief))
    assert document.sections[0].header.paragraphs[0].text == "Delegation brief: 武装冲突保护平民"
    assert "PAGE" in document.sections[0].footer.paragraphs[0]._p.xml
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0] == "Meeting" and headings[-1] == "Our statement"
    assert document.tables and document.tables[0].cell(0, 1).text == "Delegation"
    assert cli(["export", "brief", "2", "--docx", "--html", "-o", tmp_path / "x.docx"]).exit_code == 2

    assert cli(["prst", "new", "2"]).exit_code == 0
    assert cli(["prst", "add", "1", "--library", "S/RES/2594 (2021), OP 4"]).exit_code == 0
    annotated = tmp_path / "prst.docx"
    assert cli(["prst", "export", "1", "--annotated", "-o", annotated]).exit_code == 0
    notes = read_footnotes(annotated.read_bytes())
    assert list(notes) == [1] and "S/RES/2594 (2021), OP 4" in notes[1]
    clean = docx.Document(io.BytesIO((tmp_path / "prst.docx").read_bytes()))
    assert clean.sections[0].header.paragraphs[0].text == "安全理事会主席的声明"
    exists = cli(["prst", "export", "1", "-o", annotated])
    assert exists.exit_code == 2 and "already exists" in exists.stderr


def test_edit_from_a_fifo_is_refused_not_waited_on(sqlite_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    """A named pipe given as --file used to block the command forever (found by the fuzz tests)."""
    import os

    assert sqlite_cli(["debate", "new", "Protection of civilians"]).exit_code == 0
    assert sqlite_cli(["ours", "new", "1", "--delegation", "Norway", "--lang", "en"]).exit_code == 0
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = sqlite_cli(["ours", "edit", "1", "1", "--file", fifo])
    assert result.exit_code == 2 and "pipe.txt: " in result.stderr and result.stderr.count("\n") == 1
    word = tmp_path / "section.docx"
    import docx

    document = docx.Document()
    document.add_paragraph("Norway trains every peacekeeper it deploys.")
    document.add_paragraph("Second paragraph.")
    document.save(str(word))
    assert sqlite_cli(["ours", "edit", "1", "1", "--file", word]).exit_code == 0
    shown = sqlite_cli(["ours", "show", "1", "--json"]).json()
    assert shown["sections"][0]["text"] == "Norway trains every peacekeeper it deploys.\n\nSecond paragraph."  # type: ignore[index]


def test_a_concurrent_change_never_lands_on_the_wrong_section(seeded_cli: Callable[..., CliResult]) -> None:
    """Sections are addressed by id (numbers move when someone else moves a section) and every
    change checks the version its writer saw (issue 17's class of defect, on our statement)."""
    cli = seeded_cli
    assert cli(["ours", "new", "2", "--delegation", "China"]).exit_code == 0
    shown = cli(["ours", "show", "1", "--json"]).json()
    assert isinstance(shown, dict)
    sections = shown["sections"]
    second, third = sections[1], sections[2]
    # a colleague moves §2 below §3; we edit what we saw as §2 (its id, its version)
    moved = cli(["ours", "move", "1", str(second["id"]), "3", "--version", str(shown["version"])])
    assert moved.exit_code == 0, moved.stderr
    edited = cli(["ours", "edit", "1", str(second["id"]), "修订后的第二节。", "--version", str(second["version"]),
                  "--json"])
    assert edited.exit_code == 0, edited.stderr
    assert edited.json()["number"] == 3  # type: ignore[index]
    after = cli(["ours", "show", "1", "--json"]).json()
    assert isinstance(after, dict)
    by_id = {s["id"]: s for s in after["sections"]}
    assert by_id[second["id"]]["text"] == "修订后的第二节。"
    assert by_id[third["id"]]["text"] == third["text"]  # the section now at §2 is untouched
    # a stale version refuses edit, remove, insert and move, with what changed
    for args in (["edit", "1", str(second["id"]), "again", "--version", str(second["version"])],
                 ["remove", "1", str(second["id"]), "--version", str(second["version"])],
                 ["insert", "1", str(second["id"]), "--suggestion", "1", "--version", str(second["version"])],
                 ["move", "1", str(second["id"]), "2", "--version", str(shown["version"])]):
        refused = cli(["ours", *args])
        assert refused.exit_code != 0 and refused.stderr.count("\n") == 1, (args, refused.stderr)
    assert len(cli(["ours", "show", "1", "--json"]).json()["sections"]) == len(sections)  # type: ignore[index]
    unknown = cli(["ours", "edit", "1", "999", "x"])
    assert unknown.exit_code == 2 and "no section with id 999" in unknown.stderr
    shows_ids = cli(["ours", "show", "1"]).stdout
    assert f"(question, id {third['id']}, v{third['version']})" in shows_ids or f"id {third['id']}, v" in shows_ids


def test_rehearse_names_the_unit_of_its_pace(seeded_cli: Callable[..., CliResult]) -> None:
    """"34 a minute" said nothing: a Chinese statement is read in characters, an English one in words."""
    import re

    cli = seeded_cli
    assert cli(["ours", "new", "2", "--delegation", "China"]).exit_code == 0  # #1, in Chinese
    english_made = cli(["ours", "new", "2", "--lang", "en", "--delegation", "Norway", "--json"])  # #2, in English
    assert english_made.exit_code == 0, english_made.stderr
    assert cli(["ours", "edit", "1", "7", TRAINING_ZH]).exit_code == 0
    section = english_made.json()["sections"][1]["id"]  # type: ignore[index]
    assert cli(["ours", "edit", "2", str(section), "Norway stresses that every peacekeeper must be trained "
                                                   "to protect civilians before deployment."]).exit_code == 0
    for statement, en_unit, zh_unit in (("1", "characters a minute", "字/分钟"), ("2", "words a minute", "词/分钟")):
        english = cli(["--lang", "en", "ours", "rehearse", statement, "3:00"])
        assert english.exit_code == 0, english.stderr
        assert re.search(rf"^read aloud in 3:00 \(estimate \d+:\d\d\) · \d+ {en_unit}$", english.stdout.strip())
        chinese = cli(["--lang", "zh", "ours", "rehearse", statement, "3:00"])
        assert chinese.exit_code == 0, chinese.stderr
        assert re.search(rf" · \d+ {zh_unit}$", chinese.stdout.strip()), chinese.stdout
        assert "read aloud" not in chinese.stdout and "minute" not in chinese.stdout
