"""`raadsdossier server …`: the shared store on PostgreSQL (services/store.py), for clerks and scripts."""

from __future__ import annotations

import json
import sys

from raadsdossier.cli.safety import password_of
from raadsdossier.domain.errors import InvalidInput


def run(args) -> int:
    return {"init": _init, "publish": _publish, "list": _list, "checkout": _checkout, "checkin": _checkin,
            "update": _update, "grant": _grant, "search": _search}[args.server_command](args)


def _search(args) -> int:
    from raadsdossier.cli.commands import check_limit, print_hits
    from raadsdossier.services.dossiers import search_store

    check_limit(args.limit)
    return print_hits(args, search_store(args.url, args.dossier, args.query, args.limit))


LEVEL_NL = {"public": "openbare", "internal": "openbare en interne", "confidential": "alle"}


def _grant(args) -> int:
    from raadsdossier.services import store

    store.grant(args.url, args.dossier, args.user, args.role, args.level)
    what = "lezer" if args.role == "reader" else "bewerker"
    print(f"{args.user} is nu {what} van '{args.dossier}' en ziet {LEVEL_NL[args.level]} items")
    return 0


def _init(args) -> int:
    from raadsdossier.services import store

    made = store.init(args.url)
    print(f"{args.url}: opslag gemaakt" if made else f"{args.url}: de opslag bestond al; er is niets veranderd")
    return 0


def _publish(args) -> int:
    from raadsdossier.services import store

    done = store.publish(args.file, args.url, args.name, password_of(args, args.file))
    print(f"{args.file}: op de server gezet als '{done.dossier}' (versie {done.revision}); dit bestand is nu "
          f"opgehaald van de server: 'raadsdossier server checkin {args.file}' stuurt wijzigingen terug")
    return 0


def _list(args) -> int:
    from raadsdossier.services import store

    found = store.list_dossiers(args.url)
    if args.json:
        print(json.dumps([{"name": d.name, "display_name": d.display_name, "revision": d.revision,
                           "published_by": d.published_by, "published_at": d.published_at.isoformat(),
                           "last_checkin": d.last_checkin.isoformat() if d.last_checkin else None} for d in found],
                         ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"{args.url}: nog geen dossiers; zet er een op met 'raadsdossier server publish BESTAND {args.url}'.",
              file=sys.stderr)
    for d in found:
        last = f", laatst bijgewerkt {d.last_checkin:%d-%m-%Y %H:%M}" if d.last_checkin else ""
        print(f"{d.name}  {d.display_name} (versie {d.revision}{last})")
    return 0


def _checkout(args) -> int:
    from raadsdossier.services import store

    password = None
    if args.password_file is not None:
        from raadsdossier.cli.safety import read_password

        password = read_password(args.password_file, "", args.file)
    done = store.checkout(args.url, args.dossier, args.file, password)
    print(f"{args.file}: '{done.dossier}' opgehaald (versie {done.revision})")
    return 0


def _report(args, done, what: str) -> int:
    if args.json:
        print(json.dumps({"dossier": done.dossier, "revision": done.revision, "sent": done.sent, "taken": done.taken,
                          "conflicts": [c.as_dict() for c in done.conflicts]}, ensure_ascii=False, indent=2))
    else:
        print(f"{args.file}: {what}; nu op versie {done.revision} ({done.sent} verstuurd, {done.taken} binnengehaald)")
        for c in done.conflicts:
            who = f" door {c.by}" if c.by else ""
            when = f" op {c.at}" if c.at else ""
            print(f"  conflict: {c.table} {c.item_id}, {c.field}: hier {_shown(c.mine)!r}, op de server "
                  f"{_shown(c.theirs)!r} (gewijzigd{who}{when})")
        if done.conflicts:
            print(f"  kies per item: 'raadsdossier server checkin {args.file} --mine ID' of '--theirs ID'; tot dan "
                  "blijven beide waarden bewaard.")
    return 1 if done.conflicts else 0


def _shown(value):
    if isinstance(value, dict):
        return "(rij)"
    return value


def _decisions(args) -> tuple[list[str], list[str]]:
    mine, theirs = list(args.mine), list(args.theirs)
    if args.resolutions is not None:
        try:
            chosen = json.loads(args.resolutions.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InvalidInput(args.resolutions, f"het bestand met keuzes is niet te lezen ({exc}).") from None
        if not isinstance(chosen, dict) or any(v not in ("mine", "theirs") for v in chosen.values()):
            raise InvalidInput(args.resolutions, 'schrijf de keuzes als {"ID": "mine"} of {"ID": "theirs"}.')
        mine += [k for k, v in chosen.items() if v == "mine"]
        theirs += [k for k, v in chosen.items() if v == "theirs"]
    return mine, theirs


def _checkin(args) -> int:
    from raadsdossier.services import store

    mine, theirs = _decisions(args)
    done = store.checkin(args.file, password_of(args, args.file), mine, theirs)
    return _report(args, done, "wijzigingen verstuurd" if done.sent else "niets te versturen")


def _update(args) -> int:
    from raadsdossier.services import store

    done = store.update(args.file, password_of(args, args.file), args.theirs)
    return _report(args, done, "bijgewerkt")
