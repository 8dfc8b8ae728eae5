"""``parse_money`` and ``find_money``: exact amounts in ISO 4217 currencies from text.

A currency is a symbol or ISO code before or after the number (``$425 million``,
``USD 2.5 billion``, ``2.5bn EUR``, ``₽10,8 трлн``, ``Rs 500 crore``) or a name after it
(``5 million US dollars``, ``1,2 Mrd. Euro``, ``3 milliards d'euros``, ``half a billion
dollars``). Ambiguous symbols follow the rules of :mod:`geostmt.reference.currency_names`.
Separators are inferred as in :mod:`geostmt.normalise.digits`, so shop-style ``1.299,00 €``
reads right in any locale. Each amount looks at most :data:`WINDOW` characters past its number
for a currency, so reading is linear in the text.

Precision before recall: a number that is a year after a year word, part of a date, glued to a
name ("Su-34") or an id is no amount, nor is a run of more than 30 digits; where the reading is
unsure, nothing is returned rather than a confident wrong amount.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from geostmt.errors import ValidationError
from geostmt.locales import locale_id, require_text
from geostmt.model.enums import Qualifier
from geostmt.model.values import Money
from geostmt.normalise._first import all_matches, first_match
from geostmt.normalise._trie import key, starts_with, word_regex
from geostmt.normalise.context import dated_or_named
from geostmt.normalise.digits import DIGITS_PATTERN, read_digits
from geostmt.normalise.money_tail import millions_code, minor_after, scale_after
from geostmt.normalise.number_words import first_words as number_first_words
from geostmt.normalise.number_words import number_words_pattern, read_number_words
from geostmt.normalise.numbers import language_of, scale_words, scaled
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

WINDOW = 80
"""How many characters after a number are searched for its currency."""
_GAP = "[ \u00a0\u202f]?"
_CODE = r"(?<![A-Za-z])M?[A-Z]{3}(?![A-Za-z])"
_WORDS = re.compile(r"(?:(?:de |d'|d’)\s?)?([^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*)*)")


class MoneyMatch(NamedTuple):
    """An amount of money found in text, with its character span ``text[start:end]``."""

    start: int
    end: int
    text: str
    money: Money


@functools.lru_cache(maxsize=16)
def _symbol_list(locale: str) -> tuple[str, ...]:
    return tuple(sorted({*EXPLICIT, *AMBIGUOUS, *symbols(locale)}, key=len, reverse=True))


@functools.lru_cache(maxsize=16)
def _pattern(locale: str) -> re.Pattern[str]:
    language = language_of(locale)
    qualifiers = word_regex(QUALIFIERS.get(language, QUALIFIERS["en"]))
    scales = word_regex(scale_words(locale))
    signs = word_regex(_symbol_list(locale))
    spelled = number_words_pattern(locale)
    words = f"|(?P<words>{spelled})" if spelled else "|(?P<words>(?!))"
    numerals, runs_on = number_first_words(locale)
    firsts = {*numerals, *(word.split()[0] for word in QUALIFIERS.get(language, QUALIFIERS["en"]))}
    check = starts_with(firsts, {*runs_on, *_symbol_list(locale)}, also=rf"\d|{_CODE}")
    return re.compile(
        rf"(?<![\w.,]){check}(?:(?P<qualifier>{qualifiers})\s+)?"
        rf"(?:(?P<pre>{signs}|{_CODE}){_GAP})?"
        rf"(?:(?P<number>{DIGITS_PATTERN})(?![\d])"
        rf"(?:{_GAP}(?P<scale>{scales})(?![\w])|(?P<trillions>T)(?![\w-]))?{words})"
    )


@functools.lru_cache(maxsize=16)
def _sign_after(locale: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A symbol written after a number, and each written form's symbol: short symbols as
    written (``Ft`` is forint, ``ft`` is not), those of three letters or more in any case
    (``Lei``, ``LEI``)."""
    signs = _symbol_list(locale)
    long = [sign for sign in signs if len(sign) >= 3]
    forms = {form: sign for sign in long for form in (sign.lower(), sign.upper(), sign.title())}
    forms.update({sign[:1].upper() + sign[1:]: sign for sign in signs})  # "Zł"
    forms.update({sign: sign for sign in signs})
    return re.compile(word_regex(forms, fold=False)), forms


_CODE_AT = re.compile(_CODE)
_AMBIGUOUS_AFTER_WORDS = frozenset({"won", "pound", "pounds"})
"""Currency names that are also ordinary words after a number in words ("the ten won")."""


def _letter_at(text: str, position: int) -> bool:
    """Whether a letter or digit is at ``position`` (a symbol such as ``kr`` must end its word)."""
    return position < len(text) and text[position].isalnum()


def _after(text: str, position: int, locale: str) -> tuple[str, int, int] | None:
    """The currency written right after ``position``, where it ends and the power of ten it
    multiplies by ("MUSD" is millions of USD), if any."""
    rest = text[position : position + WINDOW]
    stripped = rest.lstrip(" \u00a0\u202f-")  # "siebenhundert-Euro", "one-yen"
    offset = position + len(rest) - len(stripped)
    pattern, forms = _sign_after(locale)
    sign = pattern.match(stripped)
    if sign is not None and not (sign.group()[-1].isalpha() and _letter_at(stripped, sign.end())):
        code = currency_for_symbol(forms[sign.group()], locale)
        if code:
            return code, offset + sign.end(), 0
    code_match = _CODE_AT.match(stripped)
    if code_match and is_currency(code_match.group()):
        return code_match.group(), offset + code_match.end(), 0
    millions = millions_code(code_match.group()) if code_match else None
    if code_match and millions:
        return millions, offset + code_match.end(), 6
    words_match = _WORDS.match(stripped)
    if words_match:
        words = words_match.group(1).split()[: longest_name()]
        for count in range(len(words), 0, -1):
            candidate = " ".join(words[:count]).rstrip(".,;:")
            code = currency_for_name(candidate, locale)
            if code:
                end = stripped.find(candidate, words_match.start(1)) + len(candidate)
                return code, offset + end, 0
    return None


def _read(match: re.Match[str], text: str, locale: str) -> tuple[Money, int, int] | None:
    if match.group("words") is not None and not match.group("pre"):
        return _read_words(match, text, locale)
    currency = None
    start = match.start()
    end = match.end()
    power = 0
    after = False
    prefix = match.group("pre")
    if prefix:
        currency = currency_for_symbol(prefix, locale) or (
            prefix if prefix.isupper() and is_currency(prefix) else None
        )
        if currency is None and millions_code(prefix):  # "MAUD 60"
            currency, power = millions_code(prefix), 6
        if currency is None:
            start = match.start("number") if not match.group("qualifier") else start
    if currency is None:
        found = _after(text, match.end(), locale)
        if found is None:
            return None
        number = match.start("number"), match.end("number")
        if dated_or_named(text, *number, language_of(locale)):
            return None  # "in 2024 USD", "on 3 March 2023 EUR": a year or a date
        currency, end, power = found
        after = True
    if match.group("words") is not None:
        amount = read_number_words(match.group("words"), locale)
    else:
        amount = read_digits(match.group("number"), locale, whole=_whole(currency))
        scale = match.group("scale")
        if amount is not None and scale:
            power += scale_words(locale)[key(scale)]
        elif amount is not None and match.group("trillions"):
            power += 12  # "$2.174T", as financial tables write it
        elif amount is not None and after and not power:
            trailing = scale_after(text, end, locale)  # "75 USD million"
            if trailing is not None:
                power, end = trailing
    if amount is None:
        return None
    if power:
        amount = scaled(amount, power)
    elif after:
        amount, end = _with_minor(amount, currency, text, end, locale)
    word = match.group("qualifier")
    table_q = QUALIFIERS.get(language_of(locale), QUALIFIERS["en"])
    qualifier = table_q[key(word)] if word else Qualifier.EXACT
    try:
        return Money(amount=amount, currency=currency, qualifier=qualifier), start, end
    except ValidationError:
        return None


def _with_minor(
    amount: Decimal, currency: str, text: str, end: int, locale: str
) -> tuple[Decimal, int]:
    """``amount`` plus the minor units written after its currency ("15 dollars 50"); not
    after an amount written with decimals ("80.00 £ 80.00")."""
    if amount.as_tuple().exponent != 0 or _whole(currency):
        return amount, end
    minor = minor_after(text, end, locale)
    if minor is None:
        return amount, end
    return amount + minor[0], minor[1]


def _read_words(match: re.Match[str], text: str, locale: str) -> tuple[Money, int, int] | None:
    """An amount in words needs its currency's name or symbol right after it."""
    found = _after(text, match.end(), locale)
    if found is None:
        return None
    currency, end, power = found
    if text[match.end() : end].strip().casefold() in _AMBIGUOUS_AFTER_WORDS:
        return None
    amount = read_number_words(match.group("words"), locale, article_is_one=True)
    if amount is None:
        return None
    if power:
        amount = scaled(amount, power)
    else:
        amount, end = _with_minor(amount, currency, text, end, locale)
    word = match.group("qualifier")
    table = QUALIFIERS.get(language_of(locale), QUALIFIERS["en"])
    qualifier = table[key(word)] if word else Qualifier.EXACT
    try:
        return Money(amount=amount, currency=currency, qualifier=qualifier), match.start(), end
    except ValidationError:
        return None


@functools.lru_cache(maxsize=512)
def _whole(currency: str | None) -> bool:
    """Whether ``currency`` is paid in whole units in cash (VND, KRW, IDR, HUF), per CLDR's
    cash digits: prices in it are written without decimals, so ``31.500`` groups."""
    if currency is None:
        return False
    from babel.core import get_global

    fractions = get_global("currency_fractions")
    digits = fractions.get(currency, fractions["DEFAULT"])
    return bool(digits[2] == 0)


_MEMO_SIZE = 4096


def _money(text: str, locale: str) -> Iterator[MoneyMatch]:
    # A reading depends only on the match and WINDOW characters after it, so a repeated
    # passage is read once (repetitive text stays fast); offsets are kept relative to the
    # match, and the key is a string, which the garbage collector need not track.
    memo: dict[str, tuple[Money, int, int] | None] = {}
    for match in _pattern(locale).finditer(text):
        start = match.start()
        around = text[start : match.end() + WINDOW + 1]
        if around in memo:
            known = memo[around]
        else:
            read = _read(match, text, locale)
            known = None if read is None else (read[0], read[1] - start, read[2] - start)
            if len(memo) < _MEMO_SIZE:
                memo[around] = known
        if known is not None:
            money, begin, finish = known
            begin, finish = start + begin, start + finish
            yield MoneyMatch(begin, finish, text[begin:finish], money)


def find_money(text: str, *, locale: str = "en") -> list[MoneyMatch]:
    """Every amount of money in ``text``, in order, each with its span."""
    text = require_text(text, "find_money")
    return all_matches(_money(text, locale_id(locale)), text)


def parse_money(text: str, *, locale: str = "en") -> Money:
    """The first amount of money in ``text``; :class:`~geostmt.ParseError` if there is none.

    ``parse_money("a $425 million defensive aid package")`` is
    ``Money(amount=Decimal("425000000"), currency="USD")``.
    """
    checked = require_text(text, "parse_money")
    cldr = locale_id(locale)
    return first_match(checked, lambda t: _money(t, cldr), "amount of money").money
