"""The whole job in a real terminal, from the keyboard alone (issue 13): tmux at 120x40 runs
`debateprep demo`, and a person's keys go through every tab — the note (preloaded), the speakers
list with the Council in one step, the timer on a day that is not the debate's, statements imported,
coverage and convergence, the library searched, the PRST drafted and revised, the brief exported —
then the same for a new English debate imported from a concept note. Every screen is read."""

from __future__ import annotations

import os
import shlex
import shutil
import time
from pathlib import Path

import pytest

from tests.test_brief import EN_SECTIONS, ZH_SECTIONS, assert_well_formed, sections
from tests.test_tmux import Terminal, _program

DATA = Path(__file__).parent / "data"
DEMO_STATEMENTS = sorted((DATA / "statements" / "demo_7109").glob("*.txt"))
EN_NOTE = DATA / "concept_notes" / "en_01_children_education.txt"
EN_STATEMENTS = sorted((DATA / "statements" / "en_01").glob("*.txt"))


def _toasts(screen: str) -> str:
    """The notifications on `screen` as running text (a toast wraps its lines at its width)."""
    parts = [line.split("▌", 1)[1] for line in screen.splitlines() if "▌" in line]
    text = "".join(" " if "\u2500" <= ch <= "\u259f" else ch for ch in " ".join(parts))
    return " ".join(text.split())


def press(term: Terminal, *keys: str) -> None:
    """Press keys one at a time, as a person does (an Escape sent together with the next key
    would reach the program as Alt+key)."""
    for key in keys:
        term.keys(key)
        time.sleep(0.3)


def dialog_shows(term: Terminal, text: str, timeout: float = 30) -> None:
    """Wait until the dialog on screen shows `text`, however its label wraps it (and once the
    notifications that cover part of it have gone)."""
    deadline = time.monotonic() + timeout
    while True:
        lines = [line for line in term.screen().splitlines() if line.count("█") >= 2]
        inside = "".join(line[line.index("█") + 1:line.rindex("█")].strip() for line in lines)
        if text in inside:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} is not in the dialog:\n{term.screen()}")
        time.sleep(0.3)


def read(term: Terminal, *texts: str | tuple[str, ...], timeout: float = 30) -> str:
    """Wait for each of `texts` on the screen (or in a notification, however it wraps; a tuple:
    any of its texts, as a notification may cover part of the screen for a while); the screen,
    checked for tracebacks."""
    screen = ""
    for text in texts:
        deadline = time.monotonic() + timeout
        alternatives = text if isinstance(text, tuple) else (text,)
        while True:
            screen = term.screen()
            if any(t in screen or t in _toasts(screen) for t in alternatives):
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.2)
    assert "Traceback" not in screen
    return screen


@pytest.mark.tmux
def test_the_whole_job_from_the_keyboard(tmp_path: Path) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    database = tmp_path / "job.db"
    command = (f"cd {shlex.quote(str(tmp_path))} && env -u COLUMNS -u LINES "
               f"DEBATEPREP_DATA_DIR={shlex.quote(str(tmp_path / 'data'))} {_program()} "
               f"--db {shlex.quote(str(database))} demo")
    term = Terminal(f"job-{os.getpid()}", command)
    try:
        # F1: the demo's concept note, preloaded
        screen = read(term, "Guiding questions — 13", "i Import")
        assert "S/2014/74" in screen and "Briefers: 瓦莱丽·阿莫斯" in screen and "Outcome:" in screen
        assert "F6 Brief  F7 Our statement" in screen.splitlines()[1]  # every tab label fits, with its key

        # F2: the list with the Council in one step (the demo has them: nothing twice), the timer
        press(term, "F2")
        read(term, "19 on the list", "Why here")
        press(term, "c")
        read(term, "are on the list already: nothing added")
        press(term, "Space")  # the speaker the Timer panel names next, on a day that is not the debate's
        screen = read(term, "unless this is a day of the debate, it is a rehearsal")
        assert "人道主义事务协调厅" in screen
        press(term, "n")  # the next speaker: the first one's time is logged
        read(term, "spoke")
        press(term, "f")
        screen = read(term, "logged", "timed outside the debate's days (rehearsal)")

        # F3: statements imported through the dialog, coverage, convergence, a proposal to the PRST
        press(term, "F3")
        read(term, "No statements for this debate yet")
        press(term, "i")
        read(term, "Import statements")
        term.keys("; ".join(str(p) for p in DEMO_STATEMENTS), literal=True)
        press(term, "Enter")
        screen = read(term, "3 statements · 3 delegations", "Reader")
        assert "China" in screen and "Rwanda" in screen
        press(term, "c")
        read(term, "cells addressed of", "Q1")
        press(term, "v")
        read(term, "shared proposal", "3 delegations: China, France, Rwanda")
        press(term, "p")
        screen = read(term, "started for it", "PRST draft #1")  # no draft yet: one is started for it
        press(term, "F3", "p")
        read(term, "not added again")  # and never twice

        # F4: search the library, send a paragraph to the draft
        press(term, "F4")
        read(term, "documents in the library")
        term.keys("保护平民", literal=True)
        press(term, "Enter")
        read(term, "paragraphs for '保护平民'", "S/RES/")
        press(term, "p")
        read(term, "added as paragraph", "2 paragraphs")

        # F5: draft in the editor, check, circulate rev.1, add, rev.2
        press(term, "a")  # a new paragraph: an empty editor
        read(term, "esc Leave editor")
        term.keys("强调指出必须加强维和人员的保护平民培训，", literal=True)
        press(term, "C-n")
        read(term, "Paragraph added in PRST form", "3 paragraphs")
        press(term, "Escape")
        read(term, "o Order")  # the pane's keys again (a person sees the footer change)
        press(term, "c")
        read(term, "Checked against the library")
        press(term, "r")
        read(term, "rev.1 circulated (3 paragraphs)")
        press(term, "a")
        read(term, "esc Leave editor")
        term.keys("鼓励会员国分享保护平民的最佳做法，", literal=True)
        press(term, "C-n")
        read(term, "4 paragraphs")
        press(term, "Escape")
        read(term, "o Order")
        press(term, "r")
        screen = read(term, "rev.2 circulated")
        assert "rev.1, rev.2" in screen and "安理会鼓励会员国分享保护平民的最佳做法" in screen

        # F6: the brief says which draft it shows, and is exported where the dialog says
        press(term, "F6")
        read(term, "代表团简报：武装冲突保护平民", "PRST 4 paragraphs")
        press(term, "e")
        target = tmp_path / "brief-2-zh.md"
        read(term, "Export the brief (markdown) to")
        dialog_shows(term, str(target))  # the full path, before anything is written
        press(term, "Enter")
        read(term, "written to")
        text = term.wait_for_file(target)
        assert sections(text) == ZH_SECTIONS and "主席声明草案第1号。草案rev.2。" in text
        assert_well_formed(text)

        # A new English debate: its note imported on F1 becomes the current debate
        press(term, "F1", "i")
        read(term, "Import a concept note")
        term.keys(str(EN_NOTE), literal=True)
        press(term, "Enter")
        screen = read(term, "7 guiding questions", "Children and armed conflict")
        assert "S/2026/391" in screen

        press(term, "F2")
        read(term, "No one on the speakers list yet")
        press(term, "c")  # the fifteen members of the debate's year, in one step
        read(term, "15 Council members of 2026 inscribed", "15 on the list")
        press(term, "b")
        read(term, "18 on the list")
        press(term, "Space")
        read(term, "unless this is a day of the debate, it is a rehearsal")
        press(term, "f")
        read(term, "logged")

        press(term, "F3", "i")
        read(term, "Import statements")
        term.keys("; ".join(str(p) for p in EN_STATEMENTS), literal=True)
        press(term, "Enter")
        read(term, "3 statements · 3 delegations")
        press(term, "c")
        read(term, "cells addressed of")
        press(term, "v")
        read(term, " shared proposal", ("3 delegations: Ghana, Mexico, Norway", "Mexico [call"))
        press(term, "p")
        screen = read(term, "started for it", "The Security Council")

        press(term, "F4")
        read(term, "paragraphs for '保护平民'")  # the library is the same for every debate: the last search
        press(term, "/")  # back to the search box
        read(term, "esc Results")
        press(term, "C-u")  # emptied
        term.keys("protection of civilians", literal=True)
        press(term, "Enter")
        read(term, "the library holds only 3 Chinese documents")  # an English search of it says why it finds nothing
        read(term, "esc Results")  # nothing found: the keyboard stays in the search box

        press(term, "F5", "r")
        read(term, "rev.1 circulated (1 paragraph)")

        press(term, "F6")
        read(term, "Delegation brief: Children and armed conflict")
        press(term, "e")
        read(term, "Export the brief (markdown) to")
        press(term, "Enter")
        english = term.wait_for_file(tmp_path / "brief-3-en.md")
        assert sections(english) == EN_SECTIONS and "PRST draft \\#2. Draft rev.1." in english

        press(term, "C-q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "debateprep —" in term.screen():
            time.sleep(0.2)
        assert "Traceback" not in term.screen()
        assert not (tmp_path / "data" / "exports").exists()  # nothing written where the user did not see
    finally:
        term.close()
