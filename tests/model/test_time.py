"""Tests for partial dates, periods and relative time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import PartialDate, Period, Precision, ValidationError, resolve_period


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2024-10-31", Precision.DAY, dt.date(2024, 10, 31), dt.date(2024, 10, 31)),
        ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024", Precision.YEAR, dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ],
)
def test_partial_date_keeps_precision(
    text: str, precision: Precision, earliest: dt.date, latest: dt.date
) -> None:
    """A partial date knows how much of it is known and the days it may mean."""
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert (date.earliest(), date.latest()) == (earliest, latest)
    assert str(date) == text


@pytest.mark.parametrize("text", ["24-10-31", "2024-1", "2024-10-31T00:00", "", "2024-00"])
def test_partial_date_refuses_other_shapes(text: str) -> None:
    """Only YYYY, YYYY-MM and YYYY-MM-DD are read."""
    with pytest.raises(ValidationError):
        PartialDate.parse(text)


@given(st.dates())
def test_partial_date_round_trips(date: dt.date) -> None:
    """Every calendar date survives isoformat and parse, at each precision."""
    day = PartialDate.from_date(date)
    assert PartialDate.parse(day.isoformat()) == day
    assert day.earliest() == day.latest() == date
    month = PartialDate(year=date.year, month=date.month)
    assert month.earliest() <= date <= month.latest()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in the coming days", "2024-11-01", "2024-11-07"),
        ("In the  coming days", "2024-11-01", "2024-11-07"),
        ("tomorrow", "2024-11-01", "2024-11-01"),
        ("yesterday", "2024-10-30", "2024-10-30"),
        ("in the coming weeks", "2024-11-01", "2024-11-28"),
        ("within 3 days", "2024-11-01", "2024-11-03"),
        ("within 2 weeks", "2024-11-01", "2024-11-14"),
        ("in recent days", "2024-10-24", "2024-10-30"),
    ],
)
def test_resolve_period(text: str, start: str, end: str) -> None:
    """Relative expressions resolve against the reference day."""
    period = resolve_period(text, "2024-10-31")
    assert period == Period(start=start, end=end, text=text.strip())


def test_resolve_period_refuses_unknown_and_imprecise() -> None:
    """An unknown phrase or a reference without a day is an error, never a guess."""
    with pytest.raises(ValidationError, match="not a relative time"):
        resolve_period("sometime soon-ish", "2024-10-31")
    with pytest.raises(ValidationError, match="known to the day"):
        resolve_period("tomorrow", "2024-10")
