"""The command line's data-safety half: passwords, opening dossiers, backups, restore, check, encryption.

The same rules hold as in cli/commands.py: one line on stderr for bad input, exit status 1, nothing changed.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

from raadsdossier.domain.errors import DossierError, InvalidInput

if TYPE_CHECKING:
    from raadsdossier.storage.encryption import PasswordChange

PROG = "raadsdossier"


class UsageError(Exception):
    """A command line that does not make sense (exit status 2, with the usage)."""


def read_password(path: Path | None, prompt: str, dossier: Path, confirm: bool = False) -> str:
    """A password from a file (its first line) or, on a terminal, typed without echo; never from argv."""
    from raadsdossier.domain.errors import PasswordRequired

    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            from raadsdossier.storage.files import os_reason

            raise InvalidInput(path, f"het wachtwoordbestand kan niet worden gelezen ({os_reason(exc)}).") from exc
        except UnicodeDecodeError:
            raise InvalidInput(path, "het wachtwoordbestand is geen tekst in UTF-8.") from None
        if not lines or not lines[0]:
            raise InvalidInput(path, "het wachtwoordbestand is leeg; zet het wachtwoord op de eerste regel.")
        return lines[0]
    if not sys.stdin.isatty():
        if confirm:  # a new password, for a dossier that is not encrypted (yet), or does not exist yet
            raise InvalidInput(dossier, "er is geen nieuw wachtwoord gegeven; zet het op de eerste regel van een "
                                        "bestand en geef dat met --new-password-file (zonder terminal kan het niet "
                                        "worden gevraagd).")
        raise PasswordRequired(dossier)
    import getpass

    password = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass("Herhaal het wachtwoord: ") != password:
        raise InvalidInput(None, "de twee wachtwoorden zijn niet gelijk; er is niets veranderd.")
    return password


def password_of(args, path: Path) -> str | None:
    """The dossier's password when it is encrypted (from --password-file or the terminal), else None."""
    from raadsdossier.storage.encryption import is_encrypted

    if not is_encrypted(path):
        return None
    return read_password(getattr(args, "password_file", None), f"Wachtwoord voor {path.name}", path)


@contextmanager
def open_dossier(args, read_only: bool = False, backup: bool = True, scratch: bool = False):
    """The dossier `args.file`, open for a `with` block (services.dossiers.opened: closed after it, with
    the automatic backup when one is due and `backup`). An automatic backup that fails is a warning: what the
    command saved is saved, and its exit status stays 0."""
    from raadsdossier.services.dossiers import opened

    closed = []
    with opened(args.file, read_only=read_only, password=password_of(args, args.file), closed=closed,
                backup=backup, scratch=scratch) as dossier:
        yield dossier
    for outcome in closed:
        if outcome.backup_problem:
            print(f"let op: de automatische reservekopie van {args.file} is niet gemaakt ({outcome.backup_problem}); "
                  "wat is opgeslagen, blijft opgeslagen.", file=sys.stderr)


def new_password(args, dossier: Path) -> str:
    from raadsdossier.storage.encryption import check_new_password

    password = read_password(args.new_password_file, f"Nieuw wachtwoord voor {dossier.name}", dossier, confirm=True)
    check_new_password(password)
    return password


def backup_hint(exc: DossierError) -> str:
    """For a damaged dossier: where its backups are, on the same line."""
    from raadsdossier.domain.errors import DamagedDossier
    from raadsdossier.storage.backups import list_backups

    if not isinstance(exc, DamagedDossier) or not list_backups(exc.path):
        return ""
    return (f" Er zijn reservekopieën: 'raadsdossier backups {exc.path}' toont ze, "
            f"'raadsdossier restore {exc.path} RESERVEKOPIE' zet er een terug.")


def backup(args) -> int:
    from raadsdossier.services import safety

    with open_dossier(args, read_only=args.policy is None) as dossier:
        print(safety.backup(dossier, policy=args.policy))
    return 0


def backups(args) -> int:
    from raadsdossier.domain import kinds
    from raadsdossier.services import safety

    password = password_of(args, args.file) if args.file.exists() else None
    entries = safety.list_backups(args.file, password)
    if args.json:
        print(json.dumps([{"path": str(e.backup.path), "made": e.backup.made.isoformat(), "reason": e.backup.reason,
                           "counts": e.counts, "problem": e.problem} for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print(f"{args.file}: er zijn nog geen reservekopieën.", file=sys.stderr)
    for entry in entries:
        what = entry.problem or ", ".join(kind.count_text(entry.counts[kind.name]) for kind in kinds.KINDS
                                          if entry.counts.get(kind.name)) or "leeg"
        print(f"{entry.backup.made:%d-%m-%Y %H:%M:%S}  {entry.backup.reason_nl:<18} {what}\n  {entry.backup.path}")
    return 0


def _backup_path(file: Path, given: Path) -> Path:
    """A backup named by its path, or by its file name in the dossier's backup folder."""
    from raadsdossier.storage.backups import backup_dir

    if given.exists() or given.parent != Path("."):
        return given
    return backup_dir(file) / given.name


def restore(args) -> int:
    from raadsdossier.services import safety

    backup_file = _backup_path(args.file, args.backup)
    password = password_of(args, backup_file) if backup_file.exists() else None
    result = safety.restore_backup(args.file, backup_file, password)
    if result.previous is None:
        kept = ""
    elif result.previous_was_damaged:
        kept = f"; het beschadigde bestand staat apart als {result.previous}"
    else:
        kept = f"; de staat van vóór het terugzetten staat in {result.previous}"
    print(f"{args.file}: teruggezet uit {backup_file.name}{kept}")
    return 0


def check(args) -> int:
    from raadsdossier.services import safety

    with open_dossier(args, read_only=not args.repair) as dossier:
        report = safety.repair(dossier).report if args.repair else safety.check(dossier)
    if report.backup:
        print(f"reservekopie vóór de reparatie: {report.backup}")
    for done in report.repaired:
        print(f"gerepareerd: {done}")
    print("\n".join(report.lines_nl()))
    return 0 if report.ok else 1


def settle(args) -> None:
    """Before any command on a dossier: finish or undo a password change an earlier run left half-way, and say
    which on stderr (it decides which password the dossier has now)."""
    from raadsdossier.services.safety import finish_interrupted_change

    given = getattr(args, "file", None)
    for path in given if isinstance(given, list) else [given]:
        if isinstance(path, Path) and path.is_file():
            if note := finish_interrupted_change(path):
                print(f"{PROG}: {path}: {note}", file=sys.stderr)


def _change_all(args, change) -> "PasswordChange":
    """Run `change(backup_passwords)` (encrypt, decrypt or passwd); when backups have another password than the
    dossier, use the --backup-password-file ones, or ask for each on a terminal, and run it again."""
    from raadsdossier.domain.errors import BackupsInTheWay

    given = [read_password(file, "", args.file) for file in args.backup_password_file]
    while True:
        try:
            return change(tuple(given))
        except BackupsInTheWay as exc:
            if not sys.stdin.isatty() or len(exc.need_password) != len(exc.problems):
                raise
            print(f"{PROG}: {exc}", file=sys.stderr)
            given += [read_password(None, f"Wachtwoord voor reservekopie {backup.name}", backup)
                      for backup in exc.need_password]


def _converted(change) -> str:
    count = len(change.converted)
    already = f" ({len(change.already)} had{'' if len(change.already) == 1 else 'den'} dat al)" if change.already else ""
    return f"{count} reservekopie{'' if count == 1 else 'ën'}{already}"


def encrypt(args) -> int:
    from raadsdossier.services import safety

    safety.require_plain(args.file)  # before asking for a new password
    password = new_password(args, args.file)
    change = _change_all(args, lambda extra: safety.encrypt(args.file, password, extra))
    print(f"{args.file}: versleuteld, met {_converted(change)}")
    return 0


def decrypt(args) -> int:
    from raadsdossier.services import safety

    safety.require_encrypted(args.file)
    password = password_of(args, args.file)
    change = _change_all(args, lambda extra: safety.decrypt(args.file, password, extra))
    print(f"{args.file}: niet meer versleuteld, met {_converted(change)}")
    return 0


def passwd(args) -> int:
    from raadsdossier.services import safety

    safety.require_encrypted(args.file, safety.PASSWD_HINT)
    old = password_of(args, args.file)
    new = new_password(args, args.file)
    change = _change_all(args, lambda extra: safety.change_password(args.file, old, new, extra))
    print(f"{args.file}: wachtwoord gewijzigd, ook van {_converted(change)}")
    return 0
