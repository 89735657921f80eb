"""The pack model on its own: what goes in, what stays out, and how it is cited."""

from __future__ import annotations

from raadsdossier.storage.dossier import Dossier
from raadsdossier.export.build import PackOptions
from raadsdossier.export.model import Facts, Heading, Paragraph, Table
from tests.export.conftest import AT_RISK, INTERNAL_NOTE, SECRET_EVENT, pack_of


def all_text(pack) -> str:
    out = [pack.title, pack.subtitle] + [s.text for s in pack.sources]
    for block in pack.blocks:
        if isinstance(block, (Heading, Paragraph)):
            out.append(block.text)
        elif isinstance(block, Facts):
            out += [f"{k} {v}" for k, v in block.rows]
        elif isinstance(block, Table):
            out += [" ".join(row) for row in block.rows]
    return "\n".join(out)


def test_sources_are_numbered_in_order_of_first_citation(demo_dir):
    with Dossier.open(demo_dir / "breda-yangzhou.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, PackOptions())
    cited = [n for b in pack.blocks if isinstance(b, Paragraph) for n in b.citations]
    assert cited and set(cited) <= {s.number for s in pack.sources}
    assert [s.number for s in pack.sources] == list(range(1, len(pack.sources) + 1))
    assert pack.headings(1)[-1].text == "Bronnen" and pack.headings(1)[-1].opens_sources


def test_without_the_source_list_nothing_cites_it(demo_dir):
    with Dossier.open(demo_dir / "breda-yangzhou.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, PackOptions(sections=("summary", "timeline")))
    assert pack.sources == []
    assert all(not b.citations for b in pack.blocks if isinstance(b, Paragraph))
    assert all(row[-1] == "" for b in pack.blocks if isinstance(b, Table) and b.columns[-1] == "Bron" for row in b.rows)


def test_levels_and_people_at_risk(arnhem_with_secrets):
    with Dossier.open(arnhem_with_secrets, read_only=True) as dossier:
        public = pack_of(dossier, PackOptions())
        internal = pack_of(dossier, PackOptions(include=frozenset({"internal"})))
        named = pack_of(dossier, PackOptions(include_sensitive=True))
    text = all_text(public)
    assert SECRET_EVENT not in text and INTERNAL_NOTE not in text and AT_RISK not in text
    assert public.marking is None and public.levels == ("public",)
    assert "Organisatoren [naam weggelaten]" in text
    assert INTERNAL_NOTE in all_text(internal) and internal.marking == "VERTROUWELIJK – FRACTIE-INTERN"
    assert AT_RISK in all_text(named) and named.marking is None


def test_notes_go_in_only_when_chosen(demo_copy):
    from raadsdossier.services import edits

    path = demo_copy("enschede-dalian")
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "notes", {"id": "n0000000-0000-4000-8000-000000000001", "title": "Spreektekst",
                                      "kind": "speaking_notes", "body": "Voorzitter, de stedenband met Dalian …"})
        without = pack_of(dossier, PackOptions())
        with_notes = pack_of(dossier, PackOptions(sections=("summary", "notes")))
    assert "Voorzitter, de stedenband" not in all_text(without)
    assert "Voorzitter, de stedenband" in all_text(with_notes)


def test_costs_are_totalled_but_rates_are_not_added_up(demo_dir):
    with Dossier.open(demo_dir / "maastricht-chengdu.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, PackOptions(sections=("costs_and_outcomes",)))
    facts = [row for b in pack.blocks if isinstance(b, Facts) for row in b.rows]
    assert facts == [("Totaal (bedragen met grondslag totaal)", "€ 145.000")]
    costs = next(b for b in pack.blocks if isinstance(b, Table) and b.caption == "Kosten")
    assert any("€ 5.000 – € 12.000" in row for row in costs.rows)
