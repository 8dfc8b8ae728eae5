"""ISO 3166-2 subdivisions (code, name, type, country) from pycountry."""

from __future__ import annotations

from typing import NamedTuple

from geostmt.reference._lazy import Lazy

__all__ = ["Subdivision", "is_subdivision", "subdivision", "subdivisions", "subdivisions_of"]


class Subdivision(NamedTuple):
    """One ISO 3166-2 entry; ``name`` is the romanised name ISO publishes."""

    code: str
    name: str
    type: str
    country: str
    parent: str | None = None


def _load() -> dict[str, Subdivision]:
    import pycountry

    return {
        entry.code: Subdivision(
            code=entry.code,
            name=entry.name,
            type=entry.type,
            country=entry.country_code,
            parent=entry.parent_code,
        )
        for entry in pycountry.subdivisions
    }


_SUBDIVISIONS: Lazy[dict[str, Subdivision]] = Lazy(_load)


def _by_country() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for entry in _SUBDIVISIONS.get().values():
        found.setdefault(entry.country, []).append(entry.code)
    return {country: tuple(sorted(codes)) for country, codes in found.items()}


_BY_COUNTRY: Lazy[dict[str, tuple[str, ...]]] = Lazy(_by_country)


def subdivisions_of(country: str) -> tuple[str, ...]:
    """The ISO 3166-2 codes of ``country``'s subdivisions, sorted (empty for none)."""
    return _BY_COUNTRY.get().get(country, ())


def subdivisions() -> dict[str, Subdivision]:
    """Every ISO 3166-2 subdivision by code (the mapping is shared: do not mutate it)."""
    return _SUBDIVISIONS.get()


def is_subdivision(code: str) -> bool:
    """Whether ``code`` (``RU-KRS``) is an ISO 3166-2 subdivision code."""
    return code in _SUBDIVISIONS.get()


def subdivision(code: str) -> Subdivision:
    """The subdivision with ``code``; ``KeyError`` if there is none."""
    return _SUBDIVISIONS.get()[code]
