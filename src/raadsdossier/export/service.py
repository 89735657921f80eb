"""Making packs from dossier files: one pack, or every dossier in a folder; files appear whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from raadsdossier.domain.errors import DossierError, InvalidInput
from raadsdossier.storage.dossier import SUFFIX, Dossier
from raadsdossier.export.build import PackOptions, build_pack

FORMATS = ("pdf", "docx")


def _renderer(fmt: str):
    if fmt == "pdf":
        from raadsdossier.export.pdf import render_pdf

        return render_pdf
    if fmt == "docx":
        from raadsdossier.export.docx import render_docx

        return render_docx
    raise InvalidInput(None, f"onbekend formaat '{fmt}'; kies .pdf of .docx.")


def write_pack(dossier: Dossier, target: Path, options: PackOptions,
               progress: Callable[[int, int], None] | None = None) -> Path:
    """Build and render a pack to `target` (format from its suffix), via a temporary file in the same folder."""
    target = Path(target)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput(target, "kies een bestandsnaam op .pdf of .docx voor het stuk.")
    if not target.parent.is_dir():
        raise InvalidInput(target, "de map voor het stuk bestaat niet.")
    pack = build_pack(dossier, options)
    render = _renderer(fmt)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        render(pack, temporary, progress)
        os.replace(temporary, target)
    except OSError as exc:
        raise InvalidInput(target, f"het stuk kon niet worden geschreven ({exc.strerror or exc}).") from exc
    finally:
        temporary.unlink(missing_ok=True)
    return target


def write_all(directory: Path, out_dir: Path, options: PackOptions, formats: tuple[str, ...] = FORMATS,
              report: Callable[[str], None] | None = None, password: str | None = None) -> tuple[list[Path], list[str]]:
    """A pack per dossier in `directory`, per format; returns (written files, problems per dossier).

    Encrypted dossiers are opened with `password`; without one they are reported as problems.
    """
    directory, out_dir = Path(directory), Path(out_dir)
    if not directory.is_dir():
        raise InvalidInput(directory, "dit is geen map.")
    files = sorted(directory.glob(f"*{SUFFIX}"))
    if not files:
        raise InvalidInput(directory, f"in deze map staan geen dossiers (*{SUFFIX}).")
    out_dir.mkdir(parents=True, exist_ok=True)
    written, problems = [], []
    for path in files:
        try:
            with Dossier.open(path, read_only=True, password=password) as dossier:
                for fmt in formats:
                    written.append(write_pack(dossier, out_dir / f"{path.stem}.{fmt}", options))
                    if report:
                        report(str(written[-1]))
        except DossierError as exc:  # one bad dossier does not stop the batch
            problems.append(str(exc))
    return written, problems
