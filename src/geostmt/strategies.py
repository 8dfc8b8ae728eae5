"""Hypothesis strategies for every geostmt type (install ``geostmt[hypothesis]``).

Values are valid by construction, never by filtering: a subdivision is drawn from its country,
bounds are drawn around the value, references are drawn from the ids a dataset holds. Every
strategy shrinks towards small, plain values: short ids, few list items, ``None`` for optional
fields, the first country and currency in sorted order.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "geostmt.strategies needs hypothesis: pip install 'geostmt[hypothesis]'"
    ) from error

from geostmt.dataset import Dataset
from geostmt.model import (
    ActorKind,
    AidStage,
    AidType,
    Alias,
    Allocation,
    Channel,
    DeploymentStatus,
    Evidence,
    Item,
    ItemCategory,
    PartialDate,
    Period,
    PlaceKind,
    Qualifier,
    Record,
    Role,
    SpeechAct,
    StatementMode,
)
from geostmt.model._checks import to_text
from geostmt.model.actor import Actor
from geostmt.model.aid import AidPackage
from geostmt.model.deployment import Deployment
from geostmt.model.source import Source
from geostmt.model.statement import Statement
from geostmt.model.values import Money, Place, Quantity
from geostmt.reference import countries, currencies, subdivisions

__all__ = [
    "TEXT_LOCALES",
    "actors",
    "aid_packages",
    "datasets",
    "dates",
    "deployments",
    "ids",
    "money",
    "money_texts",
    "place_texts",
    "places",
    "quantities",
    "quantity_texts",
    "records",
    "sources",
    "statements",
    "texts",
]

_UNITS = (None, "percent", "kilometer", "kilometer ** 2", "metric_ton", "barrel")
# Qualifiers for a single number (a range needs low and high)
_SINGLE = st.sampled_from([q for q in Qualifier if q is not Qualifier.RANGE])
_KINDS: dict[str, type[Record]] = {
    "actor": Actor,
    "source": Source,
    "statement": Statement,
    "deployment": Deployment,
    "aid_package": AidPackage,
}


def _check_codes(name: str, given: Collection[str] | None, known: Collection[str]) -> list[str]:
    if given is None:
        return sorted(known)
    if isinstance(given, str):
        raise TypeError(f"{name}= takes a collection of codes, not the string {given!r}")
    codes = sorted(set(given))
    unknown = [code for code in codes if code not in known]
    if not codes or unknown:
        raise ValueError(f"{name}= needs known codes; unknown: {unknown or 'none given'}")
    return codes


def _check_size(name: str, value: int) -> None:
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{name}= must be an integer >= 0, not {value!r}")


def ids() -> st.SearchStrategy[str]:
    """Record ids matching the id pattern; shrinks towards ``"0"``."""
    return st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,24}\Z")


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text as geostmt stores it (stripped, NFC); shrinks towards ``"0"``."""
    _check_size("max_size", max_size)
    alphabet = st.characters(
        blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp", "M")
    )
    inner = st.text(alphabet | st.just(" "), max_size=max(0, max_size - 2))
    return st.builds(lambda a, mid, b: to_text(a + mid + b), alphabet, inner, alphabet)


def dates() -> st.SearchStrategy[PartialDate]:
    """Partial dates at day, month or year precision; shrinks towards the year 2000."""
    day = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(PartialDate.from_date)
    month = st.builds(PartialDate, year=st.integers(1, 9999), month=st.integers(1, 12))
    year = st.builds(PartialDate, year=st.integers(1, 9999))
    return st.one_of(day, month, year)


def _decimals(max_value: int = 10**12) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=max_value, places=2, allow_nan=False)


@st.composite
def _quantity(draw: Any, units: Sequence[str | None]) -> Quantity:
    unit = draw(st.sampled_from(units))
    of = None if unit is not None else draw(st.none() | texts(max_size=30))
    value = draw(_decimals())
    if draw(st.booleans()):
        return Quantity(value=value, qualifier=draw(_SINGLE), unit=unit, of=of)
    spread = draw(_decimals())
    low, high = value, value + spread
    middle = draw(st.none() | st.just(low + (high - low) / 2))
    return Quantity(value=middle, low=low, high=high, qualifier="range", unit=unit, of=of)


def quantities(*, units: Sequence[str | None] | None = None) -> st.SearchStrategy[Quantity]:
    """Quantities with a value, or a range whose bounds are drawn around the value.

    ``units`` limits the units (pint canonical spellings; None is a count). Shrinks towards an
    exact count of 0.
    """
    chosen = tuple(_UNITS if units is None else units)
    if not chosen:
        raise ValueError("units= needs at least one unit (or None for counts)")
    return _quantity(chosen)


def money(*, currencies: Collection[str] | None = None) -> st.SearchStrategy[Money]:
    """Exact, non-negative amounts in ISO 4217 currencies; shrinks towards 0 of the first code."""
    codes = _check_codes("currencies", currencies, _all_currencies())
    return st.builds(
        Money,
        amount=_decimals(),
        currency=st.sampled_from(codes),
        qualifier=_SINGLE,
    )


def _all_currencies() -> frozenset[str]:
    return currencies()


@st.composite
def _place(draw: Any, codes: Sequence[str]) -> Place:
    country = draw(st.sampled_from(codes))
    kind = draw(st.sampled_from(PlaceKind))
    own = sorted(s.code for s in subdivisions().values() if s.country == country)
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
    return _place(_check_codes("countries", countries, _all_countries()))


def _all_countries() -> frozenset[str]:
    return frozenset(countries())


def _evidence(source_ids: st.SearchStrategy[str]) -> st.SearchStrategy[Evidence]:
    span = st.none() | st.tuples(st.integers(0, 10**6), st.integers(0, 1000))
    return st.builds(
        lambda source, where, quote, confidence: Evidence(
            source=source,
            start=None if where is None else where[0],
            end=None if where is None else where[0] + where[1],
            quote=quote,
            confidence=confidence,
        ),
        source_ids,
        span,
        st.none() | texts(),
        st.none() | st.floats(0, 1),
    )


def _lists(elements: st.SearchStrategy[Any], max_items: int) -> st.SearchStrategy[Any]:
    return st.lists(elements, max_size=max_items)


def actors(
    *, countries: Collection[str] | None = None, kinds: Collection[str] | None = None
) -> st.SearchStrategy[Actor]:
    """Actors of the given ``kinds`` (``ActorKind`` values) in the given ``countries``.

    Shrinks towards an actor with id ``"0"``, no country, aliases, roles or identifiers.
    """
    codes = _check_codes("countries", countries, _all_countries())
    chosen = _check_codes("kinds", kinds, {k.value for k in ActorKind})

    @st.composite
    def role(draw: Any) -> Role:
        start = draw(st.none() | dates())
        end = draw(st.none() | dates())
        if start is not None and end is not None and end.latest() < start.earliest():
            start, end = end, start
        return Role(
            title=draw(texts()), organization=draw(st.none() | texts()), start=start, end=end
        )

    return st.builds(
        Actor,
        id=ids(),
        name=texts(),
        kind=st.sampled_from(chosen),
        country=st.none() | st.sampled_from(codes),
        aliases=_lists(
            st.builds(
                Alias,
                name=texts(),
                lang=st.none() | st.sampled_from(["en", "uk", "ru", "ko", "de", "fr", "zh-Hant"]),
            ),
            3,
        ),
        roles=_lists(role(), 2),
        identifiers=st.dictionaries(
            st.sampled_from(["wikidata", "cameo", "acled"]), ids(), max_size=3
        ),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources with a title, a URL or both; shrinks towards a title-only source."""
    return st.builds(
        lambda ident, title, url, publisher, published, language: Source(
            id=ident,
            title=title if title or not url else None,
            url=url or None,
            publisher=publisher,
            published=published,
            language=language,
        ),
        ids(),
        texts(),
        st.none() | texts().map(lambda s: "https://example.org/" + s.replace(" ", "-")),
        st.none() | texts(),
        st.none() | dates(),
        st.none() | st.sampled_from(["en", "uk", "ko", "de-AT"]),
    )


def statements(
    *, refs: st.SearchStrategy[str] | None = None, max_items: int = 3
) -> st.SearchStrategy[Statement]:
    """Statements whose references are drawn from ``refs`` (any ids by default).

    Shrinks towards a statement with only its id, speaker and text.
    """
    _check_size("max_items", max_items)
    ref = ids() if refs is None else refs
    return st.builds(
        Statement,
        id=ids(),
        speaker=ref,
        text=texts(max_size=200),
        mode=st.none() | st.sampled_from(StatementMode),
        act=st.none() | st.sampled_from(SpeechAct),
        channel=st.none() | st.sampled_from(Channel),
        outlet=st.none() | ref,
        addressees=_lists(ref, max_items),
        date=st.none() | dates(),
        about=_lists(ref, max_items),
        evidence=_lists(_evidence(ref), max_items),
    )


@st.composite
def _period(draw: Any) -> Period:
    start = draw(st.none() | dates())
    end = draw(dates() if start is None else st.none() | dates())
    if start is not None and end is not None and end.latest() < start.earliest():
        start, end = end, start
    return Period(start=start, end=end, text=draw(st.none() | texts()))


def deployments(
    *,
    refs: st.SearchStrategy[str] | None = None,
    countries: Collection[str] | None = None,
    max_items: int = 3,
) -> st.SearchStrategy[Deployment]:
    """Deployments with sizes, places in ``countries`` and allocations.

    Shrinks towards a deployment with only its id and actor.
    """
    _check_size("max_items", max_items)
    ref = ids() if refs is None else refs
    where = places(countries=countries)
    return st.builds(
        Deployment,
        id=ids(),
        actor=ref,
        host=st.none() | ref,
        against=st.none() | ref,
        size=st.none() | quantities(units=[None]),
        location=st.none() | where,
        allocations=_lists(st.builds(Allocation, place=where, share=quantities()), max_items),
        purposes=_lists(texts(), max_items),
        status=st.none() | st.sampled_from(DeploymentStatus),
        start=st.none() | dates(),
        expected=st.none() | _period(),
        expected_activity=st.none() | texts(),
        confirmed_by=_lists(ref, max_items),
        evidence=_lists(_evidence(ref), max_items),
    )


def aid_packages(
    *,
    refs: st.SearchStrategy[str] | None = None,
    currencies: Collection[str] | None = None,
    max_items: int = 5,
) -> st.SearchStrategy[AidPackage]:
    """Aid packages valued in ``currencies``, with up to ``max_items`` items and exclusions.

    Shrinks towards a package with only its id, donor and recipient.
    """
    _check_size("max_items", max_items)
    ref = ids() if refs is None else refs
    item = st.builds(
        Item,
        name=texts(),
        category=st.none() | st.sampled_from(ItemCategory),
        quantity=st.none() | quantities(units=[None]),
        requested_by=st.none() | ref,
    )
    return st.builds(
        AidPackage,
        id=ids(),
        donor=ref,
        recipient=ref,
        value=st.none() | money(currencies=currencies),
        aid_type=st.none() | st.sampled_from(AidType),
        stage=st.none() | st.sampled_from(AidStage),
        items=_lists(item, max_items),
        excluded=_lists(item, max_items),
        announced=st.none() | dates(),
        mechanism=st.none() | texts(),
        evidence=_lists(_evidence(ref), max_items),
    )


def records(*, kinds: Collection[str] | None = None) -> st.SearchStrategy[Record]:
    """Records of the given ``kinds`` (type tags); shrinks towards an actor."""
    chosen = _check_codes("kinds", kinds, _KINDS)
    makers: dict[str, Callable[[], st.SearchStrategy[Record]]] = {
        "actor": actors,
        "source": sources,
        "statement": statements,
        "deployment": deployments,
        "aid_package": aid_packages,
    }
    return st.one_of([makers[kind]() for kind in chosen])


@st.composite
def datasets(draw: Any, *, max_records: int = 12) -> Dataset:
    """Datasets whose ids are unique and whose references all resolve to the right types.

    Actors and sources are drawn first; statements, deployments and aid packages refer only to
    them. Shrinks towards a dataset of one actor.
    """
    _check_size("max_records", max_records)
    actor_list = draw(
        st.lists(actors(), min_size=1, max_size=max(1, max_records // 3), unique_by=lambda a: a.id)
    )
    taken = {a.id for a in actor_list}
    source_list = draw(
        st.lists(
            sources().filter(lambda s: s.id not in taken),
            min_size=1,
            max_size=max(1, max_records // 4),
            unique_by=lambda s: s.id,
        )
    )
    taken |= {s.id for s in source_list}
    actor_ids = st.sampled_from(sorted(a.id for a in actor_list))
    source_ids = st.sampled_from(sorted(s.id for s in source_list))
    events: list[Record] = []
    for _ in range(draw(st.integers(0, max(0, max_records - len(taken))))):
        event = draw(
            st.one_of(
                statements(refs=actor_ids, max_items=2),
                deployments(refs=actor_ids, max_items=2),
                aid_packages(refs=actor_ids, max_items=2),
            ).filter(lambda r: r.id not in taken)
        )
        event = _with_sources(event, source_ids, draw)
        taken.add(event.id)
        events.append(event)
    return Dataset([*actor_list, *source_list, *events])


def _with_sources(record: Any, source_ids: st.SearchStrategy[str], draw: Any) -> Any:
    import attrs

    evidence = tuple(attrs.evolve(e, source=draw(source_ids)) for e in record.evidence)
    return attrs.evolve(record, evidence=evidence)


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
    value = draw(_decimals(10**9))
    if draw(st.booleans()):
        high = value + draw(_decimals(10**9))
        between, conjunction = RANGES[locale]
        text = f"{between} {number(value)} {conjunction} {number(high)}{tail}"
        quantity = Quantity(low=value, high=high, qualifier="range", unit=unit, of=of)
        return text, quantity
    qualifier = draw(_SINGLE)
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

    from geostmt.normalise.places import _city, _country
    from geostmt.reference.places import fold, place_tables

    tables = place_tables()
    pairs: list[tuple[str, Place]] = []
    for language in TEXT_LOCALES:
        for code, name in Locale.parse(language).territories.items():
            if tables.countries.get(fold(name)) == code:
                pairs.append((name, _country(code)))
    for key, cities in tables.cities.items():
        capitals = [city for city in cities if city.capital and fold(city.name) == key]
        # by the rules, a capital named like a country ("Djibouti") reads as the country, one
        # starting with "the" loses it, and of two capitals of one name the larger wins
        if not capitals or key in tables.countries or key in tables.demonyms:
            continue
        if key.startswith("the "):
            continue
        city = max(capitals, key=lambda c: c.population)
        pairs.append((city.name, _city(city)))
    return tuple(sorted(set(pairs), key=lambda pair: pair[0]))


def place_texts() -> st.SearchStrategy[tuple[str, Place]]:
    """``(text, Place)`` pairs: a country's name in a supported language, or a capital city.

    ``parse_place(text)`` must give the place. Shrinks towards the first name in sorted order.
    """
    return st.deferred(lambda: st.sampled_from(_place_pairs()))
