"""kill -9 at random moments during every command that writes: afterwards each file opens, with the old or the
new password, `check` passes, the counts are the old or the new ones, and no temporary file is left.

Each trial copies a prepared folder (a dossier with 1,500 extra notes and three backups), starts the command
in a child of tests/faults/zygote.py (loaded already, so the kill lands in the work, not in Python's start),
kills it after a random delay between 0 and 1.1 times the command's uninterrupted duration, and then does
what the next run of the app does: open the dossier. The delays come from a seeded generator; the seed and
the delay are in every failure (RAADSDOSSIER_FAULT_SEED=N repeats a run).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from raadsdossier.domain.errors import WrongPassword
from raadsdossier.services import safety
from raadsdossier.storage import backups, checks, encryption, sqlitefile
from raadsdossier.storage.dossier import Dossier
from tests.faults.conftest import notes_file

pytestmark = pytest.mark.faults

SEED = int(os.environ.get("RAADSDOSSIER_FAULT_SEED", "2026"))
TRIALS = 10
OLD, NEW = "het oude wachtwoord", "het nieuwe wachtwoord"
ZYGOTE = Path(__file__).with_name("zygote.py")


class Zygote:
    """The client of tests/faults/zygote.py."""

    def __init__(self) -> None:
        root = Path(__file__).resolve().parents[2]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen([sys.executable, str(ZYGOTE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, env=env)
        assert self.process.stdout.readline().strip() == "ready"

    def start(self, argv: list, folder: Path, kill_at=None) -> int:
        request = {"argv": [str(a) for a in argv], "cwd": str(folder), "out": str(folder / "uit.txt"),
                   "err": str(folder / "fout.txt"), "kill_at": kill_at}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())["pid"]

    def ended(self) -> int:
        """The child's wait status (os.waitstatus_to_exitcode: negative for a signal)."""
        return os.waitstatus_to_exitcode(json.loads(self.process.stdout.readline())["status"])

    def run(self, argv: list, folder: Path, kill_at=None) -> tuple[int, float]:
        started = time.perf_counter()
        self.start(argv, folder, kill_at)
        code = self.ended()
        return code, time.perf_counter() - started

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def zygote():
    made = Zygote()
    yield made
    made.close()


# -- the prepared folders --------------------------------------------------------------------------------


def _notes(path: Path) -> int:
    with Dossier.open(path, read_only=True, password=_password_of(path)) as dossier, dossier.connection() as conn:
        return conn.execute("SELECT count(*) FROM items WHERE kind = 'note'").fetchone()[0]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, demo_dir):
    """Folders to copy for each trial: "plain" and "encrypted" (password OLD), each a dossier whose backups
    differ from it, and the password files."""
    from raadsdossier.services import importing

    root = tmp_path_factory.mktemp("voorbereid")
    (root / "oud.txt").write_text(OLD + "\n", encoding="utf-8")
    (root / "nieuw.txt").write_text(NEW + "\n", encoding="utf-8")
    notes_file(root, 2_000, "nieuwe-notities.json")
    plain = root / "plain"
    plain.mkdir()
    path = plain / "arnhem.raadsdossier"
    shutil.copy(demo_dir / "arnhem-wuhan.raadsdossier", path)
    with Dossier.open(path) as dossier:
        backups.make_backup(path, None, "manual")  # a backup with fewer notes than the dossier: a restore shows
        importing.import_files(dossier, [notes_file(root, 1_500, "notities.json")])
    for reason in ("auto", "import"):
        backups.make_backup(path, None, reason)
    encrypted = root / "encrypted"
    shutil.copytree(plain, encrypted)
    encryption.change_encryption(encrypted / "arnhem.raadsdossier", None, OLD)
    return root


def _copy(prepared: Path, which: str, tmp_path: Path, trial: int) -> Path:
    folder = tmp_path / f"proef-{trial}"
    shutil.copytree(prepared / which, folder)
    return folder / "arnhem.raadsdossier"


# -- what must hold after a kill -----------------------------------------------------------------------


def _password_of(path: Path, candidates=(OLD, NEW)) -> str | None:
    if sqlitefile.classify(path) == sqlitefile.PLAIN:
        return None
    for candidate in candidates:
        try:
            sqlitefile.connect(path, "ro", candidate).close()
        except WrongPassword:
            continue
        return candidate
    raise AssertionError(f"{path} opens with neither password")


def _password_state(path: Path) -> str:
    """"plain", "old" or "new": the one password state of the dossier and all its backups (asserted)."""
    password = _password_of(path)
    for found in backups.list_backups(path):
        problem = backups.diagnose(found.path, password, thorough=True)
        assert problem is None, f"{found.path.name} does not fit the dossier: {problem.text}"
    return {None: "plain", OLD: "old", NEW: "new"}[password]


def _leftovers(folder: Path) -> list[str]:
    """Temporary files, journals and lock files in the trial's folder and its backup folder."""
    found = []
    for entry in [*folder.iterdir(), *(p for d in folder.glob("*-reservekopieen") for p in d.iterdir())]:
        if entry.name.startswith(".") or entry.name.endswith(("-journal", "-wal", ".tmp", ".nieuw")):
            found.append(entry.name)
    return found


@dataclass
class Outcome:
    state: str
    notes: int
    backups: int
    check_ok: bool


def _after(path: Path) -> Outcome:
    """What the next run of the app does first (finish a password change, open the dossier, which tidies and
    rolls back), then what the user would find. The check includes every backup: one that does not open with
    the dossier's password (another password state) fails it."""
    safety.finish_interrupted_change(path)
    password = _password_of(path)
    with Dossier.open(path, password=password) as dossier:
        report = checks.check(dossier)
        with dossier.connection() as connection:
            notes = connection.execute("SELECT count(*) FROM items WHERE kind = 'note'").fetchone()[0]
    state = {None: "plain", OLD: "old", NEW: "new"}[password]
    return Outcome(state, notes, len(backups.list_backups(path)), report.ok)


def _kill_after(zygote, argv, folder, delay) -> tuple[int, float]:
    """Start the command, kill it after `delay` seconds: its exit code (-SIGKILL when the kill interrupted it)
    and the seconds until it ended (its whole run when the kill came too late)."""
    started = time.perf_counter()
    pid = zygote.start(argv, folder)
    time.sleep(delay)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    code = zygote.ended()
    return code, time.perf_counter() - started


def _trials(zygote, prepared, tmp_path, which, argv_for, allowed, name, next_run=None):
    """Run TRIALS kill trials of one command; `allowed(before, after)` says whether an outcome is old or new.
    `next_run(path)` is what the user does next when opening the dossier is not it. Returns the outcomes."""
    rng = random.Random(f"{SEED}-{name}")
    durations = []
    for run in range(3):  # the fastest of three: the first run also warms the file cache
        timing = _copy(prepared, which, tmp_path, -1 - run)
        code, duration = zygote.run(argv_for(timing), timing.parent)
        assert code == 0, (timing.parent / "fout.txt").read_text()
        durations.append(duration)
    duration = min(durations)
    before = _after(_copy(prepared, which, tmp_path, -9))
    interrupted, seen = 0, []
    for trial in range(TRIALS):
        path = _copy(prepared, which, tmp_path, trial)
        delay = rng.uniform(0, duration)
        where = f"seed {SEED}, {name}, trial {trial}, killed after {delay:.3f} s of {duration:.3f} s"
        code, took = _kill_after(zygote, argv_for(path), path.parent, delay)
        interrupted += code == -signal.SIGKILL
        if code == 0:  # it ran faster than when it was timed (a busy machine then): the next kills come sooner
            duration = min(duration, took)
        assert code in (0, -signal.SIGKILL), f"{where}: exit {code}: {(path.parent / 'fout.txt').read_text()}"
        if next_run is not None:
            next_run(path, where)
        after = _after(path)
        assert allowed(before, after), f"{where}: before {before}, after {after}"
        assert not _leftovers(path.parent), f"{where}: left behind {_leftovers(path.parent)}"
        seen.append(after)
        shutil.rmtree(path.parent)
    print(f"{name}: {interrupted} of {TRIALS} kills interrupted it (uninterrupted {duration:.2f} s); "
          f"outcomes {sorted({(o.state, o.notes, o.backups) for o in seen})}")
    assert interrupted >= TRIALS // 2, f"seed {SEED}, {name}: too few kills landed inside the command"
    return seen


def test_import(zygote, prepared, tmp_path):
    source = prepared / "nieuwe-notities.json"
    seen = _trials(zygote, prepared, tmp_path, "plain", lambda p: ["import", p, source],
                   lambda b, a: a.check_ok and a.state == b.state and a.notes in (b.notes, b.notes + 2_000)
                   and a.backups >= b.backups, "import")
    assert {o.notes for o in seen} <= {seen[0].notes, seen[0].notes + 2_000}


@pytest.mark.parametrize("which, argv, old_state, new_state", [
    ("plain", ["encrypt", "{p}", "--new-password-file", "{r}/oud.txt"], "plain", "old"),
    ("encrypted", ["decrypt", "{p}", "--password-file", "{r}/oud.txt"], "old", "plain"),
    ("encrypted", ["passwd", "{p}", "--password-file", "{r}/oud.txt", "--new-password-file", "{r}/nieuw.txt"],
     "old", "new"),
], ids=["encrypt", "decrypt", "passwd"])
def test_password_changes_end_in_one_password_state(zygote, prepared, tmp_path, which, argv, old_state, new_state):
    def argv_for(path):
        return [a.format(p=path, r=prepared) for a in argv]

    seen = _trials(zygote, prepared, tmp_path, which, argv_for,
                   lambda b, a: a.check_ok and a.notes == b.notes and a.backups == b.backups
                   and a.state in (old_state, new_state), argv[0])
    assert {o.state for o in seen} <= {old_state, new_state}


def test_backup(zygote, prepared, tmp_path):
    _trials(zygote, prepared, tmp_path, "plain", lambda p: ["backup", p],
            lambda b, a: a.check_ok and a.notes == b.notes and a.backups in (b.backups, b.backups + 1), "backup")


def test_restore(zygote, prepared, tmp_path):
    oldest = backups.list_backups(prepared / "plain" / "arnhem.raadsdossier")[-1].path.name
    _trials(zygote, prepared, tmp_path, "plain", lambda p: ["restore", p, oldest],
            lambda b, a: a.check_ok and a.notes in (b.notes, b.notes - 1_500) and a.backups in (b.backups, b.backups + 1)
            and (a.notes == b.notes or a.backups == b.backups + 1), "restore")  # the state before is kept first


def test_pack(zygote, prepared, tmp_path):
    """A pack killed half-way leaves no file under its name, or a whole one; the next pack to the same place
    removes what the killed one left; the dossier is not touched."""
    from pypdf import PdfReader

    def argv_for(path):
        return ["pack", path, "-o", path.parent / "stuk.pdf", "--include-sensitive"]

    reference = _copy(prepared, "plain", tmp_path, 99)
    zygote.run(argv_for(reference), reference.parent)
    pages = len(PdfReader(reference.parent / "stuk.pdf").pages)

    def pack_again(path, where):
        pack = path.parent / "stuk.pdf"
        assert not pack.exists() or len(PdfReader(pack).pages) == pages, f"{where}: a pack that is not whole"
        assert zygote.run(argv_for(path), path.parent)[0] == 0, (path.parent / "fout.txt").read_text()
        pack.unlink()

    _trials(zygote, prepared, tmp_path, "plain", argv_for, lambda b, a: a == b, "pack", next_run=pack_again)


def test_check_repair(zygote, prepared, tmp_path):
    """A repair killed half-way leaves the damage it found (and its backup, if made) or the repaired file."""
    damaged = prepared / "damaged"
    if not damaged.exists():
        shutil.copytree(prepared / "plain", damaged)
        with sqlitefile.connect(damaged / "arnhem.raadsdossier", "rw") as connection:
            connection.execute("DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_index LIMIT 40)")
    before = _after(_copy(prepared, "damaged", tmp_path, -20))
    assert not before.check_ok

    def allowed(b, a):
        return a.state == b.state and a.notes == b.notes and a.backups in (b.backups, b.backups + 1)

    seen = _trials(zygote, prepared, tmp_path, "damaged", lambda p: ["check", p, "--repair"], allowed, "check --repair")
    assert {o.check_ok for o in seen} <= {True, False}


@pytest.mark.parametrize("step", ["convert", "replace"])
def test_an_encryption_stopped_at_each_step_is_undone_or_finished(zygote, prepared, tmp_path, step):
    """The trial that once left a backup encrypted beside a plain dossier, at every step instead of at random:
    stopped while the new files are written, the change is undone; once they are being switched, finished.
    Either way the next command says which."""
    files = 1 + len(backups.list_backups(prepared / "plain" / "arnhem.raadsdossier"))
    for n in range(1, files + 1):
        path = _copy(prepared, "plain", tmp_path, n)
        code, _ = zygote.run(["encrypt", path, "--new-password-file", prepared / "oud.txt"], path.parent, [step, n])
        assert code == -signal.SIGKILL
        assert encryption.changing(path)
        result = subprocess.run([sys.executable, "-m", "raadsdossier", "info", str(path), "--password-file",
                                 str(prepared / "oud.txt")], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        if step == "convert":
            assert "een onderbroken versleuteling is ongedaan gemaakt" in result.stderr, result.stderr
            assert _password_state(path) == "plain"
        else:
            assert "een onderbroken versleuteling is afgemaakt" in result.stderr, result.stderr
            assert _password_state(path) == "old"
        assert not _leftovers(path.parent), _leftovers(path.parent)
        assert not encryption.changing(path)
        shutil.rmtree(path.parent)
