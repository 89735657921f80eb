"""A throw-away PostgreSQL cluster for the tests: the real server from the Debian packages, never a mock.

`.ci/run` (through scripts/test.sh) installs the `postgresql` package; this starts a cluster of its own in a
temporary folder, listening only on a Unix socket in that folder, and removes it at the end. PostgreSQL
refuses to run as root, so under root (as in CI) the cluster runs as the `postgres` system user
(`runuser -u postgres -- …`) in a folder that user owns.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

NOT_INSTALLED = ("PostgreSQL is not installed (Debian: apt-get install postgresql; scripts/test.sh does it): "
                 "the tests against a real server cannot run")


def server_bin() -> Path | None:
    """The folder of the newest installed server's programs (initdb, pg_ctl), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


class Cluster:
    """A running throw-away cluster; `url(database)` gives a SQLAlchemy URL for psycopg 3."""

    def __init__(self) -> None:
        binaries = server_bin()
        if binaries is None:
            raise RuntimeError(NOT_INSTALLED)
        self.bin = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="raadsdossier-pg-"))
        self.data = self.folder / "data"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self.folder.chmod(0o755)
        self.port = 5432 + (os.getpid() % 20000) + 1000
        self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale", "C.UTF-8",
                  "--no-sync")
        self._run("pg_ctl", "-D", self.data, "-l", self.folder / "server.log", "-w", "-o",
                  f"-k {self.folder} -p {self.port} -c listen_addresses='' -c fsync=off -c max_connections=60",
                  "start")

    def _run(self, program: str, *args) -> str:
        command = [str(self.bin / program), *map(str, args)]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed: {result.stderr or result.stdout}")
        return result.stdout

    def psql(self, sql: str, database: str = "postgres", user: str = "postgres") -> str:
        return self._run("psql", "-h", self.folder, "-p", self.port, "-U", user, "-d", database, "-v",
                         "ON_ERROR_STOP=1", "-At", "-c", sql)

    def create_database(self, name: str) -> str:
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def url(self, database: str, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@/{database}?host={self.folder}&port={self.port}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
