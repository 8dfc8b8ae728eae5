"""Tests for one-record JSON: round trips, the wire format's rules, and error paths."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

import geostmt as g
from geostmt import ValidationError, dumps, from_dict, loads, to_dict
from geostmt import strategies as gs

PACKAGE = g.AidPackage(
    id="us-ukraine-2024-10-31",
    donor="united-states",
    recipient="ukraine",
    value=g.Money(amount=Decimal("425000000"), currency="USD"),
    aid_type="military",
    items=[g.Item(name="air defense interceptors")],
    excluded=[g.Item(name="Tomahawk missiles", requested_by="ukraine")],
)
CONTRACT_EXAMPLE = (
    '{"type": "aid_package", "id": "us-ukraine-2024-10-31", "donor": "united-states", '
    '"recipient": "ukraine", "value": {"amount": "425000000", "currency": "USD"}, '
    '"aid_type": "military", "items": [{"name": "air defense interceptors"}], "excluded": '
    '[{"name": "Tomahawk missiles", "requested_by": "ukraine"}]}'
)


def test_contract_example_reads_and_writes_back() -> None:
    """The design's example record reads, and writes back to the same JSON."""
    record = loads(CONTRACT_EXAMPLE)
    assert record == PACKAGE
    assert to_dict(record) == json.loads(CONTRACT_EXAMPLE)
    assert next(iter(to_dict(record))) == "type"


def test_defaults_are_left_out_and_decimals_are_strings() -> None:
    """None, empty lists and defaults are not written; Decimals are JSON strings."""
    quantity = g.Quantity(value=Decimal("10000"), qualifier="approximately", of="soldiers")
    assert to_dict(quantity) == {"value": "10000", "qualifier": "approximately", "of": "soldiers"}
    assert to_dict(g.Quantity(value=Decimal(80), unit="percent")) == {
        "value": "80",
        "unit": "percent",
    }
    assert dumps(g.Actor(id="kbs", name="KBS", kind="media")) == (
        '{"type":"actor","id":"kbs","name":"KBS","kind":"media"}'
    )


def test_decimals_read_from_strings_and_numbers() -> None:
    """Amounts read exactly from JSON strings and JSON numbers alike."""
    assert loads('{"amount": "0.10", "currency": "EUR"}', g.Money).amount == Decimal("0.10")
    assert loads('{"amount": 0.1, "currency": "EUR"}', g.Money).amount == Decimal("0.1")
    assert loads('{"amount": 12, "currency": "EUR"}', g.Money).amount == Decimal(12)
    assert from_dict({"amount": 1.5, "currency": "EUR"}, g.Money).amount == Decimal("1.5")


def test_bare_values_and_explicit_classes() -> None:
    """from_dict(data, cls) reads a bare value; a record's type must match the class."""
    assert from_dict({"name": "Kursk", "kind": "city"}, g.Place).name == "Kursk"
    assert from_dict({"id": "kbs", "name": "KBS", "kind": "media"}, g.Actor).id == "kbs"
    with pytest.raises(ValidationError, match="type: 'source' is not 'actor'"):
        from_dict({"type": "source", "id": "kbs", "name": "KBS", "kind": "media"}, g.Actor)


def _problems(data: Any, cls: type[Any] | None = None) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        from_dict(data, cls)
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    """One bad record gives every problem, each at its exact path."""
    data = json.loads(CONTRACT_EXAMPLE)
    data["value"] = {"amount": "-5", "currency": "usd"}
    data["items"].append({"name": "mines", "category": "nukes", "extra": 1})
    data["stage"] = 3
    data["colour"] = "red"
    del data["recipient"]
    assert _problems(data) == [
        "recipient: required field missing",
        "value.amount: must be >= 0, not -5",
        "value.currency: 'usd' is not an ISO 4217 currency code (did you mean 'USD'?)",
        "stage: 3 is not one of: announced, committed, allocated, delivered",
        "items[1].category: 'nukes' is not one of: air_defense, artillery, munitions, missiles, "
        "armored_vehicles, anti_tank, aircraft, drones, naval, small_arms, equipment, training, "
        "funds, humanitarian, other",
        "items[1].extra: unknown field",
        "colour: unknown field",
    ]


def test_nested_type_errors() -> None:
    """Wrong JSON types are named at their path, not coerced."""
    assert _problems({"type": "actor", "id": 7, "name": ["x"], "kind": "person"}) == [
        "id: expected a string, got int 7",
        "name: expected a string, got list ['x']",
    ]
    assert _problems({"type": "statement", "id": "s", "speaker": "z", "text": "t",
                      "evidence": [{"source": "a", "start": "3"}, 5]}) == [
        "evidence[0].start: expected an integer, got str '3'",
        "evidence[1]: expected an object, got int 5",
    ]  # fmt: skip
    assert _problems({"type": "actor", "id": "a", "name": "A", "kind": "person",
                      "aliases": {"name": "x"}}) == [
        "aliases: expected a list, got dict {'name': 'x'}"
    ]  # fmt: skip
    assert _problems({"amount": True, "currency": "USD"}, g.Money) == [
        "amount: expected a decimal number (string or number), got bool True"
    ]


def test_cross_field_rules_on_read() -> None:
    """Rules that tie fields together are enforced when reading too."""
    assert _problems({"value": "5", "low": "6"}, g.Quantity) == ["low: 6 is above the value 5"]
    assert _problems(
        {"name": "Kursk", "kind": "city", "country": "UA", "subdivision": "RU-KRS"}, g.Place
    ) == ["subdivision: 'RU-KRS' is a subdivision of 'RU', not of 'UA'"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], ": expected an object, got list"),
        ({}, "type: required field missing; one of: actor, source, statement, deployment, "
             "aid_package, event"),
        ({"type": "tweet"}, "type: 'tweet' is not one of: actor, source, statement, "
                            "deployment, aid_package, event"),
        ({"type": ["actor"]}, "type: ['actor'] is not one of: actor, source, statement, "
                              "deployment, aid_package, event"),
    ],
)  # fmt: skip
def test_type_tag_problems(data: Any, problem: str) -> None:
    """The type tag picks the class; a missing or unknown one is named."""
    assert _problems(data) == [problem]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"\xff{}", "invalid UTF-8 at byte 0"),
        ('{"type": NaN}', "NaN is not valid JSON"),
        ('{"type": "actor", "type": "actor"}', "duplicate key 'type'"),
        ("[" * 100_000, "nested too deeply"),
        ('{"a": 1', "invalid JSON"),
        ("1" * 5000, r"integer too long \(5000 digits\)"),
    ],
)
def test_bad_json_is_a_validation_error(text: str | bytes, message: str) -> None:
    """Anything that is not strict JSON is a ValidationError, never another exception."""
    with pytest.raises(ValidationError, match=message):
        loads(text)


def test_oversized_input_is_refused_unread() -> None:
    """Input past MAX_RECORD_BYTES is refused before parsing."""
    from geostmt.wire import MAX_RECORD_BYTES

    with pytest.raises(ValidationError, match="larger than"):
        loads(b" " * (MAX_RECORD_BYTES + 1))


@given(gs.records())
def test_records_round_trip_through_dicts_and_json(record: g.Record) -> None:
    """Every record survives to_dict/from_dict and dumps/loads unchanged."""
    assert from_dict(to_dict(record)) == record
    assert loads(dumps(record)) == record
    assert loads(dumps(record).encode()) == record


@given(gs.quantities())
def test_quantities_round_trip(quantity: g.Quantity) -> None:
    """Quantities survive the wire as bare values."""
    assert from_dict(to_dict(quantity), g.Quantity) == quantity


@given(gs.money())
def test_money_round_trips(money: g.Money) -> None:
    """Money survives the wire exactly."""
    assert loads(dumps(money), g.Money) == money


@given(gs.places())
def test_places_round_trip(place: g.Place) -> None:
    """Places survive the wire."""
    assert from_dict(to_dict(place), g.Place) == place


def test_converters_are_independent() -> None:
    """make_converter() gives a fresh converter; the global cattrs converter is untouched."""
    import cattrs

    converter = g.make_converter()
    assert converter is not g.make_converter()
    assert to_dict(PACKAGE, converter=converter) == to_dict(PACKAGE)
    assert cattrs.global_converter.unstructure(Decimal(1)) == Decimal(1)


def test_to_dict_gives_plain_json_types() -> None:
    """to_dict holds only plain str, list and dict values: enums become their strings."""
    data = to_dict(loads(CONTRACT_EXAMPLE))
    assert type(data["aid_type"]) is str
    assert type(data["items"]) is list
    assert type(data["value"]["amount"]) is str
