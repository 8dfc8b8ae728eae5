"""What may follow a currency written after an amount: a scale, or the minor unit.

"75 USD million" is 75,000,000 USD; "15 dollars 50", "3 dollars 50 cents", "thirteen dollars
and forty-five cents" are 15.50, 3.50 and 13.45. A number after the currency is read as the
minor unit only when it is under 100 and either a minor unit's name follows ("cents",
"pence", "копеек") or the sentence ends there: "15 dollars and 50 tanks" is 15 dollars.
An ISO code with a leading ``M`` ("30 MUSD", "MEUR 120") means millions, as in financial
reports. Each check looks a bounded distance ahead, so reading stays linear in the text.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from geostmt.normalise._trie import key, word_regex
from geostmt.normalise.number_words import number_words_pattern, read_number_words
from geostmt.normalise.numbers import scale_words

__all__ = ["MINOR_UNITS", "millions_code", "minor_after", "scale_after"]

MINOR_UNITS = (
    "cents", "cent", "pence", "penny", "centimes", "centime", "céntimos", "céntimo",
    "centavos", "centavo", "kopecks", "kopeks", "копеек", "копейки", "копейка", "копійок",
    "копійки", "копійка", "rappen",
)  # fmt: skip
"""Names of minor units (a hundredth of the main unit)."""

_JOINS = ("and", "et", "y", "con", "und", "и", "і", "та")
_GAP = r"[ \u00a0]{1,3}"
_MCODE = re.compile(r"M([A-Z]{3})(?![A-Za-z])")


@functools.lru_cache(maxsize=16)
def _minor(locale: str) -> re.Pattern[str]:
    words = number_words_pattern(locale) or "(?!)"
    named = rf"{_GAP}(?P<unit>{word_regex(MINOR_UNITS)})(?![^\W\d_])"
    ending = r"(?=[ \u00a0]*(?:[.!?;](?!\d)|\Z))"  # the sentence ends: "15 dollars 50."
    return re.compile(
        rf"{_GAP}(?:{word_regex(_JOINS)}{_GAP})?(?P<minor>\d{{1,2}}(?!\d)|{words})"
        rf"(?:{named}|{ending})"
    )


def minor_after(text: str, position: int, locale: str) -> tuple[Decimal, int] | None:
    """The minor units written at ``position`` (as hundredths) and where they end, or None."""
    match = _minor(locale).match(text, position)
    if match is None:
        return None
    written = match.group("minor")
    count = Decimal(written) if written.isdigit() else read_number_words(written, locale)
    if count is None or count >= 100:
        return None
    return count / 100, match.end()


@functools.lru_cache(maxsize=16)
def _scale(locale: str) -> re.Pattern[str]:
    return re.compile(rf"[ \u00a0]?(?P<scale>{word_regex(scale_words(locale))})(?![\w])")


def scale_after(text: str, position: int, locale: str) -> tuple[int, int] | None:
    """The power of ten of a scale word written at ``position`` and where it ends, or None."""
    match = _scale(locale).match(text, position)
    if match is None:
        return None
    return scale_words(locale)[key(match.group("scale"))], match.end()


def millions_code(text: str) -> str | None:
    """The ISO code in an ``M``-prefixed code ("MUSD" -> "USD"), or None."""
    from geostmt.reference import is_currency

    match = _MCODE.fullmatch(text)
    return match.group(1) if match and is_currency(match.group(1)) else None
