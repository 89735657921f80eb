"""The quick schema check (jsonschema-rs) gives jsonschema's answer on valid and broken documents alike,
and never calls valid what jsonschema refuses."""

import copy
import json
import math
import random

import jsonschema
import jsonschema_rs
import pytest

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.interchange import load
from tests.interchange.test_roundtrip import full_document

# Values a broken importer or a hand-edited file might put anywhere: every JSON type, the ones
# jsonschema treats specially (true is no integer, 3.0 is one, NaN passes a minimum), bad dates.
ODD_VALUES = [None, True, False, 0, -1, 3, 3.0, 2.5, math.nan, "", "x", "2021-02-30", "2021-7", "9" * 40,
              [], ["src-1", "src-1"], [1, True], {}, {"party": "party-gl"}, "public", "for"]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, element in value.items():
            yield from _paths(element, path + (key,))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from _paths(element, path + (index,))


def _mutations(document: dict, rng: random.Random, count: int):
    paths = [p for p in _paths(document) if p and p != ("format",)]
    for _ in range(count):
        changed = copy.deepcopy(document)
        path = rng.choice(paths)
        parent = changed
        for part in path[:-1]:
            parent = parent[part]
        action = rng.random()
        if action < 0.6:
            parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif action < 0.8 and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent["onbekend_veld"] = 1
        else:
            parent.append(copy.deepcopy(parent[path[-1]]))
        yield path, changed


def test_the_quick_check_agrees_with_jsonschema_on_hundreds_of_broken_documents():
    quick = load._quick_check()
    validator = load._validator()
    document = full_document()
    assert quick(document) is True and validator.is_valid(document)
    invalid = 0
    for path, changed in _mutations(document, random.Random(7), 1500):
        expected = validator.is_valid(changed)
        parent = changed
        for part in path[:-1]:
            parent = parent[part]
        value = parent.get(path[-1]) if isinstance(parent, dict) else None
        if isinstance(value, float) and math.isnan(value):
            # NaN is no JSON number: the Rust check refuses it, jsonschema lets it pass a minimum
            # (NaN < 0 is false) and check_schema goes by jsonschema; never the other way round.
            assert quick(changed) is False
        else:
            assert quick(changed) is expected, f"{path}: jsonschema says {expected}"
        invalid += not expected
    assert invalid > 500  # the mutations really do break documents, not only rename fields


def test_an_odata_document_is_checked_the_same_way():
    from raadsdossier.importers import tk_odata
    from tests.importers.test_tk_odata import TK

    document = tk_odata.read_tk_odata(
        TK / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json")
    assert load._quick_check()(document) is load._validator().is_valid(document) is True
    document["unassigned_votes"][0]["choices"][3]["seats"] = True  # a bool is no number of seats
    assert load._quick_check()(document) is load._validator().is_valid(document) is False


@pytest.mark.parametrize("schema, values", [
    ({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}, [{"a": 1}, {"a": 1, "b": 2}, {}, [], "x"]),
    ({"type": "array", "uniqueItems": True}, [[1, True], [1, 1.0], [[1], [1]], [{"a": 1}, {"a": True}], ["a", "b"]]),
    ({"enum": [1, "a", None, [1]]}, [True, 1.0, "a", None, [1], [True], 2]),
    ({"const": {"a": [1]}}, [{"a": [1]}, {"a": [True]}, {"a": [1], "b": 0}]),
    ({"type": ["integer", "null"], "minimum": 0}, [0, -1, 1.0, -0.5, True, None, math.nan, "1"]),
    ({"type": "object", "additionalProperties": {"type": "integer"}, "properties": {"s": {"type": "string"}}},
     [{"s": "x", "n": 1}, {"s": 1}, {"n": "1"}, {}, "not an object"]),
    ({"$defs": {"tree": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/tree"}}},
                         "additionalProperties": False}}, "$ref": "#/$defs/tree"},
     [{"kids": [{"kids": []}]}, {"kids": [{"kids": [{"x": 1}]}]}]),
    ({"type": "string", "pattern": "^\\d{4}$", "minLength": 2, "maxLength": 4}, ["2024", "20245", "x", 2024]),
])
def test_each_keyword_answers_as_jsonschema_does(schema, values):
    quick = jsonschema_rs.validator_for(schema).is_valid
    validator = jsonschema.Draft202012Validator(schema)
    for value in values:
        assert quick(value) is validator.is_valid(value), json.dumps(value, default=str)


def test_where_the_two_differ_jsonschema_decides(tmp_path):
    # The standard's \d is an ASCII digit; Python's re (and so jsonschema) also takes other digits.
    # The quick check refuses such a date, jsonschema then accepts it: check_schema goes by jsonschema.
    schema = {"type": "string", "pattern": "^\\d{4}$"}
    assert jsonschema_rs.validator_for(schema).is_valid("٢٠٢٤") is False
    assert jsonschema.Draft202012Validator(schema).is_valid("٢٠٢٤") is True
    document = full_document()
    document["events"][0]["date"] = "٢٠٢١"
    assert load._quick_check()(document) is False
    assert load._validator().is_valid(document) is True
    load.check_schema(document, tmp_path / "import.json")  # accepted, as before the quick check


def test_without_the_compiled_check_the_same_message_is_given(monkeypatch, tmp_path):
    broken = full_document()
    broken["events"][0].pop("title")
    messages = []
    for quick in (load._quick_check(), lambda _document: False):  # the quick check, and none
        monkeypatch.setattr(load, "_quick_check", lambda quick=quick: quick)
        with pytest.raises(InvalidInput) as caught:
            load.check_schema(broken, tmp_path / "import.json")
        messages.append(str(caught.value))
        load.check_schema(full_document(), tmp_path / "import.json")  # and a good one passes both ways
    assert messages[0] == messages[1] and "events[0]: het veld 'title' ontbreekt" in messages[0]


@pytest.mark.parametrize("document, says", [
    ({"motions": [{"id": "m", "title": "x", "submitter_party_ids": []}]}, "motions[0]: onbekend veld 'submitter_party_ids'."),
    ({"partnership": {"dutch_side": 5}}, "partnership.dutch_side: verwacht tekst, gevonden 5."),
    ({"motions": "x"}, 'motions: verwacht een lijst ([…]), gevonden "x".'),
    ({"partnership": "x"}, 'partnership: "x" past bij geen van de vormen die hier mogen.'),
])
def test_a_document_that_breaks_the_schema_is_described_in_dutch(document, says):
    """Not jsonschema's English ("Additional properties are not allowed ('…' was unexpected)") inside a Dutch
    sentence."""
    with pytest.raises(InvalidInput) as caught:
        load.check_schema({"format": "raadsdossier/1", **document}, "x.json")
    assert str(caught.value) == f"x.json: {says}"


def test_an_undated_follow_up_entry_as_the_app_writes_one_passes():
    """The old text form of a follow-up becomes one undated entry (interchange/merging.py): its export must
    read back. The schema once allowed null twice over ("oneOf" null or a partial date, which may be null)."""
    follow_up = {"state": "unknown", "deadline": None,
                 "entries": [{"date": None, "text": "Uitgevoerd.", "evidence_ids": []}]}
    for key in ("motions", "commitments"):
        load.check_schema({"format": "raadsdossier/1", key: [{"id": "m", "title": "x", "follow_up": follow_up}]},
                          "x.json")
