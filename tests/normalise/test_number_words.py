"""The grammar of number words: what forms a number in each language, and what does not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from geostmt import Quantity, find_quantities
from geostmt.model.enums import Qualifier
from geostmt.normalise.number_words import read_fraction_words, read_number_words


@pytest.mark.parametrize(
    ("words", "locale", "value"),
    [
        ("hundred", "en", None),  # English counts with "a" or a number first: "a hundred"
        ("thousand", "en", None),
        ("a hundred", "en", 100),
        ("a thousand", "en", 1000),
        ("Dutzend", "de", 12),  # only English needs the article
        ("тысяча", "ru", 1000),
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


@pytest.mark.parametrize(
    ("words", "value", "exact"),
    [
        ("one half", "0.5", True),
        ("one-half", "0.5", True),
        ("three halves", "1.5", True),
        ("two fifths", "0.4", True),
        ("one sixth", "0.1666666667", False),
        ("two thirds", "0.6666666667", False),
        ("one thirds", None, None),
        ("two third", None, None),
    ],
)
def test_fraction_words(words: str, value: str | None, exact: bool | None) -> None:
    """A number word and a denominator that agree form a fraction, exact only where it ends
    (else to ten significant digits); "one thirds" and "two third" are no fraction."""
    expected = None if value is None else (Decimal(value), exact)
    assert read_fraction_words(words, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("approximately one-half miles east", Quantity(value=Decimal("0.5"), unit="mile",
                                                        qualifier="approximately")),
        ("three halves", Quantity(value=Decimal("1.5"))),
        ("exactly one sixth.", Quantity(value=Decimal("0.1666666667"), qualifier="approximately")),
        ("one sixth of the vote", Quantity(value=Decimal("16.66666667"), unit="percent",
                                           qualifier="approximately", of="the vote")),
        ("three fifths of them", Quantity(value=Decimal(60), unit="percent",
                                          qualifier="approximately", of="them")),
    ],
)  # fmt: skip
def test_fractions_in_words_are_read_whole(text: str, expected: Quantity) -> None:
    """A fraction in words is read whole ("one sixth" is a sixth, not 1 of "sixth"); with
    "of" it is a share in percent, like "a third of" (never exact)."""
    assert [m.quantity for m in find_quantities(text)] == [expected]


@pytest.mark.parametrize("text", ["in one quarter", "one second", "one third-party vendor"])
def test_words_that_are_no_fraction_keep_their_reading(text: str) -> None:
    """No fraction: "quarter" (three months), "second" (time), "third-party" (a compound)."""
    found = find_quantities(text)
    assert [(m.quantity.value, m.quantity.qualifier) for m in found] == [
        (Decimal(1), Qualifier.EXACT)
    ]
