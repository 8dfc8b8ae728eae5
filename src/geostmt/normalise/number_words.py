"""Numbers written in words, table-driven: a new language is a new table, not new code.

"ten thousand", "twenty-five", "one hundred and fifty", "a dozen", "two dozen",
"half a billion", "zehntausend", "fünfundzwanzig", "dix mille", "quatre-vingt-dix",
"veinticinco", "десять тысяч", "десять тисяч". Words combine the usual way: small numbers add
("twenty" + "five"), ``hundred`` and ``dozen`` multiply what precedes, and a scale word
(``thousand``, ``million``...) closes a group.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from geostmt.normalise.numbers import language_of

__all__ = ["NUMBER_WORDS", "number_words_pattern", "read_number_words"]

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_DE_UNITS = [
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_ES_UNITS = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
]
_RU_UNITS = [
    "ноль",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
_UK_UNITS = [
    "нуль",
    "один",
    "два",
    "три",
    "чотири",
    "п'ять",
    "шість",
    "сім",
    "вісім",
    "дев'ять",
    "десять",
    "одинадцять",
    "дванадцять",
    "тринадцять",
    "чотирнадцять",
    "п'ятнадцять",
    "шістнадцять",
    "сімнадцять",
    "вісімнадцять",
    "дев'ятнадцять",
]


def _tens(words: str) -> dict[str, int]:
    return {word: 10 * (i + 2) for i, word in enumerate(words.split())}


NUMBER_WORDS: dict[str, dict[str, dict[str, int]]] = {
    "en": {
        "add": {
            **{w: i for i, w in enumerate(_EN_UNITS)},
            "a": 1,
            "an": 1,
            **_tens("twenty thirty forty fifty sixty seventy eighty ninety"),
        },
        "multiply": {"hundred": 100, "dozen": 12, "dozens": 12},
        "scale": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
        "join": {"and": 0},
    },
    "de": {
        "add": {
            **{w: i for i, w in enumerate(_DE_UNITS)},
            "ein": 1,
            "eine": 1,
            "einen": 1,
            "sech": 6,
            "sieb": 7,
            **_tens("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig"),
        },
        "multiply": {"hundert": 100, "dutzend": 12},
        "scale": {
            "tausend": 10**3,
            "million": 10**6,
            "millionen": 10**6,
            "milliarde": 10**9,
            "milliarden": 10**9,
        },
        "join": {"und": 0},
    },
    "fr": {
        "add": {
            **{w: i for i, w in enumerate(_FR_UNITS)},
            "une": 1,
            **_tens("vingt trente quarante cinquante soixante"),
            "vingts": 20,
            "quatre-vingt": 80,
            "quatre-vingts": 80,
        },
        "multiply": {"cent": 100, "cents": 100, "douzaine": 12, "douzaines": 12},
        "scale": {
            "mille": 10**3,
            "million": 10**6,
            "millions": 10**6,
            "milliard": 10**9,
            "milliards": 10**9,
        },
        "join": {"et": 0},
    },
    "es": {
        "add": {
            **{w: i for i, w in enumerate(_ES_UNITS)},
            "un": 1,
            "una": 1,
            **_tens("veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa"),
            "veinti": 20,
            "cien": 100,
            "ciento": 100,
            "doscientos": 200,
            "trescientos": 300,
            "cuatrocientos": 400,
            "quinientos": 500,
            "seiscientos": 600,
            "setecientos": 700,
            "ochocientos": 800,
            "novecientos": 900,
        },
        "multiply": {"docena": 12, "docenas": 12},
        "scale": {"mil": 10**3, "millón": 10**6, "millones": 10**6},
        "join": {"y": 0},
    },
    "ru": {
        "add": {
            **{w: i for i, w in enumerate(_RU_UNITS)},
            "одна": 1,
            "две": 2,
            **_tens("двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто"),
            "сто": 100,
            "двести": 200,
            "триста": 300,
            "четыреста": 400,
            "пятьсот": 500,
            "шестьсот": 600,
            "семьсот": 700,
            "восемьсот": 800,
            "девятьсот": 900,
            # genitive forms, as after "около" and "более"
            "двух": 2,
            "трёх": 3,
            "трех": 3,
            "четырёх": 4,
            "четырех": 4,
            "пяти": 5,
            "шести": 6,
            "семи": 7,
            "восьми": 8,
            "девяти": 9,
            "десяти": 10,
            "двадцати": 20,
            "тридцати": 30,
            "пятидесяти": 50,
            "ста": 100,
        },
        "multiply": {"дюжина": 12, "дюжины": 12},
        "scale": {
            "тысяча": 10**3,
            "тысячи": 10**3,
            "тысяч": 10**3,
            "миллион": 10**6,
            "миллиона": 10**6,
            "миллионов": 10**6,
            "миллиард": 10**9,
            "миллиарда": 10**9,
            "миллиардов": 10**9,
        },
        "join": {"и": 0},
    },
    "uk": {
        "add": {
            **{w: i for i, w in enumerate(_UK_UNITS)},
            "одна": 1,
            "дві": 2,
            **_tens("двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто"),
            "сто": 100,
            "двісті": 200,
            "триста": 300,
            "чотириста": 400,
            "п'ятсот": 500,
            "шістсот": 600,
            "сімсот": 700,
            "вісімсот": 800,
            "дев'ятсот": 900,
            # genitive forms, as after "близько" and "понад"
            "двох": 2,
            "трьох": 3,
            "чотирьох": 4,
            "п'яти": 5,
            "шести": 6,
            "семи": 7,
            "восьми": 8,
            "дев'яти": 9,
            "десяти": 10,
            "двадцяти": 20,
        },
        "multiply": {"дюжина": 12},
        "scale": {
            "тисяча": 10**3,
            "тисячі": 10**3,
            "тисяч": 10**3,
            "мільйон": 10**6,
            "мільйона": 10**6,
            "мільйонів": 10**6,
            "мільярд": 10**9,
            "мільярда": 10**9,
            "мільярдів": 10**9,
        },
        "join": {"і": 0, "й": 0},
    },
}
"""Per language: words that add, multiply (hundred, dozen), close a group (scales) or join."""

_HALF = {"en": "half", "de": "halb", "fr": "demi", "es": "medio", "ru": "пол", "uk": "пів"}


@functools.lru_cache(maxsize=16)
def _morphemes(language: str) -> dict[str, tuple[str, int]]:
    table = NUMBER_WORDS[language]
    return {word: (kind, value) for kind, words in table.items() for word, value in words.items()}


@functools.lru_cache(maxsize=16)
def number_words_pattern(locale: str) -> str | None:
    """A regex for a run of number words in ``locale``'s language, or None if it has no table."""
    language = language_of(locale)
    if language not in NUMBER_WORDS:
        return None
    words = sorted(_morphemes(language), key=len, reverse=True)
    morpheme = "|".join(re.escape(w) for w in words)
    joined = rf"(?:{morpheme})+"  # compounds written as one word: "fünfundzwanzig"
    return rf"(?<![^\W\d_])(?:{_HALF[language]}\s+)?{joined}(?:[\s-]+{joined})*(?![^\W\d_])"


def _split(word: str, morphemes: dict[str, tuple[str, int]]) -> list[tuple[str, int]] | None:
    """``word`` as a sequence of known morphemes, longest first; None if it is not one."""
    if word in morphemes:
        return [morphemes[word]]
    for end in range(len(word) - 1, 0, -1):
        head = morphemes.get(word[:end])
        if head is not None and word[end:] != "-":
            rest = _split(word[end:].lstrip("-"), morphemes)
            if rest is not None:
                return [head, *rest]
    return None


def read_number_words(text: str, locale: str) -> Decimal | None:
    """The value of the number words in ``text``, or None when they do not form a number."""
    language = language_of(locale)
    morphemes = _morphemes(language)
    words = text.casefold().split()
    half = bool(words) and words[0] == _HALF[language]
    if half:
        words = words[1:]
    parts: list[tuple[str, int]] = []
    for word in words:
        split = _split(word, morphemes) or _split_hyphenated(word, morphemes)
        if split is None:
            return None
        parts.extend(split)
    total, current, seen = Decimal(0), Decimal(0), False
    for kind, number in parts:
        value = Decimal(number)
        if kind == "add":
            current += value
            seen = True
        elif kind == "multiply":
            current = (current or 1) * value
            seen = True
        elif kind == "scale":
            total += (current or 1) * value
            current = Decimal(0)
            seen = True
    if not seen:
        return None
    result = total + current
    return result / 2 if half else result


def _split_hyphenated(
    word: str, morphemes: dict[str, tuple[str, int]]
) -> list[tuple[str, int]] | None:
    parts: list[tuple[str, int]] = []
    for piece in word.split("-"):
        split = _split(piece, morphemes)
        if split is None:
            return None
        parts.extend(split)
    return parts
