"""``parse_quantity`` and ``find_quantities``: counts and measures with qualifiers and units.

"around 10,000 North Korean soldiers" -> value 10000, approximately, of "North Korean soldiers";
"80 percent" -> value 80, unit ``percent``; "between 5 and 7 km" -> a range in kilometers.
Qualifier words, units and scale words are tables per language (en, de, fr so far).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from geostmt.errors import ValidationError
from geostmt.locales import locale_id, require_text
from geostmt.model.enums import Qualifier
from geostmt.model.qualifier_words import QUALIFIER_WORDS, qualifier_of_word
from geostmt.model.values import Quantity
from geostmt.normalise._first import first_match
from geostmt.normalise.number_words import number_words_pattern, read_number_words
from geostmt.normalise.numbers import language_of, number_pattern, read_number
from geostmt.reference.units import canonical_unit

__all__ = ["QuantityMatch", "find_quantities", "parse_quantity"]

QUALIFIERS: dict[str, dict[str, Qualifier]] = {
    language: qualifier_of_word(language) for language in QUALIFIER_WORDS
}
"""Qualifier words per language, from :data:`geostmt.model.qualifier_words.QUALIFIER_WORDS`."""

RANGES: dict[str, tuple[str, str]] = {
    "en": ("between", "and"), "de": ("zwischen", "und"), "fr": ("entre", "et"),
    "es": ("entre", "y"), "ru": ("от", "до"), "uk": ("від", "до"),
}  # fmt: skip
"""The words of "between X and Y" per language."""

UNITS: dict[str, str] = {
    "percent": "percent", "per cent": "percent", "%": "percent", "prozent": "percent",
    "pour cent": "percent", "square kilometres": "kilometer ** 2",
    "square kilometers": "kilometer ** 2", "sq km": "kilometer ** 2", "km2": "kilometer ** 2",
    "km²": "kilometer ** 2", "kilometres": "kilometer", "kilometers": "kilometer",
    "kilometre": "kilometer", "kilometer": "kilometer", "km/h": "kilometer / hour",
    "km": "kilometer", "miles": "mile", "mile": "mile", "metres": "meter", "meters": "meter",
    "m": "meter", "tonnes": "metric_ton", "tonne": "metric_ton", "kg": "kilogram",
    "kilograms": "kilogram", "barrels": "barrel", "barrel": "barrel", "por ciento": "percent",
    "процентов": "percent", "процента": "percent", "відсотків": "percent", "км": "kilometer",
}  # fmt: skip
"""Unit words (lower case) and the pint unit each means."""

_STOP = frozenset(
    [
        *("have", "has", "had", "are", "were", "is", "was", "be", "been", "will", "would"),
        *("in", "to", "for", "at", "on", "with", "and", "or", "that", "which", "who", "from"),
        *("by", "as", "than", "into", "since", "after", "before", "but", "if", "against"),
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


_ARTICLES = frozenset({"a", "an", "ein", "eine", "un", "une", "una"})


class _NotANumberError(Exception):
    """Words the pattern took for a number that do not form one (a lone article)."""


class QuantityMatch(NamedTuple):
    """A quantity found in text, with its character span ``text[start:end]``."""

    start: int
    end: int
    text: str
    quantity: Quantity


@functools.lru_cache(maxsize=16)
def _pattern(locale: str) -> re.Pattern[str]:
    language = language_of(locale)
    words = QUALIFIERS.get(language, QUALIFIERS["en"])
    qualifiers = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    digits = number_pattern(locale)
    number = digits

    def renamed(name: str) -> str:
        return digits.replace("?P<number>", f"?P<{name}>").replace("?P<scale>", f"?P<{name}_s>")

    between, conjunction = RANGES.get(language, RANGES["en"])
    units = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    spelled = number_words_pattern(locale)
    if spelled is not None:
        number = rf"(?:{number}|(?P<words>{spelled}))"
    return re.compile(
        rf"(?<![\w.,])(?:(?P<qualifier>{qualifiers})\s+)?"
        rf"(?:{between}\s+{renamed('low')}\s+{conjunction}\s+|{renamed('dash')}\s*(?:[-\u2013]|to\s)\s*)?"
        rf"{number}(?:\s?(?P<unit>{units})(?![\w]))?",
        re.IGNORECASE,
    )


def _counted(text: str, position: int) -> str | None:
    """The noun phrase after ``position``, up to a clause boundary (at most five words)."""
    words: list[str] = []
    cursor = position
    while len(words) < 5:
        match = _WORD.match(text, cursor + (len(text[cursor:]) - len(text[cursor:].lstrip(" "))))
        if match is None or match.group().lower() in _STOP:
            break
        words.append(match.group())
        cursor = match.end()
        if cursor >= len(text) or text[cursor] != " ":
            break
    return " ".join(words) or None


def _build(match: re.Match[str], text: str, locale: str) -> Quantity:
    unit_word = match.group("unit")
    unit = canonical_unit(UNITS[unit_word.lower()]) if unit_word else None
    if match.group("number") is not None:
        value = read_number(match.group("number"), match.group("scale"), locale)
    else:
        words = read_number_words(match.group("words"), locale)
        if words is None or match.group("words").casefold() in _ARTICLES:
            raise _NotANumberError(match.group("words"))
        value = words
    after = match.end()
    if unit == "percent" and text[after : after + 4].lower() == " of ":
        after += 3
    of = _counted(text, after) if unit is None or unit == "percent" else None
    low_name = "low" if match.group("low") else "dash" if match.group("dash") else None
    if low_name is not None:
        scale = match.group(f"{low_name}_s") or match.group("scale")
        low = read_number(match.group(low_name), scale, locale)
        return Quantity(low=low, high=value, qualifier=Qualifier.RANGE, unit=unit, of=of)
    word = match.group("qualifier")
    table = QUALIFIERS.get(language_of(locale), QUALIFIERS["en"])
    qualifier = table[word.lower()] if word else Qualifier.EXACT
    return Quantity(value=value, qualifier=qualifier, unit=unit, of=of)


def find_quantities(text: str, *, locale: str = "en") -> list[QuantityMatch]:
    """Every quantity in ``text``, in order, each with its span."""
    text = require_text(text, "find_quantities")
    locale = locale_id(locale)
    found = []
    for match in _pattern(locale).finditer(text):
        try:
            quantity = _build(match, text, locale)
        except (ValidationError, _NotANumberError):  # "3-1" is a score, "a" an article: no quantity
            continue
        found.append(QuantityMatch(match.start(), match.end(), match.group(), quantity))
    return found


def parse_quantity(text: str, *, locale: str = "en") -> Quantity:
    """The first quantity in ``text``; :class:`~geostmt.ParseError` if there is none."""
    return first_match(
        text, lambda t: find_quantities(t, locale=locale), "quantity", "parse_quantity"
    ).quantity
