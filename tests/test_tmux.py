"""The real program in a real terminal, as a person would use it: from an empty database, import the
seed concept note, preview the brief, export it in Chinese and English, confirm an overwrite."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.test_brief import EN_SECTIONS, ZH_SECTIONS, assert_well_formed, sections

SEED_NOTE = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"


class Terminal:
    """A tmux session of 120x40 running one command; read with `screen()`, type with `keys()`."""

    def __init__(self, name: str, command: str) -> None:
        self.name = name
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", command], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-t", self.name, "-p"], capture_output=True, text=True).stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys], check=True)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")

    @staticmethod
    def wait_for_file(path: Path, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if path.exists() and path.stat().st_size:
                return path.read_text(encoding="utf-8")
            time.sleep(0.2)
        raise AssertionError(f"{path} was never written")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def _program() -> str:
    script = Path(sys.executable).with_name("debateprep")
    return shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m debateprep"


@pytest.mark.tmux
def test_import_the_seed_note_and_export_the_brief(tmp_path: Path) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    database = tmp_path / "tmux.db"
    command = (f"cd {shlex.quote(str(tmp_path))} && env -u COLUMNS -u LINES "
               f"DEBATEPREP_DATA_DIR={shlex.quote(str(tmp_path))} {_program()} --db {shlex.quote(str(database))}")
    term = Terminal(f"brief-{os.getpid()}", command)
    try:
        term.wait_for("Welcome to debateprep")
        term.keys("Escape")  # start empty
        term.wait_for("no debate yet")
        term.keys("F1")
        term.wait_for("i Import")  # the footer shows the pane's keys
        term.keys("i")
        term.wait_for("Import a concept note")
        term.keys(str(SEED_NOTE), literal=True)
        term.keys("Enter")
        screen = term.wait_for("13 guiding questions")
        assert "debateprep — " in screen and "武装冲突保护平民" in screen.splitlines()[0]

        term.keys("F6")
        term.wait_for("代表团简报：武装冲突保护平民")
        screen = term.wait_for("e Export .md")  # the footer shows the pane's keys
        assert "代表团简报：武装冲突保护平民" in screen
        # the way to every tab stays on screen, whatever room the footer has: each tab label starts with its key
        assert all(f"F{n} " in screen for n in range(1, 8)), screen

        term.keys("e")
        term.wait_for("Export the brief (markdown) to")
        term.keys("Enter")  # the proposed file name, in the folder the program was started from
        term.wait_for("written to")
        text = term.wait_for_file(tmp_path / "brief-1-zh.md")
        assert sections(text) == ZH_SECTIONS and text.count("### 问题") == 13
        assert_well_formed(text)

        term.keys("l")
        term.wait_for("Delegation brief: 武装冲突保护平民")
        term.keys("e")
        term.wait_for("Export the brief (markdown) to")
        term.keys("Enter")
        english = term.wait_for_file(tmp_path / "brief-1-en.md")
        assert sections(english) == EN_SECTIONS

        (tmp_path / "brief-1-en.md").write_text("our edits", encoding="utf-8")
        term.keys("e")
        term.wait_for("Export the brief (markdown) to")
        term.keys("Enter")
        term.wait_for("already exists. Overwrite it?")
        term.keys("n")
        term.wait_for("was left as it was")
        assert (tmp_path / "brief-1-en.md").read_text(encoding="utf-8") == "our edits"

        term.keys("C-q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "debateprep —" in term.screen():
            time.sleep(0.2)
        assert "Traceback" not in term.screen()
    finally:
        term.close()
