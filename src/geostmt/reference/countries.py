"""ISO 3166-1 countries (alpha-2, alpha-3, numeric, English name) from pycountry."""

from __future__ import annotations

from typing import NamedTuple

from geostmt.reference._lazy import Lazy

__all__ = ["Country", "countries", "country", "country_codes", "is_country"]


class Country(NamedTuple):
    """One ISO 3166-1 entry."""

    alpha_2: str
    alpha_3: str
    numeric: str
    name: str
    common_name: str | None = None


def _load() -> dict[str, Country]:
    import pycountry

    table: dict[str, Country] = {}
    for entry in pycountry.countries:
        table[entry.alpha_2] = Country(
            alpha_2=entry.alpha_2,
            alpha_3=entry.alpha_3,
            numeric=entry.numeric,
            name=entry.name,
            common_name=getattr(entry, "common_name", None),
        )
    # Kosovo: the user-assigned code XK (alpha-3 XKX) that the EU, the World Bank and most
    # data sets use; ISO 3166-1 has not assigned one. Schema 1.1 accepts it as a country.
    table["XK"] = Country(alpha_2="XK", alpha_3="XKX", numeric="", name="Kosovo")
    return table


_COUNTRIES: Lazy[dict[str, Country]] = Lazy(_load)
_BY_ANY_CODE: Lazy[dict[str, Country]] = Lazy(
    lambda: {
        code: entry
        for entry in _COUNTRIES.get().values()
        for code in (entry.alpha_2, entry.alpha_3, entry.numeric)
        if code
    }
)


def countries() -> dict[str, Country]:
    """Every ISO 3166-1 country by alpha-2 code (the mapping is shared: do not mutate it)."""
    return _COUNTRIES.get()


def country_codes() -> dict[str, Country]:
    """Every country by each of its codes: alpha-2, alpha-3 and numeric (shared: do not mutate)."""
    return _BY_ANY_CODE.get()


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code (upper case, as written in JSON), or XK."""
    return code in _COUNTRIES.get()


def country(code: str) -> Country:
    """The country with alpha-2, alpha-3 or numeric ``code``; ``KeyError`` if there is none."""
    return _BY_ANY_CODE.get()[code]
