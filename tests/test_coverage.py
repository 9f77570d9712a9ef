"""Coverage of guiding questions and convergence of proposals: the issue's cases, and real debates."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from debateprep.domain.coverage import (
    CoverageQuestion,
    _average_linkage,
    apply_marks,
    compute_convergence,
    compute_coverage,
    parse_questions,
    profile_questions,
)
from debateprep.domain.coverage_terms import CONCEPTS, concepts_in, neighbours, stem, verb_share, weight
from debateprep.domain.coverage_zh import key_terms, segment_words
from debateprep.domain.roster import Roster
from debateprep.domain.statements import Statement, classify_sentence, extract_proposals
from debateprep.importers.concept_note import import_concept_note
from debateprep.importers.statements import read_record_files, split_record, statement_from_file

DATA = Path(__file__).parent / "data" / "statements"
REPO = Path(__file__).resolve().parents[1]
MULTILATERALISM = 6  # "How can multilateralism ... be strengthened in the face of unilateralism?"

PBC = CoverageQuestion(1, "Q1", "What role should the Peacebuilding Commission play in transitions?")
IMPUNITY = CoverageQuestion(2, "Q2", "How can the fight against impunity for the gravest crimes be advanced?")
MANDATES = CoverageQuestion(3, "Q3", "How should peacekeeping missions and their mandates adapt to transitions?")
REGIONAL = CoverageQuestion(4, "Q4", "How can cooperation with regional organizations be strengthened?")
ISSUE_QUESTIONS = [PBC, IMPUNITY, MANDATES, REGIONAL]


def _statement(delegation: str, text: str, number: int = 1) -> Statement:
    return Statement(text=text, delegation=delegation, id=number, position=number, source=f"{delegation}.txt")


def _covered(text: str, question: CoverageQuestion, questions: list[CoverageQuestion] = ISSUE_QUESTIONS) -> bool:
    cell = compute_coverage([_statement("Chile", text)], questions).cell("Chile", question.key)
    assert cell is not None
    return cell.covered


# --- the issue's cases: the subject in other words, and passing mentions ---------------------


@pytest.mark.parametrize(("text", "question"), [
    ("We stress the early and timely support of the Peacebuilding Commission.", PBC),
    ("The PBC's advisory role should be used well before a mission leaves.", PBC),
    ("The United Nations cannot endorse amnesties for genocide.", IMPUNITY),
    ("Those responsible must be brought to justice.", IMPUNITY),
    ("We call for flexibility in the formulation of mandates.", MANDATES),
    ("The African Union and ECOWAS have shown what partnership with the Council can achieve.", REGIONAL),
])
def test_the_subject_in_other_words_addresses_the_question(text: str, question: CoverageQuestion) -> None:
    assert _covered(text, question)


@pytest.mark.parametrize(("text", "question"), [
    ("The missions of our national truth commission were completed last year.", MANDATES),
    ("This requires national, regional and multilateral efforts.", REGIONAL),
    ("Regional tensions have risen sharply since December.", REGIONAL),
    ("We thank the Chair of the Peacebuilding Commission for the briefing.", PBC),
])
def test_a_passing_mention_does_not(text: str, question: CoverageQuestion) -> None:
    assert not _covered(text, question)


def test_each_cell_says_which_words_matched() -> None:
    cell = compute_coverage([_statement("Chile", "The PBC's advisory role matters.")], ISSUE_QUESTIONS).cell("Chile", 1)
    assert cell is not None and cell.covered
    assert cell.explanation().startswith("matched: Peacebuilding Commission ← PBC")
    assert cell.reasons[0].passage_words in cell.passage.text
    text = "The missions of our national truth commission were completed."
    missed = compute_coverage([_statement("Chile", text)], ISSUE_QUESTIONS).cell("Chile", MANDATES.key)
    assert missed is not None and not missed.covered and missed.explanation() == "matched: missions"
    nothing = compute_coverage([_statement("Chile", "Tensions have risen.")], ISSUE_QUESTIONS).cell("Chile", 4)
    assert nothing is not None and nothing.explanation() == "no question word in the passage"


def test_every_speaker_who_addresses_a_question_gets_a_cell() -> None:
    """No relative cut-off: a question that 54 of 60 speakers address shows 54 cells (the issue's
    complaint: a z-score over the debate showed about 25, like a question 21 addressed)."""
    addressing = [_statement(f"D{i}", f"Delegation {i} supports the Peacebuilding Commission's advisory role "
                             f"in country {i}.", i) for i in range(54)]
    silent = [_statement(f"S{i}", f"Delegation {i} speaks of trade and of the weather in spring {i}.", 100 + i)
              for i in range(6)]
    matrix = compute_coverage(addressing + silent, [PBC, REGIONAL])
    assert len(matrix.covered_by(PBC.key)) == 54
    assert not matrix.covered_by(REGIONAL.key)


def test_a_cell_does_not_depend_on_the_rest_of_the_debate(statements_8699: list[Statement]) -> None:
    questions = parse_questions((DATA / "questions_s-2020-1_en-zh.txt").read_text(encoding="utf-8"))
    whole = compute_coverage(statements_8699, questions)
    for statement in statements_8699[:12]:
        alone = compute_coverage([statement], questions)
        for q in questions:
            assert alone.cell(statement.delegation or "", q.key) == whole.cell(statement.delegation or "", q.key)


def test_words_of_different_families_stay_apart() -> None:
    assert stem("accountability") == stem("accountable") != stem("account")  # "take into account"
    assert stem("tensions") == stem("tension") != stem("ten")
    assert stem("crises") == stem("crisis")


def test_words_of_one_family_meet() -> None:
    assert stem("prevention") == stem("preventive") == stem("preventing") == stem("prevent")
    assert stem("mandates") == stem("mandate") == stem("mandated")
    assert stem("peacefully") == stem("peaceful") == stem("peace")
    assert stem("settlement") == stem("settled") == stem("settle")
    assert stem("organizations") == stem("organisation")
    assert "accountability" not in concepts_in("We take into account the views of all, by any account.")


def test_bridge_finds_the_same_concepts_in_both_languages() -> None:
    english = "the peaceful settlement of disputes, sovereignty and non-interference in internal affairs"
    chinese = "和平解决争端，主权和不干涉内政"
    assert {"peaceful-settlement", "dispute", "sovereignty", "non-interference"} <= set(concepts_in(english))
    assert {"peaceful-settlement", "dispute", "sovereignty", "non-interference"} <= set(concepts_in(chinese))
    assert "disarmament" not in concepts_in("发挥核心作用")  # 核心 is "core", not nuclear
    assert "pbc" in concepts_in("建和委应当继续陪伴") and "pbc" in concepts_in("the PBC")


def test_proposals_that_take_a_side_without_a_call() -> None:
    assert classify_sentence("Annexation would constitute a very serious violation of international law.") == (
        "position", "would constitute a very serious violation")
    assert classify_sentence("Lithuania therefore strongly supports the initiative to limit the veto.") == (
        "position", "Lithuania therefore strongly supports")
    assert classify_sentence("There is an urgent need for all parties to exercise restraint.") == (
        "recommendation", "There is an urgent need")
    assert classify_sentence("The meeting was held in New York in January.") is None


def test_every_concept_has_a_weight() -> None:
    table = resources.files("debateprep").joinpath("data", "coverage", "term_weights.tsv").read_text(encoding="utf-8")
    weighed = {line.split("\t")[0] for line in table.splitlines() if line.startswith("@")}
    assert {f"@{c}" for c, _en, _zh in CONCEPTS} <= weighed  # re-run benchmarks/coverage_tables.py


def test_a_question_outside_the_thesaurus_still_finds_its_passages() -> None:
    cyber = CoverageQuestion(1, "Q1", "How should the Council address cyberattacks against hospitals?")
    statements = [_statement("Chile", "Cyberattacks against hospitals endanger patients."),
                  _statement("Peru", "The Council must address this today.", 2)]
    matrix = compute_coverage(statements, [cyber])
    assert [c.delegation for c in matrix.covered_by(1)] == ["Chile"]  # the question's frame words match nothing


def test_a_question_on_vocabulary_nobody_listed_finds_its_passages() -> None:
    """The first round's thesaurus knew "climate" and nothing else of this question: a known
    concept made the question "anchored", and its other words could never make a match."""
    climate = CoverageQuestion(1, "Q1", "How do drought and floods drive conflict, and how should missions "
                               "assess climate-related security risks?")
    assert _covered("Recurrent droughts fuel clashes between herders and farmers.", climate, [climate, PBC])
    assert _covered("Floods have displaced thousands.", climate, [climate, PBC])
    assert not _covered("We thank the briefers for their presentations.", climate, [climate, PBC])
    zh = [CoverageQuestion(1, "Q1", "气候变化如何加剧干旱地区的冲突风险？"), CoverageQuestion(2, "Q2", "建设和平委员会如何发挥作用？")]
    assert _covered("连年干旱使农牧民之间的冲突不断加剧。", zh[0], zh)
    assert not _covered("我们感谢各位通报人。", zh[0], zh)


def test_without_the_thesaurus_the_question_words_still_match() -> None:
    """The ablation the benchmark measures (`--no-thesaurus`): phrases and words of the question."""
    statements = [_statement("Chile", "The Peacebuilding Commission should advise the Council on transitions."),
                  _statement("Peru", "Our truth commission finished its work.", 2)]
    matrix = compute_coverage(statements, ISSUE_QUESTIONS, thesaurus=False)
    assert [c.delegation for c in matrix.covered_by(PBC.key)] == ["Chile"]
    assert "Peacebuilding Commission" in matrix.cell("Chile", PBC.key).explanation()  # type: ignore[union-attr]


def test_question_words_weigh_by_their_use_in_council_debates() -> None:
    """The tables learned from the 2020 records (benchmarks/coverage_tables.py): how specific a
    word is outside the meetings that use it most, how much it is used as a verb, and the words
    used in similar contexts."""
    assert weight(stem("peace")) < 0.05 and weight(stem("Syria")) > 0.9  # rare outside the Syria meetings
    assert verb_share("avoid") > 0.5 and verb_share("sovereignty") == 0.0
    assert {"unpunish", "perpetr"} & {w for w, _sim in neighbours(stem("impunity"))}
    question = CoverageQuestion(1, "Q1", "How can the parties avoid a renewed escalation in Syria?")
    features = profile_questions([question])[0].features
    assert features[stem("Syria")].weight > features[stem("avoid")].weight  # a verb says what to do, not about what
    assert _covered("The Syrian crisis calls for a political solution.", question, [question])  # a name meets its forms


def test_chinese_key_terms_come_from_a_general_dictionary() -> None:
    words = [w for w, _weight, _parts in key_terms("非洲联盟和次区域组织在过渡期间应发挥什么作用")]
    assert "非洲联盟" in words and "组织" in words and "过渡" in words
    assert not {"什么", "作用", "发挥"} & set(words)  # the question's frame
    run = "维和人员必须对性剥削和性虐待零容忍"
    assert "".join(segment_words(run)) == run and {"维和", "人员", "必须", "性虐待"} <= set(segment_words(run))


def test_the_thesaurus_names_no_country_or_situation() -> None:
    """Generic UN vocabulary only: a topic's own words come from the question, not from a list."""
    roster = Roster.load()
    states = [d for d in roster.delegations.values() if d.is_state]
    countries = {d.name.casefold() for d in states} | {d.zh_name for d in states if d.zh_name}
    for concept, english, chinese in CONCEPTS:
        assert not {w.rstrip("*").casefold() for w in english} & countries, concept
        assert not set(chinese) & countries, concept


def test_the_paraphrased_questions_match_their_debates() -> None:
    import json

    for folder in sorted((REPO / "benchmarks" / "data" / "coverage_paraphrased").iterdir()):
        original = json.loads((REPO / "benchmarks" / "data" / "coverage" / folder.name / "questions.json").read_text())
        rewritten = json.loads((folder / "questions.json").read_text(encoding="utf-8"))
        assert [q["n"] for q in rewritten["questions"]] == [q["n"] for q in original["questions"]]
        assert all(a["text"] != b["text"] for a, b in zip(original["questions"], rewritten["questions"]))


def test_topic_of_the_debate_weighs_less_than_a_question_subject() -> None:
    questions = [CoverageQuestion(i, f"Q{i}", f"How can peacekeeping transitions {tail}?") for i, tail in enumerate(
        ("protect civilians", "involve the Peacebuilding Commission", "include women", "ensure accountability"), 1)]
    profiles = profile_questions(questions)
    assert all(p.features["@peacekeeping"].topic for p in profiles)
    assert not _covered("Peacekeeping transitions were discussed in Geneva.", questions[1], questions)
    assert _covered("Peacekeeping transitions need the Peacebuilding Commission.", questions[1], questions)


def test_chinese_questions_and_statements() -> None:
    questions = [
        CoverageQuestion(1, "Q1", "建设和平委员会如何尽早参与过渡规划？"),
        CoverageQuestion(2, "Q2", "非洲联盟和次区域组织在过渡期中应发挥什么作用？"),
        CoverageQuestion(3, "Q3", "如何确保妇女充分参与政治进程？"),
    ]
    statements = [
        _statement("中国", "建和委应当在特派团撤出后继续陪伴有关国家。", 1),
        _statement("俄罗斯联邦", "这需要国家、区域和国际层面的共同努力。", 2),
        _statement("德国", "我们要保护包括妇女儿童在内的平民。", 3),
        _statement("爱尔兰", "妇女必须在过渡规划的桌子旁有一席之地。", 4),
    ]
    matrix = compute_coverage(statements, questions)
    assert [c.delegation for c in matrix.covered_by(1)] == ["中国"]
    assert not matrix.covered_by(2)  # 区域 in a list of levels
    assert [c.delegation for c in matrix.covered_by(3)] == ["爱尔兰"]  # women as victims do not count


# --- real debates ---------------------------------------------------------------------------


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


def test_matrix_covers_the_debate_and_every_cell_traces_to_its_passage(
        coverage_8699, statements_8699: list[Statement]) -> None:  # type: ignore[no-untyped-def]
    matrix = coverage_8699
    by_id = {s.id: s for s in statements_8699}
    assert len(matrix.delegations) == 110  # 112 speeches: Türkiye and Syria spoke twice (replies)
    covered = [c for c in matrix.cells.values() if c.covered]
    assert 150 < len(covered) < len(matrix.cells) * 0.7  # addressed often, but not everything everywhere
    for cell in covered:
        statement = by_id[cell.statement_id]
        assert statement.delegation == cell.delegation
        assert statement.text[cell.passage.start : cell.passage.end] == cell.passage.text
        assert 0 < cell.strength <= 1 and cell.reasons
        assert all(r.passage_words in cell.passage.text for r in cell.reasons)
    regional = matrix.covered_by(3)
    assert len(regional) >= 15
    organisations = re.compile(r"regional|subregional|Chapter VIII|African Union|ASEAN|OSCE|League of Arab States"
                               r"|Organization of American States|European Union|Association of Southeast", re.I)
    assert all(organisations.search(c.passage.text) for c in regional)


def test_a_delegation_that_did_not_address_a_question_has_no_covered_cell(coverage_8699) -> None:  # type: ignore[no-untyped-def]
    # Georgia spoke on Russia's actions in Georgia and on multilateralism, not on regional organizations.
    assert not coverage_8699.cell("Georgia", 3).covered


def test_english_and_chinese_statements_land_on_the_same_question(
        bilingual: list[Statement], note_questions: list[CoverageQuestion]) -> None:
    translated = parse_questions((DATA / "questions_s-2020-1_en-zh.txt").read_text(encoding="utf-8"))
    for questions in (translated, note_questions):  # with the note's translation, and with English only
        matrix = compute_coverage(bilingual, questions)
        china = matrix.cell("China", MULTILATERALISM)
        assert china is not None and china.covered, questions is translated
        assert "单边" in china.passage.text
        english = [c for c in matrix.covered_by(MULTILATERALISM) if c.delegation != "China"]
        assert len(english) >= 10
        subject = re.compile(r"unilateral|multilateral|rules-based", re.IGNORECASE)
        assert all(subject.search(c.passage.text) for c in english)
        assert sum("unilateral" in c.passage.text.lower() for c in english) >= 5


def test_chinese_questions_find_english_passages_through_the_bridge(shared_data: Path) -> None:
    """The seed concept note (S/2014/74, Chinese) against an English record on peacekeeping in Darfur."""
    _doc, note = import_concept_note(REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt")
    questions = [CoverageQuestion(q.position, f"Q{q.position}", q.question_form or q.text) for q in note.questions]
    training = next(q for q in questions if "培训" in q.text)  # 如何确保全体维和人员接受保护平民培训…
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8761*.txt"))
    matrix = compute_coverage(read_record_files(files, Roster.load()).statements, questions)
    found = matrix.covered_by(training.key)
    assert found and any("training" in c.passage.text.lower() for c in found)


def test_coverage_is_deterministic_and_independent_of_statement_order(
        coverage_8699, statements_8699: list[Statement], note_questions: list[CoverageQuestion]) -> None:  # type: ignore[no-untyped-def]
    again = compute_coverage(list(reversed(statements_8699)), note_questions)
    assert again.cells == coverage_8699.cells


def test_statements_without_a_delegation_are_left_out_and_reported(
        statements_8699: list[Statement], note_questions: list[CoverageQuestion]) -> None:
    anonymous = replace(statements_8699[5], delegation=None, delegation_code=None, source="anonymous")
    matrix = compute_coverage(statements_8699[:5] + [anonymous], note_questions)
    assert matrix.skipped == ["anonymous"]
    assert len(matrix.delegations) == 5


def test_the_same_speeches_as_statement_files_or_as_a_record_give_the_same_cells(tmp_path: Path) -> None:
    """The issue's user: 10 of 13 cells from statement files, 2 of 11 from the same speeches as a
    verbatim record. A Chinese record's President speaks "以巴西代表的身份" and gives the floor
    "我现在请…发言": both must attribute the speech, or it is never judged."""
    speeches = {
        "中国": "王立新先生（中国）：建和委应当在特派团撤出后继续陪伴有关国家。我们支持非洲联盟发挥更大作用。",
        "欧洲联盟": "施密特先生：欧盟认为，袭击维和人员的人必须被绳之以法。",
        "巴西": "主席（以英语发言）：现在我以巴西代表的身份发言。\n建设和平委员会的咨询作用十分重要。\n"
                "我现在恢复行使安理会主席的职能。",
    }
    record = ("主席：我现在请王立新先生发言。\n" + speeches["中国"] + "\n主席：我现在请欧洲联盟观察员发言。\n"
              + speeches["欧洲联盟"] + "\n" + speeches["巴西"] + "\n")
    roster = Roster.load()
    from_record = [s for s in split_record(record, "S/PV.9999", roster).statements if s.kind != "procedural"]
    files = []
    for name, text in speeches.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(statement_from_file(path, roster))
    assert [s.delegation for s in from_record] == ["China", "European Union", "Brazil"]
    assert [s.delegation for s in files] == ["China", "European Union", "Brazil"]
    assert from_record[2].text.strip() == "建设和平委员会的咨询作用十分重要。"
    questions = [CoverageQuestion(1, "Q1", "建设和平委员会应发挥什么作用？"),
                 CoverageQuestion(2, "Q2", "如何追究袭击维和人员者的责任？"),
                 CoverageQuestion(3, "Q3", "非洲联盟应发挥什么作用？")]
    a, b = compute_coverage(from_record, questions), compute_coverage(files, questions)
    covered = {k for k, c in a.cells.items() if c.covered}
    assert covered == {k for k, c in b.cells.items() if c.covered}
    assert covered == {("China", 1), ("China", 3), ("European Union", 2), ("Brazil", 1)}


# --- user marks -----------------------------------------------------------------------------


def test_a_user_mark_overrides_the_tool_and_says_so() -> None:
    matrix = compute_coverage([_statement("Chile", "The PBC's advisory role matters."),
                               _statement("Peru", "We welcome the debate.", 2)], ISSUE_QUESTIONS)
    apply_marks(matrix, {("Chile", 1): "wrong", ("Peru", 1): "addressed"})
    chile, peru = matrix.cell("Chile", 1), matrix.cell("Peru", 1)
    assert chile is not None and not chile.covered and chile.by_tool and chile.mark == "wrong"
    assert peru is not None and peru.covered and not peru.by_tool and peru.mark == "addressed"
    assert [c.delegation for c in matrix.covered_by(1)] == ["Peru"]
    assert {c.delegation for c in matrix.marked()} == {"Chile", "Peru"}


# --- convergence ----------------------------------------------------------------------------


def test_average_linkage_on_a_sparse_graph() -> None:
    # Two tight pairs joined by one weak edge: merged pairwise, never together (mean 0.1/4 < 0.3).
    edges = {(0, 1): 0.9, (2, 3): 0.8, (1, 2): 0.1, (3, 4): 0.2}
    assert _average_linkage(5, edges, 0.3) == [[0, 1], [2, 3], [4]]
    # A chain does not pull in a node whose mean similarity to the group is low (average, not single linkage).
    chain = {(0, 1): 0.9, (1, 2): 0.7, (0, 2): 0.6, (2, 3): 0.5}
    assert _average_linkage(4, chain, 0.4) == [[0, 1, 2], [3]]


def test_the_same_proposal_in_other_words_lands_in_one_group() -> None:
    statements = [
        _statement("Chile", "We call for maximum restraint and an immediate de-escalation."),
        _statement("Peru", "All parties must exercise restraint and de-escalate tensions.", 2),
        _statement("Mexico", "We urge all States to ratify the Rome Statute of the International Criminal Court.", 3),
        _statement("Brazil", "Universal ratification of the Rome Statute must remain our goal.", 4),
        _statement("Ghana", "Ghana will continue to support the International Criminal Court.", 5),
    ]
    groups = compute_convergence(statements)
    supporters = sorted(tuple(g.supporters) for g in groups)
    assert supporters == [("Brazil", "Ghana", "Mexico"), ("Chile", "Peru")]


def test_proposals_group_by_what_they_propose_not_by_how_they_say_it() -> None:
    # The same act of proposing ("We strongly condemn ... reiterate our firm support for") about two
    # different objects is not one proposal; the same object said plainly is.
    statements = [
        _statement("Norway", "We strongly condemn the attacks and reiterate our firm support for the independence "
                   "of the judiciary."),
        _statement("Chile", "We strongly condemn the attacks and reiterate our firm support for humanitarian workers.", 2),
        _statement("Japan", "The independence of judges must be protected.", 3),
    ]
    groups = [g.supporters for g in compute_convergence(statements)]
    assert ["Japan", "Norway"] in groups
    assert not any({"Chile", "Norway"} <= set(g) for g in groups)


def test_a_proposal_is_read_with_the_sentence_before_it() -> None:
    # "They must be halted" says what only with the sentence before it (the settlements).
    statements = [
        _statement("Norway", "Israel continues to expand settlements in the occupied West Bank. "
                   "They must be halted immediately."),
        _statement("Chile", "We call on Israel to freeze all settlement construction in the West Bank.", 2),
        _statement("Japan", "We reiterate our call on all parties to exercise maximum restraint.", 3),
        _statement("Peru", "We reiterate our call for the lifting of the blockade of Gaza.", 4),
    ]
    groups = [g.supporters for g in compute_convergence(statements)]
    assert groups == [["Chile", "Norway"]]


def test_convergence_work_grows_linearly_with_the_debate() -> None:
    """Doubling the statements at most about doubles the time. Every statement makes six proposals
    in a debate's common vocabulary (each word in hundreds of proposals from the first size on:
    MAX_POSTINGS keeps it from proposing candidates) about places of its own (rare words): each
    proposal is compared with the few sharing a rare word and keeps its NEIGHBOURS best, and a
    group cannot grow past what those edges hold on average (no giant group to scan)."""
    import random

    from tests.support.scaling import assert_linear

    def make(n: int) -> list[Statement]:
        pick = random.Random(n)
        places = ["".join(random.Random(k).choices("bcdfgklmnprstvz", k=4)) + "ania" for k in range(3 * n)]
        return [_statement(f"Delegation {i}", " ".join(
            f"We call for {pick.choice(('ceasefire', 'sanctions', 'mediation'))} "
            f"{pick.choice(('monitoring', 'funding', 'benchmarks'))} in {pick.choice(places)}."
            for _ in range(6)), i) for i in range(1, n + 1)]

    assert_linear(make, compute_convergence, base=64)


def test_coverage_work_grows_linearly_with_the_debate() -> None:
    """Fifteen questions over a doubling number of statements: linear in the statements."""
    from tests.support.scaling import assert_linear

    questions = parse_questions((DATA / "questions_s-2020-1_en-zh.txt").read_text(encoding="utf-8"))
    questions = (questions * 15)[:15]
    sentences = [q.text for q in questions] + ["We thank the presidency.", "安理会应当加强与区域组织的合作。"]

    def make(n: int) -> list[Statement]:
        return [_statement(f"Delegation {i}", " ".join(sentences[(i + k) % len(sentences)] for k in range(8)), i)
                for i in range(1, n + 1)]

    assert_linear(make, lambda statements: compute_coverage(statements, questions), base=14)


def test_convergence_groups_shared_proposals_ranked_by_supporters(statements_8699: list[Statement]) -> None:
    groups = compute_convergence(statements_8699)
    assert len(groups) > 20
    counts = [g.count for g in groups]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 2
    by_id = {s.id: s for s in statements_8699}
    for group in groups[:10]:
        assert group.count == len(set(group.supporters)) == len({m.delegation for m in group.members})
        for m in group.members:  # each member is a proposal sentence of that delegation's statement
            statement = by_id[m.statement_id]
            assert statement.delegation == m.delegation
            assert m.text in {p.text for p in extract_proposals(statement.text)}
    restraint = [g for g in groups if sum("restraint" in m.text or "escalat" in m.text for m in g.members) >= 3]
    assert restraint and max(g.count for g in restraint) >= 8


def test_convergence_is_deterministic(statements_8699: list[Statement]) -> None:
    first = compute_convergence(statements_8699[:40])
    second = compute_convergence(list(reversed(statements_8699[:40])))
    assert [(g.supporters, g.representative.text) for g in first] == [
        (g.supporters, g.representative.text) for g in second]


def test_coverage_does_not_depend_on_string_hashing() -> None:
    """Ties between thesaurus terms of one length were broken by set order, which Python's hash
    randomisation changes from run to run: the same debate gave different cells."""
    import json
    import subprocess
    import sys

    folder = REPO / "benchmarks" / "data" / "coverage" / "zh_made_up"
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from debateprep.domain.coverage import CoverageQuestion, compute_coverage\n"
        "from debateprep.domain.roster import Roster\n"
        "from debateprep.importers.statements import statement_from_file\n"
        f"folder = Path({str(folder)!r})\n"
        "meta = json.loads((folder / 'questions.json').read_text(encoding='utf-8'))\n"
        "qs = [CoverageQuestion(q['n'], f\"Q{q['n']}\", q['text']) for q in meta['questions']]\n"
        "roster = Roster.load()\n"
        "sts = [statement_from_file(f, roster) for f in sorted((folder / 'statements').glob('*.txt'))]\n"
        "m = compute_coverage(sts, qs)\n"
        "print(json.dumps(sorted([d, k, c.score, c.passage.start] for (d, k), c in m.cells.items())))\n"
    )
    runs = {json.dumps(json.loads(subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout)) for seed in ("1", "2", "3", "4")}
    assert len(runs) == 1


CHARTER_QUESTIONS = [
    CoverageQuestion(1, "Q1", "How can the Council better uphold sovereign equality, territorial integrity and the "
                              "prohibition of the threat or use of force?"),
    CoverageQuestion(2, "Q2", "How can the Council improve the effectiveness of peace operations?"),
]


@pytest.mark.parametrize(("text", "question", "expected"), [
    # the question's word about another subject: another modifier, another "of"
    ("France will launch coalitions for gender equality.", CHARTER_QUESTIONS[0], False),
    ("We must move towards the universalization of the Treaty on the Prohibition of Nuclear Weapons.",
     CHARTER_QUESTIONS[0], False),
    ("The strength and effectiveness of the multilateral institutions have been put to the test.",
     CHARTER_QUESTIONS[1], False),
    # the question's own subject still addresses it
    ("Sovereign equality is not negotiable.", CHARTER_QUESTIONS[0], True),
    ("The prohibition of the use of force binds every State.", CHARTER_QUESTIONS[0], True),
    ("The effectiveness of peacekeeping operations depends on clear mandates.", CHARTER_QUESTIONS[1], True),
])
def test_a_question_word_about_another_subject_is_a_passing_mention(text: str, question: CoverageQuestion,
                                                                    expected: bool) -> None:
    assert _covered(text, question, CHARTER_QUESTIONS) is expected
