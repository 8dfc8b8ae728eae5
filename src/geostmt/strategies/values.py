"""Strategies for the value types: ids, text, dates, quantities, money and places."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from geostmt.model import AcledCoding, PartialDate, Period, PlaceKind, PloverCoding, Qualifier
from geostmt.model.rules import to_text
from geostmt.model.values import Money, Place, Quantity
from geostmt.reference import countries, currencies, subdivisions_of
from geostmt.strategies.options import check_codes, check_size

__all__ = [
    "UNITS",
    "acled_codings",
    "dates",
    "decimals",
    "ids",
    "money",
    "periods",
    "places",
    "plover_codings",
    "quantities",
    "single_qualifiers",
    "texts",
]

UNITS: tuple[str | None, ...] = (None, "percent", "kilometer", "kilometer ** 2", "metric_ton")
"""The units quantities are drawn in by default (None is a count)."""


def single_qualifiers() -> st.SearchStrategy[Qualifier]:
    """Qualifiers for a single number (a range needs low and high)."""
    return st.sampled_from([q for q in Qualifier if q is not Qualifier.RANGE])


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Record ids matching the id pattern; shrinks towards ``"0"``."""
    return st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,24}\Z")


@functools.cache
def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text as geostmt stores it (stripped, NFC); shrinks towards ``"0"``."""
    check_size("max_size", max_size)
    alphabet = st.characters(
        blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp", "M")
    )
    inner = st.text(alphabet | st.just(" "), max_size=max(0, max_size - 2))
    return st.builds(lambda a, mid, b: to_text(a + mid + b), alphabet, inner, alphabet)


@functools.cache
def dates() -> st.SearchStrategy[PartialDate]:
    """Partial dates at day, month or year precision; shrinks towards the year 2000."""
    day = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(PartialDate.from_date)
    month = st.builds(PartialDate, year=st.integers(1, 9999), month=st.integers(1, 12))
    year = st.builds(PartialDate, year=st.integers(1, 9999))
    return st.one_of(day, month, year)


def decimals(*, min_value: int = 0, max_value: int = 10**12) -> st.SearchStrategy[Decimal]:
    """Finite decimals with up to two places; shrinks towards ``min_value``."""
    return st.decimals(min_value=min_value, max_value=max_value, places=2, allow_nan=False)


@st.composite
def _quantity(draw: Any, units: Sequence[str | None]) -> Quantity:
    unit = draw(st.sampled_from(units))
    of = None if unit is not None else draw(st.none() | texts(max_size=30))
    value = draw(decimals())
    if draw(st.booleans()):
        return Quantity(value=value, qualifier=draw(single_qualifiers()), unit=unit, of=of)
    spread = draw(decimals())
    low, high = value, value + spread
    middle = draw(st.none() | st.just(low + (high - low) / 2))
    return Quantity(value=middle, low=low, high=high, qualifier=Qualifier.RANGE, unit=unit, of=of)


def quantities(*, units: Sequence[str | None] | None = None) -> st.SearchStrategy[Quantity]:
    """Quantities with a value, or a range whose bounds are drawn around the value.

    ``units`` limits the units (pint canonical spellings; None is a count). Shrinks towards an
    exact count of 0.
    """
    chosen = tuple(UNITS if units is None else units)
    if not chosen:
        raise ValueError("units= needs at least one unit (or None for counts)")
    return _quantity(chosen)


def money(*, currencies: Collection[str] | None = None) -> st.SearchStrategy[Money]:
    """Exact, non-negative amounts in ISO 4217 currencies; shrinks towards 0 of the first code."""
    codes = check_codes("currencies", currencies, _all_currencies())
    return st.builds(
        Money, amount=decimals(), currency=st.sampled_from(codes), qualifier=single_qualifiers()
    )


def _all_currencies() -> frozenset[str]:
    return currencies()


@st.composite
def _place(draw: Any, codes: Sequence[str]) -> Place:
    country = draw(st.sampled_from(codes))
    kind = draw(st.sampled_from(PlaceKind))
    own = subdivisions_of(country)
    subdivision = None
    if kind is PlaceKind.SUBDIVISION or (own and draw(st.booleans())):
        if not own:
            kind = PlaceKind.COUNTRY
        else:
            subdivision = draw(st.sampled_from(own))
    point = draw(st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180)))
    controller = draw(st.none() | st.sampled_from(codes))
    return Place(
        name=draw(texts(max_size=30)),
        kind=kind,
        country=country,
        subdivision=subdivision,
        lat=None if point is None else point[0],
        lon=None if point is None else point[1],
        controlled_by=None if controller == country else controller,
    )


def places(*, countries: Collection[str] | None = None) -> st.SearchStrategy[Place]:
    """Places in the given ISO 3166-1 ``countries``, each subdivision drawn from its country.

    Shrinks towards a place in the first country with no subdivision or coordinates.
    """
    return _place(check_codes("countries", countries, all_countries()))


def all_countries() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code geostmt accepts."""
    return frozenset(countries())


@st.composite
def _period(draw: Any) -> Period:
    start = draw(st.none() | dates())
    end = draw(dates() if start is None else st.none() | dates())
    if start is not None and end is not None and end.latest() < start.earliest():
        start, end = end, start
    return Period(start=start, end=end, text=draw(st.none() | texts()))


@st.composite
def _plover(draw: Any) -> PloverCoding:
    from geostmt.reference.plover import PLOVER_CONTEXTS, plover_categories

    category = draw(st.sampled_from(sorted(plover_categories())))
    modes = plover_categories()[category].modes
    mode = draw(st.none() | st.sampled_from(modes)) if modes else None
    contexts = draw(st.lists(st.sampled_from(sorted(PLOVER_CONTEXTS)), max_size=2, unique=True))
    return PloverCoding(category=category, mode=mode, contexts=contexts)


def plover_codings() -> st.SearchStrategy[PloverCoding]:
    """PLOVER codings whose mode is one its category allows; shrinks towards the first
    category with no mode or context."""
    return _plover()


@st.composite
def _acled(draw: Any) -> AcledCoding:
    from geostmt.reference.acled import ACLED_EVENT_TYPES, disorder_type_of

    event_type = draw(st.sampled_from(sorted(ACLED_EVENT_TYPES)))
    sub = draw(st.none() | st.sampled_from(ACLED_EVENT_TYPES[event_type]))
    disorder = None if sub is None else disorder_type_of(event_type, sub)
    return AcledCoding(event_type=event_type, sub_event_type=sub, disorder_type=disorder)


def acled_codings() -> st.SearchStrategy[AcledCoding]:
    """ACLED codings whose sub-event type belongs to the event type, with the disorder type
    ACLED gives it; shrinks towards the first event type alone."""
    return _acled()


def periods() -> st.SearchStrategy[Period]:
    """Periods with a start, an end or both, in order; shrinks towards a lone end date."""
    return _period()
