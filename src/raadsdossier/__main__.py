"""`python -m raadsdossier` is the `raadsdossier` command."""

import sys

from raadsdossier.cli import main

sys.exit(main())
