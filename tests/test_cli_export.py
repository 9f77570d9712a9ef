"""`debateprep export brief`: stdout or a file, never overwriting without --force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from debateprep.exporters.markdown import outline
from tests.conftest import SAMPLES
from tests.test_brief import EN_SECTIONS, ZH_SECTIONS, assert_well_formed, sections

SEED_NOTE = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"


def test_no_debate_yet(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["export", "brief"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("debateprep: error: no debate yet")


def test_brief_to_stdout_in_both_languages(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(["import", str(SEED_NOTE)]).exit_code == 0
    zh = cli(["export", "brief"])
    assert zh.exit_code == 0, zh.stderr
    assert outline(zh.stdout)[0][1].startswith("代表团简报：")
    assert sections(zh.stdout) == ZH_SECTIONS
    assert_well_formed(zh.stdout)
    en = cli(["export", "brief", "1", "--lang", "en", "--delegation", "China"])
    assert en.exit_code == 0, en.stderr
    assert sections(en.stdout) == EN_SECTIONS
    assert "**Our delegation:** China" in en.stdout
    assert "Traceback" not in en.stderr


def test_file_is_never_overwritten_without_force(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli(["import", str(SEED_NOTE)]).exit_code == 0
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    first = cli(["export", "brief", "-o", str(target), "--lang", "en"])
    assert first.exit_code == 0, first.stderr
    assert first.stdout == "" and f"wrote {target}" in first.stderr and "13 questions" in first.stderr
    assert sections(target.read_text(encoding="utf-8")) == EN_SECTIONS
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600

    target.write_text("our own notes", encoding="utf-8")
    refused = cli(["export", "brief", "-o", str(target)])
    assert refused.exit_code == 2
    assert refused.stderr.strip() == f"debateprep: error: {target}: already exists; use --force to overwrite it"
    assert target.read_text(encoding="utf-8") == "our own notes"

    forced = cli(["export", "brief", "-o", str(target), "--force"])
    assert forced.exit_code == 0
    assert sections(target.read_text(encoding="utf-8")) == ZH_SECTIONS
    assert not list(target.parent.glob(".*.tmp"))


def test_html_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli(["import", str(SEED_NOTE)]).exit_code == 0
    target = tmp_path / "brief.html"
    result = cli(["export", "brief", "--html", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-Hans">' in page
    assert "<title>代表团简报：" in page and page.count("<h2>") == len(ZH_SECTIONS)
    assert page.count("<h3>") == 13


def test_bad_arguments(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(["import", str(SEED_NOTE)]).exit_code == 0
    missing = cli(["export", "brief", "42"])
    assert missing.exit_code == 1 and "no debate #42" in missing.stderr
    word = cli(["export", "brief", "latest"])
    assert word.exit_code == 2 and word.stderr.startswith("usage: debateprep export brief")
    assert word.stderr.splitlines()[-1].endswith("DEBATE is a debate number (see `debateprep debate list`), not 'latest'")
    lang = cli(["export", "brief", "--lang", "fr"])
    assert lang.exit_code == 2 and "invalid choice" in lang.stderr


def test_every_export_refuses_a_folder_that_does_not_exist(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A mistyped folder is said in one line naming it; nothing is created, nothing written."""
    assert cli(["demo", "--no-tui"]).exit_code == 0
    assert cli(["prst", "new", "2"]).exit_code == 0
    made = cli(["ours", "new", "2", "--delegation", "China", "--json"])
    assert made.exit_code == 0, made.stderr
    section = made.json()["sections"][6]["id"]
    assert cli(["ours", "edit", "1", str(section), "中方认为，应确保全体维和人员在部署前接受保护平民培训。"]).exit_code == 0
    missing = tmp_path / "no-such" / "deeper"
    commands = [["export", "brief", "-o", missing / "brief.md"], ["export", "brief", "-o", missing / "brief.docx"],
                ["export", "brief", "-o", f"{missing}/"], ["speakers", "export", "2", "-o", missing / "list.csv"],
                ["prst", "export", "-o", missing / "prst.md"], ["prst", "export", "-o", missing / "prst.docx"],
                ["ours", "export", "1", "-o", missing / "ours.docx"], ["ours", "export", "1", "-o", missing / "ours.md"]]
    for command in commands:
        for lang, words in (("en", "no such folder; create the folder first"), ("zh", "没有这个文件夹；请先创建该文件夹")):
            result = cli(["--lang", lang, *command])
            assert result.exit_code == 2, (command, result.stderr)
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
            assert f"{missing}: {words}" in result.stderr, result.stderr
    assert not (tmp_path / "no-such").exists()
    assert cli(["export", "brief", "-o", tmp_path / "brief.md"]).exit_code == 0  # an existing folder is fine
