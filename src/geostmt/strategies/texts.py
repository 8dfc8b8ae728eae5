"""Text strategies with known answers: ``(text, value)`` pairs the normalisers must read."""

from __future__ import annotations

import functools
from collections.abc import Collection
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from geostmt.model import Qualifier
from geostmt.model.values import Money, Place, Quantity
from geostmt.strategies.values import decimals, money, single_qualifiers

__all__ = ["TEXT_LOCALES", "money_texts", "place_texts", "quantity_texts"]

TEXT_LOCALES = ("en", "de", "fr", "es", "ru", "uk")
"""The locales the text strategies write in (those whose words the normalisers know)."""
_NOUNS = {
    "en": ["soldiers", "tanks", "drones", "refugees"],
    "de": ["Soldaten", "Panzer", "Drohnen"],
    "fr": ["soldats", "chars", "drones"],
    "es": ["soldados", "tanques", "drones"],
    "ru": ["солдат", "танков"],
    "uk": ["солдатів", "танків"],
}
_UNIT_WORDS = {"percent": "%", "kilometer": "km", "metric_ton": "tonnes"}


def _check_locale(locale: str) -> None:
    if locale not in TEXT_LOCALES:
        raise ValueError(f"locale= must be one of {', '.join(TEXT_LOCALES)}, not {locale!r}")


def money_texts(
    *, locale: str = "en", currencies: Collection[str] | None = None
) -> st.SearchStrategy[tuple[str, Money]]:
    """``(text, Money)`` pairs: the amount as ``locale`` writes it, and the value it means.

    ``parse_money(text, locale=locale)`` must give the value. Shrinks towards 0 of the first
    currency, written exactly.
    """
    _check_locale(locale)
    return money(currencies=currencies).map(lambda m: (m.format(locale=locale), m))


@st.composite
def _quantity_text(draw: Any, locale: str) -> tuple[str, Quantity]:
    from babel.numbers import format_decimal

    from geostmt.model.qualifier_words import written_qualifier
    from geostmt.normalise.quantities import RANGES

    def number(value: Decimal) -> str:
        text: str = format_decimal(value, locale=locale, decimal_quantization=False)
        return text

    unit = draw(st.sampled_from([None, *_UNIT_WORDS]))
    word = "" if unit is None else _UNIT_WORDS[unit]
    of = draw(st.sampled_from(_NOUNS[locale])) if unit is None else None
    tail = f" {word}" if word else ""
    tail += f" {of}" if of else ""
    value = draw(decimals(max_value=10**9))
    if draw(st.booleans()):
        high = value + draw(decimals(max_value=10**9))
        between, conjunction = RANGES[locale]
        text = f"{between} {number(value)} {conjunction} {number(high)}{tail}"
        quantity = Quantity(low=value, high=high, qualifier=Qualifier.RANGE, unit=unit, of=of)
        return text, quantity
    qualifier = draw(single_qualifiers())
    prefix = "" if qualifier is Qualifier.EXACT else written_qualifier(locale, qualifier) + " "
    text = f"{prefix}{number(value)}{tail}"
    return text, Quantity(value=value, qualifier=qualifier, unit=unit, of=of)


def quantity_texts(*, locale: str = "en") -> st.SearchStrategy[tuple[str, Quantity]]:
    """``(text, Quantity)`` pairs: "about 1,234.5 km", "zwischen 3 und 7 Soldaten"...

    Numbers are written with ``locale``'s separators (babel), qualifiers and ranges in its
    words. ``parse_quantity(text, locale=locale)`` must give the value. Shrinks towards an
    exact count of 0.
    """
    _check_locale(locale)
    return _quantity_text(locale)


@functools.lru_cache(maxsize=1)
def _place_pairs() -> tuple[tuple[str, Place], ...]:
    from babel import Locale

    from geostmt.normalise.places import city_place, country_place
    from geostmt.reference.places import City, fold, place_tables

    tables = place_tables()
    pairs: list[tuple[str, Place]] = []
    for language in TEXT_LOCALES:
        for code, name in Locale.parse(language).territories.items():
            if tables.countries.get(fold(name)) == code:
                pairs.append((name, country_place(code)))
    by_name: dict[str, list[City]] = {}
    for city in tables.gazetteer.capitals():
        by_name.setdefault(fold(city.name), []).append(city)
    for key, capitals in by_name.items():
        # by the rules, a capital named like a country ("Djibouti") reads as the country, one
        # starting with "the" loses it, and of two capitals of one name the larger wins
        if not capitals or key in tables.countries or key in tables.demonyms:
            continue
        if key.startswith("the "):
            continue
        city = max(capitals, key=lambda c: c.population)
        pairs.append((city.name, city_place(city)))
    return tuple(sorted(set(pairs), key=lambda pair: pair[0]))


def place_texts() -> st.SearchStrategy[tuple[str, Place]]:
    """``(text, Place)`` pairs: a country's name in a supported language, or a capital city.

    ``parse_place(text)`` must give the place. Shrinks towards the first name in sorted order.
    """
    return st.deferred(lambda: st.sampled_from(_place_pairs()))
