"""Time as the news gives it: dates at day, month or year precision, and periods.

A :class:`PartialDate` keeps its precision (``2024-10`` is a month, not 1 October). A
:class:`Period` is a span between two partial dates, optionally with the words it came from;
:func:`resolve_period` turns "in the coming days" into one, against a reference date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import StrEnum
from typing import Any, ClassVar

import attrs

from geostmt.errors import ValidationError, shown
from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.class_rules import AnyOf, ClassRule, DatesOrdered
from geostmt.model.hooks import pydantic_ready
from geostmt.model.rules import expected

__all__ = ["PartialDate", "Period", "Precision", "resolve_period", "to_partial_date"]

_ISO_DATE = re.compile(
    r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})"
    r"(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(Z|[+-][0-9]{2}:[0-9]{2}))?)?)?$"
)
_DATE_EXAMPLES = "2024-10-31, 2024-10, 2024 or 2024-10-31T04:30+02:00"


class Precision(StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"
    SECOND = "second"


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has (Gregorian calendar)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


def _date_problem(year: Any, month: Any, day: Any) -> ValidationError | None:
    for name, part in (("year", year), ("month", month), ("day", day)):
        if part is not None and type(part) is not int:
            return ValidationError.single(name, expected("an integer", part))
    if not 1 <= year <= 9999:
        return ValidationError.single("year", f"must be between 1 and 9999, not {shown(year)}")
    if month is None:
        return ValidationError.single("day", "a day needs a month") if day is not None else None
    if not 1 <= month <= 12:
        return ValidationError.single("month", f"must be between 1 and 12, not {shown(month)}")
    if day is not None and not 1 <= day <= days_in_month(year, month):
        return ValidationError.single("day", f"{year:04d}-{month:02d} has no day {shown(day)}")
    return None


_CLOCK = (("hour", 0, 23), ("minute", 0, 59), ("second", 0, 59), ("offset", -1080, 1080))


def _time_problem(day: Any, hour: Any, minute: Any, second: Any, offset: Any) -> str | None:
    """The problem with a time of day (None when there is none, or it is valid)."""
    if hour is None and minute is None and second is None and offset is None:
        return None
    parts = {"hour": hour, "minute": minute, "second": second, "offset": offset}
    for name, low, high in _CLOCK:
        part = parts[name]
        if part is not None and (type(part) is not int or not low <= part <= high):
            return f"{name} must be an integer from {low} to {high}, not {shown(part)}"
    if day is None:
        return "a time of day needs a day"
    if hour is None or minute is None or offset is None:
        return "a time of day needs hour, minute and a UTC offset (minutes east of UTC)"
    return None


@attrs.frozen(kw_only=True)
class PartialDate:
    """A calendar date known to the year, month or day, or a time to the minute or second with
    its UTC offset (``offset`` in minutes east of UTC); ISO 8601 on the wire."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    offset: int | None = None

    def __attrs_post_init__(self) -> None:
        problem = _date_problem(self.year, self.month, self.day)
        if problem is not None:
            raise problem
        if self.hour is not None or self.offset is not None or self.minute is not None:
            clock = _time_problem(self.day, self.hour, self.minute, self.second, self.offset)
            if clock is not None:
                raise ValidationError.single("", clock)
        elif self.second is not None:
            raise ValidationError.single("", "a time of day needs hour, minute and a UTC offset")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDThh:mm[:ss]`` with ``Z`` or
        ``±hh:mm``; ``ValidationError`` otherwise."""
        if cls is PartialDate and type(text) is str:
            return _parse_cached(text)
        return cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        match = _ISO_DATE.fullmatch(text) if type(text) is str else None
        if match is None:
            raise ValidationError.single("", f"{shown(text)} is not a date like {_DATE_EXAMPLES}")
        year, month, day, hour, minute, second, zone = match.groups()
        offset = None
        if zone is not None:
            offset = 0 if zone == "Z" else int(zone[1:3]) * 60 + int(zone[4:6])
            offset = -offset if zone[0] == "-" else offset
        return cls(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
            hour=None if hour is None else int(hour),
            minute=None if minute is None else int(minute),
            second=None if second is None else int(second),
            offset=offset,
        )

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        """A day-precision value from a :class:`datetime.date`."""
        return cls(year=date.year, month=date.month, day=date.day)

    @property
    def precision(self) -> Precision:
        """Year, month, day, minute or second."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        if self.hour is None:
            return Precision.DAY
        return Precision.MINUTE if self.second is None else Precision.SECOND

    def earliest(self) -> dt.date:
        """The first day this value could mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this value could mean."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or days_in_month(self.year, month))

    def isoformat(self) -> str:
        """The ISO 8601 text at this precision (``2024-10``, ``2024-10-31T04:30+02:00``)."""
        # printf-style on purpose: about twice as fast as f-strings with format specs here, and
        # this runs for every date written
        year, month, day = self.year, self.month, self.day
        if month is None:
            text = "%04d" % year  # noqa: UP031
        elif day is None:
            text = "%04d-%02d" % (year, month)  # noqa: UP031
        else:
            text = "%04d-%02d-%02d" % (year, month, day)  # noqa: UP031
        offset = self.offset
        if self.hour is None or offset is None:
            return text
        seconds = "" if self.second is None else ":%02d" % self.second  # noqa: UP031
        sign = "-" if offset < 0 else "+"
        hours, minutes = divmod(abs(offset), 60)
        clock = "T%02d:%02d" % (self.hour, self.minute or 0)  # noqa: UP031  (set with the hour)
        return "%s%s%s%s%02d:%02d" % (text, clock, seconds, sign, hours, minutes)  # noqa: UP031

    def __str__(self) -> str:
        return self.isoformat()


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str) -> PartialDate:
    """Dates repeat across a dataset; the values are immutable, so each text parses once."""
    return PartialDate._parse(text)


def to_partial_date(value: PartialDate | dt.date | str) -> PartialDate:
    """Converter: an ISO string, a ``datetime.date`` or an aware ``datetime.datetime`` (to the
    second) -> :class:`PartialDate`."""
    if type(value) is str:
        try:
            return PartialDate.parse(value)
        except ValidationError:
            return value  # type: ignore[return-value]  # reported by the validator
    if isinstance(value, dt.datetime):
        delta = value.utcoffset()
        if delta is None:
            return PartialDate.from_date(value.date())
        return PartialDate(
            year=value.year, month=value.month, day=value.day, hour=value.hour,
            minute=value.minute, second=value.second, offset=int(delta.total_seconds()) // 60,
        )  # fmt: skip
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    return value  # type: ignore[return-value]


def order_problem(start: PartialDate | None, end: PartialDate | None, what: str) -> str | None:
    """The problem when ``end`` must come before ``start`` at any reading of their precision."""
    if start is None or end is None:
        return None
    if end.latest() < start.earliest():
        return f"{what} {end} is before the start {start}"
    return None


@pydantic_ready
@attrs.frozen(kw_only=True)
class Period(Base):
    """A span of time between two partial dates, with the words it was read from."""

    RULES: ClassVar[tuple[ClassRule, ...]] = (
        AnyOf("start", "end", message="a period needs a start, an end or both"),
        DatesOrdered("start", "end"),
    )
    __attrs_post_init__ = f.check_rules

    start: PartialDate | None = attrs.field(default=None, **f.date())
    """The first day the period may include."""
    end: PartialDate | None = attrs.field(default=None, **f.date())
    """The last day the period may include."""
    text: str | None = attrs.field(default=None, **f.text())
    """The words the period was read from (``in the coming days``)."""


_DAY = dt.timedelta(days=1)
# Relative expressions: offsets in days from the reference date, first and last day inclusive.
_RELATIVE_DAYS: dict[str, tuple[int, int]] = {
    "today": (0, 0),
    "tomorrow": (1, 1),
    "yesterday": (-1, -1),
    "in the coming days": (1, 7),
    "in the next few days": (1, 7),
    "in the coming weeks": (1, 28),
    "in the next few weeks": (1, 28),
    "in the coming months": (1, 180),
    "in the past few days": (-7, -1),
    "in recent days": (-7, -1),
    "in recent weeks": (-28, -1),
}
_WITHIN = re.compile(r"(?:in|within) (?:the next )?([0-9]{1,3}) (day|week)s?")
_KNOWN = ", ".join(repr(phrase) for phrase in _RELATIVE_DAYS) + " and 'within N days|weeks'"
"""Every phrase :func:`resolve_period` knows, for its message on one it does not."""


def resolve_period(text: str, reference: PartialDate | dt.date | str) -> Period:
    """The period a relative expression names, counted from ``reference`` (a day).

    Known forms: ``today``, ``tomorrow``, ``yesterday``, ``in the coming days`` (the next one to
    seven days), ``in the coming weeks`` (1 to 28 days), ``in the coming months`` (1 to 180 days),
    ``in recent days``, ``in recent weeks`` and ``within N days|weeks``. Anything else is a
    ``ValidationError`` that lists the phrases known: an unknown expression is never guessed.
    A period reaching past the years 1 to 9999 is a ``ValidationError`` too; ``text`` that is
    not a string is a ``TypeError``.
    """
    if not isinstance(text, str):
        raise TypeError(f"resolve_period() needs text, a str, not {type(text).__name__}")
    anchor = to_partial_date(reference)
    if not isinstance(anchor, PartialDate) or anchor.precision is not Precision.DAY:
        raise ValidationError.single("reference", "needs a date known to the day, like 2024-10-31")
    phrase = " ".join(text.lower().split())
    span = _RELATIVE_DAYS.get(phrase)
    if span is None:
        match = _WITHIN.fullmatch(phrase)
        if match is None:
            message = f"{shown(text)} is not a relative time geostmt knows; it knows {_KNOWN}"
            raise ValidationError.single("text", message)
        count = int(match.group(1)) * (7 if match.group(2) == "week" else 1)
        span = (1, count)
    day = anchor.earliest()
    try:
        start, end = day + span[0] * _DAY, day + span[1] * _DAY
    except OverflowError:
        message = (
            f"{shown(text)} from {anchor} falls outside 0001-01-01 to 9999-12-31, "
            "the dates geostmt holds"
        )
        raise ValidationError.single("text", message) from None
    return Period(
        start=PartialDate.from_date(start),
        end=PartialDate.from_date(end),
        text=text.strip(),
    )
