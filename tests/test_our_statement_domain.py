"""Our statement, the pure parts: conventional forms, the length estimate, the check, footnotes."""

from __future__ import annotations

from datetime import date

import pytest

from debateprep.domain.coverage import CoverageQuestion
from debateprep.domain.delivery import Rates, estimate, spoken, units
from debateprep.domain.errors import InputError
from debateprep.domain.our_statement import (
    OurStatement,
    Section,
    citation_marker,
    insert_paragraph,
    move,
    split_paragraphs,
)
from debateprep.domain.statement_check import bracket_issues, check, only_placeholders, text_issues
from debateprep.domain.statement_forms import BrieferRef, closing, header_lines, opening

AMOS_ZH = BrieferRef("瓦莱丽·阿莫斯", "主管人道主义事务副秘书长", "人道主义事务协调厅")
AMOS_EN = BrieferRef("Ms. Valerie Amos", "Under-Secretary-General for Humanitarian Affairs",
                     "Office for the Coordination of Humanitarian Affairs")


# -- forms -----------------------------------------------------------------------------------------


def test_the_issue_examples_in_both_languages() -> None:
    assert opening("en", presidency="Lithuania", briefers=[AMOS_EN], chair="madam") == [
        "Madam President, I thank the presidency of Lithuania for convening this open debate and "
        "Under-Secretary-General Amos for her briefing."]
    assert opening("zh", presidency="立陶宛", briefers=[AMOS_ZH], chair="madam") == [
        "主席女士，我感谢立陶宛举办此次公开辩论，感谢阿莫斯副秘书长的通报。"]


def test_seed_briefers_named_and_unnamed_are_grouped() -> None:
    unnamed = [BrieferRef(None, "代表", org) for org in ("维持和平行动部", "人权高专办", "红十字国际委员会")]
    assert opening("zh", presidency="立陶宛", briefers=[AMOS_ZH, *unnamed], chair="mister") == [
        "主席先生，我感谢立陶宛举办此次公开辩论，感谢阿莫斯副秘书长以及维持和平行动部、人权高专办和红十字国际委员会代表的通报。"]
    english = [BrieferRef(None, "代表", org) for org in ("Department of Peacekeeping Operations", "UNICEF")]
    text = opening("en", presidency="Lithuania", briefers=[AMOS_EN, *english], chair=None)[0]
    assert text == ("[Mr./Madam] President, I thank the presidency of Lithuania for convening this open debate and "
                    "Under-Secretary-General Amos and the representatives of the Department of Peacekeeping "
                    "Operations and UNICEF for their briefings.")


def test_a_name_in_the_other_script_falls_back_to_the_post() -> None:
    """An English statement on a Chinese note: the name cannot be transliterated, the post can."""
    text = opening("en", presidency="Lithuania", briefers=[AMOS_ZH], chair="madam")[0]
    assert "and the Under-Secretary-General for Humanitarian Affairs for the briefing." in text
    zh = opening("zh", presidency="立陶宛", briefers=[AMOS_EN], chair="madam")[0]
    assert "感谢主管人道主义事务副秘书长的通报" in zh


def test_presidency_itself_thanks_only_the_briefers_and_groups_list_who_aligns() -> None:
    assert opening("en", presidency="Lithuania", briefers=[AMOS_EN], chair="madam", we_preside=True) == [
        "Madam President, I thank Under-Secretary-General Amos for her briefing."]
    paragraphs = opening("en", presidency=None, briefers=[], chair="mister", group="the Nordic countries",
                         aligning=["Estonia", "Latvia", "Lithuania"])
    assert paragraphs == [
        "Mr. President, I thank the presidency of [presidency] for convening this open debate.",
        "I have the honour to speak on behalf of the Nordic countries. Estonia, Latvia and Lithuania align "
        "themselves with this statement."]
    zh = opening("zh", presidency="立陶宛", briefers=[], chair="madam", group="欧洲联盟", aligning=["土耳其"])
    assert zh[1] == "我谨代表欧洲联盟发言。土耳其赞同本发言。"


def test_closing_header_and_check_against_delivery() -> None:
    assert closing("en", "madam") == "Thank you, Madam President."
    assert closing("zh", "mister") == "谢谢主席先生。"
    assert closing("en", None) == "Thank you."
    assert header_lines("en", speaker="Norway", group=None, topic="Protection of civilians in armed conflict",
                        meeting_date=date(2014, 2, 12)) == [
        "Statement by Norway at the Security Council open debate on protection of civilians in armed conflict",
        "New York, 12 February 2014", "Check against delivery"]
    assert header_lines("zh", speaker="中国", group=None, topic="武装冲突中保护平民", meeting_date=date(2014, 2, 12)) == [
        "中国在安全理事会武装冲突中保护平民问题公开辩论会上的发言", "2014年2月12日，纽约", "请以实际发言为准"]
    assert header_lines("en", speaker="Sweden", group="the Nordic countries", topic="UN peacekeeping",
                        meeting_date=None)[0].startswith("Statement by Sweden on behalf of the Nordic countries at")


# -- length ----------------------------------------------------------------------------------------


def test_units_count_words_and_characters_not_markers_or_placeholders() -> None:
    assert units("We welcome resolution 2594 (2021), don't we?") == 7
    assert units("中方支持第2594(2021)号决议。") == len("中方支持第号决议") + 2
    marked = "The Council stresses it." + citation_marker("S/RES/2594 (2021), OP 4") + " [our position here]"
    assert spoken(marked).split() == ["The", "Council", "stresses", "it."]
    assert units(marked) == 4


def test_estimate_and_over_limit_warning() -> None:
    text = " ".join(["word"] * 700)
    e = estimate(text, "en", 300)
    assert (e.units, e.target_units, e.over_units, e.over) == (700, 650, 50, True)
    assert e.describe().startswith("OVER THE LIMIT by 50 words")
    assert round(e.seconds) == round(700 / 130 * 60)
    zh = estimate("安" * 1000, "zh", 300)
    assert (zh.target_units, zh.over) == (1100, False) and "characters" in zh.describe()
    slow = estimate(text, "en", 300, Rates(words_per_minute=150))
    assert not slow.over and slow.target_units == 750


# -- the check -------------------------------------------------------------------------------------


def test_brackets_placeholders_and_markers() -> None:
    text = "Intro [our position] and [^S/RES/1 (1946), OP 1] then XXX and an [open one."
    found = bracket_issues(text)
    assert [k for k, _ in found] == ["placeholder", "placeholder", "open bracket"]
    assert found[0][1] == "[our position]"
    assert bracket_issues("a stray ] here")[0][0] == "stray bracket"
    assert bracket_issues("全角［日期］") == [("placeholder", "［日期］")]
    assert bracket_issues("clean text" + citation_marker("S/PRST/2014/3")) == []


def _statement(*texts: str, language: str = "en") -> OurStatement:
    sections = [Section("opening", "Opening", texts[0])]
    sections += [Section("question", f"Q{i}", t) for i, t in enumerate(texts[1:-1], start=1)]
    sections.append(Section("closing", "Closing", texts[-1]))
    return OurStatement(debate_id=1, language="zh" if language == "zh" else "en", delegation="Norway",
                        sections=sections)


def test_empty_and_placeholder_only_statements() -> None:
    empty = _statement("", "", "")
    assert [i.kind for i in text_issues(empty)] == ["empty"]
    hollow = _statement("Madam President, I thank the presidency.", "[Our position]\n\n[What we propose]", "Thank you.")
    assert only_placeholders(hollow) and not only_placeholders(_statement("Hi.", "Real words.", "Thanks."))


QUESTIONS = [
    CoverageQuestion(1, "Q1", "How can all peacekeepers be trained to protect civilians to a common standard?"),
    CoverageQuestion(2, "Q2", "How can adequate resources and funding be ensured for the protection of civilians?"),
    CoverageQuestion(3, "Q3", "How should the Council support the security forces of the host State?"),
]


def test_check_names_the_questions_not_addressed() -> None:
    statement = _statement(
        "Madam President, I thank the presidency.",
        "Every peacekeeper must be trained to protect civilians before deployment, and that training must "
        "meet one common standard across missions. We offer our training centre to others.",
        "Missions need adequate resources and predictable funding: mandates to protect civilians without "
        "the means to do so fail the people they promise to protect. [figures]",
        "Thank you.")
    report = check(statement, QUESTIONS)
    addressed = {q.label: q.section for q in report.addressed}
    assert addressed == {"Q1": 2, "Q2": 3}
    assert [q.label for q in report.missing] == ["Q3"]
    assert not report.ready
    lines = report.lines()
    assert "not yet addressed: Q3" in lines and any("placeholder" in line and "[figures]" in line for line in lines)


# -- structure -------------------------------------------------------------------------------------


def test_paragraphs_footnotes_move_and_insert() -> None:
    text = "第一段第一行\n第二行\n\nSecond para\nwith two lines"
    assert split_paragraphs(text) == ["第一段第一行第二行", "Second para with two lines"]
    marker = citation_marker("S/RES/2594 (2021), OP 4")
    statement = _statement("Opening.", f"One.{marker}\n\nTwo.{marker}", f"Three.{citation_marker('S/PRST/2014/3')}")
    assert [(f.number, f.citation) for f in statement.footnotes()] == [(1, "S/RES/2594 (2021), OP 4"),
                                                                        (2, "S/PRST/2014/3")]
    assert [s.heading for s in move(statement.sections, 3, 1)] == ["Closing", "Opening", "Q1"]
    with pytest.raises(InputError, match="out of range"):
        move(statement.sections, 4, 1)
    assert insert_paragraph("A\n\nB", "New", at=1) == "A\n\nNew\n\nB"
    assert insert_paragraph("", "Only") == "Only"
    assert citation_marker("S/RES/1 [draft]") == "[^S/RES/1 (draft)]"
