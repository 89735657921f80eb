"""The user's workspace: where dossiers live, which were open, recent files, the language."""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

APP = "Raadsdossier"


def home() -> Path:
    """The app's own folder; RAADSDOSSIER_HOME overrides it (tests, portable use)."""
    override = os.environ.get("RAADSDOSSIER_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))


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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(temporary, self.path)

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
    def first_run(self) -> bool:
        return not self.data.get("seen_welcome", False)

    def mark_welcomed(self) -> None:
        self.data["seen_welcome"] = True
