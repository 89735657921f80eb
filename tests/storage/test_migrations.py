"""Migrations: one linear chain, an empty database migrates to head and matches the model."""

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event

from raadsdossier import __version__
from raadsdossier.storage import migrations
from raadsdossier.domain.errors import DossierTooNew
from raadsdossier.domain.models import Base
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256


def test_revisions_form_one_linear_chain():
    script = migrations._script()
    revisions = list(script.walk_revisions())
    assert len(script.get_bases()) == 1
    assert len(script.get_heads()) == 1
    for revision in revisions:
        down = revision.down_revision
        assert down is None or isinstance(down, str), f"{revision.revision} merges branches"
    assert len({r.down_revision for r in revisions}) == len(revisions)


def test_the_revisions_read_without_alembic_are_alembics():
    """Read from the files' names: each is named after its revision, and revises the one before it."""
    script = migrations._script()
    assert list(migrations._chain()) == [r.revision for r in reversed(list(script.walk_revisions()))], (
        "name every file in db/versions after its revision (NNNN_what_it_does.py), with the one before as down_revision")
    assert migrations.head_revision() == script.get_current_head()


def test_opening_a_current_dossier_does_not_import_alembic(new_dossier):
    import subprocess
    import sys

    code = ("import sys; from raadsdossier.storage.dossier import Dossier; Dossier.open(sys.argv[1]).close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code, str(new_dossier)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _engine(path):
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _connect(dbapi, _record):
        dbapi.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


def test_empty_database_migrates_to_head_and_matches_the_model(tmp_path):
    engine = _engine(tmp_path / "leeg.db")
    with engine.begin() as connection:
        migrations.upgrade(connection)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "include_object": lambda obj, name, type_, *a: not (type_ == "table" and name.startswith("search_index")),
            "compare_type": True,
        })
        assert context.get_current_revision() == migrations.head_revision()
        assert _without_unnamed_column_keys(compare_metadata(context, Base.metadata)) == []
        tables = {row[0] for row in connection.exec_driver_sql("select name from sqlite_master where type='table'")}
        # Every foreign key as SQLite enforces it (PRAGMA foreign_key_list), against the model's.
        for table in Base.metadata.sorted_tables:
            enforced = {(row[3], row[2], row[6]) for row in
                        connection.exec_driver_sql(f"PRAGMA foreign_key_list({table.name})")}
            modelled = {(key.parent.name, key.column.table.name, key.ondelete or "NO ACTION")
                        for key in table.foreign_keys}
            assert enforced == modelled, table.name
    assert "search_index" in tables


def _without_unnamed_column_keys(differences: list) -> list:
    """Alembic's differences, less the foreign keys SQLAlchemy cannot reflect in full: a column added in place
    (ALTER TABLE … ADD COLUMN … REFERENCES, migration 0005) keeps its key in the column's definition, whose
    name and ON DELETE SQLite's reflection does not read. The test above checks them with SQLite's own PRAGMA."""
    def key(difference):
        constraint = difference[1]
        return (constraint.table.name, tuple(c.name for c in constraint.columns), constraint.referred_table.name)

    removed = {key(d) for d in differences if d[0] == "remove_fk" and d[1].name is None}
    added = {key(d) for d in differences if d[0] == "add_fk"}
    return [d for d in differences if not (d[0] in ("remove_fk", "add_fk") and key(d) in removed & added)]


def test_failed_migration_leaves_no_half_schema(tmp_path, monkeypatch):
    engine = _engine(tmp_path / "half.db")
    from alembic import command

    original = command.upgrade

    def upgrade_then_fail(config, target):
        original(config, target)
        raise RuntimeError("stroomstoring")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        with engine.begin() as connection:
            migrations.upgrade(connection)
    with sqlite3.connect(tmp_path / "half.db") as conn:
        assert conn.execute("select count(*) from sqlite_master").fetchone()[0] == 0


def test_dossier_from_a_newer_app_is_refused_and_unchanged(new_dossier):
    with sqlite3.connect(new_dossier) as conn:
        conn.execute("update alembic_version set version_num = '9001_from_the_future'")
        conn.execute("update dossier_meta set value = '3.2.0' where key = 'app_version'")
    before = sha256(new_dossier)
    with pytest.raises(DossierTooNew) as refused:
        Dossier.open(new_dossier)
    message = str(refused.value)
    assert "gemaakt met Raadsdossier 3.2.0" in message and f"deze versie, Raadsdossier {__version__}" in message
    assert "schema 9001_from_the_future" in message and migrations.head_revision() in message
    assert sha256(new_dossier) == before


def test_migrated_indexes_are_the_models_indexes(tmp_path):
    """Alembic cannot compare expression indexes on SQLite; compare what SQLite itself stores instead."""
    from sqlalchemy import create_engine as plain_engine

    migrated_engine = _engine(tmp_path / "migrated.db")
    with migrated_engine.begin() as connection:
        migrations.upgrade(connection)
    modelled_engine = plain_engine(f"sqlite:///{tmp_path / 'modelled.db'}")
    Base.metadata.create_all(modelled_engine)

    def indexes(path):
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                "AND tbl_name NOT LIKE 'search_index%'").fetchall()
        return {name: (table, " ".join(sql.replace('"', "").split())) for name, table, sql in rows}

    migrated, modelled = indexes(tmp_path / "migrated.db"), indexes(tmp_path / "modelled.db")
    assert any(name.startswith("ix_motions_sort") for name in migrated)
    assert migrated == modelled


def test_the_migrated_search_index_is_the_apps_definition(new_dossier):
    from raadsdossier.storage import search

    with sqlite3.connect(new_dossier) as conn:
        stored = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()[0]
    assert stored.replace('"', "") == search.CREATE_FTS_SQL
    assert "prefix = '2 3'" in stored


def test_migrating_an_old_dossier_keeps_every_search_result(tmp_path):
    """Migration 0004 rebuilds the full-text index: the same hits, in the same order, with the same
    snippets, before and after, for whole words, phrases and prefixes of every length."""
    import shutil

    from tests.conftest import REPO

    path = tmp_path / "oud.raadsdossier"
    shutil.copy(REPO / "tests/fixtures/dossiers/schema-0001-arnhem.raadsdossier", path)
    queries = ["wuhan", "stedenband", "motie", '"stedenband met"', "w", "wu", "wuh", "st", "ste", "sted",
               "oeigoeren", "college b", "be", "beë", "ÉÉN", "zzz"]

    def results():
        # Read as it is, with the search the app runs (Dossier.open would read an older file from an upgraded copy).
        from sqlalchemy import create_engine as plain_engine

        from raadsdossier.storage import search as search_index

        engine = plain_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
        with engine.connect() as connection:
            found = {q: [(h.id, h.snippet, round(h.rank, 9)) for h in search_index.search(connection, q)] for q in queries}
        engine.dispose()
        with sqlite3.connect(path) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        return found, revision

    before, old_revision = results()
    Dossier.open(path).close()  # migrates
    after, new_revision = results()
    assert (old_revision, new_revision) == ("0001", migrations.head_revision())
    assert sum(len(hits) for hits in before.values()) > 10
    assert after == before


def test_an_older_dossier_opened_read_only_is_read_from_an_upgraded_copy_and_left_as_it_was(tmp_path):
    """A pack of a dossier from an older version (read-only, e.g. while another program has it open) works, and
    the file stays byte for byte what it was; the private copy goes when the dossier is closed."""
    import shutil

    from raadsdossier.services import lists
    from tests.conftest import REPO

    path = tmp_path / "oud.raadsdossier"
    shutil.copy(REPO / "tests/fixtures/dossiers/schema-0001-arnhem.raadsdossier", path)
    before = sha256(path)
    dossier = Dossier.open(path, read_only=True)
    try:
        scratch = dossier._scratch
        assert scratch is not None and scratch.is_dir() and not str(scratch).startswith(str(tmp_path))
        assert lists.page(dossier, "question_sets") and lists.page(dossier, "motions")  # the newest columns read
        with dossier.session() as session:
            from raadsdossier.export.build import PackOptions, build_pack

            assert build_pack(session, PackOptions()).headings(1)
    finally:
        dossier.close()
    assert not scratch.exists()
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oud.raadsdossier"]  # no backup, no journal, no copy here


def test_migrating_an_old_dossier_keeps_every_row(tmp_path):
    """Every row of every table of a dossier of the first schema is still there after the migrations (0005 once
    made the question_sets table again, and SQLite's foreign keys took every question with the old table)."""
    import shutil

    from tests.conftest import REPO

    path = tmp_path / "oud.raadsdossier"
    shutil.copy(REPO / "tests/fixtures/dossiers/schema-0001-arnhem.raadsdossier", path)

    def counts():
        with sqlite3.connect(path) as conn:
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                     "AND name NOT LIKE 'search_index%' AND name != 'alembic_version'")]
            return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}

    before = counts()
    assert before["questions"] == 17
    Dossier.open(path).close()  # migrates
    after = counts()
    assert after.pop("dossier_meta") >= before.pop("dossier_meta")  # the app's version is stamped
    assert {table: after[table] for table in before} == before


def test_an_older_dossier_that_cannot_be_copied_to_be_read_says_so(tmp_path, monkeypatch):
    """A full temporary folder while reading an older dossier read-only: a sentence about that copy, not about a
    backup, naming the dossier; nothing left behind."""
    import errno
    import shutil

    from raadsdossier.domain.errors import DossierFileError
    from raadsdossier.storage import backups, sqlitefile
    from tests.conftest import REPO

    path = tmp_path / "oud.raadsdossier"
    shutil.copy(REPO / "tests/fixtures/dossiers/schema-0001-arnhem.raadsdossier", path)
    before = sha256(path)
    made = []

    def full(source, target, password, problem_path=None):
        made.append(target.parent)
        raise sqlitefile.write_failure(problem_path or target, "de reservekopie kon niet worden gemaakt",
                                       OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(backups, "copy_verified", full)
    with pytest.raises(DossierFileError) as refused:
        Dossier.open(path, read_only=True)
    message = str(refused.value)
    assert message.startswith(str(path)) and "tijdelijke, bijgewerkte kopie" in message and "reservekopie" not in message
    assert "vol" in message and sha256(path) == before and not made[0].exists()


def _differences(connection) -> list:
    context = MigrationContext.configure(connection, opts={
        "include_object": lambda obj, name, type_, *a: not (type_ == "table" and name.startswith("search_index")),
        "compare_type": True,
    })
    return _without_unnamed_column_keys(compare_metadata(context, Base.metadata))


def test_the_whole_chain_runs_on_postgresql_down_and_up_and_matches_the_model(postgres):
    """The griffie's shared store: the same Alembic chain on a real PostgreSQL server, with its own full-text
    index (a weighted Dutch tsvector with a GIN index) where SQLite has FTS5."""
    from alembic import command

    engine = create_engine(postgres.create_database("keten"))
    try:
        with engine.begin() as connection:
            migrations.upgrade(connection)
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == migrations.head_revision()
            assert _differences(connection) == []
            searched = connection.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_index' AND indexname = 'ix_search_index_document'").scalar()
            assert "gin (document)" in searched
        with engine.begin() as connection:
            command.downgrade(migrations.alembic_config(connection), "base")
        with engine.connect() as connection:
            left = connection.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").scalars()
            assert set(left) == {"alembic_version"}
        with engine.begin() as connection:
            migrations.upgrade(connection)
        with engine.connect() as connection:
            assert _differences(connection) == []
    finally:
        engine.dispose()


def test_data_crosses_the_dialect_specific_steps_on_postgresql(postgres):
    """0006 (agenda items: a link to one survives its remake and its way back) and 0008 (a follow-up text to
    entries, and back with string_agg where SQLite has group_concat) keep what the rows say, on PostgreSQL."""
    from alembic import command

    engine = create_engine(postgres.create_database("gegevens"))

    def to(revision, *statements, down=False):
        with engine.begin() as connection:
            (command.downgrade if down else command.upgrade)(migrations.alembic_config(connection), revision)
            for statement in statements:
                connection.exec_driver_sql(statement)

    def one(sql):
        with engine.connect() as connection:
            return connection.exec_driver_sql(sql).all()

    try:
        to("0005",
           "INSERT INTO items (id, seq, kind, confidentiality, created_at, updated_at) VALUES "
           "('m1', 1, 'motion', 'public', now(), now()), ('v1', 2, 'meeting', 'public', now(), now())",
           "INSERT INTO meetings (id, date, body, title) VALUES ('v1', '2021-07-05', 'council', 'Raadsvergadering')",
           "INSERT INTO agenda_items (id, meeting_id, position, number, title, kind) VALUES "
           "('a1', 'v1', 1, '7', 'Stedenband Wuhan', 'debate')",
           "INSERT INTO motions (id, title, status, meeting_id, agenda_item_id) VALUES "
           "('m1', 'Motie stedenband', 'adopted', 'v1', 'a1')")
        to("0007", "UPDATE motions SET follow_up = 'Het college beëindigde de band.'")
        to("head")
        assert one("SELECT agenda_item_id FROM motions") == [("a1",)]
        assert one("SELECT position, text FROM follow_up_entries") == [(0, "Het college beëindigde de band.")]
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO follow_up_entries (item_id, position, date, text) VALUES "
                                       "('m1', 1, '2024-03-01', 'De band is beëindigd.')")
        to("0007", down=True)
        assert one("SELECT follow_up FROM motions") == [
            ("Het college beëindigde de band.\n\n2024-03-01: De band is beëindigd.",)]
        to("0005", down=True)
        assert one("SELECT agenda_item_id, number FROM motions JOIN agenda_items ON agenda_items.id = "
                   "motions.agenda_item_id") == [("a1", "7")]
    finally:
        engine.dispose()


def test_two_older_dossiers_opened_on_two_threads_at_once_are_both_upgraded_whole(tmp_path, monkeypatch):
    """The motion tracker reads a library on a worker thread (upgrading private copies of older dossiers) while the
    window opens one: Alembic runs a migration through module-wide state, so two at once would run one file's
    steps on the other's connection. Upgrades take turns: both files end at head with every question."""
    import shutil
    import threading
    import time

    from alembic import command

    from tests.conftest import REPO

    paths = [tmp_path / f"oud-{n}.raadsdossier" for n in (1, 2)]
    for path in paths:
        shutil.copy(REPO / "tests/fixtures/dossiers/schema-0001-arnhem.raadsdossier", path)
    inside, most = [0], [0]
    real = command.upgrade

    def slow_upgrade(*args, **kwargs):  # long enough for the other thread to arrive while this one runs
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        time.sleep(0.2)
        try:
            return real(*args, **kwargs)
        finally:
            inside[0] -= 1

    monkeypatch.setattr(command, "upgrade", slow_upgrade)
    errors = []

    def open_one(path):
        try:
            Dossier.open(path).close()
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=open_one, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert most[0] == 1
    for path in paths:
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrations.head_revision()
            assert conn.execute("SELECT count(*) FROM questions").fetchone()[0] == 17
