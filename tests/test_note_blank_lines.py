"""A blank line inside a sentence is no paragraph break: a note reads the same with one anywhere.

A user who prints the .txt of a concept note to PDF (or opens it in Word) keeps its blank lines:
the bundled S/2014/74 text itself breaks a question mid-word with one ("保护任⏎⏎务方面"). Each note
is rendered (tests/support/pdfgen.py) with a blank line at every line of its guiding questions:
before the line (the line above stays full), inside it (the line above is short: in Chinese
mid-word, in English before a lower-case word), and inside it with a page break after the
blank line. Every rendering must give the .txt's questions, and its other fields, exactly.

One class of place is left out: inside the first line of a Chinese paragraph that is no list
item, before any clause mark ("审议" / "的问题", "鼓励会员国在发言中述" / "及以下几个方面："). What
stands before the blank line then has the shape of a heading ("背景介绍" followed by its text),
and nothing in the text tells the two apart; a question item is never in that class.
"""

from __future__ import annotations

from collections.abc import Iterator
import re
from pathlib import Path

import pytest

from debateprep.domain.cells import cell_len
from debateprep.importers.concept_note import import_concept_note
from tests.support.pdfgen import blank_line_at, can_render, layout, render_docx, render_pdf, render_wrapped_text
from tests.test_note_renderings import BUNDLED, CORPUS, Case, _case, break_positions

REPO = Path(__file__).resolve().parents[1]
# The seed (Chinese), the bundled English sample, and a Chinese and an English note of the
# labelled corpus with other shapes of questions (numbered, "•" bullets, ";" inside items).
CORPUS_SAMPLE = [p for p in CORPUS if p.name in ("zh_01_youth.txt", "en_04_peace_operations.txt")]
VARIANTS = ("before", "inside", "inside+page")


def heading_shaped(paragraph: str) -> bool:
    """What stands before the blank line could be a Chinese heading: no item, no clause mark, at
    most as wide as a heading (a full first line, cut before its last character, is wider)."""
    head = paragraph.split("\n\n")[0]
    return bool(re.search(r"[\u4e00-\u9fff]", head)) and not head.startswith(("- ", "• ")) \
        and not re.search(r"[，。；：？！]", head) and cell_len(head) < 70


def renderings(case: Case, variant: str) -> Iterator[tuple[int, list[str], list[int]]]:
    """(questions line, paragraphs with the blank line, page breaks) for each line of the questions."""
    for k in break_positions(case, every_line=True):
        paras = blank_line_at(case.paragraphs, case.lines, k, middle=variant != "before")
        if paras is None or heading_shaped(paras[case.lines[k].para]):
            continue
        breaks: list[int] = []
        if variant == "inside+page":
            breaks = [i for i, ln in enumerate(layout(paras)) if ln.gap]
        yield k, paras, breaks


def mismatches(case: Case, fmt: str, variant: str, folder: Path) -> Iterator[str]:
    want = case.reference.to_json()
    for k, paras, breaks in renderings(case, variant):
        path = folder / f"note-{k}.{'txt' if fmt == 'wrapped' else fmt}"
        if fmt == "pdf":
            render_pdf(paras, path, breaks=breaks, furniture=case.furniture)
        elif fmt == "docx":
            render_docx(paras, path, breaks=breaks, furniture=case.furniture)
        else:
            path.write_text(render_wrapped_text(paras, breaks=breaks, furniture=case.furniture), encoding="utf-8")
        got = import_concept_note(path)[1].to_json()
        where = f"{case.path.name} as {fmt}, blank line {variant} {case.lines[k].text[:24]!r}"
        if [q["text"] for q in got["questions"]] != [q["text"] for q in want["questions"]]:
            yield f"{where}: questions {[q['text'] for q in got['questions']]}"
        for key in want:
            if key not in ("symbol", "questions") and got[key] != want[key]:
                yield f"{where}: {key} {got[key]!r} != {want[key]!r}"


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("fmt", ("pdf", "docx", "wrapped"))
@pytest.mark.parametrize("path", BUNDLED + CORPUS_SAMPLE, ids=lambda p: p.name)
def test_a_blank_line_at_any_line_of_the_questions_changes_nothing(path: Path, fmt: str, variant: str,
                                                                   tmp_path: Path) -> None:
    case = _case(path)
    if fmt == "pdf" and not can_render(case.paragraphs):
        pytest.skip("no font at hand has the note's glyphs")
    assert list(mismatches(case, fmt, variant, tmp_path)) == []


def test_the_generator_puts_the_blank_line_where_asked() -> None:
    """The rendering really has a short line, a blank line, and the rest from the margin."""
    case = _case(next(p for p in BUNDLED if p.name.startswith("concept-note_S-2014-74")))
    k = next(i for i in break_positions(case, every_line=True) if "执行保护" in case.lines[i].text)
    paras = blank_line_at(case.paragraphs, case.lines, k, middle=True)
    assert paras is not None
    text = render_wrapped_text(paras, furniture=case.furniture).splitlines()
    at = text.index("")
    half = len(case.lines[k].text) // 2
    assert text[at - 1] == case.lines[k].text[:half] and text[at + 1].startswith(case.lines[k].text[half:])


SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"


def test_the_seed_printed_from_its_txt_as_it_is_reads_its_13_questions(tmp_path: Path) -> None:
    """The user's PDF: the .txt printed a line a paragraph, so "…在执行保护任" ends a short line
    and "务方面取得的经验…" opens the next paragraph; "…工作。安" / "全理事会…" likewise."""
    raw = SEED.read_text(encoding="utf-8")
    path = tmp_path / "poc_zh.pdf"
    render_pdf([line.strip() for line in raw.splitlines() if line.strip()], path)
    want = _case(SEED).reference
    _, got = import_concept_note(path, symbol="S/2014/74")
    assert [q.text for q in got.questions] == [q.text for q in want.questions]
    assert len(got.questions) == 13
    assert got.questions[4].text == "在今后的战略和指导中如何更好地纳入部队警察派遣国在执行保护任务方面取得的经验和挑战"
    assert [s.heading for s in got.sections] == [s.heading for s in want.sections]


def test_the_tail_of_a_sentence_alone_on_a_line_is_no_heading() -> None:
    """"安" / "全理事会第一份维和专题决议第 2086(2013)" / "号决议确认，…": the middle piece starts
    mid-word and ends mid-sentence; it goes on the paragraph before, and so does the rest."""
    from debateprep.domain.concept_note import parse_concept_note

    text = SEED.read_text(encoding="utf-8").replace("第 2086(2013) 号决议确认", "第 2086(2013)\n\n号决议确认", 1)
    note = parse_concept_note(text)
    assert not any(s.heading.startswith("全理事会") for s in note.sections)
    developments = next(s for s in note.sections if s.heading == "情况发展")
    assert any("加强保护平民工作。安全理事会第一份维和专题决议第 2086(2013)号决议确认，" in p for p in developments.paragraphs)


def test_a_question_the_text_really_cuts_is_named_on_import(sqlite_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """When the rest of a question cannot be joined (here it is printed as an item of its own),
    the import says so, one line naming the file and the question, and still imports."""
    path = tmp_path / "poc_zh.txt"
    path.write_text(SEED.read_text(encoding="utf-8").replace("执行保护任\n\n务方面", "执行保护任\n\n- 务方面"),
                    encoding="utf-8")
    result = sqlite_cli(["import", path, "--symbol", "S/2014/74"])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == ["debateprep: warning: poc_zh.txt: question 5 stops mid-sentence (“…队警察派遣国在执行保护任”): "
                        "check it against the document"]
    assert "warning" not in sqlite_cli(["import", SEED, "--symbol", "S/2014/75"]).stderr
