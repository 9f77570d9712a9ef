"""Concept notes in the shapes nobody tuned for (issue 11): briefers named every common English
way, headings over two lines, a symbol only in the page header, a speaking limit. The fixtures
in tests/data/note_shapes are made up to show each shape."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from debateprep.domain.concept_note import ConceptNote, parse_concept_note, speaking_limit
from debateprep.domain.text import normalise
from debateprep.importers.concept_note import import_concept_note
from debateprep.services.debates import DebateService
from debateprep.services.notes import NotesService
from tests.support.pdfgen import Furniture, render_pdf

SHAPES = Path(__file__).resolve().parent / "data" / "note_shapes"


def _parse(name: str) -> ConceptNote:
    result = normalise((SHAPES / name).read_text(encoding="utf-8"))
    return parse_concept_note(result.text, furniture=result.furniture)


def _briefers(name: str) -> list[dict[str, str | None]]:
    return [b.to_json() for b in _parse(name).briefers]


def test_a_lead_in_then_a_bulleted_list_names_each_briefer_not_the_lead_in() -> None:
    assert _briefers("briefers_leadin.en.txt") == [
        # the office an envoy of the Secretary-General heads is the organization
        {"name": "Sarah Owusu", "title": "Special Envoy of the Secretary-General on Youth",
         "organization": "Office of the Special Envoy of the Secretary-General on Youth"},
        # "representing civil society" neither replaces nor hides the organisation
        {"name": "Daniel Appiah", "title": "Executive Director", "organization": "West Africa Youth Peace Network"},
        # "in her personal capacity" is no part of the title
        {"name": "Lina Haddad", "title": "Professor of Political Science", "organization": "University of Accra"},
        {"name": None, "title": "Representative", "organization": "United Nations Population Fund"},
    ]


def test_running_text_separated_by_semicolons_in_a_format_section() -> None:
    assert _briefers("briefers_running.en.txt") == [
        {"name": "Carmen Vidal", "title": "Under-Secretary-General for Political and Peacebuilding Affairs",
         "organization": "Department of Political and Peacebuilding Affairs"},
        {"name": "Tomás Herrera", "title": None, "organization": "Andean Climate Security Institute"},
        {"name": "Noor Rahimi", "title": "Civil society representative", "organization": "Afghan Women's Water Forum"},
    ]


def test_running_text_with_commas_and_and_titles_before_the_names() -> None:
    assert _briefers("briefers_and.en.txt") == [
        {"name": "Maria Lindqvist",
         "title": "Special Representative of the Secretary-General for Children and Armed Conflict",
         "organization": "Office of the Special Representative of the Secretary-General for Children and Armed Conflict"},
        {"name": "Omar Farouk", "title": "Executive Director", "organization": "UNICEF"},
        {"name": "Elif Demir", "title": "Youth advocate", "organization": "Children in Crisis Coalition"},
    ]


def test_chinese_lead_in_then_a_list() -> None:
    assert _briefers("briefers_zh.zh.txt") == [
        {"name": "玛丽亚·桑托斯", "title": "主管法律事务副秘书长", "organization": "法律事务厅"},
        {"name": None, "title": "院长", "organization": "国际法院"},  # the head of a body, and the body
        {"name": None, "title": "代表", "organization": "非洲联盟委员会"},
    ]


@pytest.mark.parametrize(
    "sentence, briefers",
    [
        ("The Council will be briefed by Ms. Jane Doe, Executive Director of the Sahel Women's Network; "
         "and a representative of the African Union Commission.",
         [("Jane Doe", "Executive Director", "Sahel Women's Network"),
          (None, "Representative", "African Union Commission")]),
        ("Briefers will include the United Nations High Commissioner for Human Rights, Mr. Volker Lund, "
         "and Ms. Awa Ndiaye of the Dakar Peace Institute, in her personal capacity.",
         [("Volker Lund", "United Nations High Commissioner for Human Rights",
           "Office of the United Nations High Commissioner for Human Rights"),
          ("Awa Ndiaye", None, "Dakar Peace Institute")]),
        ("The Council will hear briefings from Mr. Paul Okafor, a civil society representative from the "
         "Lake Chad Peace Forum.",
         [("Paul Okafor", "Civil society representative", "Lake Chad Peace Forum")]),
    ],
)
def test_english_briefer_sentences(sentence: str, briefers: list[tuple[str | None, str | None, str | None]]) -> None:
    note = parse_concept_note(f"Guiding questions\n\n- How?\n\nBriefers\n\n{sentence}")
    assert [(b.name, b.title, b.organization) for b in note.briefers] == briefers


def test_a_lead_in_without_a_list_names_nobody() -> None:
    note = parse_concept_note("Briefers\n\nThe following have been invited to brief the Council:\n\nOutcome\n\nNone.")
    assert note.briefers == []


def test_the_annex_title_over_two_lines_is_one_title() -> None:
    # each line its own paragraph, as a .docx or text with blank lines has it
    text = "\n\n".join([
        "Letter dated 4 April 2031 from the Permanent Representative of Ghana to the United Nations addressed to the",
        "Secretary-General",
        'I have the honour to inform you that Ghana will convene an open debate on "Youth" on 15 April 2031.',
        "(Signed) Kwame Mensah",
        "Annex to the letter dated 4 April 2031 from the Permanent Representative of Ghana to the United Nations "
        "addressed to the",
        "Secretary-General",
        "Concept note for the Security Council open debate on",
        '"Youth, peace and security: from participation to influence"',
        "Guiding questions",
        "- How can the Council make the participation of young people systematic?",
    ])
    note = parse_concept_note(text)
    assert note.title == 'Concept note for the Security Council open debate on "Youth, peace and security: ' \
                         'from participation to influence"'
    assert note.letter_date is not None and note.addressee == "Secretary-General"
    assert [q.text for q in note.questions] == [
        "How can the Council make the participation of young people systematic?"]


def test_the_chinese_annex_heading_over_two_lines() -> None:
    text = "\n\n".join([
        "2031年5月2日越南常驻联合国代表给秘书长的", "信",
        "谨通知你，安全理事会计划就“维护国际法”主题举行公开辩论。",
        "2031年5月2日越南常驻联合国代表给秘书长的", "信的附件",
        "安全理事会关于维护国际法问题公开辩论的概念说明",
        "讨论的问题", "- 安理会如何更好地促进遵守国际法？",
    ])
    note = parse_concept_note(text)
    assert note.title == "安全理事会关于维护国际法问题公开辩论的概念说明"
    assert note.sender == "越南常驻联合国代表"


@pytest.mark.parametrize(
    "sentence, minutes",
    [
        ("Statements will be limited to four minutes.", 4.0),
        ("Speakers are requested to deliver statements of no more than three minutes.", 3.0),
        ("Interventions should not exceed 4 minutes.", 4.0),
        ("Delegations are encouraged to keep their statements to a maximum of five (5) minutes.", 5.0),
        ("请各代表团将发言控制在四分钟以内。", 4.0),
        ("发言时间不超过3分钟。", 3.0),
        ("The meeting will last four hours.", None),
        ("The debate will take place at 10 a.m.", None),
    ],
)
def test_speaking_limit(sentence: str, minutes: float | None) -> None:
    assert speaking_limit([sentence]) == minutes


def test_the_import_sets_the_new_debates_speaking_limit(db) -> None:  # type: ignore[no-untyped-def]
    result = NotesService(db).import_file(SHAPES / "briefers_leadin.en.txt")
    assert result.note.note.speaking_limit_minutes == 4.0
    assert result.note.to_json()["speaking_limit_minutes"] == 4.0
    assert DebateService(db).get(result.debate_id).settings.default_limit_minutes == 4.0  # type: ignore[arg-type]


def test_a_note_without_a_speaking_limit_keeps_the_default(db) -> None:  # type: ignore[no-untyped-def]
    result = NotesService(db).import_file(SHAPES / "briefers_and.en.txt")
    assert result.note.note.speaking_limit_minutes == 4.0
    seed = Path(__file__).resolve().parents[1] / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
    other = NotesService(db).import_file(seed)
    assert other.note.note.speaking_limit_minutes is None
    assert DebateService(db).get(other.debate_id).settings.default_limit_minutes == 5.0  # type: ignore[arg-type]


def test_a_symbol_printed_only_in_the_docx_page_header(tmp_path: Path) -> None:
    text = (SHAPES / "briefers_zh.zh.txt").read_text(encoding="utf-8")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "S/2031/288"
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    path = tmp_path / "note.docx"
    document.save(str(path))
    _, note = import_concept_note(path)
    assert note.symbol == "S/2031/288"


def test_a_symbol_printed_only_in_the_pdf_page_header_and_the_masthead(tmp_path: Path) -> None:
    paras = [p for p in (SHAPES / "briefers_running.en.txt").read_text(encoding="utf-8").split("\n") if p.strip()]
    path = tmp_path / "note.pdf"
    render_pdf(["United Nations S/2031/512", *paras], path, furniture=Furniture("S/2031/512", "31-11020", "E"))
    _, note = import_concept_note(path)
    assert note.symbol == "S/2031/512"
    assert note.cited_documents == ["S/PRST/2011/15", "S/RES/2349 (2017)"]
