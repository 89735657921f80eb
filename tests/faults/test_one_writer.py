"""One writer per file, whatever path leads to it: hard links (in the same folder or another) and symbolic
links meet the same lock and the same Dutch message; backups are kept beside the real file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from raadsdossier.domain.errors import DossierLocked
from raadsdossier.storage.dossier import Dossier
from tests.faults.conftest import item_counts, notes_file, start_import


def _paths(path, how: str):
    """Another path to the dossier file at `path`."""
    if how == "hard link, same folder":
        other = path.with_name("ook-arnhem.raadsdossier")
        os.link(path, other)
    elif how == "hard link, other folder":
        other = path.parent / "elders" / "arnhem.raadsdossier"
        other.parent.mkdir()
        os.link(path, other)
    else:
        other = path.parent / "snelkoppeling.raadsdossier"
        other.symlink_to(path)
    return other


WAYS = ["hard link, same folder", "hard link, other folder", "symbolic link"]


@pytest.mark.parametrize("how", WAYS)
def test_two_imports_through_two_paths_one_writes_the_other_is_told_who(demo_copy, tmp_path, how):
    path = demo_copy("arnhem-wuhan")
    other = _paths(path, how)
    before = item_counts(path).get("note", 0)
    first = start_import(path, notes_file(tmp_path, 20_000, "eerste.json"))
    second = subprocess.run([sys.executable, "-m", "raadsdossier", "import", str(other),
                             str(notes_file(tmp_path, 5, "tweede.json"))], capture_output=True, text=True, timeout=120)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert second.returncode == 1
    [line] = second.stderr.strip().splitlines()
    assert "dit dossier is bezet: het is al geopend door" in line and "database is locked" not in line
    assert "op computer" in line and "(sinds " in line
    assert item_counts(path)["note"] == before + 20_000


@pytest.mark.parametrize("how", WAYS)
def test_in_one_program_every_path_meets_the_same_lock(demo_copy, how):
    path = demo_copy("arnhem-wuhan")
    other = _paths(path, how)
    with Dossier.open(path):
        with pytest.raises(DossierLocked):
            Dossier.open(other)
    with Dossier.open(other):  # released: the other path opens, and then the first is refused
        with pytest.raises(DossierLocked):
            Dossier.open(path)


def test_backups_made_through_a_symbolic_link_are_beside_the_real_file(demo_copy, tmp_path, cli):
    path = demo_copy("arnhem-wuhan")
    link = tmp_path / "links" / "arnhem.raadsdossier"
    link.parent.mkdir()
    link.symlink_to(path)
    made = cli("backup", link)
    assert made.returncode == 0, made.stderr
    assert not (link.parent / f"{link.name}-reservekopieen").exists()
    listed = json.loads(cli("backups", path, "--json").stdout)
    assert [entry["path"] for entry in listed] == [made.stdout.strip()]
    assert json.loads(cli("backups", link, "--json").stdout) == listed
