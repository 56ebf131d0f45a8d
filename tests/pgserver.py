"""A throwaway PostgreSQL cluster for tests and benchmarks.

``initdb`` in a new temporary folder, the server on 127.0.0.1 only (a random free port, its
socket in that folder), run as an unprivileged user when we are root (PostgreSQL refuses root),
durability switched off (the data is thrown away), stopped and removed on :meth:`Cluster.stop`.
``$RECORDS_TEST_URL`` (set by ``.ci/run``) names a server that is already running instead.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["Cluster", "admin_url", "find_bin_dir", "fresh_database", "reset_database", "throwaway_cluster"]

SETTINGS = (
    "listen_addresses='127.0.0.1'",
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "max_connections=300",
    "shared_buffers='64MB'",
)
_counter = itertools.count(1)


def find_bin_dir() -> Path | None:
    """Return the folder holding ``initdb`` and ``pg_ctl`` (on PATH or Debian's), or None."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]), reverse=True)
    return found[0].parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A cluster in ``folder`` run by ``user`` (``None``: ourselves) on ``port``."""

    def __init__(self, bin_dir: Path, folder: Path, user: str | None, port: int):
        self.bin_dir, self.folder, self.user, self.port = bin_dir, folder, user, port
        self.data = folder / "data"
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, cwd=self.folder)

    def start(self) -> Cluster:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n".join(SETTINGS) + f"\nport={self.port}\nunix_socket_directories='{self.folder}'\n")
        log = str(self.folder / "server.log")
        done = self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "start", check=False)
        if done.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"PostgreSQL did not start: {done.stderr}\n{log}")
        return self

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def throwaway_cluster(bin_dir: Path | None = None) -> Cluster:
    """Start a new cluster (see the module docstring); the caller stops it."""
    bin_dir = bin_dir or find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install -y postgresql")
    folder = Path(tempfile.mkdtemp(prefix="records-pg-"))
    user = None
    if os.geteuid() == 0:
        user = "nobody"
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    for attempt in range(3):  # a free port may be taken between choosing it and binding it
        cluster = Cluster(bin_dir, folder, user, _free_port())
        try:
            return cluster.start()
        except RuntimeError:
            cluster._run("pg_ctl", "-D", str(cluster.data), "-m", "immediate", "stop", check=False)
            shutil.rmtree(cluster.data, ignore_errors=True)
            if attempt == 2:
                shutil.rmtree(folder, ignore_errors=True)
                raise
    raise AssertionError("unreachable")


def admin_url() -> str | None:
    """The server named by ``$RECORDS_TEST_URL`` (a role that may create databases and roles)."""
    return os.environ.get("RECORDS_TEST_URL") or None


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


@contextlib.contextmanager
def fresh_database(url: str, template: str | None = None, prefix: str = "records_test") -> Iterator[str]:
    """Create an empty database (or a copy of ``template``) on the server at ``url``; drop it after."""
    import sqlalchemy as sa

    name = f"{prefix}_{os.getpid()}_{next(_counter)}"
    admin = sa.create_engine(_normalise(url), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            suffix = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
            conn.execute(sa.text(f'CREATE DATABASE "{name}"{suffix}'))
        yield _with_database(url, name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


RESET = (
    "SET session_replication_role = replica",  # as a superuser: the append-only triggers stand aside
    "DELETE FROM history",  # DELETE, not TRUNCATE: a few rows go faster than new files
    "DELETE FROM legacy_history",
    "DELETE FROM record_features",
    "DELETE FROM records",
    "RESET session_replication_role",
    "ALTER SEQUENCE records_position_seq RESTART",
    "ALTER SEQUENCE history_id_seq RESTART",
    "ALTER SEQUENCE legacy_history_id_seq RESTART",
    "UPDATE store_state SET counter = 0, store_uid = gen_random_uuid()::text",
)


def reset_database(url: str) -> None:
    """Empty a migrated database again (much faster than making a new one: about 10 ms, not 1 s)."""
    import sqlalchemy as sa

    engine = sa.create_engine(_normalise(url), poolclass=sa.NullPool)
    try:
        with engine.begin() as conn:
            for statement in RESET:
                conn.execute(sa.text(statement))
    finally:
        engine.dispose()


def _normalise(url: str) -> str:
    from records.sqlstore import engine_url

    return engine_url(url)
