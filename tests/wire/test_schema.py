"""Tests for the JSON Schema export: pinned output, and agreement with from_dict."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import geostmt as g
from geostmt import strategies as gs
from geostmt.reference import countries, currencies
from tests.conftest import ROOT
from tests.mutations import mutated

GOLDEN = ROOT / "tests" / "wire" / "golden"
VALIDATOR = Draft202012Validator(g.json_schema())


def _pinned(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with the ISO code lists (which follow pycountry and babel) left out."""
    result = copy.deepcopy(schema)
    for name in ("CountryCode", "CurrencyCode"):
        result["$defs"][name]["enum"] = f"<{name} list>"
    if "LanguageTag" in result["$defs"]:
        result["$defs"]["LanguageTag"]["pattern"] = "<ISO 639 language tag pattern>"
    return result


def regenerate() -> None:
    """Write the golden files from the current schema (run on purpose only:
    ``python -c 'from tests.wire.test_schema import regenerate; regenerate()'``)."""
    for cls in (None, g.Money, g.Place):
        name = "record" if cls is None else cls.__name__.lower()
        text = json.dumps(_pinned(g.json_schema(cls)), indent=2, ensure_ascii=False)
        (GOLDEN / f"{name}.schema.json").write_text(text + "\n", encoding="utf-8")


@pytest.mark.parametrize("cls", [None, g.Money, g.Place], ids=["record", "money", "place"])
def test_schema_is_pinned(cls: type | None) -> None:
    """The exported schema equals the committed golden file (regenerate it on purpose only)."""
    name = "record" if cls is None else cls.__name__.lower()
    golden = json.loads((GOLDEN / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert _pinned(g.json_schema(cls)) == golden


def test_schema_shape() -> None:
    """Draft 2020-12, versioned $id, one if/then per type tag, ISO codes listed."""
    schema = g.json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:geostmt:schema:{g.SCHEMA_VERSION}:record"
    tags = [branch["if"]["properties"]["type"]["const"] for branch in schema["allOf"]]
    targets = [branch["then"]["$ref"].split("/")[-1] for branch in schema["allOf"]]
    assert tags == ["actor", "source", "statement", "deployment", "aid_package", "event"]
    assert tags == schema["properties"]["type"]["enum"]
    assert [schema["$defs"][name]["properties"]["type"]["const"] for name in targets] == tags
    assert "oneOf" not in schema
    assert schema["$defs"]["CountryCode"]["enum"] == sorted(countries())
    assert schema["$defs"]["CurrencyCode"]["enum"] == sorted(currencies())
    assert schema["$defs"]["Actor"]["additionalProperties"] is False
    assert schema["$defs"]["Actor"]["description"].startswith("Someone who acts or speaks")
    with pytest.raises(TypeError):
        g.json_schema(int)


def test_seed_dataset_validates_against_the_schema() -> None:
    """Every line of the example dataset is valid by the schema."""
    path = ROOT / "examples" / "data" / "seed-article.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        VALIDATOR.validate(json.loads(line))


@given(gs.records())
def test_generated_records_validate(record: g.Record) -> None:
    """Every valid record's JSON is valid by the schema."""
    VALIDATOR.validate(json.loads(g.dumps(record)))


@given(mutated())
def test_schema_and_from_dict_agree(data: dict[str, Any]) -> None:
    """What the schema refuses, from_dict refuses too."""
    if not VALIDATOR.is_valid(data):
        with pytest.raises(g.ValidationError):
            g.from_dict(data)


BAD_FIELD: dict[str, tuple[str, Any]] = {
    "actor": ("kind", "stat"),
    "source": ("language", "english"),
    "statement": ("mode", "quoted"),
    "deployment": ("status", "rumoured"),
    "aid_package": ("aid_type", "military aid"),
    "event": ("cameo", "999"),
}  # each record type with one field made wrong


def _valid_records() -> dict[str, dict[str, Any]]:
    """One valid record of each type: the seed dataset's, plus an event."""
    found: dict[str, dict[str, Any]] = {}
    path = ROOT / "examples" / "data" / "seed-article.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        found.setdefault(data["type"], data)
    found.setdefault("event", {"type": "event", "id": "e", "cameo": "190"})
    return found


@pytest.mark.parametrize("tag", list(BAD_FIELD))
def test_a_bad_record_gets_the_errors_of_its_own_type(tag: str) -> None:
    """With the jsonschema package, a bad record of each type gives one error, about that
    type's bad field, reached through that type's if/then (no "not valid under any")."""
    schema = g.json_schema()
    record = dict(_valid_records()[tag])
    name, bad = BAD_FIELD[tag]
    record[name] = bad
    errors = list(Draft202012Validator(schema).iter_errors(record))
    assert len(errors) == 1, [e.message for e in errors]
    error = errors[0]
    branch = [b["if"]["properties"]["type"]["const"] for b in schema["allOf"]].index(tag)
    assert list(error.absolute_schema_path)[:3] == ["allOf", branch, "then"]
    assert list(error.absolute_path) == [name]
    assert best_match([error]).message.startswith(f"{bad!r} ")  # about the value itself


def test_an_unknown_type_is_one_error_naming_the_types() -> None:
    """A record with an unknown type tag gets one error at ``type``, listing the tags."""
    errors = list(VALIDATOR.iter_errors({"type": "actr", "id": "a"}))
    assert [(list(e.absolute_path), e.validator) for e in errors] == [(["type"], "enum")]
    assert "'actor', 'source'" in errors[0].message


def test_every_field_has_a_description() -> None:
    """Each property of each class in the schema has a description (from its docstring)."""
    schema = g.json_schema()
    for name, definition in schema["$defs"].items():
        for field, value in definition.get("properties", {}).items():
            if field in ("type", g.wire.versions.VERSION_KEY):
                continue
            assert value.get("description"), f"{name}.{field}"
    kind = schema["$defs"]["Actor"]["properties"]["kind"]
    assert kind["description"].startswith("What kind of actor: a person, a state")
    assert "``" not in json.dumps(schema)  # reStructuredText literals made Markdown's
