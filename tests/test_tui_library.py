"""The agreed-language pane, driven with Pilot (and one snapshot)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from textual import on
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from debateprep.services.library import LibraryService
from debateprep.services.facade import Services
from debateprep.tui.messages import SendToPrst
from debateprep.tui.screens.library import DEBOUNCE_SECONDS, LibraryPane, parse_years
from tests.support import pilot as support
from tests.support.pilot import SIZE, RecordingApp


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot scenario as a plain test (fixtures still come by name)."""

    @functools.wraps(test)
    def runner(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return runner


class SentApp(RecordingApp):
    """The real app, also keeping the SendToPrst messages that reach it."""

    def __init__(self, db) -> None:  # type: ignore[no-untyped-def]
        super().__init__(Services(db), offer_sample=False)
        self.sent: list[SendToPrst] = []

    @on(SendToPrst)
    def _record(self, message: SendToPrst) -> None:
        self.sent.append(message)


async def settle(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await support.settle(pilot, delay=DEBOUNCE_SECONDS + 0.05)  # past the search debounce


async def open_pane(pilot: Pilot) -> LibraryPane:  # type: ignore[type-arg]
    await settle(pilot)
    await pilot.press("f4")
    await settle(pilot)
    return pilot.app.query_one(LibraryPane)


async def search(pilot: Pilot, text: str) -> DataTable:  # type: ignore[type-arg]
    box = pilot.app.query_one("#lib-query", Input)
    box.focus()
    box.value = ""
    await pilot.press(*text)
    await settle(pilot)
    return pilot.app.query_one("#lib-table", DataTable)


def _citations(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


@sync
async def test_empty_library_says_how_to_fill_it(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        status = str(app.query_one("#lib-status", Static).render())
        assert "library is empty" in status and "ctrl+l" in status
        app.query_one("#lib-table", DataTable).focus()
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert "3 documents in the library" in str(app.query_one("#lib-status", Static).render())


@sync
async def test_english_search_of_a_chinese_library_says_why(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    LibraryService(sqlite_db).load_sample()
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        table = await search(pilot, "civilians")
        assert table.row_count == 0
        status = str(app.query_one("#lib-status", Static).render())
        assert "the library holds only 3 Chinese documents" in status and "nothing in English" in status
        assert "ctrl+t" in status


@sync
async def test_search_as_you_type_chinese(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    LibraryService(sqlite_db).load_sample()
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        table = await search(pilot, "平民")
        expected = {h.citation for h in LibraryService(sqlite_db).search("平民", limit=100)}
        assert set(_citations(table)) == expected and len(expected) > 5
        status = str(app.query_one("#lib-status", Static).render())
        assert status.startswith(f"{len(expected)} paragraphs for '平民'")
        context = str(app.query_one("#lib-context", Static).render())
        assert _citations(table)[0] in context and "平民" in context


@sync
async def test_filters_and_context_follow_the_cursor(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    LibraryService(sqlite_db).load_sample()
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        app.query_one("#lib-kind", Select).value = "OP"
        app.query_one("#lib-lead", Input).value = "请"
        table = await search(pilot, "秘书长")
        cites = _citations(table)
        assert cites and all(", OP " in c for c in cites)
        assert {str(table.get_row_at(i)[1]) for i in range(table.row_count)} == {"请"}
        table.focus()
        await pilot.press("down")
        await settle(pilot)
        context = str(app.query_one("#lib-context", Static).render())
        assert cites[1] in context
        app.query_one("#lib-years", Input).value = "2021-2021"
        await settle(pilot)
        assert all("(2021)" in c for c in _citations(table))
        app.query_one("#lib-years", Input).value = "twenty"
        await settle(pilot)
        assert "years:" in str(app.query_one("#lib-status", Static).render())


@sync
async def test_send_to_prst_posts_text_and_citation(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    LibraryService(sqlite_db).load_sample()
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        table = await search(pilot, "决定继续处理此案")
        assert table.row_count == 3
        table.focus()
        await pilot.press("p")
        await pilot.pause()
        assert len(app.sent) == 1
        sent = app.sent[0]
        assert sent.citation == _citations(table)[0]
        assert sent.text == "决定继续处理此案。" and sent.lang == "zh"
        assert sent.paragraph_id is not None


@sync
async def test_square_brackets_are_shown_verbatim(sqlite_db, shared_data) -> None:  # type: ignore[no-untyped-def]
    """Resolution 21 (1947) cites "[S/318]"-style text: markup must not eat brackets."""
    svc = LibraryService(sqlite_db)
    report = svc.import_paths([shared_data / "resolutions_en_1946-1994" / "S_RES_0005_1946_EN_GOLD.txt"])
    assert report.imported
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        await search(pilot, "resolution 3")
        context = str(app.query_one("#lib-context", Static).render())
        assert "[resolution 3 (1946)]" in context


def test_parse_years() -> None:
    assert parse_years("") == (None, None)
    assert parse_years("2000-2021") == (2000, 2021)
    assert parse_years("2015-") == (2015, None)
    assert parse_years("-1994") == (None, 1994)
    assert parse_years("2021") == (2021, 2021)


def test_snapshot(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    LibraryService(sqlite_db).load_sample()
    app = SentApp(sqlite_db)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_pane(pilot)
        await search(pilot, "保护平民")
        app.query_one("#lib-table", DataTable).focus()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@sync
async def test_x_removes_the_highlighted_document_after_asking(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from debateprep.tui.screens.brief_dialogs import ConfirmScreen

    LibraryService(sqlite_db).load_sample()
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        table = await search(pilot, "决定继续处理此案")
        first = _citations(table)[0].split(",")[0]
        table.focus()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and first in app.screen.question
        await pilot.press("n")  # No: nothing is removed
        await settle(pilot)
        assert LibraryService(sqlite_db).count() == 3
        table.focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert [d.symbol for d in LibraryService(sqlite_db).documents()] == sorted(
            {"S/RES/2518 (2020)", "S/RES/2589 (2021)", "S/RES/2594 (2021)"} - {first})
        assert table.row_count == 2 and first not in " ".join(_citations(table))  # the results follow


@sync
async def test_a_search_that_finds_nothing_says_why_in_chinese(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """In the Chinese interface the explanation of an empty result is Chinese, with only the command
    and the query as typed left in their own script."""
    from debateprep import i18n
    from tests.test_i18n import _english_runs

    LibraryService(sqlite_db).load_sample()
    i18n.set_language("zh")
    app = SentApp(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        table = await search(pilot, "猫狗")
        assert table.row_count == 0
        status = str(app.query_one("#lib-status", Static).render())
        assert "资料库（3份中文文件" in status and "没有段落包含'猫狗'的全部词语" in status
        assert _english_runs(status) == [], status
        await search(pilot, "civilians")
        status = str(app.query_one("#lib-status", Static).render())
        assert "没有英文文件" in status and _english_runs(status) == [], status
