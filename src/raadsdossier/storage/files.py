"""Reading a file the user gave (an import, an attachment): whole and within a size limit, or one sentence
that names the file and says why not."""

from __future__ import annotations

from pathlib import Path

from raadsdossier.domain.errors import InvalidInput

MB = 1024 * 1024


def _unreadable(path: Path, exc: OSError) -> InvalidInput:
    if isinstance(exc, FileNotFoundError):
        return InvalidInput(path, "dit bestand bestaat niet.")
    if isinstance(exc, IsADirectoryError):
        return InvalidInput(path, "dit is een map; kies een bestand.")
    return InvalidInput(path, f"het bestand kan niet worden gelezen ({exc.strerror or exc}).")


def _too_big(path: Path, size: int, max_bytes: int, what: str, hint: str) -> InvalidInput:
    return InvalidInput(path, f"het bestand is {size / MB:.0f} MB; {what} groter dan {max_bytes // MB} MB worden "
                              f"niet ingelezen{hint}.")


def read_bytes(path: Path, max_bytes: int | None = None, what: str = "bestanden", hint: str = "") -> bytes:
    """The file's bytes. InvalidInput naming it when it is missing, a folder or unreadable, or bigger than
    `max_bytes`: "het bestand is 250 MB; {what} groter dan 200 MB worden niet ingelezen{hint}." A file that
    grows while it is read is caught too: no more than `max_bytes` + 1 bytes are read."""
    path = Path(path)
    try:
        size = path.stat().st_size
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
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise _unreadable(path, exc) from None


def read_text(path: Path, max_bytes: int | None, what: str, hint: str = "", save_as: str = "UTF-8") -> str:
    """The file as text (UTF-8, with or without BOM); refused as `read_bytes` refuses, or when it is not
    UTF-8: "regel 3: dit is geen tekst in UTF-8 (byte 0xff), dus geen {what}; sla het bestand op als
    '{save_as}'." (`save_as`: what the user should save it as; Excel calls it "CSV UTF-8")."""
    data = read_bytes(path, max_bytes, f"bestanden met {what}", hint)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInput(path, f"regel {line}: dit is geen tekst in UTF-8 (byte 0x{data[exc.start]:02x}), dus geen "
                                 f"{what}; sla het bestand op als '{save_as}'.") from None
