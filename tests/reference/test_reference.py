"""Tests for the ISO reference tables."""

from __future__ import annotations

import pytest

from geostmt import reference


def test_countries() -> None:
    """ISO 3166-1 lookups by alpha-2, alpha-3 and numeric code."""
    north_korea = reference.country("KP")
    assert north_korea.alpha_3 == "PRK"
    assert north_korea.numeric == "408"
    assert reference.country("UKR").alpha_2 == "UA"
    assert reference.country("410").alpha_2 == "KR"
    assert reference.is_country("RU")
    assert not reference.is_country("ru")
    assert not reference.is_country("XX")
    assert len(reference.countries()) == 250  # the 249 of ISO 3166-1, and XK
    assert reference.is_country("XK")
    assert reference.country("XKX").name == "Kosovo"
    with pytest.raises(KeyError):
        reference.country("ZZZ")


def test_subdivisions() -> None:
    """ISO 3166-2 subdivisions know their country."""
    kursk = reference.subdivision("RU-KRS")
    assert kursk.country == "RU"
    assert kursk.type == "Administrative region"
    assert reference.subdivision("UA-14").country == "UA"  # Donetsk Oblast
    assert reference.is_subdivision("KR-11")  # Seoul
    assert not reference.is_subdivision("RU-XXX")
    assert len(reference.subdivisions()) > 5000


def test_currencies() -> None:
    """ISO 4217 codes come from CLDR."""
    for code in ("USD", "EUR", "UAH", "KRW", "KPW", "RUB"):
        assert reference.is_currency(code)
    assert not reference.is_currency("usd")
    assert not reference.is_currency("XYZ")
    assert "EUR" in reference.currencies()


def test_units() -> None:
    """Units are spelled as pint spells them."""
    from geostmt.reference.units import canonical_unit

    assert canonical_unit("km") == "kilometer"
    assert canonical_unit("sq km") == "kilometer ** 2"
    assert canonical_unit("%") == "percent"
    assert canonical_unit("tonne") == "metric_ton"
    with pytest.raises(ValueError, match="'soldier' is not a unit pint knows"):
        canonical_unit("soldier")
