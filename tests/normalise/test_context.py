"""The neighbours that make a number part of something else (geostmt.normalise.context)."""

from __future__ import annotations

import pytest

from geostmt import find_quantities
from geostmt.normalise.context import dated_or_named, looks_like_year, part_of_something_else


@pytest.mark.parametrize(
    ("text", "number", "language", "expected"),
    [
        ("February 24, 2022", "2022", "en", True),
        ("on 24 troops", "24", "en", False),
        ("febrero de 2022", "2022", "es", True),
        ("cientos de 2022", "2022", "es", False),
        ("24 February", "24", "en", True),
        ("24 may be", "24", "en", False),
        ("Tel. +33 6 12 34", "12", "fr", True),
        ("page 12 of", "12", "en", True),
        ("(202) 555", "202", "en", True),
        ("(202 troops)", "202", "en", False),
        ("5 pm", "5", "en", True),
        ("2.123 pm", "2.123", "en", False),
        ("Su-34", "34", "en", True),
        ("34th", "34", "en", True),
        ("3-й", "3", "ru", True),
        ("12-Pfund-Tasse", "12", "de", False),
    ],
)
def test_part_of_something_else(text: str, number: str, language: str, expected: bool) -> None:
    """Dates, ids, phone numbers, times, names and ordinals; not the lookalikes."""
    start = text.index(number)
    assert part_of_something_else(text, start, start + len(number), language) is expected


def test_a_unit_between_the_number_and_a_month_is_no_date() -> None:
    """A month after the unit ("1.458.000 toneladas de julio") does not make a date."""
    text = "las 1.458.000 toneladas de julio"
    start, end = 4, len("las 1.458.000 toneladas")
    assert not part_of_something_else(text, start, end, "es", number_end=13)
    assert part_of_something_else(text, start, end, "es")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("in 2024", "year"), ("the 2024", "year"), ("sent 2024", "maybe"), ("in 20245", ""),
     ("in 999", ""), ("in 2101", ""), ("in 1,000", "")],
)  # fmt: skip
def test_looks_like_year(text: str, expected: str) -> None:
    """A bare 1000-2100 after a year word is a year; elsewhere maybe; otherwise never."""
    digits = text.split()[-1]
    assert looks_like_year(digits, text, text.index(digits), "en") == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [("in 2024 USD", "2024", True), ("paid 2024 USD", "2024", False),
     ("Flight 17", "17", True), ("Su-34", "34", True), ("3 March 2023", "3", True)],
)  # fmt: skip
def test_dated_or_named(text: str, number: str, expected: bool) -> None:
    """The checks money applies: years after a year word, dates, glued names and ids."""
    start = text.index(number)
    assert dated_or_named(text, start, start + len(number), "en") is expected


def test_a_french_phone_number_gives_no_quantity() -> None:
    """Each pair of digits after "+33" belongs to the phone number."""
    assert find_quantities("Tel. +33 6 12 34 56 78", locale="fr") == []
