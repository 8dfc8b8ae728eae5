"""``parse_quantity`` and ``find_quantities``: counts and measures with qualifiers and units.

"around 10,000 North Korean soldiers" -> value 10000, approximately, of "North Korean soldiers";
"80 percent" -> value 80, unit ``percent``; "between 5 and 7 km" -> a range in kilometers;
"several thousand troops" -> a range, 3,000 to 9,000. Qualifier words, units, scale words,
number words and vague amounts are tables per language (en, de, fr, es, ru, uk).

Precision before recall: a number that is part of a date, a year, a time, a model or product
name, an ordinal, a phone number or an id is never a quantity
(:mod:`geostmt.normalise.context`), and a vague amount is never ``exact``
(:mod:`geostmt.normalise.vague`). Where a reading is unsure, nothing is returned rather than
a confident wrong value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Context, Decimal
from typing import NamedTuple

from geostmt.errors import ValidationError
from geostmt.locales import locale_id, require_text
from geostmt.model.enums import Qualifier
from geostmt.model.qualifier_words import QUALIFIER_WORDS, qualifier_of_word
from geostmt.model.values import Quantity
from geostmt.normalise._first import all_matches, first_match
from geostmt.normalise._trie import key, starts_with, word_regex
from geostmt.normalise.context import (
    WINDOW,
    is_year_like,
    looks_like_year,
    part_of_something_else,
)
from geostmt.normalise.counted import REACH, counted
from geostmt.normalise.number_words import first_words as number_first_words
from geostmt.normalise.number_words import (
    fraction_words_pattern,
    number_words_pattern,
    read_fraction_words,
    read_number_words,
)
from geostmt.normalise.numbers import (
    FRACTION,
    MAX_DIGITS,
    language_of,
    number_pattern,
    read_fraction,
    read_number,
    scale_words,
)
from geostmt.normalise.unit_words import UNITS
from geostmt.normalise.vague import first_words as vague_first_words
from geostmt.normalise.vague import read_vague, vague_pattern
from geostmt.reference.units import canonical_unit

__all__ = ["RANGES", "UNITS", "QuantityMatch", "find_quantities", "parse_quantity"]

QUALIFIERS: dict[str, dict[str, Qualifier]] = {
    language: qualifier_of_word(language) for language in QUALIFIER_WORDS
}
"""Qualifier words per language, from :data:`geostmt.model.qualifier_words.QUALIFIER_WORDS`."""

RANGES: dict[str, tuple[str, str]] = {
    "en": ("between", "and"), "de": ("zwischen", "und"), "fr": ("entre", "et"),
    "es": ("entre", "y"), "ru": ("от", "до"), "uk": ("від", "до"),
}  # fmt: skip
"""The words of "between X and Y" per language."""

FROM_TO: dict[str, tuple[str, str]] = {
    "en": ("from", "to"), "de": ("von", "bis"), "fr": ("de", "à"), "es": ("de", "a"),
    "ru": ("с", "по"), "uk": ("з", "по"),
}  # fmt: skip
"""The words of "from X to Y" per language."""

DASH_WORDS: dict[str, str] = {"en": "to", "de": "bis", "fr": "à", "es": "a", "ru": "до", "uk": "до"}
"""The word of "X to Y" per language (besides a hyphen or dash)."""


class QuantityMatch(NamedTuple):
    """A quantity found in text, with its character span ``text[start:end]``."""

    start: int
    end: int
    text: str
    quantity: Quantity


@functools.lru_cache(maxsize=16)
def _pattern(locale: str) -> re.Pattern[str]:
    language = language_of(locale)
    qualifiers = word_regex(QUALIFIERS.get(language, QUALIFIERS["en"]))
    digits = number_pattern(locale)

    def renamed(name: str) -> str:
        return digits.replace("?P<number>", f"?P<{name}>").replace("?P<scale>", f"?P<{name}_s>")

    units = word_regex(UNITS)
    between, conjunction = RANGES.get(language, RANGES["en"])
    start, to = FROM_TO.get(language, FROM_TO["en"])
    dash_word = DASH_WORDS.get(language, "to")
    dash_words = "to" if dash_word == "to" else f"to|{dash_word}"
    # "4e14", "2.48×10−5", "8x2^10" (another base needs its caret)
    exponent = r"[eE][-+−]?\d{1,3}|\s?[×x]\s?(?:10(?:\^|[-−]|\^[-−])\d{1,3}|[2-9]\^\d{1,2})"
    number = rf"(?P<minus>[-−](?=\d))?{digits}(?P<exponent>{exponent})?"
    # "⅓ million": a scale word after a fraction, spelled out (a letter such as "m" is a unit)
    fraction_scale = word_regex(word for word in scale_words(locale) if len(word) > 2)
    fraction = rf"(?P<fraction>{FRACTION})(?:[ \u00a0](?P<fraction_s>{fraction_scale})(?!\w))?"
    number = rf"{fraction}|{number}"
    names = word_regex(word for word in UNITS if len(word) > 3 and word.isalpha())
    # "a gallon of beer": in English an article before a unit's full name is one
    article = "(?i:an?)" if language == "en" else "(?!)"  # "A gallon" opens a sentence
    number = rf"{number}|(?P<article>{article})(?=[ \u00a0](?:{names})(?![\w-]))"
    never = "(?!)"  # a language without a table still has every group, matching nothing
    spelled = fraction_words_pattern(locale) or never  # "one sixth", before "one" alone
    number = rf"{number}|(?P<spelled>{spelled})|(?P<words>{number_words_pattern(locale) or never})"
    number = rf"(?P<vague>{vague_pattern(locale) or never})|{number}"
    low_unit = rf"(?:[\s-]?(?P<low_unit>{units})(?![\w]))?"
    dash_unit = rf"(?:[\s-]?(?P<dash_unit>{units})(?![\w]))?"
    opening = word_regex([between, start])
    closing = word_regex([conjunction, to])
    dashed = word_regex(dash_words.split("|"))
    ranges = (
        rf"{opening}\s+(?P<low_minus>[-−](?=\d))?{renamed('low')}{low_unit}\s+{closing}\s+"
        rf"|(?P<dash_minus>[-−](?=\d))?{renamed('dash')}{dash_unit}"
        rf"(?:\s*[-\u2013\u2014]\s*|-?\s+{dashed}\s+)"
    )
    words, runs_on = number_first_words(locale)
    firsts = {*words, *vague_first_words(locale), between, start}
    firsts.update(word.split()[0] for word in QUALIFIERS.get(language, QUALIFIERS["en"]))
    check = starts_with(firsts, runs_on, also=r"[\d½⅓⅔¼¾⅕⅛]|[-−]\d")
    return re.compile(
        rf"(?<![\w.,]){check}(?:(?P<qualifier>{qualifiers})\s+)?(?:{ranges})?(?:{number})"
        rf"(?:[\s-]?(?P<unit>{units})(?:{_POWER})?(?![\w]))?"
    )


def _quantity(
    *,
    value: Decimal | None = None,
    low: Decimal | None = None,
    high: Decimal | None = None,
    unit: str | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    of: str | None = None,
) -> Quantity:
    """``Quantity(...)``, shared between equal readings: repetitive text repeats them."""
    written = tuple(None if d is None else str(d) for d in (value, low, high))
    return _cached_quantity(*written, unit, qualifier, of)


@functools.lru_cache(maxsize=1024)
def _cached_quantity(
    value: str | None,
    low: str | None,
    high: str | None,
    unit: str | None,
    qualifier: Qualifier,
    of: str | None,
) -> Quantity:
    def number(text: str | None) -> Decimal | None:
        return None if text is None else Decimal(text)

    return Quantity(
        value=number(value), low=number(low), high=number(high), unit=unit, qualifier=qualifier,
        of=of,
    )  # fmt: skip


_POWER = r"\^(?P<power>[23])(?![\d.])|(?P<raised>[²³])|\s+(?P<power_word>squared|cubed)"
"""A power after a unit: "km^2", "m³", "km cubed" (a unit written with it, "km²", is a word)."""


def _power(groups: dict[str, str | None]) -> int:
    written = groups["power"] or groups["raised"] or groups["power_word"]
    return {"2": 2, "3": 3, "²": 2, "³": 3, "squared": 2, "cubed": 3}.get(written or "", 1)


@functools.lru_cache(maxsize=256)
def _unit(word: str | None, power: int = 1) -> str | None:
    """The pint unit a unit word means, raised to ``power``; "" for a power of a power."""
    if not word:
        return None
    name = UNITS[key(word)]
    if power == 1:
        return canonical_unit(name)
    return "" if "**" in name else canonical_unit(f"{name} ** {power}")


_OF = re.compile(r"\s+of\b")


class _NotAQuantityError(Exception):
    """The match is not a quantity (a year, an article, a score)."""


class _TwoMeasuresError(Exception):
    """A "range" whose ends have different units: the first end, as a quantity of its own."""

    def __init__(self, quantity: Quantity, start: int, end: int) -> None:
        super().__init__(quantity)
        self.quantity, self.start, self.end = quantity, start, end


def _value(match: re.Match[str], locale: str) -> tuple[Decimal, bool]:
    """The number the match writes and whether it is exact."""
    if match.groupdict().get("article"):
        return Decimal(1), True
    if match.group("spelled") is not None:
        spelled = read_fraction_words(match.group("spelled"), locale)
        if spelled is None:
            raise _NotAQuantityError(match.group("spelled"))
        return spelled
    if match.group("words") is not None:
        value = read_number_words(match.group("words"), locale)
        if value is None:
            raise _NotAQuantityError(match.group("words"))
        return value, True
    if match.group("fraction") is not None:
        scale = match.group("fraction_s")
        power = scale_words(locale)[key(scale)] if scale else 0
        fraction = read_fraction(match.group("fraction"), power)
        if fraction is None:
            raise _NotAQuantityError(match.group("fraction"))
        return fraction
    number = read_number(match.group("number"), match.group("scale"), locale)
    if number is None:
        raise _NotAQuantityError(match.group("number"))
    if match.group("minus"):
        number = -number  # "-18 °C", "-1e-3"
    exponent = match.group("exponent")
    if exponent:
        number = _times_power(number, exponent.strip())
    return number, True


def _times_power(number: Decimal, exponent: str) -> Decimal:
    """``number`` times the power ``exponent`` writes: ``e14``, ``×10−5``, ``x2^10``."""
    if exponent[0] in "eE":
        return number.scaleb(int(exponent[1:].replace("−", "-")))
    written = exponent[1:].strip()
    if written.startswith("10"):
        return number.scaleb(int(written[2:].lstrip("^").replace("−", "-")))
    base, _, power = written.partition("^")
    factor = int(base) ** int(power)  # at most 9^99, an exact int
    if len(str(factor)) > MAX_DIGITS:
        raise _NotAQuantityError(exponent)
    product = number.fma(factor, 0, context=Context(prec=2 * MAX_DIGITS + 2))
    if len(product.normalize().as_tuple().digits) > MAX_DIGITS:
        raise _NotAQuantityError(exponent)
    return product.quantize(Decimal(1)) if product == product.to_integral_value() else product


_FIRSTS = (
    "low_minus", "low", "dash_minus", "dash", "vague", "fraction", "minus", "number", "spelled",
    "words", "article",
)  # fmt: skip


def _build(match: re.Match[str], text: str, locale: str) -> Quantity | None:
    language = language_of(locale)
    groups = match.groupdict()
    first = next(name for name in _FIRSTS if groups[name] is not None)
    number_end = match.start("unit") if groups["unit"] else match.end()
    if part_of_something_else(
        text, match.start(first), match.end(), language, number_end=number_end
    ):
        return None
    unit = _unit(groups["unit"], _power(groups))
    if unit == "":
        return None  # "4 km² squared": no unit pint would read
    word = groups["qualifier"]
    table = QUALIFIERS.get(language, QUALIFIERS["en"])
    qualifier = table[key(word)] if word else Qualifier.EXACT
    after = match.end()
    if groups["vague"] is not None:
        vague = read_vague(groups["vague"], locale)
        if vague is None:
            return None
        of = counted(text, after, language, skip_of=True)
        if vague.value is not None:  # a fraction: "a third of"
            share = qualifier if word else Qualifier.APPROXIMATELY
            return _quantity(value=vague.value, unit="percent", qualifier=share, of=of)
        return _quantity(
            low=vague.low, high=vague.high, qualifier=Qualifier.RANGE, unit=unit, of=of
        )
    try:
        value, exact = _value(match, locale)
    except _NotAQuantityError:
        return None
    if groups["spelled"] is not None and unit is None and _OF.match(text, after):
        # "one sixth of the vote": a share, as "a third of" (vague.FRACTIONS) is
        share = qualifier if word else Qualifier.APPROXIMATELY
        of = counted(text, after, language, skip_of=True)
        percent = (value * 100).normalize()  # as exact as the fraction: 16.66666667, 60
        if percent == percent.to_integral_value():
            percent = percent.quantize(Decimal(1))
        return _quantity(value=percent, unit="percent", qualifier=share, of=of)
    fraction = groups["fraction"] or ""
    mixed = " " in fraction or "\u00a0" in fraction  # "2 1/2": a whole number and a fraction
    if "/" in fraction and not mixed and unit is None and not _OF.match(text, after):
        return None  # "24/02" is a date, "3/1" a score: a fraction needs a unit or "of"
    of = None
    if unit in (None, "percent"):
        of = counted(text, after, language, skip_of=unit == "percent" or bool(fraction))
    low_name = "low" if groups["low"] else "dash" if groups["dash"] else None
    if low_name is not None:
        return _range(match, low_name, value, unit, of, text, locale)
    bare = groups["number"] or ""
    if not word and unit is None and not groups["scale"]:
        year = looks_like_year(bare, text, match.start("number") if bare else 0, language)
        if year == "year" or (year == "maybe" and of is None):
            return None
    if not exact and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.APPROXIMATELY
    return _quantity(value=value, qualifier=qualifier, unit=unit, of=of)


def _range(
    match: re.Match[str],
    low_name: str,
    high: Decimal,
    unit: str | None,
    of: str | None,
    text: str,
    locale: str,
) -> Quantity | None:
    """The range the match writes, or None where it is no range (a score, two years)."""
    scale = match.group(f"{low_name}_s") or match.group("scale")
    low = read_number(match.group(low_name), scale, locale)
    if low is None:
        return None
    if match.group(f"{low_name}_minus"):
        low = -low
    if low_name == "low" and low > high:  # "ranged from -18 °C to -34 °C"
        low, high = high, low
    low_unit = _unit(match.group(f"{low_name}_unit"))
    if low_unit is not None and unit is not None and low_unit != unit:
        # "from 44 ml to 50 mg": two measures, not a range
        raise _TwoMeasuresError(
            Quantity(value=low, unit=low_unit), match.start(low_name), match.end(f"{low_name}_unit")
        )
    unit = unit or low_unit
    bare = unit is None and not match.group("scale")
    if bare and is_year_like(match.group(low_name)) and is_year_like(match.group("number") or ""):
        return None  # "2014-2022", "from 2014 to 2022": years
    try:
        return _quantity(low=low, high=high, qualifier=Qualifier.RANGE, unit=unit, of=of)
    except ValidationError:  # "3-1" is a score: no range
        return None


_AFTER = max(REACH, WINDOW) + 8
_MEMO_SIZE = 4096


def _quantities(text: str, locale: str) -> Iterator[QuantityMatch]:
    # A reading depends only on the text from WINDOW characters before the match to _AFTER
    # characters after it, so a repeated passage is read once (repetitive text stays fast).
    memo: dict[str, Quantity | None] = {}
    for match in _pattern(locale).finditer(text):
        start, end = match.span()
        lowest = max(0, start - WINDOW)
        around = f"{start - lowest}:{text[lowest : end + _AFTER]}"  # a str: no GC tracking
        try:
            quantity = memo[around] if around in memo else _build(match, text, locale)
        except ValidationError:
            quantity = None
        except _TwoMeasuresError as two:
            yield QuantityMatch(two.start, two.end, text[two.start : two.end], two.quantity)
            high = match.start("number") if match.group("number") else match.start("words")
            again = _pattern(locale).match(text, high)
            rest = _build(again, text, locale) if again is not None else None
            if rest is not None:
                yield QuantityMatch(high, match.end(), text[high : match.end()], rest)
            continue
        if len(memo) < _MEMO_SIZE:
            memo[around] = quantity
        if quantity is not None:
            yield QuantityMatch(start, end, match.group(), quantity)


def find_quantities(text: str, *, locale: str = "en") -> list[QuantityMatch]:
    """Every quantity in ``text``, in order, each with its span."""
    text = require_text(text, "find_quantities")
    return all_matches(_quantities(text, locale_id(locale)), text)


def parse_quantity(text: str, *, locale: str = "en") -> Quantity:
    """The first quantity in ``text``; :class:`~geostmt.ParseError` if there is none."""
    checked = require_text(text, "parse_quantity")
    cldr = locale_id(locale)
    return first_match(checked, lambda t: _quantities(t, cldr), "quantity").quantity
