"""Locale arguments: any BCP 47 tag or CLDR id (``en-US``, ``en_US``, ``pt-BR``) to one CLDR id.

Every ``locale=`` in geostmt goes through :func:`locale_id`, so a tag that babel's CLDR data
does not know is a :class:`~geostmt.UnknownLocaleError` that says which locales exist, never
babel's own exception, and a wrong Python type is a ``TypeError`` naming the argument.
"""

from __future__ import annotations

import functools

from geostmt.errors import UnknownLocaleError

__all__ = ["known_locales", "locale_id", "require_text"]


@functools.cache
def known_locales() -> frozenset[str]:
    """Every CLDR locale id babel ships (``en``, ``en_US``, ``pt_BR``, ...)."""
    from babel.localedata import locale_identifiers

    return frozenset(locale_identifiers())


def locale_id(locale: object) -> str:
    """The CLDR id for ``locale``: ``"en-US"`` and ``"en_us"`` are ``"en_US"``.

    ``TypeError`` if ``locale`` is no str; :class:`~geostmt.UnknownLocaleError` (a
    ``ValueError``) if CLDR has no such locale.
    """
    if not isinstance(locale, str):
        kind = type(locale).__name__
        raise TypeError(f"locale= must be a str such as 'en' or 'en-US', not {kind}")
    return _locale_id(locale)


@functools.lru_cache(maxsize=256)
def _locale_id(locale: str) -> str:
    known = known_locales()
    if locale in known:
        return locale
    from babel import Locale

    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except Exception:  # babel's UnknownLocaleError derives from Exception only
        parsed = None
    if parsed is None or str(parsed) not in known:
        raise UnknownLocaleError(locale, sorted(known))
    return str(parsed)


def require_text(text: object, function: str) -> str:
    """``text`` if it is a str, else a ``TypeError`` that names ``function`` and the type given."""
    if not isinstance(text, str):
        raise TypeError(f"{function}() expects text (a str), not {type(text).__name__}")
    return text
