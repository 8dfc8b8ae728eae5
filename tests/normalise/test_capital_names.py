"""A country's name in another language that is its capital's own name names the capital."""

from __future__ import annotations

import pytest

from geostmt import find_places, parse_place


def test_tunis_is_the_city() -> None:
    """ "Tunis" is Tunisia in Croatian and Serbian (CLDR), and the capital in English."""
    place = parse_place("Tunis")
    assert (place.kind.value, place.name, place.country) == ("city", "Tunis", "TN")
    assert [(m.text, m.place.kind.value) for m in find_places("Protests in Tunis.")] == [
        ("Tunis", "city")
    ]


@pytest.mark.parametrize(
    "name", ["Tunisia", "Tunisie", "Tunesien", "Kuwait", "Djibouti", "Singapore", "Mexico"]
)
def test_country_names_stay_countries(name: str) -> None:
    """Where the capital's name is also an English name of the country (Kuwait, Djibouti,
    Singapore), or the name is only the country's, the country is meant."""
    assert parse_place(name).kind.value == "country"
