"""The rules that choose among the places one name may mean, on hand-made candidates."""

from __future__ import annotations

import pytest

from geostmt import ParseError
from geostmt.normalise.place_choice import MAX_ALTERNATIVES, Candidates, choose
from geostmt.reference.gazetteer import City


def _city(
    geonames_id: int, population: int, *, capital: bool = False, subdivision: str = "AA-1"
) -> City:
    return City(
        f"Town {geonames_id}", "AA", subdivision, 1.0, 2.0, population, capital, geonames_id
    )


def test_nothing_is_no_choice() -> None:
    """Empty candidates choose nothing."""
    assert choose(Candidates(None, (), ()), {}, "x") is None


def test_a_capital_under_its_main_name_first() -> None:
    """A capital under its main name beats a larger capital known by that name otherwise."""
    small, large = _city(1, 20_000, capital=True), _city(2, 7_000_000, capital=True)
    choice = choose(Candidates(None, (), (small, large), frozenset({1})), {}, "Victoria")
    assert choice is not None
    assert choice.value == small
    only_other = choose(Candidates(None, (), (small, large), frozenset()), {}, "Victoria")
    assert only_other is not None
    assert only_other.value == large


def test_a_capital_under_another_name_beats_a_larger_city() -> None:
    """A capital known by the name only as an alternate still beats a larger plain city."""
    capital, big = _city(1, 50_000, capital=True), _city(2, 900_000)
    choice = choose(Candidates(None, (), (capital, big), frozenset({2})), {}, "x")
    assert choice is not None
    assert (choice.kind, choice.value) == ("city", capital)


def test_region_namesake_subdivision_city_in_that_order() -> None:
    """A region beats a namesake city, which beats its subdivision, which beats other cities.
    The namesake is a city the subdivision is named after: its main name is a name of the
    subdivision (UA-63 has "Kharkiv" among its names; it is not named after a "Town 3")."""
    inside = City("Kharkiv", "UA", "UA-63", 50.0, 36.2, 1_000, False, 1)
    outside = _city(2, 900_000, subdivision="BB-2")
    region = choose(Candidates(("UA", "Strip"), ("UA-63",), (inside, outside)), {}, "x")
    assert region is not None
    assert (region.kind, region.value) == ("region", ("UA", "Strip"))
    namesake = choose(Candidates(None, ("UA-63",), (inside, outside)), {"UA-63": None}, "x")
    assert namesake is not None
    assert (namesake.kind, namesake.value) == ("city", inside)
    subdivision = choose(Candidates(None, ("UA-63",), (outside,)), {"UA-63": None}, "x")
    assert subdivision is not None
    assert (subdivision.kind, subdivision.value) == ("subdivision", "UA-63")
    other = _city(3, 5_000, subdivision="UA-63")  # in it, but not what it is named after
    unnamed = choose(Candidates(None, ("UA-63",), (other,)), {"UA-63": None}, "x")
    assert unnamed is not None
    assert (unnamed.kind, unnamed.value) == ("subdivision", "UA-63")


def test_top_level_subdivision_and_ambiguity() -> None:
    """A top-level subdivision beats its children; two countries' subdivisions need country=."""
    parents = {"AA-1": None, "AA-1X": "AA-1", "BB-2": None}
    choice = choose(Candidates(None, ("AA-1X", "AA-1"), ()), parents, "x")
    assert choice is not None
    assert choice.value == "AA-1"
    children = choose(Candidates(None, ("AA-ZZ", "AA-1X"), ()), {"AA-ZZ": "A", "AA-1X": "A"}, "x")
    assert children is not None
    assert children.value == "AA-1X"  # of children alone: the shorter, then the first code
    with pytest.raises(ParseError, match=r"^ambiguous: one of AA-1, BB-2; pass country="):
        choose(Candidates(None, ("AA-1", "BB-2"), ()), parents, "Punjab")


def test_population_then_capital_then_lower_id() -> None:
    """The most populous city; a tie goes to a capital, then to the lower GeoNames id."""
    cities = (_city(5, 100), _city(3, 100), _city(9, 50))
    choice = choose(Candidates(None, (), cities), {}, "x")
    assert choice is not None
    assert choice.value == cities[1]


def test_alternatives_are_the_close_ones() -> None:
    """Cities of at least a tenth of the largest one's population, and every other subdivision."""
    big, tenth, less = _city(1, 1_000), _city(2, 100), _city(3, 99)
    choice = choose(Candidates(None, ("BB-2",), (big, tenth, less)), {"BB-2": None}, "x")
    assert choice is not None
    assert choice.value == "BB-2"  # no city lies in BB-2: the subdivision, the close cities beside
    assert choice.alternatives == (("city", big), ("city", tenth))
    cities = choose(Candidates(None, (), (big, tenth, less)), {}, "x")
    assert cities is not None
    assert cities.alternatives == (("city", tenth),)
    region = choose(Candidates(("AA", "Strip"), ("AA-1",), (big,)), {"AA-1": None}, "x")
    assert region is not None
    assert region.alternatives == (("subdivision", "AA-1"), ("city", big))


def test_alternatives_are_capped() -> None:
    """At most MAX_ALTERNATIVES alternatives, largest first."""
    cities = tuple(_city(index, 1_000 - index) for index in range(1, 10))
    choice = choose(Candidates(None, (), cities), {}, "x")
    assert choice is not None
    assert choice.alternatives == tuple(("city", c) for c in cities[1 : 1 + MAX_ALTERNATIVES])
    assert len(choice.alternatives) == 5  # as docs/places.md promises
