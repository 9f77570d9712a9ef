"""Statements: segmentation, proposals, and importing files and verbatim records (real passages)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debateprep.domain.errors import InputError
from debateprep.domain.roster import Roster, normalize_name
from debateprep.domain.statements import classify_sentence, extract_proposals, passages, segment, split_sentences
from debateprep.domain.verbatim import parse_speaker_header
from debateprep.importers.statements import read_record_files, statement_from_file, strip_running_headers

DATA = Path(__file__).parent / "data" / "statements"
ZH_STATEMENT = DATA / "china_s-pv-8699_zh.txt"
SEED_NOTE = Path(__file__).resolve().parents[1] / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"

# From China's statement at the 8699th meeting (S/PV.8699, English interpretation).
CHINA_EN = (
    "We thank the Secretary-General, Mr. Antonio Guterres, for his briefing, which contains a host of important "
    "observations and insights worthy of in-depth consideration by us all. China also thanks Mrs. Mary Robinson "
    "for her presentation. In 2015, before the General Assembly (see A/70/PV.13), President Xi Jinping "
    "systematically expounded on the importance of building a community of shared future for humankind. "
    "We call on all parties concerned to exercise maximum restraint, return to dialogue and consultations "
    "without delay, jointly work towards a de-escalation of the situation and collectively uphold the Joint "
    "Comprehensive Plan of Action. The Security Council should discharge its duty emanating from the Charter "
    "with regard to the maintenance of international peace and security. China will uphold the principle of "
    "the peaceful settlement of disputes."
)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return Roster.load()


@pytest.fixture(scope="module")
def record_8699(shared_data: Path, roster: Roster):  # type: ignore[no-untyped-def]
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699*.txt"))
    return read_record_files(files, roster, presidency="Viet Nam")


# -- segmentation ----------------------------------------------------------------------------


def test_english_sentences_keep_titles_and_symbols_together() -> None:
    sentences = split_sentences(CHINA_EN)
    assert len(sentences) == 6
    assert sentences[0].startswith("We thank the Secretary-General, Mr. Antonio Guterres,")
    assert sentences[2].startswith("In 2015, before the General Assembly (see A/70/PV.13), President Xi")
    assert sentences[-1] == "China will uphold the principle of the peaceful settlement of disputes."


def test_chinese_sentences_end_at_full_stops_exclamations_questions_and_semicolons() -> None:
    text = SEED_NOTE.read_text(encoding="utf-8")
    bullet = next(line for line in text.splitlines() if line.startswith("- 执行任务所需要的协调工作"))
    assert split_sentences(bullet) == ["- 执行任务所需要的协调工作、情况了解、预警和快速反应；", "支持东道国政府安全部队；",
                                       "与实地的人道主义和其他行为体的互动协作；"]
    zh = ZH_STATEMENT.read_text(encoding="utf-8")
    for sentence in split_sentences(zh)[1:]:
        assert sentence[-1] in "。！？；）"


def test_segments_carry_offsets_back_into_the_text() -> None:
    zh = ZH_STATEMENT.read_text(encoding="utf-8")
    for text in (zh, CHINA_EN, zh + "\n\n" + CHINA_EN):
        seg = segment(text)
        assert seg.sentences
        for s in seg.sentences:
            assert text[s.start : s.end] == s.text
    seg = segment(zh)
    assert len(seg.paragraphs) == 8  # the title and 7 paragraphs, separated by blank lines


def test_passages_stay_inside_a_paragraph_and_are_bounded() -> None:
    text = ZH_STATEMENT.read_text(encoding="utf-8") + "\n\n" + CHINA_EN
    seg = segment(text)
    for p in passages(text):
        assert text[p.start : p.end] == p.text
        assert p.last_sentence - p.first_sentence < 3
        assert {seg.sentences[i].paragraph for i in range(p.first_sentence, p.last_sentence + 1)} == {p.paragraph}


# -- proposals -------------------------------------------------------------------------------


def test_english_proposals_by_kind() -> None:
    found = {p.kind: p.text for p in extract_proposals(CHINA_EN)}
    assert found["call"].startswith("We call on all parties concerned to exercise maximum restraint")
    assert found["recommendation"].startswith("The Security Council should discharge its duty")
    assert found["commitment"] == "China will uphold the principle of the peaceful settlement of disputes."
    assert len(extract_proposals(CHINA_EN)) == 3  # thanks and history are not proposals


def test_courtesies_are_not_proposals() -> None:
    # Real openings from S/PV.8699 (Croatia, Ireland).
    assert classify_sentence("Let me thank you, Mr. President, for convening this important debate.") is None
    assert classify_sentence("I should like to congratulate the Socialist Republic of Viet Nam on assuming the "
                             "presidency.") is None
    assert classify_sentence("Ireland urges all to heed the Secretary- General's call for de-escalation, and we "
                             "reiterate the importance of the United Nations.") == ("call", "urges")


def test_chinese_proposals_by_kind() -> None:
    proposals = extract_proposals(ZH_STATEMENT.read_text(encoding="utf-8"))
    by_text = {p.text: p.kind for p in proposals}
    assert by_text["我们呼吁有关各方保持最大限度克制，尽快回到对话协商轨道，共同推动局势降温。"] == "call"
    assert by_text["安理会应当切实履行《宪章》赋予的职责。"] == "recommendation"
    assert by_text[next(t for t in by_text if t.startswith("中国将坚持和平解决争端原则"))] == "commitment"
    assert by_text["维护《宪章》，必须坚持国际法治。"] == "recommendation"


# -- one file per delegation -----------------------------------------------------------------


def test_statement_file_with_a_header_maps_to_its_delegation(tmp_path: Path, roster: Roster) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("Mr. Zhang Jun (China) (spoke in Chinese): " + CHINA_EN + "\n", encoding="utf-8")
    st = statement_from_file(path, roster)
    assert (st.delegation, st.delegation_code, st.mapped_by) == ("China", "CHN", "header")
    assert st.speaker == "Mr. Zhang Jun" and st.spoken_language == "Chinese"
    assert st.text.startswith("We thank the Secretary-General")


def test_chinese_statement_file_named_for_its_delegation(roster: Roster) -> None:
    st = statement_from_file(ZH_STATEMENT, roster)
    assert (st.delegation_code, st.language, st.mapped_by) == ("CHN", "zh", "file")


def test_docx_statement_with_a_chinese_delegation_name(tmp_path: Path, roster: Roster) -> None:
    import docx

    document = docx.Document()
    for paragraph in ZH_STATEMENT.read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "发言.docx"
    document.save(str(path))
    st = statement_from_file(path, roster, delegation="中国")
    assert st.delegation == "China" and st.language == "zh"
    assert "我们呼吁有关各方保持最大限度克制" in st.text


def test_statement_file_errors_name_the_file(tmp_path: Path, roster: Roster) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt"):
        statement_from_file(empty, roster)
    with pytest.raises(InputError, match="unknown delegation 'Atlantis'"):
        statement_from_file(ZH_STATEMENT, roster, delegation="Atlantis")
    anonymous = tmp_path / "notes.txt"
    anonymous.write_text(CHINA_EN, encoding="utf-8")
    st = statement_from_file(anonymous, roster)
    assert st.delegation is None and st.unmapped


# -- verbatim records ------------------------------------------------------------------------


def test_full_record_maps_every_speech_with_a_delegation(record_8699, roster: Roster) -> None:  # type: ignore[no-untyped-def]
    result = record_8699
    assert result.records == ["S/PV.8699", "S/PV.8699 (Resumption 1)", "S/PV.8699 (Resumption 2)"]
    assert len(result.statements) == 214
    with_note = [s for s in result.statements if s.header and "(" in s.header.split(":")[0]
                 and parse_speaker_header(s.header + " x") and parse_speaker_header(s.header + " x").delegation]
    assert len(with_note) == 107
    for st in with_note:
        header = parse_speaker_header(st.header + " x")
        assert header is not None and header.delegation
        delegation = roster.get(st.delegation_code)
        names = {normalize_name(n) for n in delegation.names()}
        written = normalize_name(header.delegation).replace("c6te", "cote")
        assert written in names or roster.find(header.delegation, fuzzy=True) == delegation, st.source
    assert result.unmapped == []
    codes = {s.source: s.delegation_code for s in result.statements}
    assert codes["S/PV.8699 #12"] == "CHN"
    assert {"VEN", "IRN", "PSE", "TUR", "GBR", "LAO", "BOL", "SYR"} <= set(codes.values())


def test_president_national_statement_briefers_and_observers(record_8699) -> None:  # type: ignore[no-untyped-def]
    by_source = {s.source: s for s in record_8699.statements}
    president = by_source["S/PV.8699 #5"]
    assert (president.delegation_code, president.mapped_by, president.kind) == ("VNM", "presidency", "statement")
    assert president.text.startswith("Seventy-five years ago, the founders of the United Nations")
    assert by_source["S/PV.8699 #1"].kind == "procedural" and not by_source["S/PV.8699 #1"].unmapped
    assert (by_source["S/PV.8699 #2"].delegation_code, by_source["S/PV.8699 #2"].kind) == ("SG", "briefing")
    eu = next(s for s in record_8699.statements if s.speaker == "Mr. Skoog")
    assert (eu.delegation_code, eu.mapped_by) == ("EU", "introduction")  # "the observer of the European Union"
    icrc = next(s for s in record_8699.statements if s.speaker == "Mr. Mardini")
    assert (icrc.delegation_code, icrc.kind) == ("ICRC", "briefing")  # invited under rule 39 the day before
    turkey = [s for s in record_8699.statements if s.delegation_code == "TUR"]
    assert len(turkey) == 2  # statement and right of reply


def test_running_headers_are_dropped_and_citations_kept(record_8699) -> None:  # type: ignore[no-untyped-def]
    texts = [s.text for s in record_8699.statements]
    assert not any("peace and security S/PV.8699" in t for t in texts)
    assert sum("(see S/PV.8699)" in t for t in texts) >= 8
    bodies = ["We need to make decisive policies and decisions Maintenance of international peace and security "
              "S/PV.8699 (Resumption 1) in order to counter challenges.",
              "Charter Maintenance of international peace and security S/PV.8699 (Resumption 1) principles "
              "(see S/PV.8699 (Resumption 1))."]
    assert strip_running_headers(bodies, "S/PV.8699 (Resumption 1)") == [
        "We need to make decisive policies and decisions in order to counter challenges.",
        "Charter principles (see S/PV.8699 (Resumption 1)).",
    ]


def test_briefers_from_bodies_outside_the_roster_are_mapped_as_invited(shared_data: Path, roster: Roster) -> None:
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8723*.txt"))
    result = read_record_files(files, roster)
    assert result.unmapped == []
    invited = {s.speaker: s for s in result.statements if s.mapped_by == "invitation"}
    assert set(invited) == {"Mr. De Roux", "Ms. Sooka"}  # bodies outside the roster: as invited
    assert "Commission for the Clarification of Truth" in (invited["Mr. De Roux"].delegation or "")
    assert invited["Mr. De Roux"].delegation_code is None and invited["Mr. De Roux"].kind == "briefing"
    bachelet = next(s for s in result.statements if s.speaker == "Ms. Bachelet")
    assert bachelet.delegation_code == "OHCHR"  # "United Nations High Commissioner for Human Rights"


def test_whole_record_in_one_file_splits_like_the_speech_files(tmp_path: Path, shared_data: Path,
                                                               roster: Roster) -> None:
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699Resumption2_spch*.txt"),
                   key=lambda p: int(re.search(r"spch(\d+)", p.name).group(1)))  # type: ignore[union-attr]
    whole = tmp_path / "S-PV.8699 (Resumption 2).txt"
    whole.write_text("\n".join(f.read_text(encoding="utf-8").strip() for f in files), encoding="utf-8")
    one = read_record_files([whole], roster)
    many = read_record_files(files, roster)
    assert one.records == ["S/PV.8699 (Resumption 2)"]
    assert [(s.source, s.delegation_code) for s in one.statements] == [(s.source, s.delegation_code)
                                                                       for s in many.statements]


def test_hard_wrapped_record_with_page_furniture(tmp_path: Path, shared_data: Path, roster: Roster) -> None:
    """A record as PDF extraction gives it: lines wrapped at 90 columns, job numbers, page
    counters and the running symbol between pages."""
    import textwrap

    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699Resumption2_spch*.txt"),
                   key=lambda p: int(re.search(r"spch(\d+)", p.name).group(1)))  # type: ignore[union-attr]
    pages = []
    for i, f in enumerate(files):
        pages.append(textwrap.fill(f.read_text(encoding="utf-8").strip(), 90))
        if i % 5 == 4:
            pages.append("\n20-00846\n7/27\n\nS/PV.8699 (Resumption 2)\n")
    record = tmp_path / "S-PV.8699 (Resumption 2).txt"
    record.write_text("\n".join(pages), encoding="utf-8")
    result = read_record_files([record], roster)
    assert result.summary()["statements"] == 23 and result.unmapped == []
    austria = next(s for s in result.statements if s.delegation_code == "AUT")
    # wrapped lines are joined: a line break is left only where a sentence ends (a paragraph)
    assert all(line.rstrip()[-1] in ".:;?!)" for line in austria.text.split("\n") if line.strip())
    assert len(austria.text.split("\n")) < 20
    assert austria.text.startswith("We would like to thank the delegation of Viet Nam for convening this open debate")
    assert not any("20-00846" in s.text or "7/27" in s.text for s in result.statements)


def test_a_chinese_presidents_statement_file_is_the_presidencys(tmp_path: Path, roster: Roster) -> None:
    """"主席（以英语发言）：现在我以巴西代表的身份发言。" names Brazil; so does a file named 10_主席_巴西.txt."""
    path = tmp_path / "10_主席_巴西.txt"
    path.write_text("主席（以英语发言）：现在我以巴西代表的身份发言。\n建设和平委员会的作用十分重要。\n", encoding="utf-8")
    statement = statement_from_file(path, roster)
    assert (statement.delegation, statement.mapped_by) == ("Brazil", "presidency")
    named = tmp_path / "巴西.txt"
    named.write_text("主席：建设和平委员会的作用十分重要。\n", encoding="utf-8")
    assert statement_from_file(named, roster).delegation == "Brazil"


def test_a_slip_in_the_presidents_introduction_still_names_the_speaker(roster: Roster) -> None:
    record = ("The President: I now give the floor the representative of Chile.\n"
              "Mr. Rojas: Chile supports the Peacebuilding Commission.\n")
    from debateprep.importers.statements import split_record

    statements = [s for s in split_record(record, "S/PV.9999", roster).statements if s.kind != "procedural"]
    assert [(s.delegation, s.mapped_by) for s in statements] == [("Chile", "introduction")]


# A record as the Council prints one: the President invites the briefers under rule 39 (one of them
# without a title, as children are named), gives each the floor, then speaks for the presidency.
INVITED_RECORD = """The President (spoke in French): In accordance with rule 39 of the Council's provisional rules of procedure, I invite the following briefers to participate in this meeting: Ms. Anna Berg, Executive Director, United Nations Children's Fund; Mr. Tomas Lind, Northern Alliance for Safe Classrooms; Amina; and Ms. Rita Okafor, Youth Council of Ghana. I give the floor to Ms. Berg.
Ms. Berg: Attacks on schools have doubled.
The President (spoke in French): I thank Ms. Berg for her briefing. I now give the floor to Mr. Lind.
Mr. Lind: Our alliance counted 400 attacks on classrooms.
The President (spoke in French): I now give the floor to Amina.
Amina (spoke in French): I could not go to school for two years.
The President (spoke in French): I now give the floor to Ms. Okafor.
Ms. Okafor: Young people must be heard.
The President (spoke in French): I shall now make a statement in my capacity as the representative of Ghana on behalf of the three African members of the Security Council - Ghana, Kenya and Tunisia. Schools must stay safe.
"""


def test_invited_briefers_speak_for_the_body_their_invitation_names(roster: Roster) -> None:
    """Briefers from bodies outside the roster, a title-less child and an office before its body
    ("Executive Director, United Nations Children's Fund") all map; a youth council "of Ghana" is
    not the State of Ghana; the President's statement on behalf of a group is the presidency's."""
    from debateprep.importers.statements import split_record

    result = split_record(INVITED_RECORD, "S/PV.9999", roster)
    heard = [(s.speaker, s.delegation, s.delegation_code, s.kind) for s in result.statements if s.kind != "procedural"]
    assert heard == [
        ("Ms. Berg", "United Nations Children's Fund", "UNICEF", "briefing"),
        ("Mr. Lind", "Northern Alliance for Safe Classrooms", None, "briefing"),
        ("Amina", "Amina", None, "briefing"),
        ("Ms. Okafor", "Youth Council of Ghana", None, "briefing"),
        ("The President", "Ghana", "GHA", "statement"),
    ]
    assert result.unmapped == []


def test_every_speech_of_the_children_and_armed_conflict_debate_is_attributed(shared_data: Path,
                                                                              roster: Roster) -> None:
    """S/PV.8756: UNICEF's Executive Director, the Global Coalition to Protect Education from
    Attack, two speakers from the Niger (one named without a title) and the President speaking
    for the Niger were left unattributed."""
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8756_*.txt"))
    result = read_record_files(files, roster)
    assert result.unmapped == []
    by_speaker = {s.speaker: (s.delegation, s.delegation_code) for s in result.statements if s.kind != "procedural"}
    assert by_speaker["Ms. Fore"] == ("United Nations Children's Fund", "UNICEF")
    assert by_speaker["Ms. Tsolakis"] == ("Global Coalition to Protect Education from Attacks", None)
    assert by_speaker["Hadiza"] == ("Hadiza", None)
    assert by_speaker["Ms. Mayaki"] == ("Youth Parliament of the Niger", None)  # not the State
    assert by_speaker["The President"] == ("Niger", "NER")
