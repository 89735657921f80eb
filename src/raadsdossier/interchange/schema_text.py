"""A document that breaks the interchange schema, described in Dutch: where ("motions[0]") and what ("onbekend
veld 'x'", "verwacht tekst, gevonden 5"), instead of jsonschema's English inside a Dutch sentence."""

from __future__ import annotations

import json

import jsonschema

from raadsdossier.base.words import number_of


def schema_problem(error: jsonschema.ValidationError) -> str:
    """"{where}: {what}." for jsonschema's best error of a document."""
    return f"{document_path(error.absolute_path)}: {schema_reason(error)}."


def schema_element(error: jsonschema.ValidationError) -> tuple:
    """The element the error is about: ("motions", 0, "date"); a missing field's own path, not its object's."""
    missing = (_missing(error),) if error.validator == "required" else ()
    return (*error.absolute_path, *missing)


def document_path(parts) -> str:
    """Where in the document: "motions[0].title"."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(het hele document)"


def _missing(error: jsonschema.ValidationError) -> str:
    """The field a "required" error finds missing."""
    return error.message.split("'")[1] if "'" in error.message else error.message


def schema_reason(error: jsonschema.ValidationError) -> str:
    """What is wrong, without where: "verwacht tekst, gevonden 5"."""
    if error.validator == "required":
        return f"het veld '{_missing(error)}' ontbreekt"
    if error.validator == "enum":
        allowed = ", ".join(json.dumps(v, ensure_ascii=False) for v in error.validator_value)
        return f"{json.dumps(error.instance, ensure_ascii=False)} is geen toegestane waarde (kies uit {allowed})"
    shown = json.dumps(error.instance, ensure_ascii=False)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        extra = sorted(key for key in error.instance if key not in known)
        names = ", ".join(f"'{key}'" for key in extra)
        return f"onbekend veld {names}" if len(extra) == 1 else f"onbekende velden {names}"
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"verwacht {' of '.join(_TYPES.get(kind, kind) for kind in wanted)}, gevonden {shown}"
    if error.validator == "pattern":
        return f"{shown} heeft niet de juiste vorm"
    if error.validator in ("anyOf", "oneOf"):
        return f"{shown} past bij geen van de vormen die hier mogen"
    if error.validator == "minLength":
        return "mag niet leeg zijn" if error.validator_value == 1 else \
            f"moet minstens {error.validator_value} tekens lang zijn"
    if error.validator == "maxLength":
        return f"mag hoogstens {error.validator_value} tekens lang zijn"
    if error.validator == "minimum":
        return f"{shown} is te klein (minstens {error.validator_value})"
    if error.validator == "maximum":
        return f"{shown} is te groot (hoogstens {error.validator_value})"
    if error.validator == "minItems":
        return f"moet minstens {number_of(error.validator_value, 'element', 'elementen')} hebben"
    if error.validator == "const":
        return f"moet {json.dumps(error.validator_value, ensure_ascii=False)} zijn, niet {shown}"
    return error.message  # a rule this does not know: jsonschema's own words


_TYPES = {"string": "tekst", "integer": "een geheel getal", "number": "een getal", "object": "een object ({…})",
          "array": "een lijst ([…])", "boolean": "true of false", "null": "null"}
