"""Choosing among the places a name may mean, by documented rules.

One name often names several places: "Kharkiv" a city and its oblast, "Odessa" a city in
Ukraine and one in Texas, "Gaza" the Strip, its city and a province of Mozambique. The rules,
in order (the first that applies decides):

1. a country's name is the country;
2. a national capital is that city (``Kyiv``, ``Seoul``; a capital under its main name before
   one under another of its names: ``Victoria`` is the Seychelles' capital, not Hong Kong; of
   two capitals of one name, the larger);
3. an informal region the news means by the name is that region (``Gaza`` is the Gaza Strip,
   ``Donbas``); ``country=`` narrows it away (``Gaza`` with ``country="MZ"`` is the province);
4. a city lying in a subdivision of the same name that is named after it (the subdivision has
   the city's GeoNames main name among its names, as every subdivision has its capital's: see
   ``docs/places.md``) is the city (a bare ``Kharkiv``, ``Kherson``, ``Kursk``, ``Salta``,
   ``Homs``, ``Jenin``, ``Rostov`` is the city; ``Kharkiv Oblast`` or ``Kharkiv region`` names
   only the subdivision, so it is the subdivision; ``Brandenburg``, also a name of Brandenburg
   an der Havel, and ``Iwate``, also a name of Numakunai, are the subdivisions, named after
   neither);
5. a subdivision is that subdivision; of several, a top-level one; subdivisions of several
   countries are a :class:`~geostmt.ParseError` without ``country=``;
6. otherwise the most populous city; population ties go to a capital, then to the lower
   GeoNames id (the older, better-known entry).

The kind of place (country, capital, region, subdivision, city) is the feature class that
breaks ties before population. Every other candidate that is close is an alternative: every
subdivision or region not chosen, and every city with at least a tenth of the population of the
largest city of that name (at most :data:`MAX_ALTERNATIVES`).
"""

from __future__ import annotations

from typing import NamedTuple

from geostmt.errors import ParseError
from geostmt.reference.gazetteer import City
from geostmt.reference.places import fold, place_tables

__all__ = ["MAX_ALTERNATIVES", "Candidates", "Choice", "choose"]

MAX_ALTERNATIVES = 5


class Candidates(NamedTuple):
    """What one name may mean, already narrowed by ``country=``."""

    region: tuple[str, str] | None  # (country, display name)
    subdivisions: tuple[str, ...]
    cities: tuple[City, ...]
    main: frozenset[int] = frozenset()  # GeoNames ids of the cities whose main name this is


class Choice(NamedTuple):
    """The place chosen: ``kind`` is ``region``, ``subdivision`` or ``city``; ``value`` the
    region, the subdivision code or the :class:`City`; ``alternatives`` the close others."""

    kind: str
    value: object
    alternatives: tuple[tuple[str, object], ...]


def _largest(cities: list[City]) -> City:
    return max(cities, key=lambda c: (c.population, c.capital, -c.geonames_id))


def _named_after(city: City) -> bool:
    """Whether the city's subdivision has the city's main name among its names (rule 4)."""
    return city.subdivision in place_tables().subdivisions.get(fold(city.name), ())


def _top(codes: tuple[str, ...], parents: dict[str, str | None], text: str) -> str:
    top = [code for code in codes if parents.get(code) is None] or list(codes)
    countries = {code.split("-")[0] for code in top}
    if len(countries) > 1:
        raise ParseError(f"ambiguous: one of {', '.join(sorted(set(top)))}; pass country=", text)
    return sorted(top, key=lambda code: (len(code), code))[0]


def choose(found: Candidates, parents: dict[str, str | None], text: str) -> Choice | None:
    """The place ``found`` means by the module's rules, or None when it holds nothing."""
    cities = list(found.cities)
    chosen: tuple[str, object]
    capitals = [c for c in cities if c.capital and c.geonames_id in found.main]
    capitals = capitals or [c for c in cities if c.capital]
    namesakes = [c for c in cities if c.subdivision in found.subdivisions and _named_after(c)]
    if capitals:
        chosen = ("city", _largest(capitals))
    elif found.region is not None:
        chosen = ("region", found.region)
    elif namesakes:
        chosen = ("city", _largest(namesakes))
    elif found.subdivisions:
        chosen = ("subdivision", _top(found.subdivisions, parents, text))
    elif cities:
        chosen = ("city", _largest(cities))
    else:
        return None
    return Choice(chosen[0], chosen[1], _alternatives(found, chosen))


def _alternatives(found: Candidates, chosen: tuple[str, object]) -> tuple[tuple[str, object], ...]:
    others: list[tuple[str, object]] = []
    if found.region is not None and chosen != ("region", found.region):
        others.append(("region", found.region))
    others.extend(("subdivision", code) for code in found.subdivisions if chosen[1] != code)
    if found.cities:
        floor = max(c.population for c in found.cities) / 10
        ranked = sorted(found.cities, key=lambda c: (-c.population, c.geonames_id))
        others.extend(("city", c) for c in ranked if c.population >= floor and c != chosen[1])
    return tuple(others[:MAX_ALTERNATIVES])
