"""Agreed language offered for a debate's questions (the brief, `ours sources`, F7): relevant by the
coverage matcher above the floor, on the debate's subject, adopted before the debate, shown with
its relevance and why; and quoted as adopted when inserted into our statement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from debateprep.domain.resolution import symbol_year
from debateprep.exporters.brief import render_brief
from debateprep.services.agreed_language import RELEVANCE_FLOOR, adopted_before
from debateprep.services.brief import BriefService
from debateprep.services.debates import DebateService
from debateprep.services.our_statement import OurStatementService
from debateprep.services.sample import load_sample
from debateprep.storage.db import Database
from tests.conftest import CliResult, shared_data  # noqa: F401 - fixture

# What a protection-of-civilians debate was offered before the floor (paragraphs on Israel, Botswana,
# the ICJ Statute, Cyprus, minorities in Kashmir), scoring 0.46-0.64 in wording similarity.
OFF_SUBJECT = ("S/RES/487 (1981)", "S/RES/572 (1985)", "S/RES/9 (1946)", "S/RES/698 (1991)", "S/RES/47 (1948)")


def _debates(db: Database) -> tuple[int, int]:
    """The sample: (the English debate on transitions, 2026; the seed debate, 12 February 2014)."""
    load_sample(db)
    debates = DebateService(db).list()
    english = next(d.id for d in debates if d.language == "en")
    seed = next(d.id for d in debates if d.meeting_number == 7109)
    assert english is not None and seed is not None
    return english, seed


def test_adopted_before_the_meeting() -> None:
    meeting = date(2014, 2, 12)
    assert adopted_before("S/RES/1894 (2009)", None, meeting)
    assert not adopted_before("S/RES/2594 (2021)", None, meeting)
    assert not adopted_before("S/PRST/2014/3", None, meeting)  # the same year, no date: it may be the outcome
    assert adopted_before("S/PRST/2014/1", date(2014, 1, 10), meeting)
    assert not adopted_before("S/PRST/2014/3", date(2014, 2, 12), meeting)  # adopted at the meeting itself
    assert adopted_before("S/RES/2594 (2021)", None, None)


def test_sample_library_for_the_sample_debates(db) -> None:  # type: ignore[no-untyped-def]
    english, seed = _debates(db)
    ours = OurStatementService(db)
    # 2014: every paragraph of the sample library (2020-2021) came later; the brief says none is close
    statement = ours.new(seed, "zh", delegation="China")
    assert all(s.suggestions == () for s in statement.sections)
    _, data = BriefService(db).gather(seed)
    assert data.agreed_language == []
    md = render_brief(data, "zh")
    assert "未找到相近的商定措辞" in md[md.index("## 相关商定措辞"):]
    # 2026, a note citing S/RES/2594 (2021): its paragraphs, each above the floor, with why
    statement = ours.new(english, "zh", delegation="China")
    offered = [s for section in statement.sections for s in section.suggestions]
    assert offered and all(s.similarity >= RELEVANCE_FLOOR and s.matched and s.subject for s in offered)
    assert any(s.subject == "cited" and s.citation.startswith("S/RES/2594 (2021)") for s in offered)
    assert all("matched: " in s.describe() and f"{s.similarity:.0%}" in s.describe() for s in offered)
    # moved before 2021, the debate is offered nothing adopted in 2021
    debate = DebateService(db).get(english)
    DebateService(db).update(debate, meeting_date=date(2021, 1, 15))
    ours.refresh_sources(statement.id or 0)
    later = [s for section in ours.get(statement.id or 0).sections for s in section.suggestions]
    assert all((symbol_year(s.citation.split(",")[0]) or 0) < 2021 for s in later)


def test_old_resolutions_on_other_subjects_are_not_offered(sqlite_db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    english, _seed = _debates(sqlite_db)
    from debateprep.services.library import LibraryService

    LibraryService(sqlite_db).import_paths([shared_data / "resolutions_en_1946-1994"])
    _, data = BriefService(sqlite_db).gather(english, lang="en")
    items = [i for i in data.agreed_language or [] if i.question is not None]
    assert not any(i.citation.startswith(OFF_SUBJECT) for i in items), [i.citation for i in items]
    assert all(i.relevance is not None and i.relevance >= RELEVANCE_FLOOR and i.matched for i in items)
    md = render_brief(data, "en")
    body = md[md.index("## Relevant agreed language"):md.index("## Draft presidential statement")]
    assert all(f"relevance {i.relevance:.0%}: matched " in body for i in items if i.relevance is not None)
    statement = OurStatementService(sqlite_db).new(english, "en", delegation="Norway")
    offered = [s for section in statement.sections for s in section.suggestions]
    assert all(s.similarity >= RELEVANCE_FLOOR and not s.citation.startswith(OFF_SUBJECT) for s in offered)


def test_inserted_language_is_quoted_as_adopted_through_the_cli(cli: Callable[..., CliResult],  # type: ignore[no-untyped-def]
                                                                 shared_data: Path) -> None:
    assert cli(["demo", "--no-tui"]).exit_code == 0
    assert cli(["library", "import", shared_data / "resolutions_en_1946-1994" / "S_RES_0836_1993_EN_GOLD.txt"]
               ).exit_code == 0
    made = cli(["ours", "new", "2", "--lang", "en", "--delegation", "Norway", "--json"])
    assert made.exit_code == 0, made.stderr
    section = made.json()["sections"][1]["id"]  # type: ignore[index]
    inserted = cli(["ours", "insert", "1", str(section), "--library", "S/RES/836 (1993), PP 12", "--json"])
    assert inserted.exit_code == 0, inserted.stderr
    last = inserted.json()["text"].split("\n\n")[-1]  # type: ignore[index]
    assert last.startswith('We recall that in resolution 836 (1993) the Council is "[d]etermined to ensure the '
                           'protection of the civilian population in safe areas'), last
    zh = cli(["ours", "new", "2", "--delegation", "China", "--json"])
    zh_section = zh.json()["sections"][1]["id"]  # type: ignore[index]
    quoted = cli(["ours", "insert", "2", str(zh_section), "--library", "S/RES/2594 (2021), OP 4", "--json"])
    assert quoted.exit_code == 0, quoted.stderr
    assert quoted.json()["text"].split("\n\n")[-1].startswith(  # type: ignore[index]
        "我们回顾，安理会在第2594(2021)号决议中“强调指出，必须根据关于实地局势的准确可靠信息")
