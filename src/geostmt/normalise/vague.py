"""Vague amounts: "several thousand", "dozens of", "tens of thousands", "a third of".

None of these is ever ``exact`` (precision before recall). A vague count is a range,
``low`` to ``high``, read per word from :data:`VAGUE`:

- a few-word times what follows: "several" is 3 to 9 ("several thousand" is 3,000 to 9,000),
  "a few" 2 to 5; "mehrere", "einige" (3-9), "ein paar" (2-5); "plusieurs" (3-9),
  "quelques" (2-5); "varios" (3-9), "algunos", "unos pocos" (2-5); "несколько" (3-9);
  "кілька", "декілька" (3-9);
- a plural of a round number stands for 2 to 9 of it: "hundreds" is 200 to 999,
  "thousands" 2,000 to 9,999, "tens" ("dozens of") 20 to 99 (24 to 143 for dozens), and a
  following scale multiplies both ends: "tens of thousands" is 20,000 to 99,999;
- a fraction is a percentage, ``approximately``: "a third of" is 33.33333333 percent (to
  ``FRACTION_DIGITS`` significant digits, as every fraction), "half of" 50, "a quarter of" 25,
  "two thirds of" 66.66666667, "three quarters of" 75.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import NamedTuple

from geostmt.normalise._trie import word_regex
from geostmt.normalise.number_words import NUMBER_WORDS
from geostmt.normalise.numbers import fraction_value, language_of

__all__ = ["VAGUE", "Vague", "read_vague", "vague_pattern"]

_T = (3, 9)
_FEW = (2, 5)
_TENS = (20, 99)
_DOZENS = (24, 143)
_HUNDREDS = (200, 999)
_THOUSANDS = (2000, 9999)
_MILLIONS = (2 * 10**6, 10**7 - 1)
_BILLIONS = (2 * 10**9, 10**10 - 1)

VAGUE: dict[str, dict[str, dict[str, tuple[int, int]]]] = {
    "en": {
        "few": {"several": _T, "a few": _FEW},
        "count": {},
        "plural": {"tens": _TENS, "dozens": _DOZENS, "hundreds": _HUNDREDS,
                   "thousands": _THOUSANDS, "millions": _MILLIONS, "billions": _BILLIONS},
        "scale": {"thousands": (1000, 0), "millions": (10**6, 0), "billions": (10**9, 0)},
    },
    "de": {
        "few": {"mehrere": _T, "einige": _T, "ein paar": _FEW},
        "count": {},
        "plural": {"dutzende": _DOZENS, "hunderte": _HUNDREDS, "tausende": _THOUSANDS,
                   "zehntausende": (20_000, 99_999), "hunderttausende": (200_000, 999_999),
                   "millionen": _MILLIONS, "milliarden": _BILLIONS},
        "scale": {},
    },
    "fr": {
        "few": {"plusieurs": _T, "quelques": _FEW},
        "count": {"dizaines": (10, 0), "douzaines": (12, 0), "centaines": (100, 0),
                  "milliers": (1000, 0), "millions": (10**6, 0), "milliards": (10**9, 0)},
        "plural": {"des dizaines": _TENS, "des douzaines": _DOZENS,
                   "des centaines": _HUNDREDS, "des milliers": _THOUSANDS,
                   "des millions": _MILLIONS, "des milliards": _BILLIONS},
        "scale": {"milliers": (1000, 0), "millions": (10**6, 0), "milliards": (10**9, 0)},
    },
    "es": {
        "few": {"varios": _T, "varias": _T, "algunos": _FEW, "algunas": _FEW,
                "unos pocos": _FEW, "unas pocas": _FEW, "unos cuantos": _FEW},
        "count": {"decenas": (10, 0), "docenas": (12, 0), "cientos": (100, 0),
                  "centenares": (100, 0), "miles": (1000, 0), "millones": (10**6, 0)},
        "plural": {"decenas": _TENS, "docenas": _DOZENS, "cientos": _HUNDREDS,
                   "centenares": _HUNDREDS, "miles": _THOUSANDS, "millones": _MILLIONS},
        "scale": {"miles": (1000, 0), "millones": (10**6, 0)},
    },
    "ru": {
        "few": {"несколько": _T, "нескольких": _T},
        "count": {"десятков": (10, 0), "сотен": (100, 0), "тысяч": (1000, 0),
                  "миллионов": (10**6, 0), "миллиардов": (10**9, 0)},
        "plural": {"десятки": _TENS, "десятков": _TENS, "сотни": _HUNDREDS,
                   "сотен": _HUNDREDS, "тысячи": _THOUSANDS, "тысяч": _THOUSANDS,
                   "миллионы": _MILLIONS, "миллионов": _MILLIONS},
        "scale": {"тысяч": (1000, 0), "миллионов": (10**6, 0)},
    },
    "uk": {
        "few": {"кілька": _T, "декілька": _T, "кількох": _T},
        "count": {"десятків": (10, 0), "сотень": (100, 0), "тисяч": (1000, 0),
                  "мільйонів": (10**6, 0), "мільярдів": (10**9, 0)},
        "plural": {"десятки": _TENS, "десятків": _TENS, "сотні": _HUNDREDS,
                   "сотень": _HUNDREDS, "тисячі": _THOUSANDS, "тисяч": _THOUSANDS,
                   "мільйони": _MILLIONS, "мільйонів": _MILLIONS},
        "scale": {"тисяч": (1000, 0), "мільйонів": (10**6, 0)},
    },
}  # fmt: skip
"""Per language: few-words (a factor range for what follows), count nouns after them (their
value, 0), plurals of round numbers (their range) and scales after a plural (their value, 0)."""

OF: dict[str, str] = {"en": "of", "de": "", "fr": "de", "es": "de", "ru": "", "uk": ""}
"""The word between a plural and its scale ("tens of thousands"), if the language has one."""

_THIRD = fraction_value(100, 3)[0]
_TWO_THIRDS = fraction_value(200, 3)[0]
FRACTIONS: dict[str, dict[str, Decimal]] = {
    "en": {"a third": _THIRD, "one third": _THIRD,
           "two thirds": _TWO_THIRDS, "half": Decimal(50), "a quarter": Decimal(25),
           "one quarter": Decimal(25), "three quarters": Decimal(75)},
    "de": {"ein drittel": _THIRD, "zwei drittel": _TWO_THIRDS,
           "die hälfte": Decimal(50), "ein viertel": Decimal(25), "drei viertel": Decimal(75)},
    "fr": {"un tiers": _THIRD, "deux tiers": _TWO_THIRDS,
           "la moitié": Decimal(50), "un quart": Decimal(25), "trois quarts": Decimal(75)},
    "es": {"un tercio": _THIRD, "dos tercios": _TWO_THIRDS,
           "la mitad": Decimal(50), "un cuarto": Decimal(25), "tres cuartos": Decimal(75)},
    "ru": {"треть": _THIRD, "две трети": _TWO_THIRDS,
           "половина": Decimal(50), "половину": Decimal(50), "четверть": Decimal(25),
           "три четверти": Decimal(75)},
    "uk": {"третина": _THIRD, "третину": _THIRD,
           "дві третини": _TWO_THIRDS, "половина": Decimal(50), "половину": Decimal(50),
           "чверть": Decimal(25), "три чверті": Decimal(75)},
}  # fmt: skip
"""Fraction words and the percentage each is (approximately); en, fr and es need "of"/"de"."""
_FRACTION_OF = {"en": r"\s+of\b", "fr": r"\s+(?:de|des|du|d['’])", "es": r"\s+de\b"}


class Vague(NamedTuple):
    """A vague amount: a range (``low``, ``high``) or an approximate percentage (``value``)."""

    low: Decimal | None
    high: Decimal | None
    value: Decimal | None


def _big_words(language: str) -> dict[str, int]:
    table = NUMBER_WORDS.get(language, {})
    words = {**table.get("multiply", {}), **table.get("scale", {})}
    return {**words, **{w: v for w, (v, _) in VAGUE[language]["count"].items()}}


@functools.lru_cache(maxsize=16)
def vague_pattern(locale: str) -> str | None:
    """A regex for a vague amount in ``locale``'s language, or None if it has no table."""
    language = language_of(locale)
    if language not in VAGUE:
        return None
    table = VAGUE[language]
    big = word_regex(_big_words(language))
    few = rf"(?:{word_regex(table['few'])})\s+(?:{big})(?:\s+(?:{big})){{0,2}}"
    of = rf"\s+{OF[language]}" if OF[language] else ""
    scale = rf"(?:{of}\s+(?:{word_regex(table['scale'])}))?" if table["scale"] else ""
    plural = rf"(?:{word_regex(table['plural'])}){scale}"
    fraction = rf"(?:{word_regex(FRACTIONS[language])})(?={_FRACTION_OF.get(language, '')})"
    return rf"(?<![^\W\d_])(?:{fraction}|{few}|{plural})(?![^\W\d_])"


def first_words(locale: str) -> frozenset[str]:
    """The words a vague amount can start with, for a fast first check."""
    language = language_of(locale)
    if language not in VAGUE:
        return frozenset()
    table = VAGUE[language]
    phrases = [*table["few"], *table["plural"], *FRACTIONS[language]]
    return frozenset(phrase.split()[0] for phrase in phrases)


def read_vague(text: str, locale: str) -> Vague | None:
    """The amount a match of :func:`vague_pattern` means, or None if it is not one."""
    language = language_of(locale)
    table = VAGUE[language]
    folded = " ".join(text.casefold().split())
    if folded in FRACTIONS[language]:
        return Vague(None, None, FRACTIONS[language][folded])
    for word, (low, high) in sorted(table["few"].items(), key=lambda item: -len(item[0])):
        if folded.startswith(word + " "):
            factor = 1
            big = _big_words(language)
            for following in folded[len(word) + 1 :].split():
                if following not in big:
                    return None
                factor *= big[following]
            return Vague(Decimal(low * factor), Decimal(high * factor), None)
    for word, (low, high) in sorted(table["plural"].items(), key=lambda item: -len(item[0])):
        if folded == word or folded.startswith(word + " "):
            rest = folded[len(word) :].split()
            if rest and rest[0] == OF[language]:
                rest = rest[1:]
            if rest and rest[0] not in table["scale"]:
                return None
            factor = table["scale"][rest[0]][0] if rest else 1
            return Vague(Decimal(low * factor), Decimal((high + 1) * factor - 1), None)
    return None
