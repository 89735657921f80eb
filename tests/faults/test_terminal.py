"""Imported text never drives the terminal: every command that prints stored text escapes control and
bidirectional characters, and JSON output escapes them as JSON does (so it reads back to the stored text)."""

from __future__ import annotations

import json

from sqlalchemy import select

from raadsdossier.cli.terminal import UNSAFE, safe
from raadsdossier.domain.models import Motion, Partnership, StatusChange
from raadsdossier.storage.dossier import Dossier

# ESC colours the terminal red, OSC renames its window (ended by BEL), BS and CR overwrite what came before,
# NUL, a C1 CSI that clears the screen, and right-to-left overrides that show a line in another order.
HOSTILE = "\x1b[31mROOD\x1b]0;venster\x07\x08\r\x00\x9b2J\u202egnirts\u202c\u2066x\u2069\u200f"


def _poisoned(demo_copy):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        session.scalars(select(Partnership)).one().partner_name = f"Wuhan {HOSTILE}"
        motion = session.scalars(select(Motion)).first()
        motion.title = f"Motie stedenband {HOSTILE}"
        motion_id = motion.id
        partnership = session.scalars(select(Partnership)).one()
        session.add(StatusChange(partnership=partnership, date="2024-01", status=partnership.status,
                                 note=f"Besluit {HOSTILE}"))
    return path, motion_id


def _clean(text: str) -> bool:
    return not UNSAFE.search(text)


def test_info_search_history_and_listings_show_control_characters_escaped(demo_copy, cli):
    path, motion_id = _poisoned(demo_copy)
    for args in (("info", path), ("search", path, "stedenband"), ("history", path, motion_id), ("backups", path)):
        result = cli(*args)
        assert result.returncode in (0, 1), result.stderr
        assert _clean(result.stdout) and _clean(result.stderr), (args, result.stdout, result.stderr)
    info = cli("info", path).stdout
    assert "Wuhan \\u001b[31mROOD\\u001b]0;venster\\u0007\\u0008\\u000d\\u0000\\u009b2J\\u202egnirts" in info
    assert "Besluit \\u001b[31mROOD" in info
    assert "Motie stedenband \\u001b[31mROOD" in cli("search", path, "stedenband").stdout


def test_json_output_escapes_them_as_json_and_reads_back_to_the_stored_text(demo_copy, cli):
    path, motion_id = _poisoned(demo_copy)
    for args in (("search", path, "stedenband", "--json"), ("history", path, motion_id), ("export-json", path)):
        result = cli(*args)
        assert result.returncode == 0, result.stderr
        assert _clean(result.stdout), args
        json.loads(result.stdout)  # still valid JSON
    hits = json.loads(cli("search", path, "stedenband", "--json").stdout)
    assert f"Motie stedenband {HOSTILE}" in [hit["title"] for hit in hits]
    document = json.loads(cli("export-json", path).stdout)
    assert document["partnership"]["partner_name"] == f"Wuhan {HOSTILE}"


def test_an_error_naming_a_hostile_file_name_is_escaped_too(tmp_path, cli):
    name = tmp_path / f"dossier{HOSTILE.replace(chr(0), '')}.raadsdossier"
    result = cli("info", name)
    assert result.returncode == 1 and "bestaat niet" in result.stderr
    assert _clean(result.stderr) and "\\u001b[31mROOD" in result.stderr


def test_safe_keeps_ordinary_text_line_breaks_tabs_and_chinese():
    text = "Wuhan (武汉)\tstedenband\nmotie — één café"
    assert safe(text) == text
    assert safe("a\x1bb") == "a\\u001bb"
