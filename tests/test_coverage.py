"""Coverage of guiding questions and convergence of proposals, on real debates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from debateprep.domain.coverage import (
    CoverageQuestion,
    compute_convergence,
    compute_coverage,
    parse_questions,
)
from debateprep.domain.coverage_terms import concepts_in
from debateprep.domain.roster import Roster
from debateprep.domain.statements import Statement, extract_proposals
from debateprep.importers.concept_note import import_concept_note
from debateprep.importers.statements import read_record_files, statement_from_file

DATA = Path(__file__).parent / "data" / "statements"
REPO = Path(__file__).resolve().parents[1]
MULTILATERALISM = 6  # "How can multilateralism ... be strengthened in the face of unilateralism?"


@pytest.fixture(scope="module")
def statements_8699(shared_data: Path) -> list[Statement]:
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699*.txt"))
    result = read_record_files(files, Roster.load(), presidency="Viet Nam")
    for number, st in enumerate(result.statements, 1):
        st.id = number
    return [s for s in result.statements if s.kind != "procedural"]


@pytest.fixture(scope="module")
def bilingual(statements_8699: list[Statement]) -> list[Statement]:
    """The debate with China's statement in Chinese instead of the English interpretation."""
    chinese = statement_from_file(DATA / "china_s-pv-8699_zh.txt", Roster.load())
    chinese.id = 999
    return [s for s in statements_8699 if s.delegation_code != "CHN"] + [chinese]


@pytest.fixture(scope="module")
def note_questions() -> list[CoverageQuestion]:
    """English only, as the concept note (paraphrase) gives them."""
    _doc, note = import_concept_note(DATA / "concept-note_S-2020-1_paraphrase.en.txt")
    return [CoverageQuestion(q.position, f"Q{q.position}", q.question_form or q.text) for q in note.questions]


@pytest.fixture(scope="module")
def coverage_8699(statements_8699: list[Statement], note_questions: list[CoverageQuestion]):  # type: ignore[no-untyped-def]
    return compute_coverage(statements_8699, note_questions)


def test_parse_questions_with_translations_and_comments() -> None:
    questions = parse_questions((DATA / "questions_s-2020-1_en-zh.txt").read_text(encoding="utf-8"))
    assert len(questions) == 6
    assert questions[2].label == "Q3" and questions[2].text.startswith("How can the Council strengthen its cooperation")
    assert questions[2].alternatives == ("安理会如何根据《宪章》第八章加强与区域和次区域组织的合作？",)
    assert parse_questions("- first question?\n2. second?\n\n# note\n") == [
        CoverageQuestion(1, "Q1", "first question?"), CoverageQuestion(2, "Q2", "second?")]


def test_bridge_finds_the_same_concepts_in_both_languages() -> None:
    english = "the peaceful settlement of disputes, sovereignty and non-interference in internal affairs"
    chinese = "和平解决争端，主权和不干涉内政"
    assert {"peaceful-settlement", "dispute", "sovereignty", "non-interference"} <= set(concepts_in(english))
    assert {"peaceful-settlement", "dispute", "sovereignty", "non-interference"} <= set(concepts_in(chinese))
    assert "disarmament" not in concepts_in("发挥核心作用")  # 核心 is "core", not nuclear


def test_matrix_covers_the_debate_and_every_cell_traces_to_its_passage(
        coverage_8699, statements_8699: list[Statement]) -> None:  # type: ignore[no-untyped-def]
    matrix = coverage_8699
    by_id = {s.id: s for s in statements_8699}
    assert len(matrix.delegations) == 110  # 112 speeches: Türkiye and Syria spoke twice (replies)
    covered = [c for c in matrix.cells.values() if c.covered]
    assert 150 < len(covered) < len(matrix.cells) * 0.6  # addressed often, but not everything everywhere
    for cell in covered:
        statement = by_id[cell.statement_id]
        assert statement.delegation == cell.delegation
        assert statement.text[cell.passage.start : cell.passage.end] == cell.passage.text
        assert 0 < cell.strength <= 1
    regional = matrix.covered_by(3)
    assert len(regional) >= 15
    assert all("regional" in c.passage.text.lower() or "chapter viii" in c.passage.text.lower()
               for c in regional[:10])


def test_a_delegation_that_did_not_address_a_question_has_no_covered_cell(coverage_8699) -> None:  # type: ignore[no-untyped-def]
    # Georgia spoke on multilateralism and Russia's actions in Georgia, not on regional organizations.
    assert coverage_8699.cell("Georgia", MULTILATERALISM).covered
    assert "multilateralism" in coverage_8699.cell("Georgia", MULTILATERALISM).passage.text
    assert not coverage_8699.cell("Georgia", 3).covered


def test_english_and_chinese_statements_land_on_the_same_question(
        bilingual: list[Statement], note_questions: list[CoverageQuestion]) -> None:
    translated = parse_questions((DATA / "questions_s-2020-1_en-zh.txt").read_text(encoding="utf-8"))
    for questions in (translated, note_questions):  # with the note's translation, and with English only
        matrix = compute_coverage(bilingual, questions)
        china = matrix.cell("China", MULTILATERALISM)
        assert china is not None and china.covered, questions is translated
        assert "单边主义" in china.passage.text
        english = [c for c in matrix.covered_by(MULTILATERALISM) if c.delegation != "China"]
        assert len(english) >= 20
        assert any("multilateralism" in c.passage.text for c in english[:5])


def test_chinese_questions_find_english_passages_through_the_bridge(shared_data: Path) -> None:
    """The seed concept note (S/2014/74, Chinese) against an English record on peacekeeping in Darfur."""
    _doc, note = import_concept_note(REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt")
    questions = [CoverageQuestion(q.position, f"Q{q.position}", q.question_form or q.text) for q in note.questions]
    training = next(q for q in questions if "培训" in q.text)  # 如何确保全体维和人员接受保护平民培训…
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8761*.txt"))
    matrix = compute_coverage(read_record_files(files, Roster.load()).statements, questions)
    best = matrix.covered_by(training.key)[0]
    assert "training" in best.passage.text and "protection of civilians" in best.passage.text


def test_coverage_is_deterministic_and_independent_of_statement_order(
        coverage_8699, statements_8699: list[Statement], note_questions: list[CoverageQuestion]) -> None:  # type: ignore[no-untyped-def]
    again = compute_coverage(list(reversed(statements_8699)), note_questions)
    assert {k: c.covered for k, c in again.cells.items()} == {k: c.covered for k, c in coverage_8699.cells.items()}
    assert {k: round(c.strength, 6) for k, c in again.cells.items()} == {
        k: round(c.strength, 6) for k, c in coverage_8699.cells.items()}


def test_statements_without_a_delegation_are_left_out_and_reported(
        statements_8699: list[Statement], note_questions: list[CoverageQuestion]) -> None:
    anonymous = replace(statements_8699[5], delegation=None, delegation_code=None, source="anonymous")
    matrix = compute_coverage(statements_8699[:5] + [anonymous], note_questions)
    assert matrix.skipped == ["anonymous"]
    assert len(matrix.delegations) == 5


def test_convergence_groups_shared_proposals_ranked_by_supporters(statements_8699: list[Statement]) -> None:
    groups = compute_convergence(statements_8699)
    assert len(groups) > 20
    counts = [g.count for g in groups]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 2
    top = groups[0]
    assert top.count >= 20
    assert "primary responsibility for the maintenance of international peace and security" in top.representative.text
    by_id = {s.id: s for s in statements_8699}
    for group in groups[:10]:
        assert group.count == len(set(group.supporters)) == len({m.delegation for m in group.members})
        for m in group.members:  # each member is a proposal sentence of that delegation's statement
            statement = by_id[m.statement_id]
            assert statement.delegation == m.delegation
            assert m.text in {p.text for p in extract_proposals(statement.text)}
    regional = next(g for g in groups if "regional" in g.representative.text)
    assert regional.count >= 8
    assert sum("regional" in m.text for m in regional.members) >= len(regional.members) * 0.8


def test_convergence_is_deterministic(statements_8699: list[Statement]) -> None:
    first = compute_convergence(statements_8699[:40])
    second = compute_convergence(statements_8699[:40])
    assert [(g.supporters, g.representative.text) for g in first] == [
        (g.supporters, g.representative.text) for g in second]
