"""`debateprep statements …` end to end, in-process, on real records."""

from __future__ import annotations

import io
import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "statements"


def _debate(cli, meeting: int = 8699) -> str:  # type: ignore[no-untyped-def]
    made = cli(["debate", "new", "Maintenance of international peace and security", "--meeting", str(meeting),
                "--date", "2020-01-09", "--presidency", "Viet Nam", "--json"])
    assert made.exit_code == 0, made.stderr
    return str(made.json()["id"])


def test_import_a_record_then_list(cli, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    debate = _debate(cli)
    folder = shared_data / "spv_2020_speeches"
    result = cli(["statements", "import", debate, folder, "--record", "--json"])
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["summary"]["imported"] == 214 and data["summary"]["unmapped"] == 0
    assert data["records"][-1] == "S/PV.8699 (Resumption 2)"
    listed = cli(["statements", "list", debate, "--json"]).json()
    assert len(listed) == 112 and all(s["delegation"] for s in listed)
    assert "text" not in listed[0]
    assert cli(["statements", "list", debate, "--unmapped"]).stdout.strip() == "no statements left unmapped"
    again = cli(["statements", "import", debate, folder, "--record"])
    assert again.exit_code == 2
    assert again.stderr.startswith("debateprep: error: debate #1 already has 'S/PV.8699 #1' and 213 more")


def test_statement_files_show_and_errors(sqlite_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli = sqlite_cli
    debate = _debate(cli)
    imported = cli(["statements", "import", debate, DATA / "china_s-pv-8699_zh.txt"])
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout.startswith("imported 1 speech into debate #1: 1 statement, 0 briefings, 0 procedural; "
                                      "1 delegation\n")  # one of each, in the singular
    assert "every speech with a delegation is mapped" in imported.stdout
    shown = cli(["statements", "show", "1", "--json"]).json()
    assert shown["delegation"] == "China" and shown["language"] == "zh"
    kinds = {p["kind"] for p in shown["proposals"]}
    assert {"call", "recommendation", "commitment"} <= kinds
    text = cli(["statements", "show", "1"]).stdout
    assert "[call]" in text and "我们呼吁有关各方保持最大限度克制" in text

    missing = cli(["statements", "import", debate, tmp_path / "nope.docx"])
    assert missing.exit_code == 2 and missing.stderr.strip().endswith("nope.docx: no such file")
    assert "Traceback" not in missing.stderr
    folder = cli(["statements", "import", debate, tmp_path])
    assert folder.exit_code == 2 and "add --record" in folder.stderr
    assert cli(["statements", "show", "99"]).exit_code == 1
    both = cli(["statements", "resolve", "1", "China", "--none"])
    assert both.exit_code == 2 and "give a delegation name, or --none" in both.stderr
    no_questions = cli(["statements", "coverage", debate])
    assert no_questions.exit_code == 2 and "no guiding questions" in no_questions.stderr


def test_resolve_an_invited_briefer(sqlite_cli, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    cli = sqlite_cli
    debate = _debate(cli, 8723)
    report = cli(["statements", "import", debate, shared_data / "spv_2020_speeches", "--record"])
    assert report.exit_code == 0, report.stderr
    assert "every speech with a delegation is mapped" in report.stdout
    assert cli(["statements", "list", debate, "--unmapped", "--json"]).json() == []
    everyone = cli(["statements", "list", debate, "--json"]).json()
    sooka = next(s for s in everyone if s["speaker"] == "Ms. Sooka")  # mapped as her invitation words it
    assert sooka["delegation"].startswith("Executive Director of the Foundation for Human Rights in South Africa")
    assert sooka["mapped_by"] == "invitation"
    done = cli(["statements", "resolve", str(sooka["id"]), "--none", "--json"]).json()
    assert done["kind"] == "procedural" and done["version"] == 2
    stale = cli(["statements", "resolve", str(sooka["id"]), "South Africa", "--version", "1"])
    assert stale.exit_code == 2 and "was changed by someone else" in stale.stderr


def test_coverage_and_convergence(sqlite_cli, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    cli = sqlite_cli
    debate = _debate(cli)
    cli(["statements", "import", debate, shared_data / "spv_2020_speeches", "--record"])
    questions = DATA / "questions_s-2020-1_en-zh.txt"
    table = cli(["statements", "coverage", debate, "--questions", questions])
    assert table.exit_code == 0, table.stderr
    assert table.stdout.startswith("Q1 (")
    china_row = next(line for line in table.stdout.splitlines() if line.startswith("China "))
    assert len(china_row.split()) == 7  # the name and six cells
    evidence = cli(["statements", "coverage", debate, "--questions", questions, "--question", "3"]).stdout
    assert evidence.startswith("Q3 How can the Council strengthen its cooperation with regional")
    assert "Chapter VIII" in evidence and "strength" in evidence
    data = cli(["statements", "coverage", debate, "--questions", questions, "--json"]).json()
    assert len(data["questions"]) == 6 and len(data["delegations"]) == 110
    cell = data["cells"][0]
    assert cell["covered"] and cell["passage"]["text"] and cell["statement_id"]

    groups = cli(["statements", "convergence", debate, "--limit", "3"])
    lines = groups.stdout.splitlines()
    assert lines[0].startswith("1. ") and "delegations —" in lines[0]
    assert lines[-1].startswith("… ") and "more groups" in lines[-1]
    as_json = cli(["statements", "convergence", debate, "--json", "--limit", "0"]).json()
    assert as_json[0]["count"] == len(as_json[0]["supporters"]) >= 20


def test_a_folder_of_record_files_is_not_taken_for_statements(sqlite_cli, shared_data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Imported one statement per file, a verbatim record would mix meetings and lose the
    President's introductions: the folder is refused and the way to import it is named."""
    debate = _debate(sqlite_cli)
    folder = tmp_path / "record"
    folder.mkdir()
    for f in sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.869*_spch00[1-3].txt")):
        (folder / f.name).write_bytes(f.read_bytes())
    refused = sqlite_cli(["statements", "import", debate, folder])
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith(f"debateprep: error: {folder}: ") and "--record" in refused.stderr
    assert sqlite_cli(["statements", "list", debate, "--json"]).json() == []
    as_record = sqlite_cli(["statements", "import", debate, folder, "--record"])
    assert as_record.exit_code == 0, as_record.stderr


def test_mark_a_cell_see_it_in_coverage_and_carry_it_in_a_backup(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import run_cli

    debate = cli(["debate", "new", "Peacebuilding", "--json"]).json()["id"]
    for name, text in (("chile", "Mr. Rojas (Chile): The PBC's advisory role should be used early.\n"),
                       ("peru", "Mr. Paz (Peru): We thank the briefers.\n")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    assert cli(["statements", "import", debate, tmp_path / "chile.txt", tmp_path / "peru.txt"]).exit_code == 0
    questions = tmp_path / "questions.txt"
    questions.write_text("What role for the Peacebuilding Commission?\nHow can regional organizations help?\n",
                         encoding="utf-8")
    wrong = cli(["statements", "mark", debate, "Chile", "Q1", "--wrong", "--questions", questions])
    assert wrong.exit_code == 0, wrong.stderr
    assert wrong.stdout.startswith("Chile on Q1: marked wrong (the tool said addressed)")
    added = cli(["statements", "mark", debate, "Peru", "2", "--addressed", "--questions", questions, "--json"]).json()
    assert added["mark"] == "addressed" and added["tool_covered"] is False

    data = cli(["statements", "coverage", debate, "--questions", questions, "--json"]).json()
    marks = {(m["delegation"], m["question"]): m for m in data["marks"]}
    assert marks[("Chile", 1)]["mark"] == "wrong" and marks[("Chile", 1)]["by_tool"] is True
    assert marks[("Chile", 1)]["covered"] is False
    assert marks[("Chile", 1)]["explanation"] == "matched: Peacebuilding Commission ← PBC"
    assert marks[("Peru", 2)]["covered"] is True and marks[("Peru", 2)]["by_tool"] is False
    table = cli(["statements", "coverage", debate, "--questions", questions]).stdout
    assert "Chile" in table and "✗" in table and "✓" in table

    refused = cli(["statements", "mark", debate, "Chile", "Q1", "--wrong", "--addressed"])
    assert refused.exit_code == 2
    missing = cli(["statements", "mark", debate, "Chile", "Q1", "--wrong"])  # no concept note, no file
    assert missing.exit_code != 0 and missing.stderr.count("\n") == 1 and "no guiding questions" in missing.stderr

    backup = tmp_path / "debate.json"
    assert cli(["backup", backup, "--debate", debate]).exit_code == 0
    target = f"sqlite:///{tmp_path / 'other.db'}"
    restored = run_cli(["restore", backup], target)
    assert restored.exit_code == 0, restored.stderr
    again = run_cli(["statements", "coverage", debate, "--questions", questions, "--json"], target).json()
    assert {(m["delegation"], m["question"], m["mark"]) for m in again["marks"]} == {
        ("Chile", 1, "wrong"), ("Peru", 2, "addressed")}


def test_empty_coverage_and_convergence_say_why(sqlite_cli) -> None:  # type: ignore[no-untyped-def]
    cli = sqlite_cli
    debate = _debate(cli)
    questions = str(DATA / "questions_s-2020-1_en-zh.txt")
    for args in (["statements", "coverage", debate, "--questions", questions], ["statements", "convergence", debate]):
        empty = cli(args)
        assert empty.exit_code == 0 and empty.stdout.startswith(f"No statements imported for debate #{debate} yet")
        assert f"`debateprep statements import {debate} FILE…`" in empty.stdout
    assert cli(["statements", "import", debate, DATA / "china_s-pv-8699_zh.txt"]).exit_code == 0
    alone = cli(["statements", "convergence", debate]).stdout.strip()
    assert alone == "Statements from 1 delegation only: a proposal converges when 2 or more delegations make it."


def test_remove_a_statement_imported_by_mistake(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`statements remove ID` asks first (or takes --yes); the statement and the marks on its
    delegation's cells go in one transaction; coverage and convergence no longer count it."""
    debate = cli(["debate", "new", "Peacebuilding", "--json"]).json()["id"]
    for name, text in (("chile", "Mr. Rojas (Chile): The PBC's advisory role should be used early.\n"),
                       ("peru", "Mr. Paz (Peru): The PBC's advisory role should be used early.\n")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    assert cli(["statements", "import", debate, tmp_path / "chile.txt", tmp_path / "peru.txt"]).exit_code == 0
    questions = tmp_path / "questions.txt"
    questions.write_text("What role for the Peacebuilding Commission?\n", encoding="utf-8")
    assert cli(["statements", "mark", debate, "Peru", "Q1", "--wrong", "--questions", questions]).exit_code == 0
    listed = {s["delegation"]: s["id"] for s in cli(["statements", "list", debate, "--json"]).json()}
    assert cli(["statements", "convergence", debate, "--json"]).json()

    unasked = cli(["statements", "remove", listed["Peru"]])  # no terminal to ask on: refused, nothing removed
    assert unasked.exit_code == 2 and "needs confirmation: add --yes" in unasked.stderr
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    kept = cli(["statements", "remove", listed["Peru"]])
    assert kept.exit_code == 0 and kept.stdout.strip().endswith("nothing removed")
    assert len(cli(["statements", "list", debate, "--json"]).json()) == 2

    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    removed = cli(["statements", "remove", listed["Peru"]])
    assert removed.exit_code == 0, removed.stderr
    assert f"removed statement #{listed['Peru']} Peru (peru.txt) from debate #{debate}" in removed.stdout
    assert "and 1 coverage mark on Peru" in removed.stdout
    assert [s["delegation"] for s in cli(["statements", "list", debate, "--json"]).json()] == ["Chile"]
    coverage = cli(["statements", "coverage", debate, "--questions", questions, "--json"]).json()
    assert coverage["marks"] == [] and "Peru" not in json.dumps(coverage)
    assert cli(["statements", "convergence", debate, "--json"]).json() == []  # one delegation left

    gone = cli(["statements", "remove", listed["Peru"], "--yes"])
    assert gone.exit_code != 0 and gone.stderr.count("\n") == 1 and f"no statement #{listed['Peru']}" in gone.stderr
    assert "remove" in cli(["statements", "--help"]).stdout
    quiet = cli(["statements", "remove", listed["Chile"], "--yes", "--json"]).json()
    assert quiet["delegation"] == "Chile" and quiet["marks_removed"] == 0


class _Terminal(io.StringIO):
    """Standard input as a person at a terminal types it."""

    def isatty(self) -> bool:
        return True
