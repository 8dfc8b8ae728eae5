"""Tests for the JSON Schema export: pinned output, and agreement with from_dict."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

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
    return result


@pytest.mark.parametrize("cls", [None, g.Money, g.Place], ids=["record", "money", "place"])
def test_schema_is_pinned(cls: type | None) -> None:
    """The exported schema equals the committed golden file (regenerate it on purpose only)."""
    name = "record" if cls is None else cls.__name__.lower()
    golden = json.loads((GOLDEN / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert _pinned(g.json_schema(cls)) == golden


def test_schema_shape() -> None:
    """Draft 2020-12, versioned $id, a oneOf discriminated by type, ISO codes listed."""
    schema = g.json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:geostmt:schema:{g.SCHEMA_VERSION}:record"
    tags = [schema["$defs"][ref["$ref"].split("/")[-1]]["properties"]["type"]["const"]
            for ref in schema["oneOf"]]  # fmt: skip
    assert tags == ["actor", "source", "statement", "deployment", "aid_package", "event"]
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
