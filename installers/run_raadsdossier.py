"""Entry point of the frozen app (PyInstaller): the same `main` as the `raadsdossier` command."""

import multiprocessing
import sys

from raadsdossier.cli import main

if __name__ == "__main__":
    # Packs are rendered in a spawned child process (raadsdossier/export/isolated.py); in a frozen
    # app that child is this executable again, and freeze_support() makes it run the child's work
    # instead of the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
