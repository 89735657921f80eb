"""A griffie's shared store on PostgreSQL: many dossiers on one server, each checked out as a local file.

Layout. A store is a PostgreSQL database. Its catalog lives in the schema `raadsdossier_store`: one row per
dossier (its name, schema and revision) and one per check-in. Each dossier is a schema of its own
(`d_arnhem_wuhan`) with the app's tables, made by the same Alembic chain as a dossier file, plus
`row_revisions`: for every row of every table, the revision that last changed it, by whom and when.

Checking out writes a local dossier file (any later edit is the app's ordinary work, offline) and, beside
it, a hidden copy of what was checked out: the *base* (`.arnhem.raadsdossier.basis`). The base makes the
merge three-way and per field: a field the user changed is one whose local value differs from the base's;
one someone else changed on the server, one whose server value differs from the base's. A check-in sends
the local changes in one server transaction, after locking the dossier's catalog row, so that check-ins of
one dossier take turns and one killed half-way leaves the server at its old revision. Where both sides
changed the same field of a row differently (or one side deleted a row the other changed), nothing of that
row is sent: the conflict is reported with both values, who and when, and both values are kept (the local
one in the file, the server's on the server) until the user picks one.

The unit of change is a row of a table; an item's own row (in `items` and its kind's table) is the item.
Connection settings never carry a password: a URL without one, or a libpq service (`pg_service.conf`),
with the password in `~/.pgpass` or the service file.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from raadsdossier.domain.errors import DossierError, InvalidInput

CATALOG = "raadsdossier_store"
DELETED = "(verwijderd)"  # a Conflict's field when one side deleted the row the other changed
# Tables that hold no rows of the dossier's own (the search index is rebuilt from the items).
_SKIPPED = {"search_index", "alembic_version"}
# What is each copy's own and never merged: the file's settings and origin (dossier_meta) and the items'
# sequence numbers (each database numbers its items for its search index).
_LOCAL_TABLES = {"dossier_meta"}
_LOCAL_COLUMNS = {("items", "seq")}


class StoreError(DossierError):
    """The server cannot be reached, the store or the dossier does not exist, or it was asked wrongly."""


def engine_for(url: str):
    """A SQLAlchemy engine (psycopg 3) for a store URL: `postgresql://user@host[:port]/database` or
    `service:NAME` (a libpq service). A password in the URL is refused: it would end up in the shell's
    history and in the process list."""
    from sqlalchemy import create_engine

    if url.startswith("service:"):
        name = url.removeprefix("service:")
        if not re.fullmatch(r"[\w.-]+", name):
            raise InvalidInput(None, f"'{url}' is geen geldige dienstnaam (service:NAAM uit pg_service.conf).")
        return create_engine(f"postgresql+psycopg:///?service={name}")
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise InvalidInput(None, f"'{url}' is geen PostgreSQL-adres; gebruik postgresql://gebruiker@server/database "
                                 "of service:NAAM.")
    if parts.password:
        raise InvalidInput(None, "zet geen wachtwoord in het serveradres: het komt dan in de geschiedenis van de "
                                 "opdrachtregel. Zet het in ~/.pgpass of in pg_service.conf.")
    return create_engine("postgresql+psycopg://" + url.split("://", 1)[1])


def schema_name(name: str) -> str:
    """The schema of the dossier called `name` ("arnhem-wuhan" → "d_arnhem_wuhan")."""
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not slug:
        raise InvalidInput(None, f"'{name}' is geen bruikbare naam voor een dossier op de server.")
    return f"d_{slug}"[:63]


def server_errors() -> tuple[type[BaseException], ...]:
    """What the server or the way to it can raise (through SQLAlchemy or psycopg); anything else is a fault of ours."""
    from sqlalchemy.exc import DBAPIError

    return (DBAPIError,)


def _unavailable(url: str, exc: BaseException) -> StoreError:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return StoreError(f"{url}: de server is niet bereikbaar of weigert ({reason}).")


@contextmanager
def connected(url: str, transaction: bool = True, require_store: bool = True, snapshot: bool = False, engine=None):
    """A connection to the store at `url` for a `with` block (in one transaction unless `transaction` is False;
    with `snapshot`, one that only reads, and everything it reads is one consistent state); what the server or
    the way to it refuses becomes one StoreError naming the address. `engine`: one the caller keeps for `url`
    (services/search.py), used and left open; else one is made for the block and closed after it."""
    kept = engine is not None
    engine = engine if kept else engine_for(url)
    try:
        with engine.begin() if transaction else engine.connect() as connection:
            if snapshot:
                connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            if require_store:
                _require_store(connection, url)
            yield connection
    except server_errors() as exc:
        raise _unavailable(url, exc) from exc
    finally:
        if not kept:
            engine.dispose()


# -- the catalog ------------------------------------------------------------------------------------------


def init_store(url: str) -> bool:
    """Make the catalog in the database at `url`; False when it was there already (nothing changed)."""
    from sqlalchemy import text

    with connected(url, require_store=False) as connection:
        if connection.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :n"), {"n": CATALOG}).first():
            return False
        connection.execute(text(f"CREATE SCHEMA {CATALOG}"))
        connection.execute(text(
            f"CREATE TABLE {CATALOG}.dossiers (name TEXT PRIMARY KEY, schema_name TEXT NOT NULL UNIQUE, "
            "display_name TEXT NOT NULL, revision BIGINT NOT NULL, published_by TEXT NOT NULL, "
            "published_at TIMESTAMPTZ NOT NULL DEFAULT now())"))
        connection.execute(text(
            f"CREATE TABLE {CATALOG}.checkins (dossier TEXT NOT NULL REFERENCES {CATALOG}.dossiers (name) "
            "ON DELETE CASCADE, revision BIGINT NOT NULL, by_user TEXT NOT NULL, at TIMESTAMPTZ NOT NULL "
            "DEFAULT now(), changes INTEGER NOT NULL, PRIMARY KEY (dossier, revision))"))
        return True


@dataclass(frozen=True)
class StoredDossier:
    name: str
    display_name: str
    revision: int
    published_by: str
    published_at: datetime
    last_checkin: datetime | None


def _require_store(connection, url: str) -> None:
    from sqlalchemy import text

    if not connection.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :n"), {"n": CATALOG}).first():
        raise StoreError(f"{url}: hier is geen Raadsdossier-opslag; maak die eerst met 'raadsdossier server init "
                         f"{url}'.")


def list_dossiers(url: str) -> list[StoredDossier]:
    from sqlalchemy import text

    with connected(url, transaction=False) as connection:
        rows = connection.execute(text(
            f"SELECT d.name, d.display_name, d.revision, d.published_by, d.published_at, max(c.at) "
            f"FROM {CATALOG}.dossiers AS d LEFT JOIN {CATALOG}.checkins AS c ON c.dossier = d.name "
            "GROUP BY d.name ORDER BY d.display_name")).all()
    return [StoredDossier(*row) for row in rows]


# -- rows -------------------------------------------------------------------------------------------------


def _tables():
    """The model's tables, parents before children (the order to insert in; reversed, to delete in)."""
    from raadsdossier.domain.models import Base

    return [table for table in Base.metadata.sorted_tables if table.name not in _SKIPPED]


def _key(table, row: dict) -> str:
    return json.dumps([_plain(row[column.name]) for column in table.primary_key.columns])


def _plain(value):
    """A value as it compares and travels the same from SQLite and from PostgreSQL."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        import hashlib

        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return value


def read_rows(connection) -> dict[str, dict[str, dict]]:
    """Every row of every table on `connection`: table name → row key → {column: value}."""
    from sqlalchemy import select

    found = {}
    for table in _tables():
        found[table.name] = {_key(table, dict(row._mapping)): dict(row._mapping)
                             for row in connection.execute(select(table))}
    return found


def _fields(table: str, row: dict) -> list[str]:
    return [name for name in row if (table, name) not in _LOCAL_COLUMNS]


def _same(table: str, a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(_plain(a[name]) == _plain(b.get(name)) for name in _fields(table, a))


def _changed_fields(table: str, new: dict, old: dict) -> set[str]:
    return {name for name in _fields(table, new) if _plain(new[name]) != _plain(old.get(name))}


def write_rows(connection, rows: dict[str, dict[str, dict]]) -> None:
    """Insert `rows` (read_rows' shape) into the empty tables on `connection`, parents first."""
    from sqlalchemy import insert

    for table in _tables():
        batch = list(rows.get(table.name, {}).values())
        for start in range(0, len(batch), 1000):
            connection.execute(insert(table), batch[start:start + 1000])


# -- conflicts --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    table: str
    key: str  # the row's primary key, as JSON
    field: str  # the column; DELETED when one side deleted the row the other changed
    mine: object
    theirs: object
    by: str | None  # who changed it on the server, and when
    at: str | None

    @property
    def item_id(self) -> str:
        return str(json.loads(self.key)[0])

    def as_dict(self) -> dict:
        return {"table": self.table, "id": self.item_id, "key": json.loads(self.key), "field": self.field,
                "mine": _plain_value(self.mine), "theirs": _plain_value(self.theirs), "by": self.by, "at": self.at}


def _plain_value(value):
    """A conflict's value as JSON takes it: a field's value, or a whole row (one side deleted it) field by field, its
    times as text as well (an item's row holds its times)."""
    return {name: _plain(field) for name, field in value.items()} if isinstance(value, dict) else _plain(value)


def three_way(local: dict, base: dict, server: dict, revisions: dict | None = None, mine: set[str] = frozenset(),
              theirs: set[str] = frozenset()):
    """Compare the local rows and the server's with the base, per table and row and field.

    Returns (changes to send: table → key → row or None for a deletion, with the fields changed;
    conflicts; changes to take: table → key → row or None; the rows held back: table → keys). No row of an
    item in conflict is sent or taken (_held_back); a conflict over an id in `mine` sends this side's row,
    one in `theirs` takes the server's.
    """
    send: dict[str, dict[str, tuple[dict | None, set[str]]]] = {}
    take: dict[str, dict[str, dict | None]] = {}
    conflicts: list[Conflict] = []
    revisions = revisions or {}
    for table in _tables():
        name = table.name
        if name in _LOCAL_TABLES:
            continue
        here, then, there = local.get(name, {}), base.get(name, {}), server.get(name, {})
        for key in sorted(set(here) | set(then) | set(there)):
            l_row, b_row, s_row = here.get(key), then.get(key), there.get(key)
            local_changed = not _same(name, l_row, b_row)
            server_changed = not _same(name, s_row, b_row)
            by, at = revisions.get((name, key), (None, None))
            if local_changed and server_changed and not _same(name, l_row, s_row):
                decided = str(json.loads(key)[0])
                if decided in mine:  # the user chose this side's row, whole
                    send.setdefault(name, {})[key] = (l_row, set(_fields(name, l_row or {})))
                    continue
                if decided in theirs:
                    take.setdefault(name, {})[key] = s_row
                    continue
                if l_row is None or s_row is None or b_row is None:
                    conflicts.append(Conflict(name, key, DELETED, l_row, s_row, by, at))
                    continue
                mine_fields = _changed_fields(name, l_row, b_row)
                both = mine_fields & _changed_fields(name, s_row, b_row)
                clashing = sorted(f for f in both if _plain(l_row[f]) != _plain(s_row[f]))
                if clashing:
                    conflicts.extend(Conflict(name, key, f, l_row[f], s_row[f], by, at) for f in clashing)
                    continue
                merged = {**s_row, **{f: l_row[f] for f in mine_fields}}
                send.setdefault(name, {})[key] = (merged, mine_fields)
                take.setdefault(name, {})[key] = merged
            elif local_changed:
                fields = _changed_fields(name, l_row, b_row) if l_row and b_row else set(_fields(name, l_row or {}))
                send.setdefault(name, {})[key] = (l_row, fields)
            elif server_changed:
                take.setdefault(name, {})[key] = s_row
    held = _held_back(conflicts, [local, base, server])
    for table, keys in held.items():
        for key in keys:
            send.get(table, {}).pop(key, None)
            take.get(table, {}).pop(key, None)
    return send, conflicts, take, held


def _held_back(conflicts: list[Conflict], sides: list[dict]) -> dict[str, set[str]]:
    """Every row of an item in conflict: its own rows and every row that refers to them, however deep (a vote's
    casts, a question set's questions), in any of `sides`. None of them is sent or taken: nothing of that item
    is overwritten on either side, and deleting its item row would take the rest with it (ON DELETE CASCADE)."""
    ids = {conflict.item_id for conflict in conflicts}
    held: dict[str, set[str]] = {}
    tables = [table for table in _tables() if table.name not in _LOCAL_TABLES]
    while ids:
        found = set()
        for table in tables:
            references = [fk.parent.name for fk in table.foreign_keys]
            own = table.primary_key.columns.values()[0].name
            for side in sides:
                for key, row in side.get(table.name, {}).items():
                    if key in held.get(table.name, ()):
                        continue
                    if str(row.get(own)) in ids or any(str(row.get(name)) in ids for name in references):
                        held.setdefault(table.name, set()).add(key)
                        found.add(str(row.get(own)))
        ids = {i for i in found if i and i != "None"}
    return held


# -- applying changes -------------------------------------------------------------------------------------


def _where(table, row: dict):
    from sqlalchemy import and_

    return and_(*(column == row[column.name] for column in table.primary_key.columns))


def apply_rows(connection, changes: dict[str, dict[str, dict | None]], existing: dict[str, dict[str, dict]]) -> int:
    """Make the rows on `connection` what `changes` says (table → key → the whole row, or None: deleted);
    `existing` is what the connection holds now (read_rows). Children are deleted before their parents, and
    parents written before their children. A new item gets the next sequence number of this database.
    Returns the number of rows changed."""
    from sqlalchemy import delete, func, insert, select, update

    tables = _tables()
    count = 0
    for table in reversed(tables):
        for key, row in changes.get(table.name, {}).items():
            old = existing.get(table.name, {}).get(key)
            if row is None and old is not None:
                connection.execute(delete(table).where(_where(table, old)))
                count += 1
    for table in tables:
        for key, row in changes.get(table.name, {}).items():
            if row is None:
                continue
            old = existing.get(table.name, {}).get(key)
            values = {name: row[name] for name in _fields(table.name, row)}
            if old is None:
                if table.name == "items":
                    values["seq"] = (connection.execute(select(func.max(table.c.seq))).scalar() or 0) + 1
                connection.execute(insert(table), values)
            else:
                connection.execute(update(table).where(_where(table, old)).values(values))
            count += 1
    return count


def _sent_rows(send) -> dict[str, dict[str, dict | None]]:
    return {table: {key: row for key, (row, _fields) in rows.items()} for table, rows in send.items()}


def reindex(connection) -> None:
    """Rebuild the search index of the dossier on `connection` from its items (after rows changed by hand)."""
    from sqlalchemy.orm import Session

    from raadsdossier.storage import indexing

    with Session(bind=connection) as session:
        indexing.rebuild(session)
        session.flush()


# -- the server side of one dossier -----------------------------------------------------------------------


def _enter(connection, schema: str) -> None:
    from sqlalchemy import text

    connection.execute(text(f"SET LOCAL search_path TO {schema}, public"))


def _revisions(connection) -> dict:
    from sqlalchemy import text

    return {(table, key): (by, at.isoformat(timespec="minutes") if at else None)
            for table, key, by, at in connection.execute(text("SELECT tbl, key, by_user, at FROM row_revisions"))}


def _stamp(connection, rows: dict[str, dict[str, dict | None]], revision: int) -> None:
    from sqlalchemy import text

    stamped = [{"tbl": table, "key": key, "revision": revision} for table, keyed in rows.items() for key in keyed]
    if stamped:
        connection.execute(text(
            "INSERT INTO row_revisions (tbl, key, revision, by_user, at) VALUES (:tbl, :key, :revision, current_user, "
            "now()) ON CONFLICT (tbl, key) DO UPDATE SET revision = excluded.revision, by_user = excluded.by_user, "
            "at = excluded.at"), stamped)


def create_dossier_schema(connection, name: str, display_name: str, rows: dict) -> int:
    """In the store on `connection` (inside the caller's transaction): the dossier `name` with `rows`, at
    revision 1. StoreError when the name is taken."""
    from sqlalchemy import text

    from raadsdossier.storage import migrations

    schema = schema_name(name)
    taken = connection.execute(text(f"SELECT 1 FROM {CATALOG}.dossiers WHERE name = :n OR schema_name = :s"),
                               {"n": name, "s": schema}).first()
    if taken:
        raise StoreError(f"er staat al een dossier '{name}' op de server; kies een andere naam (--name) of haal het "
                         "op met 'server checkout'.")
    connection.execute(text(f"CREATE SCHEMA {schema}"))
    _enter(connection, schema)
    migrations.upgrade(connection)
    connection.execute(text("CREATE TABLE row_revisions (tbl TEXT NOT NULL, key TEXT NOT NULL, revision BIGINT NOT NULL, "
                            "by_user TEXT NOT NULL, at TIMESTAMPTZ NOT NULL, PRIMARY KEY (tbl, key))"))
    write_rows(connection, rows)
    reindex(connection)
    _stamp(connection, {t: r for t, r in rows.items() if t not in _LOCAL_TABLES}, 1)
    from raadsdossier.storage.store_access import secure

    secure(connection, schema)
    connection.execute(text(f"INSERT INTO {CATALOG}.dossiers (name, schema_name, display_name, revision, published_by) "
                            "VALUES (:n, :s, :d, 1, current_user)"), {"n": name, "s": schema, "d": display_name})
    return 1


def enter_dossier(connection, name: str, lock: bool = False) -> tuple[str, int]:
    """Put the schema of the store's dossier `name` first on the connection's search path for its transaction;
    its (schema, revision). With `lock`, its catalog row is locked for the transaction: check-ins take turns.
    StoreError when the store holds no such dossier."""
    from sqlalchemy import text

    row = connection.execute(text(f"SELECT schema_name, revision FROM {CATALOG}.dossiers WHERE name = :n"
                                  + (" FOR UPDATE" if lock else "")), {"n": name}).first()
    if row is None:
        raise StoreError(f"er staat geen dossier '{name}' op de server; 'raadsdossier server list' toont wat er is.")
    _enter(connection, row[0])
    return row[0], row[1]


def read_dossier(connection, name: str) -> tuple[dict, int, dict]:
    """The rows, the revision and the row revisions of the dossier `name` (a consistent snapshot)."""
    _schema, revision = enter_dossier(connection, name)
    return read_rows(connection), revision, _revisions(connection)


def send_changes(connection, name: str, send, server_rows: dict, revision: int) -> int:
    """Apply the local changes `send` (three_way's) to the dossier on `connection` as revision `revision` + 1;
    returns the new revision (the caller commits)."""
    from sqlalchemy import text

    rows = _sent_rows(send)
    changed = apply_rows(connection, rows, server_rows)
    if changed:
        reindex(connection)
    new_revision = revision + 1
    _stamp(connection, rows, new_revision)
    connection.execute(text(f"UPDATE {CATALOG}.dossiers SET revision = :r WHERE name = :n"),
                       {"r": new_revision, "n": name})
    connection.execute(text(f"INSERT INTO {CATALOG}.checkins (dossier, revision, by_user, changes) "
                            "VALUES (:n, :r, current_user, :c)"), {"n": name, "r": new_revision, "c": changed})
    return new_revision


@dataclass
class Origin:
    url: str
    dossier: str
    revision: int
    conflicts: list[dict] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"url": self.url, "dossier": self.dossier, "revision": self.revision}, ensure_ascii=False)


def base_path(path: Path) -> Path:
    """The hidden copy of what was checked out, beside the local file."""
    path = Path(path)
    return path.with_name(f".{path.name}.basis")
