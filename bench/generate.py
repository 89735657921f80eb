"""Build a realistic synthetic dossier of N items, deterministic from a seed.

Usage: python bench/generate.py OUT.raadsdossier [--items N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from pathlib import Path

WORDS = ("stedenband gemeente college raad motie fractie mensenrechten samenwerking economie handelsmissie "
         "delegatie bezoek notitie toezegging evaluatie partnerstad provincie burgemeester wethouder "
         "onderwijs cultuur uitwisseling bedrijven Oeigoeren Xinjiang ambassade minister verklaring "
         "begroting kosten opbrengsten reis evenement overleg besluit commissie agenda stemming voorstel "
         "dwangarbeid onderzoek rapport zorgen dialoog vertrouwen afspraken verantwoording").split()
PARTIES = [("GroenLinks", 8), ("VVD", 7), ("D66", 6), ("CDA", 4), ("PvdA", 4), ("SP", 3), ("ChristenUnie", 2),
           ("Partij voor de Dieren", 2), ("Lokaal Belang", 3)]


def sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def when(rng: random.Random) -> str:
    return f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"


def document(n: int, seed: int = 1) -> dict:
    """An interchange document with about `n` items (questions count with their set)."""
    rng = random.Random(seed)
    ids = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    doc: dict = {"format": "raadsdossier/1",
                 "partnership": {"id": ids(), "dutch_side": "Benchstad", "level": "municipality",
                                 "partner_name": "Partnerstad", "partner_native_name": "大连", "partner_country": "China",
                                 "since": "1999", "status": "active"}}
    for key in ("parties", "sources", "motions", "question_sets", "college_notes", "events", "notes", "attachments", "costs"):
        doc[key] = []
    party_ids = []
    for name, seats in PARTIES:
        party_ids.append((ids(), seats))
        doc["parties"].append({"id": party_ids[-1][0], "name": name, "seats": seats})
    mix = [("sources", 0.15), ("motions", 0.25), ("question_sets", 0.08), ("college_notes", 0.12), ("events", 0.2),
           ("notes", 0.08), ("attachments", 0.05), ("costs", 0.07)]
    source_ids: list[str] = []
    count = 0
    while count < n:
        key = rng.choices([k for k, _ in mix], weights=[w for _, w in mix])[0]
        item = {"id": ids()}
        if key != "sources" and source_ids:
            item["source_ids"] = sorted(set(rng.sample(source_ids, k=min(len(source_ids), rng.randint(1, 2)))))
        if key == "sources":
            item.update(kind="article", title=sentence(rng, 4, 9), publisher="Dagblad", date=when(rng)[:7],
                        url=f"https://example.org/{count}")
            source_ids.append(item["id"])
        elif key == "motions":
            votes = []
            for _v in range(rng.choice([1, 1, 1, 2, 3])):
                votes.append({"date": when(rng), "kind": "party", "result": None,
                              "choices": [{"party": pid, "choice": rng.choice(["for", "against"]), "seats": seats}
                                          for pid, seats in party_ids]})
            item.update(reference=f"M{count}", title=sentence(rng, 4, 10), date=when(rng),
                        considerations=paragraph(rng, 3), operative_text=paragraph(rng, 2),
                        status=rng.choice(["adopted", "rejected", "submitted"]), votes=votes,
                        submitters=[{"party": rng.choice(party_ids)[0]}])
        elif key == "question_sets":
            questions = [{"number": i, "question": paragraph(rng, 1), "answer": paragraph(rng, 2)}
                         for i in range(1, rng.randint(5, 20) + 1)]
            submitted = when(rng)
            item.update(reference=f"{submitted[:4]}Z{count:05}", title=sentence(rng, 4, 9),
                        kind="council_questions", submitted_on=submitted, answer_deadline_days=30,
                        questions=questions)
            count += len(questions) - 1
        elif key == "college_notes":
            item.update(kind="information_letter", date=when(rng), title=sentence(rng, 4, 9),
                        summary=paragraph(rng, 3), stated_position=paragraph(rng, 1))
        elif key == "events":
            item.update(kind=rng.choice(["trade_mission", "delegation_visit", "gift", "statement"]), date=when(rng),
                        title=sentence(rng, 4, 9), description=paragraph(rng, 2))
        elif key == "notes":
            item.update(kind="speaking_notes", title=sentence(rng, 3, 6), body=paragraph(rng, 4))
        elif key == "attachments":
            text = paragraph(rng, 20)
            import base64
            import hashlib
            data = text.encode()
            item.update(file_name=f"bijlage-{count}.txt", media_type="text/plain", extracted_text=text,
                        sha256=hashlib.sha256(data).hexdigest(), content_base64=base64.b64encode(data).decode())
        elif key == "costs":
            item.update(amount_eur=rng.randint(500, 50000), basis="total", category="travel", date=when(rng)[:4],
                        description=sentence(rng, 4, 9))
        doc[key].append(item)
        count += 1
    return doc


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from raadsdossier.core.services import create_from_document

    create_from_document(args.output, document(args.items, args.seed), "bench")
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
