"""The shared store's user actions: init, publish, list, checkout, checkin, update (storage/store.py does the
work). The command line's `raadsdossier server …` calls these; each is one action, in one server transaction.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from raadsdossier.domain.errors import DossierError, InvalidInput
from raadsdossier.storage import store
from raadsdossier.storage.store_keys import CONFLICTS_KEY, ORIGIN_KEY
from raadsdossier.storage.dossier import Dossier, _make_engine


@dataclass(frozen=True)
class Synced:
    """What a checkout, check-in or update did."""

    path: Path
    dossier: str
    revision: int  # the server's revision the local file is now at
    sent: int = 0  # rows sent to the server
    taken: int = 0  # rows brought in from the server
    conflicts: list[store.Conflict] = field(default_factory=list)  # still to resolve, both values kept


def init(url: str) -> bool:
    """Make the store's catalog; False when there was one already."""
    return store.init_store(url)


def grant(url: str, dossier: str, user: str, role: str, level: str = "public") -> None:
    """Give the server user `user` the role `role` (reader, editor) on `dossier`, seeing items up to `level`
    (public, internal, confidential). The server enforces it (roles and row-level security)."""
    from raadsdossier.storage import store_access

    with store.connected(url) as connection:
        store_access.grant(connection, dossier, user, role, level)


def list_dossiers(url: str) -> list[store.StoredDossier]:
    return store.list_dossiers(url)


def _meta(connection, key: str) -> str | None:
    from sqlalchemy import text

    return connection.execute(text("SELECT value FROM dossier_meta WHERE key = :k"), {"k": key}).scalar()


def _set_meta(connection, key: str, value: str | None) -> None:
    from sqlalchemy import text

    connection.execute(text("DELETE FROM dossier_meta WHERE key = :k"), {"k": key})
    if value is not None:
        connection.execute(text("INSERT INTO dossier_meta (key, value) VALUES (:k, :v)"), {"k": key, "v": value})


def _display_name(rows: dict) -> str:
    partnership = next(iter(rows.get("partnerships", {}).values()), None)
    if not partnership:
        return "dossier"
    return f"{partnership.get('dutch_side') or ''} – {partnership.get('partner_name') or ''}".strip(" –")


def _write_base(path: Path, rows: dict, password: str | None) -> None:
    """The base beside the local file: exactly `rows` (the server's state the local file was last merged with),
    written whole under a temporary name and then renamed over the old base."""
    from raadsdossier.base import tempfiles

    base = store.base_path(path)
    temporary = tempfiles.beside(base)
    try:
        Dossier.create(temporary, password).close()
        engine = _make_engine(temporary, "rw", password)
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql("DELETE FROM dossier_meta")
                # The items' sequence numbers are each database's own (never compared): rows from the server and
                # rows just sent may share one, so the base numbers its items afresh.
                items = {key: {**row, "seq": number} for number, (key, row)
                         in enumerate(sorted(rows.get("items", {}).items()), start=1)}
                store.write_rows(connection, {**{t: r for t, r in rows.items() if t != "dossier_meta"}, "items": items})
        finally:
            engine.dispose()
        os.replace(temporary, base)
    finally:
        temporary.unlink(missing_ok=True)


def _read_base(path: Path, password: str | None) -> dict:
    base = store.base_path(path)
    if not base.exists():
        raise InvalidInput(path, f"de kopie van wat is opgehaald ({base.name}) ontbreekt naast het dossier; zonder die "
                                 "kopie is niet te zien wat hier veranderd is. Haal het dossier opnieuw op "
                                 "('raadsdossier server checkout').")
    engine = _make_engine(base, "ro", password)
    try:
        with engine.connect() as connection:
            return store.read_rows(connection)
    finally:
        engine.dispose()


def origin_of(dossier: Dossier) -> store.Origin:
    with dossier.engine.connect() as connection:
        raw, conflicts = _meta(connection, ORIGIN_KEY), _meta(connection, CONFLICTS_KEY)
    if raw is None:
        raise InvalidInput(dossier.path, "dit dossier komt niet van een server; zet het erop met 'raadsdossier server "
                                         "publish'.")
    data = json.loads(raw)
    return store.Origin(data["url"], data["dossier"], data["revision"], json.loads(conflicts) if conflicts else [])


def publish(path: Path, url: str, name: str | None = None, password: str | None = None) -> Synced:
    """Put the local dossier at `path` on the server as the dossier `name` (default: the file's name); the local
    file is from then on checked out from it."""
    path = Path(path)
    name = name or path.stem
    with Dossier.open(path, password=password) as dossier:
        with dossier.engine.connect() as connection:
            rows = store.read_rows(connection)
        with store.connected(url) as connection:
            revision = store.create_dossier_schema(connection, name, _display_name(rows), rows)
        with dossier.engine.begin() as connection:
            _set_meta(connection, ORIGIN_KEY, store.Origin(url, name, revision).to_json())
            _set_meta(connection, CONFLICTS_KEY, None)
    _write_base(path, rows, password)
    return Synced(path, name, revision, sent=sum(len(r) for r in rows.values()))


def checkout(url: str, name: str, path: Path, password: str | None = None) -> Synced:
    """A new local file at `path` with the dossier `name` of the store, for working offline."""
    from raadsdossier.services.dossiers import _publish_new

    path = Path(path)
    with store.connected(url, snapshot=True) as connection:
        rows, revision, _revisions = store.read_dossier(connection, name)

    def build(dossier: Dossier) -> None:
        with dossier.engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM dossier_meta")
            store.write_rows(connection, rows)
            store.reindex(connection)
            _set_meta(connection, ORIGIN_KEY, store.Origin(url, name, revision).to_json())
            _set_meta(connection, CONFLICTS_KEY, None)

    _publish_new(path, build, password)
    _write_base(path, rows, password)
    return Synced(path, name, revision, taken=sum(len(r) for r in rows.values()))


def _after(server: dict, changes: dict) -> dict:
    """`server` with `changes` (table → key → row or None) applied: what the server holds after them."""
    result = {table: dict(rows) for table, rows in server.items()}
    for table, rows in changes.items():
        for key, row in rows.items():
            if row is None:
                result.setdefault(table, {}).pop(key, None)
            else:
                result.setdefault(table, {})[key] = row
    return result


def _sync(path: Path, password: str | None, send_local: bool, mine=(), theirs=()) -> Synced:
    """Check in (send_local) or update the checked-out dossier at `path`; see storage/store.py."""
    mine, theirs = set(mine), set(theirs)
    if mine & theirs:
        raise InvalidInput(None, f"{', '.join(sorted(mine & theirs))}: kies per conflict --mine of --theirs, niet allebei.")
    with Dossier.open(Path(path), password=password) as dossier:
        origin = origin_of(dossier)
        unknown = (mine | theirs) - {str(c["id"]) for c in origin.conflicts}
        if unknown:
            raise InvalidInput(Path(path), f"geen conflict over {', '.join(sorted(unknown))}; kies alleen bij een "
                                           "conflict dat de vorige check-in of update meldde.")
        with dossier.engine.connect() as connection:
            local = store.read_rows(connection)
        base = _read_base(dossier.path, password)
        with store.connected(origin.url) as connection:
            _schema, revision = store.enter_dossier(connection, origin.dossier, lock=True)
            server = store.read_rows(connection)
            send, conflicts, take, held = store.three_way(local, base, server, store._revisions(connection),
                                                          mine, theirs)
            if not send_local:  # an update sends nothing; a row both sides changed (other fields) is merged here
                send = {}
            sent = sum(len(rows) for rows in send.values())
            if sent:
                revision = store.send_changes(connection, origin.dossier, send, server, revision)
        server_now = _after(server, store._sent_rows(send))
        with dossier.engine.begin() as connection:
            taken = store.apply_rows(connection, take, local)
            if taken:
                store.reindex(connection)
            _set_meta(connection, ORIGIN_KEY, store.Origin(origin.url, origin.dossier, revision).to_json())
            _set_meta(connection, CONFLICTS_KEY,
                      json.dumps([c.as_dict() for c in conflicts], ensure_ascii=False) if conflicts else None)
    # The base is the server's state, except where a conflict waits: there it stays what both sides started from.
    new_base = server_now
    for table, keys in held.items():
        for key in keys:
            old = base.get(table, {}).get(key)
            if old is None:
                new_base.setdefault(table, {}).pop(key, None)
            else:
                new_base.setdefault(table, {})[key] = old
    _write_base(Path(path), new_base, password)
    return Synced(Path(path), origin.dossier, revision, sent, taken, conflicts)


def checkin(path: Path, password: str | None = None, mine=(), theirs=()) -> Synced:
    """Send the local changes of the checked-out dossier at `path` in one server transaction, and bring in what
    others changed. A field changed on both sides is a conflict: nothing of that row is sent, both values are
    kept; `mine` / `theirs` (item ids) decide conflicts reported before."""
    return _sync(path, password, True, mine, theirs)


def update(path: Path, password: str | None = None, theirs=()) -> Synced:
    """Bring in what others changed on the server since the checkout or the last update; local changes stay."""
    return _sync(path, password, False, (), theirs)


@dataclass(frozen=True)
class Status:
    """Where a checked-out dossier stands against its server, as the window shows it."""

    dossier: str
    url: str
    revision: int  # the revision the file was last merged with
    server_revision: int | None  # None: the server cannot be reached now (working offline)
    local_changes: int  # rows changed here since then: what a check-in would send
    conflicts: list[dict]  # reported and not yet resolved

    @property
    def behind(self) -> bool:
        return self.server_revision is not None and self.server_revision > self.revision


def status(dossier: Dossier) -> Status | None:
    """The server status of the open `dossier`; None when it does not come from a server. Reads the server's
    revision (one query); offline, `server_revision` is None and the rest still holds."""
    with dossier.engine.connect() as connection:
        raw = _meta(connection, ORIGIN_KEY)
        if raw is None:
            return None
        local = store.read_rows(connection)
    origin = origin_of(dossier)
    base = _read_base(dossier.path, dossier.password)
    send, _conflicts, _take, _held = store.three_way(local, base, base)
    changes = sum(len(rows) for rows in send.values())
    try:
        found = {d.name: d.revision for d in store.list_dossiers(origin.url)}
        server_revision = found.get(origin.dossier)
    except DossierError:
        server_revision = None
    return Status(origin.dossier, origin.url, origin.revision, server_revision, changes, origin.conflicts)
