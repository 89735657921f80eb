"""Reading a file the user gave (an import, an attachment): whole and within a size limit, or one sentence
that names the file and says why not; and writing a file the user named (an export) whole or not at all."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from raadsdossier.base.sizes import megabytes
from raadsdossier.domain.errors import InvalidInput

# The operating system's reasons, in Dutch: they stand inside Dutch sentences.
_OS_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de ruimte die u op deze schijf mag gebruiken is op",
    errno.EFBIG: "het bestand mag niet groter worden",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "de schijf of map is alleen-lezen",
    errno.ELOOP: "te veel koppelingen: een symbolische koppeling wijst, via andere of rechtstreeks, naar zichzelf",
    errno.EMLINK: "te veel koppelingen naar dit bestand",
    errno.ENOENT: "het bestaat niet",
    errno.EISDIR: "dit is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EIO: "lees- of schrijffout op de schijf",
    errno.EBUSY: "het is bezet",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EXDEV: "het staat op een andere schijf",
    errno.EPIPE: "de kant die het zou lezen, is gesloten",
    errno.EEXIST: "er staat al een bestand of map met die naam",
}


def os_reason(exc: OSError) -> str:
    """Why an operation on a file failed, in Dutch ("de schijf is vol"); the system's own words for a rare
    reason this does not know."""
    return _OS_REASONS.get(exc.errno) or exc.strerror or str(exc)


def _unreadable(path: Path, exc: OSError) -> InvalidInput:
    if isinstance(exc, FileNotFoundError):
        return InvalidInput(path, "dit bestand bestaat niet.")
    if isinstance(exc, IsADirectoryError):
        return InvalidInput(path, "dit is een map; kies een bestand.")
    return InvalidInput(path, f"het bestand kan niet worden gelezen ({os_reason(exc)}).")


def _too_big(path: Path, size: int, max_bytes: int, what: str, hint: str) -> InvalidInput:
    return InvalidInput(path, f"het bestand is {megabytes(size)}; {what} groter dan {megabytes(max_bytes)} worden "
                              f"niet ingelezen{hint}.")


def _not_a_file(path: Path, status: os.stat_result) -> InvalidInput | None:
    """InvalidInput for what is not a regular file: a folder, or a pipe or device, whose reading would wait for
    a writer that never comes."""
    if stat.S_ISDIR(status.st_mode):
        return InvalidInput(path, "dit is een map; kies een bestand.")
    if not stat.S_ISREG(status.st_mode):
        return InvalidInput(path, "dit is geen gewoon bestand (maar bijvoorbeeld een pijp of een apparaat).")
    return None


def read_bytes(path: Path, max_bytes: int | None = None, what: str = "bestanden", hint: str = "") -> bytes:
    """The file's bytes. InvalidInput naming it when it is missing, a folder, a pipe or device, or unreadable, or
    bigger than `max_bytes`: "het bestand is 250 MB; {what} groter dan 200 MB worden niet ingelezen{hint}." A
    file that grows while it is read is caught too: no more than `max_bytes` + 1 bytes are read."""
    path = Path(path)
    try:
        status = path.stat()
        if (problem := _not_a_file(path, status)) is not None:
            raise problem
        size = status.st_size
        if max_bytes is not None and size > max_bytes:
            raise _too_big(path, size, max_bytes, what, hint)
        with path.open("rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_big(path, len(data), max_bytes, what, hint)
    return data


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first `size` bytes (to tell a file's format); InvalidInput as `read_bytes` says it."""
    path = Path(path)
    try:
        if (problem := _not_a_file(path, path.stat())) is not None:
            raise problem
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise _unreadable(path, exc) from None


# json.JSONDecodeError's reasons (its `msg`, always one of these), in Dutch: they stand inside Dutch sentences.
_JSON_REASONS = {
    "Expecting value": "hier wordt een waarde verwacht",
    "Expecting ',' delimiter": "hier wordt een komma verwacht",
    "Expecting ':' delimiter": "hier wordt een dubbele punt verwacht",
    "Expecting property name enclosed in double quotes": "hier wordt een naam tussen dubbele aanhalingstekens "
                                                         "verwacht",
    "Unterminated string starting at": "een tekst die hier begint, wordt niet afgesloten",
    "Invalid control character at": "hier staat een teken dat in JSON-tekst niet mag (zoals een tab)",
    "Invalid \\escape": "hier staat een ongeldige code met \\",
    "Invalid \\uXXXX escape": "hier staat een ongeldige code \\u",
    "Extra data": "na het einde van de JSON staat nog meer",
}


def json_problem(path: Path, exc) -> InvalidInput:
    """InvalidInput for a json.JSONDecodeError of the file at `path`: where, and why in Dutch."""
    why = _JSON_REASONS.get(exc.msg, exc.msg)
    return InvalidInput(path, f"geen geldige JSON op regel {exc.lineno}, kolom {exc.colno}: {why}.")


# Byte order marks of the Unicode encodings other than UTF-8 (UTF-32's first: FF FE 00 00 starts as UTF-16's).
# Notepad and Excel save "Unicode" text as UTF-16 with its mark; with the mark the encoding is certain.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def unicode_encoding(data: bytes) -> str | None:
    """ "utf-16" or "utf-32" when `data` starts with that encoding's byte order mark, else None."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def head_as_utf8(head: bytes) -> bytes:
    """The first bytes of a file as UTF-8: those of a file in UTF-16 or UTF-32 with a byte order mark decoded
    (a character cut off at the end left out), others as they are; for telling a file's format by its text."""
    encoding = unicode_encoding(head)
    if encoding is None:
        return head
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head).encode("utf-8")


def read_text(path: Path, max_bytes: int | None, what: str, hint: str = "", save_as: str = "UTF-8") -> str:
    """The file as text (UTF-8, with or without BOM, or UTF-16 or UTF-32 with their BOM); refused as `read_bytes`
    refuses, or when it is not UTF-8: "regel 3: dit is geen tekst in UTF-8 (byte 0xff), dus geen {what}; sla
    het bestand op als '{save_as}'." (`save_as`: what the user should save it as; Excel calls it "CSV UTF-8")."""
    data = read_bytes(path, max_bytes, f"bestanden met {what}", hint)
    encoding = unicode_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise InvalidInput(path, f"het bestand begint als {encoding.upper()}, maar is het niet helemaal, dus "
                                     f"geen {what}; sla het bestand op als '{save_as}'.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInput(path, f"regel {line}: dit is geen tekst in UTF-8 (byte 0x{data[exc.start]:02x}), dus geen "
                                 f"{what}; sla het bestand op als '{save_as}'.") from None


def looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file read as UTF-8 text (a character cut off at the end of them is fine)."""
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # only a character cut off at the end of the sample
    return True


def write_whole(target: Path, data: bytes, what: str) -> Path:
    """Write `data` to `target` whole or not at all (a hidden temporary beside it, written through to the disk,
    then renamed); `what` names the file in messages ("de export"). An existing file is replaced only when it is
    text: a dossier, a pack or anything else that is not text is never written over (an export given a
    dossier's name replaced the dossier). InvalidInput naming `target` for a missing folder, a folder or such a
    file in its place, a full disk; nothing is left behind."""
    target = Path(target)
    if not target.name:
        raise InvalidInput(target, f"geef een bestandsnaam voor {what}.")
    try:
        if not target.parent.is_dir():
            raise InvalidInput(target, f"de map voor {what} bestaat niet." if not target.parent.exists()
                               else f"'{target.parent.name}' is een bestand, geen map; kies een map voor {what}.")
        if target.exists():
            if (problem := _not_a_file(target, target.stat())) is not None:
                raise problem
            head = read_head(target)
            if head and not looks_like_text(head):
                raise InvalidInput(target, f"dit bestand bestaat al en is geen tekstbestand (misschien een dossier); "
                                           f"{what} schrijft er niet overheen. Kies een andere naam.")
    except OSError as exc:
        raise InvalidInput(target, f"de map voor {what} kan niet worden gebruikt ({os_reason(exc)}).") from None

    def fill(temporary: Path) -> None:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    return replace_whole(target, fill, what)


def replace_whole(target: Path, fill, what: str) -> Path:
    """`fill(temporary)` writes a hidden temporary file beside `target`, which then takes its name: the file
    appears whole or not at all. What a killed run of the same name left is removed first. InvalidInput naming
    `target` ("{what} kon niet worden geschreven (de schijf is vol)."); no temporary file is left behind."""
    from raadsdossier.base import tempfiles  # (socket, for the computer's name: not for the window's first screen)

    tempfiles.remove_leftovers(target.parent, target.name)
    temporary = tempfiles.beside(target)
    try:
        fill(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        raise InvalidInput(target, f"{what} kon niet worden geschreven ({os_reason(exc)}).") from exc
    finally:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # a read-only folder refuses even this (EROFS before it looks): the message above counts
            pass
    return target
