"""ISO 4217 currency codes known to CLDR, through babel."""

from __future__ import annotations

from geostmt.reference._lazy import Lazy

__all__ = ["currencies", "is_currency"]


def _load() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


_CURRENCIES: Lazy[frozenset[str]] = Lazy(_load)


def currencies() -> frozenset[str]:
    """Every ISO 4217 code CLDR knows, current and historical (``USD``, ``EUR``, ``UAH``...)."""
    return _CURRENCIES.get()


def is_currency(code: str) -> bool:
    """Whether ``code`` is an ISO 4217 code known to CLDR."""
    return code in _CURRENCIES.get()
