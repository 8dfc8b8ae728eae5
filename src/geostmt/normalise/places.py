"""``parse_place`` and ``find_places``: countries, subdivisions, cities and regions, offline.

How a name is read (case-folded, a leading "the" and a possessive "'s" dropped):

1. an ISO 3166-1 alpha-2 or alpha-3 code in capitals (``UA``, ``PRK``) is that country;
2. a country name in any CLDR locale, an ISO name, a newsroom, former or formal form
   (``DPRK``, ``Burma``, ``Zaire``, ``Holy See``, ``Corée du Nord``) is that country; so is a
   demonym (``North Korean``); ``Kosovo`` is ``XK``. A name that is the country's only in
   another language and is its capital's own name in English is the capital: ``Tunis`` is
   Tunisia in Croatian, and the city in English;
3. otherwise the name is looked up as a national capital, an informal region (``Donbas``,
   ``Gaza``), an ISO 3166-2 subdivision (``Kursk Oblast``, ``Kharkiv region``,
   ``Харківська область``) and a GeoNames populated place of 500 people or more (``Sudzha``,
   ``Chasiv Yar``, ``Суджа``), and one of these is chosen by the rules of
   :mod:`geostmt.normalise.place_choice` (a bare ``Kharkiv`` is the city, ``Gaza`` the Strip).
   A word in capitals of at most :data:`MAX_CAPITALS` letters may be an acronym (``NATO`` is
   also a town in the Philippines, ``SAM`` a name of Damascus): it names only an informal
   region, a subdivision under its own display name, or a city under its own GeoNames name
   that is a national capital or has :data:`TOWN` people or more. So a dateline's ``KYIV``,
   ``KURSK``, ``GAZA``, ``HAIFA`` are what ``Kyiv``, ``Kursk``, ``Gaza``, ``Haifa`` are, and
   ``NATO``, ``KBS``, ``SBU``, ``HAMAS`` are nothing; ``KIEV`` (another name of Kyiv) is
   nothing either;
4. Russian and Ukrainian names in an oblique case are read in the nominative ("в Курской
   области", "під Бахмутом": :mod:`geostmt.normalise.cyrillic`);
5. ``parse_place`` alone then reads a country's name as statistical tables write it
   ("Korea, Dem. Rep.", "Congo, Rep.", "Gambia, The", "N. Korea", "DPR of Korea": the rules
   of :mod:`geostmt.normalise.country_names`).

``country=`` (an alpha-2 code) limits every step to that country. Anything else, such as
``NATO``, is a ParseError: geostmt never guesses.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geostmt.errors import ParseError
from geostmt.locales import locale_id, require_text
from geostmt.model.enums import PlaceKind
from geostmt.model.values import Place
from geostmt.normalise import country_names
from geostmt.normalise.cyrillic import nominatives
from geostmt.normalise.place_choice import Candidates, Choice, choose
from geostmt.reference import countries as iso_countries
from geostmt.reference._lazy import Lazy
from geostmt.reference.countries import country_codes as iso_country_codes
from geostmt.reference.place_forms import (
    CONTROLLED_BY,
    COUNTRY_FORMS,
    CUES,
    DESIGNATORS,
    GENERIC_WORDS,
    INFORMAL_REGIONS,
    REGION_NAMES,
)
from geostmt.reference.places import (
    MAX_WORDS,
    City,
    PlaceTables,
    fold,
    name_starts,
    place_tables,
    plain,
)
from geostmt.reference.subdivisions import is_subdivision

__all__ = ["PlaceMatch", "city_place", "country_place", "find_places", "parse_place"]

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019.-]*\w)?\.?")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
MAX_TEXT = 200
"""``parse_place`` reads at most this many characters: no place's name is longer."""
TOWN = 100_000
"""``find_places`` takes a place smaller than this at the start of a sentence ("Police said")
only where the text also names its country."""
MAX_CAPITALS = 5
"""A word in capitals of at most this many letters ("NATO", "KYIV") may be an acronym: it names
a place only under that place's own name, and a city only if it is a national capital or has
at least :data:`TOWN` people (step 3 of the module docstring)."""
SMALL_TOWN = 15_000
"""``find_places`` takes a place smaller than this only right after a word that introduces a
place (``near Sudzha``: :data:`~geostmt.reference.place_forms.CUES`) and only where the text
also names its country."""

# Words an informal region's name may start with in lower case ("occupied Ukrainian land").
_INFORMAL_FIRST_WORDS = frozenset(name.split()[0] for name in INFORMAL_REGIONS if " " in name)


class PlaceMatch(NamedTuple):
    """A place found in text, with its character span ``text[start:end]``.

    ``alternatives`` are the other places the same words may name and that came close (see
    :mod:`geostmt.normalise.place_choice`): ``Odessa`` is Odesa, with Odessa, Texas beside it.
    """

    start: int
    end: int
    text: str
    place: Place
    alternatives: tuple[Place, ...] = ()


def _key(text: str) -> str:
    key = fold(text).strip(' ,;:!?"()')
    key = _POSSESSIVE.sub("", key)
    return key.removeprefix("the ")


def country_place(code: str) -> Place:
    """The country with ISO 3166-1 ``code`` (or ``XK``) as a place, under its English name."""
    tables = place_tables()
    name = tables.english.get(code) or iso_countries()[code].name
    return Place(
        name=name, kind=PlaceKind.COUNTRY, country=code, geonames_id=tables.geonames.get(code)
    )


def city_place(city: City) -> Place:
    """A gazetteer place as a city, with its subdivision, coordinates and de-facto controller."""
    subdivision = city.subdivision
    if subdivision is not None and not is_subdivision(subdivision):
        subdivision = None
    return Place(
        name=city.name,
        kind=PlaceKind.CITY,
        country=city.country,
        subdivision=subdivision,
        lat=city.lat,
        lon=city.lon,
        controlled_by=CONTROLLED_BY.get(subdivision or ""),
        geonames_id=city.geonames_id,
    )


def _subdivision_place(code: str, tables: PlaceTables) -> Place:
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


def _place(kind: str, value: object, tables: PlaceTables) -> Place:
    if kind == "city":
        assert isinstance(value, City)
        return city_place(value)
    if kind == "subdivision":
        assert isinstance(value, str)
        return _subdivision_place(value, tables)
    assert isinstance(value, tuple)
    return Place(name=value[1], kind=PlaceKind.REGION, country=value[0])


class Found(NamedTuple):
    """A place read from a name, and the close alternatives."""

    place: Place
    alternatives: tuple[Place, ...]
    population: int | None = None


def _country(key: str, text: str, tables: PlaceTables, country: str | None) -> str | None:
    latin_capitals = _latin_capitals(key, text)
    for name in dict.fromkeys((key, key.removesuffix("."))):  # "Tunis." ends a sentence
        if latin_capitals and name not in _ENGLISH.get():
            continue  # "END": another language's name of a country, or an acronym
        for table in (tables.countries, tables.demonyms):
            code = table.get(name)
            if code is not None and country in (None, code) and not _capital_named(name, code):
                return code
    return None


def _latin_capitals(key: str, text: str) -> bool:
    """Whether ``text`` is a short word in Latin capitals ("END", "CHAD"): a country only under
    an English name (a name in another language is an acronym's letters as often: "End" is
    India in Luxembourgish). Capitals in other scripts ("КНДР", "США") are their languages'."""
    return text.isascii() and _in_capitals(key, text)


def _english_forms() -> list[tuple[str, str]]:
    """Every English name of a country and its code: CLDR's and ISO's, and the newsroom forms
    kept by hand."""
    tables = place_tables()
    english = [(name, code) for code, names in tables.english_forms.items() for name in names]
    return english + list(COUNTRY_FORMS.items())


def _english_names() -> frozenset[str]:
    """Every English name of a country (:func:`_english_forms`) folded, and the demonyms."""
    return frozenset({fold(name) for name, _ in _english_forms()} | set(place_tables().demonyms))


_ENGLISH: Lazy[frozenset[str]] = Lazy(_english_names)


def _capitals_not_country_names() -> frozenset[tuple[str, str]]:
    """(country, folded name) of each national capital whose GeoNames name is no English name
    of its country ("Tunis")."""
    english = _ENGLISH.get()
    found = ((city.country, fold(city.name)) for city in place_tables().gazetteer.capitals())
    return frozenset(pair for pair in found if pair[1] not in english)


_CAPITALS: Lazy[frozenset[tuple[str, str]]] = Lazy(_capitals_not_country_names)


def _capital_named(key: str, code: str) -> bool:
    """Whether ``key``, a name of the country ``code`` in some language, is not an English name
    of it but the GeoNames name of its capital (step 2 of the module docstring: "Tunis")."""
    return (code, key) in _CAPITALS.get()


def _in_capitals(key: str, text: str) -> bool:
    """Whether ``text`` is one short word in capitals, written as an acronym is ("NATO",
    "KYIV"): at most :data:`MAX_CAPITALS` letters."""
    return text.strip().isupper() and len(key) <= MAX_CAPITALS and " " not in key


def _own_name(found: Candidates, key: str, tables: PlaceTables) -> Candidates:
    """What a word in capitals (:func:`_in_capitals`) may name: a dateline's "KYIV" or "GAZA",
    never an acronym's namesake ("NATO", a town in the Philippines; "SAM", a name of
    Damascus). A subdivision only under its own display name, a city only under its own
    GeoNames name and only a national capital or a city of :data:`TOWN` people or more; an
    informal region stays (country names were read before)."""
    subdivisions = tuple(
        code for code in found.subdivisions if fold(tables.subdivision_info[code]["name"]) == key
    )
    cities = tuple(
        city
        for city in found.cities
        if city.geonames_id in found.main and (city.capital or city.population >= TOWN)
    )
    return Candidates(found.region, subdivisions, cities, found.main)


def _candidates(key: str, text: str, tables: PlaceTables, country: str | None) -> Candidates:
    key = key.removesuffix(".")
    region = None
    region_country = INFORMAL_REGIONS.get(key)
    if region_country is not None and country in (None, region_country):
        region = (region_country, REGION_NAMES.get(key, ""))
    subdivisions = tuple(
        code
        for code in tables.subdivisions.get(key, ())
        if country in (None, code.split("-")[0]) and is_subdivision(code)
    )
    lookup = plain(key)
    cities = tuple(c for c in tables.gazetteer.lookup(lookup) if country in (None, c.country))
    main = frozenset(c.geonames_id for c in cities if plain(c.name) == lookup)
    found = Candidates(region, subdivisions, cities, main)
    return _own_name(found, key, tables) if _in_capitals(key, text) else found


def _read(key: str, text: str, tables: PlaceTables, country: str | None) -> Found | None:
    """The place one folded name names (steps 2 to 3 of the module docstring), or None."""
    code = _country(key, text, tables, country)
    if code is not None:
        return Found(country_place(code), ())
    found = _candidates(key, text, tables, country)
    parents = {c: tables.subdivision_info[c]["parent"] for c in found.subdivisions}
    choice: Choice | None = choose(found, parents, text)
    if choice is None:
        return None
    value = choice.value
    if choice.kind == "region":
        assert isinstance(value, tuple)
        if not value[1]:
            name = _POSSESSIVE.sub("", " ".join(text.split())).strip(' ,;:!?"()')
            value = (value[0], name.removeprefix("the ").removeprefix("The "))
    place = _place(choice.kind, value, tables)
    alternatives = tuple(_place(kind, other, tables) for kind, other in choice.alternatives)
    population = value.population if isinstance(value, City) else None
    return Found(place, alternatives, population)


def _resolve(text: str, country: str | None, *, tables_only: bool = False) -> Found | None:
    """The place ``text`` names by the module's rules, or None; ParseError if ambiguous."""
    tables = place_tables()
    bare = text.strip().removesuffix(".")
    if bare.isupper() and len(bare) in (2, 3) and bare.isalpha():
        entry = iso_country_codes().get(bare)
        if entry is not None and country in (None, entry.alpha_2):
            return Found(country_place(entry.alpha_2), ())
    folded = fold(text)
    whole = tables.countries.get(folded)  # "Виргинские о-ва (Великобритания)", as CLDR has it
    if (
        whole is not None
        and country in (None, whole)
        and not _capital_named(folded, whole)
        and (folded in _ENGLISH.get() or not _latin_capitals(folded, text))
    ):
        return Found(country_place(whole), ())
    key = _key(text)
    if not key:
        return None
    found = _read(key, text, tables, country)
    if found is None:
        for form in nominatives(key.removesuffix(".")):  # none unless the key is Cyrillic
            found = _read(form, text, tables, country)
            if found is not None:
                break
    if found is None and not tables_only:
        code = country_names.match_country(text, _country_names())
        if code is not None and country in (None, code):
            found = Found(country_place(code), ())
    return found


def _all_country_names() -> country_names.Names:
    others = [(name, code) for name, code in place_tables().countries.items() if name.isascii()]
    return country_names.country_names(others, _english_forms())


_COUNTRY_NAMES: Lazy[country_names.Names] = Lazy(_all_country_names)


def _country_names() -> country_names.Names:
    return _COUNTRY_NAMES.get()


def _check_hint(country: object, function: str) -> None:
    """``country=`` must be None or an alpha-2 code: a TypeError for another type (naming it), a
    ParseError for an unknown code."""
    if country is not None and not isinstance(country, str):
        raise TypeError(
            f"{function}() country= expects an alpha-2 code, not {type(country).__name__}"
        )
    if country is not None and country not in iso_countries():
        raise ParseError("country= must be an ISO 3166-1 alpha-2 code", str(country))


def parse_place(text: str, *, locale: str = "en", country: str | None = None) -> Place:
    """The place ``text`` names, by the rules above; :class:`~geostmt.ParseError` otherwise.

    ``parse_place("Kursk")`` is the city of Kursk in ``RU-KRS``; ``parse_place("Kursk Oblast")``
    the subdivision. A word that introduces a place may come first ("в Курской области", "near
    Sudzha"). ``locale`` is accepted for symmetry with the other normalisers: names of every
    CLDR locale are always known. A text longer than ``MAX_TEXT`` characters is a
    ParseError (no place's name is that long).
    """
    require_text(text, "parse_place")
    locale_id(locale)
    _check_hint(country, "parse_place")
    if len(text) > MAX_TEXT:
        raise ParseError(f"longer than {MAX_TEXT} characters: not a place's name", text[:80])
    found = None
    head, _, rest = text.strip().partition(" ")
    if rest and fold(head) in CUES:  # "в Курской области", "near Sudzha"
        found = _resolve(rest, country)
    if found is None:
        found = _resolve(text, country)
    if found is None:
        raise ParseError("no place found", text)
    return found.place


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _may_go_on(words: str, tables: PlaceTables) -> bool:
    """Whether some name starts with the folded ``words`` and goes on."""
    for form in (words, *nominatives(words)):
        if form in name_starts() or tables.gazetteer.begins_a_name(plain(form)):
            return True
    return False


def find_places(text: str, *, locale: str = "en", country: str | None = None) -> list[PlaceMatch]:
    """Every place named in ``text``, in order, each with its span and close alternatives.

    Names are looked for from capitalised words (and informal regions in any case), longest
    first; a name may end in a lower-case designator ("Kharkiv region", "Курской области"). A
    city or subdivision name standing next to another capitalised word ("Lloyd Austin",
    "Vladimir Putin") is taken for part of a person's name and left out; a place of fewer than
    ``SMALL_TOWN`` people is taken only right after a word that introduces a place ("near
    Sudzha", "під Бахмутом") and where the text names its country too; a short word in
    capitals names a place only under that place's own name, and a city only if it is a
    national capital or has ``TOWN`` people or more (rule 3 of the module docstring): the
    dateline "KYIV, Nov 25 (Reuters)" names Kyiv, "NATO" and "SBU" name nothing. Ambiguous
    names are left out, not guessed. Time grows linearly with the text: a name is extended a
    word at a time only while some known name starts with the words so far, and a name already
    looked up in this call is not looked up again.
    """
    require_text(text, "find_places")
    locale_id(locale)
    _check_hint(country, "find_places")
    tables = place_tables()
    tokens = _Tokens(text)
    memo = _Memo(tables, country)
    found: list[tuple[PlaceMatch, bool]] = []  # (match, whether it is a small place with a cue)
    index = 0
    while tokens.exists(index):
        tokens.forget_before(index - 4)  # the words before are looked at, up to two back
        matched = _match_at(tokens, index, text, memo)
        if matched is None:
            index += 1
        else:
            size, match, small = matched
            found.append((match, small))
            index += size
    named = {m.place.country for m, small in found if not small}
    named |= {m.place.controlled_by for m, small in found if not small}
    return [m for m, small in found if not small or m.place.country in named]


class _Tokens:
    """The words of a text, read lazily, with only a short window kept (a list of every word of
    a megabyte of text costs more than reading it)."""

    def __init__(self, text: str) -> None:
        self._words = _TOKEN.finditer(text)
        self._window: list[re.Match[str]] = []
        self._base = 0

    def exists(self, index: int) -> bool:
        while index - self._base >= len(self._window):
            word = next(self._words, None)
            if word is None:
                return False
            self._window.append(word)
        return index >= self._base

    def __getitem__(self, index: int) -> re.Match[str]:
        if not self.exists(index):
            raise IndexError(index)
        return self._window[index - self._base]

    def forget_before(self, index: int) -> None:
        if index - self._base > 256:
            del self._window[: index - self._base]
            self._base = index


class _Memo:
    """What one ``find_places`` call has already looked up, so repeated words cost a dict
    lookup (emptied when it grows past :data:`MEMO_SIZE` entries)."""

    def __init__(self, tables: PlaceTables, country: str | None) -> None:
        self.tables = tables
        self.country = country
        self.places: dict[str, Found | None] = {}
        self.starts: dict[str, bool] = {}

    def resolve(self, span: str) -> Found | None:
        if span not in self.places:
            if len(self.places) >= MEMO_SIZE:
                self.places.clear()
            try:
                self.places[span] = _resolve(span, self.country, tables_only=True)
            except ParseError:
                self.places[span] = None
        return self.places[span]

    def may_go_on(self, words: str) -> bool:
        if words not in self.starts:
            if len(self.starts) >= MEMO_SIZE:
                self.starts.clear()
            self.starts[words] = _may_go_on(words, self.tables)
        return self.starts[words]


MEMO_SIZE = 50_000


def _sizes(tokens: _Tokens, index: int, memo: _Memo) -> int:
    """How many words from ``index`` some known name may span (at least 1)."""
    size = 1
    words = _key(tokens[index].group())
    longest = MAX_WORDS
    while size < longest and tokens.exists(index + size) and memo.may_go_on(words):
        words = f"{words} {fold(tokens[index + size].group())}"
        size += 1
    return size


def _match_at(
    tokens: _Tokens, index: int, text: str, memo: _Memo
) -> tuple[int, PlaceMatch, bool] | None:
    """The place named from token ``index`` on: how many tokens, the match, and whether it is a
    small place (kept only if the text names its country too); None for no place."""
    first = tokens[index]
    word = first.group()
    informal = word.lower() in _INFORMAL_FIRST_WORDS
    if (not _capitalised(word) and not informal) or word in ("The", "the"):
        return None
    first_key = _key(word)
    for size in range(_sizes(tokens, index, memo), 0, -1):
        last = tokens[index + size - 1]
        closing = last.group().lower().rstrip(".")
        if size == 1 and len(first_key) < 2:
            continue
        lower_end = not _capitalised(last.group()) and not (informal and size > 1)
        if lower_end and not (size > 1 and closing in DESIGNATORS):
            continue
        if size == 1 and first_key.removesuffix(".") in GENERIC_WORDS:
            continue
        span = text[first.start() : last.end()]
        found = memo.resolve(span)
        if found is None:
            continue
        place = found.place
        named = place.kind in (PlaceKind.CITY, PlaceKind.SUBDIVISION)
        if named and _beside_a_name(tokens, index, size, text):
            continue
        population = found.population
        small = population is not None and population < SMALL_TOWN
        if small and (index == 0 or fold(tokens[index - 1].group()) not in CUES):
            continue
        if population is not None and population < TOWN and _starts_sentence(tokens, index, text):
            small = True
        trailing_dot = span.endswith(".") and _key(span) not in memo.tables.countries
        end = last.end() - (1 if trailing_dot else 0)
        match = PlaceMatch(first.start(), end, text[first.start() : end], place, found.alternatives)
        return size, match, small
    return None


def _starts_sentence(tokens: _Tokens, index: int, text: str) -> bool:
    """Whether token ``index`` opens a sentence (looking only at the gap before it)."""
    if index == 0:
        return True
    before = tokens[index - 1]
    gap = text[before.end() : tokens[index].start()].strip()
    return gap[-1:] in '.!?"“:' if gap else before.group().endswith(".")


def _beside_a_name(tokens: _Tokens, index: int, size: int, text: str) -> bool:
    """Whether a capitalised word stands right before (one not opening a sentence, nor ending
    one) or right after (unless a sentence ends between)."""
    if index > 0:
        before = tokens[index - 1]
        gap = text[before.end() : tokens[index].start()]
        apart = _starts_sentence(tokens, index - 1, text) or before.group().endswith(".")
        if gap == " " and _capitalised(before.group()) and not apart:
            return True
    after_index = index + size
    if tokens.exists(after_index):
        after = tokens[after_index]
        gap = text[tokens[after_index - 1].end() : after.start()]
        ends_sentence = tokens[after_index - 1].group().endswith(".")
        if gap == " " and _capitalised(after.group()) and not ends_sentence:
            return True
    return False
