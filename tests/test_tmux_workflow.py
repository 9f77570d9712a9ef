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


def read(term: Terminal, *texts: str) -> str:
    """Wait for each of `texts` on the screen; the screen, checked for tracebacks."""
    screen = ""
    for text in texts:
        screen = term.wait_for(text)
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
        assert "Brief 简报" in screen.splitlines()[1]  # every tab label fits

        # F2: the list with the Council in one step (the demo has them: nothing twice), the timer
        term.keys("F2")
        read(term, "19 on the list", "Why here")
        term.keys("c")
        read(term, "already on the list")
        term.keys("Space")  # the speaker the Timer panel names next, on a day that is not the debate's
        screen = read(term, "it is a rehearsal")
        assert "人道主义事务协调厅" in screen
        term.keys("n")  # the next speaker: the first one's time is logged
        read(term, "spoke")
        term.keys("f")
        screen = read(term, "logged", "timed outside the debate's days (rehearsal)")

        # F3: statements imported through the dialog, coverage, convergence, a proposal to the PRST
        term.keys("F3")
        read(term, "No statements for this debate yet")
        term.keys("i")
        read(term, "Import statements")
        term.keys("; ".join(str(p) for p in DEMO_STATEMENTS), literal=True)
        term.keys("Enter")
        screen = read(term, "3 statements · 3 delegations", "Reader")
        assert "China" in screen and "Rwanda" in screen
        term.keys("c")
        read(term, "cells addressed of", "Q1")
        term.keys("v")
        read(term, "shared proposal", "3 delegations: China, France, Rwanda")
        term.keys("p")
        screen = read(term, "started for it", "PRST draft #1")  # no draft yet: one is started for it
        term.keys("F3", "p")
        read(term, "not added again")  # and never twice

        # F4: search the library, send a paragraph to the draft
        term.keys("F4")
        read(term, "documents in the library")
        term.keys("保护平民", literal=True)
        term.keys("Enter")
        read(term, "paragraphs for '保护平民'", "S/RES/")
        term.keys("p")
        read(term, "added as paragraph", "2 paragraphs")

        # F5: draft in the editor, check, circulate rev.1, add, rev.2
        term.keys("Tab")
        term.keys("强调指出必须加强维和人员的保护平民培训，", literal=True)
        term.keys("C-n")
        read(term, "Paragraph added in PRST form", "3 paragraphs")
        term.keys("Escape", "c")
        read(term, "Checked against the library")
        term.keys("r")
        read(term, "rev.1 circulated (3 paragraphs)")
        term.keys("Tab")
        term.keys("鼓励会员国分享保护平民的最佳做法，", literal=True)
        term.keys("C-n")
        read(term, "4 paragraphs")
        term.keys("Escape", "r")
        screen = read(term, "rev.2 circulated")
        assert "rev.1, rev.2" in screen and "鼓励" in screen

        # F6: the brief says which draft it shows, and is exported where the dialog says
        term.keys("F6")
        read(term, "代表团简报：武装冲突保护平民", "PRST 4 paragraphs")
        term.keys("e")
        target = tmp_path / "brief-2-zh.md"
        screen = read(term, "Export the brief (markdown) to")
        assert str(target) in screen  # the full path, before anything is written
        term.keys("Enter")
        read(term, "written to")
        text = term.wait_for_file(target)
        assert sections(text) == ZH_SECTIONS and "主席声明草案第1号。草案rev.2。" in text
        assert_well_formed(text)

        # A new English debate: its note imported on F1 becomes the current debate
        term.keys("F1", "i")
        read(term, "Import a concept note")
        term.keys(str(EN_NOTE), literal=True)
        term.keys("Enter")
        screen = read(term, "7 guiding questions", "Children and armed conflict")
        assert "S/2026/391" in screen

        term.keys("F2")
        read(term, "No one on the speakers list yet")
        term.keys("c")  # the fifteen members of the debate's year, in one step
        read(term, "15 Council members of 2026 inscribed", "15 on the list")
        term.keys("b")
        read(term, "18 on the list")
        term.keys("Space")
        read(term, "it is a rehearsal")
        term.keys("f")
        read(term, "logged")

        term.keys("F3", "i")
        read(term, "Import statements")
        term.keys("; ".join(str(p) for p in EN_STATEMENTS), literal=True)
        term.keys("Enter")
        read(term, "3 statements · 3 delegations")
        term.keys("c")
        read(term, "cells addressed of")
        term.keys("v")
        read(term, "3 delegations: Ghana, Mexico, Norway")
        term.keys("p")
        screen = read(term, "started for it", "The Security Council")

        term.keys("F4")
        read(term, "documents in the library")
        term.keys("protection of civilians", literal=True)
        term.keys("Enter")
        read(term, "Chinese")  # an English search of a Chinese library says why it finds nothing

        term.keys("F5", "r")
        read(term, "rev.1 circulated (1 paragraphs)")

        term.keys("F6")
        read(term, "Delegation brief: Children and armed conflict")
        term.keys("e")
        read(term, "Export the brief (markdown) to")
        term.keys("Enter")
        english = term.wait_for_file(tmp_path / "brief-3-en.md")
        assert sections(english) == EN_SECTIONS and "PRST draft \\#2. Draft rev.1." in english

        term.keys("C-q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "debateprep —" in term.screen():
            time.sleep(0.2)
        assert "Traceback" not in term.screen()
        assert not (tmp_path / "data" / "exports").exists()  # nothing written where the user did not see
    finally:
        term.close()
