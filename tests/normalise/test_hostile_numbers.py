"""Hostile text for the number, quantity and money normalisers (issue 13): a clean answer or a
ParseError, never another exception, and time linear in the text."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import ParseError, find_money, find_quantities, parse_money, parse_quantity
from geostmt.normalise._first import LONG_TEXT, all_matches
from geostmt.normalise.number_words import read_number_words


@pytest.mark.parametrize("text", ["aa", "a" * 2000, "a a", "an", "a " * 50])
def test_articles_are_not_numbers(text: str) -> None:
    """Articles alone are no number ("aa" used to be 2: two articles added up)."""
    with pytest.raises(ParseError, match="no quantity found"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("piece", "locale"),
    [("twenty-", "en"), ("fünf", "de"), ("один", "ru"), ("один ", "ru"), ("a", "en")],
)
def test_ten_kilobytes_of_number_words_is_no_recursion(piece: str, locale: str) -> None:
    """10 kB of one number word repeated used to take 5-20 s and raise RecursionError."""
    text = piece * (10_000 // len(piece))
    with pytest.raises(ParseError):
        parse_quantity(text, locale=locale)
    assert find_quantities(text, locale=locale) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty twenty", None), ("five six", None), ("one hundred and", None),
     ("twenty-five", Decimal(25)), ("a hundred", Decimal(100)), ("a", None)],
)  # fmt: skip
def test_runs_that_form_no_number_are_refused(words: str, value: Decimal | None) -> None:
    """Number words combine by the rules or not at all: no sum of whatever was written."""
    assert read_number_words(words, "en") == value


@pytest.mark.parametrize("locale", ["en", "ru", "de"])
def test_forty_digit_numbers_are_no_amount(locale: str) -> None:
    """A 40-digit run is an id, not an amount: ParseError, not decimal.InvalidOperation."""
    digits = "1234567890" * 4
    for text in (f"{digits} рублей", f"€{digits}", f"{digits} млрд рублей", f"{digits} EUR"):
        with pytest.raises(ParseError):
            parse_money(text, locale=locale)
    assert find_quantities(f"{digits} soldiers", locale=locale) == []


def test_thirty_digits_still_read_exactly() -> None:
    """Up to 30 digits an amount is read exactly, scale and all."""
    digits = "123456789012345678901234567890"
    money = parse_money(f"€{digits} trillion")
    assert money.amount == Decimal(digits + "0" * 12)


def _seconds(function: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        with contextlib.suppress(ParseError):
            function(text)
        best = min(best, time.process_time() - start)
    return best


_HOSTILE = [
    (find_quantities, "€1 "),
    (parse_quantity, "€1 "),
    (find_money, "€1 "),
    (parse_money, "between 1 and "),
    (find_money, "between 1 and "),
    (find_quantities, "between 1 and "),
    (find_quantities, "Su-34 "),
    (find_money, "Su-34 "),
    (find_quantities, "twenty-"),
    (find_quantities, "a "),
    (find_quantities, "1 000 "),
]


@pytest.mark.parametrize(
    ("function", "piece"), _HOSTILE, ids=[f"{f.__name__}-{p!r}" for f, p in _HOSTILE]
)
def test_time_grows_linearly_on_repetitive_text(
    function: Callable[[str], object], piece: str
) -> None:
    """Four times the text takes about four times as long (at most 8x; quadratic is 16x).

    These families used to grow 70-86x from 100 kB to 1 MB. The sizes are small and the bound
    generous, so the test measures growth, not speed, and holds on a busy machine.
    """
    small = (piece * (25_000 // len(piece) + 1))[:25_000]
    large = (piece * (100_000 // len(piece) + 1))[:100_000]
    _seconds(function, small)  # first use loads tables
    ratio = _seconds(function, large) / max(_seconds(function, small), 1e-4)
    assert ratio < 8, ratio


_LOCALES = ["en", "de", "fr", "es", "ru", "uk"]


def _vocabulary() -> list[str]:
    from geostmt.normalise.number_words import NUMBER_WORDS
    from geostmt.normalise.numbers import SCALES
    from geostmt.normalise.unit_words import UNITS
    from geostmt.normalise.vague import VAGUE

    words = {w for table in NUMBER_WORDS.values() for kind in table.values() for w in kind}
    words |= {w for table in SCALES.values() for w in table}
    words |= {w for table in VAGUE.values() for kind in table.values() for w in kind}
    return sorted(words | set(UNITS) | {"$", "€", "₽", "Rs", "USD", "MUSD", "T", "cents"})


_PIECES = st.one_of(
    st.sampled_from(_vocabulary()).map(lambda w: st.sampled_from([w, w.upper(), w.title()])),
    st.just(st.sampled_from(["1", "05", "1,000", "10 000", "2.5", "1/2", "½", "-", "–", "/"])),
    st.just(st.sampled_from([" ", "  ", "\u00a0", "\u202f", "\n", ".", ",", "(", ")", "\x00"])),
    st.just(st.text(max_size=3)),
).flatmap(lambda strategy: strategy)


@given(st.lists(_PIECES, max_size=30).map("".join), st.sampled_from(_LOCALES))
def test_table_words_in_any_case_and_spacing_never_crash(text: str, locale: str) -> None:
    """Any mix of table words (any case), digits, marks and spaces: a value or a ParseError."""
    for function in (find_quantities, find_money):
        function(text, locale=locale)
    for parse in (parse_quantity, parse_money):
        with contextlib.suppress(ParseError):
            parse(text, locale=locale)


def _collector_states(find: Any, text: str) -> list[bool]:
    """Whether the collector was on each time ``find`` made a match of ``text``."""
    seen: list[bool] = []

    def watched() -> Any:
        for match in find(text):
            seen.append(gc.isenabled())
            yield match

    assert all_matches(watched(), text) == list(find(text))
    return seen


def test_long_texts_are_matched_with_the_collector_held_off() -> None:
    """find_* collect matches of a long text with the collector off, and restore it after."""
    long_text = "€1 " * (LONG_TEXT // 3 + 1)
    short_text = "€1 " * 10
    assert gc.isenabled()
    assert set(_collector_states(lambda t: iter(find_money(t)), long_text)) == {False}
    assert gc.isenabled()
    assert set(_collector_states(lambda t: iter(find_money(t)), short_text)) == {True}
    assert len(find_money(long_text)) == LONG_TEXT // 3 + 1
    assert len(find_quantities(long_text)) == LONG_TEXT // 3 + 1


def test_the_collector_is_restored_when_matching_fails() -> None:
    """An error while matching a long text leaves the collector as it was."""

    def failing() -> Any:
        yield 1
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        all_matches(failing(), "x" * LONG_TEXT)
    assert gc.isenabled()
    gc.disable()
    try:
        assert all_matches(iter([1, 2]), "x" * LONG_TEXT) == [1, 2]
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
