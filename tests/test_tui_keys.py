"""Every key of every pane, on the demo debate half-way through the job (issue 13): after the key's
action the keyboard is somewhere useful — a focused widget inside the pane shown (or the dialog
the key opened), and it is the widget the action's result lives in. A dialog closed with Escape
hands the keyboard back to the pane. A new binding without an expectation here fails the test."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import TabbedContent

from debateprep.services.facade import Services
from debateprep.storage.db import open_database
from debateprep.tui.app import TABS, DebatePrepApp, pane_class
from debateprep.tui.pane import Pane
from tests.support.pilot import SIZE, settle, tui_app
from tests.support.workflow import seed_demo

TAB_KEY = {tab_id: key for tab_id, _label, _path, key in TABS}

# binding id -> (keys pressed first, what has the focus after: "#widget-id" or a dialog's class name)
EXPECTED: dict[str, tuple[tuple[str, ...], str]] = {
    # the app
    "tab-notes": ((), "#cn-questions"), "tab-speakers": ((), "#sp-table"), "tab-statements": ((), "#st-table"),
    "tab-library": ((), "#lib-query"), "tab-prst": ((), "#prst-paragraphs"), "tab-brief": ((), "#brief-rendered"),
    "tab-ours": ((), "#ours-sections"), "pick-debate": ((), "DebatePickerScreen"),
    "switch-language": ((), "#cn-questions"),
    # F1 concept note
    "concept-note.import": ((), "ImportNoteScreen"), "concept-note.edit": ((), "QuestionDialog"),
    "concept-note.add": ((), "QuestionDialog"), "concept-note.delete": ((), "#cn-questions"),
    "concept-note.restore": ((), "#cn-questions"), "concept-note.move-up": (("down",), "#cn-questions"),
    "concept-note.move-down": ((), "#cn-questions"), "concept-note.reset": ((), "#cn-questions"),
    "concept-note.text": ((), "#cn-sections"),
    # F2 speakers
    "speakers-add": ((), "EntryDialog"), "speakers-council": ((), "#sp-table"), "speakers-edit": ((), "EntryDialog"),
    "speakers-withdraw": ((), "#sp-table"), "speakers-move-up": (("down", "down", "down", "down", "down"), "#sp-table"),
    "speakers-move-down": (("down", "down", "down", "down"), "#sp-table"), "speakers-pin": ((), "#sp-table"),
    "speakers-clear": ((), "#sp-table"), "speakers-timer": ((), "#sp-table"), "speakers-time-row": (("down",), "#sp-table"),
    "speakers-next": ((), "#sp-table"), "speakers-finish": (("space",), "#sp-table"),
    "speakers-unspoke": (("space",), "#sp-table"), "speakers-reset-timer": (("space",), "ConfirmScreen"),
    "speakers-schedule": ((), "#sp-schedule"), "speakers-briefers": ((), "#sp-table"), "speakers-refresh": ((), "#sp-table"),
    # F3 statements
    "statements-list": (("c",), "#st-table"), "statements-coverage": ((), "#st-heatmap"),
    "statements-convergence": ((), "#st-groups"), "statements-refresh": ((), "#st-table"),
    "statements-import": ((), "ImportPathsScreen"), "statements-send-to-prst": (("v",), "#prst-paragraphs"),
    "statements-map": ((), "PromptScreen"), "statements-mark-wrong": (("c", "right"), "#st-heatmap"),
    "statements-mark-addressed": (("c", "right", "right"), "#st-heatmap"),
    "statements-mark-clear": (("c", "right"), "#st-heatmap"),
    # F4 agreed language
    "library-focus-search": ((), "#lib-query"),
    "library-send-to-prst": (("保", "护", "平", "民", "enter"), "#prst-paragraphs"),
    "library-remove": (("保", "护", "平", "民", "enter"), "ConfirmScreen"),
    "library-load-sample": ((), "#lib-query"), "library-import": ((), "ImportPathsScreen"),
    # F5 PRST draft
    "prst-new": ((), "ConfirmScreen"), "prst-write": ((), "#prst-editor"), "prst-drafts": ((), "DraftPickerScreen"), "prst-add": ((), "#prst-paragraphs"),
    "prst-save": ((), "#prst-paragraphs"), "prst-up": (("down",), "#prst-paragraphs"),
    "prst-down": ((), "#prst-paragraphs"), "prst-order": ((), "#prst-paragraphs"), "prst-check": ((), "#prst-paragraphs"),
    "prst-revise": ((), "#prst-paragraphs"), "prst-remove": ((), "#prst-paragraphs"), "prst-export": ((), "PromptScreen"),
    # F6 brief
    "brief-export": ((), "PromptScreen"), "brief-export-html": ((), "PromptScreen"),
    "brief-export-docx": ((), "PromptScreen"),
    "brief-language": ((), "#brief-rendered"), "brief-source": ((), "#brief-source"),
    "brief-delegation": ((), "PromptScreen"), "brief-refresh": ((), "#brief-rendered"),
    # F7 our statement
    "ours-new": ((), "PromptScreen"), "ours-save": ((), "#ours-sections"), "ours-check": ((), "#ours-sections"),
    "ours-revise": ((), "#ours-sections"), "ours-diff": ((), "#ours-sections"), "ours-export": ((), "PromptScreen"),
    "ours-rehearse": ((), "#ours-sections"), "ours-search": ((), "PromptScreen"),
    "ours-insert-1": (("down",), "#ours-sections"), "ours-insert-2": (("down",), "#ours-sections"),
    "ours-insert-3": (("down",), "#ours-sections"), "ours-add": ((), "PromptScreen"),
    "ours-remove": (("down",), "#ours-sections"), "ours-up": (("down", "down"), "#ours-sections"),
    "ours-down": (("down",), "#ours-sections"), "ours-sections": (("enter",), "#ours-sections"),
}
NOT_PRESSED = {"quit": "ends the app"}


def _cases() -> list[tuple[str, str, str]]:
    """(binding id, tab it belongs to, its first key) for the app's bindings and every pane's."""
    cases = [(b.id or b.action, "", b.key) for b in Binding.make_bindings(DebatePrepApp.BINDINGS)]
    for tab_id, _label, path, _key in TABS:
        seen: set[str] = set()
        for b in Binding.make_bindings(pane_class(path).BINDINGS):
            if (b.id or b.action) not in seen:  # a binding of several keys: its first key
                seen.add(b.id or b.action)
                cases.append((b.id or b.action, tab_id, b.key))
    return cases


CASES = _cases()


def test_every_binding_has_an_expectation() -> None:
    ids = {case[0] for case in CASES}
    assert ids - set(EXPECTED) - set(NOT_PRESSED) == set(), "a new key: say where its result lives"
    assert set(EXPECTED) - ids == set()


@pytest.fixture(scope="module")
def _demo_template(tmp_path_factory: pytest.TempPathFactory, _sqlite_template: Path) -> Path:
    path = tmp_path_factory.mktemp("keys") / "demo.db"
    shutil.copy(_sqlite_template, path)
    db = open_database(f"sqlite:///{path}")
    seed_demo(Services(db), ours=True)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def _owner(widget: object) -> str:
    return f"{type(widget).__name__}#{getattr(widget, 'id', None)}"


@pytest.mark.parametrize(("binding_id", "tab", "key"), [c for c in CASES if c[0] not in NOT_PRESSED],
                         ids=[c[0] for c in CASES if c[0] not in NOT_PRESSED])
def test_after_each_key_the_keyboard_is_where_the_result_is(binding_id: str, tab: str, key: str, tmp_path: Path,
                                                           _demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # (an export dialog proposes a path here; nothing is written)
    path = tmp_path / "demo.db"
    shutil.copy(_demo_template, path)
    db = open_database(f"sqlite:///{path}")
    before, expected = EXPECTED[binding_id]

    async def run() -> None:
        app = tui_app(db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            if tab:
                await pilot.press(TAB_KEY[tab])
                await settle(pilot)
            for k in before:
                await pilot.press(k)
                await settle(pilot, delay=0.3 if tab == "library" else None)  # (the search's debounce)
            await pilot.press(key)
            await settle(pilot)
            focused = app.focused
            assert focused is not None, f"{binding_id}: nothing has the keyboard"
            if not expected.startswith("#"):
                assert type(app.screen).__name__ == expected, (binding_id, type(app.screen).__name__)
                assert focused.screen is app.screen, (binding_id, _owner(focused))
                await pilot.press("escape")
                await settle(pilot)
                assert isinstance(app.screen, ModalScreen) is False, binding_id
                focused = app.focused
                assert focused is not None, f"{binding_id}: nothing has the keyboard after the dialog"
                active = app.query_one(TabbedContent).active
                assert app.query_one(f"#{active}") in focused.ancestors_with_self, (binding_id, _owner(focused))
                return
            assert not isinstance(app.screen, ModalScreen), (binding_id, type(app.screen).__name__)
            assert focused.id == expected[1:], (binding_id, _owner(focused))
            active = app.query_one(TabbedContent).active
            assert app.query_one(f"#{active}") in focused.ancestors, (binding_id, active, _owner(focused))
            pane = next(a for a in focused.ancestors if isinstance(a, Pane))
            assert focused.display and focused.visible, binding_id

    try:
        asyncio.run(run())
    finally:
        db.dispose()
