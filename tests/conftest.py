"""Shared fixtures: isolated data dir, real data, databases (SQLite and PostgreSQL), the CLI."""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SAMPLES = REPO / "concept_notes"
LIBRARY_SAMPLES = REPO / "library_samples"

# In CI a PostgreSQL server must run: a missing one fails instead of skipping.
REQUIRE_PG = os.environ.get("DEBATEPREP_REQUIRE_PG") == "1"


@pytest.fixture(autouse=True)
def _isolate_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never touch the user's real data directory, database or settings; the interface in English
    whatever the machine's locale (a test of another language asks for it), and back to English after."""
    from debateprep import i18n

    monkeypatch.setenv("DEBATEPREP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.setenv("DEBATEPREP_CONFIG_DIR", str(tmp_path_factory.mktemp("userconfig")))
    monkeypatch.setenv("DEBATEPREP_LANG", "en")
    monkeypatch.delenv("DEBATEPREP_DATABASE_URL", raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (real UN documents); skips when this checkout has no shared/ beside it."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent (real-data tests need the shared folder beside the repo)")
    return SHARED_DATA


# -- databases -----------------------------------------------------------------------------

_counter = itertools.count()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating once keeps the suite fast)."""
    from debateprep.storage.db import open_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[tuple[object, str]]:
    """A real PostgreSQL server for the session, with a migrated template database."""
    from tests.support.pg import PgServer, wait_ready

    server = None
    base_url = os.environ.get("DEBATEPREP_TEST_PG_URL")
    try:
        if base_url is None:
            server = PgServer()
            base_url = server.start()
        wait_ready(base_url)
    except Exception as exc:  # noqa: BLE001 - any failure to start means "no server here"
        if server is not None:
            server.stop()
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL required (DEBATEPREP_REQUIRE_PG=1) but unavailable: {exc}")
        pytest.skip(f"no PostgreSQL server could run here: {exc}")
    from sqlalchemy import create_engine, text

    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS debateprep_template"))
        conn.execute(text("CREATE DATABASE debateprep_template"))
    from debateprep.storage.db import open_database

    template_url = base_url.rsplit("/", 1)[0] + "/debateprep_template"
    open_database(template_url).dispose()
    yield admin, base_url.rsplit("/", 1)[0]
    admin.dispose()
    if server is not None:
        server.stop()


def _new_pg_database(request: pytest.FixtureRequest) -> str:
    admin, prefix = request.getfixturevalue("_pg_template")
    from sqlalchemy import text

    name = f"t_{os.getpid()}_{next(_counter)}"
    with admin.connect() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE debateprep_template STRATEGY FILE_COPY"))

    def drop() -> None:
        with admin.connect() as conn:  # type: ignore[attr-defined]
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    request.addfinalizer(drop)
    return f"{prefix}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database URL: a SQLite file, and a database on a real PostgreSQL server."""
    if request.param == "sqlite":
        path = tmp_path / "debateprep.db"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        path.chmod(0o600)
        return f"sqlite:///{path}"
    return _new_pg_database(request)


@pytest.fixture
def db(db_url: str) -> Iterator[object]:
    """A migrated `Database` (runs once on SQLite and once on PostgreSQL)."""
    from debateprep.storage.db import open_database

    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, _sqlite_template: Path) -> Iterator[object]:
    """A migrated SQLite-only `Database`, for tests that are about the UI, not storage."""
    from debateprep.storage.db import open_database

    path = tmp_path / "ui.db"
    shutil.copy(_sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    yield database
    database.dispose()


# -- the CLI -------------------------------------------------------------------------------


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        import json

        return json.loads(self.stdout)


def run_cli(args: list[str], db_url: str | None = None) -> CliResult:
    """Run `debateprep` in-process (main(argv)), capturing its output."""
    from debateprep.cli.main import main

    argv = (["--db", db_url] if db_url else []) + [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return CliResult(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli(db_url: str) -> Callable[..., CliResult]:
    """`cli(["debate", "list", "--json"])` against this test's database (SQLite and PostgreSQL)."""
    return lambda args: run_cli(list(args), db_url)


@pytest.fixture
def sqlite_cli(tmp_path: Path, _sqlite_template: Path) -> Callable[..., CliResult]:
    """The CLI against a SQLite database only (for CLI behaviour that is not about storage)."""
    path = tmp_path / "cli.db"
    shutil.copy(_sqlite_template, path)
    return lambda args: run_cli(list(args), f"sqlite:///{path}")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: hand this worker's robustness figures to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        from tests.support.figures import FIGURES

        workeroutput["figures"] = dict(FIGURES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """In the pytest-xdist controller: add up the figures each worker collected."""
    from tests.support.figures import FIGURES

    FIGURES.update(getattr(node, "workeroutput", {}).get("figures", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the robustness figures (fuzz cases, faults injected, rows checked) collected by tests."""
    from tests.support.figures import FIGURES

    if FIGURES:
        terminalreporter.write_sep("-", "robustness figures")
        for name, amount in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {amount}")
