"""The command line's grammar: every command with its arguments, in Dutch."""

from __future__ import annotations

import argparse
from pathlib import Path

import raadsdossier
from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Level, MotionStatus, PartnershipStatus
from raadsdossier.services.library import FOLLOW_UP_CHOICES

PROG = "raadsdossier"


# argparse's own words, in Dutch: the command line is Dutch, and "error: unrecognized arguments" stood under a
# Dutch usage line. argparse asks gettext for each of them (its module's `_` and `ngettext`, looked up when it
# says them); the catalogue gettext would read is replaced by this table for the command line's process.
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "ignored explicit argument %r": "overbodige waarde %r",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' kan niet worden geopend: %(error)s",
}


def _dutch_argparse() -> None:
    argparse._ = lambda message: _ARGPARSE_NL.get(message, message)
    argparse.ngettext = lambda single, plural, n: (
        ("hier hoort %s waarde bij" if n == 1 else "hier horen %s waarden bij") if single == "expected %s argument"
        else (single if n == 1 else plural))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the whole command line. What only one command needs (the list of import formats, which
    imports every format) is filled in only when `command` is that command, or None for all."""
    _dutch_argparse()

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Raadsdossier: dossiers over stedenbanden, en vergaderstukken daaruit. "
                    "Zonder opdracht start het programmavenster.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="toon het versienummer")
    parser.add_argument("--selftest", action="store_true", help="controleer of deze installatie werkt, en stop")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")

    p = sub.add_parser("gui", help="start het programmavenster (standaard)")
    p.add_argument("files", nargs="*", type=Path, metavar="DOSSIER")

    p = sub.add_parser("demo", help="schrijf de voorbeelddossiers in een map")
    p.add_argument("directory", type=Path, metavar="MAP")

    p = sub.add_parser("new", help="maak een nieuw dossier")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--dutch-side", metavar="NAAM", help="Nederlandse gemeente of provincie")
    p.add_argument("--level", choices=[level.value for level in Level])
    p.add_argument("--partner", metavar="NAAM", help="partnerstad of -regio")
    p.add_argument("--partner-native", metavar="TEKST", help="naam in het eigen schrift, bv. 大连")
    p.add_argument("--country", metavar="NAAM", default="China")
    p.add_argument("--since", metavar="TEKST", help='startjaar of omschrijving, bv. "1999" of "Voor 2007"')
    p.add_argument("--status", choices=[s.value for s in PartnershipStatus], default=PartnershipStatus.UNKNOWN.value)
    p.add_argument("--from-json", type=Path, metavar="EXPORT", help="maak het dossier uit een uitwisselbestand")
    p.add_argument("--from-directory", metavar="RIJ",
                   help='maak het dossier uit een rij van de provinciale lijst (nummer of "Provincie-Partner")')

    p = sub.add_parser("info", help="de stedenband en het aantal items per soort")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")

    p = sub.add_parser("export-json", help="het hele dossier als uitwisselbestand")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("-o", "--output", type=Path, metavar="UIT", help="doelbestand (standaard: standaarduitvoer)")

    p = sub.add_parser("import", help="voeg items uit bestanden toe aan een dossier",
                       description="Voeg items uit bestanden toe aan een dossier; het formaat van elk bestand "
                                   "wordt herkend (of kies het met --format).",
                       epilog="Afsluitcode: 0 als de bestanden zijn geïmporteerd (iets toegevoegd of bijgewerkt, of "
                              "het stond er al zo in); 1 als een bestand niet is herkend of niet te lezen is, of het "
                              "dossier niet te openen is (er is dan niets geïmporteerd); 3 als elk bestand is "
                              "herkend maar niets bevat om te importeren (de melding noemt per bestand wat het "
                              "bevat en waarom dat niet wordt geïmporteerd); 2 bij een verkeerde opdrachtregel. "
                              "Zie docs/imports.md.")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("sources", type=Path, nargs="+", metavar="BRON")
    if command in (None, "import"):
        from raadsdossier.importers import formats

        p.add_argument("--format", choices=["auto"] + [f.name for f in formats()], default="auto")
    else:
        p.add_argument("--format", default="auto")
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren, zonder iets op te slaan")

    p = sub.add_parser("search", help="zoek in een dossier")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("query", metavar="ZOEKTERMEN")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument("--limit", type=int, default=20)

    sub.add_parser("directory", help="de lijst van provinciale stedenbanden met China")

    p = sub.add_parser("assign-vote", help="wijs een niet-toegewezen stemming toe aan een motie")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("vote", metavar="STEMMING", help="id van de niet-toegewezen stemming")
    p.add_argument("motion", metavar="MOTIE", help="id van de motie")

    p = sub.add_parser("meetings", help="de vergaderingen van een dossier, met hun agenda en wat erbij hoort",
                       description="Toon elke vergadering (kenmerk, datum, raad of commissie, titel) met haar "
                                   "agendapunten en per agendapunt de moties, vragen, stukken en notities die erop "
                                   "staan. Het kenmerk is wat 'pack --meeting' vraagt.")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON (zie docs/imports.md)")

    p = sub.add_parser("history", help="eerdere versies van een item")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("item", metavar="ID")

    p = sub.add_parser(
        "seats", help="tel de zetels voor de volgende stemming over een motie (er wordt niets opgeslagen)",
        description="Tel de zetels voor de volgende stemming over een motie: de huidige fracties van de raad met hun "
                    "zetels, elk voor, tegen of onbekend, het totaal en of de motie het haalt. Er wordt niets "
                    "opgeslagen, ook niet als stemming. Een fractie die u niet noemt, is vooringevuld (geschat): "
                    "met haar laatste stemming over deze motie, of, als ze daarover nog niet stemde, met haar "
                    "laatste stemming over een andere motie van dit dossier (moties hebben geen themalabels; een "
                    "dossier is één stedenband, dus die moties delen het thema); de uitvoer noemt waarop elke "
                    "schatting is gebaseerd. Een fractie zonder bekende zetels staat er met 'zetels onbekend' en "
                    "telt als onbekend. Aangenomen is: meer zetels voor dan tegen onder wie stemt; onbekende zetels "
                    "kunnen alle kanten op (ook afwezig), dus de uitkomst is open zolang zij haar kunnen omgooien.",
        epilog="Met --json: één object met motion {id, reference, title, date}, today (JJJJ-MM-DD), parties (elk "
               "{id, name, abbreviation, seats (getal of null), choice (for, against of unknown), guessed (true als "
               "de keuze de schatting is), prefill, basis: [{motion_id, reference, title, date, vote, this_motion, "
               "label}]}), for, against, unknown (zetels), seats_unknown (namen van fracties zonder zetels), "
               "council_size, majority, verdict (adopted, rejected, tied of open), sentence en stored (altijd "
               "false). Zie docs/seats.md.")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("motion", metavar="MOTIE", help="kenmerk of id van de motie")
    for option, meaning in (("--for", "deze fracties stemmen voor"), ("--against", "deze fracties stemmen tegen"),
                            ("--unknown", "van deze fracties is de keuze onbekend (in plaats van de schatting)")):
        p.add_argument(option, dest=option.strip("-") + "_parties", nargs="+", action="extend", default=[],
                       metavar="FRACTIE", help=f"{meaning}; naam of afkorting, hoofdletters maken niet uit")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON (zie hieronder)")
    p.add_argument("--password-file", type=Path, metavar="PAD",
                   help="bestand met het wachtwoord van een versleuteld dossier (nooit het wachtwoord zelf op de "
                        "opdrachtregel)")

    p = sub.add_parser(
        "motions", help="de moties van een bibliotheek van dossiers: stemmingen per fractie en uitvoering",
        description="Toon elke motie van de dossiers (of de mappen met dossiers) met haar dossier, datum, kenmerk, "
                    "titel, status en de stand van haar uitvoering, nieuwste eerst. Standaard alleen openbare moties. "
                    "Een dossier dat niet te lezen is (beschadigd in wat hier gelezen wordt, versleuteld zonder "
                    "wachtwoord, van een nieuwere versie) wordt overgeslagen en met de reden genoemd; de rest wordt "
                    "getoond. Het hele bestand wordt hier niet gecontroleerd (dat kost tijd): schade elders, zoals in "
                    "de zoekindex of de tekst van een bijlage, vindt 'raadsdossier check'.",
        epilog="--csv: één regel per motie; alleen de laatste stemming staat erin (voor, tegen, niet gestemd per "
               "fractie), alle stemmingen staan in --json. Beide zijn beschreven in docs/motions.md. Afsluitcode: 0 "
               "als ten minste één dossier is gelezen, 1 als geen enkel.")
    p.add_argument("paths", type=Path, nargs="+", metavar="PAD", help="een dossier, of een map met dossiers")
    p.add_argument("--party", metavar="PARTIJ", help="alleen moties die deze partij indiende of waarover ze stemde "
                                                     "(naam of afkorting)")
    p.add_argument("--submitter", metavar="NAAM", help="alleen moties met een (mede-)indiener met NAAM in de naam")
    p.add_argument("--status", choices=[s.value for s in MotionStatus])
    p.add_argument("--follow-up", choices=FOLLOW_UP_CHOICES, metavar="STAND",
                   help="alleen moties met deze stand van uitvoering: " + ", ".join(FOLLOW_UP_CHOICES)
                        + " (overdue: over de termijn; none: zonder uitvoering)")
    p.add_argument("--since", metavar="DATUM", help="alleen moties van deze datum of later (JJJJ, JJJJ-MM of JJJJ-MM-DD)")
    p.add_argument("--include", metavar="NIVEAUS", default="", help="toon ook moties van deze niveaus: internal,confidential")
    shape = p.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="uitvoer als JSON (zie docs/motions.md)")
    shape.add_argument("--csv", action="store_true", help="uitvoer als CSV, één regel per motie (zie docs/motions.md)")

    p = sub.add_parser("parties", help="de partijen van een bibliotheek, met hun schrijfwijzen; "
                                       "leg vast welke schrijfwijzen één partij zijn",
                       description="Toon de partijen van de dossiers met alle schrijfwijzen (naam en afkorting) die "
                                   "als één partij tellen. Met --same legt u vast dat schrijfwijzen één partij zijn "
                                   "(bv. GL en GroenLinks); dat geldt voor elke bibliotheek en wordt bewaard in de map "
                                   "van Raadsdossier. --forget maakt dat ongedaan.")
    p.add_argument("paths", type=Path, nargs="*", metavar="PAD", help="een dossier, of een map met dossiers")
    p.add_argument("--same", nargs="+", metavar="SCHRIJFWIJZE", help="deze schrijfwijzen zijn één partij")
    p.add_argument("--forget", metavar="SCHRIJFWIJZE", help="deze schrijfwijze is niet (meer) gelijk aan een andere")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")

    p = sub.add_parser("party", help="wat een partij deed in een bibliotheek: ingediende moties, stemmen, "
                                     "van standpunt veranderd",
                       description="De moties die een partij indiende (zelf of via een van haar leden), haar stemmen "
                                   "voor en tegen per stemming, en waar ze tussen twee stemmingen over één motie van "
                                   "standpunt veranderde, over alle dossiers. Standaard alleen openbare moties.")
    p.add_argument("paths", type=Path, nargs="+", metavar="PAD", help="een dossier, of een map met dossiers")
    p.add_argument("party", metavar="PARTIJ", help="naam of afkorting van de partij")
    p.add_argument("--include", metavar="NIVEAUS", default="", help="neem ook moties van deze niveaus mee: "
                                                                    "internal,confidential")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    for name in ("motions", "parties", "party"):
        sub.choices[name].add_argument("--password-file", type=Path, metavar="PAD",
                                       help="bestand met het wachtwoord van de versleutelde dossiers (nooit het "
                                            "wachtwoord zelf op de opdrachtregel)")

    p = sub.add_parser("pack", help="maak een vergaderstuk (PDF, DOCX of HTML) van een of meer dossiers",
                       description="Maak een informatiepakket. Standaard staan alleen openbare items erin. "
                                   "Met --meeting en meer dossiers: één stuk voor die vergadering, per agendapunt "
                                   "wat elk dossier erbij heeft. Met --library en --party: een fractiestuk, de "
                                   "moties van die partij in alle dossiers.")
    p.add_argument("file", type=Path, nargs="*", metavar="BESTAND")
    p.add_argument("--all", type=Path, metavar="MAP", help="een stuk voor elk dossier in MAP")
    p.add_argument("--library", type=Path, action="append", metavar="PAD",
                   help="met --party: een fractiestuk over deze dossiers of mappen met dossiers (mag vaker)")
    p.add_argument("--party", metavar="PARTIJ",
                   help="met --library: de moties van deze partij (ingediend of over gestemd), per dossier")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="UIT",
                   help="UIT.pdf, UIT.docx of UIT.html; met --all: de map voor de stukken")
    p.add_argument("--format", default="pdf,docx", metavar="LIJST", help="met --all: pdf, docx en/of html")
    p.add_argument("--meeting", metavar="KENMERK",
                   help="de vergadering (kenmerk of id); met meer dossiers: één stuk over alle dossiers")
    p.add_argument("--agenda-item", metavar="NUMMER", help="het agendapunt van die vergadering")
    p.add_argument("--sections", metavar="LIJST", help="onderdelen, bv. summary,motions,question_sets ("
                   + ",".join(section.key for section in kinds.PACK_SECTIONS) + ")")
    p.add_argument("--include", metavar="NIVEAUS", default="", help="neem ook deze niveaus op: internal,confidential")
    p.add_argument("--include-sensitive", action="store_true", help="noem ook personen die risico lopen")
    p.add_argument("--full-checklist", action="store_true",
                   help="alle aanbevelingen van de checklist, ook als de meeste nog niet zijn beoordeeld")
    p.add_argument("--whole-agenda", action="store_true",
                   help="met --meeting: elk agendapunt op zijn plaats, ook die waar de dossiers niets bij hebben "
                        "(anders staan die samen op één regel)")
    p.add_argument("--author", metavar="TEKST", default="", help="wie het stuk opstelde")
    p.add_argument("--password-file", type=Path, metavar="PAD",
                   help="bestand met het wachtwoord (met --all of --library: voor de versleutelde dossiers)")

    p = sub.add_parser("backup", help="maak nu een reservekopie (en toon waar die staat)")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--policy", metavar="REGELS",
                   help="bewaarregels voor dit dossier vastleggen, bv. recent=5,daily=7,weekly=4,monthly=12")

    p = sub.add_parser("backups", help="de reservekopieën van een dossier, nieuwste eerst")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")

    p = sub.add_parser("restore", help="zet een reservekopie terug (de huidige staat wordt eerst bewaard)")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("backup", type=Path, metavar="RESERVEKOPIE", help="pad of naam van de reservekopie")

    p = sub.add_parser("check", help="controleer een dossier (verandert niets, tenzij --repair)")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--repair", action="store_true", help="repareer wat te repareren is (na een reservekopie)")

    p = sub.add_parser("encrypt", help="versleutel een dossier en zijn reservekopieën")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--new-password-file", type=Path, metavar="PAD", help="bestand met het nieuwe wachtwoord")

    p = sub.add_parser("decrypt", help="hef de versleuteling van een dossier en zijn reservekopieën op")
    p.add_argument("file", type=Path, metavar="BESTAND")

    p = sub.add_parser("passwd", help="wijzig het wachtwoord van een versleuteld dossier")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--new-password-file", type=Path, metavar="PAD", help="bestand met het nieuwe wachtwoord")

    p = sub.add_parser("server", help="de gedeelde opslag op een PostgreSQL-server (griffie, fractie)",
                       description="Dossiers op een PostgreSQL-server: erop zetten, ophalen om offline te werken, "
                                   "wijzigingen terugsturen en die van anderen binnenhalen. SERVER is "
                                   "postgresql://gebruiker@server/database of service:NAAM (pg_service.conf); een "
                                   "wachtwoord hoort in ~/.pgpass of pg_service.conf, nooit op de opdrachtregel.")
    actions = p.add_subparsers(dest="server_command", metavar="ACTIE", required=True)
    a = actions.add_parser("init", help="maak de opslag in een (lege) database")
    a.add_argument("url", metavar="SERVER")
    a = actions.add_parser("publish", help="zet een dossier op de server; het bestand is daarna opgehaald")
    a.add_argument("file", type=Path, metavar="BESTAND")
    a.add_argument("url", metavar="SERVER")
    a.add_argument("--name", metavar="NAAM", help="naam op de server (standaard: de bestandsnaam)")
    a = actions.add_parser("list", help="de dossiers op de server")
    a.add_argument("url", metavar="SERVER")
    a.add_argument("--json", action="store_true", help="uitvoer als JSON")
    a = actions.add_parser("checkout", help="haal een dossier op als bestand om offline aan te werken")
    a.add_argument("url", metavar="SERVER")
    a.add_argument("dossier", metavar="NAAM")
    a.add_argument("file", type=Path, metavar="BESTAND")
    a = actions.add_parser("checkin", help="stuur de wijzigingen naar de server (en haal die van anderen binnen)")
    a.add_argument("file", type=Path, metavar="BESTAND")
    a.add_argument("--mine", action="append", default=[], metavar="ID", help="bij een conflict over dit item: "
                   "mijn waarde (mag vaker)")
    a.add_argument("--theirs", action="append", default=[], metavar="ID", help="bij een conflict over dit item: "
                   "die van de server (mag vaker)")
    a.add_argument("--resolutions", type=Path, metavar="JSON", help='keuzes per conflict: {"ID": "mine" of "theirs"}')
    a.add_argument("--json", action="store_true", help="uitvoer als JSON")
    a = actions.add_parser("update", help="haal de wijzigingen van anderen binnen; eigen wijzigingen blijven")
    a.add_argument("file", type=Path, metavar="BESTAND")
    a.add_argument("--theirs", action="append", default=[], metavar="ID", help="bij een conflict over dit item: "
                   "neem die van de server (mag vaker)")
    a.add_argument("--json", action="store_true", help="uitvoer als JSON")
    a = actions.add_parser("grant", help="geef een gebruiker van de server een rol op een dossier",
                           description="De server zelf (rollen en row-level security) houdt eraan vast: wie een "
                                       "niveau niet mag zien, krijgt die items nooit, ook niet met eigen SQL.")
    a.add_argument("url", metavar="SERVER")
    a.add_argument("dossier", metavar="NAAM")
    a.add_argument("user", metavar="GEBRUIKER", help="een gebruiker (login-rol) die de beheerder op de server maakte")
    a.add_argument("--role", choices=["reader", "editor"], required=True, help="lezen, of ook wijzigen")
    a.add_argument("--level", choices=["public", "internal", "confidential"], default="public",
                   help="het hoogste niveau van vertrouwelijkheid dat hij ziet (standaard: public)")
    a = actions.add_parser("search", help="zoek in een dossier op de server (dezelfde treffers als in het bestand)")
    a.add_argument("url", metavar="SERVER")
    a.add_argument("dossier", metavar="NAAM")
    a.add_argument("query", metavar="ZOEKTEKST")
    a.add_argument("--limit", type=int, default=20, metavar="N", help="hoogstens N treffers (standaard 20)")
    a.add_argument("--include", metavar="NIVEAUS", default="",
                   help="toon ook de tekst van vertrouwelijke items: confidential")
    a.add_argument("--json", action="store_true", help="uitvoer als JSON")
    for name in ("publish", "checkout", "checkin", "update"):
        actions.choices[name].add_argument("--password-file", type=Path, metavar="PAD",
                                           help="bestand met het wachtwoord van het (versleutelde) dossierbestand")

    sub.choices["new"].add_argument("--encrypt", action="store_true", help="versleutel het nieuwe dossier")
    sub.choices["new"].add_argument("--new-password-file", type=Path, metavar="PAD",
                                    help="met --encrypt: bestand met het wachtwoord")
    for name in ("encrypt", "decrypt", "passwd"):
        sub.choices[name].add_argument("--backup-password-file", type=Path, metavar="PAD", action="append",
                                       default=[], help="bestand met het wachtwoord van een reservekopie die nog een "
                                                        "ander wachtwoord heeft dan het dossier (mag vaker)")
    for name in ("info", "export-json", "import", "search", "assign-vote", "history", "meetings", "backup",
                 "backups", "restore", "check", "decrypt", "passwd"):
        sub.choices[name].add_argument("--password-file", type=Path, metavar="PAD",
                                       help="bestand met het wachtwoord van een versleuteld dossier "
                                            "(nooit het wachtwoord zelf op de opdrachtregel)")
    sub.choices["search"].add_argument("--include", metavar="NIVEAUS", default="",
                                       help="toon ook de tekst van vertrouwelijke items: confidential")
    return parser


class _Version(argparse.Action):
    """--version: reads the version (the package's metadata, 20 ms) only when asked for it."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"{PROG} {raadsdossier.__version__}")
        parser.exit()

