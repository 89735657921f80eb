"""The command line's commands on dossiers and their contents; each calls one service (raadsdossier.services).

Every command imports what it needs when it runs, so that `info` and `search` load neither the import
formats nor the pack builder nor the ORM's models.
"""

from __future__ import annotations

import argparse

import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from raadsdossier.cli.safety import PROG, UsageError, new_password, open_dossier, read_password
from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Confidentiality, Level, PartnershipStatus, confidentiality_levels
from raadsdossier.domain.errors import InvalidInput


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
    from raadsdossier.services.dossiers import export_json as export
    from raadsdossier.base.sizes import megabytes

    with open_dossier(args, read_only=True) as dossier:
        document = export(dossier)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        print(f"let op: dit bestand is {megabytes(len(data))}; de import leest interchange-JSON tot "
              f"{megabytes(MAX_BYTES)}, dus dit bestand kan niet zo weer worden ingelezen.", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)  # through cli.terminal.SafeStream
        return 0
    _write_atomically(args.output, data)
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


# `import`: every file was recognised, but none held anything to import (docs/imports.md, "Exit codes").
NOTHING_TO_IMPORT = 3


def import_(args) -> int:
    """Exit status 0 when the files were imported (something added, updated or already there as the files
    give it), 1 when a file is not recognised or cannot be read (nothing imported), 3 when every file was
    recognised but none held anything to import; the services decide which (ImportResult), this only says it."""
    from raadsdossier.services import importing

    with open_dossier(args) as dossier:  # a bad dossier is reported before any source is read
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


def search(args) -> int:
    from raadsdossier.services.dossiers import search as find

    if args.limit < 1:
        raise InvalidInput(None, "--limit moet minstens 1 zijn.")
    show = set(confidentiality_levels(split(args.include)))
    with open_dossier(args, read_only=True) as dossier:
        hits = find(dossier, args.query, args.limit)
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

    if bool(args.file) == bool(args.all):
        raise UsageError("geef een dossierbestand (of met --meeting meer dossiers) of --all MAP")
    if len(args.file) > 1 and not args.meeting:
        raise UsageError("een stuk over meer dossiers is voor één vergadering: geef --meeting KENMERK")
    options = PackOptions(
        sections=tuple(split(args.sections)) if args.sections else kinds.DEFAULT_PACK_SECTIONS,
        include=frozenset(split(args.include)), include_sensitive=args.include_sensitive,
        full_checklist=args.full_checklist, meeting=args.meeting, agenda_item=args.agenda_item, author=args.author,
        whole_agenda=args.whole_agenda,
    )
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
