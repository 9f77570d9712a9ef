"""The seam: one `Services` object, every change announced with its topics, every topic shown."""

from __future__ import annotations

import ast
import inspect
import textwrap
from functools import cached_property
from pathlib import Path

import pytest

from debateprep.domain.errors import NotFound
from debateprep.services.backup import BackupService
from debateprep.services.brief import BriefService
from debateprep.services.debates import DebateService
from debateprep.services.facade import Services
from debateprep.services.library import LibraryService
from debateprep.services.notes import NotesService
from debateprep.services.our_statement import OurStatementService
from debateprep.services.prst import PrstService
from debateprep.services.speakers import SpeakersService
from debateprep.services.statements import StatementService
from debateprep.services.topics import ALL, CHANGES, OWN_CHANGES, READS, Topic
from tests.conftest import SAMPLES

SEED_NOTE = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"
CLASSES: dict[str, type] = {
    "notes": NotesService, "debates": DebateService, "speakers": SpeakersService, "statements": StatementService,
    "library": LibraryService, "prst": PrstService, "ours": OurStatementService, "brief": BriefService,
    "backup": BackupService,
}
SERVICES = tuple(CLASSES)


def _public(cls: type) -> set[str]:
    return {name for name, value in vars(cls).items() if not name.startswith("_")
            and (inspect.isfunction(value) or isinstance(value, property | cached_property))}


def test_every_service_is_reached_through_services() -> None:
    reached = {name: value.func.__annotations__["return"] for name, value in vars(Services).items()
               if isinstance(value, cached_property) and name != "roster"}
    assert reached == {name: cls.__name__ for name, cls in CLASSES.items()}
    assert set(SERVICES) == set(CHANGES) == set(READS)


@pytest.mark.parametrize("name", SERVICES)
def test_every_public_method_is_a_change_with_topics_or_a_read(name: str) -> None:
    """A new method fails here until it is classified in services/topics.py (a change needs topics)."""
    public = _public(CLASSES[name])
    changes, reads = set(CHANGES[name]), READS[name]
    assert not changes & reads
    assert public == changes | reads, f"classify in services/topics.py: {sorted(public ^ (changes | reads))}"
    assert all(CHANGES[name][m] for m in changes), "a change announces at least one topic"


@pytest.mark.parametrize("name", SERVICES)
def test_a_method_that_writes_is_not_filed_as_a_read(name: str) -> None:
    """A read that opens a transaction, or calls one of the service's changes, is a change."""
    cls = CLASSES[name]
    changes = set(CHANGES[name])
    writers = set()
    for method in READS[name]:
        value = vars(cls)[method]
        function = value.fget if isinstance(value, property) else value.func if isinstance(value, cached_property) else value
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "transaction":
                writers.add(method)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in changes
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "self"):
                writers.add(method)
    assert writers == set()


def test_every_topic_is_announced_by_some_change() -> None:
    announced = {t for methods in CHANGES.values() for topics in methods.values() for t in topics}
    announced |= {t for topics in OWN_CHANGES.values() for t in topics}
    assert announced == set(Topic) == ALL


def test_a_change_announces_its_topics_once(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    services = Services(sqlite_db)
    heard: list[frozenset[Topic]] = []
    unsubscribe = services.subscribe(heard.append)
    imported = services.notes.import_file(SEED_NOTE)
    assert heard == [frozenset({Topic.NOTES, Topic.QUESTIONS, Topic.DEBATES})]
    question = imported.note.note.questions[0]
    assert question.id is not None
    services.notes.edit_question(question.id, "如何进一步推动各方形成共识？", question.version)
    assert heard[-1] == {Topic.QUESTIONS}
    assert imported.debate_id is not None
    entry = services.speakers.add(imported.debate_id, "China")
    assert entry.id is not None
    heard.clear()
    services.speakers.withdraw(entry.id)  # withdraw is an update: one notice, not two
    assert heard == [frozenset({Topic.SPEAKERS})]
    heard.clear()
    services.speakers.view(imported.debate_id)  # a read says nothing
    with pytest.raises(NotFound):
        services.speakers.withdraw(10**6)  # a refused change says nothing
    assert heard == []
    unsubscribe()
    services.debates.create("Upholding the Charter")
    assert heard == []


def test_the_database_opens_on_first_use(tmp_path: Path) -> None:
    services = Services.for_url(f"sqlite:///{tmp_path / 'lazy.db'}")
    assert not services.is_open and not (tmp_path / "lazy.db").exists()
    assert services.debates.list() == []
    assert services.is_open and (tmp_path / "lazy.db").exists()
    services.close()
