"""The app's own folder (settings, the demo dossiers, the user's party equivalences); RAADSDOSSIER_HOME overrides it."""

from __future__ import annotations

import os
from pathlib import Path

APP = "Raadsdossier"


def home() -> Path:
    """The app's own folder; RAADSDOSSIER_HOME overrides it (tests, portable use)."""
    override = os.environ.get("RAADSDOSSIER_HOME")
    if override:
        return Path(override)
    import platformdirs  # only here: with the override, start-up does without its import

    return Path(platformdirs.user_data_dir(APP, appauthor=False))
