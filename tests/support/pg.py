"""Start a real, throwaway PostgreSQL server for the test session.

Uses the Debian PostgreSQL binaries (/usr/lib/postgresql/*/bin). As root, initdb refuses to run,
so the cluster is created and run as the `postgres` system user in a temporary directory.
Set DEBATEPREP_TEST_PG_URL to use an existing server instead (it must allow CREATE DATABASE).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class PgUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    raise PgUnavailable("no PostgreSQL server binaries (install the Debian package `postgresql`)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self) -> None:
        self.bindir = _bindir()
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="debateprep-pg-"))
        self.datadir = self.root / "data"
        self.sockdir = self.root / "sock"
        self.user = "postgres"
        self._as_postgres = os.geteuid() == 0

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        full = list(cmd)
        if self._as_postgres:
            full = ["runuser", "-u", "postgres", "--", *full]
        return subprocess.run(full, capture_output=True, text=True, timeout=60)

    def start(self) -> str:
        self.sockdir.mkdir(parents=True)
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockdir, "postgres")
        else:
            self.user = os.environ.get("USER", "postgres")
        r = self._run(str(self.bindir / "initdb"), "-D", str(self.datadir), "-A", "trust", "-U", self.user,
                      "-E", "UTF8", "--locale=C.UTF-8")
        if r.returncode != 0:
            raise PgUnavailable(f"initdb failed: {r.stderr.strip()[:300]}")
        opts = f"-p {self.port} -k {self.sockdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        r = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-o", opts, "-w", "-l",
                      str(self.root / "log"), "start")
        if r.returncode != 0:
            raise PgUnavailable(f"pg_ctl start failed: {r.stderr.strip()[:300]}")
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def wait_ready(url: str, timeout: float = 10.0) -> None:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(plain, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
