"""Numbers written with digits, each locale's separators (from CLDR via babel) and scale words.

``10,000.5`` (en), ``10.000,5`` (de), ``10 000,5`` (fr, with ordinary, no-break or narrow
no-break spaces), ``10k``, ``1.2m``, ``5 billion``, ``1,2 Mrd.``: all exact Decimals.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

__all__ = ["SCALES", "language_of", "number_pattern", "read_number"]

_SPACES = " \u00a0\u202f"
SCALES: dict[str, dict[str, int]] = {
    "en": {"thousand": 3, "k": 3, "million": 6, "m": 6, "mn": 6, "mln": 6, "billion": 9,
           "bn": 9, "bln": 9, "b": 9, "trillion": 12, "tn": 12, "lakh": 5, "lakhs": 5,
           "crore": 7, "crores": 7},
    "de": {"tausend": 3, "million": 6, "millionen": 6, "mio.": 6, "mio": 6, "milliarde": 9,
           "milliarden": 9, "mrd.": 9, "mrd": 9, "billion": 12, "billionen": 12},
    "fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9},
    "es": {"mil millones": 9, "mil": 3, "millón": 6, "millones": 6, "billón": 12,
           "billones": 12},
    "ru": {"тыс.": 3, "тысяч": 3, "тысячи": 3, "тысяча": 3, "млн": 6, "миллион": 6,
           "миллиона": 6, "миллионов": 6, "млрд": 9, "миллиард": 9, "миллиарда": 9,
           "миллиардов": 9},
    "uk": {"тис.": 3, "тисяч": 3, "тисячі": 3, "тисяча": 3, "млн": 6, "мільйон": 6,
           "мільйона": 6, "мільйонів": 6, "млрд": 9, "мільярд": 9, "мільярда": 9,
           "мільярдів": 9},
}  # fmt: skip
"""Scale words per language, as powers of ten; a new language is a new entry."""


def language_of(locale: str) -> str:
    """The language part of a locale (``"de_AT"`` -> ``"de"``), which picks the word tables."""
    return locale.replace("-", "_").split("_")[0].lower()


@functools.lru_cache(maxsize=64)
def _symbols(locale: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_group_symbol(locale), get_decimal_symbol(locale)


@functools.lru_cache(maxsize=64)
def number_pattern(locale: str) -> str:
    """A regex (named group ``number``, optional ``scale``) for a number in ``locale``."""
    group, decimal = _symbols(locale)
    groups = f"[{re.escape(_SPACES)}]" if group in _SPACES else re.escape(group)
    dec = re.escape(decimal)
    digits = rf"\d{{1,3}}(?:{groups}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    scales = sorted(SCALES.get(language_of(locale), SCALES["en"]), key=len, reverse=True)
    words = "|".join(re.escape(s) for s in scales)
    return rf"(?P<number>{digits})(?:[{_SPACES}]?(?P<scale>{words})(?![\w]))?"


def read_number(digits: str, scale: str | None, locale: str) -> Decimal:
    """The exact value of ``digits`` (as matched by :func:`number_pattern`) times ``scale``."""
    group, decimal = _symbols(locale)
    plain = digits
    for mark in _SPACES if group in _SPACES else group:
        plain = plain.replace(mark, "")
    value = Decimal(plain.replace(decimal, "."))
    if scale:
        table = SCALES.get(language_of(locale), SCALES["en"])
        value = value.scaleb(table[scale.lower()])
        value = value.quantize(Decimal(1)) if value == value.to_integral() else value
    return value
