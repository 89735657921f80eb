"""Typed errors of the core; the CLI and the GUI turn them into messages for the user."""

from __future__ import annotations

from pathlib import Path


class DossierError(Exception):
    """Base class: something the user can act on. `str(error)` is one Dutch sentence."""


class DossierFileError(DossierError):
    """A dossier file cannot be used; the file itself was not changed."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class DossierNotFound(DossierFileError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "dit bestand bestaat niet (er is geen nieuw dossier aangemaakt).")


class DossierExists(DossierFileError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "er bestaat al een bestand met deze naam; kies een andere naam.")


class NotADossier(DossierFileError):
    """The file exists but is not a Raadsdossier dossier (a text file, another SQLite database)."""


class DamagedDossier(DossierFileError):
    """The file looks like a dossier but SQLite cannot read it."""


class DossierTooNew(DossierFileError):
    """The file was written by a newer version of the app than this one."""


class InvalidInput(DossierError):
    """Input from outside (an import file, a command-line value) is wrong; nothing was written."""

    def __init__(self, source: Path | str | None, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}" if source else problem)


class NotFound(DossierError):
    """An item, meeting or other reference asked for does not exist in the dossier."""
