"""One writer per dossier: a lock file beside it, held with an operating-system lock, naming who has it open.

The OS lock (flock on Linux and macOS, a byte-range lock on Windows; both work across a
network drive that supports locking) is the truth: the kernel releases it when the program
ends, however it ends, so a lock file whose OS lock is free was left by a crashed program
and is taken over. The file's text only tells the next user who has the dossier open.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

import raadsdossier
from raadsdossier.domain.errors import DossierFileError, DossierLocked

_held: dict[Path, "DossierLock"] = {}  # locks this process holds, by resolved dossier path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _LOCK_OFFSET = 1 << 30  # lock a byte far past the text, so others can still read who holds it

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


def _owner_text() -> dict:
    now = datetime.now().astimezone()
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = ""
    return {"user": user, "host": socket.gethostname(), "pid": os.getpid(),
            "since": now.isoformat(timespec="seconds"), "since_text": f"{now:%d-%m-%Y %H:%M}",
            "app": f"Raadsdossier {raadsdossier.__version__}"}


def _read_owner(fd: int) -> dict:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 4096)
        owner = json.loads(data.decode("utf-8")) if data.strip() else {}
        return owner if isinstance(owner, dict) else {}
    except (OSError, ValueError):
        return {}


def read_owner(path: Path) -> dict | None:
    """Who holds the dossier's lock, or None when nobody does. Never takes the lock."""
    try:
        fd = os.open(lock_path(path), os.O_RDWR)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_owner(fd)
    finally:
        os.close(fd)


class DossierLock:
    """The writer's lock on one dossier. `acquire` raises DossierLocked when someone else has it."""

    def __init__(self, path: Path, fd: int, taken_over: dict | None) -> None:
        self.path = path
        self._fd = fd
        # The owner named in a lock file that a crashed program left behind, if any.
        self.taken_over = taken_over

    @classmethod
    def acquire(cls, path: Path) -> "DossierLock":
        key = Path(path).resolve()
        if key in _held:
            owner = _owner_text()
            owner["user"] = f"{owner['user']} (in dit programma)".strip()
            raise DossierLocked(path, owner)
        target = lock_path(key)
        for _attempt in range(5):
            try:
                fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise DossierFileError(path, "het dossier kan niet worden vergrendeld om te bewerken "
                                             f"({exc.strerror}); open het alleen-lezen.") from exc
            if not _try_lock(fd):
                owner = _read_owner(fd)
                os.close(fd)
                raise DossierLocked(path, owner)
            try:
                same_file = os.stat(target).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same_file = False
            if not same_file:  # the previous holder removed the file between our open and our lock
                os.close(fd)
                continue
            previous = _read_owner(fd)
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, json.dumps(_owner_text(), ensure_ascii=False).encode("utf-8"))
                os.fsync(fd)
            except OSError as exc:
                os.close(fd)
                raise DossierFileError(path, f"het dossier kan niet worden vergrendeld ({exc.strerror}).") from exc
            lock = cls(key, fd, previous or None)
            _held[key] = lock
            return lock
        raise DossierFileError(path, "het dossier kon niet worden vergrendeld; probeer het opnieuw.")

    def release(self) -> None:
        """Remove the lock file and let go of the OS lock (in that order, so no one locks a removed file)."""
        if self._fd < 0:
            return
        try:
            lock_path(self.path).unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: the OS lock below is what counts
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = -1
        _held.pop(self.path, None)
