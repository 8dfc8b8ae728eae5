"""Tests for geostmt.strategies: valid by construction, options honoured, from_type registered."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from geostmt import strategies as gs
from tests.conftest import python_output


@given(gs.datasets())
def test_datasets_resolve(dataset: g.Dataset) -> None:
    """Every generated dataset is valid: rebuilding it re-checks ids and references."""
    rebuilt = g.Dataset(list(dataset))
    assert len(rebuilt) == len(dataset) >= 1
    assert dataset.actors


@given(gs.places(countries=["RU", "UA"]))
def test_places_honour_countries(place: g.Place) -> None:
    """Places lie in the countries asked for, each subdivision within its country."""
    assert place.country in {"RU", "UA"}
    if place.subdivision is not None:
        assert place.subdivision.startswith(place.country + "-")


@given(gs.money(currencies=["USD", "UAH"]))
def test_money_honours_currencies(money: g.Money) -> None:
    """Money comes in the currencies asked for."""
    assert money.currency in {"USD", "UAH"}


@given(gs.aid_packages(max_items=1))
def test_aid_packages_honour_max_items(package: g.AidPackage) -> None:
    """max_items bounds the item lists."""
    assert len(package.items) <= 1
    assert len(package.excluded) <= 1


@given(gs.actors(kinds=["person"], countries=["UA"]))
def test_actors_honour_kinds_and_countries(actor: g.Actor) -> None:
    """actors(kinds=, countries=) are honoured."""
    assert actor.kind is g.ActorKind.PERSON
    assert actor.country in (None, "UA")


@given(gs.records(kinds=["deployment"]))
def test_records_honour_kinds(record: g.Record) -> None:
    """records(kinds=) gives only those types."""
    assert isinstance(record, g.Deployment)


@given(gs.quantities(units=["percent"]))
def test_quantities_bounds(quantity: g.Quantity) -> None:
    """Bounds are drawn around the value, so low <= value <= high always holds."""
    assert quantity.unit == "percent"
    if quantity.low is not None and quantity.high is not None:
        assert quantity.low <= quantity.high


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: gs.money(currencies=["XYZ"]), "unknown: \\['XYZ'\\]"),
        (lambda: gs.money(currencies="USD"), "not the string"),
        (lambda: gs.places(countries=[]), "none given"),
        (lambda: gs.actors(kinds=["alien"]), "unknown"),
        (lambda: gs.records(kinds=["tweet"]), "unknown"),
        (lambda: gs.aid_packages(max_items=-1), "max_items= must be an integer >= 0"),
        (lambda: gs.quantities(units=[]), "at least one unit"),
    ],
)
def test_bad_arguments_fail_up_front(make: object, message: str) -> None:
    """Bad options raise at once, not when drawing."""
    with pytest.raises((ValueError, TypeError), match=message):
        make()  # type: ignore[operator]


def test_from_type_is_registered_through_the_entry_point() -> None:
    """st.from_type works in a fresh process, registered by hypothesis' entry point."""
    code = (
        "from hypothesis import strategies as st; import geostmt as g; "
        "print(type(st.from_type(g.Statement).example()).__name__, "
        "type(st.from_type(g.Money).example()).__name__)"
    )
    assert python_output(code).split() == ["Statement", "Money"]


@given(st.from_type(g.AidPackage))
def test_from_type_round_trips(package: g.AidPackage) -> None:
    """Registered strategies give valid records that survive the wire."""
    assert g.loads(g.dumps(package)) == package


@pytest.mark.parametrize("locale", gs.TEXT_LOCALES)
@given(data=st.data())
def test_money_texts_parse_to_their_values(locale: str, data: st.DataObject) -> None:
    """Every generated money text parses back to its value."""
    text, money = data.draw(gs.money_texts(locale=locale))
    assert g.parse_money(text, locale=locale) == money


@pytest.mark.parametrize("locale", gs.TEXT_LOCALES)
@given(data=st.data())
def test_quantity_texts_parse_to_their_values(locale: str, data: st.DataObject) -> None:
    """Every generated quantity text parses back to its value, in each locale's words."""
    text, quantity = data.draw(gs.quantity_texts(locale=locale))
    assert g.parse_quantity(text, locale=locale) == quantity


@given(gs.place_texts())
def test_place_texts_parse_to_their_places(pair: tuple[str, g.Place]) -> None:
    """Every generated place name parses to its place."""
    text, place = pair
    assert g.parse_place(text) == place


def test_text_strategies_check_the_locale() -> None:
    """An unsupported locale fails up front."""
    with pytest.raises(ValueError, match="locale= must be one of"):
        gs.money_texts(locale="xx")
    with pytest.raises(ValueError, match="locale= must be one of"):
        gs.quantity_texts(locale="ja")


def test_importing_strategies_first_works() -> None:
    """geostmt.strategies imported before hypothesis does not go round in a circle."""
    code = (
        "from geostmt import strategies as gs; from hypothesis import strategies as st; "
        "import geostmt as g; print(type(st.from_type(g.Place).example()).__name__)"
    )
    assert python_output(code) == "Place"


def test_every_place_text_parses() -> None:
    """Not only a sample: every name place_texts() can draw parses to its place."""
    from geostmt.strategies.texts import _place_pairs

    pairs = _place_pairs()
    assert len(pairs) > 1000
    assert [text for text, place in pairs if g.parse_place(text) != place] == []
