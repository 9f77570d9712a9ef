"""Parsing concept notes: the seed (Chinese, from a PDF), the English sample, other layouts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from debateprep.domain.concept_note import ConceptNote, heading_roles, parse_concept_note
from debateprep.domain.questions import clean_item, is_question, question_form, split_atomic
from debateprep.domain.text import normalise
from debateprep.importers.concept_note import import_concept_note

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
SAMPLE_EN = REPO / "concept_notes" / "concept-note_sample_transitions.en.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notes"

SEED_QUESTIONS = [
    "进一步推动各方就保护任务、目前维和行动取得的有关经验形成共识",
    "进一步确保特派团领导认识到安理会已将保护平民工作列为优先事项",
    "保护平民政策、规划和准备相互脱节问题",
    "实地执行面临的风险和挑战",
    "在今后的战略和指导中如何更好地纳入部队警察派遣国在执行保护任务方面取得的经验和挑战",
    "如何确保全体维和人员接受保护平民培训并达到统一标准",
    "执行任务所需要的协调工作、情况了解、预警和快速反应",
    "支持东道国政府安全部队",
    "与实地的人道主义和其他行为体的互动协作",
    "安全理事会在决议通过后继续关注保护平民任务的进展和挑战",
    "保护平民工作方面的最佳做法",
    "最佳做法及其产生原因，加强特派团之间最佳做法的交流",
    "确保提供充足资源和经费，支持保护平民工作",
]
CONTRACT_KEYS = [
    "id", "symbol", "language", "presidency", "letter_date", "meeting_date", "title", "sections", "questions",
    "themes", "briefers", "outcome", "cited_documents", "speaking_limit_minutes",
]


def _parse(path: Path) -> ConceptNote:
    result = normalise(path.read_text(encoding="utf-8"))
    return parse_concept_note(result.text, furniture=result.furniture)


def test_seed_has_6_bullets_holding_13_atomic_questions() -> None:
    note = _parse(SEED)
    assert [q.text for q in note.questions] == SEED_QUESTIONS
    assert sorted({q.provenance.bullet for q in note.questions}) == [1, 2, 3, 4, 5, 6]
    assert [q.provenance.item for q in note.questions if q.provenance.bullet == 2] == [1, 2, 3, 4]
    assert [q.position for q in note.questions] == list(range(1, 14))
    assert {q.section for q in note.questions} == {"审议的问题"}


def test_the_question_split_by_a_page_break_comes_out_whole() -> None:
    q = _parse(SEED).questions[4]
    assert q.text == "在今后的战略和指导中如何更好地纳入部队警察派遣国在执行保护任务方面取得的经验和挑战"
    assert q.original == q.text + "；"
    assert not q.topic
    assert q.provenance.describe() == "“审议的问题”, bullet 2, item 3"


def test_topics_keep_the_original_and_get_a_question_form() -> None:
    questions = _parse(SEED).questions
    topics = [q for q in questions if q.topic]
    assert len(topics) == 11
    third = questions[2]
    assert third.topic and third.original == "保护平民政策、规划和准备相互脱节问题；"
    assert third.question_form == "如何解决保护平民政策、规划和准备相互脱节问题？"
    assert questions[9].question_form == "安全理事会应如何在决议通过后继续关注保护平民任务的进展和挑战？"
    assert questions[10].question_form == "保护平民工作方面的最佳做法有哪些？"
    assert all(q.question_form and q.question_form.endswith("？") for q in questions)


def test_seed_letter_and_annex() -> None:
    note = _parse(SEED)
    assert note.language == "zh"
    assert note.letter_date == date(2014, 2, 3)
    assert note.meeting_date == date(2014, 2, 12)
    assert note.presidency == "立陶宛"
    assert note.sender == "立陶宛常驻联合国代表"
    assert note.addressee == "秘书长"
    assert note.signatory is not None and note.signatory.name == "雷蒙达·穆尔莫凯特"
    assert note.signatory.titles == ["常驻代表", "大使"]
    assert note.title == "安全理事会关于武装冲突中保护平民问题公开辩论的概念说明"
    assert note.focus == "切实执行联合国维和行动中的保护平民任务"
    assert note.topic == "武装冲突保护平民"
    assert note.symbol is None  # the text does not carry it: --symbol or the file name supplies it


def test_seed_sections_themes_briefers_outcome_cited() -> None:
    data = _parse(SEED).to_json()
    assert data["sections"] == [
        {"heading": "背景介绍", "level": 1},
        {"heading": "情况发展", "level": 1},
        {"heading": "有待探讨的挑战和机会", "level": 1},
        {"heading": "保护平民问题的认识、优先处理和工作规划", "level": 2},
        {"heading": "领导、战略和协调", "level": 2},
        {"heading": "能力和培训", "level": 2},
        {"heading": "审议的问题", "level": 1},
        {"heading": "通报人和结果", "level": 1},
    ]
    assert data["themes"] == ["保护平民问题的认识、优先处理和工作规划", "领导、战略和协调", "能力和培训"]
    assert data["briefers"] == [
        {"name": "瓦莱丽·阿莫斯", "title": "主管人道主义事务副秘书长", "organization": "人道主义事务协调厅"},
        {"name": None, "title": "代表", "organization": "维持和平行动部"},
        {"name": None, "title": "代表", "organization": "联合国人权事务高级专员办事处"},
        {"name": None, "title": "代表", "organization": "红十字国际委员会"},
    ]
    assert [b.acronym for b in _parse(SEED).briefers] == ["OCHA", "DPKO", "OHCHR", "ICRC"]
    assert data["outcome"]["kind"] == "presidential statement"
    assert data["outcome"]["evidence"].startswith("安全理事会轮值主席国立陶宛将提议通过一份主席声明")
    assert data["cited_documents"][:3] == ["S/RES/1265 (1999)", "S/2013/689", "S/RES/1894 (2009)"]
    assert list(data) == CONTRACT_KEYS
    assert data["questions"][0] == {"text": SEED_QUESTIONS[0], "topic": True, "section": "审议的问题"}


def test_english_sample_json() -> None:
    data = _parse(SAMPLE_EN).to_json(note_id=7)
    assert data == {
        "id": 7,
        "symbol": None,
        "language": "en",
        "presidency": "Ireland",
        "letter_date": "2026-03-02",
        "meeting_date": "2026-03-17",
        "title": 'Concept note for the Security Council open debate on "Peace operations in transition: '
                 'protecting civilians when missions draw down"',
        "sections": [
            {"heading": "Introduction", "level": 1},
            {"heading": "Background", "level": 1},
            {"heading": "Issues to explore", "level": 1},
            {"heading": "Planning transitions from the start", "level": 2},
            {"heading": "Capacities of the host State", "level": 2},
            {"heading": "Financing and partnerships", "level": 2},
            {"heading": "Guiding questions", "level": 1},
            {"heading": "Format and briefers", "level": 1},
            {"heading": "Outcome", "level": 1},
        ],
        "questions": [
            {"text": "How can the Council ensure that transition planning starts early and keeps the protection of "
                     "civilians at its centre?", "topic": False, "section": "Guiding questions"},
            {"text": "What benchmarks should guide the handover of protection tasks?", "topic": False,
             "section": "Guiding questions"},
            {"text": "What lessons from recent drawdowns should inform future mandates", "topic": False,
             "section": "Guiding questions"},
            {"text": "How can early-warning networks built by missions be sustained after they close?",
             "topic": False, "section": "Guiding questions"},
            {"text": "Strengthening host-State police, justice and corrections capacities to protect civilians "
                     "after a mission leaves", "topic": True, "section": "Guiding questions"},
            {"text": "How can the Council work with the Peacebuilding Commission, regional organizations and "
                     "international financial institutions to prevent a financial cliff?", "topic": False,
             "section": "Guiding questions"},
            {"text": "Best practices in involving local communities, women and young people in transition "
                     "planning", "topic": True, "section": "Guiding questions"},
        ],
        "themes": ["Planning transitions from the start", "Capacities of the host State", "Financing and partnerships"],
        "briefers": [
            {"name": "Helena Marsh", "title": "Assistant Secretary-General for Peacebuilding Support",
             "organization": "Peacebuilding Support Office"},
            {"name": None, "title": "Representative", "organization": "International Committee of the Red Cross"},
            {"name": "Grace Achieng", "title": "Executive Director", "organization": "Protection in Transition Network"},
        ],
        # no negotiated outcome, but a summary the presidency will circulate: that is the outcome
        "outcome": {"kind": "summary", "evidence": "The presidency will circulate a summary of the debate."},
        "cited_documents": ["S/RES/2594 (2021)", "S/RES/1265 (1999)", "S/PRST/2014/3", "S/RES/2086 (2013)",
                            "A/75/19", "S/2017/507"],
        "speaking_limit_minutes": 5.0,  # "statements of no more than five minutes"
    }


# A short English note in another common layout (roman headings, questions as (a) (b), briefers in
# one sentence, a resolution as outcome): made up for this test, the briefers sentence is the seed's
# own sentence in English.
OTHER_LAYOUT = """S/2099/1
Letter dated 5 May 2099 from the Permanent Representative of Norway to the United Nations addressed to the President of the Security Council

Norway intends to hold an open debate on "Protection of civilians in armed conflict" on 20 May 2099.

(Signed) Kari Nordmann
Permanent Representative

Annex to the letter dated 5 May 2099 from the Permanent Representative of Norway to the United Nations addressed to the President of the Security Council

Concept note: protection of civilians in armed conflict

I. Background

The debate takes stock of resolution 1894 (2009) and of the report of the Secretary-General (S/2013/689).

II. Key issues

A. Compliance

Parties to conflict must comply with international humanitarian law.

B. Accountability

Violations must be investigated.

III. Questions for discussion

(a) How can the Council promote compliance? How can it support national accountability mechanisms?
(b) Protecting humanitarian and medical personnel.

IV. Briefers

The Under-Secretary-General for Humanitarian Affairs, Valerie Amos, and representatives of the Department of Peacekeeping Operations, the Office of the United Nations High Commissioner for Human Rights and the International Committee of the Red Cross will brief the Council.

V. Outcome

The presidency intends to put forward a draft resolution for adoption at the end of the debate.
"""


def test_another_english_layout() -> None:
    result = normalise(OTHER_LAYOUT)
    note = parse_concept_note(result.text, furniture=result.furniture)
    assert note.symbol == "S/2099/1"  # a symbol alone on the first line is the document's
    assert note.addressee == "President of the Security Council"
    assert note.presidency == "Norway"
    assert note.meeting_date == date(2099, 5, 20)
    assert note.signatory is not None and note.signatory.name == "Kari Nordmann"
    assert [(s.number, s.heading, s.level) for s in note.sections] == [
        ("I.", "Background", 1), ("II.", "Key issues", 1), ("A.", "Compliance", 2), ("B.", "Accountability", 2),
        ("III.", "Questions for discussion", 1), ("IV.", "Briefers", 1), ("V.", "Outcome", 1),
    ]
    assert note.themes == ["Compliance", "Accountability"]
    assert [(q.text, q.topic) for q in note.questions] == [
        ("How can the Council promote compliance?", False),
        ("How can it support national accountability mechanisms?", False),
        ("Protecting humanitarian and medical personnel", True),
    ]
    assert [b.to_json() for b in note.briefers] == [
        {"name": "Valerie Amos", "title": "Under-Secretary-General for Humanitarian Affairs",
         "organization": "Office for the Coordination of Humanitarian Affairs"},
        {"name": None, "title": "Representative", "organization": "Department of Peacekeeping Operations"},
        {"name": None, "title": "Representative",
         "organization": "Office of the United Nations High Commissioner for Human Rights"},
        {"name": None, "title": "Representative", "organization": "International Committee of the Red Cross"},
    ]
    assert note.outcome.kind == "resolution"
    assert note.cited_documents == ["S/RES/1894 (2009)", "S/2013/689"]


def test_chinese_numbered_headings_and_no_outcome() -> None:
    text = "\n\n".join([
        "关于维和行动过渡的概念说明",
        "一、背景", "安理会第2594(2021)号决议强调过渡规划。",
        "二、审议的问题", "鼓励会员国述及以下问题：",
        "（a）如何尽早开展过渡规划？东道国如何接手保护任务？",
        "三、结果", "本次公开辩论不寻求通过任何正式成果文件。",
    ])
    note = parse_concept_note(text)
    assert [s.heading for s in note.sections] == ["背景", "审议的问题", "结果"]
    assert [q.text for q in note.questions] == ["如何尽早开展过渡规划？", "东道国如何接手保护任务？"]
    assert note.outcome.kind == "none"
    assert note.cited_documents == ["S/RES/2594 (2021)"]


def test_round_trip_through_a_dict() -> None:
    note = _parse(SEED)
    again = ConceptNote.from_dict(json.loads(json.dumps(note.to_dict(), ensure_ascii=False)))
    assert again == note


@pytest.mark.parametrize("name", ["seed_note.docx", "seed_note.pdf", "seed_note.gb18030.txt"])
def test_other_formats_of_the_seed_give_the_same_note(name: str) -> None:
    _, note = import_concept_note(FIXTURES / name)
    reference = _parse(SEED).to_json()
    data = note.to_json()
    assert [q["text"] for q in data["questions"]] == SEED_QUESTIONS
    for key in CONTRACT_KEYS:
        if key != "symbol":
            assert data[key] == reference[key], key
    if name.endswith(".pdf"):
        assert data["symbol"] == "S/2014/74"  # from the running header the PDF repeats on every page


def test_english_pdf_gives_the_same_note_as_the_text() -> None:
    _, note = import_concept_note(FIXTURES / "sample_note_en.pdf")
    assert note.to_json() == _parse(SAMPLE_EN).to_json()


def test_atomic_split_and_question_detection() -> None:
    assert split_atomic("- A；B；") == ["A；", "B；"]
    assert split_atomic("• How? Why? And then; what") == ["How?", "Why?", "And then;", "what"]
    assert clean_item("and how can it help;") == "How can it help"
    assert is_question("多大程度上取得了进展", "zh") and not is_question("能力和培训", "zh")
    assert is_question("To what extent has the Council acted", "en")
    assert question_form("Ensure adequate resources", "en") == "How can the Council and Member States ensure adequate resources?"
    assert question_form("Gaps, risks and challenges", "en") == "How can gaps, risks and challenges be addressed?"


@pytest.mark.parametrize(
    "heading, roles",
    [
        ("审议的问题", ("questions",)),
        ("通报人和结果", ("briefers", "outcome")),
        ("有待探讨的挑战和机会", ("challenges",)),
        ("Guiding questions", ("questions",)),
        ("Questions and issues to be addressed", ("questions",)),
        ("Format and briefers", ("briefers", "format")),
        ("保护平民问题的认识、优先处理和工作规划", ()),
    ],
)
def test_heading_roles(heading: str, roles: tuple[str, ...]) -> None:
    assert heading_roles(heading) == roles
