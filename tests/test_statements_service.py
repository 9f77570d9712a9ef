"""The statements service on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from debateprep.domain.coverage import CoverageQuestion
from debateprep.domain.errors import Conflict, InputError, NotFound, StaleEdit
from debateprep.services.debates import DebateService
from debateprep.services.notes import NotesService
from debateprep.services.statements import StatementService

DATA = Path(__file__).parent / "data" / "statements"


def _speeches(shared_data: Path) -> Path:
    return shared_data / "spv_2020_speeches"


def _debate_8699(db) -> int:  # type: ignore[no-untyped-def]
    debate = DebateService(db).create("Maintenance of international peace and security", meeting_number=8699,
                                      meeting_date=date(2020, 1, 9), presidency="Viet Nam")
    assert debate.id is not None
    return debate.id


def test_import_the_full_record_from_the_corpus_folder(db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    service = StatementService(db)
    debate_id = _debate_8699(db)
    report = service.import_record(debate_id, [_speeches(shared_data)])  # the folder: meeting 8699 is chosen
    assert report.records == ["S/PV.8699", "S/PV.8699 (Resumption 1)", "S/PV.8699 (Resumption 2)"]
    assert report.summary() == {"imported": 214, "statements": 109, "briefings": 3, "procedural": 102,
                                "mapped": 112, "unmapped": 0, "delegations": 110, "replaced": 0}
    stored = service.list(debate_id)
    assert [s.source for s in stored[:3]] == ["S/PV.8699 #1", "S/PV.8699 #2", "S/PV.8699 #3"]
    assert service.list(debate_id, unmapped=True) == []
    china = next(s for s in stored if s.delegation_code == "CHN")
    assert service.get(china.id).text.startswith("China appreciates Viet Nam's initiative")  # type: ignore[arg-type]

    with pytest.raises(Conflict, match="already has 'S/PV.8699 #1' and 213 more"):
        service.import_record(debate_id, [_speeches(shared_data)])
    assert len(service.list(debate_id)) == 214
    again = service.import_record(debate_id, [_speeches(shared_data)], replace=True)
    assert again.summary()["replaced"] == 214 and len(service.list(debate_id)) == 214


def test_a_folder_of_many_meetings_needs_a_meeting(db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    debate = DebateService(db).create("Open debate without a meeting number")
    with pytest.raises(InputError, match=r"belong to 79 meetings \(8698, 8699, .*give --meeting N"):
        StatementService(db).import_record(debate.id, [_speeches(shared_data)])  # type: ignore[arg-type]
    report = StatementService(db).import_record(debate.id, [_speeches(shared_data)], meeting=8723)  # type: ignore[arg-type]
    assert report.records == ["S/PV.8723", "S/PV.8723 (Resumption 1)"]


def test_bad_file_in_a_batch_writes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service = StatementService(db)
    debate_id = _debate_8699(db)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"this is not a pdf")
    with pytest.raises(InputError, match="broken.pdf"):
        service.import_files(debate_id, [DATA / "china_s-pv-8699_zh.txt", broken])
    assert service.list(debate_id) == []
    with pytest.raises(NotFound):
        service.import_files(4242, [DATA / "china_s-pv-8699_zh.txt"])


def test_resolve_unmapped_speeches_by_hand_with_stale_edit(db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    service = StatementService(db)
    debate = DebateService(db).create("Transitional justice", meeting_number=8723)
    report = service.import_record(debate.id, sorted(_speeches(shared_data).glob("UNSC_2020_SPV.8723*.txt")))  # type: ignore[arg-type]
    assert report.unmapped == []  # the two briefers from bodies outside the roster: as invited
    unmapped = {s.speaker: s for s in report.statements if s.mapped_by == "invitation"}
    assert set(unmapped) == {"Mr. De Roux", "Ms. Sooka"}
    de_roux = unmapped["Mr. De Roux"]
    mapped = service.resolve(de_roux.id, "哥伦比亚")  # type: ignore[arg-type]
    assert (mapped.delegation, mapped.delegation_code, mapped.mapped_by, mapped.version) == (
        "Colombia", "COL", "manual", 2)
    with pytest.raises(StaleEdit, match="now mapped to Colombia"):
        service.resolve(de_roux.id, "Ecuador", version=1)  # type: ignore[arg-type]
    sooka = service.resolve(unmapped["Ms. Sooka"].id, None)  # type: ignore[arg-type]
    assert sooka.kind == "procedural" and not sooka.unmapped
    assert service.list(debate.id, unmapped=True) == []  # type: ignore[arg-type]
    with pytest.raises(InputError, match="unknown delegation"):
        service.resolve(de_roux.id, "Atlantis")  # type: ignore[arg-type]


def test_statement_files_link_to_the_speakers_list(db) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.speakers import SpeakersService

    debate_id = _debate_8699(db)
    speakers = SpeakersService(db)
    china = speakers.add(debate_id, "China")
    france = speakers.add(debate_id, "France")
    service = StatementService(db)
    report = service.import_files(debate_id, [DATA / "china_s-pv-8699_zh.txt"])
    assert report.statements[0].speakers_entry_id == china.id
    assert report.statements[0].language == "zh"
    other = service.import_files(debate_id, [DATA / "README.md"], entry_id=france.id)
    assert (other.statements[0].delegation_code, other.statements[0].speakers_entry_id) == ("FRA", france.id)
    elsewhere = DebateService(db).create("Another debate")
    with pytest.raises(InputError, match="belongs to debate"):
        service.import_files(elsewhere.id, [DATA / "README.md"], entry_id=france.id)  # type: ignore[arg-type]


def test_coverage_and_convergence_of_a_debate_with_its_concept_note(db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    imported = NotesService(db).import_file(DATA / "concept-note_S-2020-1_paraphrase.en.txt")
    debates = DebateService(db)
    debate = debates.update(debates.get(imported.debate_id), meeting_number=8699)  # type: ignore[arg-type]
    service = StatementService(db)
    service.import_record(debate.id, [_speeches(shared_data)])  # type: ignore[arg-type]
    service.import_files(debate.id, [DATA / "china_s-pv-8699_zh.txt"])  # type: ignore[arg-type]

    questions = service.questions(debate.id)  # type: ignore[arg-type]
    assert [q.label for q in questions] == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    matrix = service.coverage(debate.id)  # type: ignore[arg-type]
    assert len(matrix.delegations) == 110
    regional = matrix.covered_by(questions[2].key)
    assert len(regional) >= 15
    for cell in regional:  # traceable: the stored statement holds the passage at the offsets given
        stored = service.get(cell.statement_id)  # type: ignore[arg-type]
        assert stored.delegation == cell.delegation
        assert stored.text[cell.passage.start : cell.passage.end] == cell.passage.text
    china = matrix.cell("China", questions[5].key)  # English record and Chinese file: one row
    assert china is not None and china.covered

    groups = service.convergence(debate.id)  # type: ignore[arg-type]
    assert groups[0].count >= 20
    assert all(g.count >= 2 for g in groups)


def test_coverage_needs_questions(db) -> None:  # type: ignore[no-untyped-def]
    debate_id = _debate_8699(db)
    with pytest.raises(InputError, match="no guiding questions"):
        StatementService(db).coverage(debate_id)


def _small_debate(db, tmp_path: Path) -> tuple[int, StatementService]:  # type: ignore[no-untyped-def]
    debate_id = DebateService(db).create("Peacebuilding").id
    assert debate_id is not None
    for name, text in (("chile", "Mr. Rojas (Chile): The PBC's advisory role should be used early.\n"),
                       ("peru", "Mr. Paz (Peru): We welcome this debate and thank the briefers.\n"),
                       ("ghana", "Mr. Addo (Ghana): Regional tensions have risen sharply.\n")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    service = StatementService(db)
    service.import_files(debate_id, sorted(tmp_path.glob("*.txt")))
    return debate_id, service


QUESTIONS = [CoverageQuestion(1, "Q1", "What role for the Peacebuilding Commission?"),
             CoverageQuestion(2, "Q2", "How can regional organizations help?")]


def test_user_marks_stay_across_recomputation_and_say_what_the_tool_said(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    debate_id, service = _small_debate(db, tmp_path)
    assert [c.delegation for c in service.coverage(debate_id, QUESTIONS).covered_by(1)] == ["Chile"]
    wrong = service.mark(debate_id, "Chile", "Q1", "wrong", QUESTIONS)
    assert wrong is not None and wrong.tool_covered and not wrong.agrees_with_tool
    assert wrong.passage == "The PBC's advisory role should be used early."
    added = service.mark(debate_id, "秘鲁", "2", "addressed", QUESTIONS)  # a roster name in Chinese
    assert added is not None and added.delegation == "Peru" and not added.tool_covered

    matrix = service.coverage(debate_id, QUESTIONS)  # computed again: the marks stay
    chile, peru = matrix.cell("Chile", 1), matrix.cell("Peru", 2)
    assert chile is not None and not chile.covered and chile.mark == "wrong" and chile.by_tool
    assert peru is not None and peru.covered and peru.mark == "addressed" and not peru.by_tool
    assert matrix.covered_by(1) == [] and [c.delegation for c in matrix.covered_by(2)] == ["Peru"]
    assert service.coverage(debate_id, QUESTIONS, with_marks=False).cell("Chile", 1).covered  # type: ignore[union-attr]

    again = service.mark(debate_id, "Chile", "Q1", "addressed", QUESTIONS)
    assert again is not None and again.version == 2 and again.agrees_with_tool
    assert service.mark(debate_id, "Chile", "Q1", None, QUESTIONS) is None
    assert [(m.delegation, m.mark) for m in service.marks(debate_id)] == [("Peru", "addressed")]
    with pytest.raises(NotFound, match="no statement of 'France'"):
        service.mark(debate_id, "France", "Q1", "wrong", QUESTIONS)
    with pytest.raises(NotFound, match="no question 'Q9'"):
        service.mark(debate_id, "Chile", "Q9", "wrong", QUESTIONS)


RECORD_EN = """The President: I now give the floor to Mr. Khiari.
Mr. Khiari: I thank you, Mr. President, for the opportunity to brief the Council on the situation in the region.
The President: I thank Mr. Khiari for his briefing. I now give the floor to the representative of China.
Mr. Zhang Jun (China) (spoke in Chinese): China thanks Assistant Secretary-General Khiari for his briefing.
"""
RECORD_ZH = """主席：现在请希亚里先生发言。
希亚里先生：主席先生，感谢你给我机会向安理会通报该区域局势。
主席：我感谢希亚里先生的通报。现在请中国代表发言。
张军先生（中国）：中方感谢希亚里助理秘书长的通报。
"""


@pytest.mark.parametrize(("record", "listed", "person"), [
    (RECORD_EN, "Khaled Khiari", False),  # the body he speaks for is on the list, his name as its representative
    (RECORD_EN, "Khaled Khiari", True),  # inscribed in a personal capacity
    (RECORD_ZH, "哈立德·希亚里", True),
])
def test_a_briefer_heard_by_surname_maps_to_the_briefer_on_the_list(db, tmp_path: Path, record: str, listed: str,  # type: ignore[no-untyped-def]
                                                                     person: bool) -> None:
    from debateprep.services.speakers import SpeakersService

    debate = DebateService(db).create("The situation in the Middle East", meeting_number=9999,
                                      meeting_date=date(2024, 5, 2), presidency="Malta")
    assert debate.id is not None
    speakers = SpeakersService(db)
    title = "Assistant Secretary-General for the Middle East, Asia and the Pacific"
    if person:
        entry = speakers.add(debate.id, listed, person=True, title=title, basis="briefer")
    else:
        entry = speakers.add(debate.id, "Department of Political and Peacebuilding Affairs", representative=listed,
                             title=title, basis="briefer")
    path = tmp_path / "S_PV.9999.txt"
    path.write_text(record, encoding="utf-8")
    report = StatementService(db).import_record(debate.id, [path])
    assert report.summary()["unmapped"] == 0
    briefing = next(s for s in StatementService(db).list(debate.id) if s.speaker in ("Mr. Khiari", "希亚里先生"))
    assert (briefing.speakers_entry_id, briefing.delegation, briefing.delegation_code) == (
        entry.id, entry.delegation, entry.delegation_code)
    assert briefing.kind == "briefing" and briefing.mapped_by == "speakers list"
