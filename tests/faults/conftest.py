"""Fault injection: a second process writing, a disk that fills, hostile text. Helpers shared by tests/faults.

The faults are real ones: another Python process holds the dossier's locks or imports into it, a small
tmpfs fills up (this needs root, as CI has; elsewhere those tests are skipped with the reason), and
RLIMIT_FSIZE makes the kernel refuse a file's growth.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from raadsdossier.storage.dossier import Dossier

# Another program writing: it holds the writer's lock as an import does, and an EXCLUSIVE SQLite lock with a
# change under way (its rollback journal beside the file), as an import does once its changes no longer fit
# in memory. Readers wait for it in vain until it ends.
WRITING = textwrap.dedent("""
    import sqlite3, sys, time
    from raadsdossier.storage.locking import DossierLock
    lock = DossierLock.acquire(sys.argv[1])
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("UPDATE items SET updated_at = updated_at")
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("ROLLBACK")
    connection.close()
    lock.release()
""")


@contextmanager
def writing_elsewhere(path: Path, seconds: float):
    """Another process is writing in the dossier at `path` for `seconds` from the moment this yields."""
    process = subprocess.Popen([sys.executable, "-c", WRITING, str(path), str(seconds)], stdout=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout.readline().strip() == "writing"
        yield process
    finally:
        process.kill()
        process.wait(timeout=30)


def notes_file(folder: Path, count: int, name: str = "notities.json") -> Path:
    """An interchange file of `count` new notes."""
    notes = [{"id": str(uuid.uuid4()), "title": f"Notitie {number}", "body": "Over de stedenband met Wuhan. " * 10}
             for number in range(count)]
    path = folder / name
    path.write_text(json.dumps({"format": "raadsdossier/1", "notes": notes}), encoding="utf-8")
    return path


def item_counts(path: Path) -> dict[str, int]:
    with Dossier.open(path, read_only=True) as dossier, dossier.connection() as connection:
        return dict(connection.execute("SELECT kind, count(*) FROM items GROUP BY kind").fetchall())


def start_import(path: Path, source: Path) -> subprocess.Popen:
    """`raadsdossier import` in another process; returns once it holds the dossier's writer's lock."""
    from raadsdossier.storage.locking import read_owner

    process = subprocess.Popen([sys.executable, "-m", "raadsdossier", "import", str(path), str(source)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while read_owner(path) is None:
        assert process.poll() is None, process.communicate()
        time.sleep(0.01)
    return process


def info_count(stdout: str, plural: str) -> int:
    """The count `raadsdossier info` gives for a kind ("  notities: 12"), 0 when it names none."""
    found = re.search(rf"^\s+{plural}: (\d+)$", stdout, re.M)
    return int(found.group(1)) if found else 0


DAMAGE_WORDS = ("beschadigd", "restore", "terugzetten", "niet goed afgesloten", "database is locked")


def says_damaged(text: str) -> bool:
    return any(word in text for word in DAMAGE_WORDS)


def pytest_collection_modifyitems(config, items):
    """Every test in this folder belongs to the fault-injection suite (`pytest -m faults`)."""
    folder = Path(__file__).parent
    for item in items:
        if folder in Path(item.fspath).parents:
            item.add_marker(pytest.mark.faults)


@pytest.fixture
def small_disk(tmp_path):
    """A function that mounts a tmpfs of `size` bytes in tmp_path and returns its folder (unmounted after)."""
    mounted: list[Path] = []

    def mount(size: int) -> Path:
        folder = tmp_path / f"schijf-{len(mounted)}"
        folder.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"a small tmpfs cannot be mounted here ({result.stderr.strip() or 'mount failed'}); "
                        "CI runs as root and can")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
