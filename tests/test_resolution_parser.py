"""The resolution / presidential statement parser on the real seeds and the real English corpus,
including the PDF mess the seeds carry and mess made from them (hard wraps, run-together lines)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from debateprep.domain.leads import LEADS, leads, match_lead
from debateprep.domain.resolution import OP, PARA, PP, PRST, RESOLUTION, parse_adopted
from debateprep.importers.library import symbol_from_name

SAMPLES = Path(__file__).resolve().parents[1] / "library_samples"
RES_2594 = SAMPLES / "resolution_2594-2021_transitions.zh.txt"
RES_2518 = SAMPLES / "resolution_2518-2020_peacekeeper-safety.zh.txt"
RES_2589 = SAMPLES / "resolution_2589-2021_accountability.zh.txt"


def _read(p: Path) -> str:
    return p.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "symbol", "pp", "op"),
    [
        (RES_2594, "S/RES/2594 (2021)", 13, 15),
        (RES_2518, "S/RES/2518 (2020)", 15, 15),
        (RES_2589, "S/RES/2589 (2021)", 13, 10),
    ],
)
def test_seed_counts_exact(path: Path, symbol: str, pp: int, op: int) -> None:
    doc = parse_adopted(_read(path))
    assert (doc.symbol, doc.kind, doc.lang) == (symbol, RESOLUTION, "zh")
    assert (doc.count(PP), doc.count(OP)) == (pp, op)
    assert [p.number for p in doc.paragraphs if p.kind == OP and not p.sub] == list(range(1, op + 1))
    assert [p.number for p in doc.paragraphs if p.kind == PP] == list(range(1, pp + 1))
    assert doc.warnings == ()


def test_2589_op4_has_subparagraphs_a_and_b() -> None:
    doc = parse_adopted(_read(RES_2589))
    op4 = doc.paragraph(OP, 4)
    subs = doc.subparagraphs(op4)
    assert [s.sub for s in subs] == ["a", "b"]
    assert op4.text.endswith("提供以下关键工作的最新情况：")
    assert subs[0].text.startswith("当前或以往的维持和平行动东道国在预防、调查和起诉")
    assert subs[1].citation == "S/RES/2589 (2021), OP 4 (b)"
    assert doc.paragraph(OP, 5).text.startswith("请秘书长在现有资源范围内建立")


def test_metadata_from_the_chinese_header() -> None:
    doc = parse_adopted(_read(RES_2594))
    assert doc.adopted_on == date(2021, 9, 9) and doc.meeting == 8852
    doc = parse_adopted(_read(RES_2589))
    assert doc.adopted_on == date(2021, 8, 18) and doc.meeting == 8837
    doc = parse_adopted(_read(RES_2518))  # "安全理事会于 2020 年 3 月 30 日通过": no meeting number given
    assert doc.adopted_on == date(2020, 3, 30) and doc.meeting is None


def test_leads_and_citations() -> None:
    doc = parse_adopted(_read(RES_2589))
    assert [p.lead for p in doc.paragraphs if p.kind == PP][:9] == [
        "回顾", "回顾", "重申", "特别指出", "注意到", "注意到", "最强烈地谴责", "谴责", "表示严重关切",
    ]
    assert doc.paragraph(OP, 1).lead == "致敬"
    assert doc.paragraph(OP, 2).lead == "促请"
    assert doc.paragraph(OP, 10).text == "决定继续处理此案。"
    assert doc.paragraph(PP, 3).citation == "S/RES/2589 (2021), PP 3"
    assert doc.paragraph(OP, 4).citation == "S/RES/2589 (2021), OP 4"


def test_bold_markers_give_the_lead_and_vanish() -> None:
    doc = parse_adopted(_read(RES_2594))
    op5 = doc.paragraph(OP, 5)
    assert op5.lead == "表示"  # marked **表示** in the source, not the longer table entries
    assert doc.paragraph(OP, 11).lead == "大力鼓励"
    assert all("**" not in p.text for p in doc.paragraphs)
    assert "确认，根据东道国的需要" in doc.paragraph(OP, 7).text  # a bold word mid-paragraph


def test_paragraph_continues_across_a_page_break() -> None:
    doc = parse_adopted(_read(RES_2594))
    pp6 = doc.paragraph(PP, 6)
    assert "表示注意到过渡期正义、包容的解除武装" in pp6.text  # "包\n\n\n\n容" in the source
    assert pp6.text.endswith("第70/1号决议，")


def test_page_furniture_is_dropped() -> None:
    doc = parse_adopted(_read(RES_2589))
    everything = "\n".join(p.text for p in doc.paragraphs)
    for furniture in ("undocs.org", "21-11413", "4/4", "S/RES/2589 (2021)"):
        assert furniture not in everything
    assert doc.paragraph(OP, 8).text.startswith("促请秘书长收到关于杀害联合国维持和平行动人员")


def test_footnote_marker_is_kept_as_a_footnote() -> None:
    doc = parse_adopted(_read(RES_2594))
    op7 = doc.paragraph(OP, 7)
    assert [f.mark for f in op7.footnotes] == ["1"]
    assert "执行情况进行审查" in op7.text and "¹" not in op7.text


def _paragraph_lines(text: str) -> list[str]:
    """The seed's own paragraphs, one per line (the 2594 file is written that way)."""
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _wrap(line: str, width: int) -> list[str]:
    return [line[i : i + width] for i in range(0, len(line), width)]


@pytest.mark.parametrize("width", [40, 37, 53])
def test_hard_wraps_every_n_characters(width: int) -> None:
    source = _read(RES_2594).replace("包\n\n\n\n容", "包容")
    wrapped = "\n\n".join("\n".join(_wrap(line, width)) for line in _paragraph_lines(source))
    doc = parse_adopted(wrapped)
    assert (doc.count(PP), doc.count(OP)) == (13, 15)
    original = parse_adopted(source)
    # a space the wrap fell on ("此前 |24") is gone, as in a real PDF; every character else is kept
    assert [p.text.replace(" ", "") for p in doc.paragraphs] == [
        p.text.replace(" ", "") for p in original.paragraphs
    ]
    assert [p.lead for p in doc.paragraphs] == [p.lead for p in original.paragraphs]


def test_hard_wraps_with_no_blank_lines_and_indented_first_lines() -> None:
    source = _read(RES_2518)
    out: list[str] = []
    for line in _paragraph_lines(source):
        pieces = _wrap(line, 40)
        out.append("  " + pieces[0])
        out.extend(pieces[1:])
    doc = parse_adopted("\n".join(out))
    assert (doc.count(PP), doc.count(OP)) == (15, 15)


def test_two_paragraphs_run_together_on_one_line() -> None:
    lines = _paragraph_lines(_read(RES_2518))
    rng = random.Random(7)
    joined: list[str] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and rng.random() < 0.5 and not lines[i].startswith(("#", "安全理事会")):
            joined.append(lines[i] + " " + lines[i + 1])
            i += 2
        else:
            joined.append(lines[i])
            i += 1
    doc = parse_adopted("\n\n".join(joined))
    assert (doc.count(PP), doc.count(OP)) == (15, 15)


def test_running_header_and_job_number_inside_a_paragraph() -> None:
    source = _read(RES_2594)
    target = parse_adopted(source).paragraph(OP, 2).text
    cut = len("2. **请**秘书长结合具体国家过渡走向和平的更广泛背景规划联合国和平行动的过渡，")
    line = next(ln for ln in source.split("\n") if ln.startswith("2. **请**"))
    messy = line[:cut] + "\n\n21-12345 2/6\n\nS/RES/2594 (2021)\n\nhttps://undocs.org/ch/S/RES/2594(2021)\n\n" + line[cut:]
    doc = parse_adopted(source.replace(line, messy))
    assert (doc.count(PP), doc.count(OP)) == (13, 15)
    assert doc.paragraph(OP, 2).text == target


# -- English ---------------------------------------------------------------------------------


def _en(shared_data: Path, number: int, year: int) -> str:
    return (shared_data / "resolutions_en_1946-1994" / f"S_RES_{number:04d}_{year}_EN_GOLD.txt").read_text(encoding="utf-8")


def test_english_242(shared_data: Path) -> None:
    doc = parse_adopted(_en(shared_data, 242, 1967))
    assert (doc.symbol, doc.lang, doc.adopted_on, doc.meeting) == ("S/RES/242 (1967)", "en", date(1967, 11, 22), 1382)
    assert (doc.count(PP), doc.count(OP)) == (3, 4)
    assert [p.lead for p in doc.paragraphs if not p.sub] == [
        "Expressing", "Emphasizing", "Emphasizing", "Affirms", "Affirms", "Requests", "Requests",
    ]
    assert [s.sub for s in doc.subparagraphs(doc.paragraph(OP, 2))] == ["a", "b", "c"]
    assert doc.paragraph(PP, 2).text.startswith("Emphasizing the inadmissibility of the acquisition of territory by war")


def test_english_2002_header_and_page_break(shared_data: Path) -> None:
    doc = parse_adopted(_en(shared_data, 1445, 2002))
    assert (doc.symbol, doc.adopted_on, doc.meeting) == ("S/RES/1445 (2002)", date(2002, 12, 4), 4653)
    assert doc.count(PP) == 8
    op2 = doc.paragraph(OP, 2)  # runs over the page break, past "02-72318 (E)" and the running header
    assert "as well as progress in the implementation of these processes" in op2.text
    assert "02-72318" not in op2.text and "S/RES/1445" not in op2.text
    assert doc.paragraph(PP, 3).lead == "Reaffirming further"


def test_english_footnotes(shared_data: Path) -> None:
    doc = parse_adopted(_en(shared_data, 138, 1960))
    pp1 = doc.paragraph(PP, 1)
    assert [f.mark for f in pp1.footnotes] == ["2"]
    assert pp1.footnotes[0].text.startswith("Ibid., Supplement for April, May and June 1960")
    assert pp1.text.endswith("the Argentine Republic,")
    assert [f.mark for f in doc.footnotes] == ["3"]  # on the voting note, not on a paragraph
    assert doc.paragraph(PP, 3).lead == "Having regard to"  # OCR's stray quote before it is gone


def test_english_unnumbered_operative_paragraph(shared_data: Path) -> None:
    doc = parse_adopted(_en(shared_data, 141, 1960))
    assert (doc.count(PP), doc.count(OP)) == (1, 1)
    assert doc.paragraph(OP, 1).lead == "Recommends"


def test_whole_english_corpus_parses(shared_data: Path) -> None:
    files = sorted((shared_data / "resolutions_en_1946-1994").glob("S_RES_*.txt"))
    assert len(files) == 902
    no_paragraphs, doubtful = [], []
    for f in files:
        # as the importer does: the file name's symbol is the fallback (851 starts mid-text,
        # 361's header reads "(197-4)")
        doc = parse_adopted(f.read_text(encoding="utf-8"), symbol=symbol_from_name(f.name))
        assert doc.symbol.startswith("S/RES/")
        if not doc.paragraphs:
            no_paragraphs.append(f.name)
        if doc.warnings:
            doubtful.append(f.name)
    assert no_paragraphs == []
    assert len(doubtful) < 40, doubtful  # OCR gaps (a lost "5."), texts with no operative part


# -- presidential statements -------------------------------------------------------------------

PRST_EN = """Statement by the President of the Security Council

At the 7109th meeting of the Security Council, held on 12 February 2014, in
connection with the Council's consideration of the item entitled "Protection of
civilians in armed conflict", the President of the Security Council made the
following statement on behalf of the Council:

"The Security Council reaffirms its commitment to the protection of civilians
in armed conflict and recalls its resolution 1894 (2009).

"The Security Council expresses its deep concern that civilians continue to
account for the vast majority of victims of acts of violence.

"The Security Council requests the Secretary-General to continue to include
in his reports an assessment of the protection of civilians."
"""

PRST_ZH = """安全理事会主席的声明

安全理事会主席在2014年2月12日安全理事会第7109次会议上，就安理会审议的题为
“武装冲突中保护平民”的项目，代表安理会发表声明如下：

“安全理事会回顾安理会关于保护平民的各项决议，重申致力于保护武装冲突中的
平民。

“安理会又强调指出，各方必须遵守国际人道主义法。

“安理会请秘书长在报告中继续列入关于保护平民的评估。”
"""


def test_english_presidential_statement() -> None:
    doc = parse_adopted(PRST_EN, symbol="S/PRST/2014/3")
    assert (doc.symbol, doc.kind, doc.meeting, doc.adopted_on) == ("S/PRST/2014/3", PRST, 7109, date(2014, 2, 12))
    assert doc.title == "Protection of civilians in armed conflict"
    assert doc.count(PARA) == 3
    assert [p.lead for p in doc.paragraphs] == ["reaffirms", "expresses its deep concern", "requests"]
    assert doc.paragraphs[2].citation == "S/PRST/2014/3, para 3"
    assert doc.paragraphs[0].text.startswith("The Security Council reaffirms its commitment")
    assert doc.paragraphs[2].text.endswith("protection of civilians.")


def test_chinese_presidential_statement() -> None:
    doc = parse_adopted(PRST_ZH, symbol="S/PRST/2014/3")
    assert (doc.kind, doc.lang, doc.meeting, doc.title) == (PRST, "zh", 7109, "武装冲突中保护平民")
    assert doc.count(PARA) == 3
    assert [p.lead for p in doc.paragraphs] == ["回顾", "强调指出", "请"]
    assert doc.paragraphs[0].text.endswith("保护武装冲突中的平民。")


# -- the lead table ---------------------------------------------------------------------------


def test_lead_table_is_clean() -> None:
    keys = [(le.text, le.lang, le.kind) for le in LEADS]
    assert len(keys) == len(set(keys))
    assert all(le.text == le.text.strip() and le.text for le in LEADS)
    assert {le.lang for le in LEADS} == {"en", "zh"} and {le.kind for le in LEADS} == {PP, OP}
    for must in ("回顾", "重申", "强调指出", "表示严重关切"):
        assert must in {le.text for le in leads("zh", PP)}
    for must in ("决定", "请", "鼓励", "促请"):
        assert must in {le.text for le in leads("zh", OP)}
    for must in ("Recalling", "Reaffirming", "Expressing grave concern"):
        assert must in {le.text for le in leads("en", PP)}
    for must in ("Decides", "Requests", "Encourages", "Calls upon"):
        assert must in {le.text for le in leads("en", OP)}


def test_match_lead_takes_the_longest_entry() -> None:
    assert match_lead("表示严重关切联合国维和人员面临的安全威胁", "zh") == "表示严重关切"
    assert match_lead("Expressing grave concern at the", "en", PP) == "Expressing grave concern"
    assert match_lead("Requestsx", "en") is None  # whole words only in English
    assert match_lead("Calls upon all parties", "en", OP) == "Calls upon"
