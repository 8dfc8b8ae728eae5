"""Reference data: ISO 3166-1 countries, ISO 3166-2 subdivisions, ISO 4217 currencies.

Every table loads on first use (from pycountry and babel's CLDR data), is indexed once and cached,
so importing geostmt costs nothing here.
"""

from geostmt.reference.countries import Country, countries, country, is_country
from geostmt.reference.currencies import currencies, is_currency
from geostmt.reference.subdivisions import (
    Subdivision,
    is_subdivision,
    subdivision,
    subdivisions,
    subdivisions_of,
)

__all__ = [
    "Country",
    "Subdivision",
    "countries",
    "country",
    "currencies",
    "is_country",
    "is_currency",
    "is_subdivision",
    "subdivision",
    "subdivisions",
    "subdivisions_of",
]
