"""Tests that kill the mutants scripts/mutation_check.py found alive in the model's rules.

Each test pins one behaviour of a field rule (:mod:`geostmt.model.rules`), a rule across fields
(:mod:`geostmt.model.class_rules`), a field factory (:mod:`geostmt.model.fields`) or
``describe`` (:mod:`geostmt.model.spec`) with concrete values and whole messages, so that a
flipped comparison, a dropped ``raise`` or a changed message is noticed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

import geostmt as g
from geostmt.model import describe
from geostmt.model import rules as r
from geostmt.wire import schema_leniencies
from tests.decoding import VIAS, route


def _message(build: Callable[[], object]) -> str:
    with pytest.raises(g.ValidationError) as caught:
        build()
    return str(caught.value)


# --- geostmt.model.rules -------------------------------------------------------------------

WHOLE_MESSAGES: list[tuple[Callable[[], object], str]] = [
    (lambda: g.Actor(id="a", name=5, kind="state"), "name: expected a string, got int 5"),
    (lambda: g.Actor(id="a", name=" ", kind="state"), "name: must not be blank"),
    (
        lambda: g.Actor(id="a", name="\ud800", kind="state"),
        "name: contains a lone surrogate, which UTF-8 cannot hold",
    ),
    (
        lambda: g.Actor(id="a b", name="x", kind="state"),
        "id: 'a b' is not an id: 1 to 200 characters of letters, digits and . _ : - starting "
        "with a letter or digit",
    ),
    (lambda: g.Alias(name="x", lang=5), "lang: expected a language tag string, got int 5"),
    (
        lambda: g.Alias(name="x", lang="english!"),
        "lang: 'english!' is not a BCP 47 language tag such as 'en', 'uk', 'zh-Hant-TW' or "
        "'x-private' (did you mean 'en'?)",
    ),
    (
        lambda: g.Actor(id="a", name="x", kind="state", country=5),
        "country: expected an ISO 3166-1 alpha-2 code, got int 5",
    ),
    (
        lambda: g.Place(name="x", kind="city", subdivision=5),
        "subdivision: expected an ISO 3166-2 code, got int 5",
    ),
    (
        lambda: g.Place(name="x", kind="city", subdivision="RU-XX"),
        "subdivision: 'RU-XX' is not an ISO 3166-2 subdivision code",
    ),
    (lambda: g.Quantity(value=1, unit=5), "unit: expected a unit name, got int 5"),
    (
        lambda: g.Quantity(value=1, unit="km"),
        "unit: 'km' is not pint's canonical spelling; write 'kilometer'",
    ),
    (
        lambda: g.Actor(id="a", name="x", kind="nation"),
        "kind: 'nation' is not one of: person, state, government, military, armed_group, "
        "organization, media, company, other",
    ),
    (
        lambda: g.Money(amount="lots", currency="USD"),
        "amount: expected a decimal number (string or number), got str 'lots'",
    ),
    (
        lambda: g.Money(amount=[1], currency="USD"),
        "amount: expected a decimal number (string or number), got list [1]",
    ),
    (
        lambda: g.Money(amount=Decimal("NaN"), currency="USD"),
        "amount: must be a finite number, not NaN",
    ),
    (
        lambda: g.from_dict({"amount": "1e9999999999999999999", "currency": "USD"}, g.Money),
        "amount: '1e9999999999999999999' is too large",
    ),
    (
        lambda: g.Place(name="x", kind="city", lat="1", lon=1.0),
        "lat: expected a number, got str '1'",
    ),
    (
        lambda: g.Place(name="x", kind="city", lat=91.0, lon=1.0),
        "lat: must be between -90 and 90, not 91.0",
    ),
    (
        lambda: g.Place(name="x", kind="city", lat=10**400, lon=0.0),
        "lat: expected a number, got int <an integer of about 401 digits>",
    ),
    (
        lambda: g.Statement(id="s", speaker="z", text="t", date="31/10/2024"),
        "date: '31/10/2024' is not a date like 2024-10-31, 2024-10, 2024 or 2024-10-31T04:30+02:00",
    ),
    (
        lambda: g.Actor(id="a", name="A", kind="state", identifiers=["x"]),
        "identifiers: expected an object of strings, got list",
    ),
    (
        lambda: g.Actor(id="a", name="A", kind="state", identifiers={" ": "x"}),
        "identifiers: key ' ' must be a non-blank string",
    ),
    (
        lambda: g.Actor(id="a", name="A", kind="state", identifiers={"w": 5}),
        "identifiers.w: expected a non-blank string, got 5",
    ),
]

ACTOR = {"type": "actor", "id": "a", "name": "A", "kind": "state"}
PLACE = {"name": "x", "kind": "city"}
STATEMENT = {"type": "statement", "id": "s", "speaker": "z", "text": "t"}

READ_MESSAGES: list[tuple[dict[str, Any], type[Any] | None, str]] = [
    ({**PLACE, "lat": "1", "lon": 1.0}, g.Place, "lat: expected a number, got str '1'"),
    (
        {**STATEMENT, "date": 20241031},
        None,
        "date: expected a date string like 2024-10-31, got int 20241031",
    ),
    ({**ACTOR, "identifiers": ["x"]}, None, "identifiers: expected an object, got list ['x']"),
    # valid values of each JSON type beside one bad field: only the bad field is reported
    (
        {**PLACE, "lat": 1.5, "lon": 2, "country": "zz"},
        g.Place,
        "country: 'zz' is not an ISO 3166-1 alpha-2 code",
    ),
    (
        {**PLACE, "lat": Decimal("1.5"), "lon": 2.0, "country": "zz"},
        g.Place,
        "country: 'zz' is not an ISO 3166-1 alpha-2 code",
    ),
    (
        {**ACTOR, "identifiers": {"w": "1"}, "country": "zz"},
        None,
        "country: 'zz' is not an ISO 3166-1 alpha-2 code",
    ),
]


ON_THE_WIRE: dict[str, str] = {
    # values of the wrong JSON type are described by the JSON reader (Rule.from_json)
    "lang: expected a language tag string, got int 5": "lang: expected a string, got int 5",
    "country: expected an ISO 3166-1 alpha-2 code, got int 5": (
        "country: expected a string, got int 5"
    ),
    "subdivision: expected an ISO 3166-2 code, got int 5": (
        "subdivision: expected a string, got int 5"
    ),
    "unit: expected a unit name, got int 5": "unit: expected a string, got int 5",
    "amount: expected a decimal number (string or number), got str 'lots'": (
        "amount: 'lots' is not a decimal number like \"425000000\""
    ),
    "identifiers: expected an object of strings, got list": (
        "identifiers: expected an object, got list ['x']"
    ),
}
"""The message of the same values read from JSON, where it differs from the constructor's."""


@pytest.fixture(params=VIAS)
def via(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each table runs against the constructors and against the generated decoders (whose
    inline checks must refuse all that the validators refuse)."""
    route(monkeypatch, sys.modules[__name__], request.param)
    return str(request.param)


@pytest.mark.parametrize(("data", "cls", "message"), READ_MESSAGES)
def test_read_messages(data: dict[str, Any], cls: type[Any] | None, message: str, via: str) -> None:
    """The strict JSON readers refuse exactly what they should, with exactly this message."""
    assert _message(lambda: g.from_dict(data, cls)) == message


@pytest.mark.parametrize(("build", "message"), WHOLE_MESSAGES)
def test_whole_messages(build: Callable[[], object], message: str, via: str) -> None:
    """Each field rule refuses with exactly this message, path included."""
    if via == "decoder":
        message = ON_THE_WIRE.get(message, message)
    assert _message(build) == message


def test_noun_prefers_the_class_noun() -> None:
    """A class's NOUN names it in messages; otherwise "a"/"an" and its spaced name."""
    assert r.noun(g.Money) == "money"
    assert r.noun(g.Item) == "an item"
    assert r.noun(g.AidPackage) == "an aid package"
    assert _message(lambda: r.Nested(g.Money).check("x")) == "expected money, got str 'x'"


def test_to_text_passes_non_strings_through() -> None:
    """to_text leaves what is not a str alone, for the check to report."""
    marker = object()
    assert r.to_text(marker) is marker
    assert r.to_text(5) == 5


def test_base_rule_keeps_values() -> None:
    """The base Rule converts and reads a value as it is."""
    marker = object()
    assert r.Rule().convert(marker) is marker
    assert r.Rule().from_json(marker) is marker
    assert r.Nested(g.Money).convert(marker) is marker


def test_reprs() -> None:
    """Each rule says itself in its repr."""
    assert repr(r.Text()) == "Text()"
    assert repr(r.Ref("actor")) == "Ref('actor')"
    assert repr(r.Vocabulary(lambda: ["a"], "a letter")) == "Vocabulary('a letter')"
    assert repr(r.Choice(g.ActorKind)) == "Choice(ActorKind)"
    assert repr(r.DecimalNumber(ge=0)) == "DecimalNumber(ge=0)"
    assert repr(r.Integer(ge=1)) == "Integer(ge=1)"
    assert repr(r.Number(ge=-1.0, le=1.0)) == "Number(ge=-1.0, le=1.0)"
    assert repr(r.Nested(g.Money)) == "Nested(Money)"


def test_exactly_these_leniencies() -> None:
    """Only the rules that say so are more lenient in the schema: every other rule is exact."""
    assert [where for where, _ in schema_leniencies()] == [
        "AidPackage.announced",
        "Deployment.start",
        "Event.date",
        "Evidence: start <= end",
        "Period.end",
        "Period.start",
        "Period: end not before start",
        "Place.subdivision",
        "Place: controlled_by differs from country",
        "Place: subdivision belongs to country",
        "Quantity.unit",
        "Quantity: low <= high",
        "Quantity: low <= value",
        "Quantity: value <= high",
        "Role.end",
        "Role.start",
        "Role: end not before start",
        "Source.published",
        "Statement.date",
    ]


def test_ref_takes_only_a_record_for_its_id() -> None:
    """An object with a str id that is not an attrs record is kept, and refused by the check."""
    stranger = SimpleNamespace(id="a")
    assert r.Ref("actor").convert(stranger) is stranger
    assert r.Ref("actor").convert(g.Actor(id="a", name="A", kind="state")) == "a"


def test_decimal_conversions() -> None:
    """An int converts through Decimal, a string through Decimal after stripping; a float is
    kept as it is, for the check to refuse with the Decimal to write."""
    assert g.Money(amount=11, currency="USD").amount == Decimal("11")
    assert r.DecimalNumber().convert(" 0.1 ") == Decimal("0.1")
    assert type(r.DecimalNumber().convert(0.1)) is float
    assert _message(lambda: g.Money(amount=1.1, currency="USD")) == (
        "amount: got the float 1.1: binary floats are not exact and are never made decimal "
        "silently; pass Decimal('1.1') (or an int or a string)"
    )


def test_integer_defaults_to_non_negative() -> None:
    """Integer() allows 0 and refuses -1; its schema says minimum 0."""
    r.Integer().check(0)
    assert _message(lambda: r.Integer().check(-1)) == "must be >= 0, not -1"
    assert r.Integer().json_schema() == {"type": "integer", "minimum": 0}


# --- geostmt.model.class_rules -------------------------------------------------------------


def test_class_rule_labels_and_reprs() -> None:
    """Each rule across fields states itself over its fields, in its label and its repr."""
    labels = {repr(rule): rule.label for cls in (g.Quantity, g.PloverCoding, g.Event)
              for rule in describe(cls).rules}  # fmt: skip
    assert labels == {
        "AnyOf('value', 'low', 'high')": "anyof(value, low, high)",
        "Ordered('low', 'value')": "low <= value",
        "Ordered('value', 'high')": "value <= high",
        "Ordered('low', 'high')": "low <= high",
        "Requires('qualifier', 'low', 'high')": "requires(qualifier, low, high)",
        "Belongs('mode', 'category')": "mode belongs to category",
        "AnyOf('cameo', 'plover', 'acled')": "anyof(cameo, plover, acled)",
        "CountOnly('fatalities',)": "fatalities is a count",
    }


def test_a_subdivision_needs_its_country() -> None:
    """A subdivision without a country names the country it needs."""
    assert _message(lambda: g.Place(name="x", kind="city", subdivision="RU-KRS")) == (
        "subdivision: subdivision 'RU-KRS' needs country 'RU' to be set"
    )


def test_belongs_lists_what_is_allowed() -> None:
    """A child outside its parent's list is told the list, or "none" when it is empty."""
    assert _message(lambda: g.PloverCoding(category="assault", mode="arrest")) == (
        "mode: 'arrest' is not a PLOVER mode of 'assault' (allowed: 'abduct', 'beat', "
        "'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives', "
        "'suicide-attack', 'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional')"
    )
    assert _message(lambda: g.PloverCoding(category="agree", mode="arrest")) == (
        "mode: 'arrest' is not a PLOVER mode of 'agree' (allowed: none)"
    )


# --- geostmt.model.spec ----------------------------------------------------------------------


def test_describe_names_the_class_it_refuses() -> None:
    """describe() of a class without field rules says which class, in a whole message."""
    with pytest.raises(TypeError) as caught:
        describe(int)
    assert str(caught.value) == "<class 'int'> is not a geostmt class described by field rules"
