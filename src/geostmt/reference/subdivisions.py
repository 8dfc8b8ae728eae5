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


def _parent(country: str, parent: str | None) -> str | None:
    """The parent's full code, as pycountry writes it (``AZ-NX``; a bare ``NX`` completed)."""
    if parent is None or parent.split("-")[0] == country:
        return parent
    return f"{country}-{parent}"


def _load() -> dict[str, Subdivision]:
    # pycountry's own JSON read directly: the same entries as ``pycountry.subdivisions`` in a
    # quarter of the time (its database builds an object per entry on first use)
    import json
    from pathlib import Path

    import pycountry

    path = Path(pycountry.__file__).parent / "databases" / "iso3166-2.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["3166-2"]
    table: dict[str, Subdivision] = {}
    for entry in entries:
        country = entry["code"].split("-")[0]
        table[entry["code"]] = Subdivision(
            code=entry["code"],
            name=entry["name"],
            type=entry["type"],
            country=country,
            parent=_parent(country, entry.get("parent")),
        )
    return table


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
