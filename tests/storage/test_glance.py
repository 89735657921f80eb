"""A glance at a dossier without the data layer: the same overview, None for what must be opened properly,
and the file left exactly as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from raadsdossier.services import dashboard
from raadsdossier.storage import glance
from raadsdossier.services import edits
from raadsdossier.services.dossiers import PartnershipFields, create_dossier
from raadsdossier.storage.dossier import Dossier

OLD = Path(__file__).resolve().parents[1] / "fixtures" / "dossiers" / "schema-0001-arnhem.raadsdossier"
DEMOS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("slug", DEMOS)
def test_glance_shows_what_the_overview_shows(demo_dir, slug):
    path = demo_dir / f"{slug}.raadsdossier"
    seen = glance.glance(path, today=date(2026, 12, 1))
    with Dossier.open(path, read_only=True) as dossier:
        full = dashboard.overview(dossier, today=date(2026, 12, 1))
    summary = seen.pop("partnership")
    partnership = full.pop("partnership")
    assert seen == full
    assert summary == {key: partnership[key] for key in summary}  # the form's export agrees with the summary
    assert {"dutch_side", "partner_name", "partner_native_name", "level", "status", "status_history"} <= set(summary)


def test_glance_counts_overdue_items_and_checklist_progress(new_dossier):
    with Dossier.open(new_dossier) as dossier:
        edits.save_item(dossier, "commitments", {"id": "c1", "title": "Rapporteren over mensenrechten",
                                             "deadline": "2026-01-31", "status": "open"})
        edits.save_item(dossier, "question_sets", {"id": "q1", "title": "Vragen over Dalian", "reference": "2026-01",
                                               "kind": "council_questions", "submitted_on": "2026-03-01",
                                               "answer_deadline_days": 30})
        edits.assess(dossier, "amnesty-2021", {"id": "b-politieke-realiteit-01", "status": "in_progress",
                                               "assessed_on": "2026-02-01"})
        edits.assess(dossier, "amnesty-2021", {"id": "b-politieke-realiteit-01", "status": "done",
                                               "assessed_on": "2026-03-01"})
        full = dashboard.overview(dossier, today=date(2026, 12, 1))
    seen = glance.glance(new_dossier, today=date(2026, 12, 1))
    assert seen["open_commitments"] == [{"id": "c1", "title": "Rapporteren over mensenrechten",
                                         "deadline": "2026-01-31", "overdue": True}]
    assert seen["overdue_questions"][0]["title"] == "2026-01 Vragen over Dalian"
    assert seen["checklist"]["done"] == 1 and seen["checklist"]["sections"][0]["done"] == 1
    seen.pop("partnership"), full.pop("partnership")
    assert seen == full


def test_glance_leaves_the_file_as_it_was(new_dossier):
    before = _sha(new_dossier)
    siblings = sorted(p.name for p in new_dossier.parent.iterdir())
    assert glance.glance(new_dossier)["partnership"]["partner_native_name"] == "大连"
    assert _sha(new_dossier) == before
    assert sorted(p.name for p in new_dossier.parent.iterdir()) == siblings


def test_glance_is_none_for_what_has_to_be_opened_properly(tmp_path, new_dossier):
    old = tmp_path / "old.raadsdossier"
    shutil.copy(OLD, old)
    encrypted = tmp_path / "geheim.raadsdossier"
    create_dossier(encrypted, PartnershipFields(dutch_side="Enschede", level="municipality", partner_name="Dalian"),
                   password="geheim-wachtwoord")
    text = tmp_path / "tekst.raadsdossier"
    text.write_text("geen dossier", encoding="utf-8")
    crashed = tmp_path / "crashed.raadsdossier"
    shutil.copy(new_dossier, crashed)
    Path(str(crashed) + "-journal").write_bytes(b"\x00" * 512)
    for path in (old, encrypted, text, crashed, tmp_path / "weg.raadsdossier", tmp_path):
        before = _sha(path) if path.is_file() else None
        assert glance.glance(path) is None, path
        assert (_sha(path) if path.is_file() else None) == before


def test_glance_needs_neither_sqlalchemy_nor_qt(demo_dir):
    code = (
        "import json, sys\n"
        "from raadsdossier.storage.glance import glance\n"
        f"seen = glance({str(demo_dir / 'enschede-dalian.raadsdossier')!r})\n"
        "print(json.dumps({'partner': seen['partnership']['partner_native_name'],"
        " 'loaded': sorted(m for m in ('sqlalchemy', 'PySide6', 'jsonschema', 'alembic') if m in sys.modules)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == {"partner": "大连", "loaded": []}
