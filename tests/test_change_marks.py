"""Changes made by another process are noticed: two `Services` on one database (SQLite file and
PostgreSQL), one playing the terminal UI, the other a command run meanwhile or a colleague."""

from __future__ import annotations

import threading

from debateprep.services.facade import Services
from debateprep.services.topics import Topic


def test_a_change_by_another_process_is_noticed_once(db_url: str) -> None:
    app, other = Services.for_url(db_url), Services.for_url(db_url)
    try:
        debate = app.debates.create("Upholding the Charter")
        assert debate.id is not None
        assert app.changes_elsewhere() == frozenset()  # the first look only takes note
        other.speakers.add(debate.id, "China")
        assert app.changes_elsewhere() == {Topic.SPEAKERS}
        assert app.changes_elsewhere() == frozenset()  # said once
        app.speakers.add(debate.id, "France")  # the app's own change: it reloaded already
        assert app.changes_elsewhere() == frozenset()
        app.speakers.add(debate.id, "Ghana")
        other.speakers.add(debate.id, "Brazil")  # own and others' mixed: still noticed
        other.prst.new_draft(debate.id)
        assert app.changes_elsewhere() == {Topic.SPEAKERS, Topic.PRST, Topic.DEBATES}
        assert other.changes_elsewhere() == frozenset()  # (its first look)
        app.statements.remove_all(debate.id)
        assert other.changes_elsewhere() == {Topic.STATEMENTS}
    finally:
        app.close()
        other.close()


def test_writers_raising_the_same_mark_at_once_all_succeed(db_url: str) -> None:
    """Marks are raised after each change, outside its transaction: on PostgreSQL two colleagues
    adding speakers at the same moment both succeed (a counter inside REPEATABLE READ would refuse one)."""
    setup = Services.for_url(db_url)
    debate = setup.debates.create("Upholding the Charter")
    assert debate.id is not None and setup.changes_elsewhere() == frozenset()
    names = ["Argentina", "Australia", "Austria", "Bangladesh", "Belgium", "Canada", "Chile", "Colombia", "Cuba",
             "Denmark", "Egypt", "Estonia", "Finland", "Germany", "India", "Indonesia", "Ireland", "Italy", "Japan",
             "Kenya"]
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def add(n: int) -> None:
        services = Services.for_url(db_url)
        try:
            start.wait()
            for i in range(5):
                services.speakers.add(debate.id, names[n * 5 + i])
        except BaseException as exc:  # noqa: BLE001 - collected, asserted below
            errors.append(exc)
        finally:
            services.close()

    threads = [threading.Thread(target=add, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        from debateprep.storage.changes import read_marks

        assert read_marks(setup.db)[Topic.SPEAKERS] == 20
        assert setup.changes_elsewhere() == {Topic.SPEAKERS}
    finally:
        setup.close()
