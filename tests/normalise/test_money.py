"""Tests for parse_money, find_money and Money.format."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import Money, ParseError, find_money, parse_money
from geostmt import strategies as gs

D = Decimal
LOCALES = ["en", "de", "fr", "es", "ru", "uk"]


@pytest.mark.parametrize(
    ("text", "locale", "amount", "currency"),
    [
        ("a $425 million defensive aid package", "en", "425000000", "USD"),
        ("US$1.2bn", "en", "1200000000", "USD"),
        ("USD 2.5 billion", "en", "2500000000", "USD"),
        ("2.5bn EUR", "en", "2500000000", "EUR"),
        ("€5m", "en", "5000000", "EUR"),
        ("£1.2bn", "en", "1200000000", "GBP"),
        ("5 million US dollars", "en", "5000000", "USD"),
        ("20 yuan", "en", "20", "CNY"),
        ("3,000 won", "en", "3000", "KRW"),
        ("500 hryvnias", "en", "500", "UAH"),
        ("10 roubles", "en", "10", "RUB"),
        ("2 crore rupees", "en", "20000000", "INR"),
        ("3 lakh", "en", None, None),
        ("C$10", "en", "10", "CAD"),
        ("A$10", "en", "10", "AUD"),
        ("CN¥10", "en", "10", "CNY"),
        ("₩1,000", "en", "1000", "KRW"),
        ("₴100", "en", "100", "UAH"),
        ("₹100", "en", "100", "INR"),
        ("₽100", "en", "100", "RUB"),
        ("100 zł", "pl", "100", "PLN"),
        ("CHF 100", "en", "100", "CHF"),
        ("1.299,00 €", "en", "1299.00", "EUR"),
        ("1,2 Mrd. Euro", "de", "1200000000", "EUR"),
        ("5 Mio. US-Dollar", "de", "5000000", "USD"),
        ("3 milliards d'euros", "fr", "3000000000", "EUR"),
        ("1 234,57 $US", "fr", "1234.57", "USD"),
        ("2 млрд рублей", "ru", "2000000000", "RUB"),
    ],
)
def test_parse_money(text: str, locale: str, amount: str | None, currency: str | None) -> None:
    """Symbols, codes, names and scale words give exact Decimal amounts in ISO codes."""
    if amount is None:
        with pytest.raises(ParseError):
            parse_money(text, locale=locale)
        return
    assert parse_money(text, locale=locale) == Money(amount=D(amount), currency=currency)


@pytest.mark.parametrize(
    ("text", "locale", "currency"),
    [
        ("$10", "en", "USD"),
        ("$10", "en_CA", "CAD"),
        ("$10", "en_AU", "AUD"),
        ("¥10", "en", "JPY"),
        ("¥10", "zh", "CNY"),
        ("10 kr", "en", "SEK"),
        ("10 kr", "nb", "NOK"),
        ("10 dollars", "en", "USD"),
        ("10 dollars", "en_CA", "CAD"),
    ],
)
def test_ambiguous_symbols_follow_the_rules(text: str, locale: str, currency: str) -> None:
    """Explicit prefix, then the locale's own symbol and territory, then the common reading."""
    assert parse_money(text, locale=locale).currency == currency


def test_qualifiers() -> None:
    """Qualifier words before an amount set the qualifier."""
    assert parse_money("about $5 million").qualifier.value == "approximately"
    assert parse_money("more than €2bn").qualifier.value == "more_than"
    assert parse_money("bis zu 5 Mio. Euro", locale="de").qualifier.value == "at_most"


@pytest.mark.parametrize("text", ["", "no money here", "10,000 soldiers", "NATO", "in 2024"])
def test_no_money_is_a_parse_error(text: str) -> None:
    """Numbers without a currency are not money."""
    with pytest.raises(ParseError, match="no amount of money found"):
        parse_money(text)


def test_find_money_in_the_seed_article(shared: Path) -> None:
    """The seed article's one amount is found with its span."""
    article = (shared / "seed-article.txt").read_text(encoding="utf-8")
    found = find_money(article)
    assert [(m.text, m.start, m.end) for m in found] == [("$425 million", 2852, 2864)]
    assert found[0].money == Money(amount=D(425000000), currency="USD")


def test_format() -> None:
    """format() writes through babel, keeping every digit; a code where a symbol could mislead."""
    money = Money(amount=D("425000000"), currency="USD")
    assert money.format() == "$425,000,000.00"
    assert money.format(locale="de") == "425.000.000,00\u00a0$"
    assert Money(amount=D("1.5"), currency="CAD").format() == "CA$1.50"
    assert (
        Money(amount=D(10), currency="CNY", qualifier="approximately").format() == "about CN¥10.00"
    )
    assert Money(amount=D(10), currency="USD").format(locale="en_CA") == "US$10.00"


@given(gs.money(), st.sampled_from(LOCALES))
def test_format_round_trips(money: Money, locale: str) -> None:
    """parse_money(m.format(locale=L), locale=L) == m for every supported locale."""
    assert parse_money(money.format(locale=locale), locale=locale) == money


@given(st.text(max_size=200), st.sampled_from(LOCALES))
def test_never_crashes(text: str, locale: str) -> None:
    """Any text either parses or raises ParseError."""
    with contextlib.suppress(ParseError):
        parse_money(text, locale=locale)


def test_large_random_text_is_fast() -> None:
    """100 kB of digits, separators, symbols and words is scanned without backtracking blow-up."""
    import random
    import time

    rng = random.Random(1)
    pieces = ["1", "0", ",", ".", " ", "$", "€", "US", "D", "million", "euros", "about", "a"]
    text = "".join(rng.choice(pieces) for _ in range(40_000))[:100_000]
    start = time.perf_counter()
    find_money(text)
    assert time.perf_counter() - start < 5  # a generous ceiling: catastrophic cases take minutes
