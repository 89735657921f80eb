"""One writer per dossier: a second writer gets a friendly message, a stale lock is taken over."""

import getpass
import os
import signal
import socket
import subprocess
import sys

import pytest

from raadsdossier.domain.errors import DossierLocked
from raadsdossier.storage.locking import DossierLock, lock_path, read_owner
from raadsdossier.domain.models import Event
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256

HOLD = """
import sys, time
from raadsdossier.storage.dossier import Dossier
dossier = Dossier.open(sys.argv[1])
print("open", flush=True)
time.sleep(120)
"""


def _hold_in_other_process(path):
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "open"
    return process


def test_second_writer_in_this_process_is_refused_and_read_only_still_opens(new_dossier):
    with Dossier.open(new_dossier):
        with pytest.raises(DossierLocked, match="al geopend door .*in dit programma"):
            Dossier.open(new_dossier)
        with Dossier.open(new_dossier, read_only=True) as reader:
            assert reader.read_only
    with Dossier.open(new_dossier):  # closed: the lock is gone
        pass


def test_second_process_gets_a_message_naming_who_where_and_since(new_dossier, cli):
    holder = _hold_in_other_process(new_dossier)
    try:
        before = sha256(new_dossier)
        result = cli("assign-vote", new_dossier, "x", "y")
        assert result.returncode == 1
        line = result.stderr.strip()
        assert "\n" not in line and "database is locked" not in line
        assert f"al geopend door {getpass.getuser()} op computer {socket.gethostname()} (sinds " in line
        assert "alleen-lezen" in line
        assert sha256(new_dossier) == before
        owner = read_owner(new_dossier)
        assert owner["pid"] == holder.pid
        assert cli("info", new_dossier).returncode == 0  # reading is still possible
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_after_kill_9_is_taken_over(new_dossier):
    holder = _hold_in_other_process(new_dossier)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path(new_dossier).exists()  # left behind by the killed program
    with Dossier.open(new_dossier) as dossier:
        assert dossier.lock.taken_over["pid"] == holder.pid
        with dossier.transaction() as session:
            session.add(Event(title="na de crash"))
    assert not lock_path(new_dossier).exists()


def test_lock_file_with_garbage_is_taken_over_when_nobody_holds_it(new_dossier):
    lock_path(new_dossier).write_bytes(b"\x00\xffnot json")
    lock = DossierLock.acquire(new_dossier)
    try:
        assert lock.taken_over is None
        assert read_owner(new_dossier)["pid"] == os.getpid()
    finally:
        lock.release()
