"""A PDF pack is written under a temporary name and then tagged for screen readers, which rewrites that file
whole (export/pdf_tags.py). Both temporaries are named as base/tempfiles.py names them, so the next pack to the
same place removes what a killed one left: the file holds the pack's text, confidential items included when
chosen. (tests/faults/test_kill_9.py kills packs at random moments; once it found pikepdf's own temporary name
left behind, which nothing tidied.)"""

from __future__ import annotations

import subprocess
import sys

import pikepdf

from raadsdossier.base import tempfiles
from raadsdossier.export.build import PackOptions
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import pack_file


def _ended_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def test_tagging_writes_under_a_name_the_next_pack_tidies(demo_copy, tmp_path, monkeypatch):
    written = []
    save = pikepdf.Pdf.save

    def recorded(pdf, filename, *args, **kwargs):
        written.append(filename)
        return save(pdf, filename, *args, **kwargs)

    monkeypatch.setattr(pikepdf.Pdf, "save", recorded)
    folder = tmp_path / "stukken"
    folder.mkdir()
    with Dossier.open(demo_copy("arnhem-wuhan"), read_only=True) as dossier:
        path = pack_file(dossier, folder / "stuk.pdf", PackOptions())
    assert len(written) == 1 and written[0].parent == folder
    # a temporary of the pack's temporary, in this process's name: what tidying reads as work of a live process
    assert written[0].name.startswith("..stuk.pdf.") and tempfiles._NAME.match(written[0].name)
    assert sorted(p.name for p in folder.iterdir()) == ["stuk.pdf"] and len(pikepdf.open(path).pages) > 0


def test_the_next_pack_removes_what_a_killed_one_left_at_either_step(demo_copy, tmp_path):
    dossier_path = demo_copy("arnhem-wuhan")
    folder = tmp_path / "stukken"
    folder.mkdir()
    pid = tempfiles._host() + f"-{_ended_pid()}"
    rendered = folder / f".stuk.pdf.{pid}-a8fa06.tmp"  # killed while reportlab wrote the pack
    tagged = folder / f".{rendered.name}.{pid}-3b9c1d.tmp"  # killed while pikepdf rewrote it
    other = folder / f".ander.pdf.{pid}-77aa00.tmp"  # another pack's: not this one's to tidy
    for leftover in (rendered, tagged, other):
        leftover.write_bytes(b"%PDF-1.7 half a pack")
    with Dossier.open(dossier_path, read_only=True) as dossier:
        pack_file(dossier, folder / "stuk.pdf", PackOptions())
    assert sorted(p.name for p in folder.iterdir()) == sorted(["stuk.pdf", other.name])


def test_a_long_valid_name_gets_a_short_temporary_and_its_leftovers_are_tidied(demo_copy, tmp_path, run):
    dossier_path = demo_copy("arnhem-wuhan")
    folder = tmp_path / "stukken"
    folder.mkdir()
    for name in ("y" * 240 + ".pdf", "é" * 125 + ".docx"):  # 244 and 255 bytes: valid names, too long with ".….tmp"
        target = folder / name
        short = tempfiles.short_name(name)
        assert len(f".{short}.{tempfiles._host()}-4194304-abcdef.tmp".encode()) < 255 and short != name
        assert tempfiles.short_name(tempfiles.beside(target).name).startswith(f".{short}.")  # a temporary's temporary
        leftover = folder / f".{short}.{tempfiles._host()}-{_ended_pid()}-a8fa06.tmp"
        leftover.write_bytes(b"half a pack")
        code, _out, err = run("pack", dossier_path, "-o", target)
        assert code == 0, err
        assert not leftover.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(["y" * 240 + ".pdf", "é" * 125 + ".docx"])
