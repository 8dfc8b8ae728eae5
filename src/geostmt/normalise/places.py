"""``parse_place`` and ``find_places``: countries, subdivisions, cities and regions, offline.

Rules, in order, for one name (case-folded, a leading "the" and a possessive "'s" dropped):

1. an ISO 3166-1 alpha-2 or alpha-3 code in capitals (``UA``, ``PRK``) is that country;
2. a country name in any CLDR locale, an ISO name, or a newsroom form (``DPRK``, ``Burma``,
   ``Corée du Nord``) is that country; so is a demonym (``North Korean``);
3. a national capital (``Seoul``, ``Kyiv``) is that city;
4. an ISO 3166-2 subdivision by its ISO name or English forms (``Kursk``, ``Kursk Oblast``,
   ``Donetsk region``, ``Kiev``) is that subdivision; one name shared by several countries'
   subdivisions needs the ``country=`` hint, and is a :class:`~geostmt.ParseError` without it;
5. an informal region (``Donbas``, ``occupied Ukrainian land``) is a ``region`` of its country;
6. a GeoNames city (population 15,000 or more) is that city; where several share the name,
   the most populous wins (``Odessa`` is in Ukraine, not Texas).

``country=`` (an alpha-2 code) limits every step to that country. Anything else, such as
``NATO``, is a ParseError: geostmt never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from geostmt.errors import ParseError
from geostmt.locales import locale_id, require_text
from geostmt.model.enums import PlaceKind
from geostmt.model.values import Place
from geostmt.reference import countries as iso_countries
from geostmt.reference.countries import country_codes as iso_country_codes
from geostmt.reference.place_forms import CONTROLLED_BY, INFORMAL_REGIONS
from geostmt.reference.places import City, PlaceTables, fold, place_tables

__all__ = ["PlaceMatch", "city_place", "country_place", "find_places", "parse_place"]

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019.-]*\w)?\.?")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


# Words an informal region's name may start with in lower case ("occupied Ukrainian land").
_INFORMAL_FIRST_WORDS = frozenset(name.split()[0] for name in INFORMAL_REGIONS if " " in name)


class PlaceMatch(NamedTuple):
    """A place found in text, with its character span ``text[start:end]``."""

    start: int
    end: int
    text: str
    place: Place


def _key(text: str) -> str:
    key = fold(text).strip(' ,;:!?"()')
    key = _POSSESSIVE.sub("", key)
    return key.removeprefix("the ")


# Abbreviations of statistical tables ("Korea, Dem. Rep.", "Cook Isds"), expanded in fallbacks.
_ABBREVIATIONS = {
    "rep.": "republic", "rep": "republic", "dem.": "democratic", "isds": "islands",
    "isds.": "islands", "is.": "islands", "isl.": "islands", "st.": "saint", "st": "saint",
    "terr.": "territory", "br.": "british", "occ.": "occupied", "fed.": "federation",
    "pdr": "people's democratic republic", "sar": "special administrative region",
    "&": "and", "peoples": "people's", "utd.": "united", "u.s.": "united states",
}  # fmt: skip


def _repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("CÃ´te" -> "Côte"), a common fault of exported tables."""
    if "Ã" in text or "Â" in text:
        try:
            return text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return text
    return text


def _country_variants(key: str) -> Iterator[str]:
    """Other spellings of a country name: abbreviations expanded, "X, Y" turned round,
    a parenthesis dropped or read alone."""
    words = key.replace("/", " and ").replace(",", " , ").split()
    expanded = " ".join(_ABBREVIATIONS.get(w, w) for w in words).replace(" , ", ", ")
    bases = [expanded]
    inner = re.match(r"^(.*?)\s*\((.*)\)\s*$", expanded)
    if inner:
        bases += [inner.group(1), inner.group(2), f"{inner.group(2)} {inner.group(1)}"]
    for base in bases:
        yield base
        yield base.removesuffix(".")
        if ", " in base:
            head, _, tail = base.partition(", ")
            yield f"{base} of"
            yield f"{tail} of {head}"
            yield f"{tail} {head}"


def country_place(code: str) -> Place:
    """The country with ISO 3166-1 ``code`` as a place, under its English short name."""
    name = place_tables().english.get(code) or iso_countries()[code].name
    return Place(name=name, kind=PlaceKind.COUNTRY, country=code)


def city_place(city: City) -> Place:
    """A gazetteer city as a place, with its subdivision, coordinates and de-facto controller."""
    return Place(
        name=city.name,
        kind=PlaceKind.CITY,
        country=city.country,
        subdivision=city.subdivision,
        lat=city.lat,
        lon=city.lon,
        controlled_by=CONTROLLED_BY.get(city.subdivision or ""),
    )


def _subdivision(codes: list[str], tables: PlaceTables, text: str) -> Place:
    if len(codes) > 1:
        top = [c for c in codes if tables.subdivision_info[c]["parent"] is None]
        codes = top or codes
    if len(set(codes)) > 1:
        raise ParseError(f"ambiguous: one of {', '.join(sorted(set(codes)))}; pass country=", text)
    code = codes[0]
    info = tables.subdivision_info[code]
    has_point = info["lat"] is not None and info["lon"] is not None
    return Place(
        name=info["name"],
        kind=PlaceKind.SUBDIVISION,
        country=code.split("-")[0],
        subdivision=code,
        lat=info["lat"] if has_point else None,
        lon=info["lon"] if has_point else None,
        controlled_by=CONTROLLED_BY.get(code),
    )


def _resolve(text: str, country: str | None) -> Place | None:
    """The place ``text`` names by the module's rules, or None; ParseError if ambiguous."""
    tables = place_tables()
    bare = text.strip().removesuffix(".") if text.strip().endswith(".") else text.strip()
    if bare.isupper() and len(bare) in (2, 3) and bare.isalpha():
        entry = iso_country_codes().get(bare)
        if entry is not None and country in (None, entry.alpha_2):
            return country_place(entry.alpha_2)
    key = _key(text)
    if not key:
        return None
    for table in (tables.countries, tables.demonyms):
        code = table.get(key) or table.get(key.removesuffix("."))
        if code is not None and country in (None, code):
            return country_place(code)
    for variant in _country_variants(fold(_repair(text)).removeprefix("the ")):
        code = tables.countries.get(variant)
        if code is not None and country in (None, code):
            return country_place(code)
    found = [c for c in tables.cities.get(key, ()) if country in (None, c.country)]
    capitals = [c for c in found if c.capital]
    if capitals:
        return city_place(max(capitals, key=lambda c: c.population))
    codes = [c for c in tables.subdivisions.get(key, ()) if country in (None, c.split("-")[0])]
    if codes:
        return _subdivision(codes, tables, text)
    region = INFORMAL_REGIONS.get(key)
    if region is not None and country in (None, region):
        name = " ".join(text.split()).removeprefix("the ").removeprefix("The ")
        return Place(name=_POSSESSIVE.sub("", name), kind=PlaceKind.REGION, country=region)
    if found:
        return city_place(max(found, key=lambda c: c.population))
    return None


def _check_hint(country: str | None) -> None:
    if country is not None and country not in iso_countries():
        raise ParseError("country= must be an ISO 3166-1 alpha-2 code", str(country))


def parse_place(text: str, *, locale: str = "en", country: str | None = None) -> Place:
    """The place ``text`` names, by the rules above; :class:`~geostmt.ParseError` otherwise.

    ``parse_place("Kursk")`` is the subdivision ``RU-KRS`` of ``RU``. ``locale`` is accepted for
    symmetry with the other normalisers: names of every CLDR locale are always known.
    """
    require_text(text, "parse_place")
    locale_id(locale)
    _check_hint(country)
    place = _resolve(text, country)
    if place is None:
        raise ParseError("no place found", text)
    return place


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def find_places(text: str, *, locale: str = "en", country: str | None = None) -> list[PlaceMatch]:
    """Every place named in ``text``, in order, each with its span.

    Names are looked for from capitalised words (and informal regions in any case), longest
    first. A city or subdivision name standing next to another capitalised word ("Lloyd
    Austin", "Vladimir Putin") is taken for part of a person's name and left out; ambiguous
    names are left out, not guessed.
    """
    require_text(text, "find_places")
    locale_id(locale)
    _check_hint(country)
    tables = place_tables()
    tokens = list(_TOKEN.finditer(text))
    found: list[PlaceMatch] = []
    index = 0
    while index < len(tokens):
        first = tokens[index]
        informal = first.group().lower() in _INFORMAL_FIRST_WORDS
        if (not _capitalised(first.group()) and not informal) or first.group() in ("The", "the"):
            index += 1
            continue
        matched = None
        for size in range(min(tables.longest, len(tokens) - index), 0, -1):
            last = tokens[index + size - 1]
            if not _capitalised(last.group()) and not (informal and size > 1):
                continue
            span = text[first.start() : last.end()]
            try:
                place = _resolve(span, country)
            except ParseError:
                place = None
            if place is None:
                continue
            named = place.kind in (PlaceKind.CITY, PlaceKind.SUBDIVISION)
            if named and _beside_a_name(tokens, index, size, text):
                continue
            end = last.end() - (1 if span.endswith(".") and _key(span) not in tables.countries
                                else 0)  # fmt: skip
            matched = PlaceMatch(first.start(), end, text[first.start() : end], place)
            index += size
            break
        if matched is None:
            index += 1
        else:
            found.append(matched)
    return found


def _beside_a_name(tokens: list[re.Match[str]], index: int, size: int, text: str) -> bool:
    """Whether a capitalised word (not starting a sentence) stands right before or after."""
    if index > 0:
        before = tokens[index - 1]
        gap = text[before.end() : tokens[index].start()]
        starts_sentence = index == 1 or text[: before.start()].rstrip()[-1:] in '.!?"“'
        if gap == " " and _capitalised(before.group()) and not starts_sentence:
            return True
    after_index = index + size
    if after_index < len(tokens):
        after = tokens[after_index]
        gap = text[tokens[after_index - 1].end() : after.start()]
        if gap == " " and _capitalised(after.group()):
            return True
    return False
