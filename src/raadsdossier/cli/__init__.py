"""The command line: a thin face over raadsdossier.services.dossiers for clerks and scripts.

Exit status: 0 success; 1 bad input or a bad dossier (one line on stderr, no
traceback); 2 usage errors (argparse).
"""

from __future__ import annotations

import json
from dataclasses import replace
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import raadsdossier
from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Confidentiality, Level, PartnershipStatus, confidentiality_levels
from raadsdossier.domain.errors import DossierError, InvalidInput
from raadsdossier.cli.safety import (  # noqa: F401  (the _cmd_* are dispatched by name from main)
    _backup_hint, _cmd_backup, _cmd_backups, _cmd_check, _cmd_decrypt, _cmd_encrypt, _cmd_passwd, _cmd_restore,
    _new_password, _open, _read_password,
)

if TYPE_CHECKING:  # argparse is imported by _build_parser: starting the window does not need it
    import argparse

PROG = "raadsdossier"


def _build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Raadsdossier: dossiers over stedenbanden, en vergaderstukken daaruit. "
                    "Zonder opdracht start het programmavenster.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {raadsdossier.__version__}",
                        help="toon het versienummer")
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

    from raadsdossier.importers import formats

    names = ["auto"] + [f.name for f in formats()]
    p = sub.add_parser("import", help="voeg items uit bestanden toe aan een dossier")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("sources", type=Path, nargs="+", metavar="BRON")
    p.add_argument("--format", choices=names, default="auto")
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

    p = sub.add_parser("history", help="eerdere versies van een item")
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("item", metavar="ID")

    p = sub.add_parser("pack", help="maak een vergaderstuk (PDF of DOCX) van een dossier",
                       description="Maak een informatiepakket. Standaard staan alleen openbare items erin.")
    p.add_argument("file", type=Path, nargs="?", metavar="BESTAND")
    p.add_argument("--all", type=Path, metavar="MAP", help="een stuk voor elk dossier in MAP")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="UIT",
                   help="UIT.pdf of UIT.docx; met --all: de map voor de stukken")
    p.add_argument("--format", default="pdf,docx", metavar="LIJST", help="met --all: pdf, docx of pdf,docx")
    p.add_argument("--meeting", metavar="KENMERK", help="de vergadering (kenmerk of id)")
    p.add_argument("--agenda-item", metavar="NUMMER", help="het agendapunt van die vergadering")
    p.add_argument("--sections", metavar="LIJST", help="onderdelen, bv. summary,motions,question_sets ("
                   + ",".join(section.key for section in kinds.PACK_SECTIONS) + ")")
    p.add_argument("--include", metavar="NIVEAUS", default="", help="neem ook deze niveaus op: internal,confidential")
    p.add_argument("--include-sensitive", action="store_true", help="noem ook personen die risico lopen")
    p.add_argument("--author", metavar="TEKST", default="", help="wie het stuk opstelde")
    p.add_argument("--password-file", type=Path, metavar="PAD",
                   help="bestand met het wachtwoord (met --all: voor de versleutelde dossiers in MAP)")

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

    sub.choices["new"].add_argument("--encrypt", action="store_true", help="versleutel het nieuwe dossier")
    sub.choices["new"].add_argument("--new-password-file", type=Path, metavar="PAD",
                                    help="met --encrypt: bestand met het wachtwoord")
    for name in ("info", "export-json", "import", "search", "assign-vote", "history", "backup", "backups",
                 "restore", "check", "decrypt", "passwd"):
        sub.choices[name].add_argument("--password-file", type=Path, metavar="PAD",
                                       help="bestand met het wachtwoord van een versleuteld dossier "
                                            "(nooit het wachtwoord zelf op de opdrachtregel)")
    sub.choices["search"].add_argument("--include", metavar="NIVEAUS", default="",
                                       help="toon ook de tekst van vertrouwelijke items: confidential")
    for each in [parser, *sub.choices.values()]:
        _dutch_headings(each)
    return parser


def _dutch_headings(parser: argparse.ArgumentParser) -> None:
    import argparse

    parser._positionals.title = "argumenten"
    parser._optionals.title = "opties"
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = "toon deze hulp en stop"


def _window_only(argv: list[str]) -> list[str] | None:
    """The files to open when the command line only asks for the window, else None.

    Starting the window this way skips building the full parser, which imports every import
    format and the pack builder: a good part of the app's start-up that the window does not need.
    """
    if any(arg.startswith("-") for arg in argv):
        return None  # --help, --version, --selftest and the like need the parser
    if not argv:
        return []
    if argv[0] == "gui":
        return argv[1:]
    if all(arg.endswith(".raadsdossier") or os.sep in arg for arg in argv):
        return argv
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    files = _window_only(argv)
    if files is not None:
        from raadsdossier.cli.launch import launch_gui

        return launch_gui([Path(name) for name in files])
    parser = _build_parser()
    commands = parser._subparsers._group_actions[0].choices
    first = argv[0] if argv else ""
    if first and first not in commands and (first.endswith(".raadsdossier") or os.sep in first or os.path.exists(first)):
        argv = ["gui", *argv]  # `raadsdossier FILE…` opens the files in the window (desktop entries, file managers)
    args = parser.parse_args(argv)
    if args.selftest:
        from raadsdossier.cli.selftest import run

        return run()
    command = args.command or "gui"
    try:
        if command == "gui":
            from raadsdossier.cli.launch import launch_gui

            return launch_gui(getattr(args, "files", []))
        handler = globals()[f"_cmd_{command.replace('-', '_')}"]
        if command == "new":
            _check_new_usage(parser, args)
        try:
            return handler(args) or 0
        except _UsageError as exc:
            parser.error(str(exc))
    except DossierError as exc:
        _fail(str(exc) + _backup_hint(exc))
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}; er is niets veranderd.")
    except KeyboardInterrupt:
        _fail("afgebroken.")
    return 1


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _check_new_usage(parser: argparse.ArgumentParser, args) -> None:
    sources = [bool(args.from_json), bool(args.from_directory), bool(args.dutch_side or args.partner or args.level)]
    if sum(sources) != 1:
        parser.error("geef --from-json, --from-directory, of --dutch-side met --level en --partner")
    if sources[2] and not (args.dutch_side and args.partner and args.level):
        parser.error("--dutch-side, --level en --partner zijn samen nodig")


def _cmd_demo(args) -> int:
    from raadsdossier.services.demo import write_demo_dossiers

    written = write_demo_dossiers(args.directory)
    for path in written:
        print(path)
    if not written:
        print(f"De voorbeelddossiers staan al in {args.directory}.", file=sys.stderr)
    return 0


def _cmd_new(args) -> int:
    from raadsdossier.services import dossiers as services

    if args.new_password_file and not args.encrypt:
        raise _UsageError("--new-password-file hoort bij --encrypt")
    password = _new_password(args, args.file) if args.encrypt else None
    if args.from_json:
        from raadsdossier.importers.dossier_json import FORMAT

        report = services.create_from_document(args.file, FORMAT.read(args.from_json), args.from_json, password)
        print(f"{args.file}: {report.summary_nl()}")
        return 0
    if args.from_directory:
        from raadsdossier.services.directory import find

        fields = find(args.from_directory).fields()
    else:
        fields = services.PartnershipFields(
            dutch_side=args.dutch_side, level=Level(args.level), partner_name=args.partner,
            partner_native_name=args.partner_native, partner_country=args.country, since=args.since,
            status=PartnershipStatus(args.status),
        )
    services.create_dossier(args.file, fields, password=password)
    encrypted = " (versleuteld)" if password else ""
    print(f"{args.file}: nieuw dossier {fields.dutch_side} – {fields.partner_name}{encrypted}")
    return 0


def _cmd_info(args) -> int:
    from dataclasses import asdict

    from raadsdossier.services.dossiers import dossier_info

    with _open(args.file, read_only=True, args=args) as dossier:
        info = dossier_info(dossier)
    if args.json:
        print(json.dumps(asdict(info), ensure_ascii=False, indent=2))
        return 0
    p = info.partnership
    if p:
        native = f" ({p['partner_native_name']})" if p["partner_native_name"] else ""
        level = "gemeente" if p["level"] == "municipality" else "provincie"
        print(f"{p['dutch_side']} ({level}) – {p['partner_name']}{native}, {p['partner_country'] or ''}".rstrip(", "))
        print(f"  sinds: {p['since'] or 'onbekend'}; status: {_STATUS_NL[p['status']]}")
        for change in p["status_history"]:
            when = change["period"] or change["date"] or ""
            print(f"  - {when} {_STATUS_NL[change['status']]}{': ' + change['note'] if change['note'] else ''}".rstrip())
    for plural, count in sorted((kinds.kind(name).plural, count) for name, count in info.counts.items()):
        print(f"  {plural}: {count}")
    if info.checklist:
        print(f"  checklist {info.checklist['template']}: {info.checklist['done']} van {info.checklist['total']} afgerond")
    if info.open_questions_overdue:
        print(f"  vragensets over de termijn: {info.open_questions_overdue}")
    for vote in info.votes_disagreeing:
        print(f"  let op: de vastgelegde uitslag van {vote} klopt niet met de stemmen per fractie")
    return 0


_STATUS_NL = {"active": "actief", "dormant": "sluimerend", "suspended": "opgeschort", "ended": "beëindigd", "unknown": "onbekend"}


def _cmd_export_json(args) -> int:
    from raadsdossier.services.dossiers import export_json

    with _open(args.file, read_only=True, args=args) as dossier:
        document = export_json(dossier)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return 0
    _write_atomically(args.output, text.encode("utf-8"))
    print(args.output, file=sys.stderr)
    return 0


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _cmd_import(args) -> int:
    from raadsdossier.storage.backups import auto_backup
    from raadsdossier.services.dossiers import dossier_info, import_documents
    from raadsdossier.importers import read_source

    with _open(args.file, args=args) as dossier:  # a bad dossier is reported before any source is read
        partnership = dossier_info(dossier).partnership
        documents = [(str(source), read_source(source, args.format, partnership)[1]) for source in args.sources]
        report = import_documents(dossier, documents, dry_run=args.dry_run)
        if not args.dry_run:
            auto_backup(dossier)
    prefix = "proefimport (niets opgeslagen)" if args.dry_run else "geïmporteerd"
    print(f"{args.file}: {prefix}; {report.summary_nl()}")
    for warning in report.warnings:
        print(f"let op: {warning}", file=sys.stderr)
    return 0


def _cmd_search(args) -> int:
    from raadsdossier.services.dossiers import search

    if args.limit < 1:
        raise InvalidInput(None, "--limit moet minstens 1 zijn.")
    show = set(confidentiality_levels(_split(args.include)))
    with _open(args.file, read_only=True, args=args) as dossier:
        hits = search(dossier, args.query, args.limit)
    # Confidential text is printed only when asked for: a terminal may be shared, scrolled back or logged.
    secret = Confidentiality.CONFIDENTIAL
    hidden = sum(1 for hit in hits if hit.confidentiality == secret and secret not in show)
    hits = [hit if hit.confidentiality != secret or secret in show else
            replace(hit, title="[vertrouwelijk item]", snippet="[tekst verborgen]") for hit in hits]
    if args.json:
        print(json.dumps([{"kind": h.kind, "id": h.id, "title": h.title, "snippet": h.snippet} for h in hits],
                         ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"Niets gevonden voor '{args.query}'.", file=sys.stderr)
    for hit in hits:
        marker = "" if hit.confidentiality is Confidentiality.PUBLIC else f" [{hit.confidentiality.value}]"
        print(f"{hit.kind}\t{hit.title}{marker}\n\t{hit.snippet}")
    if hidden:
        print(f"{hidden} vertrouwelijke treffer(s) zonder tekst getoond; voeg --include confidential toe om ze te lezen.",
              file=sys.stderr)
    return 0


def _cmd_pack(args) -> int:
    from raadsdossier.export.build import PackOptions
    from raadsdossier.services import packs

    if bool(args.file) == bool(args.all):
        raise _UsageError("geef een dossierbestand of --all MAP")
    options = PackOptions(
        sections=tuple(_split(args.sections)) if args.sections else kinds.DEFAULT_PACK_SECTIONS,
        include=frozenset(_split(args.include)), include_sensitive=args.include_sensitive,
        meeting=args.meeting, agenda_item=args.agenda_item, author=args.author,
    )
    if args.all:
        password = _read_password(args.password_file, "Wachtwoord voor de versleutelde dossiers", args.all) \
            if args.password_file else None
        written, problems = packs.make_packs(args.all, args.output, options, tuple(_split(args.format)),
                                             report=print, password=password)
        for problem in problems:
            print(f"{PROG}: {problem}", file=sys.stderr)
        return 1 if problems else 0
    with _open(args.file, read_only=True, args=args) as dossier:
        print(packs.make_pack(dossier, args.output, options).written[0])
    return 0


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class _UsageError(Exception):
    pass


def _cmd_assign_vote(args) -> int:
    from raadsdossier.storage.backups import auto_backup
    from raadsdossier.services.items import assign_vote

    with _open(args.file, args=args) as dossier:
        assign_vote(dossier, args.vote, args.motion)
        auto_backup(dossier)
    print(f"{args.file}: stemming toegewezen aan motie {args.motion}")
    return 0


def _cmd_history(args) -> int:
    from raadsdossier.services.items import get, history

    with _open(args.file, read_only=True, args=args) as dossier:
        get(dossier, args.item)  # a clear message for an unknown id
        print(json.dumps(history(dossier, args.item), ensure_ascii=False, indent=2))
    return 0


def _cmd_directory(args) -> int:
    from raadsdossier.services.directory import rows, source

    for row in rows():
        print(f"{row.number:2}  {row.dutch_side} – {row.partner_name}\t{row.status_text}\tsinds {row.since or '?'}")
    print(f"Bron: {source()['publisher']}, {source()['title']} ({source()['date']}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
