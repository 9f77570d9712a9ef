"""PRST drafting service on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from debateprep.domain.errors import Conflict, InputError, NotFound, StaleEdit
from debateprep.domain.prst_form import draft_text
from debateprep.exporters.markdown import parse
from debateprep.services.debates import DebateService
from debateprep.services.prst import PrstService
from tests.conftest import LIBRARY_SAMPLES
from tests.test_prst_domain import EN_CHAPEAU, RES_2518, RES_2594, ZH_CHAPEAU, seed_paragraph

INVENTED_ZH = "安理会欢迎各会员国在月球上设立保护平民的联合培训中心，并鼓励所有相关方在二〇三〇年前完成这项工作。"


@pytest.fixture
def debate_id(db) -> int:  # type: ignore[no-untyped-def]
    debate = DebateService(db).create(
        "Protection of civilians in armed conflict",
        agenda_item="Protection of civilians in armed conflict",
        meeting_number=7109,
        meeting_date=date(2014, 2, 12),
        presidency="Lithuania",
    )
    assert debate.id is not None
    return debate.id


def test_new_draft_has_the_chapeau_in_both_languages(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    en = service.new_draft(debate_id, "en")
    zh = service.new_draft(debate_id, "zh")
    assert en.chapeau == EN_CHAPEAU
    assert zh.agenda_item == "武装冲突中保护平民"
    assert zh.chapeau == ZH_CHAPEAU
    assert [d.id for d in service.drafts(debate_id)] == [en.id, zh.id]
    assert service.resolve(None).id == zh.id


def test_unknown_draft_and_debate(db) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    with pytest.raises(NotFound):
        service.get(999)
    with pytest.raises(NotFound):
        service.new_draft(999, "en")
    with pytest.raises(NotFound):
        service.resolve(None)


def test_seed_paragraphs_come_out_in_prst_form_and_conventional_order(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "zh")
    assert draft.id is not None
    request = service.add_text(draft.id, seed_paragraph(RES_2594, "请秘书长确保在特派团规划"))
    recall = service.add_text(draft.id, seed_paragraph(RES_2518, "回顾第 2436(2018)号决议"))
    concern = service.add_text(draft.id, seed_paragraph(RES_2518, "表示严重关切针对许多维和特派团"))
    stress = service.add_text(draft.id, seed_paragraph(RES_2594, "强调指出，政治解决优先"))
    loaded = service.get(draft.id)
    assert [p.id for p in loaded.paragraphs] == [recall.id, concern.id, stress.id, request.id]
    texts = loaded.texts()
    assert texts[0].startswith("安全理事会回顾第2436(2018)号决议，特别指出绩效")
    assert texts[1].startswith("安理会表示严重关切针对许多维和特派团联合国维和人员的安全威胁")
    assert texts[2].startswith("安理会强调指出，政治解决优先应成为联合国解决冲突方针的标志")
    assert texts[3].startswith("安理会请秘书长确保在特派团规划、任务执行和审查的所有阶段")
    assert all(t.endswith("。") for t in texts)
    statement = loaded.statement()
    assert statement.startswith(ZH_CHAPEAU + "\n\n“安全理事会回顾")
    assert statement.count("“") == 4 + 1 and statement.endswith("。”")  # 4 paragraphs + the item in the chapeau
    assert all(p.provenance.kind == "typed" for p in loaded.paragraphs)


def test_language_mismatch_is_refused(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    with pytest.raises(InputError, match="in en"):
        service.add_text(draft.id, "强调指出必须保护平民，")
    assert service.get(draft.id).paragraphs == []


def test_move_and_conventional_order_with_stale_version(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    for text in ("Requests the Secretary-General to report;", "Recalling its resolution 1894 (2009),",
                 "Welcomes the updated aide-memoire;"):
        service.add_text(draft.id, text)
    seen = service.get(draft.id)
    assert [t.split()[3] for t in seen.texts()] == ["recalls", "welcomes", "requests"]
    requests, recalls = seen.paragraphs[2], seen.paragraphs[0]
    moved = service.move(draft.id, requests.id, 1, expected_version=seen.version)
    assert [t.split()[3] for t in moved.texts()] == ["requests", "recalls", "welcomes"]
    with pytest.raises(StaleEdit, match="you edited version") as err:
        service.move(draft.id, recalls.id, 2, expected_version=seen.version)
    assert (f"it now reads ¶1 (id {requests.id}) requests the Secretary-General …; ¶2 (id {recalls.id}) recalls "
            "its resolution …") in str(err.value)
    ordered = service.order(draft.id, expected_version=moved.version)
    assert [t.split()[3] for t in ordered.texts()] == ["recalls", "welcomes", "requests"]


def test_stale_paragraph_edit_says_what_changed(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    service.add_text(draft.id, "Strongly condemns all attacks against civilians;")
    mine = service.get(draft.id).paragraphs[0]
    assert mine.id is not None
    theirs = service.edit(draft.id, mine.id, mine.version, "The Security Council firmly condemns all attacks against civilians.")
    assert theirs.version == mine.version + 1
    with pytest.raises(StaleEdit) as err:
        service.edit(draft.id, mine.id, mine.version, "The Security Council condemns attacks.")
    assert "[-strongly-]{+firmly+}" in str(err.value)
    assert "its text changed from version 1 to 2" in str(err.value)
    assert service.get(draft.id).paragraphs[0].text == theirs.text
    with pytest.raises(StaleEdit):
        service.remove(draft.id, mine.id, mine.version)
    service.remove(draft.id, mine.id, theirs.version)
    assert service.get(draft.id).paragraphs == []


def test_convert_reapplies_form_to_text_added_as_is(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    service.add_text(draft.id, "Expressing grave concern at attacks on hospitals,", convert=False)
    assert service.get(draft.id).texts() == ["Expressing grave concern at attacks on hospitals,"]
    [(paragraph, conversion)] = service.convert(draft.id)
    assert paragraph.version == 2
    assert service.get(draft.id).texts() == ["The Security Council expresses grave concern at attacks on hospitals."]
    assert conversion.lead == "Expressing grave concern"


def test_revisions_and_diff(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    with pytest.raises(InputError, match="no paragraphs"):
        service.revise(draft.id)
    service.add_text(draft.id, "Reaffirming its commitment to the protection of civilians,")
    service.add_text(draft.id, "Strongly condemns all attacks against civilians;")
    rev1 = service.revise(draft.id, "first circulation")
    assert rev1.label == "rev.1"
    with pytest.raises(InputError, match="nothing changed since rev.1"):
        service.revise(draft.id)
    current = service.get(draft.id)
    second = current.paragraphs[1]
    assert second.id is not None
    service.edit(draft.id, second.id, second.version, "The Security Council condemns in the strongest terms all attacks "
                                                  "against civilians and humanitarian personnel.")
    service.add_text(draft.id, "Requests the Secretary-General to brief the Council;")
    assert service.revise(draft.id).label == "rev.2"
    diff = service.diff(draft.id, "rev.1", "rev.2")
    text = diff.render()
    assert diff.summary == "rev.1 -> rev.2: 1 changed, 1 added, 0 removed, 0 moved"
    assert "Council [-strongly -]condemns {+in the strongest terms +}all" in text and "{+ and humanitarian personnel+}" in text
    assert "para 3 added:" in text
    assert service.diff(draft.id).old_label == "rev.1"  # nothing changed since rev.2: the last two
    assert service.diff(draft.id, "rev.2", "current").render().endswith("no differences")
    with pytest.raises(InputError, match="no rev.3"):
        service.diff(draft.id, "rev.3")
    exported = service.export(draft.id, revision="rev.1")
    assert "Draft rev.1" in exported and "humanitarian personnel" not in exported


def test_export_parses_and_escapes(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    service.add_text(draft.id, "Stresses <script>alert(1)</script> [link](http://x) and *emphasis* | pipes;")
    service.add_text(draft.id, "# Recalls its resolution 1894 (2009),", convert=False)
    for annotated in (False, True):
        markdown = service.export(draft.id, annotated=annotated)
        tokens = parse(markdown)
        kinds = {t.type for t in tokens}
        assert "html_block" not in kinds and "heading_open" in kinds
        headings = [t for t in tokens if t.type == "heading_open"]
        assert len(headings) == 1  # the "# Recalls" paragraph did not become a heading
        inline = " ".join(t.content for t in tokens if t.type == "inline")
        assert "link_open" not in {c.type for t in tokens if t.children for c in t.children}
        assert "<script>" in inline.replace("\\", "")
    clean = service.export(draft.id)
    assert EN_CHAPEAU in clean.replace("\\", "")


def test_typed_new_paragraph_is_unchecked_until_checked(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(debate_id, "zh")
    assert draft.id is not None
    p = service.add_text(draft.id, INVENTED_ZH)
    assert p.status == "unchecked" and p.provenance.kind == "typed"
    assert replace(p, status="new").mark == "NEW"


# agreed or new, against the real library --------------------------------------------------------


def _library(db) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.library import LibraryService

    report = LibraryService(db).import_paths(sorted(LIBRARY_SAMPLES.glob("*.zh.txt")))
    assert len(report.imported) == 3 and not report.failed


def test_copied_paragraph_is_agreed_and_invented_one_is_new(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    _library(db)
    service = PrstService(db)
    draft = service.new_draft(debate_id, "zh")
    assert draft.id is not None
    from_library = service.add_library(draft.id, "S/RES/2594 (2021), PP 3")
    assert from_library.provenance.kind == "library"
    assert from_library.provenance.citation == "S/RES/2594 (2021), PP 3"
    assert from_library.text.startswith("安理会强调指出，政治解决优先")
    typed_copy = service.add_text(draft.id, seed_paragraph(RES_2518, "促请所有维和行动东道国迅速调查"))
    invented = service.add_text(draft.id, INVENTED_ZH)
    edited = service.add_text(draft.id, "强调指出，政治解决优先应成为联合国处理冲突方针的标志，")
    checked = {p.id: p for p in service.check(draft.id).paragraphs}
    assert checked[from_library.id].status == "agreed"
    assert checked[from_library.id].closest_citation == "S/RES/2594 (2021), PP 3"
    assert checked[from_library.id].similarity == pytest.approx(1.0)
    assert checked[typed_copy.id].status == "agreed"  # typed, but copied unchanged from a resolution
    assert checked[typed_copy.id].closest_citation == "S/RES/2518 (2020), OP 3"
    assert checked[invented.id].status == "new"
    assert checked[invented.id].similarity is not None and checked[invented.id].similarity < 0.5
    assert checked[edited.id].status == "new"  # shortened and reworded: no longer agreed as it stands
    assert checked[edited.id].closest_citation == "S/RES/2594 (2021), PP 3"
    annotated = service.export(draft.id, annotated=True)
    assert "**[商定措辞]**" in annotated and "**[新措辞]**" in annotated  # Chinese throughout
    assert "商定措辞：S/RES/2594 (2021), PP 3。" in annotated and "agreed" not in annotated
    tokens = parse(annotated)
    assert sum(1 for t in tokens if t.type == "footnote_open") == 4


def test_check_is_not_an_edit(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    _library(db)
    service = PrstService(db)
    draft = service.new_draft(debate_id, "zh")
    assert draft.id is not None
    paragraph = service.add_library(draft.id, "S/RES/2518 (2020), OP 1")
    service.check(draft.id)
    after = service.get(draft.id).paragraphs[0]
    assert after.status == "agreed" and after.version == paragraph.version
    assert after.id is not None
    edited = service.edit(draft.id, after.id, after.version, after.text.replace("强调指出", "强调"))
    assert edited.version == after.version + 1
    # an edit is checked as `check` would check it (the mark is of the new text, never the old one's)
    rechecked = service.check(draft.id).paragraphs[0]
    assert (edited.status, edited.closest_citation, edited.similarity) == (
        rechecked.status, rechecked.closest_citation, rechecked.similarity)
    assert edited.provenance.kind == "typed" and edited.provenance.edited_from == paragraph.provenance


def test_unknown_library_reference(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    _library(db)
    service = PrstService(db)
    draft = service.new_draft(debate_id, "zh")
    assert draft.id is not None
    with pytest.raises((NotFound, InputError)):
        service.add_library(draft.id, "S/RES/2594 (2021), OP 99")


def test_paragraph_from_a_convergence_group(db, shared_data) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.statements import StatementService

    debate = DebateService(db).create("Transitional justice", agenda_item="Maintenance of international peace and security",
                                      meeting_number=8723, meeting_date=date(2020, 2, 13))
    assert debate.id is not None
    StatementService(db).import_record(debate.id, [shared_data / "spv_2020_speeches"], meeting=8723)
    groups = StatementService(db).convergence(debate.id)
    service = PrstService(db)
    draft = service.new_draft(debate.id, "en")
    assert draft.id is not None
    assert draft.chapeau.startswith("At the 8723rd meeting of the Security Council, held on 13 February 2020,")
    assert '"Maintenance of international peace and security"' in draft.chapeau
    paragraph = service.add_group(draft.id, groups[0].rank)
    assert paragraph.provenance.kind == "group"
    assert list(paragraph.provenance.supporters) == groups[0].supporters
    assert len(paragraph.provenance.supporters) >= 2
    assert paragraph.provenance.source_text == groups[0].representative.text
    assert paragraph.text.startswith("The Security Council ")
    with pytest.raises(NotFound, match="no convergence group 999"):
        service.add_group(draft.id, 999)


def test_verbatim_clause_is_agreed_but_a_reworded_copy_is_new(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    _library(db)
    service = PrstService(db)
    draft = service.new_draft(debate_id, "zh")
    assert draft.id is not None
    clause = service.add_text(draft.id, "特别指出绩效与军警和文职维和人员安全和安保之间的联系，")
    reworded = service.add_text(draft.id, seed_paragraph(RES_2518, "促请所有维和行动东道国迅速调查").replace("迅速", "立即"))
    checked = {p.id: p for p in service.check(draft.id).paragraphs}
    assert checked[clause.id].status == "agreed"
    assert checked[clause.id].closest_citation == "S/RES/2518 (2020), PP 12"
    assert checked[reworded.id].status == "new"
    assert checked[reworded.id].closest_citation == "S/RES/2518 (2020), OP 3"
    assert checked[reworded.id].similarity is not None and checked[reworded.id].similarity > 0.9
    assert "new language; closest S/RES/2518 (2020), OP 3" in checked[reworded.id].check_summary()


CHAPTER_VII = "Acting under Chapter VII of the Charter of the United Nations,"
SMALL_RESOLUTION = f"""Resolution 9001 (2099)

Adopted by the Security Council at its 9999th meeting, on 1 January 2099

The Security Council,

Recalling its resolution 1894 (2009),

{CHAPTER_VII}

1. Requests the Secretary-General to report every 90 days on the safety of journalists;

2. Decides to remain seized of the matter.
"""


def test_every_path_into_a_draft_converts_alike_and_keeps_the_flags(db, debate_id: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.library import LibraryService

    source = tmp_path / "S_RES_9001_2099_EN.txt"
    source.write_text(SMALL_RESOLUTION, encoding="utf-8")
    assert not LibraryService(db).import_paths([source]).failed
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    expected = draft_text(CHAPTER_VII, "en")
    assert [f.code for f in expected.flags] == ["chapter-vii"]

    typed = service.add_text(draft.id, CHAPTER_VII)
    assert (typed.text, typed.flags) == (expected.text, expected.flags) and typed.id is not None
    with pytest.raises(Conflict, match="already in PRST draft"):  # the same paragraph is never added twice
        service.add_library(draft.id, "S/RES/9001 (2099), PP 2")
    service.remove(draft.id, typed.id, typed.version)
    from_library = service.add_library(draft.id, "S/RES/9001 (2099), PP 2")
    placeholder = service.add_text(draft.id, "The Security Council recalls its resolution 1894 (2009).")
    assert placeholder.id is not None
    edited = service.edit(draft.id, placeholder.id, placeholder.version, CHAPTER_VII)
    for p in (from_library, edited):
        assert (p.text, p.flags) == (expected.text, expected.flags)

    # resolution form typed into the editor is stored converted, as an added paragraph is
    other = service.add_text(draft.id, "The Security Council notes the report of the Secretary-General.")
    assert other.id is not None
    request = service.edit(draft.id, other.id, other.version, "Requests the Secretary-General to brief it;")
    assert (request.text, request.flags) == ("The Security Council requests the Secretary-General to brief it.", ())
    spoken = service.add_text(draft.id, "We call on the Council to request the Secretary-General to brief it monthly.")
    assert spoken.text == "The Security Council requests the Secretary-General to brief it monthly."

    # stored with the paragraph: read back, shown in JSON, kept by the check, in the annotated export
    stored = {p.id: p for p in service.get(draft.id).paragraphs}
    assert stored[from_library.id].flags == expected.flags
    as_json = {p["id"]: p for p in service.get(draft.id).to_json()["paragraphs"]}  # type: ignore[union-attr, index]
    assert as_json[from_library.id]["flags"] == [f.to_json() for f in expected.flags]
    checked = {p.id: p for p in service.check(draft.id).paragraphs}
    assert checked[from_library.id].flags == expected.flags and checked[spoken.id].flags == ()
    annotated = service.export(draft.id, annotated=True)
    assert annotated.count("To review: a presidential statement is not adopted under Chapter VII") == 2
    assert annotated.count("**[review]**") == 2  # brackets that make no link need no escape
    # kept as typed: no conversion, the same review
    as_is = service.add_text(draft.id, "The Security Council acts under Chapter VII.", convert=False)
    assert [f.code for f in as_is.flags] == ["chapter-vii"]


def test_a_convergence_group_in_first_person_comes_in_the_councils_voice(db, debate_id: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.statements import StatementService

    sentence = "We call on the Council to request the Secretary-General to report on attacks against journalists."
    for name, who in (("fra", "Mr. De Rivière (France)"), ("mex", "Mr. De la Fuente (Mexico)"),
                      ("nor", "Ms. Juul (Norway)")):
        (tmp_path / f"{name}.txt").write_text(f"{who}: I thank the briefers. {sentence} Thank you.\n", encoding="utf-8")
    StatementService(db).import_files(debate_id, sorted(tmp_path.glob("*.txt")))
    groups = StatementService(db).convergence(debate_id)
    group = next(g for g in groups if "journalists" in g.representative.text)
    service = PrstService(db)
    draft = service.new_draft(debate_id, "en")
    assert draft.id is not None
    paragraph = service.add_group(draft.id, group.rank)
    expected = draft_text(group.representative.text, "en")
    assert (paragraph.text, paragraph.flags) == (expected.text, expected.flags)
    assert paragraph.text == "The Security Council requests the Secretary-General to report on attacks against journalists."


# -- which draft a debate works on; sending paragraphs to it (issue 13) ------------------------


def test_a_new_draft_becomes_the_current_one_and_use_switches_back(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    assert service.current(debate_id) is None
    first = service.new_draft(debate_id, "en")
    second = service.new_draft(debate_id, "en")
    assert service.current(debate_id) == second  # the one just started is the one worked on
    service.use(first.id)  # type: ignore[arg-type]
    assert service.current(debate_id).id == first.id  # type: ignore[union-attr]
    assert service.resolve(None, debate_id).id == first.id  # what the CLI's commands default to
    assert DebateService(db).get(debate_id).settings.prst_draft == first.id


def test_sending_to_a_debate_without_a_draft_starts_one_and_a_second_send_is_refused(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    from debateprep.domain.errors import Conflict

    service = PrstService(db)
    text = "Stresses the importance of early warning for the protection of civilians,"
    sent = service.send(debate_id, text)
    assert sent.started and sent.draft.id is not None
    assert sent.draft.texts() == ["The Security Council stresses the importance of early warning for the "
                                  "protection of civilians."]
    assert "paragraph 1 of PRST draft" in sent.describe("It") and "started for it" in sent.describe("It")
    with pytest.raises(Conflict, match=r"already in PRST draft #\d+ as paragraph 1"):
        service.send(debate_id, text)
    with pytest.raises(Conflict, match="as paragraph 1"):  # the same words typed again, in PRST form
        service.add_text(sent.draft.id, "The Security Council stresses the importance of early warning "
                                        "for the protection of civilians.")
    assert len(service.get(sent.draft.id).paragraphs) == 1 and len(service.drafts(debate_id)) == 1


def test_a_paragraph_in_the_other_language_starts_no_draft(db, debate_id: int) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    with pytest.raises(InputError, match="is in en; this paragraph is in zh"):
        service.send(debate_id, "强调指出预警对保护平民的重要性，")
    assert service.drafts(debate_id) == []
