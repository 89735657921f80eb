"""Entry point of the frozen app (PyInstaller): the same `main` as the `raadsdossier` command."""

import sys

from raadsdossier.cli import main

if __name__ == "__main__":
    sys.exit(main())
