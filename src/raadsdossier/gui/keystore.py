"""Remembered dossier passwords, in the operating system's keyring when the optional `keyring` package has one.

Passwords never go into Raadsdossier's own settings file. Without `keyring` (it is an optional
extra: `pip install raadsdossier[keyring]`), or with only its "fail" or "null" backends, nothing
is remembered and the "Onthouden op deze computer" box is not offered. Any keyring error is
treated as "not remembered": a broken keyring must never keep a dossier from opening.
"""

from __future__ import annotations

from pathlib import Path

SERVICE = "Raadsdossier"


def _keyring():
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or broken: no remembering
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    names = {type(backend).__module__, type(backend).__name__}
    if isinstance(backend, fail.Keyring) or "keyring.backends.null" in names or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def available() -> bool:
    """Whether passwords can be remembered on this computer."""
    return _keyring() is not None


def _user(path: Path) -> str:
    return str(Path(path).resolve())


def get(path: Path) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, _user(path))
    except Exception:
        return None


def store(path: Path, password: str) -> bool:
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, _user(path), password)
    except Exception:
        return False
    return True


def forget(path: Path) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, _user(path))
    except Exception:
        pass
