"""Country codes of other systems (ISO alpha-3 and numeric, FIPS 10-4, CAMEO) to ISO alpha-2.

Event data names countries in several code systems: ACLED's ``iso`` column is the ISO 3166-1
numeric code (``643``), GDELT's place columns are FIPS 10-4 (``CH`` is China, ``SZ``
Switzerland), and CAMEO actor codes start with an ISO alpha-3 code or with one of CAMEO's
regions (``AFR``, Africa). Each ``from_*`` function gives the ISO 3166-1 alpha-2 code, or None
where the code names no single country: nothing is guessed, and a region is never forced into a
country. Codes are matched as the sources write them (upper case); any other input, strings in
other cases and non-strings included, is None, never an error. Kosovo, which has no ISO code,
is its user-assigned ``XK``. ISO codes come from :mod:`geostmt.reference.countries`; the FIPS
table is GeoNames' (``data/fips.json``, built by ``scripts/build_fips_data.py``), loaded once,
on first use.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from geostmt.reference._lazy import Lazy
from geostmt.reference.countries import country_codes

__all__ = [
    "CAMEO_ACTOR_TYPES",
    "CAMEO_REGIONS",
    "from_alpha3",
    "from_cameo_country",
    "from_fips",
    "from_numeric",
    "is_cameo_region",
]

#: CAMEO's international region codes (CAMEO actor codebook, CAMEO 1.1b3 manual, Table 3.3):
#: each names a group of countries, never a single one.
CAMEO_REGIONS: Mapping[str, str] = MappingProxyType(
    {
        "AFR": "Africa",
        "ASA": "Asia",
        "BLK": "Balkans",
        "CAS": "Central Asia",
        "CAU": "Caucasus",
        "CEU": "Central Europe",
        "CFR": "Central Africa",
        "CRB": "Caribbean",
        "EAF": "Eastern Africa",
        "EEU": "Eastern Europe",
        "EIN": "East Indies",
        "EUR": "Europe",
        "LAM": "Latin America",
        "MDT": "Mediterranean",
        "MEA": "Middle East",
        "NAF": "North Africa",
        "NMR": "North America",
        "PGS": "Persian Gulf",
        "SAF": "Southern Africa",
        "SAM": "South America",
        "SAS": "South Asia",
        "SCN": "Scandinavia",
        "SEA": "Southeast Asia",
        "WAF": "West Africa",
        "WST": "The West",
    }
)

#: CAMEO actor type (role) codes, as GDELT's Actor*Type*Code columns carry them. Source: the
#: CAMEO actor codebook (CAMEO 1.1b3 manual, chapter 3: Table 3.1 for the role codes, section
#: 3.1.4 for PTY, Table 3.2 for the international codes, Table 3.4 for the organisation codes),
#: with GDELT's CAMEO.type.txt lookup (SET, PKO as types) and the CAMEO agents dictionary (REL).
CAMEO_ACTOR_TYPES: Mapping[str, str] = MappingProxyType(
    {
        # Primary role codes.
        "COP": "Police",
        "GOV": "Government",
        "INS": "Insurgents",
        "JUD": "Judiciary",
        "MIL": "Military",
        "OPP": "Opposition",
        "PTY": "Political party",
        "REB": "Rebels",
        "SEP": "Separatists",
        "SPY": "Intelligence",
        "UAF": "Unaligned armed forces",
        # Secondary role codes.
        "AGR": "Agriculture",
        "BUS": "Business",
        "CRM": "Criminal",
        "CVL": "Civilians",
        "DEV": "Development",
        "EDU": "Education",
        "ELI": "Elites",
        "ENV": "Environmental",
        "HLH": "Health",
        "HRI": "Human rights",
        "LAB": "Labor",
        "LEG": "Legislature",
        "MED": "Media",
        "REF": "Refugees",
        "REL": "Religion",
        "SET": "Settlers",
        # Tertiary role codes.
        "MOD": "Moderate",
        "RAD": "Radical",
        # International and transnational generic codes.
        "IGO": "Intergovernmental organization",
        "IMG": "International militarized group",
        "INT": "International or transnational actor",
        "MNC": "Multinational corporation",
        "NGM": "Non-governmental movement",
        "NGO": "Non-governmental organization",
        "UIS": "Unidentified state actor",
        # Organisations with codes of their own that GDELT's type columns carry.
        "AMN": "Amnesty International",
        "GRP": "Greenpeace",
        "IRC": "Red Cross",
        "PKO": "Peacekeepers",
        "UNO": "United Nations",
    }
)

# CAMEO country codes that are not ISO 3166-1 alpha-3 yet name one country (GDELT's
# CAMEO.country.txt lookup): older ISO codes, and places inside one country. ANT (Netherlands
# Antilles, dissolved in 2010 into CW, SX and BQ) names no single country and is left out.
_CAMEO_NOT_ISO: dict[str, str] = {
    "BAG": "IQ",  # Baghdad
    "GZS": "PS",  # Gaza Strip: ISO 3166-1 PS covers it and the West Bank
    "IMY": "IM",  # Isle of Man (ISO IMN)
    "MTN": "ME",  # Montenegro (ISO MNE)
    "ROM": "RO",  # Romania (ISO ROU since 2002)
    "TMP": "TL",  # East Timor (ISO TLS since 2002)
    "WSB": "PS",  # West Bank
}


def _load_fips() -> Mapping[str, str]:
    path = resources.files("geostmt.reference") / "data" / "fips.json"
    table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["fips"]
    return MappingProxyType(table)


_FIPS: Lazy[Mapping[str, str]] = Lazy(_load_fips)


def from_alpha3(code: object) -> str | None:
    """The alpha-2 code of an ISO 3166-1 alpha-3 code (``"RUS"`` is ``"RU"``); else None."""
    if not isinstance(code, str):
        return None
    entry = country_codes().get(code)
    return entry.alpha_2 if entry is not None and entry.alpha_3 == code else None


def from_numeric(code: str | int) -> str | None:
    """The alpha-2 code of an ISO 3166-1 numeric code, as ACLED writes it; else None.

    ``643``, ``"643"`` are ``"RU"``; ``4``, ``"4"``, ``"004"`` are ``"AF"``. Integers of other
    types (numpy's) are read too; floats, signs, spaces and numbers no country has are None.
    """
    if isinstance(code, str):
        if not (1 <= len(code) <= 3 and code.isascii() and code.isdigit()):
            return None
        key = code.zfill(3)
    else:
        if isinstance(code, bool):
            return None
        try:
            number = operator.index(code)
        except TypeError:
            return None
        if not 0 <= number <= 999:
            return None
        key = f"{number:03d}"
    entry = country_codes().get(key)
    return entry.alpha_2 if entry is not None and entry.numeric == key else None


def from_fips(code: object) -> str | None:
    """The alpha-2 code of a FIPS 10-4 country code as GDELT writes it (``"CH"`` is ``"CN"``).

    None for a code that names no single country today (``"YI"``, Serbia and Montenegro) or
    none at all (GDELT's ``"OS"``, oceans), and for anything else.
    """
    return _FIPS.get().get(code) if isinstance(code, str) else None


def from_cameo_country(code: object) -> str | None:
    """The alpha-2 code of a CAMEO actor country code (``"RUS"``, ``"ROM"``); else None.

    A CAMEO region (``"AFR"``) names no single country, so it is None too: see
    :func:`is_cameo_region`.
    """
    if not isinstance(code, str) or code in CAMEO_REGIONS:
        return None
    return _CAMEO_NOT_ISO.get(code) or from_alpha3(code)


def is_cameo_region(code: object) -> bool:
    """Whether ``code`` is one of CAMEO's region codes (``"AFR"``, Africa), not a country."""
    return isinstance(code, str) and code in CAMEO_REGIONS
