"""Who sees what in the shared store, enforced by PostgreSQL itself (roles and row-level security): a member
without the right to confidential items never receives them, not in a checkout and not with SQL of his own."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from raadsdossier.services import store
from raadsdossier.storage.store import schema_name
from tests.conftest import INTERNAL_NOTE, SECRET_EVENT


@pytest.fixture
def shared(postgres, arnhem_with_secrets, request):
    database = "rollen_" + request.node.name[5:40].lower()
    url = postgres.create_database(database)
    postgres.database = database
    store.init(url)
    store.publish(arnhem_with_secrets, url, "arnhem-wuhan")
    for user in ("lid", "fractiemedewerker", "griffier"):  # login roles are the server's, shared by its databases
        postgres.psql(f"DO $$BEGIN CREATE ROLE {user} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$")
    store.grant(url, "arnhem-wuhan", "lid", "reader", "public")
    store.grant(url, "arnhem-wuhan", "fractiemedewerker", "editor", "internal")
    store.grant(url, "arnhem-wuhan", "griffier", "editor", "confidential")
    return postgres, url


def _as(postgres, user: str) -> str:
    return postgres.url(postgres.database, user=user)


def test_a_reader_never_receives_confidential_items_in_a_checkout(shared, tmp_path, cli):
    postgres, _url = shared
    for user, sees_internal, sees_secret in (("lid", False, False), ("fractiemedewerker", True, False),
                                             ("griffier", True, True)):
        path = tmp_path / f"{user}.raadsdossier"
        result = cli("server", "checkout", _as(postgres, user), "arnhem-wuhan", path)
        assert result.returncode == 0, result.stderr
        raw = path.read_bytes()
        assert (SECRET_EVENT.encode() in raw) is sees_secret, user
        assert (INTERNAL_NOTE.encode() in raw) is sees_internal, user
        found = cli("search", path, SECRET_EVENT.split()[0], "--include", "confidential")
        assert (SECRET_EVENT in found.stdout) is sees_secret, user


def test_hand_written_sql_as_the_readers_role_cannot_fetch_a_confidential_item(shared):
    postgres, _url = shared
    schema = schema_name("arnhem-wuhan")
    engine = create_engine(_as(postgres, "lid"))
    try:
        with engine.connect() as connection:
            levels = connection.execute(text(f"SELECT DISTINCT confidentiality FROM {schema}.items")).scalars().all()
            assert set(levels) == {"public"}
            events = connection.execute(text(f"SELECT title FROM {schema}.events")).scalars().all()
            assert SECRET_EVENT not in events and INTERNAL_NOTE not in events and events
            searched = connection.execute(text(f"SELECT title || ' ' || body FROM {schema}.search_index")).scalars()
            assert not any(SECRET_EVENT in row or INTERNAL_NOTE in row for row in searched)
            by_id = connection.execute(text(f"SELECT count(*) FROM {schema}.events WHERE id = "
                                            "'e0000000-0000-4000-8000-000000000001'")).scalar()
            assert by_id == 0
        with pytest.raises(Exception, match="permission denied"), engine.begin() as connection:
            connection.execute(text(f"UPDATE {schema}.items SET confidentiality = 'public'"))
    finally:
        engine.dispose()


def test_an_editor_without_the_confidential_level_checks_in_without_touching_what_he_cannot_see(shared, tmp_path):
    postgres, url = shared
    path = tmp_path / "fractie.raadsdossier"
    store.checkout(_as(postgres, "fractiemedewerker"), "arnhem-wuhan", path)
    from raadsdossier.services import edits
    from raadsdossier.storage.dossier import Dossier

    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-0000000000aa",
                                            "title": "Informatiebijeenkomst stedenband", "kind": "other",
                                            "date": "2022-01", "confidentiality": "public"})
    done = store.checkin(path)
    assert done.conflicts == [] and done.sent >= 2
    secret = tmp_path / "griffier.raadsdossier"
    store.checkout(_as(postgres, "griffier"), "arnhem-wuhan", secret)
    raw = secret.read_bytes()
    assert SECRET_EVENT.encode() in raw and b"Informatiebijeenkomst stedenband" in raw


def test_grant_names_a_user_the_server_does_not_have(shared, cli):
    _postgres, url = shared
    result = cli("server", "grant", url, "arnhem-wuhan", "onbekend", "--role", "reader")
    assert result.returncode == 1 and "er is geen gebruiker 'onbekend' op de server" in result.stderr
    assert json.loads(cli("server", "list", url, "--json").stdout)[0]["name"] == "arnhem-wuhan"
