"""The command line's commands on dossiers and their contents; each calls one service (raadsdossier.services).

Every command imports what it needs when it runs, so that `info` and `search` load neither the import
formats nor the pack builder nor the ORM's models.
"""

from __future__ import annotations

import argparse

import json
import sys
from dataclasses import replace

from raadsdossier.cli.safety import PROG, UsageError, new_password, open_dossier, read_password
from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Confidentiality, Level, PartnershipStatus, confidentiality_levels
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.base.words import number_of


def split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def demo(args) -> int:
    from raadsdossier.services.demo import write_demo_dossiers

    written = write_demo_dossiers(args.directory)
    for path in written:
        print(path)
    if not written:
        print(f"De voorbeelddossiers staan al in {args.directory}.", file=sys.stderr)
    return 0


def check_new_usage(args) -> None:
    sources = [bool(args.from_json), bool(args.from_directory), bool(args.dutch_side or args.partner or args.level)]
    if sum(sources) != 1:
        raise UsageError("geef --from-json, --from-directory, of --dutch-side met --level en --partner")
    if sources[2] and not (args.dutch_side and args.partner and args.level):
        raise UsageError("--dutch-side, --level en --partner zijn samen nodig")
    if args.new_password_file and not args.encrypt:
        raise UsageError("--new-password-file hoort bij --encrypt")


def new(args) -> int:
    from raadsdossier.services import dossiers

    check_new_usage(args)
    password = new_password(args, args.file) if args.encrypt else None
    if args.from_json:
        from raadsdossier.importers.dossier_json import FORMAT

        report = dossiers.create_from_document(args.file, FORMAT.read(args.from_json), args.from_json, password)
        print(f"{args.file}: {report.summary_nl()}")
        return 0
    if args.from_directory:
        from raadsdossier.services.directory import find

        fields = find(args.from_directory).fields()
    else:
        fields = dossiers.PartnershipFields(
            dutch_side=args.dutch_side, level=Level(args.level), partner_name=args.partner,
            partner_native_name=args.partner_native, partner_country=args.country, since=args.since,
            status=PartnershipStatus(args.status),
        )
    dossiers.create_dossier(args.file, fields, password=password)
    encrypted = " (versleuteld)" if password else ""
    print(f"{args.file}: nieuw dossier {fields.dutch_side} – {fields.partner_name}{encrypted}")
    return 0


def info(args) -> int:
    from dataclasses import asdict

    from raadsdossier.export.labels import nl
    from raadsdossier.services import dashboard
    from raadsdossier.services.dossiers import dossier_info

    with open_dossier(args, read_only=True) as dossier:
        found = dossier_info(dossier)
        # The Overzicht's own figures, from the function the window reads them with (services/dashboard.py).
        figures = dashboard.figures(dossier) if args.json else None
    if args.json:
        print(json.dumps({**asdict(found), "dashboard": figures}, ensure_ascii=False, indent=2))
        return 0
    p = found.partnership
    if p:
        native = f" ({p['partner_native_name']})" if p["partner_native_name"] else ""
        print(f"{p['dutch_side']} ({nl(p['level'])}) – {p['partner_name']}{native}, {p['partner_country'] or ''}".rstrip(", "))
        print(f"  sinds: {p['since'] or 'onbekend'}; status: {nl(p['status'])}")
        for change in p["status_history"]:
            when = change["period"] or change["date"] or ""
            print(f"  - {when} {nl(change['status'])}{': ' + change['note'] if change['note'] else ''}".rstrip())
    for name, plural, count in sorted(((name, kinds.kind(name).plural, count) for name, count in found.counts.items()),
                                      key=lambda row: row[1]):
        if name == "unassigned_vote":  # the records stay once assigned: say how many are still to be assigned
            assigned = count - found.unassigned_votes
            count = f"{found.unassigned_votes}" + (f" (en {assigned} al toegewezen)" if assigned else "")
        print(f"  {plural}: {count}")
    if found.checklist:
        print(f"  checklist {found.checklist['template']}: {found.checklist['done']} van {found.checklist['total']} afgerond")
    if found.open_questions_overdue:
        print(f"  vragensets over de termijn: {found.open_questions_overdue}")
    for vote in found.votes_disagreeing:
        print(f"  let op: de vastgelegde uitslag van {vote} klopt niet met de stemmen per fractie")
    return 0


def export_json(args) -> int:
    from raadsdossier.interchange.load import MAX_BYTES
    from raadsdossier.services.dossiers import export_json_file, export_json_text
    from raadsdossier.base.sizes import megabytes

    with open_dossier(args, read_only=True) as dossier:
        if args.output is None:
            text = export_json_text(dossier)
            size = len(text.encode("utf-8"))
        else:
            size = export_json_file(dossier, args.output).size
    if size > MAX_BYTES:
        print(f"let op: dit bestand is {megabytes(size)}; de import leest interchange-JSON tot "
              f"{megabytes(MAX_BYTES)}, dus dit bestand kan niet zo weer worden ingelezen.", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)  # through cli.terminal.SafeStream
    else:
        print(args.output, file=sys.stderr)
    return 0


# `import`: every file was recognised, but none held anything to import (docs/imports.md, "Exit codes").
NOTHING_TO_IMPORT = 3


def import_(args) -> int:
    """Exit status 0 when the files were imported (something added, updated or already there as the files
    give it), 1 when a file is not recognised or cannot be read (nothing imported), 3 when every file was
    recognised but none held anything to import; the services decide which (ImportResult), this only says it."""
    from raadsdossier.services import importing

    # a bad dossier is reported before any source is read; a dry run, which saves nothing, makes no backup either,
    # and reads the dossier from a private copy: no writer's lock, so a read-only dossier or one open elsewhere too
    with open_dossier(args, read_only=args.dry_run, backup=not args.dry_run, scratch=args.dry_run) as dossier:
        result = importing.import_files(dossier, args.sources, args.format, dry_run=args.dry_run)
    for error in result.errors:  # a dry run names every file that cannot be imported
        print(f"{PROG}: {error}", file=sys.stderr)
    if result.errors:
        return 1
    if result.nothing_to_import:
        for text in result.nothing_texts:
            print(f"{PROG}: {text}", file=sys.stderr)
    else:
        prefix = "proefimport (niets opgeslagen)" if args.dry_run else "geïmporteerd"
        print(f"{args.file}: {prefix}; {result.report.summary_nl()}")
        for text in result.nothing_texts:  # some files held something, these did not
            print(f"let op: {text}", file=sys.stderr)
    for warning in result.report.warnings:
        print(f"let op: {warning}", file=sys.stderr)
    return NOTHING_TO_IMPORT if result.nothing_to_import else 0


MAX_LIMIT = 1_000_000  # hits; SQLite cannot take a number beyond 2**63 at all (OverflowError)


def check_limit(limit: int) -> None:
    """InvalidInput unless `limit` (--limit of `search` and `server search`) is from 1 to MAX_LIMIT."""
    if limit < 1:
        raise InvalidInput(None, "--limit moet minstens 1 zijn.")
    if limit > MAX_LIMIT:
        raise InvalidInput(None, f"--limit mag hoogstens {MAX_LIMIT:_} zijn.".replace("_", "."))


def search(args) -> int:
    from raadsdossier.services.dossiers import search as find

    check_limit(args.limit)
    with open_dossier(args, read_only=True) as dossier:
        hits = find(dossier, args.query, args.limit)
    return print_hits(args, hits)


def print_hits(args, hits) -> int:
    """Search hits as `search` prints them (also `server search`): confidential text only with --include."""
    show = set(confidentiality_levels(split(args.include)))
    # Confidential text is printed only when asked for: a terminal may be shared, scrolled back or logged.
    secret = Confidentiality.CONFIDENTIAL
    hidden = sum(1 for hit in hits if hit.confidentiality is secret and secret not in show)
    hits = [hit if hit.confidentiality is not secret or secret in show else
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


def pack(args) -> int:
    from raadsdossier.export.build import PackOptions
    from raadsdossier.services import packs

    if bool(args.library) != bool(args.party):
        raise UsageError("een fractiestuk vraagt --library PAD en --party PARTIJ samen")
    if args.library and (args.file or args.all or args.meeting):
        raise UsageError("--library gaat niet samen met dossierbestanden, --all of --meeting")
    if not args.library and bool(args.file) == bool(args.all):
        raise UsageError("geef een dossierbestand (of met --meeting meer dossiers), --all MAP, of --library PAD "
                         "met --party PARTIJ")
    if len(args.file) > 1 and not args.meeting:
        raise UsageError("een stuk over meer dossiers is voor één vergadering: geef --meeting KENMERK")
    options = PackOptions(
        sections=tuple(split(args.sections)) if args.sections else kinds.DEFAULT_PACK_SECTIONS,
        include=frozenset(split(args.include)), include_sensitive=args.include_sensitive,
        full_checklist=args.full_checklist, meeting=args.meeting, agenda_item=args.agenda_item, author=args.author,
        whole_agenda=args.whole_agenda,
    )
    if args.library:
        return _party_pack(args, options)
    if args.all:
        password = read_password(args.password_file, "Wachtwoord voor de versleutelde dossiers", args.all) \
            if args.password_file else None
        _written, problems = packs.make_packs(args.all, args.output, options, tuple(split(args.format)),
                                              report=print, password=password)
        for problem in problems:
            print(f"{PROG}: {problem}", file=sys.stderr)
        return 1 if problems else 0
    if len(args.file) == 1:
        args.file = args.file[0]
        with open_dossier(args, read_only=True) as dossier:
            print(packs.make([dossier], args.output, options).written[0])
        return 0
    return _meeting_pack(args, options)


def _meeting_pack(args, options) -> int:
    """One pack for a meeting over several dossiers; the dossiers without that meeting are named."""
    from contextlib import ExitStack

    from raadsdossier.services import packs

    with ExitStack() as stack:
        dossiers = [stack.enter_context(open_dossier(argparse.Namespace(**{**vars(args), "file": path}), read_only=True))
                    for path in args.file]
        result = packs.make(dossiers, args.output, options)
    print(result.written[0])
    if result.missing:
        print(f"Niet in het stuk (de vergadering '{args.meeting}' staat er niet in): {', '.join(result.missing)}",
              file=sys.stderr)
    if result.withheld:
        print(f"Niet in het stuk (de vergadering '{args.meeting}' heeft daar een niveau dat niet is gekozen; "
              f"--include neemt het op): {', '.join(result.withheld)}", file=sys.stderr)
    return 0


def assign_vote(args) -> int:
    from raadsdossier.export.labels import nl
    from raadsdossier.services.edits import assign_vote as assign
    from raadsdossier.services.lists import get

    with open_dossier(args) as dossier:
        assign(dossier, args.vote, args.motion)
        _section, motion = get(dossier, args.motion)
    name = motion.get("reference") or motion["title"]
    print(f"{args.file}: stemming toegewezen aan motie {name}; status nu: {nl(motion['status'])}")
    return 0


def meetings(args) -> int:
    from raadsdossier.export.labels import nl, nl_date
    from raadsdossier.services.meetings import meeting_list

    with open_dossier(args, read_only=True) as dossier:
        found = meeting_list(dossier)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"{args.file}: geen vergaderingen. Importeer er een (een Notubiz-vergadering als JSON of een "
              "vergaderpagina van GemeenteOplossingen) met 'raadsdossier import', of voeg er een toe in het venster.")
        return 0

    def linked(entries: list[dict], indent: str) -> None:
        for entry in entries:
            level = "" if entry["confidentiality"] == "public" else f" [{nl(entry['confidentiality'])}]"
            name = f"{entry['reference']} " if entry.get("reference") else ""
            print(f"{indent}- {kinds.kind(entry['kind']).singular}: {name}{entry['title']}{level}")

    for meeting in found:
        when = nl_date(meeting["date"]) if meeting["date"] else "datum onbekend"
        print(f"{meeting['reference'] or meeting['id']}: {meeting['title']} ({nl(meeting['body'])}, {when})")
        for document in meeting["documents"]:
            print(f"    stuk: {document['title']}")
        linked(meeting["linked"], "    ")
        for agenda_item in meeting["agenda_items"]:
            if agenda_item["kind"] == "heading":
                print(f"  {agenda_item['title']}")
                continue
            print(f"  {agenda_item['number'] or '–'}. {agenda_item['title']}")
            for document in agenda_item["documents"]:
                print(f"      stuk: {document['title']}")
            linked(agenda_item["linked"], "      ")
    return 0


def history(args) -> int:
    from raadsdossier.services.lists import get, history as versions

    with open_dossier(args, read_only=True) as dossier:
        get(dossier, args.item)  # a clear message for an unknown id
        print(json.dumps(versions(dossier, args.item), ensure_ascii=False, indent=2))
    return 0


def directory(args) -> int:
    from raadsdossier.services.directory import rows, source

    for row in rows():
        print(f"{row.number:2}  {row.dutch_side} – {row.partner_name}\t{row.status_text}\tsinds {row.since or '?'}")
    print(f"Bron: {source()['publisher']}, {source()['title']} ({source()['date']}).")
    return 0


def seats(args) -> int:
    """The seat count for the next vote on a motion (services/seats.py); reads only, stores nothing."""
    from raadsdossier.export.labels import nl_date
    from raadsdossier.services import seats as seat_service

    with open_dossier(args, read_only=True) as dossier:
        count = seat_service.seat_count(dossier, args.motion)
        chosen = seat_service.choices_by_name(count, args.for_parties, args.against_parties, args.unknown_parties)
        count = seat_service.recount(count, chosen)
    if args.json:
        print(json.dumps(count.as_json(), ensure_ascii=False, indent=2))
        return 0
    when = f" ({nl_date(count.motion_date)})" if count.motion_date else ""
    print(f"{count.motion_name}{when}: zetels voor de volgende stemming, telling van {nl_date(count.today)}.")
    print("Deze telling wordt niet opgeslagen.")
    if count.parties:
        words = {"for": "voor", "against": "tegen", "unknown": "onbekend"}
        rows = [("fractie", "zetels", "keuze")]
        for party in count.parties:
            choice = words[party.choice]
            if party.guessed:
                choice += " (geschat, gebaseerd op: " + "; ".join(b.label for b in party.basis) + ")"
            rows.append((party.display_name, "zetels onbekend" if party.seats is None else str(party.seats), choice))
        widths = [max(len(row[column]) for row in rows) for column in range(2)]
        print()
        for name, number, choice in rows:
            print(f"{name.ljust(widths[0])}  {number.ljust(widths[1])}  {choice}")
        print()
        majority = f"; meerderheid: {count.majority}" if count.majority else ""
        print(f"totaal: {count.for_} voor, {count.against} tegen, {count.unknown} onbekend, van {count.council_size} "
              f"zetels{majority}")
    print(count.sentence)
    return 0


# -- across a library of dossiers ---------------------------------------------------------------------------------

def _open_library(args, paths):
    """The library of `paths` (services/library.py), read with the password of --password-file for every encrypted
    dossier; the dossiers skipped are named on stderr, each with why."""
    from raadsdossier.services.library import open_library

    password = read_password(args.password_file, "Wachtwoord voor de versleutelde dossiers", paths[0]) \
        if args.password_file else None
    library = open_library(paths, password)
    from raadsdossier.services.parties import read_equivalences

    if (problem := read_equivalences()[1]) is not None:  # a convenience: said, and the library read without it
        print(f"let op: {problem}; ze worden nu niet gebruikt.", file=sys.stderr)
    for skipped in library.skipped:
        print(f"{PROG}: {skipped.path}: overgeslagen. {skipped.reason}", file=sys.stderr)
    if any("wachtwoord" in skipped.reason for skipped in library.skipped) and not args.password_file:
        print("Versleutelde dossiers worden meegenomen met --password-file.", file=sys.stderr)
    return library


def _withheld_note(count: int, one: str, many: str) -> None:
    if count:
        print(f"{number_of(count, one, many)} niet getoond: fractie-intern of vertrouwelijk; "
              "--include internal,confidential neemt ze op.", file=sys.stderr)


def _table(rows: list[tuple[str, ...]], limits: tuple[int, ...]) -> None:
    """Rows as aligned columns, each cell cut at its column's limit."""
    from raadsdossier.export.longtext import shorten

    rows = [tuple(shorten(cell, limit) for cell, limit in zip(row, limits)) for row in rows]
    widths = [max(len(row[column]) for row in rows) for column in range(len(limits))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def motions(args) -> int:
    """The motion tracker: exit status 0 when at least one dossier was read, 1 when none could be."""
    from raadsdossier.export.labels import nl
    from raadsdossier.services.library import MotionFilter, knows_party, track

    filters = MotionFilter(party=args.party, submitter=args.submitter, status=args.status, follow_up=args.follow_up,
                           since=args.since, include=frozenset(split(args.include)))
    library = _open_library(args, args.paths)
    if not library.dossiers:
        print(f"{PROG}: geen enkel dossier kon worden gelezen.", file=sys.stderr)
        return 1
    found = track(library, filters)
    if args.party and not knows_party(library, args.party):
        known = sorted({p.name for p in library.parties}, key=str.casefold)
        print(f"let op: de fractie '{args.party}' komt in deze dossiers niet voor"
              + (f"; bekend zijn: {', '.join(known)}" if known else "")
              + ". Heet ze elders anders, zeg dan 'raadsdossier parties --same NAAM ANDERE-NAAM'.", file=sys.stderr)
    if args.json:
        print(json.dumps(found.motions, ensure_ascii=False, indent=2))
    elif args.csv:
        _motions_csv(found.motions)
    elif found.motions:
        rows = [("Dossier", "Datum", "Kenmerk", "Titel", "Status", "Uitvoering")]
        for motion in found.motions:
            follow_up = motion["follow_up"]
            state = "–" if follow_up is None else nl(follow_up["state"]) + (" (te laat)" if follow_up["overdue"] else "")
            rows.append((motion["dossier"], motion["date"] or "", motion["reference"] or "", motion["title"],
                         nl(motion["status"]), state))
        _table(rows, (30, 10, 16, 60, 12, 24))
    else:
        print("Geen moties gevonden.", file=sys.stderr)
    _withheld_note(found.withheld, "motie", "moties")
    return 0


# The columns of `motions --csv` (docs/motions.md): the motion, then its last vote, then its follow-up.
CSV_COLUMNS = ("dossier", "path", "id", "reference", "title", "date", "status", "result", "confidentiality",
               "submitters", "co_submitters", "votes", "last_vote_date", "last_vote_result", "last_vote_for",
               "last_vote_against", "last_vote_not_voting", "follow_up_state", "follow_up_deadline",
               "follow_up_overdue", "follow_up_entries")


def _motions_csv(found: list[dict]) -> None:
    import csv

    def actors(listed: list[dict]) -> str:
        return "; ".join(f"{a['name']} ({a['party']})" if a["party"] and a["party"] != a["name"] else a["name"]
                         for a in listed)

    def voters(vote: dict | None, choice: str) -> str:
        if vote is None:
            return ""
        return "; ".join(f"{c['member'] or c['party'] or ''}" + (f" ({c['seats']})" if c["seats"] is not None else "")
                         for c in vote["choices"] if c["choice"] == choice)

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in found:
        last = m["votes"][-1] if m["votes"] else None
        follow_up = m["follow_up"] or {}
        writer.writerow((m["dossier"], m["path"], m["id"], m["reference"] or "", m["title"], m["date"] or "",
                         m["status"], m["result"] or "", m["confidentiality"], actors(m["submitters"]),
                         actors(m["co_submitters"]), len(m["votes"]), (last or {}).get("date") or "",
                         (last or {}).get("result") or "", voters(last, "for"), voters(last, "against"),
                         voters(last, "not_voting"), follow_up.get("state", ""), follow_up.get("deadline") or "",
                         {True: "true", False: "false"}.get(follow_up.get("overdue"), ""),
                         len(follow_up["entries"]) if follow_up else ""))


def parties(args) -> int:
    from raadsdossier.services import parties as party_service

    if not (args.paths or args.same or args.forget):
        raise UsageError("geef een of meer dossiers of mappen, of --same of --forget")
    if args.same:
        joined = party_service.same_party(args.same)
        print(f"Vastgelegd: {', '.join(joined)} zijn één partij.", file=sys.stderr)
    if args.forget:
        former = party_service.forget_party(args.forget)
        print(f"Vergeten: {args.forget} is niet meer gelijk aan {', '.join(former)}.", file=sys.stderr)
    if not args.paths:
        return 0
    library = _open_library(args, args.paths)
    if not library.dossiers:
        print(f"{PROG}: geen enkel dossier kon worden gelezen.", file=sys.stderr)
        return 1
    found = party_service.parties(library)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    for party in found:
        others = [s for s in party["spellings"] if s != party["name"]]
        print(party["name"] + (f" (ook: {', '.join(others)})" if others else ""))
        print(f"    {', '.join(party['dossiers'])}")
    return 0


def party(args) -> int:
    from raadsdossier.export.labels import nl
    from raadsdossier.services.library import MotionFilter
    from raadsdossier.services.parties import party_record

    filters = MotionFilter(include=frozenset(split(args.include)))
    library = _open_library(args, args.paths)
    if not library.dossiers:
        print(f"{PROG}: geen enkel dossier kon worden gelezen.", file=sys.stderr)
        return 1
    record = party_record(library, args.party, filters)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0

    def motion(entry: dict) -> str:
        return f"{entry['reference'] + ' ' if entry['reference'] else ''}{entry['title']}"

    others = [s for s in record["spellings"] if s != record["party"]]
    print(record["party"] + (f" (ook: {', '.join(others)})" if others else ""))
    print(f"\nIngediend ({len(record['submitted'])}):")
    if record["submitted"]:
        _table([(e["date"] or "", e["dossier"], motion(e), nl(e["status"]),
                 "indiener" if e["role"] == "submitter" else "mede-indiener") for e in record["submitted"]],
               (10, 30, 70, 12, 14))
    counts = record["counts"]
    print(f"\nStemmen: {counts['for']} voor, {counts['against']} tegen, {counts['not_voting']} niet gestemd")
    if record["votes"]:
        _table([(e["vote_date"] or e["date"] or "", e["dossier"], f"{motion(e)}, stemming {e['vote']}", nl(e["choice"]),
                 nl(e["result"])) for e in record["votes"]], (10, 30, 70, 14, 20))
    if record["changed_sides"]:
        print(f"\nVan standpunt veranderd ({len(record['changed_sides'])}):")
        for e in record["changed_sides"]:
            print(f"  {e['dossier']}: {motion(e)}: {nl(e['before'])} → {nl(e['after'])} "
                  f"(stemming {e['from_vote']} → {e['to_vote']})")
    _withheld_note(record["withheld"], "motie", "moties")
    return 0


def _party_pack(args, options) -> int:
    """The fraction pack of --party over --library; exit status 0 when it was made."""
    from raadsdossier.services import packs

    library = _open_library(args, args.library)
    if not library.dossiers:
        print(f"{PROG}: geen enkel dossier kon worden gelezen.", file=sys.stderr)
        return 1
    result = packs.make_party_pack(library, args.party, args.output, options)
    print(result.written[0])
    if result.without:
        print(f"Zonder moties van {result.party} (op de gekozen niveaus): {', '.join(result.without)}", file=sys.stderr)
    _withheld_note(result.withheld_items, "item", "items")
    return 0
