"""The bytes of a dossier file: what a file is before it is opened, and raw connections to it (plain or SQLCipher).

Everything here reads; nothing writes to a file that is not (yet) known to be a dossier.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from raadsdossier.domain.errors import (
    DamagedDossier, DossierBusy, DossierFileError, DossierNotFound, NotADossier, StorageFull, WrongPassword,
)
from raadsdossier.storage.files import looks_like_text, os_reason
from raadsdossier.storage.locking import held_by_another, read_owner

# PRAGMA application_id: "RDOS". Marks a SQLite file as a dossier without reading tables.
APPLICATION_ID = 0x52444F53
SUFFIX = ".raadsdossier"  # a dossier file's name ends in this
SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLCipher writes whole pages of 4096 bytes (1024 for files of SQLCipher 3), and nothing else in clear.
_CIPHER_PAGE = 1024

PLAIN = "plain"
ENCRYPTED = "encrypted"


@lru_cache(maxsize=1)
def cipher_module():
    """The sqlcipher3 DB-API module (imported only when an encrypted dossier is used)."""
    try:
        import sqlcipher3
    except ImportError as exc:  # a broken installation, not the user's fault
        raise DossierFileError("sqlcipher3", f"versleutelde dossiers zijn niet beschikbaar ({exc}).") from exc
    return sqlcipher3


def db_errors() -> tuple[type[BaseException], ...]:
    """The DB-API error classes of both drivers (the SQLCipher one only if it is installed)."""
    try:
        return (sqlite3.Error, cipher_module().Error)
    except DossierFileError:
        return (sqlite3.Error,)


def uri(path: Path, mode: str) -> str:
    # Absolute, not resolved: SQLite follows links itself, and resolving looked at every folder on the way (a
    # system call each, which on a glance's thread is a hand-over of Python's lock: see storage/glance.py).
    return f"file:{quote(str(Path(path).absolute()))}?mode={mode}"


def classify(path: Path) -> str:
    """PLAIN or ENCRYPTED for a file that may be a dossier; otherwise a typed error naming what it is.

    Raises DossierNotFound, NotADossier (a folder, a text file, unknown bytes, another SQLite
    database) or DamagedDossier (an empty or truncated dossier). Reads at most 4 KB.
    """
    return examine(path)[0]


def examine(path: Path) -> tuple[str, bool]:
    """`classify(path)`, and whether a crash left a journal beside a plain file (False for an encrypted one).

    One look at the file and one at its journal, and a read of its first 4 KB: a glance (storage/glance.py) does
    this on a thread beside start-up, where each system call hands Python's lock over and back.
    """
    path = Path(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise DossierNotFound(path) from None
    except OSError as exc:  # a symbolic link that leads back to itself, a folder without permission
        raise DossierFileError(path, f"het bestand kan niet worden geopend ({os_reason(exc)}).") from exc
    if stat.S_ISDIR(status.st_mode):
        raise NotADossier(path, "dit is een map, geen dossierbestand.")
    if not stat.S_ISREG(status.st_mode):  # a pipe or a device: reading it would wait for a writer
        raise NotADossier(path, "dit is geen gewoon bestand (maar bijvoorbeeld een pijp of een apparaat), geen "
                                "dossierbestand.")
    size = status.st_size
    try:
        with open(path, "rb", buffering=0) as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise DossierFileError(path, f"het bestand kan niet worden gelezen ({os_reason(exc)}).") from exc
    if size == 0:
        raise DamagedDossier(path, "het bestand is leeg (0 bytes); het is geen dossier meer, of het opslaan of "
                                   "kopiëren is misgegaan.")
    if not head.startswith(SQLITE_MAGIC):
        if head[:16] == bytes(16) and size >= 512:  # SQLCipher begins with 16 random bytes (its salt), never zeros
            raise DamagedDossier(path, "het begin van het bestand is gewist (alleen nullen); het dossier is "
                                       "beschadigd.")
        if looks_like_text(head):
            raise NotADossier(path, "dit is een tekstbestand, geen Raadsdossier-dossier.")
        if size % _CIPHER_PAGE == 0:
            return ENCRYPTED, False
        raise NotADossier(path, "dit bestand bevat onbekende gegevens; het is geen Raadsdossier-dossier "
                                "(ook geen versleuteld dossier).")
    if len(head) < 100:
        raise DamagedDossier(path, f"het dossier is afgekapt: er zijn maar {size} bytes over.")
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        raise NotADossier(path, "dit is een SQLite-database, maar geen Raadsdossier-dossier.")
    if journal_path(path).exists():
        return PLAIN, True  # a crash left a transaction to roll back: the file's size is only right after that
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    header_count_valid = head[24:28] == head[92:96]  # the in-header page count is only kept up to date then
    expected = page_size * pages if header_count_valid and pages else None
    if page_size < 512 or size % page_size or (expected and size < expected):
        of_what = f" van de {expected}" if expected and size < expected else ""
        raise DamagedDossier(path, f"het dossier is afgekapt: er zijn {size}{of_what} bytes over "
                                   "(het kopiëren of opslaan is misgegaan).")
    return PLAIN, False


def quote_key(password: str) -> str:
    """The password as an SQL string literal for PRAGMA key (the text itself never reaches a log)."""
    return "'" + password.replace("'", "''") + "'"


def connect(path: Path, mode: str, password: str | None = None):
    """A DB-API connection in autocommit mode (SQLAlchemy, not the driver, starts transactions).

    mode is SQLite's URI mode: "ro", "rw" or "rwc". With a password the file is opened with
    SQLCipher; a wrong password raises WrongPassword and the file is not changed.
    """
    module = sqlite3 if password is None else cipher_module()
    connection = module.connect(uri(path, mode), uri=True, isolation_level=None, check_same_thread=False)
    try:
        if password is not None:
            connection.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher otherwise writes to stderr
            connection.execute(f"PRAGMA key = {quote_key(password)}")
            # Sorts and temporary tables in memory, never in a temporary file (whatever the build's default is):
            # such a file of an encrypted dossier would hold its text in the clear.
            connection.execute("PRAGMA temp_store = MEMORY")
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except module.DatabaseError as exc:
                if "malformed" in str(exc).lower():  # the first page opened with this key: it is right, the file is not
                    raise DamagedDossier(path, "het bestand is beschadigd (het wachtwoord klopt wel, maar een deel "
                                               "van het bestand kan niet worden gelezen).") from exc
                raise WrongPassword(path) from exc
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA busy_timeout = 5000")
        if mode != "ro":
            connection.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        connection.close()
        raise
    return connection


def connect_any(path: Path, mode: str, password: str | None = None):
    """Like `connect`, but a plain file is opened without the password (a folder of backups may hold both)."""
    return connect(path, mode, password if classify(path) == ENCRYPTED else None)


def journal_path(path: Path) -> Path:
    return Path(str(path) + "-journal")


def recover_hot_journal(path: Path, password: str | None = None) -> None:
    """Roll back a transaction left behind by a crash, so that read-only connections can read the file.

    SQLite does this on the first read of a writable connection; a read-only one refuses a
    file with a hot journal. Does nothing when there is no journal.
    """
    journal = journal_path(path)
    if not journal.exists():
        return
    if held_by_another(path) is not None:
        return  # another program is writing: the journal is its transaction's, not a crash's
    try:
        connection = connect(path, "rw", password)
    except db_errors() as exc:
        raise busy_or(exc, path, DamagedDossier(
            path, f"het dossier is niet goed afgesloten en kan alleen worden hersteld met schrijfrechten op de map "
                  f"({reason(exc)}).")) from exc
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _remove_cold_journal(connection, journal)
    except db_errors() as exc:
        raise busy_or(exc, path, DamagedDossier(
            path, f"het dossier is niet goed afgesloten en kon niet worden hersteld ({reason(exc)}).")) from exc
    finally:
        connection.close()


def _remove_cold_journal(connection, journal: Path) -> None:
    """Remove a journal that SQLite did not play back because it holds nothing to play back: a program killed
    while it began a transaction leaves it empty or with a zeroed header (SQLite's test for a hot journal).
    SQLite would overwrite it at the next change; until then it is only a stray file beside the dossier.

    Only while `connection` (read-write, on the dossier) holds the file's write lock: the journal of a transaction
    going on has a zeroed header too until it commits, and a writer on another connection, of this process (the
    window saving while the tracker reads the same dossier on a worker) or of another, would lose it. When someone
    is writing, the journal is theirs and stays."""
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        connection.execute("BEGIN IMMEDIATE")
    except db_errors():
        return  # (SQLITE_BUSY: a writer holds the lock)
    try:
        with journal.open("rb") as handle:
            first = handle.read(1)
        if first in (b"", b"\x00"):
            journal.unlink()
    except OSError:
        pass
    finally:
        connection.execute("ROLLBACK")


def busy_or(exc: BaseException, path: Path, otherwise: DossierFileError) -> DossierFileError:
    """DossierBusy, naming who has the dossier open, when `exc` is SQLite waiting in vain for another writer;
    else `otherwise`. A busy file is never called damaged."""
    return busy_error(path) if is_busy(exc) else otherwise


def busy_error(path: Path) -> DossierBusy:
    """The dossier at `path` is being written by another program: DossierBusy, naming who."""
    return DossierBusy(path, read_owner(path))


# SQLite's reasons, in Dutch (they stand inside Dutch sentences); matched on SQLite's own words.
_SQLITE_REASONS = (
    ("database is locked", "het dossier is bezet: een ander programma schrijft erin"),
    ("database table is locked", "het dossier is bezet: een ander programma schrijft erin"),
    ("database or disk is full", "de schijf is vol (of het bestand mag niet groter worden)"),
    ("disk i/o error", "lees- of schrijffout op de schijf (is die vol of niet meer bereikbaar?)"),
    ("attempt to write a readonly database", "het bestand of de map is alleen-lezen"),
    ("unable to open database file", "het bestand kan niet worden geopend"),
    ("file is not a database", "het is geen leesbare database (of het wachtwoord klopt niet)"),
    ("file is encrypted or is not a database", "het is geen leesbare database (of het wachtwoord klopt niet)"),
    ("database disk image is malformed", "het bestand is beschadigd"),
)


def is_busy(exc: BaseException) -> bool:
    """Whether SQLite refused because another connection holds the file (SQLITE_BUSY), not because it is damaged."""
    original = getattr(exc, "orig", None) or exc
    name = getattr(original, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "is locked" in str(original).lower()


# SQLite's own words for what its integrity check finds and for a schema that is not the dossier's, as patterns
# with their Dutch: the user reads the Dutch, with the page, table or index it names.
_SQLITE_PROBLEMS = (
    (r"^(?:On tree page|Tree \d+ page) (\d+).*$", "pagina {0} van het bestand is beschadigd"),
    (r"^Page (\d+): .*$", "pagina {0} van het bestand is beschadigd"),
    (r"^Page (\d+) is never used$", "pagina {0} van het bestand hoort nergens bij"),
    (r"^Multiple uses for byte \d+ of page (\d+)$", "pagina {0} van het bestand is beschadigd"),
    (r"^Freelist: .*$", "de lijst met vrije pagina's van het bestand is beschadigd"),
    (r"^row (\d+) missing from index (\S+)$", "rij {0} ontbreekt in de index '{1}'"),
    (r"^wrong # of entries in index (\S+)$", "de index '{0}' heeft een verkeerd aantal regels"),
    (r"^non-unique entry in index (\S+)$", "de index '{0}' heeft een dubbele regel"),
    (r"^no such table: (\S+)$", "de tabel '{0}' ontbreekt"),
    (r"^no such column: (\S+)$", "de kolom '{0}' ontbreekt"),
    (r"^duplicate column name: (\S+)$", "de kolom '{0}' bestaat twee keer"),
    (r"^table (\S+) already exists$", "de tabel '{0}' bestaat al"),
    (r"^malformed database schema.*$", "de beschrijving van de tabellen in het bestand is beschadigd"),
)


def dutch_problem(text: str) -> str:
    """One line of SQLite's English ("Page 77: btreeInitPage() returns error code 11", "no such table: votes") in
    Dutch where its shape is a known one; else as it is."""
    for pattern, dutch in _SQLITE_PROBLEMS:
        match = re.match(pattern, text.strip())
        if match:
            return dutch.format(*match.groups())
    return text.strip()


def reason(exc: BaseException) -> str:
    """Why SQLite (or the system under it) refused, in Dutch where the reason is a common one."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip()
    lowered = text.lower()
    for words, dutch in _SQLITE_REASONS:
        if words in lowered:
            return dutch
    if isinstance(original, OSError):
        return os_reason(original)
    return dutch_problem(text) if text else exc.__class__.__name__


def damaged(sentence: str, why: str) -> str:
    """"{sentence} ({why})." without saying it twice: "het bestand is beschadigd (het bestand is beschadigd)"."""
    return f"{sentence}." if "beschadigd" in why else f"{sentence} ({why})."


def first_problem(verdict: str) -> str:
    """The first problem SQLite's integrity or quick check reports, not its heading ("*** in database main ***")."""
    lines = [line.strip() for line in verdict.splitlines()]
    return dutch_problem(next((line for line in lines if line and not line.startswith("***")),
                              lines[0] if lines else verdict))


def write_failure(path: Path, doing: str, exc: BaseException, after: str = "er is niets veranderd") -> DossierFileError:
    """"{doing}: {why}; {after}." naming `path`: StorageFull when the disk (or the allowed file size) is full,
    so that a face can say so, else DossierFileError."""
    problem = write_problem(exc)
    error = StorageFull if "vol" in problem else DossierFileError
    return error(path, f"{doing}: {problem}; {after}.", reason=problem)


def write_problem(exc: BaseException) -> str:
    """A Dutch description of why a write failed, naming a full disk when that is the cause."""
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, OSError) and original.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "de schijf is vol (of het bestand mag niet groter worden)"
    if "disk i/o error" in str(original).lower():  # writing: SQLite's word for a write the disk refused
        return "schrijffout op de schijf (is die vol of niet meer bereikbaar?)"
    return reason(exc)
