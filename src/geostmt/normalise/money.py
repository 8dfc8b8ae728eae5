"""``parse_money`` and ``find_money``: exact amounts in ISO 4217 currencies from text.

A currency is a symbol or ISO code before or after the number (``$425 million``,
``USD 2.5 billion``, ``2.5bn EUR``) or a name after it (``5 million US dollars``, ``1,2 Mrd.
Euro``, ``3 milliards d'euros``). Ambiguous symbols follow the rules of
:mod:`geostmt.reference.currency_names`. Separators are inferred as in
:mod:`geostmt.normalise.digits`, so shop-style ``1.299,00 €`` reads right in any locale.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from geostmt.errors import ValidationError
from geostmt.locales import locale_id, require_text
from geostmt.model.enums import Qualifier
from geostmt.model.values import Money
from geostmt.normalise._first import first_match
from geostmt.normalise.digits import digits_pattern, read_digits
from geostmt.normalise.numbers import SCALES, language_of
from geostmt.normalise.quantities import QUALIFIERS
from geostmt.reference import is_currency
from geostmt.reference.currency_names import (
    AMBIGUOUS,
    EXPLICIT,
    currency_for_name,
    currency_for_symbol,
    longest_name,
    symbols,
)

__all__ = ["MoneyMatch", "find_money", "parse_money"]

_GAP = "[ \u00a0\u202f]?"
_CODE = r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])"
_WORDS = re.compile(r"(?:(?:de |d'|d’)\s?)?([^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*)*)")


class MoneyMatch(NamedTuple):
    """An amount of money found in text, with its character span ``text[start:end]``."""

    start: int
    end: int
    text: str
    money: Money


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@functools.lru_cache(maxsize=16)
def _symbol_list(locale: str) -> tuple[str, ...]:
    return tuple(sorted({*EXPLICIT, *AMBIGUOUS, *symbols(locale)}, key=len, reverse=True))


@functools.lru_cache(maxsize=16)
def _pattern(locale: str) -> re.Pattern[str]:
    language = language_of(locale)
    qualifiers = _alternation(QUALIFIERS.get(language, QUALIFIERS["en"]))
    scales = _alternation(SCALES.get(language, SCALES["en"]))
    signs = _alternation(_symbol_list(locale))
    return re.compile(
        rf"(?<![\w.,])(?:(?P<qualifier>{qualifiers})\s+)?"
        rf"(?:(?P<pre>{signs}|{_CODE}){_GAP})?"
        rf"(?P<number>{digits_pattern(locale)})(?![\d])"
        rf"(?:{_GAP}(?P<scale>{scales})(?![\w]))?",
        re.IGNORECASE,
    )


def _after(text: str, position: int, locale: str) -> tuple[str, int] | None:
    """The currency written right after ``position`` and where it ends, if any."""
    rest = text[position:]
    stripped = rest.lstrip(" \u00a0\u202f")
    offset = position + len(rest) - len(stripped)
    for sign in _symbol_list(locale):
        if stripped.startswith(sign):
            end = offset + len(sign)
            if sign[-1].isalpha() and end < len(text) and text[end].isalnum():
                continue
            code = currency_for_symbol(sign, locale)
            if code:
                return code, end
    code_match = re.compile(_CODE).match(stripped)
    if code_match and is_currency(code_match.group()):
        return code_match.group(), offset + code_match.end()
    words_match = _WORDS.match(stripped)
    if words_match:
        words = words_match.group(1).split()[: longest_name()]
        for count in range(len(words), 0, -1):
            candidate = " ".join(words[:count]).rstrip(".,;:")
            code = currency_for_name(candidate, locale)
            if code:
                end = stripped.find(candidate, words_match.start(1)) + len(candidate)
                return code, offset + end
    return None


def _read(match: re.Match[str], text: str, locale: str) -> tuple[Money, int, int] | None:
    currency = None
    start = match.start()
    end = match.end()
    prefix = match.group("pre")
    if prefix:
        currency = currency_for_symbol(prefix, locale) or (
            prefix if prefix.isupper() and is_currency(prefix) else None
        )
        if currency is None:
            start = match.start("number") if not match.group("qualifier") else start
    if currency is None:
        found = _after(text, match.end(), locale)
        if found is None:
            return None
        currency, end = found
    amount = read_digits(match.group("number"), locale)
    scale = match.group("scale")
    if scale:
        table = SCALES.get(language_of(locale), SCALES["en"])
        amount = amount.scaleb(table[scale.lower()])
        if amount == amount.to_integral_value():
            amount = amount.quantize(1)
    word = match.group("qualifier")
    table_q = QUALIFIERS.get(language_of(locale), QUALIFIERS["en"])
    qualifier = table_q[word.lower()] if word else Qualifier.EXACT
    try:
        return Money(amount=amount, currency=currency, qualifier=qualifier), start, end
    except ValidationError:
        return None


def find_money(text: str, *, locale: str = "en") -> list[MoneyMatch]:
    """Every amount of money in ``text``, in order, each with its span."""
    text = require_text(text, "find_money")
    locale = locale_id(locale)
    found = []
    for match in _pattern(locale).finditer(text):
        read = _read(match, text, locale)
        if read is not None:
            money, start, end = read
            found.append(MoneyMatch(start, end, text[start:end], money))
    return found


def parse_money(text: str, *, locale: str = "en") -> Money:
    """The first amount of money in ``text``; :class:`~geostmt.ParseError` if there is none.

    ``parse_money("a $425 million defensive aid package")`` is
    ``Money(amount=Decimal("425000000"), currency="USD")``.
    """
    return first_match(
        text, lambda t: find_money(t, locale=locale), "amount of money", "parse_money"
    ).money
