"""Tests for parse_quantity and find_quantities in English, German and French."""

from __future__ import annotations

import contextlib
import random
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import ParseError, Quantity, find_quantities, parse_quantity

D = Decimal


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("around 10,000 soldiers", "en",
         Quantity(value=D(10000), qualifier="approximately", of="soldiers")),
        ("80 percent of these troops", "en", Quantity(value=D(80), unit="percent",
                                                       of="these troops")),
        ("80 per cent", "en", Quantity(value=D(80), unit="percent")),
        ("80%", "en", Quantity(value=D(80), unit="percent")),
        ("10,000.5 tonnes", "en", Quantity(value=D("10000.5"), unit="metric_ton")),
        ("10k troops", "en", Quantity(value=D(10000), of="troops")),
        ("1.2m barrels", "en", Quantity(value=D(1200000), unit="barrel")),
        ("5 billion", "en", Quantity(value=D(5000000000))),
        ("at least 300 square kilometres", "en",
         Quantity(value=D(300), qualifier="at_least", unit="kilometer ** 2")),
        ("more than 12 km", "en", Quantity(value=D(12), qualifier="more_than", unit="kilometer")),
        ("up to 40 sq km", "en", Quantity(value=D(40), qualifier="at_most", unit="kilometer ** 2")),
        ("fewer than 3 drones", "en", Quantity(value=D(3), qualifier="less_than", of="drones")),
        ("between 5 and 7 km", "en", Quantity(low=D(5), high=D(7), qualifier="range",
                                               unit="kilometer")),
        ("5\u20137 tonnes", "en", Quantity(low=D(5), high=D(7), qualifier="range",
                                            unit="metric_ton")),
        ("2 to 3 million", "en", Quantity(low=D(2000000), high=D(3000000), qualifier="range")),
        ("rund 10.000 Soldaten", "de",
         Quantity(value=D(10000), qualifier="approximately", of="Soldaten")),
        ("1,2 Mrd.", "de", Quantity(value=D(1200000000))),
        ("mindestens 80 Prozent", "de", Quantity(value=D(80), qualifier="at_least",
                                                  unit="percent")),
        ("zwischen 5 und 7 km", "de", Quantity(low=D(5), high=D(7), qualifier="range",
                                                unit="kilometer")),
        ("environ 10 000,5 soldats", "fr",
         Quantity(value=D("10000.5"), qualifier="approximately", of="soldats")),
        ("plus de 10\u00a0000 soldats", "fr",
         Quantity(value=D(10000), qualifier="more_than", of="soldats")),
        ("10\u202f000 soldats", "fr", Quantity(value=D(10000), of="soldats")),
        ("3 milliards", "fr", Quantity(value=D(3000000000))),
        ("ten thousand soldiers", "en", Quantity(value=D(10000), of="soldiers")),
        ("around twenty-five tanks", "en",
         Quantity(value=D(25), qualifier="approximately", of="tanks")),
        ("one hundred and fifty km", "en", Quantity(value=D(150), unit="kilometer")),
        ("a dozen drones", "en", Quantity(value=D(12), of="drones")),
        ("two dozen", "en", Quantity(value=D(24))),
        ("half a billion", "en", Quantity(value=D(500000000))),
        ("zehntausend Soldaten", "de", Quantity(value=D(10000), of="Soldaten")),
        ("fünfundzwanzig", "de", Quantity(value=D(25))),
        ("dix mille", "fr", Quantity(value=D(10000))),
        ("quatre-vingt-dix", "fr", Quantity(value=D(90))),
        ("unos diez mil soldados", "es",
         Quantity(value=D(10000), qualifier="approximately", of="soldados")),
        ("veinticinco", "es", Quantity(value=D(25))),
        ("около десяти тысяч", "ru", Quantity(value=D(10000), qualifier="approximately")),
        ("десять тисяч", "uk", Quantity(value=D(10000))),
        ("8x2^10 bits", "en", Quantity(value=D(8192), unit="bit")),
        ("1.5×2^3 km", "en", Quantity(value=D(12), unit="kilometer")),
        ("5 gigabytes of data", "en", Quantity(value=D(5), unit="gigabyte")),
        ("A gallon of beer", "en", Quantity(value=D(1), unit="gallon")),
        ("4km^3", "en", Quantity(value=D(4), unit="kilometer ** 3")),
        ("4 km squared", "en", Quantity(value=D(4), unit="kilometer ** 2")),
        ("5 m³ of water", "en", Quantity(value=D(5), unit="meter ** 3")),
        ("55 billion cubic metres of gas", "en",
         Quantity(value=D(55_000_000_000), unit="meter ** 3")),
        ("55 Milliarden Kubikmeter Gas", "de",
         Quantity(value=D(55_000_000_000), unit="meter ** 3")),
        ("55 млрд кубометров газа", "ru", Quantity(value=D(55_000_000_000), unit="meter ** 3")),
    ],
)  # fmt: skip
def test_parse_quantity(text: str, locale: str, expected: Quantity) -> None:
    """Each form gives its exact value, qualifier, unit and counted noun."""
    assert parse_quantity(text, locale=locale) == expected


@pytest.mark.parametrize("text", ["", "no numbers here", "NATO", "asdfqwer"])
def test_no_quantity_is_a_parse_error(text: str) -> None:
    """Text without a number is a ParseError naming the text."""
    with pytest.raises(ParseError, match="no quantity found"):
        parse_quantity(text)


def test_low_above_high_is_no_range() -> None:
    """A score such as "3-1" is not a range; the next number stands alone."""
    assert find_quantities("won 3-1 today") == []
    assert parse_quantity("won 3-1 by 2 goals") == Quantity(value=D(2), of="goals")


def test_find_quantities_over_the_seed_article(shared: Path) -> None:
    """The seed article's quantities are found with their exact spans."""
    article = (shared / "seed-article.txt").read_text(encoding="utf-8")
    found = find_quantities(article)
    assert [(m.text, m.start, m.end) for m in found] == [
        ("around 10,000", 1099, 1112),
        ("80 percent", 1196, 1206),
        ("two", 1393, 1396),  # "war of two countries against one"
        ("one", 1415, 1418),
        ("425 million", 2853, 2864),
    ]
    assert found[2].quantity.of == "countries"
    for match in found:
        assert article[match.start : match.end] == match.text
    assert found[0].quantity.of == "North Korean soldiers"


@given(st.text(max_size=200), st.sampled_from(["en", "de", "fr"]))
def test_never_crashes(text: str, locale: str) -> None:
    """Any text either parses or raises ParseError."""
    with contextlib.suppress(ParseError):
        parse_quantity(text, locale=locale)


def test_large_random_text_is_fast() -> None:
    """100 kB of random digits, separators and words is scanned without backtracking blow-up."""
    rng = random.Random(0)
    pieces = ["1", "0", ",", ".", " ", "\u00a0", "-", "k", "million", "around", "km", "a"]
    text = "".join(rng.choice(pieces) for _ in range(40_000))[:100_000]
    start = time.perf_counter()
    find_quantities(text)
    assert time.perf_counter() - start < 5  # a generous ceiling: catastrophic cases take minutes


@pytest.mark.parametrize("text", ["8x2^10", "2^10", "9x9^99 things", "x^2", "5 km²^2"])
def test_a_power_is_read_whole_or_not_at_all(text: str) -> None:
    """An exponent is never a number of its own ("8x2^10" is 8192, not 10); a power past 30
    digits, or a power of a unit that has one, is no quantity."""
    assert [m.quantity.value for m in find_quantities(text)] in ([], [D(8192)])
