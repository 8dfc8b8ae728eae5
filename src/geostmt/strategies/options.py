"""Checks of the strategies' keyword arguments, made up front with a clear message."""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["check_codes", "check_size"]


def check_codes(name: str, given: Collection[str] | None, known: Collection[str]) -> list[str]:
    """The codes to draw from: ``given`` (each known) or every known one, sorted."""
    if given is None:
        return sorted(known)
    if isinstance(given, str):
        raise TypeError(f"{name}= takes a collection of codes, not the string {given!r}")
    codes = sorted(set(given))
    unknown = [code for code in codes if code not in known]
    if not codes or unknown:
        raise ValueError(f"{name}= needs known codes; unknown: {unknown or 'none given'}")
    return codes


def check_size(name: str, value: int) -> None:
    """``value`` is a whole number >= 0."""
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{name}= must be an integer >= 0, not {value!r}")
