"""Fuzz every normaliser: any text gives a value, ParseError (parse_*) or a list of matches
whose spans are the text they say (find_*), nothing else."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import geostmt as g
from tests.fuzz import FUZZ

_WORDS = [
    "$", "€", "£", "¥", "₴", "USD", "EUR", "million", "billion", "bn", "m", "k", "thousand",
    "about", "between", "and", "to", "-", "–", "up to", "more than", "twenty", "five", "fünf",
    "один", "двадцять", "km", "miles", "troops", "tanks", "%", "°C", "Kyiv", "Ukraine", "Bakhmut",
    "near", "in", "A", "NATO", "last week", "next month", "today", "1", "1,000", "1.000",
    "1 000", "0.5", "½", "9" * 40, ",", ".", " ", "\n", "\u00a0",
]  # fmt: skip
_LOCALES = ["en", "de", "fr", "es", "ru", "uk", "en-US", "pt_BR"]

texts = st.one_of(
    st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).flatmap(
        lambda parts: st.integers(1, 300).map(lambda times: " ".join(parts) * times)
    ),
    st.text(max_size=60),
)
"""Texts of money, quantity, place and time words, repeated or not, and any text."""


def _check_matches(found: list[Any], text: str) -> None:
    assert isinstance(found, list)
    for match in found:
        assert 0 <= match.start <= match.end <= len(text)
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    "find",
    [g.find_money, g.find_quantities, g.find_places],
    ids=["find_money", "find_quantities", "find_places"],
)
@FUZZ
@given(text=texts, locale=st.sampled_from(_LOCALES))
@example(text="million million million million million", locale="en")  # once InvalidOperation
@example(text="0", locale="pt_BR")  # once KeyError 'vague'
def test_fuzz_find(find: Callable[..., list[Any]], text: str, locale: str) -> None:
    """find_money, find_quantities and find_places: matches whose spans hold their text."""
    _check_matches(find(text, locale=locale), text)


@pytest.mark.parametrize(
    "parse",
    [g.parse_money, g.parse_quantity, g.parse_place],
    ids=["parse_money", "parse_quantity", "parse_place"],
)
@FUZZ
@given(text=texts, locale=st.sampled_from(_LOCALES))
@example(text="million million million million million", locale="en")
@example(text="0", locale="pt_BR")
def test_fuzz_parse(parse: Callable[..., object], text: str, locale: str) -> None:
    """parse_money, parse_quantity and parse_place: a value or a ParseError."""
    with contextlib.suppress(g.ParseError):
        parse(text, locale=locale)


@FUZZ
@given(text=texts, reference=st.dates())
def test_fuzz_resolve_period(text: str, reference: Any) -> None:
    """resolve_period on any text and any day from year 1 to 9999: a Period or a
    ValidationError."""
    try:
        period = g.resolve_period(text, reference)
    except g.ValidationError:
        return
    assert isinstance(period, g.Period)
