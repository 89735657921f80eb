"""The test library of dossiers (services/library.py): the four demo dossiers, and new dossiers made with the
command line (`raadsdossier new`, then `import`) from the real council and parliament files in tests/fixtures/,
each into a dossier of its own, plus one small dossier a fraction typed in by hand.

What each holds, as the imports give it (the tests count on these):
- the demo's Arnhem – Wuhan: one motion, three votes (only the last says how a party voted: GroenLinks for);
- three dossiers with the Tweede Kamer's Stemming page (tests/fixtures/tk-odata): six complete decisions with
  the votes of 15 parties, which name their agenda item but not their motion. The import keeps them as
  unassigned votes, with the agenda item's motions as candidates; each is assigned here to a candidate motion
  that has no vote yet (`raadsdossier assign-vote`), so each of these dossiers has six motions with party votes;
  besides the Zaak files (Tweede Kamer – China also the KOOP motions; Den Haag – Beijing the page of Zaken);
- Alkmaar – Nanjing (Notubiz): two amendments submitted by parties, results without party votes;
- Altena – Zhuhai (Notubiz): two motions submitted by people and parties, results without party votes;
- Utrecht – Shanghai (iBabs): motion M25 and the roll call of its 43 members, assigned to it;
- Nijmegen – Suzhou, typed in: the party "GL" (another spelling of GroenLinks, which the app does not know
  until told), a public motion it submitted and a confidential one.

Motions with per-party (or per-member) votes: 1 + 3 × 6 + 1 = 20 (test_library.py holds it to this).
"""

from __future__ import annotations

from pathlib import Path

from raadsdossier.cli import main as cli_main
from raadsdossier.services import edits, lists
from raadsdossier.storage.dossier import Dossier

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TK = FIXTURES / "tk-odata"
STEMMING = TK / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json"
ZAAK_MOTIONS = sorted(TK.glob("zaak_motie_*.json"))

GL_PARTY = "f0000000-0000-4000-8000-000000000001"
GL_MOTION = "f0000000-0000-4000-8000-000000000002"
GL_SECRET_MOTION = "f0000000-0000-4000-8000-000000000003"
GL_SECRET_TITLE = "Vertrouwelijk: stemadvies over de zustersteden"

# The dossiers made from files: (file name, Dutch side, partner, files to import).
IMPORTED = (
    ("tweede-kamer-china", "Tweede Kamer", "China",
     [*sorted((FIXTURES / "koop").glob("kst-*.xml")), *ZAAK_MOTIONS, STEMMING]),
    ("den-haag-beijing", "Den Haag", "Beijing", [TK / "zaak_page502_value_array.json", STEMMING]),
    ("rotterdam-shanghai", "Rotterdam", "Shanghai", [STEMMING]),
    ("alkmaar-nanjing", "Alkmaar", "Nanjing", [FIXTURES / "council" / "notubiz_alkmaar_motions.json"]),
    ("altena-zhuhai", "Altena", "Zhuhai", [FIXTURES / "council" / "notubiz_altena_motions.json"]),
    ("utrecht-shanghai", "Utrecht", "Shanghai", [FIXTURES / "council" / "ibabs_list_entry_response.xml",
                                                FIXTURES / "council" / "ibabs_list_entry_votes_response.xml"]),
)
VOTED_MOTIONS = 20


def _cli(*args) -> None:
    code = cli_main([str(a) for a in args])
    assert code in (0, 3), f"raadsdossier {' '.join(map(str, args))} gave {code}"


def _assign_votes(path: Path) -> None:
    """Assign each unassigned vote to one of its candidate motions that has no vote yet (any motion without a
    vote when none of its candidates is left), as a user does with `raadsdossier assign-vote`."""
    with Dossier.open(path, read_only=True) as dossier:
        pending = [v for v in lists.page(dossier, "unassigned_votes", limit=100)]
        motions = lists.page(dossier, "motions", limit=1000)
    voted = {m["id"] for m in motions if m["votes"]}
    for vote in pending:
        candidates = [c for c in vote.get("candidate_motions") or [] if c not in voted]
        motion = next(iter(candidates), None) or next(m["id"] for m in motions if m["id"] not in voted)
        _cli("assign-vote", path, vote["id"], motion)
        voted.add(motion)


def _hand_made(path: Path) -> None:
    """Nijmegen – Suzhou as a fraction typed it: the party "GL", a public and a confidential motion of it."""
    _cli("new", path, "--dutch-side", "Nijmegen", "--level", "municipality", "--partner", "Suzhou")
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "parties", {"id": GL_PARTY, "name": "GL", "seats": 9})
        edits.save_item(dossier, "motions", {
            "id": GL_MOTION, "reference": "M 24-03", "title": "Motie mensenrechten in de stedenband met Suzhou",
            "date": "2024-03-14", "status": "submitted", "submitters": [{"party": GL_PARTY}]})
        edits.save_item(dossier, "motions", {
            "id": GL_SECRET_MOTION, "reference": "M 24-04", "title": GL_SECRET_TITLE, "date": "2024-03-15",
            "status": "submitted", "confidentiality": "confidential", "submitters": [{"party": GL_PARTY}]})


def build_library(folder: Path, demo_dir: Path) -> Path:
    """The test library in `folder` (made if need be), from the demo dossiers in `demo_dir`."""
    folder.mkdir(parents=True, exist_ok=True)
    for demo in sorted(demo_dir.glob("*.raadsdossier")):
        (folder / demo.name).write_bytes(demo.read_bytes())
    for name, dutch_side, partner, files in IMPORTED:
        path = folder / f"{name}.raadsdossier"
        _cli("new", path, "--dutch-side", dutch_side, "--level", "municipality", "--partner", partner)
        _cli("import", path, *files)
        _assign_votes(path)
    _hand_made(folder / "nijmegen-suzhou.raadsdossier")
    return folder
