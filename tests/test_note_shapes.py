"""Concept notes in the shapes nobody tuned for (issue 11): briefers named every common English
way, headings over two lines, a symbol only in the page header, a speaking limit. The fixtures
in tests/data/note_shapes are made up to show each shape."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from debateprep.domain.concept_note import ConceptNote, parse_concept_note, speaking_limit
from debateprep.domain.text import normalise
from debateprep.importers.concept_note import import_concept_note
from debateprep.services.debates import DebateService
from debateprep.services.notes import NotesService
from tests.support.pdfgen import Footnote, Furniture, render_docx, render_pdf

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


# -- issue 11, second round: the shapes the first hold-out corpus showed (one fixture per class) --


def _imported(name: str) -> ConceptNote:
    """Through the importer, as a user's file arrives (footnotes and furniture included)."""
    return import_concept_note(SHAPES / name)[1]


def _triples(note: ConceptNote) -> list[tuple[str | None, str | None, str | None]]:
    return [(b.name, b.title, b.organization) for b in note.briefers]


def test_items_numbered_in_parentheses_and_semicolons_inside_parentheses() -> None:
    note = _parse("questions_paren_items.en.txt")
    assert [q.text for q in note.questions] == [
        # "e.g." and a ";" inside parentheses split nothing
        "How can missions report attacks on journalists (e.g. through their human rights components) in a way "
        "that leads to action?",
        "What support do national investigators need (forensic capacity; witness protection) to end impunity?",
        # a "(3)" item without a question mark is still an item: a bundle of two topics
        "The safety of local journalists",
        "The role of media organizations in training them",
        "How can the Council respond when a party to conflict targets the media?",
    ]
    assert [q.topic for q in note.questions] == [False, False, True, True, False]


def test_a_note_verbale_is_the_letter() -> None:
    note = _parse("questions_paren_items.en.txt")
    assert note.letter_date == date(2032, 3, 2) and note.meeting_date == date(2032, 3, 18)
    assert note.presidency == "Norway"  # the mission that sends the note
    assert note.title == 'Concept paper for the Security Council open debate on "Protecting journalists in armed conflict"'


def test_a_question_continued_on_the_next_dash_item_is_one_question() -> None:
    note = _parse("questions_dashes.en.txt")
    assert [q.text for q in note.questions] == [
        "How can coastal States share maritime information faster?",
        "What can port States do so that those who charter and insure vessels used for trafficking, and not only "
        "their crews, are held to account?",
        "Capacity-building for coast guards",
        "The financing of regional centres",
    ]


def test_participation_lines_the_chair_excellencies_and_unnamed_office_holders() -> None:
    note = _parse("questions_dashes.en.txt")
    assert _triples(note) == [
        ("Grace Mensah", "Executive Secretary", "Maritime Organization for West and Central Africa"),
        (None, "Secretary-General", "International Maritime Organization"),
        ("Pedro Alves", "Director a.i.", "Maritime Analysis and Operations Centre"),
        ("Sofia Lindgren", "Head of Security", "Baltic Tanker Lines"),  # "at" a company
    ]


def test_the_own_symbol_in_a_reference_after_the_letter_heading_and_the_sender_of_a_charge() -> None:
    note = _parse("questions_dashes.en.txt")
    assert note.symbol == "S/2032/377" and "S/2032/377" not in note.cited_documents
    assert note.presidency == "Portugal"  # not "Permanent Mission of Portugal"
    assert note.outcome.kind == "resolution"


def test_chinese_dash_items_a_symbol_line_and_a_tentative_list_of_briefers() -> None:
    note = _parse("questions_dashes.zh.txt")
    assert note.symbol == "S/2032/208" and note.cited_documents == ["S/RES/2573 (2021)"]
    assert note.letter_date == date(2032, 3, 4) and note.meeting_date == date(2032, 3, 17)
    assert note.presidency == "新加坡"
    assert note.title == "安全理事会“城市冲突中的平民保护”公开辩论概念文件"
    assert [q.text for q in note.questions] == [
        "各国在城市作战中采取了哪些措施减少对平民的伤害", "如何保障供水和供电等基本服务？",
        "地方当局和民间社会参与保护平民工作", "安理会如何更系统地跟踪城市冲突对平民的影响？",
    ]
    assert [q.topic for q in note.questions] == [False, False, True, False]
    assert _triples(note) == [
        (None, "主管安全和安保副秘书长", "安全和安保部"),  # "主管X副秘书长" heads the department of X
        ("安娜·科瓦奇", "委员", "儿童权利委员会"),
        (None, "代表", "城市安全研究所"),  # "一名代表"
    ]
    assert note.speaking_limit_minutes == 5.0


def test_a_background_note_with_briefers_as_name_dash_title_lines() -> None:
    note = _parse("background_note.en.txt")
    assert note.title == 'Background note for the Security Council open debate on "Small island States and sea-level rise"'
    assert note.meeting_date == date(2032, 4, 14)
    assert note.presidency == "Fiji"
    assert _triples(note) == [
        ("Mere Tuilagi", "Special Envoy for Climate Mobility", "Pacific Islands Forum"),
        ("Jonas Berg", "Director of Coastal Research", "Nordic Institute of Oceanography"),
        ("Ana Lui", "Youth climate advocate and co-founder", "Blue Pacific Youth Network"),
    ]
    assert note.speaking_limit_minutes == 3.0 and note.outcome.kind == "none"


def test_briefers_by_role_honorifics_and_trailing_clauses() -> None:
    assert _triples(_parse("briefers_roles.en.txt")) == [
        (None, "Chair", "Committee on Enforced Disappearances"),  # a body named "… on …" is whole
        ("Rosa Kim", "Director", "Seoul Centre for Memory Studies"),
        ("Omar Haddad", "Co-founder", "Tripoli Women's Shelter"),  # a proper name is a body
        (None, "Survivor representative", None),  # "(to be confirmed)" is no part of the title
    ]


def test_a_chinese_list_after_a_colon_in_one_sentence() -> None:
    note = _parse("briefers_sentence.zh.txt")
    assert _triples(note) == [
        (None, "主管安全和安保副秘书长", "安全和安保部"),
        ("马丁·克劳斯", "代理主任", "联合国反恐怖主义办公室"),
        ("格蕾丝·瓦吉鲁", "技术主任", "内罗毕数字安全中心"),
    ]
    assert note.presidency == "肯尼亚" and note.meeting_date == date(2032, 6, 10)
    assert note.outcome.kind == "none"


def test_a_pdf_copy_footnote_marker_rule_reissue_mark_and_a_figure_after_its_number_word() -> None:
    note = _imported("footnote_pdf_copy.en.txt")
    assert [q.text for q in note.questions] == [
        "How can mine action be integrated into the mandates of peace operations from the start of a mission?",
        "What support do affected States need to meet their clearance obligations on time and to protect the "
        "communities that live near contaminated land?",  # the footnote marker "1" is gone
        "How can survivors and their organizations be included in the decisions that affect them?",
    ]
    assert note.symbol == "S/2032/119"  # "S/2032/119*": the reissued note
    assert note.cited_documents == ["S/RES/2365 (2017)", "A/78/259"]  # the footnote's citation counts
    assert note.speaking_limit_minutes == 4.0  # "four" / "(4) minutes" across a line break


@pytest.mark.parametrize(
    "sentence, minutes",
    [
        ("Statements should not be longer than three minutes.", 3.0),
        ("每位发言者发言时间请勿超过四分钟。", 4.0),
        ("Statements of three minutes are encouraged.", 3.0),
        ("Speakers are requested to keep their statements to three to four minutes.", 4.0),  # a range: its upper bound
        ("发言以三至四分钟为宜。", 4.0),
    ],
)
def test_more_ways_to_state_a_speaking_limit(sentence: str, minutes: float) -> None:
    assert speaking_limit([sentence]) == minutes


@pytest.mark.parametrize(
    "sentence, country",
    [
        ("Under Fiji's presidency, the Security Council will hold an open debate.", "Fiji"),
        ("Under the presidency of the Kingdom of the Netherlands, the Council will hold an open debate.",
         "Kingdom of the Netherlands"),
        ("Ecuador, which presides over the Security Council in October, will convene an open debate.", "Ecuador"),
        ("Kenya will preside over the Security Council in June and will convene an open debate.", "Kenya"),
        ("Portugal will assume the presidency of the Security Council in June.", "Portugal"),
        ("肯尼亚担任安全理事会2032年6月份主席期间，安理会将举行公开辩论。", "肯尼亚"),
        ("谨通知你，马耳他将担任安全理事会2033年5月份主席。", "马耳他"),
        ("阿尔及利亚作为2026年1月安全理事会主席，将举行公开辩论。", "阿尔及利亚"),
        ("主席国塞拉利昂计划举行公开辩论。", "塞拉利昂"),
        ("主席国邀请各会员国在发言中回答以下问题。", None),  # what the presidency does is no country
        ("主席国计划在辩论后提交一份决议草案。", None),
    ],
)
def test_presidency_phrasings(sentence: str, country: str | None) -> None:
    note = parse_concept_note(f"Concept note\n\nPurpose\n\n{sentence}\n\nGuiding questions\n\n- How?")
    assert note.presidency == country


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("The presidency does not intend to pursue a formal outcome.", "none"),
        ("The presidency does not intend to seek any outcome.", "none"),
        ("主席国拟提交一份决议草案。", "resolution"),
        ("主席国将分发一份决议草案供安理会审议。", "resolution"),
    ],
)
def test_outcome_phrasings(sentence: str, kind: str) -> None:
    note = parse_concept_note(f"Concept note\n\nGuiding questions\n\n- How?\n\nOutcome\n\n{sentence}")
    assert note.outcome.kind == kind


def test_lower_case_lettered_items_an_open_question_closed_on_the_next_item_and_a_plain_title() -> None:
    note = _parse("questions_letter_items.en.txt")
    assert note.title == 'Security Council open debate on "Water, conflict and cooperation"'
    assert note.meeting_date == date(2032, 6, 7) and note.presidency == "Slovakia"
    assert [q.text for q in note.questions] == [
        "How can the Council draw on early warning about disputes over shared rivers?",
        "What lessons can be drawn from basin agreements that have helped parties move from dispute to cooperation?",
        "Data sharing between upstream and downstream States",
    ]
    assert note.speaking_limit_minutes == 4.0 and note.outcome.kind == "none"


def test_chinese_items_numbered_with_full_width_parentheses() -> None:
    note = _parse("questions_fullwidth.zh.txt")
    assert [q.text for q in note.questions] == [
        "如何加强冲突饥荒风险的预警？", "人道主义准入面临哪些障碍", "区域组织在粮食安全方面的作用",
    ]
    assert note.speaking_limit_minutes == 3.0 and note.outcome.kind == "none"
    assert note.presidency == "厄瓜多尔" and note.meeting_date == date(2032, 9, 8)


def test_a_word_footnote_counts_where_it_is_referenced_and_leaves_no_marker(tmp_path: Path) -> None:
    paras = [p for p in normalise((SHAPES / "questions_paren_items.en.txt").read_text(encoding="utf-8")).text.split("\n")
             if p.strip()]
    path = tmp_path / "note.docx"
    render_docx(paras, path, footnotes=[
        Footnote("armed conflict.", "See the report of the Secretary-General (S/2031/410)."),
        Footnote("targets the media?", "See General Assembly resolution 68/163."),
    ])
    _, note = import_concept_note(path)
    assert note.cited_documents == ["S/RES/2222 (2015)", "S/2031/410", "A/RES/68/163"]
    assert note.questions[-1].text == "How can the Council respond when a party to conflict targets the media?"


def test_capital_and_lettered_headings_rank_the_sections_and_give_the_themes() -> None:
    note = _parse("headings_caps.en.txt")
    assert [(s.heading, s.level) for s in note.sections if s.heading] == [
        ("PURPOSE", 1), ("BACKGROUND", 1),
        ("THE ISSUES", 1),  # "C." is a letter after "B.", not the roman hundred
        ("Access to finance", 2), ("Risk and delivery", 2),  # sentence case under capitals
        ("QUESTIONS", 1), ("OUTCOME", 1),
    ]
    assert note.themes == ["Access to finance", "Risk and delivery"]
    assert [q.text for q in note.questions] == [
        "How can adaptation finance reach communities in conflict-affected areas?",
        "What role should peace operations play in supporting climate adaptation?",
    ]


def test_decimal_sub_headings_and_chinese_issues_with_sub_headings_give_the_themes() -> None:
    note = parse_concept_note("\n\n".join([
        "Concept note", "1. Background", "Text.", "2. Issues for discussion", "2.1 Early warning", "Text.",
        "2.2 Mediation", "Text.", "3. Guiding questions", "- How?",
    ]))
    assert note.themes == ["Early warning", "Mediation"]
    note = parse_concept_note("\n\n".join([
        "安全理事会关于水与和平问题公开辩论的概念说明", "背景介绍", "正文。", "有待探讨的问题", "跨界水资源合作", "正文。",
        "预警和预防", "正文。", "审议的问题", "- 安理会如何发挥作用？",
    ]))
    assert note.themes == ["跨界水资源合作", "预警和预防"]
    assert [q.text for q in note.questions] == ["安理会如何发挥作用？"]


@pytest.mark.parametrize(
    "text, briefers",
    [
        # a Chinese name without the middle dot, right after the title
        ("通报人\n\n主管政治和建设和平事务副秘书长李华将向安理会通报情况。", [("李华", "主管政治和建设和平事务副秘书长", "政治和建设和平事务部")]),
        # "通报人：" then the briefers, separated by "；"
        ("通报人\n\n通报人：主管和平行动副秘书长让·杜布瓦；贝鲁特保护网络执行主任阿迈勒·纳赛尔。",
         [("让·杜布瓦", "主管和平行动副秘书长", "和平行动部"), ("阿迈勒·纳赛尔", "执行主任", "贝鲁特保护网络")]),
        # the chair, named on a line of the list, does not brief
        ("Participation\n\nChair: H.E. Mr. Ivan Horvat, Minister for Foreign Affairs of Croatia\n\n"
         "Ms. Ana Kos, Director of the Zagreb Peace Institute\n\nDr. Luka Babić, Professor at the University of Split",
         [("Ana Kos", "Director", "Zagreb Peace Institute"), ("Luka Babić", "Professor", "University of Split")]),
        # how a briefer takes part is not part of the name
        ("Briefers\n\nThe Council will be briefed by Mr. Tom Lee (via video-teleconference), President of the Pacific "
         "Islands Forum.", [("Tom Lee", "President", "Pacific Islands Forum")]),
        # the body given only as its acronym in parentheses
        ("Briefers\n\nThe Council will be briefed by Ms. Ana Costa, Chief of Child Protection (UNICEF).",
         [("Ana Costa", "Chief of Child Protection", "UNICEF")]),
    ],
)
def test_more_briefer_shapes(text: str, briefers: list[tuple[str | None, str | None, str | None]]) -> None:
    head = "Guiding questions\n\n- How?\n\n" if text.isascii() else "讨论的问题\n\n- 如何？\n\n"
    assert _triples(parse_concept_note(head + text)) == briefers


def test_a_five_min_limit_no_planned_outcome_and_diamond_bullets() -> None:
    note = parse_concept_note("\n\n".join([
        "Concept note", "Guiding questions", "◆ How can the Council act earlier?", "◆ Which tools work best?",
        "Format", "Statements are limited to 5 min. There is no planned outcome.",
    ]))
    assert [q.text for q in note.questions] == ["How can the Council act earlier?", "Which tools work best?"]
    assert note.speaking_limit_minutes == 5.0 and note.outcome.kind == "none"


def test_a_markdown_note_reads_without_its_marks() -> None:
    note = _imported("note_markdown.en.md")
    assert note.title == 'Concept note for the Security Council open debate on "Children in urban warfare"'
    assert [s.heading for s in note.sections] == ["Purpose", "Guiding questions", "Briefers", "Outcome"]
    assert note.meeting_date == date(2032, 11, 11) and note.presidency == "Ireland"
    assert [q.text for q in note.questions] == [
        "How can parties to conflict avoid the use of explosive weapons near schools and hospitals?",
        "What can missions do to protect children displaced within cities?",
    ]
    assert _triples(note) == [
        ("Orla Byrne", "Director", "Dublin Centre for Child Protection"),
        (None, "Representative", "International Committee of the Red Cross"),
    ]
    assert note.cited_documents == ["S/RES/2427 (2018)"] and note.speaking_limit_minutes == 4.0


@pytest.mark.parametrize(
    "body, questions",
    [
        # items listed inline in one paragraph after a lead-in
        ("Member States may wish to consider the following questions: (a) how can missions better protect "
         "civilians; (b) whether early warning systems are adequate; and (c) what role regional organizations can play.",
         ["How can missions better protect civilians", "Whether early warning systems are adequate",
          "What role regional organizations can play"]),
        ("会员国不妨探讨以下问题：（一）如何加强预警；（二）区域组织可以发挥什么作用？", ["如何加强预警", "区域组织可以发挥什么作用？"]),
        # the questions under numbered headings of their own
        ("1. Prevention\n\nHow can the Council act earlier?\n\n2. Accountability\n\nWhat tools work best?",
         ["How can the Council act earlier?", "What tools work best?"]),
        # a lead-in and a colon before the questions of the same paragraph
        ("Questions to consider include: How can the Council act earlier? What tools work best?",
         ["How can the Council act earlier?", "What tools work best?"]),
    ],
)
def test_questions_inline_under_headings_and_after_a_colon(body: str, questions: list[str]) -> None:
    note = parse_concept_note(f"Concept note\n\nGuiding questions\n\n{body}\n\nBriefers\n\nNone.")
    assert [q.text for q in note.questions] == questions


def test_chinese_items_numbered_with_an_ideographic_comma() -> None:
    note = parse_concept_note("概念说明\n\n指导问题\n\n1、如何加强预警？\n\n2、区域组织可以发挥什么作用？\n\n通报人\n\n无。")
    assert [q.text for q in note.questions] == ["如何加强预警？", "区域组织可以发挥什么作用？"]


def test_a_question_ending_with_a_colon_takes_in_its_sub_items() -> None:
    body = ("- How can the Council support measures against financing, including:\n– identifying networks;\n"
            "– freezing assets; and\n– screening transactions?\n- What role for regional bodies?")
    note = parse_concept_note(f"Concept note\n\nGuiding questions\n\n{body}\n\nBriefers\n\nNone.")
    assert [q.text for q in note.questions] == [
        "How can the Council support measures against financing, including: identifying networks; freezing assets; "
        "and screening transactions?",
        "What role for regional bodies?",
    ]


@pytest.mark.parametrize("text, title", [
    ("Annex to the letter dated 2 May 2032 from the Permanent Representative of Malta\n\n[Original: French]\n\n"
     "Concept note for the Security Council open debate on children\n\nGuiding questions\n\n- How?",
     "Concept note for the Security Council open debate on children"),
    ("附件\n\n原文：法文\n\n安全理事会关于儿童与武装冲突的公开辩论概念说明\n\n指导问题\n\n- 如何？",
     "安全理事会关于儿童与武装冲突的公开辩论概念说明"),
])
def test_the_original_language_line_is_no_title(text: str, title: str) -> None:
    result = normalise(text)
    assert parse_concept_note(result.text, furniture=result.furniture).title == title


def test_briefers_in_a_capacity_with_ranks_places_and_clauses_after_the_body() -> None:
    assert _triples(_parse("briefers_capacity.en.txt")) == [
        # the capacity is the role the Council hears; the post printed before it gives way
        ("Ilse Marquardt", "Chair",
         "Expert Group on transboundary aquifers in relation to conflict prevention of the Basin Dialogue Forum"),
        ("Tavita Leaupepe", "Vice-Chair", "Pacific Water Council"),
        # a rank is dropped like "Ms."; a clause in lower case after the body is neither title nor body
        ("Ayesha Rahman", "Chief Engineer", "United Nations Mission in the Lake Region"),
        ("Jonas Berg", "Deputy Commander", "Nordic Water Brigade"),
        # a country after the body, after a comma or in parentheses, is no part of its name
        ("Grace Otieno", "Director", "Kisumu Water Justice Centre"),
        ("Hamid Sadeghi", "Founder", "Rahe Ab"),  # "the NGO X": the body is X
        # two titles joined by "and": the second heads the body
        ("Ruth Alemu", "Special Envoy of the Secretary-General for Water and Head", "United Nations Water Diplomacy Office"),
    ]


def test_chinese_briefers_in_a_numbered_paragraph_with_a_capacity_and_a_country_after_the_name() -> None:
    note = _parse("briefers_numbered_paragraph.zh.txt")
    assert _triples(note) == [
        # the paragraph's number is no part of the first briefer; "联合国" before a post of the Organization is its body
        ("玛丽亚·费尔南达·洛佩斯", "常务副秘书长", "联合国"),
        ("约翰·卡特", "首席经济学家", "世界银行"),  # a "…学家" is a title
        ("阿伊莎·迪亚洛", "创始人", "萨赫勒农民互助倡议"),  # an "…倡议" is a body; "(马里)" after the name goes
        ("哈莉玛·马哈迪", "农村妇女代表", None),  # "以…身份发言的": the capacity is the role, descriptors go
    ]
    assert note.outcome.kind == "none"  # "不寻求达成正式成果文件"


def test_chinese_briefers_one_a_numbered_line_with_a_short_name_and_a_capacity() -> None:
    note = _parse("briefers_lines.zh.txt")
    assert _triples(note) == [
        ("安东尼奥·古特雷斯", "秘书长", "联合国"),
        ("让-巴蒂斯特·恩东", "执行秘书", "几内亚湾委员会"),  # the short name in parentheses goes
        ("阿库·门萨", "渔民代表", None),
        ("科菲·阿多·博阿滕", "首席工程师", "西非海洋研究平台"),
    ]
    assert note.outcome.kind == "none"


def test_briefings_listed_in_the_programme_of_the_day() -> None:
    assert _triples(_parse("briefers_programme.en.txt")) == [
        ("Halima Warsame", "Executive Secretary", "Intergovernmental Drought Authority"),
        ("Pieter Claes", "Director", "Nairobi Climate Security Institute"),
        # "from the X region of Kenya" is a place, not a body
        ("Abdi Farah Nur", "Herders' representative", None),
    ]


def test_a_programme_heading_after_the_list_of_briefers_ends_the_list() -> None:
    assert _triples(_parse("briefers_then_programme.en.txt")) == [
        ("Ines Duarte", "Director", "Lisbon Heritage Observatory"),
        ("Karim Saleh", "Youth activist", None),
    ]


def test_a_title_block_with_the_kind_of_note_on_its_own_line() -> None:
    # "Concept Note" alone, the debate on the next line: one title, capitals as printed
    assert _parse("title_block.en.txt").title == \
        'Concept Note Security Council Open Debate on "Space Security: Keeping Orbits Peaceful"'


def test_a_theme_line_under_the_title_then_the_dateline() -> None:
    note = _parse("theme_and_dateline.en.txt")
    assert note.title == "Concept note for the annual open debate of the Security Council on the protection of journalists"
    assert note.meeting_date == date(2031, 5, 14)


def test_chinese_questions_numbered_like_headings() -> None:
    # "一、" numbers the items of the questions section here, under unnumbered headings
    assert [q.text for q in _parse("questions_heading_numerals.zh.txt").questions] == [
        "安理会如何推动各方减少在人口稠密地区使用爆炸性武器？",
        "哪些做法有助于保护城市中的关键基础设施",
        "可以从近期冲突中汲取哪些教训？",
        "恢复供水和供电等基本服务，支持平民返回家园",  # a topic, its full stop dropped
    ]


def test_a_word_footnote_referenced_right_after_a_number_leaves_the_number_whole(tmp_path: Path) -> None:
    paras = [p for p in normalise((SHAPES / "questions_paren_items.en.txt").read_text(encoding="utf-8")).text.split("\n")
             if p.strip()]
    path = tmp_path / "note.docx"
    render_docx(paras, path, footnotes=[Footnote("In resolution 2222", "See also resolution 1738 (2006).")])
    _, note = import_concept_note(path)
    # the reference is no digit of "2222": Word marks where it stands, so it is simply left out
    assert note.cited_documents[:2] == ["S/RES/2222 (2015)", "S/RES/1738 (2006)"]


def test_a_chinese_lead_in_naming_the_following_people_then_its_list_after_a_colon() -> None:
    # "听取下列人士的通报：A；B；以及C": 下列人士 names nobody, the list after the colon does
    note = _parse("briefers_following_colon.zh.txt")
    assert _triples(note) == [
        ("卡洛斯·门德斯", "执行主任", "联合国毒品和犯罪问题办公室"),
        ("李在贤", "秘书长", "国际海事组织"),
        ("阿玛·奥乌苏", "主席", "几内亚湾渔民协会"),
    ]


def test_chinese_name_dash_role_lines_one_speaking_for_a_body_and_the_chair_after_the_list() -> None:
    # "姓名——职务" lines; "，代表X发言" gives the body, the place before the role is no part of it;
    # who chairs the debate, on a line after the list, does not brief it
    note = _parse("briefers_name_dash_role.zh.txt")
    assert _triples(note) == [
        ("卡米拉·罗哈斯-贝略", "副执行主任", "联合国环境规划署"),
        ("陈志远", "主任", "湄公河流域研究中心"),
        ("法蒂玛·迪亚洛", "农民", "萨赫勒妇女用水者联合会"),
    ]


def test_chinese_enumeration_with_double_barrelled_names_a_role_in_parentheses_and_descriptors() -> None:
    # "、" after a double-barrelled name starts the next briefer; "郑明华女士（…执行秘书）" puts the
    # name first; "代表民间社会发言的", "以个人身份作通报的" and the "联合国" before a USG's area go
    note = _parse("briefers_enumeration_descriptors.zh.txt")
    assert _triples(note) == [
        ("让-皮埃尔·拉克鲁瓦-杜邦", "主管和平行动副秘书长", "和平行动部"),
        ("安娜·卡塔琳娜·沃斯", "专员", "欧洲联盟委员会"),
        ("郑明华", "执行秘书", "东非政府间发展组织"),
        ("伊琳娜·彼得罗娃-兰格", "协调员", "制裁透明度网络"),
        ("托马斯·伯格-林德", "教授", "日内瓦高级国际关系学院"),
    ]


def test_briefers_who_speak_for_a_body_representing_or_on_behalf_of_it() -> None:
    # the body spoken for is the organization; the role printed before it is the title, without
    # what it says about the person ("with twenty years of service …"), else "Representative"
    assert _briefers("briefers_speaking_for.en.txt") == [
        {"name": "Luis Paredes", "title": "Representative", "organization": "Andean Demining Alliance"},
        {"name": "Grace Tembo", "title": "Nurse", "organization": "Southern Africa Victims' Network"},
    ]


def test_running_text_with_by_before_each_briefer_and_titles_before_the_names() -> None:
    assert _briefers("briefers_by_each.en.txt") == [
        {"name": "Kofi Asante", "title": "Head", "organization": "Demining Unit of the African Union Commission"},
        {"name": "Ingrid Solheim", "title": "Director", "organization": "Mine Action Service"},
        {"name": "Hana Sato", "title": "Deminer", "organization": "Mine-Free Villages Initiative"},
    ]


def test_questions_grouped_under_labels_ending_with_a_colon_with_dash_sub_bullets() -> None:
    # "• 关于部署：" labels a group, it asks nothing: the "——" sub-bullets are the items, each split
    # at its "；" as any item is; a "•" item after the groups is an item
    note = _parse("questions_group_labels.zh.txt")
    assert [q.text for q in note.questions] == [
        "哪些障碍限制了女性军警人员的部署？", "派遣国可以采取哪些措施", "秘书处又能提供什么支持？",
        "特派团如何改善营地设施，使其适合所有人员？", "在特派团领导层中实现性别均衡",
    ]
    assert [q.topic for q in note.questions] == [False, False, False, False, True]


def test_word_second_level_o_bullets_are_questions_of_their_own_after_their_parent() -> None:
    note = _parse("questions_word_sub_bullets.en.txt")
    assert [q.text for q in note.questions] == [
        "How can the Council's early-warning work take account of water stress?",
        "Which data should missions report on river flows and reservoirs?",
        "Can river basin commissions play a greater role in mediation?",
        "What has worked in past agreements on shared aquifers?",
        "How were downstream communities consulted?",
        "Financing for transboundary water cooperation in fragile settings",
    ]


def test_the_dateline_under_the_title_dates_the_debate_when_no_sentence_does() -> None:
    # "which holds the presidency for May 2033, will convene …" names the month, not the day
    assert _parse("dateline_after_title.en.txt").meeting_date == date(2033, 5, 10)


def test_a_draft_resolution_named_with_its_subject_is_a_resolution_outcome() -> None:
    # "分发一份关于人道主义排雷的决议草案": the subject between the measure word and 决议草案
    assert _parse("outcome_draft_resolution_on.zh.txt").outcome.kind == "resolution"


def test_a_list_of_resolutions_that_says_what_each_is_about_cites_every_one() -> None:
    # "resolutions 1261 (1999) on …, 1612 (2005) concerning … and 1882 (2009)": a subject after a
    # dated item does not end the list
    assert _parse("citations_with_subjects.en.txt").cited_documents == [
        "S/RES/1261 (1999)", "S/RES/1612 (2005)", "S/RES/1882 (2009)", "S/RES/2427 (2018)",
    ]
