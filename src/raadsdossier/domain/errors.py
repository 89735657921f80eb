"""Typed errors of the core; the CLI and the GUI turn them into messages for the user."""

from __future__ import annotations

from pathlib import Path


class DossierError(Exception):
    """Base class: something the user can act on. `str(error)` is one Dutch sentence."""


class DossierFileError(DossierError):
    """A dossier file cannot be used; the file itself was not changed."""

    def __init__(self, path: Path | str, problem: str, reason: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.reason = reason or problem  # the cause alone ("de schijf is vol"), to word in another sentence
        super().__init__(f"{self.path}: {problem}")


class DossierNotFound(DossierFileError):
    def __init__(self, path: Path | str) -> None:
        # (no "er is geen nieuw dossier aangemaakt": every command that reads a dossier says this, info and restore too)
        super().__init__(path, "dit bestand bestaat niet.")


class DossierExists(DossierFileError):
    def __init__(self, path: Path | str) -> None:
        what = "map" if Path(path).is_dir() else "bestand"
        super().__init__(path, f"er bestaat al een {what} met deze naam; kies een andere naam.")


class NotADossier(DossierFileError):
    """The file exists but is not a Raadsdossier dossier (a text file, another SQLite database)."""


class DamagedDossier(DossierFileError):
    """The file looks like a dossier but SQLite cannot read it."""


class DossierTooNew(DossierFileError):
    """The file was written by a newer version of the app than this one."""


class BackupsInTheWay(DossierFileError):
    """A password change would leave backups behind: they do not open with the dossier's password (another
    password, or damaged). Nothing was changed. `problems` names each with its reason; `need_password` are
    the encrypted ones whose password the user may give."""

    def __init__(self, path: Path | str, problems: list[tuple[Path, str]], need_password: list[Path]) -> None:
        self.problems = problems
        self.need_password = need_password
        named = "; ".join(f"{backup.name}: {why}" for backup, why in problems)
        count = len(problems)
        what = "een reservekopie opent" if count == 1 else f"{count} reservekopieën openen"
        super().__init__(path, f"{what} niet met het wachtwoord van het dossier en zou{'' if count == 1 else 'den'} "
                               f"dus niet mee veranderen ({named}). Geef het wachtwoord ervan (--backup-password-file) "
                               "of verwijder de reservekopie; er is niets veranderd.")


class InvalidInput(DossierError):
    """Input from outside (an import file, a command-line value) is wrong; nothing was written.

    When one element of an interchange document is wrong, `element` says which (("motions", 0, "date")) and
    `reason` what is wrong with it ("'2021-02-30' is geen bestaande datum"), so that a face that knows the
    element by another name (a form's field) can say it in its own words; `problem` names it by its path."""

    def __init__(self, source: Path | str | None, problem: str, element: tuple = (), reason: str | None = None) -> None:
        self.source = source
        self.problem = problem
        self.element = element
        self.reason = reason or problem
        super().__init__(f"{source}: {problem}" if source else problem)


class NotFound(DossierError):
    """An item, meeting or other reference asked for does not exist in the dossier."""


class DossierLocked(DossierFileError):
    """Another program (here or on another computer) has the dossier open for writing."""

    def __init__(self, path: Path | str, owner: dict) -> None:
        self.owner = owner
        who, where = owner.get("user"), owner.get("host")
        since = owner.get("since_text") or owner.get("since")
        if not (who or where):  # the lock is taken but its owner not yet written: it is being opened right now
            super().__init__(path, "dit dossier is bezet: een ander programma opent het op dit moment om erin te "
                                   "schrijven; probeer het zo opnieuw, of open het alleen-lezen.")
            return
        super().__init__(
            path,
            f"dit dossier is bezet: het is al geopend door {who or 'een onbekende gebruiker'} op computer "
            f"{where or 'een onbekende computer'}{f' (sinds {since})' if since else ''}; "
            "open het alleen-lezen, of sluit het daar eerst.",
        )


class DossierBusy(DossierFileError):
    """Another program is writing in the dossier right now: reading has to wait. Not damage: nothing is wrong
    with the file, and nothing should be restored."""

    def __init__(self, path: Path | str, owner: dict | None = None) -> None:
        self.owner = owner or {}
        if self.owner:
            who = (f"door {self.owner.get('user') or 'een onbekende gebruiker'} op computer "
                   f"{self.owner.get('host') or 'een onbekende computer'} "
                   f"(in gebruik sinds {self.owner.get('since_text') or self.owner.get('since') or 'onbekend'})")
        else:
            who = "door een ander programma"
        super().__init__(path, f"het dossier is bezet: er wordt nu in geschreven {who}; probeer het zo weer. "
                               "Er is niets mis met het bestand.")


class PasswordRequired(DossierFileError):
    """The dossier is encrypted and no password was given."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "dit dossier is versleuteld (of het is geen dossier); geef het wachtwoord, "
                               "bijvoorbeeld met --password-file.")


class WrongPassword(DossierFileError):
    """The password does not open the dossier; the file was not changed."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "het wachtwoord klopt niet (of het bestand is geen versleuteld dossier); "
                               "er is niets veranderd.")


class StorageFull(DossierFileError):
    """A write failed because the disk (or the allowed file size) is full; nothing was changed."""
