"""A dossier another process is writing is busy, never damaged: nothing offers or makes a restore of it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from raadsdossier.domain.errors import DossierFileError
from raadsdossier.services import safety
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256
from tests.faults.conftest import (
    info_count, item_counts, notes_file, says_damaged, start_import, writing_elsewhere,
)

READS = (("check",), ("info",), ("search", "Wuhan"))


def _cli(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "raadsdossier", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err


def test_reads_while_another_process_writes_say_busy_and_name_the_writer(demo_copy):
    path = demo_copy("arnhem-wuhan")
    before = item_counts(path)
    with writing_elsewhere(path, seconds=20) as writer:
        readers = {args[0]: _cli(args[0], path, *args[1:]) for args in READS}
        results = {name: _finish(process) for name, process in readers.items()}
        assert writer.poll() is None  # every read ended while the other process was still writing
    for name, (code, out, err) in results.items():
        assert code == 1, (name, out, err)
        assert len(err.strip().splitlines()) == 1, (name, err)
        assert "het dossier is bezet: er wordt nu in geschreven door" in err and "probeer het zo weer" in err, err
        assert "Er is niets mis met het bestand" in err
        assert not says_damaged(out + err), (name, out, err)
    assert not list(path.parent.glob("*.beschadigd-*"))
    assert item_counts(path) == before
    assert subprocess.run([sys.executable, "-m", "raadsdossier", "check", str(path)], capture_output=True).returncode == 0


def test_reads_during_a_real_import_never_call_it_damaged_and_the_count_never_drops(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    source = notes_file(tmp_path, 20_000)
    importer = start_import(path, source)
    seen: list[int] = []
    reads = 0
    while importer.poll() is None:
        for args in READS:
            code, out, err = _finish(_cli(args[0], path, *args[1:]))
            reads += 1
            assert not says_damaged(out + err), (args, out, err)
            assert code == 0 or "het dossier is bezet" in err, (args, out, err)
            if args[0] == "info" and code == 0:
                seen.append(info_count(out, "notities"))
    out, err = importer.communicate()
    assert importer.returncode == 0, err
    assert reads >= 2  # some reads ran while the import did
    assert seen == sorted(seen) and set(seen) <= {0, 20_000}
    assert item_counts(path)["note"] == 20_000
    assert not list(path.parent.glob("*.beschadigd-*"))


def test_the_window_opening_a_dossier_being_written_says_busy_and_offers_no_restore(
        bare_window, demo_copy, asked, messages):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        dossier.backup("manual")  # a good backup exists: the damaged-file flow would offer it
    before = item_counts(path)
    with writing_elsewhere(path, seconds=20):
        view = bare_window.open_path(path)
    assert view is None
    assert [question[2] for question in asked] == ["Alleen-lezen openen"]  # in use: read-only? yes
    assert not any("beschadigd" in title.lower() for title, _text, _accept in asked)
    [(kind, title, text)] = messages
    assert title == "Dossier is bezet" and "probeer het zo weer" in text and "beschadigd" not in text
    assert item_counts(path) == before and not list(path.parent.glob("*.beschadigd-*"))


def test_the_window_opening_during_a_real_import_never_offers_the_backup(bare_window, demo_copy, tmp_path, asked,
                                                                         messages, qtbot):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        dossier.backup("manual")  # the empty-of-notes backup that replaced 20,000 notes in the report
    importer = start_import(path, notes_file(tmp_path, 20_000))
    attempts = 0
    while importer.poll() is None:
        view = bare_window.open_path(path)
        attempts += 1
        if view is not None:
            bare_window.close_tab(bare_window.tabs.indexOf(view))
    assert importer.wait() == 0
    assert attempts >= 1
    assert not any("beschadigd" in title.lower() or accept == "Reservekopie terugzetten"
                   for title, _text, accept in asked), asked
    assert not any("beschadigd" in text for _kind, _title, text in messages), messages
    assert item_counts(path)["note"] == 20_000
    assert not list(path.parent.glob("*.beschadigd-*"))
    view = bare_window.open_path(path)  # once the import is done it opens for writing, with every note
    assert view is not None and not view.dossier.read_only


def test_a_restore_offered_for_damage_refuses_a_file_that_turns_out_healthy(demo_copy):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        backup = dossier.backup("manual")
    before = sha256(path)
    with pytest.raises(DossierFileError, match="blijkt bij nader inzien in orde.*Er is niets teruggezet"):
        safety.restore_backup(path, backup, only_if_damaged=True)
    assert sha256(path) == before and not list(path.parent.glob("*.beschadigd-*"))


def test_a_restore_waits_for_the_writer_it_never_replaces_a_file_being_written(demo_copy):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        backup = dossier.backup("manual")
    with writing_elsewhere(path, seconds=20):
        before = sha256(path)
        with pytest.raises(DossierFileError, match="al geopend door"):
            safety.restore_backup(path, backup)
        assert sha256(path) == before
