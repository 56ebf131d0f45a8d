"""What is particular to the PostgreSQL store: constraints, the append-only history and its roles,
migrations, a process killed half-way through a write, and moving records between backends.

The contract every store keeps is in ``tests/test_store.py`` (run against both backends).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from records import Actor, CsvStore, Kind, Review, Status, StoreError, Theme, fixed_clock
from records.sqlschema import head_revision
from records.sqlstore import SqlStore, engine_url
from records.transfer import transfer
from records.vocab import STATUSES_BY_KIND, Border
from tests.pgserver import fresh_database
from tests.test_store import EDITOR, KNOWN, REPORTER, Ticking, draft

ROOT = Path(__file__).resolve().parents[1]
READ_CLOCK = fixed_clock(dt.datetime(2100, 1, 1))


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(engine_url(url), poolclass=sa.NullPool)


@pytest.fixture
def sql_store(pg_url: str) -> Iterator[SqlStore]:
    store = SqlStore(pg_url, clock=Ticking(), known_feature_ids=KNOWN, pool_size=2)
    yield store
    store.dispose()


def _with_user(url: str, user: str) -> str:
    return sa.engine.make_url(url).set(username=user).render_as_string(hide_password=False)


# -- the schema ---------------------------------------------------------------------------------


def test_migration_vocabularies_match_the_model() -> None:
    path = ROOT / "records" / "migrations" / "versions" / "0001_initial.py"
    spec = importlib.util.spec_from_file_location("initial", path)
    initial = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(initial)
    assert tuple(k.value for k in Kind) == initial.KINDS
    assert tuple(s.value for s in STATUSES_BY_KIND[Kind.OBSTACLE]) == initial.OBSTACLE_STATUSES
    assert tuple(s.value for s in STATUSES_BY_KIND[Kind.INITIATIVE]) == initial.INITIATIVE_STATUSES
    assert tuple(r.value for r in Review) == initial.REVIEWS
    assert tuple(t.value for t in Theme) == initial.THEMES
    assert set(initial.BORDERS) == {b.value for b in Border} | {"NL-BE;NL-DE"}


BREAKAGE = {
    "id": "id = 'Not An Id'",
    "kind": "kind = 'rumour'",
    "status_fits_kind": "status = 'planned'",
    "theme": "theme = 'weather'",
    "borders": "borders = 'NL-FR'",
    "date_range": "reported_on = DATE '1989-12-31'",
    "date_order": "updated_on = reported_on - 1",
    "title_length": "title_en = repeat('x', 161)",
    "one_line": "title_en = 'two' || chr(10) || 'lines'",
    "half_pair": "summary_en = ''",
    "merged_needs_target": "review = 'merged'",
    "rejected_needs_reason": "review = 'rejected'",
    "feature_id": "feature_id = 'Not a feature'",
}


@pytest.mark.parametrize("rule", sorted(BREAKAGE))
def test_the_tables_refuse_what_the_model_refuses(sql_store: SqlStore, pg_url: str, rule: str) -> None:
    record = sql_store.add(draft(), EDITOR)
    table = "record_features" if rule == "feature_id" else "records"
    key = "record_id" if table == "record_features" else "id"
    with _engine(pg_url).connect() as conn, pytest.raises(sa.exc.IntegrityError):
        conn.execute(sa.text(f"UPDATE {table} SET {BREAKAGE[rule]} WHERE {key} = :id"), {"id": record.id})


def test_an_empty_database_is_migrated_on_first_use_and_an_old_one_refused(pg_server: str) -> None:
    with fresh_database(pg_server) as url:
        refused = SqlStore(url, migrate_empty=False)
        with pytest.raises(StoreError) as info:
            refused.snapshot()
        assert info.value.message.key == "store.schema_missing" and "migrate" in info.value.message.text("en")
        store = SqlStore(url)
        assert len(store.snapshot()) == 0
        with _engine(url).begin() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '0000'"))
        for made in (store, refused):
            made.dispose()
        with pytest.raises(StoreError) as info:
            SqlStore(url).snapshot()
        assert info.value.message.key == "store.schema_other" and "0000" in info.value.message.text("nl")


# -- history is append-only ----------------------------------------------------------------------


def test_history_is_append_only_for_the_app_role_and_for_the_owner(pg_server: str) -> None:
    suffix = f"{os.getpid()}"
    owner, app = f"records_owner_{suffix}", f"records_app_{suffix}"
    admin = _engine(pg_server.replace("postgresql://", "postgresql+psycopg://"))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for role in (owner, app):
            conn.execute(sa.text(f'DROP ROLE IF EXISTS "{role}"'))
            conn.execute(sa.text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        with fresh_database(pg_server) as url:
            database = sa.engine.make_url(url).database
            with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text(f'ALTER DATABASE "{database}" OWNER TO "{owner}"'))
            migrate = [sys.executable, "-m", "records", "migrate", "--to", _with_user(url, owner), "--app-role", app]
            done = subprocess.run(migrate, cwd=ROOT, capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, done.stderr
            assert f"schema - → {head_revision()}" in done.stdout

            store = SqlStore(_with_user(url, app), clock=Ticking(), migrate_empty=False)
            record = store.add(draft(), EDITOR)  # the app role may write records and append history
            store.change_status(record.id, "assessing", "seen", EDITOR, 1)
            store.dispose()
            for user, refusal in ((app, "permission denied"), (owner, "append-only")):
                engine = _engine(_with_user(url, user))
                for statement in (
                    "UPDATE history SET change_note = 'rewritten' WHERE record_id = :id",
                    "DELETE FROM history WHERE record_id = :id",
                    "TRUNCATE history",
                ):
                    with engine.connect() as conn, pytest.raises(sa.exc.ProgrammingError, match=refusal):
                        conn.execute(sa.text(statement), {"id": record.id})
                engine.dispose()
            with _engine(url).connect() as conn:
                notes = conn.execute(sa.text("SELECT change_note FROM history ORDER BY id")).scalars().all()
            assert notes == ["", "seen"]
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for role in (owner, app):
                conn.execute(sa.text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


# -- kill -9 in the middle of a write -------------------------------------------------------------


def _consistent(url: str) -> dict[str, int]:
    """Check that records, links and history agree; return each id's current version."""
    store = SqlStore(url, clock=READ_CLOCK)
    try:
        versions, _ = store.versions()
        last = {}
        for _, record in versions:
            last[record.id] = record
        current = store.get(list(last))
        assert current == last  # the current row and its links are exactly the last version written
        with store.engine.connect() as conn:
            counter = conn.execute(sa.text("SELECT counter FROM store_state")).scalar()
            top = conn.execute(sa.text("SELECT coalesce(max(seq), 0) FROM history")).scalar()
        assert counter == top  # no counter step without its history row, nor the other way round
        return {rid: r.version for rid, r in last.items()}
    finally:
        store.dispose()


def _stop_before_commit(url: str, ready: int, arm_after: int) -> None:
    """Write; from the ``arm_after``-th commit on, say so on ``ready`` and wait (to be killed) before it."""
    store = SqlStore(url, clock=Ticking())
    commits = 0

    def before_commit(conn) -> None:
        nonlocal commits
        commits += 1
        if commits > arm_after:
            os.write(ready, b"x")
            signal.pause()

    sa.event.listen(store.engine, "commit", before_commit)
    record = store.add(draft(1), Actor.local())
    store.change_status(record.id, Status.ASSESSING, "halfway", Actor.local(), expected_version=1)
    store.add(draft(2), Actor.local())


@pytest.mark.parametrize("arm_after", [0, 1, 2])
def test_kill_before_commit_leaves_no_partial_change(pg_url: str, arm_after: int) -> None:
    read, write = os.pipe()
    ctx = multiprocessing.get_context("fork")
    proc = ctx.Process(target=_stop_before_commit, args=(pg_url, write, arm_after))
    proc.start()
    try:
        assert os.read(read, 1) == b"x"  # every statement of the write has run; COMMIT has not
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.join()
        os.close(read)
        os.close(write)
    expected = [{}, {"r1": 1}, {"r1": 2}][arm_after]
    found = _consistent(pg_url)
    assert sorted(found.values()) == sorted(expected.values()) and len(found) == len(expected)


def _writer_forever(url: str, journal: str) -> None:
    store = SqlStore(url, clock=Ticking(), pool_size=1)
    log = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    n = 0
    while True:
        record = store.add(draft(n), Actor.local())
        os.write(log, f"{record.id}\n".encode())
        store.change_status(record.id, Status.ASSESSING, f"note {n}", Actor.local(), expected_version=1)
        os.write(log, f"{record.id} v2\n".encode())
        n += 1


def test_kill_at_any_moment_loses_nothing_that_was_saved(pg_url: str, tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    journal.touch()
    ctx = multiprocessing.get_context("fork")
    for attempt in range(6):
        lines = len(journal.read_text().splitlines())
        proc = ctx.Process(target=_writer_forever, args=(pg_url, str(journal)))
        proc.start()
        want = lines + 1 + attempt % 3
        _wait_for(lambda w=want: len(journal.read_text().splitlines()) >= w)
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        found = _consistent(pg_url)
        for line in journal.read_text().splitlines()[:-1]:  # the last line may be cut by the kill
            record_id, _, version = line.partition(" ")
            assert record_id in found, f"attempt {attempt}: {record_id} was saved but is gone"
            if version:
                assert found[record_id] == 2


def _wait_for(condition, timeout: float = 20.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the writer"
        time.sleep(0.001)


# -- moving between backends ---------------------------------------------------------------------


def _filled_csv(path: Path) -> CsvStore:
    """A CSV file with every kind of change: adds, status, edit, review (accept and reject), merge."""
    store = CsvStore(path, clock=Ticking(), known_feature_ids=KNOWN)
    a = store.add(draft(1, title_nl="Pensioen dubbel belast", summary_nl="Grensarbeiders betalen twee keer."), EDITOR)
    b = store.add(draft(2, feature_ids="port:emden", border="NL-DE"), REPORTER)
    c = store.add(draft(3), REPORTER)
    d = store.add(draft(4, kind="initiative", status="planned"), EDITOR)
    store.change_status(a.id, "assessing", "picked up", EDITOR, 1)
    store.edit(
        a.id, {"responsible": "SZW", "summary_en": "Two lines\nof text, 'quoted' and \"double\"."}, "", EDITOR, 2
    )
    store.review(c.id, False, "Not cross-border", EDITOR, 1)
    store.merge(b.id, a.id, "same", EDITOR, {b.id: 1, a.id: 3})
    store.change_status(d.id, "running", "started", EDITOR, 1)
    return store


def test_csv_to_postgres_to_csv_round_trips_records_and_histories(tmp_path: Path, pg_url: str) -> None:
    source = tmp_path / "obstacles.csv"
    original = _filled_csv(source)
    report = transfer(source, pg_url, clock=READ_CLOCK)
    assert report.problems == [] and report.added == 10  # every version: 4 + 2 + 2 + 2
    database = SqlStore(pg_url, clock=READ_CLOCK)
    out = tmp_path / "out.csv"
    transfer(pg_url, out, clock=READ_CLOCK, export=True)
    assert out.read_bytes() == source.read_bytes()  # the same rows, in the same order, byte for byte
    back = CsvStore(out, clock=READ_CLOCK)
    ids = [s.id for s in original.snapshot().summaries]
    for store in (database, back):
        assert [s.id for s in store.snapshot().summaries] == ids
        assert store.get(ids) == original.get(ids)
        assert all(store.history(i) == original.history(i) for i in ids)
        assert store.search("twee keer") == original.search("twee keer")
    again = transfer(source, pg_url, clock=READ_CLOCK)  # importing twice adds nothing
    assert (again.added, again.present, again.problems) == (0, report.added, [])
    with pytest.raises(StoreError, match="exists already"):
        transfer(pg_url, out, clock=READ_CLOCK, export=True)
    plain = tmp_path / "plain.csv"
    transfer(f"csv:{source}", plain, clock=READ_CLOCK, export=True)  # CSV paths work on either side
    assert plain.read_bytes() == source.read_bytes()
    database.dispose()


def test_an_old_format_file_moves_with_its_separate_history(tmp_path: Path, pg_url: str) -> None:
    from tests.test_store import OLD_HEADER, OLD_ROWS

    source = tmp_path / "obstacles.csv"
    source.write_text(OLD_HEADER + OLD_ROWS, encoding="utf-8")
    (tmp_path / "obstacles_history.csv").write_text(
        "record_id,changed_at,changed_by,from_status,to_status,note\n"
        "g-2,2021-01-01T10:00:00+00:00,Planner A,reported,assessing,picked up\n",
        encoding="utf-8",
    )
    report = transfer(source, pg_url, clock=READ_CLOCK)
    assert [(p.line, p.message.key) for p in report.problems] == [(4, "problem.columns")]
    database = SqlStore(pg_url, clock=READ_CLOCK)
    assert database.history("g-2") == CsvStore(source, clock=READ_CLOCK).history("g-2")
    transfer(pg_url, tmp_path / "out" / "obstacles.csv", clock=READ_CLOCK, export=True)
    out = CsvStore(tmp_path / "out" / "obstacles.csv", clock=READ_CLOCK)
    assert out.history("g-2") == database.history("g-2")
    database.dispose()


def test_a_bad_row_is_reported_with_its_line_and_the_rest_goes_in(tmp_path: Path, pg_url: str) -> None:
    source = tmp_path / "obstacles.csv"
    _filled_csv(source)
    lines = source.read_text(encoding="utf-8").split("\n")
    bad = next(n for n, line in enumerate(lines) if line.startswith("r-") and ",initiative," in line)
    lines[bad] = lines[bad].replace(",initiative,", ",rumour,")
    source.write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "records", "import", str(source), "--to", pg_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr  # imported, with rows left out
    assert f"line {bad + 1}:" in done.stdout and "(not imported)" in done.stdout
    assert "added 9 versions of 4 records in one transaction" in done.stdout  # all but the bad one
    database = SqlStore(pg_url, clock=READ_CLOCK)
    assert len(database.snapshot()) == 4
    database.dispose()


def test_a_database_error_in_an_import_adds_nothing(tmp_path: Path, pg_url: str) -> None:
    source = tmp_path / "obstacles.csv"
    store = _filled_csv(source)
    last = store.snapshot().summaries[-1].id
    with _engine(pg_url).begin() as conn:  # the server refuses one record (as a full disk would)
        conn.execute(
            sa.text(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                f" IF NEW.record_id = '{last}' THEN RAISE EXCEPTION 'refused for the test'; END IF;"
                " RETURN NEW; END $$"
            )
        )
        conn.execute(sa.text("CREATE TRIGGER refuse BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION refuse()"))
    try:
        with pytest.raises(StoreError, match="nothing imported, the transaction was rolled back"):
            transfer(source, pg_url, clock=READ_CLOCK)
        database = SqlStore(pg_url, clock=READ_CLOCK)
        assert len(database.snapshot()) == 0 and database.versions()[0] == []
        database.dispose()
    finally:
        with _engine(pg_url).begin() as conn:
            conn.execute(sa.text("DROP TRIGGER refuse ON history"))
            conn.execute(sa.text("DROP FUNCTION refuse()"))
