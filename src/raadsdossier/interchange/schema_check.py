"""The interchange schema compiled to plain Python checks: the same yes/no as jsonschema, many times faster.

jsonschema walks the schema anew for every value (a validator object, a reference lookup and a
generator per keyword), which made the check of a 10,000-row OData import cost 0.3 s of its 2.5 s.
`compile_schema` turns the schema into nested closures once; `check_schema` in load.py asks them
first and only when they say "invalid" asks jsonschema for the error to report, so every message
stays jsonschema's.

The closures answer exactly what jsonschema's Draft 2020-12 validator answers for the keywords
handled here (type, enum, const, properties, required, additionalProperties, items, minLength,
maxLength, minimum, pattern, uniqueItems, allOf, oneOf, anyOf, local $ref); annotations are ignored.
A schema using any other keyword is not compiled (`Unsupported`), and the caller then uses
jsonschema alone.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Mapping, Sequence

Check = Callable[[object], bool]

# Keywords that assert nothing in Draft 2020-12 (contentEncoding is an annotation unless a
# validator is told otherwise, and jsonschema is not).
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples",
                          "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType"})


class Unsupported(Exception):
    """The schema uses a keyword (or a form of one) that is not compiled here."""


def _is_integer(value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


def _is_number(value) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": _is_integer,
    "number": _is_number,
}


def _unbool(value, true=object(), false=object()):
    return true if value is True else false if value is False else value


def equal(one, two) -> bool:
    """JSON equality as jsonschema's `equal`: true and 1 differ, lists and objects compare by content."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return one == two
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(key in two and equal(value, two[key]) for key, value in one.items())
    return _unbool(one) == _unbool(two)


def _unique(values: list) -> bool:
    if all(isinstance(v, str) for v in values):
        return len(set(values)) == len(values)
    seen: list = []
    for value in values:
        if any(equal(value, other) for other in seen):
            return False
        seen.append(value)
    return True


def compile_schema(root: dict) -> Check:
    """A function telling whether a value is valid against `root` (its local "#/$defs/…" refs included).

    Raises Unsupported when the schema uses anything not handled here.
    """
    defs = root.get("$defs", {})
    compiled_defs: dict[str, Check] = {}

    def ref(target: str) -> Check:
        if not target.startswith("#/$defs/") or target[8:] not in defs:
            raise Unsupported(f"$ref {target}")
        name = target[8:]

        def check(value) -> bool:  # compiled on first use, so a recursive reference terminates
            if name not in compiled_defs:
                compiled_defs[name] = build(defs[name])
            return compiled_defs[name](value)

        return check

    def build(schema) -> Check:
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        unknown = set(schema) - _ANNOTATIONS - _KEYWORDS
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        checks: list[Check] = []
        # Cheap checks first: they turn most invalid values away before the walk into children.
        if "type" in schema:
            names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
            if any(name not in _TYPES for name in names):
                raise Unsupported(f"type {names}")
            tests = [_TYPES[name] for name in names]
            checks.append(tests[0] if len(tests) == 1 else (lambda v, tests=tests: any(t(v) for t in tests)))
        if "const" in schema:
            const = schema["const"]
            checks.append(lambda v: equal(v, const))
        if "enum" in schema:
            options = list(schema["enum"])
            if all(isinstance(o, str) for o in options):
                strings = frozenset(options)
                checks.append(lambda v: isinstance(v, str) and v in strings)
            else:
                checks.append(lambda v: any(equal(v, o) for o in options))
        if "minLength" in schema:
            least = schema["minLength"]
            checks.append(lambda v: not isinstance(v, str) or len(v) >= least)
        if "maxLength" in schema:
            most = schema["maxLength"]
            checks.append(lambda v: not isinstance(v, str) or len(v) <= most)
        if "pattern" in schema:
            search = re.compile(schema["pattern"]).search
            checks.append(lambda v: not isinstance(v, str) or search(v) is not None)
        if "minimum" in schema:
            floor = schema["minimum"]
            checks.append(lambda v: not _is_number(v) or not v < floor)  # as jsonschema: NaN passes
        if "required" in schema:
            required = tuple(schema["required"])
            checks.append(lambda v: not isinstance(v, dict) or all(key in v for key in required))
        if "properties" in schema or "additionalProperties" in schema:
            checks.append(_object(schema, build))
        if "items" in schema:
            each = build(schema["items"])
            checks.append(lambda v: not isinstance(v, list) or all(each(element) for element in v))
        if schema.get("uniqueItems") is True:
            checks.append(lambda v: not isinstance(v, list) or _unique(v))
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in schema:
                branches = [build(branch) for branch in schema[keyword]]
                if keyword == "allOf":
                    checks.append(lambda v, b=branches: all(check(v) for check in b))
                elif keyword == "anyOf":
                    checks.append(lambda v, b=branches: any(check(v) for check in b))
                else:
                    checks.append(lambda v, b=branches: sum(1 for check in b if check(v)) == 1)
        if "$ref" in schema:
            checks.append(ref(schema["$ref"]))
        if not checks:
            return lambda value: True
        if len(checks) == 1:
            return checks[0]
        return lambda value: all(check(value) for check in checks)

    return build(root)


_KEYWORDS = frozenset({"type", "const", "enum", "minLength", "maxLength", "pattern", "minimum", "required",
                       "properties", "additionalProperties", "items", "uniqueItems", "allOf", "anyOf", "oneOf",
                       "$ref"})


def _object(schema: dict, build) -> Check:
    """properties + additionalProperties (no patternProperties: build refuses those)."""
    properties = {key: build(sub) for key, sub in (schema.get("properties") or {}).items()}
    extra = schema.get("additionalProperties", True)
    extra_check = None if extra is True else build(extra)

    def check(value) -> bool:
        if not isinstance(value, dict):
            return True
        for key, element in value.items():
            known = properties.get(key)
            if known is not None:
                if not known(element):
                    return False
            elif extra_check is not None and not extra_check(element):
                return False
        return True

    return check
