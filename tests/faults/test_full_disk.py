"""A full disk: refused early when it is clearly too full, rolled back on disk at once when it fills anyway,
and a change that was committed before the disk filled is reported as saved."""

from __future__ import annotations

import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from raadsdossier.domain.errors import StorageFull
from raadsdossier.domain.models import Attachment
from raadsdossier.services import importing
from raadsdossier.storage.dossier import Dossier
from raadsdossier.storage.sqlitefile import journal_path
from tests.conftest import sha256
from tests.faults.conftest import item_counts, notes_file


def _file_alone_is_whole(path: Path, tmp_path: Path) -> bool:
    """What someone copying only the dossier file right now carries away passes SQLite's integrity check."""
    copy = tmp_path / "kopie-op-usb.raadsdossier"
    shutil.copyfile(path, copy)
    with sqlite3.connect(copy) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _import(path: Path, source: Path, max_file_size: int | None = None) -> subprocess.CompletedProcess:
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_size, max_file_size))

    return subprocess.run([sys.executable, "-m", "raadsdossier", "import", str(path), str(source)],
                          capture_output=True, text=True, preexec_fn=limit if max_file_size else None, timeout=300)


def test_an_import_the_file_size_limit_stops_leaves_the_file_as_it_was(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    before, counts = sha256(path), item_counts(path)
    result = _import(path, notes_file(tmp_path, 20_000), max_file_size=path.stat().st_size + 300_000)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "de wijziging kon niet worden opgeslagen" in line and "er is niets veranderd" in line
    # right after the command, before anything opens the dossier again:
    assert not journal_path(path).exists()
    assert sha256(path) == before
    assert _file_alone_is_whole(path, tmp_path)
    assert item_counts(path) == counts


def test_an_import_on_a_disk_clearly_too_full_is_refused_before_anything_is_written(demo_copy, small_disk, tmp_path):
    disk = small_disk(2 * 1024 * 1024)
    path = disk / "arnhem-wuhan.raadsdossier"
    shutil.copyfile(demo_copy("arnhem-wuhan"), path)
    before, counts = sha256(path), item_counts(path)
    result = _import(path, notes_file(tmp_path, 20_000))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "er is te weinig ruimte op de schijf om dit te importeren: nog " in line
    assert " MB vrij, nodig is ongeveer " in line and "er is niets veranderd" in line
    assert sha256(path) == before and item_counts(path) == counts
    assert sorted(p.name for p in disk.iterdir()) == [path.name]  # no backup, journal or temporary file left


def test_a_disk_that_fills_during_an_import_is_rolled_back_on_disk_at_once(demo_copy, small_disk, tmp_path,
                                                                           monkeypatch):
    disk = small_disk(1536 * 1024)
    path = disk / "arnhem-wuhan.raadsdossier"
    shutil.copyfile(demo_copy("arnhem-wuhan"), path)
    before, counts = sha256(path), item_counts(path)
    monkeypatch.setattr(importing, "_check_room", lambda *args: None)  # the disk fills only once writing began
    with Dossier.open(path) as dossier:
        with pytest.raises(StorageFull, match="de schijf is vol.*er is niets veranderd"):
            importing.import_files(dossier, [notes_file(tmp_path, 5_000)])
        # still open, right after the failed write: the file alone is as it was
        assert not journal_path(path).exists()
        assert sha256(path) == before
        assert _file_alone_is_whole(path, tmp_path)
        with dossier.transaction() as session:  # and the dossier still takes a small change
            session.add(Attachment(file_name="klein.txt", media_type="text/plain", content=b"klein"))
    assert item_counts(path) == {**counts, "attachment": counts.get("attachment", 0) + 1}


def test_a_change_saved_before_the_backup_fails_is_reported_as_saved(demo_copy, small_disk, tmp_path):
    big = demo_copy("arnhem-wuhan")
    with Dossier.open(big) as dossier, dossier.transaction() as session:  # a dossier of about 3 MB
        session.add(Attachment(file_name="rapport.pdf", media_type="application/pdf", content=bytes(3 * 1024 * 1024)))
    disk = small_disk(5 * 1024 * 1024)
    path = disk / big.name
    shutil.copyfile(big, path)  # room left: enough for a small import, too little for the backup after it
    counts = item_counts(path)
    result = _import(path, notes_file(tmp_path, 1))
    assert result.returncode == 0, result.stderr
    assert "geïmporteerd; toegevoegd: 1 notitie" in result.stdout
    [warning] = result.stderr.strip().splitlines()
    assert warning.startswith(f"let op: de automatische reservekopie van {path} is niet gemaakt (de schijf is vol")
    assert "wat is opgeslagen, blijft opgeslagen" in warning and "niets veranderd" not in warning
    assert item_counts(path) == {**counts, "note": counts.get("note", 0) + 1}
    folder = path.with_name(path.name + "-reservekopieen")
    assert not folder.exists() or not any(folder.iterdir())  # no half-written backup


@pytest.mark.parametrize("how", [[], ["--encrypt", "--new-password-file", "PW"], ["--from-json", "JSON"],
                                 ["--from-directory", "1"]],
                         ids=["plain", "encrypted", "from-json", "from-directory"])
def test_a_new_dossier_on_a_full_disk_is_one_dutch_sentence_and_leaves_nothing(small_disk, tmp_path, demo_dir, how):
    disk = small_disk(100 * 1024)
    (tmp_path / "pw").write_text("een-lang-genoeg-wachtwoord\n", encoding="utf-8")
    export = tmp_path / "export.json"
    subprocess.run([sys.executable, "-m", "raadsdossier", "export-json", "-o", str(export),
                    str(demo_dir / "breda-yangzhou.raadsdossier")], check=True, capture_output=True)
    target = disk / "nieuw.raadsdossier"
    args = [{"PW": str(tmp_path / "pw"), "JSON": str(export)}.get(a, a) for a in how]
    if not {"--from-json", "--from-directory"} & set(how):
        args += ["--dutch-side", "Utrecht", "--level", "municipality", "--partner", "Xi"]
    result = subprocess.run([sys.executable, "-m", "raadsdossier", "new", *args, str(target)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line == f"raadsdossier: {target}: het dossier kon niet worden gemaakt: de schijf is vol (of het bestand " \
                   "mag niet groter worden); er is geen dossier gemaakt."
    assert list(disk.iterdir()) == []
