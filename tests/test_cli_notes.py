"""The CLI contract of issue 2: import, notes, show, and the question commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
SAMPLE_EN = REPO / "concept_notes" / "concept-note_sample_transitions.en.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notes"
KEYS = [
    "id", "symbol", "language", "presidency", "letter_date", "meeting_date", "title", "sections", "questions",
    "themes", "briefers", "outcome", "cited_documents", "speaking_limit_minutes",
]


def test_import_json_for_the_seed(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["import", SEED, "--symbol", "S/2014/74", "--json"])
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert list(data) == KEYS
    assert data["id"] == 1 and data["symbol"] == "S/2014/74" and data["language"] == "zh"
    assert data["presidency"] == "立陶宛"
    assert (data["letter_date"], data["meeting_date"]) == ("2014-02-03", "2014-02-12")
    assert data["title"] == "安全理事会关于武装冲突中保护平民问题公开辩论的概念说明"
    assert len(data["questions"]) == 13 and sum(q["topic"] for q in data["questions"]) == 11
    assert data["questions"][4] == {
        "text": "在今后的战略和指导中如何更好地纳入部队警察派遣国在执行保护任务方面取得的经验和挑战",
        "topic": False, "section": "审议的问题",
    }
    assert data["briefers"][0] == {"name": "瓦莱丽·阿莫斯", "title": "主管人道主义事务副秘书长",
                                   "organization": "人道主义事务协调厅"}
    assert [b["organization"] for b in data["briefers"][1:]] == ["维持和平行动部", "联合国人权事务高级专员办事处", "红十字国际委员会"]
    assert data["outcome"]["kind"] == "presidential statement"
    assert "S/2013/689" in data["cited_documents"] and "S/2014/74" not in data["cited_documents"]
    shown = cli(["show", "1", "--json"])
    assert shown.exit_code == 0 and shown.json() == data


def test_import_json_for_the_english_sample(cli) -> None:  # type: ignore[no-untyped-def]
    data = cli(["import", SAMPLE_EN, "--json"]).json()
    assert data["language"] == "en" and data["presidency"] == "Ireland"
    assert [q["topic"] for q in data["questions"]] == [False, False, False, False, True, False, True]
    assert data["outcome"] == {"kind": "summary", "evidence": "The presidency will circulate a summary of the debate."}
    assert data["briefers"][1] == {"name": None, "title": "Representative",
                                   "organization": "International Committee of the Red Cross"}


def test_import_again_says_it_is_already_there(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(["import", SEED]).exit_code == 0
    again = cli(["import", FIXTURES / "seed_note.pdf"])
    assert again.exit_code == 0
    assert again.stdout.strip() == "seed_note.pdf: already imported as #1 (安全理事会关于武装冲突中保护平民问题公开辩论的概念说明)"
    as_json = cli(["import", FIXTURES / "seed_note.docx", "--json"])
    assert as_json.json()["id"] == 1 and "already imported as #1" in as_json.stderr
    listed = cli(["notes", "--json"]).json()
    assert len(listed) == 1 and listed[0]["questions"] == 13


def test_notes_list_and_human_output(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(["notes"]).stdout.startswith("no concept notes yet")
    out = cli(["import", SEED]).stdout
    assert "13 guiding questions, 4 briefers" in out and "  5. [Q    ] 在今后的战略" in out
    assert cli(["notes", "import", SAMPLE_EN]).exit_code == 0  # the `notes import` spelling works too
    lines = cli(["notes"]).stdout.splitlines()
    assert lines[0].startswith("#1  S/2014/74  zh  2014-02-12  13 questions")
    assert lines[1].startswith("#2  -  en  2026-03-17  7 questions")
    shown = cli(["show", "1"]).stdout
    assert "themes: 保护平民问题的认识、优先处理和工作规划 · 领导、战略和协调 · 能力和培训" in shown
    assert "  - 代表, 维持和平行动部 (DPKO)" in shown


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "empty.txt", b""), "empty file"),
        (lambda d: _write(d / "blob.txt", bytes(range(256)) * 50), "binary file"),
        (lambda d: _write(d / "note.rtf", b"{\\rtf1 hello}"), "unsupported file type .rtf"),
        (lambda d: FIXTURES / "scan.pdf", "no text layer (scanned?)"),
        (lambda d: _sparse(d / "huge.txt", 25 * 1024 * 1024), "too large (25.0 MB; the limit is 20 MB)"),
    ],
)
def test_bad_input_one_line_nonzero_nothing_written(cli, tmp_path: Path, make, problem: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = cli(["import", path, "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"debateprep: error: {path}: {problem}" + result.stderr.split(problem, 1)[1]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert cli(["notes", "--json"]).json() == []


def test_bad_input_creates_no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBATEPREP_DATA_DIR", str(tmp_path / "data"))
    result = run_cli(["import", tmp_path / "missing.docx"])
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert not (tmp_path / "data").exists()


def test_question_commands(cli) -> None:  # type: ignore[no-untyped-def]
    cli(["import", SEED])
    listed = cli(["question", "list", "1", "--json"]).json()
    assert len(listed) == 13 and listed[2]["provenance"] == "“审议的问题”, bullet 2, item 1"
    qid = listed[2]["id"]
    edited = cli(["question", "edit", str(qid), "如何弥合脱节？", "--version", "1", "--json"]).json()
    assert edited["version"] == 2 and edited["topic"] is False
    stale = cli(["question", "edit", str(qid), "另一种措辞", "--version", "1"])
    assert stale.exit_code == 2 and "changed by someone else" in stale.stderr
    assert cli(["question", "restore", str(qid), "--json"]).json()["text"] == "保护平民政策、规划和准备相互脱节问题"
    assert cli(["question", "move", str(qid), "1", "--json"]).json()["position"] == 1
    assert cli(["question", "add", "1", "What next?", "--at", "2", "--json"]).json()["position"] == 2
    assert cli(["question", "delete", str(qid)]).exit_code == 0
    reset = cli(["question", "reset", "1", "--json"]).json()  # rebuilt from the note
    assert [q["text"] for q in reset] == [q["text"] for q in listed]
    assert len(cli(["question", "list", "1", "--json"]).json()) == 13
    assert cli(["question", "list", "9"]).exit_code == 1


def test_question_list_names_the_kind_as_f1_does(cli) -> None:  # type: ignore[no-untyped-def]
    cli(["import", SEED])
    listed = cli(["question", "list", "1", "--json"]).json()
    lines = [line for line in cli(["question", "list", "1"]).stdout.splitlines() if ". [" in line]
    assert len(lines) == len(listed) == 13
    for line, q in zip(lines, listed, strict=True):
        assert f"[{'topic' if q['topic'] else 'Q    '}] {q['text']}" in line
    assert "[     ]" not in "\n".join(lines)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(size)
    return path
