"""The user's workspace: where dossiers live, which were open, recent files, the language."""

from __future__ import annotations

import binascii
import json
import os
from pathlib import Path

from raadsdossier.base.home import APP, home  # noqa: F401  (APP re-exported; the core finds the folder there too)


def dossier_dir() -> Path:
    return home() / "dossiers"


def demo_dir() -> Path:
    return home() / "voorbeelden"


class Settings:
    """A small JSON file; written atomically, unreadable content is treated as empty.

    It holds only paths and preferences: never a password (see gui/keystore.py) or dossier content.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or home() / "instellingen.json"
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(self.data, dict):
                self.data = {}
        except (OSError, ValueError):
            self.data = {}

    def save(self) -> None:
        """Written whole under a temporary name of this process's own (two windows of the app saving at once each
        write their own, and the last one's file is the one kept), then renamed into place. What a crashed run of
        the app left under such a name is removed then too."""
        from raadsdossier.base.tempfiles import beside, remove_leftovers  # (not for the first screen: it only reads)

        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = beside(self.path)
        try:
            temporary.write_text(json.dumps(self.data, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(temporary, self.path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        remove_leftovers(self.path.parent, self.path.name)

    @property
    def open_files(self) -> list[Path]:
        return [Path(p) for p in self.data.get("open_files", [])]

    @open_files.setter
    def open_files(self, paths: list[Path]) -> None:
        self.data["open_files"] = [str(p) for p in paths]

    @property
    def recent_files(self) -> list[Path]:
        return [Path(p) for p in self.data.get("recent_files", [])]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_files if p != path]
        self.data["recent_files"] = [str(p) for p in [path, *recent][:10]]

    def clear_recent(self) -> None:
        """Forget the recent-files list (which dossiers were open is also who you worked on)."""
        self.data["recent_files"] = []

    @property
    def language(self) -> str:
        return self.data.get("language", "nl")

    @language.setter
    def language(self, value: str) -> None:
        self.data["language"] = value

    @property
    def window_geometry(self) -> bytes:
        """The main window's size, place and state (maximized, full screen) when it was last closed, as Qt's
        QWidget.saveGeometry gave it; empty when never saved or unreadable."""
        value = self.data.get("window_geometry")
        try:
            return binascii.a2b_base64(value.encode("ascii")) if isinstance(value, str) else b""
        except ValueError:  # binascii.Error and UnicodeEncodeError are ValueErrors
            return b""

    @window_geometry.setter
    def window_geometry(self, value: bytes) -> None:
        self.data["window_geometry"] = binascii.b2a_base64(value, newline=False).decode("ascii")

    @property
    def first_run(self) -> bool:
        return not self.data.get("seen_welcome", False)

    def mark_welcomed(self) -> None:
        self.data["seen_welcome"] = True

    @property
    def server_address(self) -> str:
        """The shared store's address last used in the Server menu ("" when none): never a password."""
        value = self.data.get("server_address")
        return value if isinstance(value, str) else ""

    @server_address.setter
    def server_address(self, value: str) -> None:
        from urllib.parse import parse_qs, urlsplit

        value = value.strip()
        try:
            parts = urlsplit(value)
            password = parts.password or parse_qs(parts.query).get("password")
        except ValueError:  # not an address at all: nothing worth keeping
            password, value = None, ""
        if password:  # the passwords belong in ~/.pgpass or pg_service.conf, never in these settings
            return
        self.data["server_address"] = value

    # Where each dossier's last pack went, so the export dialog proposes that folder again. Keyed by the
    # dossier's resolved path; like the recent files, this says which dossiers were worked on.
    _PACK_FOLDERS_KEPT = 50

    def pack_folder(self, dossier_path: Path) -> Path | None:
        """The folder the last pack of the dossier at `dossier_path` was saved in, or None (never, or unreadable).

        The folder may no longer exist: the caller checks before proposing it.
        """
        folders = self.data.get("pack_folders")
        value = folders.get(str(Path(dossier_path).resolve())) if isinstance(folders, dict) else None
        return Path(value) if isinstance(value, str) and value else None

    def remember_pack_folder(self, dossier_path: Path, folder: Path) -> None:
        """Remember `folder` as where packs of the dossier at `dossier_path` go (in memory; `save` writes it)."""
        folders = self.data.get("pack_folders")
        folders = dict(folders) if isinstance(folders, dict) else {}
        key = str(Path(dossier_path).resolve())
        folders.pop(key, None)  # the most recent last, so trimming drops the oldest
        folders[key] = str(Path(folder))
        self.data["pack_folders"] = dict(list(folders.items())[-self._PACK_FOLDERS_KEPT:])

    def forget_pack_folders(self) -> None:
        """Forget where packs were saved (it names the dossiers worked on, as the recent files do)."""
        self.data.pop("pack_folders", None)
