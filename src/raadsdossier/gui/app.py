"""Entry point of the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path


def run(files: list[Path]) -> int:
    print("Het programmavenster van Raadsdossier is nog niet gebouwd; gebruik de opdrachten van 'raadsdossier --help'.",
          file=sys.stderr)
    return 1
