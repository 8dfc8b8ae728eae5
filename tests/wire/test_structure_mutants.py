"""Tests that kill the mutants scripts/mutation_check.py found alive in the wire's readers.

The fast path of :mod:`geostmt.wire.structure` falls back to the detailed path whenever it is
refused, so a mutant that only breaks the fast path gives the same answers, slower. These tests
count the detailed path's calls to see which path answered, and pin the strict JSON readers
(:meth:`~geostmt.model.rules.Rule.from_json`) through inputs that reach the detailed path.
"""

from __future__ import annotations

from typing import Any

import pytest

import geostmt as g
from geostmt.wire import make_converter
from geostmt.wire import structure as s


def _problems(data: dict[str, Any], cls: type[Any]) -> list[str]:
    with pytest.raises(g.ValidationError) as caught:
        g.from_dict(data, cls)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, list[Any]]:
    """A structure function whose detailed path records each input it is handed."""
    calls: list[Any] = []
    real = s.make_detailed_structure_fn

    def counting(cls: type[Any], converter: Any) -> Any:
        detailed = real(cls, converter)

        def structure(data: Any, _: Any = None) -> Any:
            calls.append(data)
            return detailed(data, _)

        return structure

    monkeypatch.setattr(s, "make_detailed_structure_fn", counting)
    converter = make_converter()
    return (lambda data, cls: s.make_structure_fn(cls, converter)(data, cls)), calls


VALID: list[tuple[type[Any], dict[str, Any]]] = [
    (g.Money, {"amount": "5", "currency": "USD"}),
    (g.Quantity, {"value": "5", "low": None, "unit": "kilometer", "qualifier": None}),
    (g.Source, {"type": "source", "id": "s", "title": "t", "published": "2024-10-31"}),
    (
        g.AidPackage,
        {
            "type": "aid_package", "id": "p", "donor": "us", "recipient": "ua",
            "value": {"amount": "1.5", "currency": "USD"}, "items": None,
            "evidence": [{"source": "s", "start": 1}, {"source": "s"}],
        },
    ),
    (g.Actor, {"id": "a", "name": "A", "kind": "state", "country": None, "aliases": None}),
]  # fmt: skip


@pytest.mark.parametrize(("cls", "data"), VALID)
def test_valid_input_takes_the_fast_path(
    counted: tuple[Any, list[Any]], cls: type[Any], data: dict[str, Any]
) -> None:
    """Valid JSON, nulls for defaulted fields included, never needs the detailed path."""
    structure, calls = counted
    assert structure(data, cls) == g.from_dict(data, cls)
    assert calls == []


def test_invalid_input_goes_to_the_detailed_path(counted: tuple[Any, list[Any]]) -> None:
    """What the constructor refuses is read again by the detailed path, which explains it."""
    structure, calls = counted
    data = {"amount": "-1", "currency": "USD"}
    with pytest.raises(g.ValidationError, match=r"^amount: must be >= 0, not -1$"):
        structure(data, g.Money)
    assert calls == [data]


def test_the_callers_dict_is_not_changed() -> None:
    """Reading a dict leaves it as it was, on the fast path too."""
    data = {"amount": "5", "currency": "USD"}
    nested = {"type": "aid_package", "id": "p", "donor": "us", "recipient": "ua",
              "value": {"amount": "5", "currency": "USD"}}  # fmt: skip
    g.from_dict(data, g.Money)
    g.from_dict(nested, g.AidPackage)
    assert data == {"amount": "5", "currency": "USD"}
    assert nested["value"] == {"amount": "5", "currency": "USD"}


def test_null_is_absent_and_other_values_are_kept() -> None:
    """A null beside set values drops only itself; the other optional values stay."""
    place = g.from_dict({"name": "x", "kind": "city", "country": "RU", "lat": None}, g.Place)
    assert place == g.Place(name="x", kind="city", country="RU")


def test_a_wrong_type_tag_is_refused() -> None:
    """A record whose tag names another type is refused, with the tag's path."""
    data = {"type": "actor", "id": "s", "title": "t"}
    assert _problems(data, g.Source) == ["type: 'actor' is not 'source'"]


def test_a_value_has_no_type_field() -> None:
    """Values and parts have no tag: "type" in one is an unknown field."""
    data = {"amount": "5", "currency": "USD", "type": "money"}
    assert _problems(data, g.Money) == ["type: unknown field"]


def test_a_list_field_must_be_a_list() -> None:
    """An object where a list of parts goes is refused on both paths, not read as empty."""
    data = {"type": "aid_package", "id": "p", "donor": "us", "recipient": "ua", "evidence": {}}
    assert _problems(data, g.AidPackage) == ["evidence: expected a list, got dict {}"]


def test_integers_are_read_strictly_beside_other_problems() -> None:
    """A valid integer is read as it is while another field is reported."""
    data = {"source": "s", "start": 1, "confidence": 2.0}
    assert _problems(data, g.Evidence) == ["confidence: must be between 0 and 1, not 2.0"]


def test_cross_field_rules_see_the_read_values() -> None:
    """The detailed path hands the values it read to the constructor's cross-field rules."""
    assert _problems({"source": "s", "start": 5, "end": 1}, g.Evidence) == [
        "end: 1 is before start 5"
    ]
    assert _problems({"name": "x", "kind": "city", "lat": 1.0}, g.Place) == [
        "lon: lat and lon go together"
    ]


def test_null_on_the_detailed_path() -> None:
    """Null for a required field is a wrong value; null for an optional one reads as absent."""
    assert _problems({"type": "source", "id": None, "title": "t"}, g.Source) == [
        "id: expected a string, got NoneType None"
    ]
    assert _problems({"source": "s", "end": None, "confidence": 2.0}, g.Evidence) == [
        "confidence: must be between 0 and 1, not 2.0"
    ]
