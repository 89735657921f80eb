"""Build a realistic synthetic dossier of N items, deterministic from a seed.

Usage: python bench/generate.py OUT.raadsdossier [--items N] [--seed S]
       python bench/generate.py --cached N   (prints the path of the cached dossier, building it if needed)

The mix follows a real council's dossier: a quarter motions with votes per party, question sets of
5–20 questions (each question counts as an item), college notes, events, sources, notes, costs and
attachments with extracted text, dated over twenty years (2005–2024). Text is Dutch-looking: common
function words and a Zipf-distributed vocabulary of council words and their compounds
("mensenrechtenbeleid"), so that some words occur in nearly every item and most in few, as in
real text; full-text search over a 60-word vocabulary would be unrealistically hard.
"""

from __future__ import annotations

import argparse
import base64
import bisect
import hashlib
import itertools
import random
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

# Bump when the generated content changes: cached dossiers carry it in their name.
VERSION = 4  # 4: schema 0005 (a cached dossier of an older schema would be migrated inside the timings)
CACHE = Path(__file__).resolve().parent / ".cache"

FUNCTION = ("de het een van en in op te dat die voor met is niet aan zijn er om ook door bij als naar "
            "over dit wordt worden heeft hebben kan zal deze nog uit tot maar dan of wel geen meer al "
            "wij u zij hun haar onze").split()
NOUNS = ("stedenband gemeente college raad motie fractie mensenrecht samenwerking economie handelsmissie "
         "delegatie bezoek notitie toezegging evaluatie partnerstad provincie burgemeester wethouder onderwijs "
         "cultuur uitwisseling bedrijf ambassade minister verklaring begroting kosten opbrengst reis evenement "
         "overleg besluit commissie agenda stemming voorstel dwangarbeid onderzoek rapport zorg dialoog "
         "vertrouwen afspraak verantwoording haven luchthaven universiteit student school ziekenhuis zorg "
         "innovatie technologie energie water klimaat duurzaamheid handel export import investering fonds "
         "subsidie brief raadsvoorstel amendement vraag antwoord termijn vergadering griffie griffier "
         "raadslid wethouderschap portefeuille memorandum intentieverklaring bestuur bestuurder ambtenaar "
         "beleid kader visie strategie programma project plan resultaat doel afweging risico kans belang "
         "inwoner burger ondernemer organisatie stichting vereniging netwerk contact relatie vriendschap "
         "jubileum viering tentoonstelling festival concert sport wedstrijd museum bibliotheek archief "
         "pers journalist media bericht artikel krant omroep website publicatie document bijlage tekst "
         "vrijheid veiligheid privacy censuur demonstratie protest gevangene minderheid religie taal "
         "verkiezing democratie rechtsstaat rechter advocaat wet regel verdrag sanctie boycot dreiging "
         "spionage beïnvloeding cybersecurity informatie data camera telecom chip fabriek productie "
         "leverancier keten arbeid loon werknemer vakbond inspectie certificaat audit toezicht controle").split()
PLACES = ("Xinjiang Tibet Hongkong Wuhan Dalian Yangzhou Chengdu Liaoning Shanghai Beijing Peking Nanjing "
          "Guangzhou Shenzhen Enschede Arnhem Breda Maastricht Overijssel Gelderland Limburg Brabant Den Haag "
          "Oeigoeren Taiwan Brussel Europa Nederland China").split()
VERBS = ("besluit verzoekt constateert overweegt draagt roept vraagt antwoordt meldt onderzoekt evalueert "
         "bevestigt ontkent ondersteunt steunt verwerpt neemt stelt bespreekt informeert betreurt waardeert "
         "verwacht beoordeelt herziet beëindigt verlengt opschort hervat ondertekent").split()
ADJECTIVES = ("nieuw oud groot klein belangrijk kritisch openbaar vertrouwelijk economisch cultureel politiek "
              "zorgvuldig duidelijk jaarlijks tijdelijk structureel lokaal regionaal landelijk internationaal "
              "Chinees Nederlands Europees zakelijk wederzijds verantwoord transparant onafhankelijk").split()
PARTIES = [("GroenLinks", 8), ("VVD", 7), ("D66", 6), ("CDA", 4), ("PvdA", 4), ("SP", 3), ("ChristenUnie", 2),
           ("Partij voor de Dieren", 2), ("Lokaal Belang", 3)]


def _vocabulary() -> tuple[list[str], list[float]]:
    """Content words (with compounds of two nouns) and their cumulative Zipf weights, fixed across runs."""
    rng = random.Random(12345)
    words = NOUNS + [n + "en" for n in NOUNS[:80]] + PLACES + VERBS + ADJECTIVES + [a + "e" for a in ADJECTIVES]
    compounds = [a + b for a, b in itertools.product(NOUNS[:90], NOUNS[:90]) if a != b]
    rng.shuffle(words)  # the plain words take the frequent ranks, compounds the long tail
    rng.shuffle(compounds)
    words += compounds[:4000]
    weights = list(itertools.accumulate(1.0 / (rank + 8) for rank in range(len(words))))
    return words, weights


CONTENT, CONTENT_CUM = _vocabulary()
FUNCTION_CUM = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(FUNCTION))))


def _word(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return FUNCTION[bisect.bisect(FUNCTION_CUM, rng.random() * FUNCTION_CUM[-1])]
    return CONTENT[min(bisect.bisect(CONTENT_CUM, rng.random() * CONTENT_CUM[-1]), len(CONTENT) - 1)]


def content_word(rng: random.Random) -> str:
    """A word as a user would search for it: drawn from the content vocabulary by its frequency."""
    return CONTENT[min(bisect.bisect(CONTENT_CUM, rng.random() * CONTENT_CUM[-1]), len(CONTENT) - 1)]


def sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [_word(rng) for _ in range(rng.randint(low, high))]
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
            if rng.random() < 0.9:  # most sets are answered, some late; the rest stay open (and overdue)
                answered = date.fromisoformat(submitted) + timedelta(days=rng.randint(10, 70))
                item["answered_on"] = answered.isoformat()
            count += len(questions) - 1
        elif key == "college_notes":
            item.update(kind="information_letter", date=when(rng), title=sentence(rng, 4, 9),
                        summary=paragraph(rng, 3), stated_position=paragraph(rng, 1))
        elif key == "events":
            item.update(kind=rng.choice(["trade_mission", "delegation_visit", "gift", "statement"]), date=when(rng),
                        title=sentence(rng, 4, 9), description=paragraph(rng, rng.randint(1, 4)))
        elif key == "notes":
            item.update(kind="speaking_notes", title=sentence(rng, 3, 6), body=paragraph(rng, 4))
        elif key == "attachments":
            text = paragraph(rng, rng.randint(20, 80))
            data = text.encode()
            item.update(file_name=f"bijlage-{count}.txt", media_type="text/plain", extracted_text=text,
                        sha256=hashlib.sha256(data).hexdigest(), content_base64=base64.b64encode(data).decode())
        elif key == "costs":
            item.update(amount_eur=rng.randint(500, 50000), basis="total", category="travel", date=when(rng)[:4],
                        description=sentence(rng, 4, 9))
        doc[key].append(item)
        count += 1
    return doc


def cached(items: int, seed: int = 1) -> Path:
    """The dossier of `items` items from `seed`, built once under bench/.cache and reused after.

    Callers must open it read-only or work on a copy: the cache is shared by every run.
    """
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"bench-v{VERSION}-{items}-s{seed}.raadsdossier"
    if not path.exists():
        from raadsdossier.services.dossiers import create_from_document

        create_from_document(path, document(items, seed), "bench")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="?")
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cached", type=int, metavar="N", help="build (or find) the cached dossier of N items")
    args = parser.parse_args(argv)
    if args.cached:
        print(cached(args.cached, args.seed))
        return 0
    if args.output is None:
        parser.error("give OUT.raadsdossier or --cached N")
    from raadsdossier.services.dossiers import create_from_document

    create_from_document(args.output, document(args.items, args.seed), "bench")
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
