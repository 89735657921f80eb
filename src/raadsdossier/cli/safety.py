"""The command line's data-safety half: passwords, opening dossiers, backups, restore, check, encryption.

Split from cli.py (which dispatches to the `_cmd_*` functions here); the same rules hold:
one line on stderr for bad input, exit status 1, nothing changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from raadsdossier.domain.errors import DossierError, InvalidInput


def _read_password(path: Path | None, prompt: str, dossier: Path, confirm: bool = False) -> str:
    """A password from a file (its first line) or, on a terminal, typed without echo; never from argv."""
    from raadsdossier.domain.errors import PasswordRequired

    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(path, f"het wachtwoordbestand kan niet worden gelezen ({getattr(exc, 'strerror', None) or exc}).") from exc
        if not lines or not lines[0]:
            raise InvalidInput(path, "het wachtwoordbestand is leeg; zet het wachtwoord op de eerste regel.")
        return lines[0]
    if not sys.stdin.isatty():
        raise PasswordRequired(dossier)
    import getpass

    password = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass("Herhaal het wachtwoord: ") != password:
        raise InvalidInput(None, "de twee wachtwoorden zijn niet gelijk; er is niets veranderd.")
    return password


def _password(args, path: Path) -> str | None:
    """The dossier's password when it is encrypted (from --password-file or the terminal), else None."""
    from raadsdossier.storage.encryption import is_encrypted

    if not is_encrypted(path):
        return None
    return _read_password(getattr(args, "password_file", None), f"Wachtwoord voor {path.name}", path)


def _open(path: Path, read_only: bool = False, args=None):
    from raadsdossier.storage.dossier import Dossier

    return Dossier.open(path, read_only=read_only, password=_password(args, path))


def _new_password(args, dossier: Path) -> str:
    from raadsdossier.storage.encryption import check_new_password

    password = _read_password(args.new_password_file, f"Nieuw wachtwoord voor {dossier.name}", dossier, confirm=True)
    check_new_password(password)
    return password


def _backup_hint(exc: DossierError) -> str:
    """For a damaged dossier: where its backups are, on the same line."""
    from raadsdossier.storage.backups import list_backups
    from raadsdossier.domain.errors import DamagedDossier

    if not isinstance(exc, DamagedDossier) or not list_backups(exc.path):
        return ""
    return (f" Er zijn reservekopieën: 'raadsdossier backups {exc.path}' toont ze, "
            f"'raadsdossier restore {exc.path} RESERVEKOPIE' zet er een terug.")


def _cmd_backup(args) -> int:
    from raadsdossier.storage.backups import POLICY_META_KEY, BackupPolicy

    policy = BackupPolicy.parse(args.policy) if args.policy else None
    with _open(args.file, read_only=policy is None, args=args) as dossier:
        if policy is not None:
            from raadsdossier.domain.models import DossierMeta

            with dossier.transaction() as session:
                session.merge(DossierMeta(key=POLICY_META_KEY, value=policy.text()))
        print(dossier.backup("manual"))
    return 0


def _cmd_backups(args) -> int:
    from raadsdossier.storage.backups import item_counts, list_backups
    from raadsdossier.domain.errors import DossierFileError
    from raadsdossier.domain import kinds

    password = _password(args, args.file) if args.file.exists() else None
    rows = []
    for backup in list_backups(args.file):
        try:
            counts, problem = item_counts(backup.path, password), None
        except DossierFileError as exc:
            counts, problem = None, exc.problem
        rows.append({"path": str(backup.path), "made": backup.made.isoformat(), "reason": backup.reason,
                     "counts": counts, "problem": problem})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"{args.file}: er zijn nog geen reservekopieën.", file=sys.stderr)
    for row, backup in zip(rows, list_backups(args.file)):
        what = row["problem"] or ", ".join(kinds.kind(name).count_text(n) for name, n in sorted(row["counts"].items())) \
            or "leeg"
        print(f"{backup.made:%d-%m-%Y %H:%M:%S}  {backup.reason_nl:<18} {what}\n  {backup.path}")
    return 0


def _backup_path(file: Path, given: Path) -> Path:
    """A backup named by its path, or by its file name in the dossier's backup folder."""
    from raadsdossier.storage.backups import backup_dir

    if given.exists() or given.parent != Path("."):
        return given
    return backup_dir(file) / given.name


def _cmd_restore(args) -> int:
    from raadsdossier.storage.backups import restore

    backup = _backup_path(args.file, args.backup)
    password = _password(args, backup) if backup.exists() else None
    result = restore(args.file, backup, password)
    if result.previous is None:
        kept = ""
    elif result.previous_was_damaged:
        kept = f"; het beschadigde bestand staat apart als {result.previous}"
    else:
        kept = f"; de staat van vóór het terugzetten staat in {result.previous}"
    print(f"{args.file}: teruggezet uit {backup.name}{kept}")
    return 0


def _cmd_check(args) -> int:
    from raadsdossier.storage import checks

    with _open(args.file, read_only=not args.repair, args=args) as dossier:
        report = checks.repair(dossier) if args.repair else checks.check(dossier)
    if report.backup:
        print(f"reservekopie vóór de reparatie: {report.backup}")
    for done in report.repaired:
        print(f"gerepareerd: {done}")
    print("\n".join(report.lines_nl()))
    return 0 if report.ok else 1


def _cmd_encrypt(args) -> int:
    from raadsdossier.storage.encryption import change_encryption, is_encrypted

    if is_encrypted(args.file):
        raise InvalidInput(args.file, "dit dossier is al versleuteld; gebruik 'passwd' om het wachtwoord te wijzigen.")
    converted = change_encryption(args.file, None, _new_password(args, args.file))
    print(f"{args.file}: versleuteld, met {len(converted)} reservekopie(ën)")
    return 0


def _cmd_decrypt(args) -> int:
    from raadsdossier.storage.encryption import change_encryption, is_encrypted

    if not is_encrypted(args.file):
        raise InvalidInput(args.file, "dit dossier is niet versleuteld.")
    converted = change_encryption(args.file, _password(args, args.file), None)
    print(f"{args.file}: niet meer versleuteld, met {len(converted)} reservekopie(ën)")
    return 0


def _cmd_passwd(args) -> int:
    from raadsdossier.storage.encryption import change_encryption, is_encrypted

    if not is_encrypted(args.file):
        raise InvalidInput(args.file, "dit dossier is niet versleuteld; gebruik 'encrypt' om het te versleutelen.")
    old = _password(args, args.file)
    converted = change_encryption(args.file, old, _new_password(args, args.file))
    print(f"{args.file}: wachtwoord gewijzigd, ook van {len(converted)} reservekopie(ën)")
    return 0
