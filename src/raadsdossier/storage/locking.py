"""One writer per dossier: a lock file beside it, held with an operating-system lock, naming who has it open.

The OS lock (flock on Linux and macOS, a byte-range lock on Windows; both work across a
network drive that supports locking) is the truth: the kernel releases it when the program
ends, however it ends, so a lock file whose OS lock is free was left by a crashed program
and is taken over. The file's text only tells the next user who has the dossier open.

Every path to one file meets the same lock. The lock file is named after the file's one name
(`canonical`: symbolic links followed, hard links in one folder brought to one name), so another
computer on the same network folder meets it too; and a second lock file on this computer, in the
temporary folder, is named after the file's identity (device and inode), so that a hard link in
another folder meets it as well.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import raadsdossier
from raadsdossier.domain.errors import DossierFileError, DossierLocked
from raadsdossier.storage.files import os_reason

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


def canonical(path: Path) -> Path:
    """The one name of the dossier file at `path`, whatever path leads to it: symbolic links followed, and of
    several names in its folder for the same file (hard links) the first in sorted order. The lock and the
    backups are kept for this name, so every path to one file meets the same lock and the same backups.
    (A hard link in another folder keeps a name of its own here; the identity lock is what it meets.)"""
    real = Path(path).resolve()
    try:
        stat = real.stat()
    except OSError:
        return real
    if stat.st_nlink > 1:
        try:
            names = sorted(entry.name for entry in os.scandir(real.parent)
                           if entry.inode() == stat.st_ino and entry.is_file(follow_symlinks=False)
                           and entry.stat(follow_symlinks=False).st_dev == stat.st_dev)
        except OSError:
            names = []
        if names:
            return real.parent / names[0]
    return real


def lock_path(path: Path) -> Path:
    path = canonical(path)
    return path.with_name(f".{path.name}.lock")


def identity_lock_path(path: Path) -> Path | None:
    """The lock file on this computer for the file at `path` by its identity, or None when it cannot be
    read (the beside-lock alone then counts)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return Path(tempfile.gettempdir()) / f"raadsdossier-{stat.st_dev}-{stat.st_ino}.lock"


def _open_identity(target: Path) -> int | None:
    """The identity lock file, opened for writing when we may (another user's is read-only for us, and a
    read-only descriptor still locks it)."""
    flags = os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)  # a link placed there by someone else is not followed
    for mode in (os.O_RDWR, os.O_RDONLY):
        try:
            return os.open(target, mode | flags, 0o644)
        except OSError:
            continue
    return None


def _owner_text() -> dict:
    import getpass  # with socket: only for taking a lock, not for reading a file (the window's first screen)
    import socket

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
    """Who holds the dossier's lock (through any path to it), or None when nobody does. Never takes it."""
    for target in (lock_path(path), identity_lock_path(path)):
        if target is None:
            continue
        try:
            fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                return _read_owner(fd)
            _unlock(fd)
        finally:
            os.close(fd)
    return None


def held_here(path: Path) -> bool:
    """Whether this program holds the writer's lock on the dossier at `path`."""
    return canonical(path) in _held


def held_by_another(path: Path) -> dict | None:
    """Who else holds the writer's lock on the dossier at `path` (another program, here or on another
    computer), or None."""
    return None if held_here(path) else read_owner(path)


def _take(target: Path, path: Path, identity: bool) -> tuple[int, dict] | None:
    """The OS lock on the lock file `target`, its previous text (a crashed holder's) and our own written in
    its place. DossierLocked when another holds it. For the beside-lock a file that cannot be made is an
    error; for the identity lock (`identity`), None: the beside-lock alone then counts."""
    for _attempt in range(5):
        if identity:
            fd = _open_identity(target)
            if fd is None:
                return None
        else:
            try:
                fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise DossierFileError(path, "het dossier kan niet worden vergrendeld om te bewerken "
                                             f"({os_reason(exc)}); open het alleen-lezen.") from exc
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
            if not identity:  # another user's identity file is read-only for us: its lock still counts
                os.close(fd)
                raise DossierFileError(path, f"het dossier kan niet worden vergrendeld ({os_reason(exc)}).") from exc
        return fd, previous
    raise DossierFileError(path, "het dossier kon niet worden vergrendeld; probeer het opnieuw.")


def _drop(target: Path | None, fd: int) -> None:
    """Remove a lock file and let go of its OS lock (in that order, so no one locks a removed file)."""
    if target is not None:
        try:
            target.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder, another user's file: the OS lock below is what counts
    _unlock(fd)
    os.close(fd)


class DossierLock:
    """The writer's lock on one dossier. `acquire` raises DossierLocked when someone else has it."""

    def __init__(self, path: Path, fd: int, identity: tuple[Path, int] | None, taken_over: dict | None) -> None:
        self.path = path
        self._fd = fd
        self._identity = identity  # the identity lock file and its descriptor, when there is one
        # The owner named in a lock file that a crashed program left behind, if any.
        self.taken_over = taken_over

    @classmethod
    def acquire(cls, path: Path) -> "DossierLock":
        key = canonical(path)
        if key in _held:
            owner = _owner_text()
            owner["user"] = f"{owner['user']} (in dit programma)".strip()
            raise DossierLocked(path, owner)
        target = lock_path(key)
        fd, previous = _take(target, path, identity=False)
        identity = None
        if (identity_target := identity_lock_path(key)) is not None:
            try:
                taken = _take(identity_target, path, identity=True)
            except (DossierLocked, DossierFileError):
                _drop(target, fd)
                raise
            if taken is not None:
                identity = (identity_target, taken[0])
        lock = cls(key, fd, identity, previous or None)
        _held[key] = lock
        return lock

    def release(self) -> None:
        """Remove both lock files and let go of their OS locks (each file before its lock)."""
        if self._fd < 0:
            return
        if self._identity is not None:
            _drop(*self._identity)
            self._identity = None
        _drop(lock_path(self.path), self._fd)
        self._fd = -1
        _held.pop(self.path, None)
