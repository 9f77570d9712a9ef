"""The package as a user gets it: a wheel built from this checkout, installed in a fresh virtual
environment outside the checkout, loads its own samples and roster (package data, not the checkout).

About a minute (pip reuses its cache), so it runs once per `make test`, in one test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _source_copy(into: Path) -> Path:
    """The checkout's own files (tracked, or new and not ignored), copied: a wheel built in place
    would also take what an old build left in build/ (a renamed migration there made two heads)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, check=False)
    if listed.returncode != 0:
        return REPO  # not a git checkout (an sdist): nothing stale to leave out
    for name in filter(None, listed.stdout.decode().split("\0")):
        source, target = REPO / name, into / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the work tree, not yet in git
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)
    return into


def _run(args: list[str | Path], cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.wheel
def test_an_installed_wheel_loads_its_own_samples(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "DEBATEPREP_DATABASE_URL")}
    env["DEBATEPREP_DATA_DIR"] = str(tmp_path / "userdata")
    wheels = tmp_path / "wheels"
    source = _source_copy(tmp_path / "source")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", source, "-w", wheels], tmp_path, env)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = wheels.glob("debateprep-*.whl")

    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", venv], tmp_path, env)
    assert made.returncode == 0, made.stderr
    python, program = venv / "bin" / "python", venv / "bin" / "debateprep"
    installed = _run([python, "-m", "pip", "install", "--quiet", wheel], tmp_path, env)  # no extras: no psycopg
    assert installed.returncode == 0, installed.stderr[-3000:]

    where = _run([python, "-c", "import debateprep; print(debateprep.__file__)"], tmp_path, env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout  # not the checkout

    demo = _run([program, "--db", tmp_path / "demo.db", "demo", "--no-tui"], tmp_path, env)
    assert demo.returncode == 0, demo.stderr
    assert "13 guiding questions" in demo.stdout and "3 imported" in demo.stdout
    assert "4 briefers from the note, 15 Council members added" in demo.stdout  # the roster ships too

    # The compiled catalogs ship too: the interface in Chinese, from the installed package alone.
    chinese = _run([program, "--lang", "zh", "--help"], tmp_path, env)
    assert chinese.returncode == 0, chinese.stderr
    assert "筹备联合国安全理事会公开辩论" in chinese.stdout and "命令" in chinese.stdout

    sample = _run([program, "--db", tmp_path / "library.db", "library", "sample"], tmp_path, env)
    assert sample.returncode == 0, sample.stderr
    assert "imported S/RES/2594 (2021) (zh)" in sample.stdout

    team = _run([program, "--db", "postgresql://me:secret@127.0.0.1:1/team", "db", "info"], tmp_path, env)
    assert team.returncode != 0 and "Traceback" not in team.stderr
    assert team.stderr.strip().splitlines() == [
        "debateprep: error: postgresql://me:***@127.0.0.1:1/team: the PostgreSQL driver (psycopg) is not "
        "installed; install it with: pip install 'debateprep[postgres]'"]
