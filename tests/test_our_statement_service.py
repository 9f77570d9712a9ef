"""Our statement through its service, on SQLite and PostgreSQL: the seed debate, a Chinese statement
for China and an English one for an inscribed non-member; sections, sources, check, revisions,
rehearsals, exports, concurrency, backup and restore."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from debateprep.domain.errors import InputError, NotFound, StaleEdit
from debateprep.domain.our_statement import OurStatement
from debateprep.services.backup import BackupService
from debateprep.services.debates import DebateService
from debateprep.services.our_statement import OurStatementService
from debateprep.services.sample import load_sample
from debateprep.services.speakers import SpeakersService
from debateprep.services.statements import StatementService
from debateprep.storage.db import Database, open_database
from tests.conftest import REPO
from tests.support.dbs import new_db_url  # noqa: F401 - fixture

CHINA_8699 = REPO / "tests" / "data" / "statements" / "china_s-pv-8699_zh.txt"
ZH_OPENING = ("主席女士，我感谢立陶宛举办此次公开辩论，感谢阿莫斯副秘书长以及维持和平行动部、"
              "联合国人权事务高级专员办事处和红十字国际委员会代表的通报。")
EN_OPENING = ("Mr. President, I thank the presidency of Lithuania for convening this open debate and the "
              "Under-Secretary-General for Humanitarian Affairs and the representatives of the Department of "
              "Peacekeeping Operations, the Office of the United Nations High Commissioner for Human Rights and "
              "the International Committee of the Red Cross for their briefings.")
TRAINING_ZH = "中方认为，应确保全体维和人员在部署前接受保护平民培训，培训标准应当统一，并支持秘书处加强培训能力。"


def seed(db: Database) -> int:
    """The bundled sample; returns the seed debate (S/2014/74, 7109th meeting)."""
    load_sample(db)
    debate = DebateService(db).latest()
    assert debate is not None and debate.id is not None and debate.meeting_number == 7109
    return debate.id


@pytest.fixture
def seeded(db: Database) -> tuple[Database, int]:
    return db, seed(db)


def test_chinese_statement_for_china_follows_the_note(seeded) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    DebateService(db).update(DebateService(db).get(debate_id), our_delegation="China")
    statement = OurStatementService(db).new(debate_id, chair="madam")  # the debate's delegation and language
    assert (statement.language, statement.delegation) == ("zh", "中国")
    kinds = [s.kind for s in statement.sections]
    assert kinds == ["opening", *["question"] * 13, "closing"]
    assert statement.sections[0].text == ZH_OPENING
    assert statement.sections[-1].text == "谢谢主席女士。"
    assert statement.header() == ["中国在安全理事会武装冲突保护平民问题公开辩论会上的发言", "2014年2月12日，纽约", "请以实际发言为准"]
    training = statement.sections[6]
    assert training.question_label == "Q6" and "培训" in (training.question_text or "")
    assert training.text.startswith("[我方对此问题的立场]")
    # the sample library (2020-2021) was adopted after this 2014 debate: nothing of it is offered
    assert all(s.suggestions == () for s in statement.sections)
    # China is a Council member on the seed list: its limit comes from the list
    assert (statement.limit_seconds, statement.limit_source) == (300, "speakers list")


def test_english_statement_for_an_inscribed_non_member(seeded) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    SpeakersService(db).add(debate_id, "Norway", planned_minutes=4)
    statement = OurStatementService(db).new(debate_id, "en", delegation="Norway", chair="mister")
    assert statement.sections[0].text == EN_OPENING
    assert statement.header()[0] == ("Statement by Norway at the Security Council open debate on protection of "
                                     "civilians in armed conflict")
    assert (statement.limit_seconds, statement.limit_source) == (240, "speakers list")
    assert statement.estimate().target_units == 520  # 4 minutes at 130 words a minute
    # the sample library is Chinese only: nothing to offer an English statement, and no error
    assert all(s.suggestions == () for s in statement.sections)


def test_new_needs_a_delegation_and_limits_fall_back_to_the_debate(seeded) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    service = OurStatementService(db)
    with pytest.raises(InputError, match="no delegation for the statement"):
        service.new(debate_id)
    statement = service.new(debate_id, "en", delegation="Brazil")  # not on the list
    assert (statement.limit_seconds, statement.limit_source) == (300, "debate")
    debates = DebateService(db)
    debates.update(debates.get(debate_id), limits_minutes={"non-member": 3})
    assert service.get(statement.id).limit_seconds == 180  # type: ignore[arg-type]
    by_hand = service.configure(statement.id, limit_minutes=2.5)  # type: ignore[arg-type]
    assert (by_hand.limit_seconds, by_hand.limit_source) == (150, "statement")
    back = service.configure(statement.id, limit_minutes=None)  # type: ignore[arg-type]
    assert back.limit_source == "debate"
    with pytest.raises(InputError, match="speaking limit"):
        service.configure(statement.id, limit_minutes=-1)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="madam or mister"):
        service.configure(statement.id, chair="sir")  # type: ignore[arg-type]


def _zh(db: Database, debate_id: int) -> OurStatement:
    return OurStatementService(db).new(debate_id, "zh", delegation="China", chair="madam")


def test_sections_edit_add_remove_move_with_versions(seeded) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    service = OurStatementService(db)
    statement = _zh(db, debate_id)
    sid = statement.id
    assert sid is not None
    training = statement.section(7)
    before = statement.estimate().units
    saved = service.edit_section(sid, training, TRAINING_ZH)
    assert saved.version == training.version + 1
    assert service.get(sid).estimate().units > before  # the estimate moves with the text
    with pytest.raises(StaleEdit, match="it now reads"):
        service.edit_section(sid, training, "另一种写法")  # the version read before the save
    added = service.add_section(sid, "我国的维和贡献", "中国是安理会常任理事国中派遣维和人员最多的国家。")
    current = service.get(sid)
    assert current.section_number(added.id) == len(current.sections) - 1  # before the closing
    assert added.id is not None
    moved = service.move_section(sid, added.id, 2, current.version)
    assert moved.sections[1].heading == "我国的维和贡献"
    with pytest.raises(StaleEdit):
        service.move_section(sid, added.id, 3, current.version)  # the statement moved on
    service.remove_section(sid, moved.sections[1])
    assert len(service.get(sid).sections) == 15
    question = service.add_section(sid, "", question=6)
    assert question.question_label == "Q6" and question.question_text == training.question_text
    with pytest.raises(InputError, match="no guiding question 99"):
        service.add_section(sid, "", question=99)
    with pytest.raises(InputError, match="heading"):
        service.add_section(sid, "  ")


def _transitions(db: Database) -> int:
    """The English sample debate (2026, on transitions; its note cites S/RES/2594 (2021)): the sample
    library was adopted before it."""
    debate = next(d for d in DebateService(db).list() if d.language == "en")
    assert debate.id is not None
    return debate.id


def test_insert_agreed_language_keeps_its_citation(seeded) -> None:  # type: ignore[no-untyped-def]
    db, _seed = seeded
    service = OurStatementService(db)
    statement = _zh(db, _transitions(db))
    sid = statement.id
    assert sid is not None
    seventh, second = statement.section(7).id, statement.section(2).id
    assert seventh is not None and second is not None
    first = statement.section(7).suggestions[0]
    section = service.insert_suggestion(sid, seventh, 1)
    last = section.paragraphs()[-1]
    assert last.startswith("我们回顾，安理会在第") and "号决议中“" in last  # our voice citing the Council
    assert last.endswith(f"”。[^{first.citation}]")
    section = service.insert_library(sid, second, "S/RES/2594 (2021), OP 4", at=0)
    assert section.paragraphs()[0].endswith("[^S/RES/2594 (2021), OP 4]")
    current = service.get(sid)
    assert [f.citation for f in current.footnotes()] == ["S/RES/2594 (2021), OP 4", first.citation]
    assert current.estimate().units == current.estimate().units  # markers are not spoken
    with pytest.raises(InputError, match="no suggestion 9"):
        service.insert_suggestion(sid, seventh, 9)
    with pytest.raises(NotFound):
        service.insert_library(sid, second, "S/RES/2594 (2021), OP 99")
    with pytest.raises(StaleEdit):  # the section version the caller read is checked
        service.insert_library(sid, second, "S/RES/2594 (2021), OP 4", version=1)


def test_check_revise_diff_rehearse(seeded) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    service = OurStatementService(db)
    statement = _zh(db, debate_id)
    sid = statement.id
    assert sid is not None
    with pytest.raises(InputError, match="only placeholders"):
        service.revise(sid)
    service.edit_section(sid, statement.section(7), TRAINING_ZH)
    report = service.check(sid)
    assert "Q6" in [q.label for q in report.addressed]
    # host-State security forces and humanitarian actors: nothing in a sentence on training
    assert {"Q8", "Q9"} <= {q.label for q in report.missing}
    assert all(q.section != 1 for q in report.addressed)  # the opening's thanks answer nothing
    assert any(i.kind == "placeholder" and i.section == 2 for i in report.issues)
    rev1 = service.revise(sid, "first reading")
    assert rev1.label == "rev.1"
    with pytest.raises(InputError, match="nothing changed since rev.1"):
        service.revise(sid)
    current = service.get(sid)
    service.edit_section(sid, current.section(7), TRAINING_ZH.replace("应当统一", "必须统一"))
    diff = service.diff(sid)
    assert (diff.old_label, diff.new_label, diff.count("changed")) == ("rev.1", "current", 1)
    assert "[-应当-]{+必须+}" in diff.render()
    long_text = "保护平民" * 400  # 1,600 characters: over the 1,100 that fit in 5 minutes
    service.edit_section(sid, service.get(sid).section(8), long_text)
    assert service.check(sid).estimate.over
    rehearsal = service.rehearse(sid, 275)
    assert rehearsal.actual_seconds == 275 and rehearsal.units == service.get(sid).estimate().units
    assert rehearsal.estimated_seconds == round(service.get(sid).estimate().seconds)
    assert service.get(sid).rehearsals[-1].rate == pytest.approx(rehearsal.units / 275 * 60)
    for bad in (0, -3, "soon"):
        with pytest.raises(InputError, match="positive number of seconds"):
            service.rehearse(sid, bad)  # type: ignore[arg-type]


def test_sources_what_we_said_before_and_what_others_said(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    statements = StatementService(db)
    earlier = DebateService(db).create("Upholding the Charter", meeting_number=8699, language="zh")
    assert earlier.id is not None
    statements.import_files(earlier.id, [CHINA_8699], delegation="China")
    # Two statements of this debate, as the Chinese verbatim record would give them (written for the test).
    for name, text in (
        ("France", "法国认为，所有维和人员在部署前都必须接受保护平民培训，培训应达到统一标准。法国将资助此类培训。"),
        ("United Kingdom", "英国强调，维和特派团必须获得充足的资源和经费。我们呼吁各方按时足额缴纳摊款。"),
    ):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        statements.import_files(debate_id, [path], delegation=name)
    service = OurStatementService(db)
    statement = _zh(db, debate_id)
    assert statement.id is not None
    # a question not in the seed note: a section of our own, worded as a question
    own = service.add_section(statement.id, "面对单边主义，如何加强多边主义和以规则为基础的国际秩序？")
    number = service.get(statement.id).section_number(own.id)
    assert number is not None
    assert own.id is not None
    found = service.sources(statement.id, own.id)
    assert found.section == number
    assert found.ours and all(p.delegation == "China" and p.debate_id == earlier.id for p in found.ours)
    assert any("单边主义" in p.text or "规则为基础" in p.text for p in found.ours)
    current = service.get(statement.id)
    training = service.sources(statement.id, current.section(7).id or 0)
    assert training.library == []  # the sample library postdates the debate
    assert training.others[0].delegation == "France"  # the strongest first
    assert [p.strength for p in training.others] == sorted((p.strength for p in training.others), reverse=True)
    assert service.sources(statement.id, current.section(1).id or 0).others == []  # the opening answers no question


def test_exports_markdown_and_word(seeded) -> None:  # type: ignore[no-untyped-def]
    import docx

    from debateprep.exporters.docx import read_footnotes
    from debateprep.exporters.markdown import parse

    db, debate_id = seeded
    service = OurStatementService(db)
    statement = _zh(db, debate_id)
    sid = statement.id
    assert sid is not None
    with pytest.raises(InputError, match="only placeholders"):
        service.export_markdown(sid)
    service.edit_section(sid, statement.section(7), TRAINING_ZH)
    citation = "S/RES/2594 (2021), OP 4"
    service.insert_library(sid, statement.section(7).id or 0, citation)
    md = service.export_markdown(sid)
    assert md.startswith("# 中国在安全理事会武装冲突保护平民问题公开辩论会上的发言\n")
    assert "**请以实际发言为准**" in md and f"[^1]: {citation}" in md and "[^" + citation not in md
    tokens = parse(md)
    assert any(t.type == "footnote_ref" for t in tokens for t in t.children or [])
    assert not any(t.type.startswith("html") for t in tokens)
    delivery = service.export_markdown(sid, delivery=True)
    assert "[^1]" not in delivery and TRAINING_ZH in delivery

    data = service.export_docx(sid)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "中国在安全理事会武装冲突保护平民问题公开辩论会上的发言"
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    texts = [p.text for p in document.paragraphs]
    assert "请以实际发言为准" in texts and ZH_OPENING in texts and TRAINING_ZH in texts
    assert read_footnotes(data) == {1: citation}
    large = docx.Document(io.BytesIO(service.export_docx(sid, delivery=True)))
    assert large.styles["Normal"].font.size.pt == 16
    assert read_footnotes(service.export_docx(sid, delivery=True)) == {}


def test_backup_and_restore_carry_the_statement(seeded, new_db_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    service = OurStatementService(db)
    statement = _zh(db, debate_id)
    sid = statement.id
    assert sid is not None
    service.edit_section(sid, statement.section(7), TRAINING_ZH)
    service.revise(sid)
    service.rehearse(sid, 200)
    BackupService(db).backup(tmp_path / "b.json", debate_id=debate_id)
    target = open_database(new_db_url(db.dialect))
    BackupService(target).restore(tmp_path / "b.json")
    restored = OurStatementService(target).statements(debate_id)
    assert [s.to_json() for s in restored] == [service.get(sid).to_json()]
    target.dispose()
    with pytest.raises(NotFound):
        service.get(sid + 100)


@pytest.mark.parametrize(("text", "citation", "language", "expected"), [
    ("Invites the Secretary-General to consult with the parties concerned,", "S/RES/865 (1993), OP 8", "en",
     'We recall that in resolution 865 (1993) the Council "[i]nvites the Secretary-General to consult with the '
     'parties concerned".[^S/RES/865 (1993), OP 8]'),
    # words added to fit our sentence stay outside the quotation marks (issue: "is determined" was quoted)
    ("Determined to ensure the protection of the civilian population in safe areas and to promote a lasting "
     "political solution,", "S/RES/836 (1993), PP 12", "en",
     'We recall that in resolution 836 (1993) the Council is "[d]etermined to ensure the protection of the civilian '
     'population in safe areas and to promote a lasting political solution".[^S/RES/836 (1993), PP 12]'),
    ("Recalling its resolution 1894 (2009) on the protection of civilians in armed conflict,",
     "S/RES/2222 (2015), PP 1", "en",
     'We recall that in resolution 2222 (2015) the Council recalls "its resolution 1894 (2009) on the protection of '
     'civilians in armed conflict".[^S/RES/2222 (2015), PP 1]'),
    ("Expressing grave concern at the number of civilians killed,", "S/RES/2222 (2015), PP 4", "en",
     'We recall that in resolution 2222 (2015) the Council expresses "grave concern at the number of civilians '
     'killed".[^S/RES/2222 (2015), PP 4]'),
    ("决心确保安全区内平民百姓得到保护，", "S/RES/836 (1993), PP 12", "zh",
     "我们回顾，安理会在第836(1993)号决议中“决心确保安全区内平民百姓得到保护”。[^S/RES/836 (1993), PP 12]"),
    ("The Security Council stresses the need to protect civilians.", "S/PRST/2014/3, para. 2", "en",
     'We recall that in presidential statement S/PRST/2014/3 the Council "stresses the need to protect '
     'civilians".[^S/PRST/2014/3, para. 2]'),
    ("请秘书长同有关各方协商，", "S/RES/865 (1993), OP 8", "zh",
     "我们回顾，安理会在第865(1993)号决议中“请秘书长同有关各方协商”。[^S/RES/865 (1993), OP 8]"),
])
def test_agreed_language_reads_as_our_delegation_citing_the_council(text: str, citation: str, language: str,
                                                                     expected: str) -> None:
    """In our national statement the Council's words are quoted, not spoken in its voice (issue 16)."""
    from debateprep.services.our_statement import agreed_paragraph

    assert agreed_paragraph(text, citation, language) == expected


# -- the check counts a question answered only where it is answered (issue: "7 of 12" with §2 written) --

Q1_ZH = ("中国一贯支持联合国维和行动依据安理会授权履行保护平民职责。各方应在尊重东道国主权的前提下，就保护任务的内涵和"
         "维和行动的经验加强沟通，形成共识。保护平民的首要责任在于当事国政府。")
Q1_EN = ("Transition planning must start early, years before a mission draws down, and keep the protection of "
         "civilians at its centre. The Council should ask for joint plans with the host Government and the "
         "United Nations country team, so that the protection of civilians does not end with the mission.")


def test_check_counts_only_the_sections_written_chinese(seeded) -> None:  # type: ignore[no-untyped-def]
    db, debate_id = seeded
    service = OurStatementService(db)
    statement = _zh(db, debate_id)
    assert statement.id is not None
    service.edit_section(statement.id, statement.section(2), Q1_ZH)  # Q1 only; 保护平民 is in six questions
    report = service.check(statement.id)
    assert [q.label for q in report.addressed] == ["Q1"], report.lines()
    assert report.lines()[0] == "addresses 1 of 13 guiding questions"
    # with Q2's section dropped, the words it shares with the debate's title do not answer it
    current = service.get(statement.id)
    service.remove_section(statement.id, current.section(3))
    assert "Q2" in [q.label for q in service.check(statement.id).missing]
    # a section with real text answers its own question, in whatever words
    current = service.get(statement.id)
    service.edit_section(statement.id, current.section(7), "中方愿同各方分享经验。")
    assert {q.label for q in service.check(statement.id).addressed} == {"Q1", "Q7"}


def test_check_counts_only_the_sections_written_english(seeded) -> None:  # type: ignore[no-untyped-def]
    db, _seed = seeded
    service = OurStatementService(db)
    statement = service.new(_transitions(db), "en", delegation="Norway")
    assert statement.id is not None
    service.edit_section(statement.id, statement.section(2), Q1_EN)
    report = service.check(statement.id)
    assert [q.label for q in report.addressed] == ["Q1"], report.lines()
    assert report.lines()[0] == "addresses 1 of 7 guiding questions"
    assert all(q.section is not None for q in report.missing)  # each names its still empty section
