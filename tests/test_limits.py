"""One set of limits, checked before storage, the same on SQLite and PostgreSQL (issue 17): what
SQLite would have stored and PostgreSQL refused (or dropped) is refused, or cleaned, alike."""

from __future__ import annotations

from datetime import date

import pytest

from debateprep.domain import limits
from debateprep.domain.errors import InputError
from debateprep.services.debates import DebateService
from debateprep.services.speakers import SpeakersService


def test_clean_text_and_check_text() -> None:
    assert limits.clean_text("保护\x00平民\x1b[31m\n\tnext\r\n") == "保护平民[31m\n\tnext\r\n"
    assert limits.clean_text("a\nb\tc\x00", single_line=True) == "a b c "
    assert limits.check_text("中" * 300, "name", 300) == "中" * 300
    with pytest.raises(InputError, match=r"name is 301 characters long \(at most 300\)"):
        limits.check_text("中" * 301, "name", 300)
    with pytest.raises(InputError, match="not valid text"):
        limits.check_text("bad\udcff", "name", 300)
    with pytest.raises(InputError, match="out of range"):
        limits.check_integer(2**31, "draw")


def test_a_long_name_is_refused_in_one_line_on_both_databases(db) -> None:  # type: ignore[no-untyped-def]
    debate = DebateService(db).create("Protection of civilians", meeting_date=date(2014, 2, 12))
    speakers = SpeakersService(db)
    with pytest.raises(InputError) as refused:
        speakers.add(debate.id, "x" * 400, person=True)
    message = str(refused.value)
    assert message.startswith("delegation is 400 characters long (at most 300)")
    assert "\n" not in message
    assert speakers.entries(debate.id) == []
    entry = speakers.add(debate.id, "China")
    with pytest.raises(InputError, match="representative is 301 characters"):
        speakers.update(entry.id, entry.version, representative="张" * 301)
    with pytest.raises(InputError, match="draw 4294967296 is out of range"):
        speakers.update(entry.id, entry.version, draw=2**32)
    assert speakers.entry(entry.id).version == entry.version


def test_control_characters_are_removed_alike_on_both_databases(db) -> None:  # type: ignore[no-untyped-def]
    debate = DebateService(db).create("保护\x00平民\x1b]0;title\x07")
    assert DebateService(db).get(debate.id).title == "保护平民]0;title"
    entry = SpeakersService(db).add(debate.id, "Mr. X\x00\nY", person=True, notes="line 1\nline\x002")
    stored = SpeakersService(db).entry(entry.id)
    assert stored.delegation == "Mr. X  Y" and stored.notes == "line 1\nline2"
