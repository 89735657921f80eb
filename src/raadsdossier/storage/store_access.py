"""Who sees what in the shared store (storage/store.py), decided by PostgreSQL itself: per dossier a reader and
an editor role and an internal and a confidential level, with row-level security on every row that belongs to
an item and on the search index."""

from __future__ import annotations

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.storage.store import _LOCAL_TABLES, CATALOG, StoreError, _tables

ROLES = ("reader", "editor")
LEVELS = ("public", "internal", "confidential")


def role_name(connection, schema: str, what: str) -> str:
    """The group role of a dossier for `what` (reader, editor, internal, confidential): named after the database
    and the schema, so that two stores on one server do not share roles (at most 63 characters)."""
    import hashlib

    from sqlalchemy import text

    database = connection.execute(text("SELECT current_database()")).scalar()
    stem = f"rd_{database}_{schema}"
    if len(stem) + len(what) + 1 > 63:
        stem = stem[:50] + hashlib.sha256(stem.encode()).hexdigest()[:8]
    return f"{stem}_{what}"


def _visible(connection, schema: str, column: str) -> str:
    """SQL true when the current user may see an item of confidentiality `column`."""
    internal, confidential = role_name(connection, schema, "internal"), role_name(connection, schema, "confidential")
    return (f"({column} = 'public' OR ({column} = 'internal' AND (pg_has_role('{internal}', 'member') OR "
            f"pg_has_role('{confidential}', 'member'))) OR ({column} = 'confidential' AND "
            f"pg_has_role('{confidential}', 'member')))")


def _guarded_tables() -> dict:
    """The tables whose rows belong to an item, however deep (items, each kind's table, votes, their casts,
    the sources and actors of an item…), each with its references to another guarded table."""
    tables = [table for table in _tables() if table.name not in _LOCAL_TABLES]
    guarded = {"items": []}
    grew = True
    while grew:
        grew = False
        for table in tables:
            references = [(fk.parent.name, fk.column.table.name, fk.column.name) for fk in table.foreign_keys
                          if fk.column.table.name in guarded]
            if references and table.name not in guarded:
                guarded[table.name] = references
                grew = True
            elif table.name in guarded and table.name != "items" and len(references) > len(guarded[table.name]):
                guarded[table.name] = references
                grew = True
    return guarded


def secure(connection, schema: str) -> None:
    """Make the dossier's roles and let the server itself decide who sees what: readers may read, editors also
    change; an internal or confidential item (and every row that belongs to it, and its search text) is
    visible only to members of the dossier's internal or confidential role. Row-level security applies to
    everyone but the tables' owner (the one who published), whatever SQL they send."""
    from sqlalchemy import text

    names = {what: role_name(connection, schema, what) for what in (*ROLES, "internal", "confidential")}
    for name in names.values():
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
        if not exists:
            connection.execute(text(f'CREATE ROLE "{name}" NOLOGIN'))
    reader, editor = f'"{names["reader"]}"', f'"{names["editor"]}"'
    for statement in (
        f"GRANT USAGE ON SCHEMA {schema} TO {reader}, {editor}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {reader}, {editor}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {editor}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {editor}",
        f"GRANT USAGE ON SCHEMA {CATALOG} TO {reader}, {editor}",
        f"GRANT SELECT ON {CATALOG}.dossiers, {CATALOG}.checkins TO {reader}, {editor}",
        f"GRANT UPDATE (revision) ON {CATALOG}.dossiers TO {editor}",
        f"GRANT INSERT ON {CATALOG}.checkins TO {editor}",
    ):
        connection.execute(text(statement))
    for table, references in _guarded_tables().items():
        connection.execute(text(f"ALTER TABLE {schema}.{table} ENABLE ROW LEVEL SECURITY"))
        if table == "items":
            rule = _visible(connection, schema, "confidentiality")
        else:
            rule = " AND ".join(f"({column} IS NULL OR EXISTS (SELECT 1 FROM {schema}.{parent} AS p "
                                f"WHERE p.{target} = {table}.{column}))" for column, parent, target in references)
        connection.execute(text(f"CREATE POLICY visible ON {schema}.{table} USING ({rule}) WITH CHECK ({rule})"))
    connection.execute(text(f"ALTER TABLE {schema}.search_index ENABLE ROW LEVEL SECURITY"))
    connection.execute(text(f"CREATE POLICY visible ON {schema}.search_index USING (EXISTS (SELECT 1 FROM "
                            f"{schema}.items AS i WHERE i.seq = search_index.rowid))"))


def grant(connection, name: str, user: str, role: str, level: str) -> None:
    """Give the login role `user` the `role` (reader or editor) on the dossier `name`, seeing items up to
    `level`; what it had before on that dossier is replaced."""
    from sqlalchemy import text

    if role not in ROLES or level not in LEVELS:
        raise InvalidInput(None, f"kies een rol uit {', '.join(ROLES)} en een niveau uit {', '.join(LEVELS)}.")
    if not connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n AND rolcanlogin"), {"n": user}).first():
        raise StoreError(f"er is geen gebruiker '{user}' op de server; de beheerder maakt die (CREATE ROLE … LOGIN) "
                         "en geeft hem een wachtwoord.")
    row = connection.execute(text(f"SELECT schema_name FROM {CATALOG}.dossiers WHERE name = :n"), {"n": name}).first()
    if row is None:
        raise StoreError(f"er staat geen dossier '{name}' op de server; 'raadsdossier server list' toont wat er is.")
    schema = row[0]
    for what in (*ROLES, "internal", "confidential"):
        connection.execute(text(f'REVOKE "{role_name(connection, schema, what)}" FROM "{user}"'))
    connection.execute(text(f'GRANT "{role_name(connection, schema, role)}" TO "{user}"'))
    if level != "public":
        connection.execute(text(f'GRANT "{role_name(connection, schema, level)}" TO "{user}"'))
