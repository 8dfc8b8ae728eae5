"""The grammar of number words: what forms a number in each language, and what does not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from geostmt.normalise.number_words import read_number_words


@pytest.mark.parametrize(
    ("words", "locale", "value"),
    [
        ("hundred", "en", 100),
        ("thousand", "en", 1000),
        ("one hundred hundred", "en", None),
        ("twenty five", "en", 25),
        ("five twenty", "en", None),
        ("twenty ten", "en", None),
        ("one hundred one hundred", "en", None),
        ("fünfundzwanzig", "de", 25),
        ("einundzwanzig", "de", 21),
        ("dreiundzwanzig", "de", 23),
        ("siebenundneunzig", "de", 97),
        ("neunundneunzig", "de", 99),
        ("zweihundertdreiundvierzig", "de", 243),
        ("zweihunderteinundzwanzig", "de", 221),
        ("hundertfünfundzwanzig", "de", 125),
        ("zwanzigundfünf", "de", None),
        ("fünfundzehn", "de", None),
        ("zehnundzwanzig", "de", None),
        ("zwanzigundzwanzig", "de", None),
        ("hundertundzwanzig", "de", None),
        ("billionbillionbillion", "de", None),
        ("soixante-dix", "fr", 70),
        ("soixante et onze", "fr", 71),
        ("cent soixante-dix", "fr", 170),
        ("quatre-vingt-dix-sept", "fr", 97),
        ("soixante-vingt", "fr", None),
        ("cien docenas", "es", None),
        ("tres docenas", "es", 36),
        ("dos mil y cuatro docenas", "es", 2048),
        ("tres mil millones", "es", 3_000_000_000),
        ("mil mil millones", "es", None),
        ("veinticinco", "es", 25),
        ("einhundertsiebenundzwanzigtausendzweihundertsiebenundzwanzig", "de", 127_227),
        ("einhundertsiebenundzwanzigtausendzweihundertsiebenundzwanzigx", "de", None),
        ("двести тысяч", "ru", 200_000),
        ("тысяча тысяча", "ru", None),
    ],
)
def test_number_words(words: str, locale: str, value: int | None) -> None:
    # the 60-letter compound is the longest word read (MAX_WORD_LENGTH)
    """Small numbers add, larger first (German: the unit, "und", then the tens), hundreds and
    dozens multiply once, scale words close a group; anything else is no number."""
    expected = None if value is None else Decimal(value)
    assert read_number_words(words, locale) == expected
