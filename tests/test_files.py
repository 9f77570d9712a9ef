"""The one private file writer (debateprep.files) and every command that writes a file for the user:
a symlink planted where the temporary file will be is never followed, nothing is overwritten
without --force, files are 0600, and what the system refuses is one line."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from debateprep import files
from debateprep.domain.errors import Conflict, InputError
from tests.conftest import CliResult

VICTIM_TEXT = "the victim's own file\n"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text(VICTIM_TEXT, encoding="utf-8")
    path.chmod(0o644)
    return path


def _untouched(victim: Path) -> None:
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    assert _mode(victim) == 0o644


# -- the writer ------------------------------------------------------------------------------


def test_writes_text_bytes_or_a_stream_privately(tmp_path: Path, open_umask: None) -> None:
    made = [
        files.write_private(tmp_path / "a.md", "保护平民\n"),
        files.write_private(tmp_path / "b.bin", b"\x00\x01"),
        files.write_private(tmp_path / "sub" / "c.json", lambda h: h.write("{}\r\n")),
    ]
    assert [p.read_bytes() for p in made] == ["保护平民\n".encode(), b"\x00\x01", b"{}\r\n"]
    assert {_mode(p) for p in made} == {0o600}
    assert sorted(p.name for p in tmp_path.rglob(".*")) == []  # no temporary file left


def test_a_symlink_planted_at_the_temporary_name_is_never_followed(
        tmp_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = itertools.chain(["planted"], (f"n{i}" for i in itertools.count()))
    monkeypatch.setattr(files.secrets, "token_hex", lambda _n: next(names))
    planted = tmp_path / f"{files.TEMP_PREFIX}planted{files.TEMP_SUFFIX}"
    planted.symlink_to(victim)
    target = files.write_private(tmp_path / "brief.md", "# Brief\n")
    assert target.read_text(encoding="utf-8") == "# Brief\n"
    _untouched(victim)
    assert planted.is_symlink()  # left alone: not ours


def test_never_overwrites_without_force_and_replaces_a_symlink_itself_with_it(
        tmp_path: Path, victim: Path) -> None:
    target = tmp_path / "brief.md"
    target.symlink_to(victim)
    with pytest.raises(Conflict, match="already exists; use --force"):
        files.write_private(target, "x")
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(Conflict):
        files.write_private(dangling, "x")
    files.write_private(target, "new\n", force=True)
    assert not target.is_symlink() and target.read_text(encoding="utf-8") == "new\n"
    _untouched(victim)


def test_a_file_that_appears_while_writing_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"

    def racing(handle) -> None:  # type: ignore[no-untyped-def]
        target.write_text("someone else's", encoding="utf-8")
        handle.write("ours")

    with pytest.raises(Conflict):
        files.write_private(target, racing)
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


@pytest.mark.parametrize("where", ["folder", "too_long", "no_folder_access", "proc"])
def test_what_the_system_refuses_is_one_line_naming_the_file(tmp_path: Path, where: str) -> None:
    if where == "folder":
        target = tmp_path
    elif where == "too_long":
        target = tmp_path / ("x" * 300 + ".md")
    elif where == "no_folder_access":
        if os.geteuid() == 0:
            pytest.skip("root may write anywhere")
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "brief.md"
    else:
        if not Path("/proc/self").is_dir():
            pytest.skip("no /proc here")
        target = Path("/proc/self/brief.md")
    with pytest.raises(InputError) as refused:
        files.write_private(target, "x")
    assert str(target) in str(refused.value) and "\n" not in str(refused.value)


def test_a_long_but_legal_name_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("简" * 80 + ".md")  # 240 bytes of UTF-8 + 3: legal, but no room for a suffix
    assert files.write_private(target, "ok").read_text(encoding="utf-8") == "ok"


# -- every command that writes a file ----------------------------------------------------------

WRITERS: tuple[tuple[str, list[str]], ...] = (
    ("brief.md", ["export", "brief", "1", "-o"]),
    ("brief.html", ["export", "brief", "1", "--html", "-o"]),
    ("prst.md", ["prst", "export", "1", "-o"]),
    ("prst-annotated.md", ["prst", "export", "1", "--annotated", "-o"]),
    ("list.csv", ["speakers", "export", "1", "-o"]),
    ("backup.json", ["backup"]),
)


@pytest.fixture
def filled_cli(sqlite_cli: Callable[..., CliResult]) -> Callable[..., CliResult]:
    assert sqlite_cli(["debate", "new", "Protection of civilians", "--meeting", "7109",
                       "--date", "2014-02-12"]).exit_code == 0
    assert sqlite_cli(["speakers", "add", "1", "China"]).exit_code == 0
    assert sqlite_cli(["prst", "new", "1"]).exit_code == 0
    assert sqlite_cli(["prst", "add", "1", "--text", "Recalling its resolution 1894 (2009)"]).exit_code == 0
    return sqlite_cli


@pytest.mark.parametrize(("name", "args"), WRITERS, ids=[n for n, _ in WRITERS])
def test_commands_do_not_follow_a_symlink_planted_at_the_old_temporary_names(
        filled_cli: Callable[..., CliResult], tmp_path: Path, victim: Path, name: str, args: list[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for planted in (f".{name}.tmp", f".{name}.{os.getpid()}.tmp"):
        (out / planted).symlink_to(victim)
    result = filled_cli([*args, out / name])
    assert result.exit_code == 0, result.stderr
    _untouched(victim)
    assert (out / name).is_file() and not (out / name).is_symlink() and _mode(out / name) == 0o600


@pytest.mark.parametrize(("name", "args"), WRITERS, ids=[n for n, _ in WRITERS])
def test_commands_refuse_unwritable_targets_in_one_line(
        filled_cli: Callable[..., CliResult], tmp_path: Path, name: str, args: list[str]) -> None:
    for target in (tmp_path / ("y" * 300 + name), tmp_path / "missing" / "\x00bad" / name,
                   Path("/proc/self") / name):
        result = filled_cli([*args, target])
        assert result.exit_code in (1, 2), (target, result.stdout)
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("debateprep: error: ")
