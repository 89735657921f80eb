"""The griffie's shared store on a real PostgreSQL server: publish, list, checkout, checkin, update, and
per-field conflicts that keep both values until the user picks one."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest

from raadsdossier.domain.models import Motion
from raadsdossier.services import store
from raadsdossier.storage.dossier import Dossier

DEMOS = ("arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu")


@pytest.fixture
def url(postgres, request):
    name = "opslag_" + request.node.name.lower().replace("[", "_").replace("]", "")[:40]
    made = postgres.create_database(name)
    assert store.init(made) is True
    return made


def _motion_id(path):
    with Dossier.open(path, read_only=True) as dossier, dossier.session() as session:
        return session.query(Motion.id).order_by(Motion.id).first()[0]


def _edit(path, motion_id, **fields):
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        motion = session.get(Motion, motion_id)
        for name, value in fields.items():
            setattr(motion, name, value)


def _field(path, motion_id, name):
    with Dossier.open(path, read_only=True) as dossier, dossier.session() as session:
        return getattr(session.get(Motion, motion_id), name)


@pytest.fixture
def pair(url, demo_copy, tmp_path):
    """The Arnhem demo dossier on the server, checked out twice (a and b), and the id of its motion."""
    _published(url, demo_copy)
    a, b = tmp_path / "a.raadsdossier", tmp_path / "b.raadsdossier"
    store.checkout(url, "arnhem-wuhan", a)
    store.checkout(url, "arnhem-wuhan", b)
    return a, b, _motion_id(a)


def _published(url, demo_copy, slug="arnhem-wuhan"):
    original = demo_copy(slug)
    store.publish(original, url, slug)
    return original


def test_the_four_demo_dossiers_are_published_and_listed(url, demo_copy, cli):
    for slug in DEMOS:
        done = store.publish(demo_copy(slug), url, slug)
        assert done.revision == 1 and done.sent > 0
    listed = cli("server", "list", url, "--json")
    assert listed.returncode == 0, listed.stderr
    found = json.loads(listed.stdout)
    assert sorted(d["name"] for d in found) == sorted(DEMOS)
    assert {d["display_name"] for d in found} >= {"Arnhem – Wuhan", "Enschede – Dalian"}
    assert all(d["revision"] == 1 for d in found)


def test_a_checkout_holds_what_was_published(url, demo_copy, tmp_path, cli):
    original = _published(url, demo_copy)
    result = cli("server", "checkout", url, "arnhem-wuhan", tmp_path / "mijn.raadsdossier")
    assert result.returncode == 0, result.stderr
    info = cli("info", tmp_path / "mijn.raadsdossier", "--json")
    before = cli("info", original, "--json")
    assert json.loads(info.stdout)["counts"] == json.loads(before.stdout)["counts"]
    found = cli("search", tmp_path / "mijn.raadsdossier", "Oeigoeren")
    assert found.returncode == 0 and "Oeigoeren" in found.stdout  # the search index is built for the checkout


def test_two_checkouts_edit_different_fields_of_one_motion_and_both_check_in(pair):
    a, b, motion = pair
    _edit(a, motion, title="Motie: stedenband Wuhan beëindigen (gewijzigd door A)")
    _edit(b, motion, pre_advice="Ontraden (toegevoegd door B)")
    first = store.checkin(a)
    second = store.checkin(b)
    assert first.sent >= 1 and (first.conflicts, first.revision) == ([], 2)
    assert second.conflicts == [] and second.revision == 3
    assert _field(b, motion, "title") == "Motie: stedenband Wuhan beëindigen (gewijzigd door A)"  # brought in
    store.update(a)
    for path in (a, b):
        assert _field(path, motion, "title").endswith("(gewijzigd door A)")
        assert _field(path, motion, "pre_advice") == "Ontraden (toegevoegd door B)"


def test_the_same_field_edited_twice_is_one_conflict_and_both_values_are_kept_until_resolved(pair, cli):
    a, b, motion = pair
    _edit(a, motion, title="Titel van A")
    _edit(b, motion, title="Titel van B", pre_advice="Advies van B")
    assert store.checkin(a).conflicts == []
    result = cli("server", "checkin", b, "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [(c["table"], c["id"], c["field"], c["mine"], c["theirs"]) for c in report["conflicts"]] == [
        ("motions", motion, "title", "Titel van B", "Titel van A")]
    assert report["conflicts"][0]["by"] == "postgres" and report["conflicts"][0]["at"]
    # Nothing of that row was sent: B's pre-advice waits with its title; both values are kept.
    assert _field(b, motion, "title") == "Titel van B"
    store.update(a)
    assert _field(a, motion, "title") == "Titel van A" and _field(a, motion, "pre_advice") is None
    again = store.checkin(b)  # still in conflict: reported again, still nothing overwritten
    assert [c.field for c in again.conflicts] == ["title"]
    # B picks its own: the whole row goes, title and pre-advice.
    resolved = cli("server", "checkin", b, "--mine", motion)
    assert resolved.returncode == 0, resolved.stdout + resolved.stderr
    store.update(a)
    assert _field(a, motion, "title") == "Titel van B" and _field(a, motion, "pre_advice") == "Advies van B"


def test_theirs_takes_the_servers_value_into_the_file(pair):
    a, b, motion = pair
    _edit(a, motion, title="Titel van A")
    _edit(b, motion, title="Titel van B")
    store.checkin(a)
    assert store.checkin(b).conflicts
    assert store.checkin(b, theirs=[motion]).conflicts == []
    assert _field(b, motion, "title") == "Titel van A"
    assert store.checkin(b).sent == 0  # nothing left to send


def test_a_motion_deleted_here_and_edited_there_is_a_conflict(pair):
    a, b, motion = pair
    _edit(a, motion, title="Nog bewerkt door A")
    store.checkin(a)
    with Dossier.open(b) as dossier, dossier.transaction() as session:
        session.delete(session.get(Motion, motion))
    conflicts = store.checkin(b).conflicts
    assert {(c.table, c.field) for c in conflicts} >= {("motions", "(verwijderd)")}
    store.update(a)
    assert _field(a, motion, "title") == "Nog bewerkt door A"  # nothing lost on the server's side


def test_a_motion_deleted_here_and_made_confidential_there_is_a_conflict_and_its_report_is_json(pair, cli):
    """Its `items` row (with the motion's times in it) is the one in conflict: the report of a check-in turned the
    row whole into JSON, and the times in it stopped the check-in with "datetime is not JSON serializable"."""
    from raadsdossier.domain.enums import Confidentiality

    a, b, motion = pair
    _edit(a, motion, confidentiality=Confidentiality.CONFIDENTIAL)
    store.checkin(a)
    with Dossier.open(b) as dossier, dossier.transaction() as session:
        session.delete(session.get(Motion, motion))
    conflicts = store.checkin(b).conflicts
    assert ("items", "(verwijderd)") in {(c.table, c.field) for c in conflicts}
    result = cli("server", "checkin", b, "--json")
    assert result.returncode == 1, result.stderr
    reported = json.loads(result.stdout)["conflicts"]
    row = next(c["theirs"] for c in reported if c["table"] == "items")
    assert row["confidentiality"] == "confidential" and isinstance(row["created_at"], str)


KILLED_CHECKIN = """
import os, signal, sys
from raadsdossier.storage import store
real = store.send_changes
def send_then_die(connection, *args):
    revision = real(connection, *args)
    print("sent, not committed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
store.send_changes = send_then_die
from raadsdossier.services import store as service
service.checkin(sys.argv[1])
"""


def test_a_checkin_killed_half_way_leaves_the_server_at_its_old_revision(url, demo_copy, tmp_path):
    _published(url, demo_copy)
    a = tmp_path / "a.raadsdossier"
    store.checkout(url, "arnhem-wuhan", a)
    motion = _motion_id(a)
    for trial in range(10):
        _edit(a, motion, title=f"Poging {trial}")
        killed = subprocess.run([sys.executable, "-c", KILLED_CHECKIN, str(a)], capture_output=True, text=True,
                                timeout=120)
        assert killed.returncode == -signal.SIGKILL and "sent, not committed" in killed.stdout, killed.stderr
        [listed] = store.list_dossiers(url)
        assert listed.revision == 1, f"trial {trial}"
    b = tmp_path / "b.raadsdossier"
    store.checkout(url, "arnhem-wuhan", b)
    assert _field(b, motion, "title") != "Poging 9"
    done = store.checkin(a)  # the change that was never committed goes now
    assert done.revision == 2 and _field(a, motion, "title") == "Poging 9"


def test_status_says_when_a_checkout_is_behind_or_has_changes_to_send(pair, demo_copy):
    a, b, motion = pair
    with Dossier.open(a, read_only=True) as dossier:
        now = store.status(dossier)
    assert (now.behind, now.local_changes, now.conflicts) == (False, 0, [])
    _edit(a, motion, title="Gewijzigd")
    with Dossier.open(a, read_only=True) as dossier:
        assert store.status(dossier).local_changes == 1
    store.checkin(a)
    with Dossier.open(b, read_only=True) as dossier:
        behind = store.status(dossier)
    assert behind.behind and behind.server_revision == 2 and behind.revision == 1
    with Dossier.open(demo_copy("breda-yangzhou"), read_only=True) as dossier:
        assert store.status(dossier) is None


def test_an_encrypted_checkout_keeps_its_base_on_the_same_password(url, demo_copy, tmp_path):
    from raadsdossier.services import safety
    from raadsdossier.storage import sqlitefile
    from raadsdossier.storage.store import base_path

    _published(url, demo_copy)
    a = tmp_path / "a.raadsdossier"
    store.checkout(url, "arnhem-wuhan", a, password="een-lang-wachtwoord")
    assert sqlitefile.classify(base_path(a)) == sqlitefile.ENCRYPTED
    change = safety.change_password(a, "een-lang-wachtwoord", "een-ander-wachtwoord")
    assert change.converted == []  # the base is not a backup, and is not counted as one
    motion = _motion_id_encrypted(a, "een-ander-wachtwoord")
    with Dossier.open(a, password="een-ander-wachtwoord") as dossier, dossier.transaction() as session:
        session.get(Motion, motion).title = "Versleuteld gewijzigd"
    done = store.checkin(a, password="een-ander-wachtwoord")
    assert done.sent == 1 and done.conflicts == []


def _motion_id_encrypted(path, password):
    with Dossier.open(path, read_only=True, password=password) as dossier, dossier.session() as session:
        return session.query(Motion.id).order_by(Motion.id).first()[0]


def test_a_resolution_file_decides_conflicts_per_item(pair, tmp_path, cli):
    a, b, motion = pair
    _edit(a, motion, title="Titel van A")
    _edit(b, motion, title="Titel van B")
    store.checkin(a)
    assert cli("server", "checkin", b).returncode == 1
    choices = tmp_path / "keuzes.json"
    choices.write_text(json.dumps({motion: "theirs"}))
    done = cli("server", "checkin", b, "--resolutions", choices)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _field(b, motion, "title") == "Titel van A"
    choices.write_text(json.dumps({"niet-een-conflict": "mine"}))
    refused = cli("server", "checkin", b, "--resolutions", choices)
    assert refused.returncode == 1 and "geen conflict over niet-een-conflict" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_new_items_from_two_checkouts_both_check_in(url, demo_copy, tmp_path):
    """Each database numbers its items itself: notes added in two checkouts never collide."""
    from raadsdossier.services import edits

    _published(url, demo_copy)
    a, b = tmp_path / "a.raadsdossier", tmp_path / "b.raadsdossier"
    store.checkout(url, "arnhem-wuhan", a)
    store.checkout(url, "arnhem-wuhan", b)
    for path, name in ((a, "a"), (b, "b")):
        with Dossier.open(path) as dossier:
            edits.save_item(dossier, "notes", {"id": f"a0000000-0000-4000-8000-00000000000{ord(name) - 96}",
                                               "title": f"Notitie van {name}", "body": "Over de stedenband."})
    assert store.checkin(a).conflicts == []
    assert store.checkin(b).conflicts == []
    store.update(a)
    for path in (a, b):
        with Dossier.open(path, read_only=True) as dossier, dossier.connection() as connection:
            titles = {row[0] for row in connection.execute("SELECT title FROM notes")}
        assert {"Notitie van a", "Notitie van b"} <= titles
