"""Numbers written with digits, each locale's separators (from CLDR via babel) and scale words.

``10,000.5`` (en), ``10.000,5`` (de), ``10 000,5`` (fr, with ordinary, no-break or narrow
no-break spaces; a space groups thousands in every locale, so ``10 000`` is 10000 in ``en``
too), ``10k``, ``1.2m``, ``5 billion``, ``1,2 Mrd.``, ``10,8 трлн``, ``2 lakh``: all exact
Decimals. A run of more than :data:`MAX_DIGITS` digits is an id or a hash, never a number.
"""

from __future__ import annotations

import functools
import re
from decimal import Context, Decimal

from geostmt.normalise._trie import key, word_regex

__all__ = [
    "MAX_DIGITS",
    "SCALES",
    "FRACTION_DIGITS",
    "fraction_value",
    "language_of",
    "number_pattern",
    "read_number",
    "scale_words",
    "scaled",
]

MAX_DIGITS = 30
"""The most digits a number may have; a longer run is an id, a hash or a phone list."""

_SPACES = " \u00a0\u202f"
SCALES: dict[str, dict[str, int]] = {
    "en": {"thousand": 3, "k": 3, "million": 6, "m": 6, "mn": 6, "mln": 6, "billion": 9,
           "bn": 9, "bln": 9, "b": 9, "trillion": 12, "tn": 12, "trn": 12},
    "de": {"tausend": 3, "tsd.": 3, "million": 6, "millionen": 6, "mio.": 6, "mio": 6,
           "milliarde": 9, "milliarden": 9, "mrd.": 9, "mrd": 9, "billion": 12,
           "billionen": 12, "bio.": 12},
    "fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9, "md": 9,
           "mds": 9, "mrd": 9, "billion": 12, "billions": 12},
    "es": {"mil millones": 9, "mil": 3, "millón": 6, "millon": 6, "millones": 6,
           "billón": 12, "billon": 12, "billones": 12},
    "ru": {"тыс.": 3, "тыс": 3, "тысяч": 3, "тысячи": 3, "тысяча": 3, "млн": 6, "млн.": 6,
           "миллион": 6, "миллиона": 6, "миллионов": 6, "млрд": 9, "млрд.": 9,
           "миллиард": 9, "миллиарда": 9, "миллиардов": 9, "трлн": 12, "трлн.": 12,
           "триллион": 12, "триллиона": 12, "триллионов": 12},
    "uk": {"тис.": 3, "тис": 3, "тисяч": 3, "тисячі": 3, "тисяча": 3, "млн": 6, "млн.": 6,
           "мільйон": 6, "мільйона": 6, "мільйони": 6, "мільйонів": 6, "млрд": 9, "млрд.": 9,
           "мільярд": 9, "мільярди": 9,
           "мільярда": 9, "мільярдів": 9, "трлн": 12, "трлн.": 12, "трильйон": 12,
           "трильйона": 12, "трильйони": 12, "трильйонів": 12},
}  # fmt: skip
"""Scale words per language, as powers of ten; a new language is a new entry."""

EVERYWHERE: dict[str, int] = {
    "lakh": 5, "lakhs": 5, "lac": 5, "lacs": 5, "crore": 7, "crores": 7, "cr": 7,
    **SCALES["uk"], **SCALES["ru"],
}  # fmt: skip
"""Scale words read in every locale: South Asian lakh and crore, and the Cyrillic words (which
no Latin-script text can mean otherwise)."""


def language_of(locale: str) -> str:
    """The language part of a locale (``"de_AT"`` -> ``"de"``), which picks the word tables."""
    return locale.replace("-", "_").split("_")[0].lower()


@functools.lru_cache(maxsize=16)
def scale_words(locale: str) -> dict[str, int]:
    """Every scale word read in ``locale`` (lower case) and its power of ten."""
    own = SCALES.get(language_of(locale), SCALES["en"])
    return {**EVERYWHERE, **own}


@functools.lru_cache(maxsize=64)
def _symbols(locale: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_group_symbol(locale), get_decimal_symbol(locale)


@functools.lru_cache(maxsize=64)
def number_pattern(locale: str) -> str:
    """A regex (named group ``number``, optional ``scale``) for a number in ``locale``."""
    group, decimal = _symbols(locale)
    dec = re.escape(decimal)
    spaced = rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:{dec}\d+)?"
    grouped = "" if group in _SPACES else rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{dec}\d+)?|"
    # possessive: giving digits back never helps (what follows a number is no digit), and a
    # long run of digits would otherwise be tried again at every length
    digits = rf"{grouped}{spaced}|\d++(?:{dec}\d++)?"
    words = word_regex(scale_words(locale))
    return rf"(?P<number>{digits})(?:[{_SPACES}]?(?P<scale>{words})(?![\w]))?"


def scaled(value: Decimal, power: int) -> Decimal:
    """``value`` times ten to ``power``, exactly, as an integer where it is whole."""
    digits = len(value.as_tuple().digits)
    context = Context(prec=digits + abs(power) + 2)
    result = value.scaleb(power, context=context)
    if result == result.to_integral_value(context=context):
        result = result.quantize(Decimal(1), context=context)
    return result


def read_number(digits: str, scale: str | None, locale: str) -> Decimal | None:
    """The exact value of ``digits`` (as matched by :func:`number_pattern`) times ``scale``;
    None for a run of more than :data:`MAX_DIGITS` digits."""
    if digits.isdigit() and len(digits) <= MAX_DIGITS and digits.isascii():
        value = Decimal(digits)  # the common case: "500"
        return scaled(value, scale_words(locale)[key(scale)]) if scale else value
    group, decimal = _symbols(locale)
    plain = digits
    for mark in {*_SPACES, group}:
        plain = plain.replace(mark, "")
    plain = plain.replace(decimal, ".")
    if len(plain) - plain.count(".") > MAX_DIGITS:
        return None
    value = Decimal(plain)
    if scale:
        value = scaled(value, scale_words(locale)[key(scale)])
    return value


_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅛": "1/8"}
FRACTION = (
    rf"(?:\d{{1,3}}[ \u00a0]?)?[{''.join(_VULGAR)}]|(?:\d{{1,3}}[ \u00a0])?\d{{1,3}}/\d{{1,3}}"
)
"""A regex for a fraction: ``1/4``, ``2 1/2``, ``½``, ``2½``."""


def read_fraction(text: str, power: int) -> tuple[Decimal, bool] | None:
    """The value of a fraction matched by :data:`FRACTION`, times ten to ``power`` (its scale
    word: "⅓ million"), and whether it is exact (``1/3`` is 0.3333333333, not exact); None for a
    zero denominator."""
    for glyph, spelled in _VULGAR.items():
        text = text.replace(glyph, " " + spelled)
    parts = text.split()
    whole = int(parts[0]) if len(parts) == 2 else 0
    numerator, _, denominator = parts[-1].partition("/")
    if int(denominator) == 0:
        return None
    return fraction_value(whole * int(denominator) + int(numerator), int(denominator), power)


FRACTION_DIGITS = 10
"""The significant digits a fraction that does not end (1/3, 1/6) is rounded to."""

_FRACTION_CONTEXT = Context(prec=FRACTION_DIGITS)
_CHECK_CONTEXT = Context(prec=80)  # wide enough that a product is never rounded


def fraction_value(numerator: int, denominator: int, power: int = 0) -> tuple[Decimal, bool]:
    """``numerator / denominator`` times ten to ``power`` and whether that is exact: a fraction
    that does not end is rounded to :data:`FRACTION_DIGITS` significant digits and is not exact.
    Significant digits, not decimal places, so the error is as small for 1/300 as for 1/3, and
    the scale is applied before rounding ("⅓ million" is 333333.3333, not 0.3333 million)."""
    top = Decimal(numerator).scaleb(power)
    value = top / Decimal(denominator)  # 28 significant digits: more than a fraction keeps
    if _CHECK_CONTEXT.multiply(value, denominator) != top:  # it does not end: rounded
        if value.adjusted() >= FRACTION_DIGITS:  # "⅔ trillion": to the unit, not 6.67E+11
            return value.quantize(Decimal(1), context=_CHECK_CONTEXT), False
        rounded = _FRACTION_CONTEXT.plus(value).normalize(_FRACTION_CONTEXT)
        if rounded == rounded.to_integral_value():  # 1190476190, not 1.19047619E+9
            rounded = rounded.quantize(Decimal(1), context=_CHECK_CONTEXT)
        return rounded, False
    plain = value.normalize()
    if plain == plain.to_integral_value():
        return plain.quantize(Decimal(1), context=_CHECK_CONTEXT), True
    return plain, True
