"""Each kind of bad file gets its own clear sentence, exit status 1 on the CLI, and stays byte-identical."""

import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys

import pytest

from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256


def _random_bytes(path, _dossier):
    path.write_bytes(random.Random(1).randbytes(5000))


def _text_file(path, _dossier):
    path.write_text("Spreektekst: de stedenband met Wuhan\nwordt beëindigd.\n", encoding="utf-8")


def _truncated(path, dossier):
    path.write_bytes(dossier.read_bytes()[: len(dossier.read_bytes()) // 2])


def _zero_length(path, _dossier):
    path.write_bytes(b"")


def _flipped_bytes_in_a_page(path, dossier):
    """Flip the header bytes of a b-tree page in the middle of the file (type and cell count).

    The first such page from the middle on whose damage SQLite's integrity check reports: damage to
    some pages makes SQLite refuse to read at all (a message of its own), and which page lies in the
    middle changes with the schema's tables and indexes."""
    original = dossier.read_bytes()
    page_size = int.from_bytes(original[16:18], "big")
    pages = [n for n in range(1, len(original) // page_size) if original[n * page_size] in (0x02, 0x05, 0x0A, 0x0D)]
    for number in pages[len(pages) // 2:]:
        data = bytearray(original)
        for offset in (3, 4):  # the number of cells on the page
            data[number * page_size + offset] ^= 0xFF
        path.write_bytes(bytes(data))
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    return
        except sqlite3.DatabaseError:
            pass
    raise AssertionError("no page whose damage the integrity check reports")


def _zeroed_header(path, dossier):
    """The first 100 bytes (SQLite's header) overwritten with zeros, the rest as it was."""
    data = dossier.read_bytes()
    path.write_bytes(bytes(100) + data[100:])


def _other_sqlite(path, _dossier):
    with sqlite3.connect(path) as conn:
        conn.execute("create table adressen (naam text)")


def _newer_version(path, dossier):
    path.write_bytes(dossier.read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute("update alembic_version set version_num = '0042_later'")
        conn.execute("update dossier_meta set value = '2.0.0' where key = 'app_version'")


CASES = {
    "random bytes": (_random_bytes, "bevat onbekende gegevens; het is geen Raadsdossier-dossier"),
    "text file": (_text_file, "dit is een tekstbestand, geen Raadsdossier-dossier"),
    "truncated": (_truncated, "het dossier is afgekapt: er zijn"),
    "zero length": (_zero_length, "het bestand is leeg (0 bytes)"),
    "flipped bytes": (_flipped_bytes_in_a_page, "het dossier is beschadigd (de integriteitscontrole meldt"),
    "zeroed header": (_zeroed_header, "het begin van het bestand is gewist (alleen nullen); het dossier is beschadigd"),
    "other sqlite": (_other_sqlite, "dit is een SQLite-database, maar geen Raadsdossier-dossier"),
    "newer version": (_newer_version, "gemaakt met Raadsdossier 2.0.0 (schema 0042_later); deze versie"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_file_has_its_own_message_and_is_unchanged(case, cli, demo_dir, tmp_path):
    make, message = CASES[case]
    path = tmp_path / "kapot.raadsdossier"
    make(path, demo_dir / "arnhem-wuhan.raadsdossier")
    before = sha256(path)
    for command in (["info", path], ["check", path], ["import", path, demo_dir / "arnhem-wuhan.raadsdossier"]):
        result = cli(*command)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert lines[0].startswith(f"raadsdossier: {path}: ") and message in lines[0], lines[0]
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kapot.raadsdossier"]  # no lock, journal or backup left


def test_messages_are_all_different():
    assert len({message for _make, message in CASES.values()}) == len(CASES)


ADD_BIG_ATTACHMENT = """
import resource, signal, sys
from raadsdossier.domain.errors import DossierError
from raadsdossier.domain.models import Attachment
from raadsdossier.storage.dossier import Dossier
dossier = Dossier.open(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
limit = dossier.path.stat().st_size + 64 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    with dossier.transaction() as session:
        session.add(Attachment(file_name="groot.pdf", content=bytes(4 * 1024 * 1024), extracted_text="groot"))
except DossierError as exc:
    print(exc)
    sys.exit(1)
"""


def test_full_disk_gives_a_clear_message_and_keeps_the_last_committed_state(demo_copy, cli):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path, read_only=True) as dossier, dossier.session() as session:
        before = dict(session.connection().exec_driver_sql("SELECT kind, count(*) FROM items GROUP BY kind").all())
    result = subprocess.run([sys.executable, "-c", ADD_BIG_ATTACHMENT, str(path)], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "de wijziging kon niet worden opgeslagen: schrijffout op de schijf (is die vol" in result.stdout
    assert "er is niets veranderd" in result.stdout
    check = cli("check", path)
    assert check.returncode == 0 and "in orde" in check.stdout
    with Dossier.open(path, read_only=True) as dossier, dossier.session() as session:
        after = dict(session.connection().exec_driver_sql("SELECT kind, count(*) FROM items GROUP BY kind").all())
    assert after == before


def test_full_disk_during_a_backup_leaves_no_backup_and_says_so(demo_copy, cli):
    path = demo_copy("arnhem-wuhan")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = subprocess.run([sys.executable, "-m", "raadsdossier", "backup", str(path)], capture_output=True,
                            text=True, preexec_fn=limit)
    assert result.returncode == 1
    assert "de reservekopie kon niet worden gemaakt" in result.stderr and len(result.stderr.splitlines()) == 1
    folder = path.with_name(path.name + "-reservekopieen")
    assert [p for p in folder.iterdir()] == []


def test_a_damaged_dossier_with_backups_names_the_way_back(demo_copy, cli):
    path = demo_copy("arnhem-wuhan")
    assert cli("backup", path).returncode == 0
    _flipped_bytes_in_a_page(path, path)
    before = sha256(path)
    result = cli("info", path)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert f"'raadsdossier backups {path}' toont ze" in result.stderr
    [backup] = json.loads(cli("backups", path, "--json").stdout)
    assert backup["problem"] is None and backup["counts"]["motion"] == 1
    restored = cli("restore", path, backup["path"])
    assert restored.returncode == 0 and "het beschadigde bestand staat apart als" in restored.stdout
    assert cli("check", path).returncode == 0
    [aside] = path.parent.glob("arnhem-wuhan.raadsdossier.beschadigd-*")
    assert sha256(aside) == before


WRITING_COMMANDS = (["import", "{notes}"], ["backup", "--policy", "recent=3"])


def _one_line(result, path) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"raadsdossier: {path}"), lines[0]
    return lines[0]


def test_a_folder_named_as_a_dossier_is_refused_as_a_folder(cli, demo_dir, tmp_path):
    path = tmp_path / "map.raadsdossier"
    path.mkdir()
    for command in (["info", path], ["check", path], ["import", path, demo_dir / "arnhem-wuhan.raadsdossier"]):
        assert "dit is een map, geen dossierbestand" in _one_line(cli(*command), path)
    assert list(path.iterdir()) == []


def test_a_read_only_dossier_is_read_and_each_change_refused(demo_copy, tmp_path):
    """As the user would meet it: root may write any file, so as root the command runs without the capability
    to override file permissions (setpriv, from util-linux), as an ordinary user does."""
    from tests.faults.conftest import notes_file

    path = demo_copy("arnhem-wuhan")
    notes = notes_file(tmp_path, 3)
    path.chmod(0o444)
    before = sha256(path)
    as_user = [] if os.geteuid() else ["setpriv", "--inh-caps=-dac_override,-dac_read_search,-fowner",
                                       "--bounding-set=-dac_override,-dac_read_search,-fowner"]

    def run(*argv):
        return subprocess.run([*as_user, sys.executable, "-m", "raadsdossier", *map(str, argv)], capture_output=True,
                              text=True, timeout=120)

    assert run("info", path).returncode == 0  # reading a read-only file is fine
    for command in WRITING_COMMANDS:
        line = _one_line(run(command[0], path, *[part.format(notes=notes) for part in command[1:]]), path)
        assert "alleen-lezen" in line, line
    assert sha256(path) == before


def test_a_dossier_another_program_has_open_is_read_and_each_change_refused_naming_who(cli, demo_copy, tmp_path):
    from tests.faults.conftest import notes_file

    path = demo_copy("arnhem-wuhan")
    notes = notes_file(tmp_path, 3)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        before = sha256(path)
        assert cli("info", path).returncode == 0
        for command in WRITING_COMMANDS:
            line = _one_line(cli(command[0], path, *[part.format(notes=notes) for part in command[1:]]), path)
            assert "dit dossier is bezet: het is al geopend door" in line and "op computer" in line, line
        assert sha256(path) == before
    finally:
        holder.kill()
        holder.wait(timeout=30)


HOLD = """
import sys, time
from raadsdossier.storage.dossier import Dossier
dossier = Dossier.open(sys.argv[1])
print("open", flush=True)
time.sleep(600)
"""


def test_a_dry_run_import_reads_a_dossier_on_a_read_only_disk(demo_copy, small_disk, cli):
    import shutil
    from pathlib import Path

    questions = Path(__file__).resolve().parents[1] / "fixtures" / "kamervragen-2022Z11774.txt"
    disk = small_disk(4 * 1024 * 1024)
    path = disk / "enschede.raadsdossier"
    shutil.copyfile(demo_copy("enschede-dalian"), path)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    before = sha256(path)
    result = cli("import", "--dry-run", path, questions)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{path}: proefimport (niets opgeslagen); ")
    assert sha256(path) == before and sorted(p.name for p in disk.iterdir()) == [path.name]
    refused = cli("import", path, questions)  # the import itself still says why it cannot write
    assert refused.returncode == 1 and "alleen-lezen" in refused.stderr
