"""The delegation brief, built from a real database (SQLite and PostgreSQL) and parsed back."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from debateprep.domain.errors import NotFound
from debateprep.exporters.brief import (
    BriefData,
    ConvergencePoint,
    CoverageTable,
    Meeting,
    PrstDraft,
    PrstParagraph,
    Speaker,
    render_brief,
)
from debateprep.exporters.markdown import outline, parse
from debateprep.services.brief import BriefService
from debateprep.services.debates import DebateService
from debateprep.services.notes import NotesService
from tests.conftest import SAMPLES

SEED_NOTE = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"
EN_NOTE = SAMPLES / "concept-note_sample_transitions.en.txt"
PREPARED = date(2014, 2, 10)

EN_SECTIONS = [
    "Meeting", "Concept note", "Guiding questions", "Briefers", "Speakers list and schedule",
    "Coverage of the guiding questions", "Where delegations converge", "Relevant agreed language",
    "Draft presidential statement", "Our statement",
]
ZH_SECTIONS = [
    "会议", "概念说明", "审议的问题", "通报人", "发言名单和时间安排", "审议问题的述及情况",
    "各代表团的共同主张", "相关商定措辞", "主席声明草案", "我方发言",
]


# -- structure checks shared with the CLI and TUI tests ----------------------------------------


def sections(md: str) -> list[str]:
    return [text for level, text in outline(md) if level == 2]


def tables(md: str) -> list[tuple[list[str], int]]:
    """Each table as (header cells, number of body rows)."""
    found: list[tuple[list[str], int]] = []
    header: list[str] | None = None
    rows = 0
    in_head = False
    tokens = parse(md)
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            header, rows = [], 0
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "th_open" and in_head and header is not None:
            header.append("".join(c.content for c in tokens[i + 1].children or []))
        elif token.type == "tr_open" and not in_head:
            rows += 1
        elif token.type == "table_close" and header is not None:
            found.append((header, rows))
    return found


def assert_well_formed(md: str) -> None:
    """No raw HTML, and every bold/italic marker we wrote was parsed as markup (none left as text)."""
    tokens = parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline"}
    leftovers = [c.content for t in tokens for c in t.children or [] if c.type == "text" and "**" in c.content]
    assert leftovers == []


# -- the service -------------------------------------------------------------------------------


def test_empty_debate_brief_says_what_is_missing(db) -> None:  # type: ignore[no-untyped-def]
    debate = DebateService(db).create("Protection of civilians in armed conflict", meeting_number=7109,
                                      meeting_date=date(2014, 2, 12), presidency="Lithuania")
    export = BriefService(db).export(debate.id, lang="en", prepared=PREPARED)
    md = export.content
    assert outline(md)[0] == (1, "Delegation brief: Protection of civilians in armed conflict")
    assert sections(md) == EN_SECTIONS
    assert "S/PV.7109 (7109th meeting)" in md and "12 February 2014" in md
    for missing in ("No concept note imported yet.", "No speakers inscribed yet.", "No statements imported yet.",
                    "No PRST draft yet.", "Prepared with debateprep on 10 February 2014."):
        assert missing in md
    assert_well_formed(md)
    zh = BriefService(db).export(debate.id, lang="zh", prepared=PREPARED).content
    assert sections(zh) == ZH_SECTIONS
    assert "第7109次会议" in zh and "2014年2月12日" in zh and "尚未导入发言。" in zh
    assert_well_formed(zh)


def test_seed_note_brief_in_chinese_and_english(db) -> None:  # type: ignore[no-untyped-def]
    imported = NotesService(db).import_file(SEED_NOTE)
    service = BriefService(db)
    zh = service.export(imported.debate_id, prepared=PREPARED)  # the debate's own language
    assert zh.lang == "zh"
    md = zh.content
    assert sections(md) == ZH_SECTIONS
    questions = [text for level, text in outline(md) if level == 3]
    assert len(questions) == 13
    assert questions[4] == "问题5" and questions[0] == "问题1（议题，未以问句表述）"
    assert md.count("尚未起草我方发言，因此没有要点") == 13  # one line under each question: no statement of ours yet
    assert "**概念说明**：S/2014/74" in md
    assert "预期成果" in md and "主席声明" in md
    assert "瓦莱丽·阿莫斯，主管人道主义事务副秘书长（人道主义事务协调厅）" in md
    assert "S/RES/1894 (2009)" in md
    assert "2014年是安全理事会处理武装冲突中保护平民问题的第15个年头。1999年" in md  # no space between
    assert_well_formed(md)

    en = service.export(imported.debate_id, lang="en", prepared=PREPARED)
    assert sections(en.content) == EN_SECTIONS
    assert "### Question 5" in en.content and "*As a question:* 如何应对实地执行面临的风险和挑战？" in en.content
    assert_well_formed(en.content)
    assert en.summary.startswith("13 questions, 0 speakers")


def test_english_sample_note_and_html(db) -> None:  # type: ignore[no-untyped-def]
    imported = NotesService(db).import_file(EN_NOTE)
    export = BriefService(db).export(imported.debate_id, html=True, prepared=PREPARED)
    page = export.content
    assert export.lang == "en" and page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert page.count("<h3>") == 7
    assert "<li>Helena Marsh, Assistant Secretary-General for Peacebuilding Support" in page
    assert "<script" not in page


def test_our_delegation_setting_and_override(db) -> None:  # type: ignore[no-untyped-def]
    debates = DebateService(db)
    debate = debates.create("Protection of civilians", language="en")
    service = BriefService(db)
    _, data = service.gather(debate.id)
    assert data.meeting.delegation is None
    assert "*No meeting details yet (`debateprep debate set`).*" in service.export(debate.id).content
    debates.update(debate, our_delegation="China")
    _, data = service.gather(debate.id)
    assert data.meeting.delegation == "China"
    md = service.export(debate.id).content
    assert "**Our delegation:** China" in md
    _, data = service.gather(debate.id, delegation="Lithuania")
    assert data.meeting.delegation == "Lithuania"


def test_latest_debate_by_default_and_unknown_debate(db) -> None:  # type: ignore[no-untyped-def]
    service = BriefService(db)
    with pytest.raises(NotFound):
        service.export(None)
    DebateService(db).create("First")
    second = DebateService(db).create("Second")
    assert service.export(None).debate.id == second.id
    with pytest.raises(NotFound):
        service.export(42)


def test_prst_draft_with_marks(db) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.prst import PrstService

    debate = DebateService(db).create("Protection of civilians in armed conflict", meeting_number=7109,
                                      meeting_date=date(2014, 2, 12),
                                      agenda_item="Protection of civilians in armed conflict")
    prst = PrstService(db)
    draft = prst.new_draft(debate.id, "en")
    prst.add_text(draft.id, "Stresses the importance of training all peacekeepers | in <b>protection</b> of civilians;")
    prst.add_text(draft.id, "Recalling its resolution 1894 (2009),")
    prst.revise(draft.id)
    md = BriefService(db).export(debate.id, lang="en").content
    body = md[md.index("## Draft presidential statement"):]
    assert f"*PRST draft \\#{draft.id}. Draft rev.1. 0 agreed, 0 new, 2 not checked.*" in body
    assert "At the 7109th meeting of the Security Council, held on 12 February 2014" in body
    assert '**1.** *[not checked]* "The Security Council recalls its resolution 1894 (2009)' in body.replace("1\\.", "1.")
    assert "in \\<b\\>protection\\</b\\> of civilians" in body and "\\|" in body
    assert "[^1]: Not checked against the library yet. Typed by the drafter." in body
    assert_well_formed(md)
    refs = [c for t in parse(md) for c in t.children or [] if c.type == "footnote_ref"]
    assert len(refs) == 2
    chinese = prst.new_draft(debate.id, "zh")  # newer, but the English brief keeps the English draft
    prst.add_text(chinese.id, "强调指出必须加强保护平民的培训，")
    again = BriefService(db).export(debate.id, lang="en").content
    assert "The Security Council recalls its resolution 1894 (2009)" in again
    assert "“安全理事会强调指出必须加强保护平民的培训。”" in BriefService(db).export(debate.id, lang="zh").content
    assert f"The debate's other drafts: \\#{chinese.id} (not shown)." in again  # the brief says which it shows


def test_the_brief_shows_the_draft_the_debate_works_on(db) -> None:  # type: ignore[no-untyped-def]
    """Two drafts in one language: the brief shows the one chosen (F5's d, `prst use`), and says so."""
    from debateprep.services.prst import PrstService

    debate = DebateService(db).create("Protection of civilians in armed conflict", meeting_number=7109)
    prst = PrstService(db)
    first = prst.new_draft(debate.id, "en")
    prst.add_text(first.id, "Recalling its resolution 1894 (2009),")
    second = prst.new_draft(debate.id, "en")  # the newest: the one worked on
    prst.add_text(second.id, "Stresses the importance of early warning,")
    md = BriefService(db).export(debate.id, lang="en").content
    assert f"*PRST draft \\#{second.id}." in md and f"other drafts: \\#{first.id}" in md and "early warning" in md
    prst.use(first.id)
    md = BriefService(db).export(debate.id, lang="en").content
    assert f"*PRST draft \\#{first.id}." in md and f"other drafts: \\#{second.id}" in md
    assert "resolution 1894" in md and "early warning" not in md


def test_speakers_list_and_when_we_speak(db) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, timedelta

    from debateprep.services.speakers import SpeakersService

    imported = NotesService(db).import_file(SEED_NOTE)
    debate_id = imported.debate_id
    speakers = SpeakersService(db)
    speakers.import_briefers(debate_id)
    t0 = datetime(2014, 2, 5, 9, 0)
    for minute, name in enumerate(["Lithuania", "France", "China", "Argentina", "Brazil", "Japan", "Norway"]):
        speakers.add(debate_id, name, inscribed_at=t0 + timedelta(minutes=minute))
    service = BriefService(db)
    _, data = service.gather(debate_id, delegation="中国")
    assert data.speakers is not None
    names = [s.delegation for s in data.speakers]
    ours = [s for s in data.speakers if s.ours]
    assert [s.delegation for s in ours] == ["China"]
    view = speakers.view(debate_id)
    assert names == [p.entry.delegation for p in view.placements if p.position is not None]
    # members in order of inscription, the President (Lithuania) last among them, then non-members
    assert names[4:] == ["France", "China", "Argentina", "Lithuania", "Brazil", "Japan", "Norway"]
    briefer_orgs = [b.organization for b in data.briefers or []]
    assert len(briefer_orgs) == 4 and names[:4] == briefer_orgs  # briefers speak first, from the list
    assert all(s.start for s in data.speakers) and ours[0].session_label

    zh = render_brief(data, "zh")
    position = ours[0].position
    assert f"**我方（中国）在{len(names)}位发言者中排第{position}位，预计{ours[0].start}发言（2月12日（星期三）" in zh
    (header, rows), = tables(zh)
    assert header == ["序号", "代表团", "代表", "级别", "依据", "预计开始", "场次"] and rows == len(names)
    assert "| **中国** |" in zh and "安理会成员" in zh and "通报人（第39条）" in zh
    assert "China" not in zh and "| 2 | 维持和平行动部 | 代表 |" in zh
    assert_well_formed(zh)
    en = service.export(debate_id, lang="en", delegation="Mongolia").content
    assert "*Mongolia is not on the speakers list yet.*" in en


def test_agreed_language_with_citations(db) -> None:  # type: ignore[no-untyped-def]
    import re

    from debateprep.domain.prst import Provenance
    from debateprep.services.library import LibraryService
    from debateprep.services.prst import PrstService

    imported = NotesService(db).import_file(SEED_NOTE)
    service = BriefService(db)
    _, before = service.gather(imported.debate_id)
    assert before.agreed_language is None  # an empty library
    library = LibraryService(db)
    library.load_sample()
    op4 = library.paragraph("S/RES/2594 (2021), OP 4").paragraph
    prst = PrstService(db)
    draft = prst.new_draft(imported.debate_id, "zh")
    prst.add_text(draft.id, op4.text, provenance=Provenance("library", citation=op4.citation, source_text=op4.text))

    _, data = service.gather(imported.debate_id)
    items = data.agreed_language or []
    # the sample library (2020-2021) postdates this 2014 debate: only what the draft took is listed
    assert [i.citation for i in items] == ["S/RES/2594 (2021), OP 4"]
    for item in items:
        assert re.fullmatch(r"S/RES/\d{4} \(\d{4}\), (PP|OP) \d+( \([a-z]\))?", item.citation)
        assert library.paragraph(item.citation).paragraph.text == item.text  # quoted exactly
    used = [i for i in items if i.prst_paragraph == 1]
    assert [i.citation for i in used] == ["S/RES/2594 (2021), OP 4"]
    assert all(i.question is not None for i in items if i.prst_paragraph is None)

    md = render_brief(data, "zh")
    body = md[md.index("## 相关商定措辞"):md.index("## 主席声明草案")]
    assert "**S/RES/2594 (2021), OP 4** *" in body and "用于主席声明草案第1段" in body
    assert body.count("\n> ") == len(items)
    assert "取自S/RES/2594 (2021), OP 4。" in md
    assert_well_formed(md)


STATEMENT_FILES = ("spch003", "spch005", "spch006", "spch007", "spch008", "spch009", "spch010", "spch011")


def test_statements_give_coverage_and_convergence(db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.statements import StatementService

    imported = NotesService(db).import_file(EN_NOTE)
    speeches = shared_data / "spv_2020_speeches"
    files = [speeches / f"UNSC_2020_SPV.8723_{name}.txt" for name in STATEMENT_FILES]
    StatementService(db).import_record(imported.debate_id, files)
    debate, data = BriefService(db).gather(imported.debate_id)
    assert data.coverage is not None and data.coverage.question_labels == [f"Q{i}" for i in range(1, 8)]
    delegations = [name for name, _ in data.coverage.rows]
    spoken = StatementService(db).list(imported.debate_id, include_procedural=False)
    assert set(delegations) == {s.delegation for s in spoken if s.delegation} and len(delegations) >= 5
    md = render_brief(data, "en")
    (coverage_header, coverage_rows), = [t for t in tables(md) if t[0][0] == "Delegation"]
    assert coverage_header == ["Delegation", *[f"Q{i}" for i in range(1, 8)]] and coverage_rows == len(delegations)
    addressed = [q.addressed_by for q in data.questions or []]
    assert all(a is not None for a in addressed) and any(addressed)
    assert data.convergence is not None
    assert all(len(p.supporters) >= 2 for p in data.convergence)
    assert_well_formed(md)


# -- rendering what other capabilities provide -------------------------------------------------


def _full(ours: int | None = 41) -> BriefData:
    return BriefData(
        meeting=Meeting("Protection of civilians | <script>", 7109, date(2014, 2, 12), "Lithuania",
                        delegation="Delegation 41" if ours is not None else None),
        speakers=[Speaker(i + 1, f"Delegation {i}", f"Ambassador {i}", "permanent_representative",
                          "member" if i < 15 else "rule37", "", f"{10 + i // 12:02d}:{(i * 5) % 60:02d}",
                          "1" if i < 36 else "2", "Wed 12 Feb 15:00-18:00 S/PV.7109" if i >= 36 else "",
                          ours=(i == ours)) for i in range(100)],
        coverage=CoverageTable(["Q1", "Q2"], [("A | B", [0.7, 0.0]), ("`C`", [0.2, 0.9])]),
        convergence=[ConvergencePoint("We call on all parties [to] comply", ["A", "B"])],
        prst=PrstDraft("At the 7109th meeting …", [PrstParagraph('"The Security Council recalls …', "agreed",
                                                                 "S/RES/1894 (2009), OP 1", 0.97)]),
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_brief_tables_and_our_slot(lang: str) -> None:
    md = render_brief(_full(), lang)
    assert_well_formed(md)
    found = tables(md)
    assert [rows for _, rows in found] == [100, 2]
    assert len(found[0][0]) == 7
    if lang == "en":
        assert "**We (Delegation 41) speak 42nd of 100, expected at 13:25 (Wed 12 Feb 15:00-18:00 S/PV.7109).**" in md
        assert "Just before us: Delegation 40. Just after us: Delegation 42." in md
        assert found[0][0][:2] == ["#", "Delegation"]
    else:
        assert "**我方（Delegation 41）在100位发言者中排第42位，预计13:25发言（Wed 12 Feb 15:00-18:00 S/PV.7109）。**" in md
        assert found[0][0][:2] == ["序号", "代表团"]
    assert outline(md)[0][1].endswith("Protection of civilians | <script>")


def test_not_on_the_list_yet() -> None:
    data = _full(ours=None)
    data.meeting.delegation = "China"
    assert "*China is not on the speakers list yet.*" in render_brief(data, "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_coverage_cell_carries_its_passage_and_what_matched(lang: str) -> None:
    from debateprep.exporters.brief import CellEvidence

    data = _full()
    assert data.coverage is not None
    data.coverage.evidence = [
        CellEvidence("Q1", "A | B", "We value the PBC's [advisory] role. " * 12, "Peacebuilding Commission ← PBC"),
        CellEvidence("Q2", "`C`", "Regional partners matter.", "", "addressed"),
    ]
    data.coverage.marks = {("`C`", "Q2"): "addressed", ("A | B", "Q1"): "wrong"}
    md = render_brief(data, lang)
    assert_well_formed(md)
    matched = "matched: Peacebuilding Commission ← PBC" if lang == "en" else "匹配：Peacebuilding Commission ← PBC"
    assert matched in md and "[advisory]" in md  # brackets as written: they make no link
    assert "link_open" not in {c.type for t in parse(md) for c in t.children or []}
    assert "…”" in md  # a long passage is clipped at a word
    assert ("marked addressed by a user" if lang == "en" else "用户标注为已述及") in md
    (_header, rows), = [t for t in tables(md) if t[0][0] in ("Delegation", "代表团")]
    assert rows == 2 and "✓" in md and "✗" in md


def _question_block(md: str, heading: str) -> str:
    """The brief's text under one question heading, up to the next heading ("#" unescaped)."""
    start = next(m.start() for m in re.finditer(re.escape(f"### {heading}") + r"[\n（ ]", md))
    end = md.find("\n#", start + 1)
    return md[start:end if end != -1 else len(md)].replace("\\#", "#")


def test_talking_points_come_from_our_statement_and_say_which_version(db) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.our_statement import OurStatementService

    imported = NotesService(db).import_file(SEED_NOTE)
    debate_id = imported.debate_id
    assert debate_id is not None
    DebateService(db).update(DebateService(db).get(debate_id), our_delegation="China")
    ours = OurStatementService(db)
    statement = ours.new(debate_id)  # Chinese, one section per guiding question (placeholders only)
    assert statement.id is not None and statement.language == "zh"
    training = next(s for s in statement.sections if s.question_label == "Q6")
    said = ("中方认为，应确保全体维和人员在部署前接受保护平民培训[^S/RES/2594 (2021), OP 2]。"
            "培训标准应当统一，并支持秘书处加强培训能力。\n\n[我方的具体建议]\n\n"
            "中方愿同各方一道，为维和人员提供更多培训资源。")
    ours.edit_section(statement.id, training, said)
    ours.revise(statement.id)

    md = BriefService(db).export(debate_id, lang="zh", prepared=PREPARED).content
    block = _question_block(md, "问题6")
    assert f"**我方要点（取自我方发言#{statement.id}，修订版rev.1）：**" in block
    assert "- 中方认为，应确保全体维和人员在部署前接受保护平民培训。" in block  # the key sentence, marker dropped
    assert "- 中方愿同各方一道，为维和人员提供更多培训资源。" in block
    assert "培训标准应当统一" not in block and "我方的具体建议" not in block  # key sentences; no placeholder
    other = _question_block(md, "问题5")
    assert f"我方发言#{statement.id}（修订版rev.1）中此问题目前只有占位文字" in other and "F7" in other
    assert "……" not in md.split("## 通报人")[0]  # no invented points
    assert_well_formed(md)

    # the text moved on since rev.1: the brief says it shows the working text
    section = next(s for s in ours.get(statement.id).sections if s.question_label == "Q5")
    ours.edit_section(statement.id, section, "中方支持加强预警机制。")
    md = BriefService(db).export(debate_id, lang="zh", prepared=PREPARED).content
    assert f"**我方要点（取自我方发言#{statement.id}，rev.1之后的工作文本）：**\n\n- 中方支持加强预警机制。" in _question_block(
        md, "问题5")

    # a section the writer dropped: said so, not invented
    ours.remove_section(statement.id, next(s for s in ours.get(statement.id).sections if s.question_label == "Q7"))
    md = BriefService(db).export(debate_id, lang="zh", prepared=PREPARED).content
    assert f"我方发言#{statement.id}（rev.1之后的工作文本）中没有针对此问题的部分" in _question_block(md, "问题7")

    # the English brief: our statement is Chinese; no Chinese points in an English brief, and how to get English ones
    en = BriefService(db).export(debate_id, lang="en", prepared=PREPARED).content
    block = _question_block(en, "Question 6")
    assert f"Our statement #{statement.id} is in Chinese: draft one in English (`debateprep ours new --lang en`" in block
    assert "中方认为" not in block
    assert_well_formed(en)


def test_without_our_statement_the_brief_says_so_and_how_to_write_it(db) -> None:  # type: ignore[no-untyped-def]
    imported = NotesService(db).import_file(SEED_NOTE)
    for lang, none in (("zh", "尚未起草我方发言，因此没有要点：请用 `debateprep ours new`（界面：F7）起草"),
                       ("en", "No statement of ours yet, so no talking points: draft it with `debateprep ours new` "
                              "(TUI: F7)")):
        md = BriefService(db).export(imported.debate_id, lang=lang, prepared=PREPARED).content
        assert md.count(none) == 13, lang  # under every question
        assert "**Our talking points" not in md and "**我方要点" not in md
        assert "- …" not in md and "- ……" not in md  # nothing invented
        assert_well_formed(md)


def test_agreed_language_is_quoted_in_the_briefs_language_only(db) -> None:  # type: ignore[no-untyped-def]
    """The sample library holds S/RES/2594 in Chinese only: the English brief of the English sample
    debate never quotes it in Chinese (F7 and `ours sources` leave it out the same way)."""
    from debateprep.domain.text import has_cjk
    from debateprep.services.sample import load_sample

    load_sample(db)
    english = [d for d in DebateService(db).list() if d.language == "en"]
    assert english
    export = BriefService(db).export(english[0].id, lang="en", prepared=PREPARED)
    assert not any(has_cjk(a.text) for a in export.data.agreed_language)
    assert not any(has_cjk(a.citation) for a in export.data.agreed_language)
