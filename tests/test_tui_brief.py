"""The brief pane, driven with Pilot: preview, language, source view, export with overwrite confirmation."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input, Label, TextArea

from debateprep.services.debates import DebateService
from debateprep.services.notes import NotesService
from debateprep.tui.messages import DebateSelected
from debateprep.tui.screens.brief import BriefPane
from debateprep.tui.screens.brief_dialogs import ConfirmScreen, PromptScreen
from debateprep.tui.widgets.markdown_preview import MarkdownPreview
from tests.conftest import SAMPLES
from tests.support.pilot import SIZE, settle, tui_app
from tests.test_brief import EN_SECTIONS, ZH_SECTIONS, sections

SEED_NOTE = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"


async def open_brief(pilot: Pilot) -> BriefPane:  # type: ignore[type-arg]
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)
    return pilot.app.query_one(BriefPane)


def _seed(db) -> int:  # type: ignore[no-untyped-def]
    result = NotesService(db).import_file(SEED_NOTE)
    assert result.debate_id is not None
    return result.debate_id



def test_brief_is_built_for_its_debate_and_after_a_change_only_when_shown(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    _seed(sqlite_db)

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f6")
            await settle(pilot)
            pane = app.query_one(BriefPane)
            assert pane.debate_id == 1 and pane.built is not None and pane.built.lang == "zh"
            lines = app.query_one(MarkdownPreview).plain_lines()
            assert any("代表团简报：武装冲突保护平民" in line for line in lines)
            for heading in ZH_SECTIONS:
                assert any(line.strip() == heading for line in lines), heading
            assert app.focused is app.query_one(MarkdownPreview)
            status = str(app.query_one("#brief-status").render())
            assert "Chinese" in status and "13 questions" in status  # the document language, named in the interface language
            bound = {b.key for _, b, _, _ in app.screen.active_bindings.values()}
            assert {"e", "h", "l", "s", "u", "r"} <= bound
            first = pane.built
            await pilot.press("f1")
            await settle(pilot)
            app.services.notes.add_question(1, "如何加强对平民的保护？")  # a change while the brief is hidden
            await settle(pilot)
            assert pane.built is first  # not built again while hidden
            await pilot.press("f6")
            await settle(pilot)
            assert pane.built is not first and "14 questions" in str(app.query_one("#brief-status").render())

    asyncio.run(run())


def test_language_toggle_and_source_view(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    _seed(sqlite_db)

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_brief(pilot)
            await pilot.press("l")
            await settle(pilot)
            assert pane.built is not None and pane.built.lang == "en"
            assert sections(pane.built.markdown) == EN_SECTIONS
            lines = app.query_one(MarkdownPreview).plain_lines()
            assert any("Delegation brief: 武装冲突保护平民" in line for line in lines)
            await pilot.press("s")
            await pilot.pause()
            assert app.query_one("#brief-views", ContentSwitcher).current == "brief-source"
            source = app.query_one(TextArea)
            assert source.text == pane.built.markdown and source.read_only and app.focused is source
            await pilot.press("end")  # scrolling the source is not editing it
            await pilot.press("s")
            assert app.query_one("#brief-views", ContentSwitcher).current == "brief-rendered"
            await pilot.press("l")
            await settle(pilot)
            assert pane.built.lang == "zh"

    asyncio.run(run())


def test_export_asks_before_overwriting(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(sqlite_db)
    target = tmp_path / "brief.md"

    async def export(pilot: Pilot, key: str = "e") -> None:  # type: ignore[type-arg]
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(pilot.app.screen, PromptScreen)
        field = pilot.app.screen.query_one(Input)
        suffix = {"e": ".md", "h": ".html", "w": ".docx"}[key]
        assert field.value.endswith(suffix)
        field.value = str(target.with_suffix(suffix))
        await pilot.press("enter")
        await settle(pilot)

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_brief(pilot)
            await export(pilot)
            assert sections(target.read_text(encoding="utf-8")) == ZH_SECTIONS
            assert any(f"The brief (markdown) written to {target}" == m for m, _ in app.notices)

            target.write_text("kept", encoding="utf-8")
            await export(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("enter")  # "No" has the focus: Enter never overwrites
            await settle(pilot)
            assert target.read_text(encoding="utf-8") == "kept"
            assert any("was left as it was" in m for m, _ in app.notices)

            await pilot.press("l")
            await settle(pilot)
            await export(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await settle(pilot)
            assert sections(target.read_text(encoding="utf-8")) == EN_SECTIONS

            await export(pilot, "h")
            assert target.with_suffix(".html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

            await export(pilot, "w")
            import docx

            word = docx.Document(str(target.with_suffix(".docx")))
            assert word.sections[0].header.paragraphs[0].text.startswith("Delegation brief: ")
            assert [p.text for p in word.paragraphs if p.style.name == "Heading 2"] == EN_SECTIONS

    asyncio.run(run())


def test_export_to_an_unwritable_place_is_a_notification(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(sqlite_db)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_brief(pilot)
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one(Input).value = str(blocker / "brief.md")  # a file as a folder
            await pilot.press("enter")
            await settle(pilot)
            errors = [m for m, severity in app.notices if severity == "error"]
            assert len(errors) == 1 and "a-file" in errors[0]
            assert app.is_running

    asyncio.run(run())


def test_export_to_a_folder_that_does_not_exist_is_refused(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The dialog says the folder is missing before Enter; Enter shows the error, writes and creates nothing."""
    _seed(sqlite_db)
    missing = tmp_path / "no-such"

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_brief(pilot)
            await pilot.press("e")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PromptScreen)
            screen.query_one(Input).value = str(missing / "brief.md")
            await settle(pilot)
            shown = str(screen.query_one("#prompt-explain", Label).render())
            assert f"{missing}: no such folder; create the folder first" in shown
            await pilot.press("enter")
            await settle(pilot)
            errors = [m for m, severity in app.notices if severity == "error"]
            assert len(errors) == 1 and f"{missing}: no such folder; create the folder first" in errors[0]
            assert not missing.exists() and app.is_running

    asyncio.run(run())


def test_our_delegation_is_saved_with_the_debate(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debate_id = _seed(sqlite_db)

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_brief(pilot)
            await pilot.press("u")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one(Input).value = "中国"
            await pilot.press("enter")
            await settle(pilot)
            assert DebateService(sqlite_db).get(debate_id).settings.our_delegation == "中国"
            assert pane.built is not None and "**我代表团**：中国" in pane.built.markdown

    asyncio.run(run())


def test_a_debate_that_vanished_is_reported_not_raised(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    _seed(sqlite_db)

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_brief(pilot)
            pane.post_message(DebateSelected(999))  # e.g. deleted by a colleague meanwhile
            await settle(pilot)
            assert ("no debate #999 (see `debateprep debate list`)", "error") in app.notices
            assert "could not be built" in str(app.query_one("#brief-status").render())
            assert app.is_running

    asyncio.run(run())


def test_empty_state_without_a_debate(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_brief(pilot)
            assert app.query_one("#brief-views", ContentSwitcher).current == "brief-empty"
            await pane.run_action("export('md')")  # as the command palette does
            await pilot.pause()
            assert not isinstance(app.screen, PromptScreen)
            assert any("No brief to export yet" in m for m, _ in app.notices)
            assert pane.built is None

    asyncio.run(run())


def test_an_export_right_after_a_change_exports_the_brief_with_the_change(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`e` pressed while the brief is being built again after a change (a PRST draft started) waits for
    it: the brief as it was before the change (no draft) is never what is written."""
    from debateprep.services.facade import Services

    debate_id = _seed(sqlite_db)
    services = Services(sqlite_db)
    target = tmp_path / "brief.md"

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_brief(pilot)
            assert pane.built is not None and "no PRST draft" in pane.built.summary
            draft = services.prst.new_draft(debate_id)  # announced: the brief on screen is built again
            services.prst.add_text(draft.id or 0, "回顾其关于保护平民的各项决议，")
            await pilot.press("e")  # before the new build is in
            await settle(pilot)
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await settle(pilot)
            assert "安全理事会回顾其关于保护平民的各项决议" in target.read_text(encoding="utf-8")

    asyncio.run(run())


def test_f6_talking_points_come_from_our_statement_or_say_how_to_write_it(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """F6: without a statement of ours each question says so and points to F7; once it is written,
    the question's talking points are its section's key sentences, naming the statement and version."""
    debate_id = _seed(sqlite_db)
    DebateService(sqlite_db).update(DebateService(sqlite_db).get(debate_id), our_delegation="China")

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_brief(pilot)
            assert pane.built is not None
            assert pane.built.markdown.count("尚未起草我方发言，因此没有要点：请用 `debateprep ours new`（界面：F7）") == 13
            lines = app.query_one(MarkdownPreview).plain_lines()
            assert any("界面：F7" in line for line in lines)
            await pilot.press("f1")
            await settle(pilot)
            ours = app.services.ours
            statement = ours.new(debate_id)
            assert statement.id is not None
            section = next(s for s in statement.sections if s.question_label == "Q6")
            ours.edit_section(statement.id, section, "中方认为，应统一维和人员的保护平民培训标准。我们支持秘书处。")
            await settle(pilot)
            await pilot.press("f6")
            await settle(pilot)
            markdown = pane.built.markdown.replace("\\#", "#")
            assert f"**我方要点（取自我方发言#{statement.id}，工作文本（尚无修订版））：**\n\n" \
                   "- 中方认为，应统一维和人员的保护平民培训标准。\n" in markdown
            assert "尚未起草我方发言" not in markdown.split("## 我方发言")[0]
            lines = app.query_one(MarkdownPreview).plain_lines()
            assert any("中方认为，应统一维和人员的保护平民培训标准。" in line for line in lines)

    asyncio.run(run())
