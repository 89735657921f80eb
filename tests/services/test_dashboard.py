"""The Overzicht's figures: counted once (storage/glance.py), the same in `raadsdossier info --json`, with
what needs attention on a given day and costs whose years add up to their total."""

from __future__ import annotations

import json
from datetime import date

import pytest

from raadsdossier.services import dashboard, edits
from raadsdossier.storage import glance
from raadsdossier.storage.dossier import Dossier

DEMOS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
TODAY = date(2026, 12, 1)


def busy(dossier: Dossier) -> None:
    """Items that need attention on TODAY, costs over several years and something still to come."""
    save = edits.save_item
    for n, (status, deadline) in enumerate([("open", "2026-01-31"), ("open", "2027-03-01"), ("open", None),
                                            ("fulfilled", "2025-06-01")], start=1):
        save(dossier, "commitments", {"id": f"c{n}", "title": f"Toezegging {n}", "status": status,
                                      "deadline": deadline, "promised_on": f"2025-0{n}"})
    save(dossier, "question_sets", {"id": "q1", "title": "Vragen over Dalian", "reference": "2026-01",
                                    "submitted_on": "2026-03-01", "answer_deadline_days": 30})
    save(dossier, "question_sets", {"id": "q2", "title": "Te laat beantwoord", "submitted_on": "2025-01-01",
                                    "answered_on": "2025-03-01", "answer_deadline_days": 30})
    save(dossier, "question_sets", {"id": "q3", "title": "Op tijd beantwoord", "submitted_on": "2025-01-01",
                                    "answered_on": "2025-01-20", "answer_deadline_days": 30})
    for n, status in enumerate(["adopted", "rejected", "rejected", "withdrawn"], start=1):
        save(dossier, "motions", {"id": f"m{n}", "title": f"Motie {n}", "status": status, "date": f"2024-0{n}"})
    save(dossier, "unassigned_votes", {"id": "u1", "decision": "Aangenomen", "date": "2026-02-01"})
    save(dossier, "unassigned_votes", {"id": "u2", "decision": "Verworpen", "date": "2026-02-01",
                                       "assigned_to": "m2"})
    save(dossier, "events", {"id": "e1", "title": "Handelsmissie naar Dalian", "kind": "trade_mission",
                             "date": "2027-04"})
    save(dossier, "events", {"id": "e2", "title": "Ondertekening", "kind": "signing", "date": "2026"})
    for n, (amount, top, basis, start, end) in enumerate([
        (1000, None, "total", "2019-03", None), (2500.5, 4000, "total", "2019", None), (500, None, "total", "2021", None),
        (14500, None, "total", "2013", "2021"), (300, None, "total", None, None),
        (5000, 12000, "per_trip", None, None), (2000, None, "per_year", "2020", "2024"),
    ], start=1):
        save(dossier, "costs", {"id": f"k{n}", "description": f"Kosten {n}", "amount_eur": amount,
                                "amount_max_eur": top, "basis": basis, "date": start, "end_date": end})


@pytest.fixture
def busy_dossier(new_dossier):
    with Dossier.open(new_dossier) as dossier:
        busy(dossier)
    return new_dossier


@pytest.mark.parametrize("slug", DEMOS)
def test_the_dashboard_and_info_json_give_the_same_figures(demo_copy, run, slug):
    path = demo_copy(slug)
    with Dossier.open(path, read_only=True) as dossier:
        shown = dashboard.overview(dossier)["figures"]
        assert dashboard.figures(dossier) == shown
    code, out, _err = run("info", "--json", path)
    assert code == 0
    info = json.loads(out)
    assert info["dashboard"] == shown
    # and the figures agree with info's own counts
    assert {key: shown[key]["total"] for key in ("sources", "parties", "people")} == {
        key: info["counts"].get(kind, 0) for key, kind in (("sources", "source"), ("parties", "party"),
                                                             ("people", "person"))}
    assert shown["checklist"]["done"] == info["checklist"]["done"]
    assert shown["question_sets"]["overdue"] == info["open_questions_overdue"]


def test_the_figures_count_what_needs_attention_on_the_day_given(busy_dossier):
    with Dossier.open(busy_dossier, read_only=True) as dossier:
        data = dashboard.overview(dossier, TODAY)
    figures = data["figures"]
    assert figures["motions"] == {"total": 4, "adopted": 1, "rejected": 2, "withdrawn": 1, "held": 0, "submitted": 0}
    assert figures["commitments"] == {"total": 4, "open": 3, "overdue": 1, "fulfilled": 1, "withdrawn": 0}
    assert figures["question_sets"] == {"total": 3, "unanswered": 1, "overdue": 1, "answered_late": 1}
    assert figures["unassigned_votes"] == {"total": 2, "unassigned": 1}
    assert figures["attention"] == {"overdue_questions": 1, "overdue_commitments": 1, "overdue_follow_ups": 0,
                                    "unassigned_votes": 1}
    assert [c["id"] for c in data["open_commitments"] if c["overdue"]] == ["c1"]
    assert [q["id"] for q in data["overdue_questions"]] == ["q1"]
    # "2027-04" is still to come; "2026" contains today, so it has begun
    assert [e["id"] for e in data["upcoming_events"]] == ["e1"] and figures["upcoming"] == 1
    assert [e["id"] for e in data["latest_events"]][:2] == ["q1", "e2"]  # newest first, of every kind
    # a year earlier nothing was overdue yet, and the commitment's deadline was still ahead
    with Dossier.open(busy_dossier, read_only=True) as dossier:
        earlier = dashboard.figures(dossier, date(2025, 12, 1))
    assert earlier["attention"] == {"overdue_questions": 0, "overdue_commitments": 0, "overdue_follow_ups": 0,
                                    "unassigned_votes": 1}


def test_costs_per_year_add_up_to_the_total_and_rates_are_not_added(busy_dossier):
    with Dossier.open(busy_dossier, read_only=True) as dossier:
        costs = dashboard.figures(dossier, TODAY)["costs"]
    assert costs["items"] == 7
    assert costs["total"] == {"low": 1_880_050, "high": 2_030_000, "count": 5}
    years = [(p["from"], p["until"]) for p in costs["per_year"]]
    assert years == [("2013", "2021"), ("2019", "2019"), ("2021", "2021"), (None, None)]  # a span is one period
    assert sum(p["low"] for p in costs["per_year"]) == costs["total"]["low"]
    assert sum(p["high"] for p in costs["per_year"]) == costs["total"]["high"]
    assert costs["per_year"][1] == {"from": "2019", "until": "2019", "low": 350_050, "high": 500_000, "count": 2}
    assert costs["rates"] == [{"basis": "per_year", "low": 200_000, "high": 200_000, "count": 1},
                              {"basis": "per_trip", "low": 500_000, "high": 1_200_000, "count": 1}]


def test_the_cost_rule_is_the_packs():
    """The pack adds only amounts with basis total, a range from its minimum to its maximum (export/build.py)."""
    summary = glance.cost_summary([(100, 300, "total", "2020", None), (50, None, "total", None, None),
                                   (999, None, "per_trip", None, None)])
    assert summary["total"] == {"low": 150, "high": 350, "count": 2}


def test_costs_counted_by_sqlite_are_costs_counted_one_by_one(busy_dossier):
    """The dashboard groups the costs in SQL; a list of costs (the pack's) gives the same summary."""
    with Dossier.open(busy_dossier, read_only=True) as dossier:
        with dossier.connection() as connection:
            rows = connection.execute("SELECT amount_cents, amount_max_cents, basis, date, end_date FROM costs").fetchall()
        assert glance.cost_summary(rows) == dashboard.figures(dossier, TODAY)["costs"]


def test_figures_are_read_without_the_orm(demo_dir):
    import subprocess
    import sys

    code = ("import json, sys\n"
            "from raadsdossier.storage.dossier import Dossier\n"
            "from raadsdossier.services import dashboard\n"
            f"with Dossier.open({str(demo_dir / 'arnhem-wuhan.raadsdossier')!r}, read_only=True) as d:\n"
            "    dashboard.figures(d)\n"
            "print(json.dumps('raadsdossier.domain.models' in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) is False
