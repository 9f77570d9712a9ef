"""The terminal UI wholly in English and wholly in Chinese, and switched live from one to the other.

Snapshots of the main screens (F1-F7) on the sample debate in both interface languages; the
sample is a Chinese debate, so in English only its own text is Chinese, and in Chinese the
interface around it is too.
"""

from __future__ import annotations

import asyncio
import re

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer, Static, TabbedContent

from debateprep import i18n
from debateprep.services.facade import Services
from debateprep.services.sample import load_sample
from debateprep.services.settings import UserSettings
from debateprep.tui.commands import palette_commands
from tests.support.pilot import SIZE, settle, tui_app

TABS = ("f1", "f2", "f3", "f4", "f5", "f6", "f7")
# Words that stay as they are in a Chinese interface: names, formats, symbols, what a key is called.
KEPT = {"English", "PRST", "markdown", "html", "docx", "debateprep", "OCHA", "NAM", "Ctrl", "shift", "space", "Esc"}


async def _show(pilot: Pilot, key: str) -> None:  # type: ignore[type-arg]
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)
    for field in pilot.app.screen.query("Input, TextArea"):  # a steady cursor: the snapshot does
        field.cursor_blink = False  # not depend on the moment it is taken
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("key", TABS)
def test_main_screens_in_each_interface_language(sqlite_db, snap_compare, key: str, language: str) -> None:  # type: ignore[no-untyped-def]
    load_sample(sqlite_db)
    i18n.set_language(language)
    app = tui_app(sqlite_db)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await _show(pilot, key)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _interface_text(app: object) -> list[str]:
    """What the interface itself says on the current screen: tab labels, the footer's keys, the
    status and caption lines (not the debate's own text)."""
    from textual.app import App

    assert isinstance(app, App)
    screen = app.screen
    texts = [str(tab.label) for tab in screen.query("Tab")]
    texts += [binding.description for _key, (_node, binding, _enabled, _tip) in
              ((k, tuple(v)) for k, v in screen.active_bindings.items()) if binding.show]
    for static in screen.query(Static):
        if static.id and static.id.endswith(("-status", "-keys", "-views", "-caption", "-empty")) and static.display:
            texts.append(str(static.render()))
    return texts


def _english_words(texts: list[str]) -> set[str]:
    return {w for text in texts for w in re.findall(r"[A-Za-z]{3,}", text) if w not in KEPT}


def test_the_interface_switches_language_live_and_remembers_it(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_sample(sqlite_db)
    settings = UserSettings(tmp_path / "settings.json")
    app = tui_app(Services(sqlite_db, settings=settings))

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            for key in ("f2", "f12"):
                await _show(pilot, key)
            assert i18n.language() == "zh"
            tabs = app.query_one(TabbedContent)
            assert str(tabs.get_tab("tab-speakers").label) == "F2 发言名单"  # its key, then its name
            shown = _interface_text(app)
            assert "添加" in shown and "撤回" in shown  # the footer, read again in Chinese
            assert _english_words(shown) == set(), shown
            status = str(app.query_one("#sp-status", Static).render())
            assert status.startswith("辩论 #") and "名单上19位" in status
            why = str(app.query_one("#sp-why", Static).render())
            assert "通报人先发言" in why  # the domain's explanation, recomputed in Chinese
            titles = {c.title for c in palette_commands(app)}
            assert "发言名单：撤回或恢复该条目" in titles
            assert settings.language() == "zh"
            assert any("界面语言：中文" in message for message, _severity in app.notices)

            await _show(pilot, "f12")
            assert i18n.language() == "en"
            assert str(tabs.get_tab("tab-speakers").label) == "F2 Speakers"
            assert str(app.query_one("#sp-status", Static).render()).startswith("Debate #")
            assert "Add" in _interface_text(app)
            assert settings.language() == "en"

    asyncio.run(run())


@pytest.mark.parametrize("key", TABS)
def test_every_main_screen_is_wholly_chinese(sqlite_db, key: str) -> None:  # type: ignore[no-untyped-def]
    """In Chinese, no English word is left in the interface of any main screen (tabs, footer,
    status lines, captions)."""
    load_sample(sqlite_db)
    i18n.set_language("zh")
    app = tui_app(sqlite_db)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await _show(pilot, key)
            shown = _interface_text(app)
            assert len(shown) > 8
            assert _english_words(shown) == set(), shown
            assert app.query_one(Footer)

    asyncio.run(run())


@pytest.mark.parametrize("key", ["f2", "f3", "f5"])
def test_the_footer_palette_label_is_whole_in_chinese(sqlite_db, key: str) -> None:  # type: ignore[no-untyped-def]
    """The footer's last line on screen, as drawn: the command palette's Chinese label is whole
    (the keys to its left never paint over its wide characters)."""
    load_sample(sqlite_db)
    i18n.set_language("zh")
    app = tui_app(sqlite_db)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await _show(pilot, key)
            await pilot.pause()
            line = app.screen._compositor.render_strips()[-1].text
            label = _palette_label(app)
            assert line.rstrip().endswith(label), line

    asyncio.run(run())


def _palette_label(app) -> str:  # type: ignore[no-untyped-def]
    [key] = app.query(".-command-palette")
    return str(key.description)
