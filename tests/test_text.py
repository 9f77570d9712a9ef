"""Text normalisation on real documents: the seed note, the seed resolutions, English resolutions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debateprep.domain.text import (
    cjk_ratio,
    detect_language,
    find_dates,
    is_furniture,
    joiner,
    normalise,
    paragraphs,
    sentences,
)

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
RES_2589 = REPO / "library_samples" / "resolution_2589-2021_accountability.zh.txt"
SAMPLE_EN = REPO / "concept_notes" / "concept-note_sample_transitions.en.txt"


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def test_page_break_inside_a_word_is_joined_without_space() -> None:
    raw = _seed()
    assert "安\n\n全理事会第一份" in raw  # the seed really has the split
    text = normalise(raw).text
    assert "安全理事会第一份维和专题决议" in text
    assert "平民遭受威胁" in text
    assert "在执行保护任务方面取得的经验和挑战" in text  # the split guiding question


def test_headings_and_paragraphs_stay_apart() -> None:
    paras = paragraphs(normalise(_seed()).text)
    for heading in ("背景介绍", "情况发展", "有待探讨的挑战和机会", "领导、战略和协调", "审议的问题", "通报人和结果"):
        assert heading in paras
    assert "常驻代表" in paras and "大使" in paras
    assert len(paras) == 42


def test_furniture_of_a_real_resolution_is_dropped_and_kept_aside() -> None:
    raw = RES_2589.read_text(encoding="utf-8")
    result = normalise(raw)
    assert result.furniture == ("https://undocs.org/ch/S/RES/2378(2017)", "S/RES/2589 (2021)", "21-11413 4/4")
    assert "21-11413" not in result.text and "undocs" not in result.text
    # hard-wrapped lines (blank line between each) come back as whole paragraphs
    assert "回顾《联合国宪章》的宗旨和原则，重申安理会根据《联合国宪章》负有维护国际和平与安全的首要责任，" in paragraphs(
        result.text
    )
    assert paragraphs(result.text)[-1] == "10. 决定继续处理此案。"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("21-11413 4/4", True),
        ("14-22674 (C)", True),
        ("S/2014/74", True),
        ("S/RES/2589 (2021)", True),
        ("https://undocs.org/ch/S/RES/2378(2017)", True),
        ("*1422674*", True),
        ("Page 2 of 5", True),
        ("3", True),
        ("1. 致敬所有联合国维持和平行动人员", False),
        ("2014年2月12日", False),
        ("背景介绍", False),
        ("A/63/19、A/64/19、A/65/19、A/66/19) 中，请秘书长", False),
    ],
)
def test_is_furniture(line: str, expected: bool) -> None:
    assert is_furniture(line) is expected


def test_english_hard_wrapping_is_joined_with_one_space(shared_data: Path) -> None:
    raw = (shared_data / "resolutions_en_1946-1994" / "S_RES_1445_2002_EN_GOLD.txt").read_text(encoding="utf-8")
    result = normalise(raw)
    paras = paragraphs(result.text)
    assert (
        "Recalling its previous resolutions and statements by its President regarding the Democratic "
        "Republic of the Congo," in paras
    )
    # preambular paragraphs ending in a comma stay separate
    assert any(p.startswith("Reaffirming further the obligation") for p in paras)
    assert "02-72318 (E)" in result.furniture and "S/RES/1445 (2002)" in result.furniture


def test_english_line_ending_on_a_function_word_continues(shared_data: Path) -> None:
    raw = (shared_data / "resolutions_en_1946-1994" / "S_RES_0688_1991_EN_GOLD.txt").read_text(encoding="utf-8")
    paras = paragraphs(normalise(raw).text)
    assert "Recalling the provisions of Article 2, paragraph 7, of the Charter," in paras


def test_joiner_rules() -> None:
    assert joiner("the protection of", "civilians in armed conflict", False, 80) == " "
    assert joiner("peace-", "keeping operations", False, 80) == ""
    assert joiner("安", "全理事会第一份维和专题决议", False, 0) is None  # short line, no wrap width: cannot tell
    assert joiner("x" * 60 + "安", "全理事会", False, 0) is None  # English-wide line is not Chinese-full
    assert joiner("维和行动" * 30 + "安", "全理事会", False, 0) == ""
    assert joiner("背景介绍", "2014年是安全理事会", False, 76) is None
    assert joiner("任务应有明确的认识。", "特派团领导", False, 76) is None
    assert joiner("任务应有明确的认识", "。特派团", False, 76) == ""  # a line never starts with 。
    assert joiner("anything", "- a bullet", False, 80) is None


def test_normalise_is_idempotent_on_real_documents() -> None:
    for path in (SEED, RES_2589, SAMPLE_EN):
        once = normalise(path.read_text(encoding="utf-8")).text
        assert normalise(once).text == once


@given(st.lists(st.text(alphabet="保护平民安全理事会 abc，。；\n-", min_size=0, max_size=40), max_size=12))
def test_normalise_keeps_every_visible_character(lines: list[str]) -> None:
    raw = "\n".join(lines)
    result = normalise(raw)
    kept = "".join(result.text.split()) + "".join("".join(f.split()) for f in result.furniture)
    visible = "".join(raw.split())
    # only the hyphen of a word broken at a line end may go ("implemen-" / "tation")
    assert sorted(kept.replace("-", "")) == sorted(visible.replace("-", ""))
    broken = sum(1 for line in lines for piece in line.split("\n") if piece.rstrip().endswith("-"))
    assert visible.count("-") - broken <= kept.count("-") <= visible.count("-")


def test_language_detection() -> None:
    assert detect_language(_seed()) == "zh"
    assert detect_language(RES_2589.read_text(encoding="utf-8")) == "zh"
    assert detect_language(SAMPLE_EN.read_text(encoding="utf-8")) == "en"
    assert detect_language("The Council met with 王毅.") == "en"
    assert detect_language("安全理事会审议了秘书长关于保护平民的报告(S/2013/689)和 the Arms Trade Treaty") == "zh"
    assert cjk_ratio("安理会 ab") == pytest.approx(0.6)


def test_dates_in_both_languages() -> None:
    text = "定于2014 年2 月12 日举行; on Tuesday, 17 March 2026; February 3, 2014; 2020-01-09; 31 February 2020"
    assert [d for _, d in find_dates(text)] == [date(2014, 2, 12), date(2026, 3, 17), date(2014, 2, 3), date(2020, 1, 9)]


def test_sentences_keep_abbreviations() -> None:
    assert sentences("The Council will be briefed by Ms. Amina Diallo. It meets at 10 a.m. on Monday.") == [
        "The Council will be briefed by Ms. Amina Diallo.",
        "It meets at 10 a.m. on Monday.",
    ]
    assert sentences("会议定于2014年2月12日举行。并对非安理会成员国开放！") == ["会议定于2014年2月12日举行。", "并对非安理会成员国开放！"]


def test_a_bullet_glyph_alone_on_its_line_goes_in_front_of_its_item() -> None:
    raw = "Guiding questions\n\x7f\nHow can the Council act?\n\uf0b7\nWhat can it learn?\n"
    # a glyph outside the bullets becomes "•"; a bullet of Word's symbol font stays as it is
    assert paragraphs(normalise(raw).text) == ["Guiding questions", "• How can the Council act?",
                                               "\uf0b7 What can it learn?"]


def test_footnotes_leave_the_page_and_their_markers_the_text_in_any_order() -> None:
    raw = "\n".join([
        "S/2031/1",
        "Member States are invited to address the following questions:1",
        "- How can the Council act earlier on the risk of conflict-induced famine, including the",
        "reports it requested of the Secretary-General?2 What prevents it from acting",
        "2 Available from the presidency.",  # drawn above footnote 1 by the PDF
        "1 See the report of the Secretary-General.",
        "31-00001 2/3",
        "S/2031/1",
        "earlier?",
    ])
    result = normalise(raw)
    assert result.footnotes == ("2 Available from the presidency.", "1 See the report of the Secretary-General.")
    assert paragraphs(result.text) == [
        "Member States are invited to address the following questions:",
        "- How can the Council act earlier on the risk of conflict-induced famine, including the reports it "
        "requested of the Secretary-General? What prevents it from acting earlier?",
    ]


def test_a_word_broken_at_a_line_end_keeps_its_hyphen_only_where_the_note_writes_one() -> None:
    raw = ("Concept note\n\nThe Council will discuss peace-\nkeeping reform. Peacekeeping matters. Troop-\n"
           "contributing countries and troop-contributing partners. Conflict-\naffected States; conflict zones "
           "that are affected. Implemen-\ntation. The Secretary-\nGeneral.")
    assert normalise(raw).text.split("\n\n")[1] == (
        "The Council will discuss peacekeeping reform. Peacekeeping matters. Troop-contributing countries and "
        "troop-contributing partners. Conflict-affected States; conflict zones that are affected. Implementation. "
        "The Secretary-General.")


def test_a_dateline_under_the_title_is_its_own_paragraph() -> None:
    raw = ("Security Council open debate on water and peace and security and cooperation among States\n"
           "Thursday, 21 August 2025, 10 a.m., Security Council Chamber\n\nConcept note")
    assert normalise(raw).text.split("\n\n") == [
        "Security Council open debate on water and peace and security and cooperation among States",
        "Thursday, 21 August 2025, 10 a.m., Security Council Chamber", "Concept note"]


def test_a_note_title_without_quotation_marks_goes_on_when_its_line_is_full() -> None:
    line = "The Council has considered the protection of children in armed conflict for over"
    raw = (f"{line}\ntwenty years.\n\nConcept note for the Security Council open debate on children in armed "
           "conflict, Africa\nGreat Lakes region, and monitoring and reporting: strengthening the mechanism today"
           f"\n\nBackground\n\n{line}\ntwenty years.")
    assert normalise(raw).text.split("\n\n")[1] == (
        "Concept note for the Security Council open debate on children in armed conflict, Africa Great Lakes "
        "region, and monitoring and reporting: strengthening the mechanism today")
