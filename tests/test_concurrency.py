"""Two people, one database: optimistic concurrency with real, separate connections (SQLite and
PostgreSQL). A save of a stale version is refused naming what changed; simultaneous saves never
silently overwrite each other."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from debateprep.domain.errors import Conflict, NotFound, StaleEdit
from debateprep.services.debates import DebateService
from debateprep.storage.db import Database, open_database
from tests.support import figures

ROUNDS = 12
PEOPLE = 3


@pytest.fixture
def two(db_url: str):  # type: ignore[no-untyped-def]
    """Two Database objects (two engines, two connection pools) on the same database."""
    first, second = open_database(db_url), open_database(db_url)
    yield first, second
    first.dispose()
    second.dispose()


def race(url: str, read: Callable[[Database], Any], save: Callable[[Database, Any, str], None],
         version: Callable[[Database], int]) -> dict[str, int]:
    """PEOPLE threads, each with its own Database, read the same record and save at once, ROUNDS times.

    Exactly one save per round may win; the others must be refused (StaleEdit, or Conflict when
    PostgreSQL sees both in flight); the record's version counts the winners exactly.
    """
    dbs = [open_database(url) for _ in range(PEOPLE)]
    start = version(dbs[0])
    barrier = threading.Barrier(PEOPLE)
    wins, refused, stale, crashed = [0] * PEOPLE, [0] * PEOPLE, [0] * PEOPLE, []

    def person(i: int) -> None:
        try:
            for r in range(ROUNDS):
                seen = read(dbs[i])
                barrier.wait(timeout=30)
                try:
                    save(dbs[i], seen, f"person {i}, round {r}")
                    wins[i] += 1
                except StaleEdit:
                    stale[i] += 1
                    refused[i] += 1
                except Conflict:
                    refused[i] += 1
                barrier.wait(timeout=30)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            crashed.append(repr(exc))
            barrier.abort()

    threads = [threading.Thread(target=person, args=(i,)) for i in range(PEOPLE)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    final = version(dbs[0])
    for d in dbs:
        d.dispose()
    assert crashed == []
    figures.add("concurrency: simultaneous saves raced", PEOPLE * ROUNDS)
    figures.add("concurrency: simultaneous saves refused", sum(refused))
    assert sum(wins) == ROUNDS, f"one winner per round: {wins}"
    assert sum(refused) == (PEOPLE - 1) * ROUNDS
    assert final - start == ROUNDS, "no save overwrote another silently"
    return {"wins": sum(wins), "refused": sum(refused), "stale": sum(stale)}


# -- debates ---------------------------------------------------------------------------------


def test_stale_debate_save_is_refused_naming_what_changed(two) -> None:
    first, second = two
    made = DebateService(first).create("Protection of civilians in armed conflict", presidency="Lithuania")
    mine, theirs = DebateService(first).get(made.id), DebateService(second).get(made.id)
    DebateService(first).update(mine, presidency="立陶宛")
    with pytest.raises(StaleEdit) as refused:
        DebateService(second).update(theirs, title="Protection of civilians (edited by the second person)")
    message = str(refused.value)
    assert "debate #1 was changed by someone else (you edited version 1, it is now version 2)" in message
    assert "presidency" in message and "reload" in message
    stored = DebateService(second).get(made.id)
    assert (stored.title, stored.presidency, stored.version) == (made.title, "立陶宛", 2)
    figures.add("concurrency: stale saves refused")


def test_simultaneous_debate_saves_never_lose_an_edit(db_url: str) -> None:
    debate = DebateService(open_database(db_url)).create("race")
    race(db_url,
         read=lambda db: DebateService(db).get(debate.id),
         save=lambda db, seen, value: DebateService(db).update(seen, presidency=value),
         version=lambda db: DebateService(db).get(debate.id).version)


# -- speakers list entries (helper B) --------------------------------------------------------


def _speaker(db: Database) -> tuple[Any, int]:
    from debateprep.services.speakers import SpeakersService

    debate = DebateService(db).create("Protection of civilians in armed conflict", meeting_number=7109)
    entry = SpeakersService(db).add(debate.id, "Lithuania")
    return SpeakersService, entry.id


def test_stale_speakers_entry_save_is_refused_naming_what_changed(two) -> None:
    first, second = two
    service, entry_id = _speaker(first)
    mine, theirs = service(first).entry(entry_id), service(second).entry(entry_id)
    service(first).update(entry_id, seen=mine, notes="will speak in Chinese")
    with pytest.raises(StaleEdit) as refused:
        service(second).update(entry_id, seen=theirs, planned_minutes=4)
    assert "speakers entry" in str(refused.value) and "notes" in str(refused.value)
    stored = service(second).entry(entry_id)
    assert (stored.notes, stored.planned_minutes, stored.version) == ("will speak in Chinese", None, 2)
    figures.add("concurrency: stale saves refused")


def test_simultaneous_speakers_entry_saves_never_lose_an_edit(db_url: str) -> None:
    service, entry_id = _speaker(open_database(db_url))
    race(db_url,
         read=lambda db: service(db).entry(entry_id),
         save=lambda db, seen, value: service(db).update(entry_id, seen=seen, notes=value),
         version=lambda db: service(db).entry(entry_id).version)


# -- PRST paragraphs (helper E) --------------------------------------------------------------


def _paragraph(db: Database) -> tuple[Any, int]:
    from debateprep.services.prst import PrstService

    debate = DebateService(db).create("Protection of civilians in armed conflict", meeting_number=7109)
    draft = PrstService(db).new_draft(debate.id)
    PrstService(db).add_text(draft.id, "The Security Council reaffirms its primary responsibility for the "
                                       "maintenance of international peace and security.")
    return PrstService, draft.id


def test_stale_prst_paragraph_save_is_refused_naming_what_changed(two) -> None:
    first, second = two
    service, draft_id = _paragraph(first)
    mine = service(first).get(draft_id).paragraphs[0]
    theirs = service(second).get(draft_id).paragraphs[0]
    service(first).edit(draft_id, mine.id, mine.version,
                        "The Security Council strongly condemns all attacks against civilians.")
    with pytest.raises(StaleEdit) as refused:
        service(second).edit(draft_id, theirs.id, theirs.version, "The Security Council expresses concern.")
    message = str(refused.value)
    assert f"¶1 (id {mine.id}) of PRST draft #{draft_id} was changed by " in message
    assert "its text changed from version 1 to 2: " in message
    assert "{+strongly condemns all attacks against civilians+}" in message  # a rewrite reads as one change
    assert "condemns" in service(second).get(draft_id).paragraphs[0].text
    figures.add("concurrency: stale saves refused")


AAA, BBB, CCC = (f"The Security Council {verb} {what}." for verb, what in
                 (("reaffirms", "AAA"), ("stresses", "BBB"), ("requests", "CCC")))


def _three(db: Database) -> tuple[Any, int]:
    from debateprep.services.prst import PrstService

    debate = DebateService(db).create("Protection of civilians in armed conflict", meeting_number=7109)
    draft = PrstService(db).new_draft(debate.id, "en")
    assert draft.id is not None
    for position, text in enumerate((AAA, BBB, CCC), start=1):
        PrstService(db).add_text(draft.id, text, convert=False, position=position)
    return PrstService, draft.id


def test_a_concurrent_move_never_sends_an_edit_or_a_removal_to_another_paragraph(two) -> None:
    """Issue 17: one person moves a paragraph while another edits (or removes) what they saw at
    position 2. Addressed by id, the edit lands on the paragraph they saw, and nothing is lost."""
    first, second = two
    service, draft_id = _three(first)
    seen = service(second).get(draft_id)
    bbb = seen.paragraphs[1]
    assert bbb.text == BBB and bbb.id is not None
    moved = service(first).move(draft_id, seen.paragraphs[2].id, 2, seen.version)  # AAA, CCC, BBB
    assert moved.texts() == [AAA, CCC, BBB]
    service(second).edit(draft_id, bbb.id, bbb.version, "The Security Council stresses BBB revised.")
    assert service(first).get(draft_id).texts() == [AAA, CCC, "The Security Council stresses BBB revised."]
    with pytest.raises(StaleEdit) as refused:  # the text they saw is gone: removing it is refused
        service(first).remove(draft_id, bbb.id, bbb.version)
    assert "its text changed from version 1 to 2" in str(refused.value)
    gone = service(first).remove(draft_id, bbb.id, bbb.version + 1)
    assert gone.text.endswith("BBB revised.") and service(second).get(draft_id).texts() == [AAA, CCC]
    with pytest.raises(NotFound, match=f"no paragraph id {bbb.id} in PRST draft #{draft_id}"):
        service(second).edit(draft_id, bbb.id, bbb.version + 1, "The Security Council stresses BBB again.")
    figures.add("concurrency: stale saves refused", 2)


def test_a_move_against_a_draft_someone_reordered_is_refused_saying_how_it_reads(two) -> None:
    first, second = two
    service, draft_id = _three(first)
    seen = service(second).get(draft_id)
    service(first).move(draft_id, seen.paragraphs[2].id, 1, seen.version)
    with pytest.raises(StaleEdit) as refused:
        service(second).move(draft_id, seen.paragraphs[0].id, 3, seen.version)
    message = str(refused.value)
    assert f"PRST draft #{draft_id} was changed by " in message and "someone else" not in message
    assert f"¶1 (id {seen.paragraphs[2].id}) requests CCC" in message
    assert service(second).get(draft_id).texts() == [CCC, AAA, BBB]


def test_cli_edit_after_a_concurrent_move_lands_on_the_paragraph_addressed(db_url: str) -> None:
    """The reported run: `prst move` by one person, `prst edit … --version 1` by another."""
    from tests.conftest import run_cli

    service, draft_id = _three(open_database(db_url))
    shown = run_cli(["prst", "show", str(draft_id)], db_url).stdout
    ids = [int(line.split("(id ")[1].split(",")[0]) for line in shown.splitlines() if line.startswith("¶")]
    assert [f"¶{n} (id {i}, v1)" in shown for n, i in enumerate(ids, start=1)] == [True] * 3
    assert run_cli(["prst", "move", str(draft_id), str(ids[2]), "2"], db_url).exit_code == 0
    edit = run_cli(["prst", "edit", str(draft_id), str(ids[1]), "The Security Council stresses BBB revised.",
                    "--version", "1"], db_url)
    assert edit.exit_code == 0, edit.stderr
    assert edit.stdout.startswith(f"¶3 (id {ids[1]}, v2): ")
    assert service(open_database(db_url)).get(draft_id).texts() == [AAA, CCC, "The Security Council stresses BBB revised."]
    stale = run_cli(["prst", "remove", str(draft_id), str(ids[1]), "--version", "1"], db_url)
    assert stale.exit_code == 2 and "its text changed from version 1 to 2" in stale.stderr
    assert "check changed" not in stale.stderr
    gone = run_cli(["prst", "remove", str(draft_id), str(ids[0])], db_url)
    assert gone.exit_code == 0 and service(open_database(db_url)).get(draft_id).texts()[0] == CCC


def test_simultaneous_prst_paragraph_saves_never_lose_an_edit(db_url: str) -> None:
    service, draft_id = _paragraph(open_database(db_url))
    race(db_url,
         read=lambda db: service(db).get(draft_id).paragraphs[0],
         save=lambda db, seen, value: service(db).edit(draft_id, seen.id, seen.version,
                                                       f"The Security Council notes {value}."),
         version=lambda db: service(db).get(draft_id).paragraphs[0].version)
