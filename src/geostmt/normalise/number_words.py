"""Numbers written in words, table-driven: a new language is a new table, not new code.

"ten thousand", "twenty-five", "one hundred and fifty", "a dozen", "two dozen", "two and a
half", "half a billion", "zehntausend", "fünfundzwanzig", "dix mille", "quatre-vingt-dix",
"veinticinco", "tres mil millones", "десять тысяч", "десять тисяч". Words combine the usual
way: small numbers add, larger first ("twenty" + "five"; German puts the unit first,
"fünfundzwanzig"), ``hundred`` and ``dozen`` multiply what precedes, and a scale word
(``thousand``, ``million``...) closes a group. A run that does not form a number this way
("twenty twenty", "five six", a lone article) is no number: precision before recall. Runs are
bounded (:data:`MAX_WORDS` words, :data:`MAX_WORD_LENGTH` letters a word), so reading is linear
in the text.
"""

from __future__ import annotations

import functools
import re
from decimal import Context, Decimal

from geostmt.normalise._trie import word_regex
from geostmt.normalise.numbers import MAX_DIGITS, fraction_value, language_of

__all__ = [
    "FRACTION_WORDS",
    "MAX_WORDS",
    "MAX_WORD_LENGTH",
    "NUMBER_WORDS",
    "fraction_words_pattern",
    "number_words_pattern",
    "read_fraction_words",
    "read_number_words",
]

MAX_WORDS = 16
"""The most words a number in words may have ("one hundred and twenty-five thousand ...")."""
MAX_WORD_LENGTH = 60
"""The longest single word read as a number (German compounds run to about 55 letters)."""


def _units(words: str) -> dict[str, int]:
    return {word: i for i, word in enumerate(words.split())}


def _tens(words: str) -> dict[str, int]:
    return {word: 10 * (i + 2) for i, word in enumerate(words.split())}


def _hundreds(words: str) -> dict[str, int]:
    return {word: 100 * (i + 1) for i, word in enumerate(words.split())}


def _scale(words: str, power: int) -> dict[str, int]:
    return dict.fromkeys(words.split(), 10**power)


NUMBER_WORDS: dict[str, dict[str, dict[str, int]]] = {
    "en": {
        "add": {
            **_units("zero one two three four five six seven eight nine ten eleven twelve "
                     "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"),
            **_tens("twenty thirty forty fifty sixty seventy eighty ninety"),
        },
        "multiply": {"hundred": 100, "dozen": 12, "dozens": 12},
        "scale": {**_scale("thousand", 3), **_scale("million", 6), **_scale("billion", 9),
                  **_scale("trillion", 12)},
        "join": {"and": 0},
    },
    "de": {
        "add": {
            **_units("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf "
                     "dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn"),
            "ein": 1, "eine": 1, "einen": 1,
            **_tens("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig"),
        },
        "multiply": {"hundert": 100, "dutzend": 12},
        "scale": {**_scale("tausend", 3), **_scale("million millionen", 6),
                  **_scale("milliarde milliarden", 9), **_scale("billion billionen", 12)},
        "join": {"und": 0},
    },
    "fr": {
        "add": {
            **_units("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize "
                     "quatorze quinze seize dix-sept dix-huit dix-neuf"),
            "une": 1, **_tens("vingt trente quarante cinquante soixante"), "vingts": 20,
            "quatre-vingt": 80, "quatre-vingts": 80,
        },
        "multiply": {"cent": 100, "cents": 100, "douzaine": 12, "douzaines": 12},
        "scale": {**_scale("mille", 3), **_scale("million millions", 6),
                  **_scale("milliard milliards", 9), **_scale("billion billions", 12)},
        "join": {"et": 0},
    },
    "es": {
        "add": {
            **_units("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce "
                     "trece catorce quince dieciséis diecisiete dieciocho diecinueve"),
            "un": 1, "una": 1, "veinti": 20, "veintidós": 22, "veintitrés": 23,
            "veintiséis": 26,
            **_tens("veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa"),
            "cien": 100, "ciento": 100,
            **_hundreds("ciento doscientos trescientos cuatrocientos quinientos seiscientos "
                        "setecientos ochocientos novecientos"),
        },
        "multiply": {"docena": 12, "docenas": 12},
        "scale": {**_scale("mil", 3), **_scale("millón millones", 6),
                  **_scale("billón billones", 12)},
        "join": {"y": 0},
    },
    "ru": {
        "add": {
            **_units("ноль один два три четыре пять шесть семь восемь девять десять "
                     "одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать "
                     "семнадцать восемнадцать девятнадцать"),
            "одна": 1, "одно": 1, "две": 2,
            **_tens("двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят "
                    "девяносто"),
            **_hundreds("сто двести триста четыреста пятьсот шестьсот семьсот восемьсот "
                        "девятьсот"),
            # genitive forms, as after "около" and "более"
            "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
            "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "двадцати": 20,
            "тридцати": 30, "сорока": 40, "пятидесяти": 50, "ста": 100,
        },
        "multiply": {"дюжина": 12, "дюжины": 12},
        "scale": {**_scale("тысяча тысячи тысяч", 3), **_scale("миллион миллиона миллионов", 6),
                  **_scale("миллиард миллиарда миллиардов", 9),
                  **_scale("триллион триллиона триллионов", 12)},
        "join": {},
    },
    "uk": {
        "add": {
            **_units("нуль один два три чотири п'ять шість сім вісім дев'ять десять "
                     "одинадцять дванадцять тринадцять чотирнадцять п'ятнадцять шістнадцять "
                     "сімнадцять вісімнадцять дев'ятнадцять"),
            "одна": 1, "одне": 1, "дві": 2,
            **_tens("двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят "
                    "дев'яносто"),
            **_hundreds("сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот "
                        "дев'ятсот"),
            # genitive forms, as after "близько" and "понад"
            "двох": 2, "трьох": 3, "чотирьох": 4, "п'яти": 5, "шести": 6, "семи": 7,
            "восьми": 8, "дев'яти": 9, "десяти": 10, "двадцяти": 20,
        },
        "multiply": {"дюжина": 12},
        "scale": {**_scale("тисяча тисячі тисяч", 3),
                  **_scale("мільйон мільйона мільйони мільйонів", 6),
                  **_scale("мільярд мільярда мільярди мільярдів", 9),
                  **_scale("трильйон трильйона трильйони трильйонів", 12)},
        "join": {},
    },
}  # fmt: skip
"""Per language: words that add, multiply (hundred, dozen), close a group (scales) or join."""

COMPOUNDING = frozenset({"de", "es"})
"""Languages that write several number words as one ("fünfundzwanzig", "veinticinco")."""
ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"a", "an"}), "de": frozenset({"ein", "eine", "einen"}),
    "fr": frozenset({"un", "une"}), "es": frozenset({"un", "una"}),
    "ru": frozenset(), "uk": frozenset(),
}  # fmt: skip
"""Articles, which are a number ("a hundred") only before a word that multiplies or scales."""
_HALF = {"en": "half", "de": "halb", "fr": "demi", "es": "medio", "ru": "пол", "uk": "пів"}
_AND_A_HALF = {
    "en": ("and a half",), "de": ("einhalb",), "fr": ("et demi", "et demie"),
    "es": ("y medio", "y media"), "ru": ("с половиной",), "uk": ("з половиною",),
}  # fmt: skip
"""The words that add one half ("two and a half", "zweieinhalb", "deux et demi")."""


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
    table = NUMBER_WORDS[language]
    numerals = word_regex([w for kind in ("add", "multiply", "scale") for w in table[kind]])
    if language in COMPOUNDING:
        joined = word_regex(_morphemes(language))
        word = rf"(?:{numerals})(?:{joined}){{0,7}}"
    else:
        word = rf"(?:{numerals})"
    joins = word_regex(table["join"])
    join = rf"(?:(?:{joins})[\s-]+)?" if joins else ""
    big = word_regex([*table["multiply"], *table["scale"]])
    articles = word_regex(ARTICLES[language])
    article = rf"(?:(?:{articles})\s+(?=(?:{big})(?![^\W\d_])))?" if articles else ""
    and_a_half = word_regex(_AND_A_HALF[language])
    half = rf"(?:\s+{and_a_half}(?:\s+(?:{word_regex(table['scale'])}))?)?"
    if language == "de":
        half = rf"(?:{and_a_half})?"
    return (
        rf"(?<![^\W\d_])(?:{word_regex([_HALF[language]])}\s+)?{article}{word}"
        rf"(?:[\s-]+{join}{word}){{0,{MAX_WORDS - 1}}}{half}(?![^\W\d_])"
    )


def first_words(locale: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words a run of number words can start with, and those that may run on into a
    compound ("fünf" in "fünfundzwanzig"), for a fast first check."""
    language = language_of(locale)
    if language not in NUMBER_WORDS:
        return frozenset(), frozenset()
    table = NUMBER_WORDS[language]
    numerals = {w for kind in ("add", "multiply", "scale") for w in table[kind]}
    whole = frozenset({*numerals, _HALF[language], *ARTICLES[language]})
    return whole, frozenset(numerals) if language in COMPOUNDING else frozenset()


def _split(word: str, language: str) -> list[tuple[str, int]] | None:
    """``word`` as a sequence of known morphemes, longest first; None if it is not one.

    Only languages in :data:`COMPOUNDING` join morphemes inside a word; elsewhere a morpheme
    spans a whole word or a piece between hyphens ("quatre-vingt-dix" is 80 + 10).
    """
    morphemes = _morphemes(language)
    if word in morphemes:
        return [morphemes[word]]
    size = len(word)
    if size > MAX_WORD_LENGTH:
        return None
    compounding = language in COMPOUNDING
    longest = max(map(len, morphemes))
    best: list[list[tuple[str, int]] | None] = [None] * (size + 1)
    best[size] = []
    for start in range(size - 1, -1, -1):
        for end in range(min(size, start + longest), start, -1):
            found = morphemes.get(word[start:end])
            if found is None:
                continue
            if end < size and word[end] == "-":
                following = end + 1
            elif end < size and not compounding:
                continue
            else:
                following = end
            rest = best[following]
            if rest is not None:
                best[start] = [found, *rest]
                break
    return best[0]


class _Number:
    """The running value of a sequence of morphemes, refusing sequences that are no number."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.total = Decimal(0)
        self.current = Decimal(0)
        self.last_scale: int | None = None
        self.multiplied = False
        self.joined = False
        self.seen = False
        self.stacked = False

    def add(self, value: int) -> bool:
        if self.joined and self.language == "de":  # "fünf und zwanzig": the unit comes first
            ok = value % 10 == 0 and 20 <= value <= 90 and 0 < self.current % 100 < 10
        elif self.language == "fr" and self.current % 100 in (60, 80):
            ok = value < 20  # "soixante-dix", "quatre-vingt-dix-sept"
        else:
            ok = self.current == 0 or value < _place(self.current)
        self.current += value
        self.joined = False
        self.seen = True
        return ok

    def multiply(self, value: int) -> bool:
        ok = not self.multiplied and self.current < 100 and not self.joined
        self.current = (self.current or Decimal(1)) * value
        self.multiplied = True
        self.seen = True
        return ok

    def scale(self, value: int) -> bool:
        if self.joined or self.current >= 1000:
            return False
        self.seen = True
        if self.last_scale is not None and value >= self.last_scale:
            if self.current or value == self.last_scale or self.stacked:
                return False  # "two million three million", "billion billion"
            self.total *= value  # "tres mil millones", "a thousand million"
            self.stacked = True
        else:
            self.total += (self.current or 1) * value
        self.last_scale = value
        self.current = Decimal(0)
        self.multiplied = False
        return True

    def join(self) -> bool:
        ok = self.seen and not self.joined
        self.joined = True
        return ok


def _place(value: Decimal) -> int:
    """The place of ``value``'s last non-zero digit (20 -> 10, 100 -> 100, 25 -> 1)."""
    place = 1
    whole = int(value)
    while whole and whole % 10 == 0 and place < 100:
        whole //= 10
        place *= 10
    return place


_SEPARATORS = re.compile(r"[\s]+")


@functools.lru_cache(maxsize=16)
def _and_a_half(language: str) -> re.Pattern[str]:
    """The words for "and a half" in ``language``, compiled once."""
    return re.compile(rf"\s*(?:{word_regex(_AND_A_HALF[language])})")


def read_number_words(text: str, locale: str, *, article_is_one: bool = False) -> Decimal | None:
    """The value of the number words in ``text``, or None when they do not form a number.

    ``article_is_one``: a lone article counts as one, as before a currency ("einen Euro").
    """
    language = language_of(locale)
    if language not in NUMBER_WORDS:
        return None
    folded = text.casefold()
    half = _and_a_half(language).search(folded)
    extra = Decimal(0)
    if half is not None:
        extra = Decimal("0.5")
        folded = folded[: half.start()] + " " + folded[half.end() :]
    words = [word for word in _SEPARATORS.split(folded) if word]
    halved = bool(words) and words[0] == _HALF[language]
    if halved:
        words = words[1:]
    if not words or len(words) > MAX_WORDS:
        return None
    if len(words) == 1 and words[0] in ARTICLES[language] and not article_is_one:
        return None  # "a", "ein", "un": an article, not a number
    if language == "en" and not halved and not extra and len(words) == 1:
        kinds = {kind for kind, _ in _split(words[0], language) or ()}
        if kinds and kinds <= {"multiply", "scale"}:
            # English counts with "a" or a number first ("a dozen", "two hundred"): a bare
            # "dozen" or "hundred" is part of a name or idiom ("a baker's dozen" is 13,
            # "the Hundred Years' War"), never a confident 12 or 100
            return None
    number = _Number(language)
    for position, word in enumerate(words):
        if position == 0 and word in ARTICLES[language] and language == "en":
            parts: list[tuple[str, int]] | None = [("add", 1)]
        else:
            parts = _split(word.strip("-"), language)
        if parts is None:
            return None
        for kind, value in parts:
            if kind == "add":
                ok = number.add(value)
            elif kind == "multiply":
                ok = number.multiply(value)
            elif kind == "scale":
                ok = number.scale(value) if not extra or number.current else False
                if ok and extra:  # "two and a half million"
                    number.total += extra * value
                    extra = Decimal(0)
            else:
                ok = number.join()
            if not ok:
                return None
    if not number.seen or number.joined:
        return None
    result = number.total + number.current + extra
    result = result / 2 if halved else result
    if len(result.as_tuple().digits) > MAX_DIGITS:
        return None
    whole = result == result.to_integral_value()
    return result.quantize(Decimal(1), context=Context(prec=MAX_DIGITS + 2)) if whole else result


def _denominators(singular: str, plural: str, first: int) -> dict[str, tuple[int, bool]]:
    pairs = zip(singular.split(), plural.split(), strict=True)
    return {
        word: (first + i, plural)
        for i, words in enumerate(pairs)
        for plural, word in zip((False, True), words, strict=True)
    }


FRACTION_WORDS: dict[str, dict[str, tuple[int, bool]]] = {
    "en": {
        "half": (2, False), "halves": (2, True),
        **_denominators("third fourth fifth sixth seventh eighth ninth tenth",
                        "thirds fourths fifths sixths sevenths eighths ninths tenths", 3),
    },
}  # fmt: skip
"""Per language: the words that name a fraction's denominator after a number word ("one
sixth", "three halves", "one-half"), each with its value and whether it is plural. "quarter"
is left out in English ("one quarter" is as often three months as a fourth); "second" is a
unit of time."""


def _numerators(language: str) -> dict[str, int]:
    return {w: v for w, v in NUMBER_WORDS[language]["add"].items() if 0 < v < 20}


@functools.lru_cache(maxsize=16)
def fraction_words_pattern(locale: str) -> str | None:
    """A regex for a fraction in words in ``locale``'s language ("two thirds"), or None."""
    language = language_of(locale)
    if language not in FRACTION_WORDS:
        return None
    numerators = word_regex(_numerators(language))
    denominators = word_regex(FRACTION_WORDS[language])
    return rf"(?<![^\W\d_])(?:{numerators})[\s-]+(?:{denominators})(?![\w-])"


def read_fraction_words(text: str, locale: str) -> tuple[Decimal, bool] | None:
    """The value of a fraction in words and whether it is exact ("one sixth" is 0.1666666667,
    not exact); None when number and denominator disagree ("one thirds", "two third")."""
    language = language_of(locale)
    words = re.split(r"[\s-]+", text.casefold())
    if language not in FRACTION_WORDS or len(words) != 2:
        return None
    numerator = _numerators(language).get(words[0])
    denominator = FRACTION_WORDS[language].get(words[1])
    if numerator is None or denominator is None or (numerator > 1) != denominator[1]:
        return None
    return fraction_value(numerator, denominator[0])
