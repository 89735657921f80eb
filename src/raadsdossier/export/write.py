"""Writing a pack to a file: the format from the file name, and the file whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.export.model import Pack
from raadsdossier.storage.files import looks_like_text, os_reason, read_head, replace_whole

FORMATS = ("pdf", "docx", "html")


def format_of(target: Path) -> str:
    """"pdf", "docx" or "html" by the suffix of `target`; InvalidInput naming the file for any other."""
    fmt = Path(target).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput(target, "kies een bestandsnaam op .pdf of .docx voor het stuk, of op .html voor een "
                                   "webpagina.")
    return fmt


def _renderer(fmt: str):
    if fmt == "pdf":
        from raadsdossier.export.pdf import render_pdf

        return render_pdf
    if fmt == "html":
        from raadsdossier.export.html import render_html

        return render_html
    from raadsdossier.export.docx import render_docx

    return render_docx


def check_target(target: Path) -> None:
    """InvalidInput unless a pack can be written to `target` (a .pdf, .docx or .html name in a folder that exists)."""
    target = Path(target)
    format_of(target)
    if not target.parent.is_dir():
        try:
            target.parent.stat()
        except OSError as exc:  # missing, or a link that leads nowhere or back to itself
            raise InvalidInput(target, "de map voor het stuk bestaat niet." if isinstance(exc, FileNotFoundError)
                               else f"de map voor het stuk kan niet worden gebruikt ({os_reason(exc)}).") from None
        raise InvalidInput(target, f"'{target.parent.name}' is een bestand, geen map; kies een map voor het stuk.")
    _refuse_to_replace(target)


_SQLITE = b"SQLite format 3\x00"
_OWN_KIND = {  # what the start of an existing file must be for a pack to write over it, and that kind's name
    "pdf": (lambda head: head.startswith(b"%PDF-"), "geen PDF"),
    "docx": (lambda head: head.startswith((b"PK\x03\x04", b"PK\x05\x06")), "geen Word-document"),
    "html": (looks_like_text, "geen tekst (dus geen webpagina)"),
}


def _refuse_to_replace(target: Path) -> None:
    """InvalidInput unless what stands at `target` is nothing, an empty file, or a file of the pack's own kind:
    a pack never writes over a dossier (whatever its name: `pack -o x.pdf x.pdf` replaced the dossier) nor over
    anything else that is not a pack of its format (an encrypted dossier has no header of its own)."""
    if not target.exists():
        return
    head = read_head(target, 64)  # InvalidInput for a folder, a pipe or an unreadable file
    if not head:
        return
    if head.startswith(_SQLITE):
        raise InvalidInput(target, "dit is een dossier; het stuk schrijft er niet overheen. Kies een andere naam.")
    fits, what = _OWN_KIND[format_of(target)]
    if not fits(head):
        raise InvalidInput(target, f"dit bestand bestaat al en is {what} (misschien een dossier); het stuk "
                                   "schrijft er niet overheen. Kies een andere naam.")


def write_pack(pack: Pack, target: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Render `pack` to `target` (format from its suffix) through a temporary file in the same folder.

    The file appears under its name only when it is complete; a failure (a full disk) leaves no file and
    raises InvalidInput naming `target`. Any thread may call this.
    """
    target = Path(target)
    check_target(target)
    render = _renderer(format_of(target))
    return replace_whole(target, lambda temporary: render(pack, temporary, progress), "het stuk")
