"""A user's own rates: :class:`RateTable`, from rows, a mapping, a CSV file or an Arrow table.

For currencies the ECB does not publish (UAH; RUB after 2022-03-01), the usual source is the
issuing central bank's official rate (the National Bank of Ukraine's for UAH), or the IMF's
exchange rate series. State the base the rates are against: a row ``2024-10-31,UAH,41.2`` with
``base="USD"`` reads "41.2 hryvnias per dollar on 2024-10-31".
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from geostmt.errors import Problem, ValidationError, join_path, shown
from geostmt.rates.base import DEFAULT_WINDOW, PublishedRates, Series
from geostmt.reference import is_currency

__all__ = ["RateTable"]

Row = tuple[Any, Any, Any]
"""``(date, currency, rate)``: a ``datetime.date`` or ISO text, an ISO 4217 code, and units of
the currency per one unit of the base (Decimal, int, text; a float is read by its shortest
repr, ``1.0882`` as ``Decimal("1.0882")``)."""


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"{shown(value)} is a time; give the day")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ValueError(f"{shown(value)} is not a date")


def _rate(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"{shown(value)} is not a rate")
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value).strip())
    except InvalidOperation:
        raise ValueError(f"{shown(value)} is not a number") from None
    if not number.is_finite() or number <= 0:
        raise ValueError(f"{shown(value)} is not a positive rate")
    return number


def _read_row(row: Any, base: str) -> tuple[dt.date, str, Decimal] | Problem:
    """The row's values, or its problem (``path`` relative to the row)."""
    try:
        day_value, currency, rate_value = row
    except (TypeError, ValueError):
        return Problem("", f"{shown(row)} is not a (date, currency, rate) row")
    try:
        day = _day(day_value)
    except ValueError as error:
        return Problem("date", str(error))
    if not isinstance(currency, str) or not is_currency(currency):
        return Problem("currency", f"{shown(currency)} is not an ISO 4217 code")
    try:
        rate = _rate(rate_value)
    except ValueError as error:
        return Problem("rate", str(error))
    if currency == base:
        return Problem("currency", f"{base} is the base; its rate is 1 and needs no row")
    return day, currency, rate


class RateTable(PublishedRates):
    """Daily rates a user gives, each ``(date, currency, rate)``: units of ``currency`` per one
    unit of ``base``. Combine it with the ECB's through :func:`geostmt.rates.combine`.

    Every bad row is reported at once, as a :class:`~geostmt.ValidationError` whose paths are
    the row numbers (``[2].rate``); two different rates for one currency on one day are refused.
    """

    def __init__(
        self,
        rows: Iterable[Row],
        *,
        base: str,
        name: str = "user rate table",
        window: int = DEFAULT_WINDOW,
        file: str | None = None,
        first_line: int | None = None,
    ) -> None:
        if not is_currency(base):
            raise ValidationError.single("base", f"{shown(base)} is not an ISO 4217 code")
        super().__init__(base=base, window=window)
        self._name = name
        found: dict[str, dict[dt.date, Decimal]] = {}
        problems: list[Problem] = []
        for index, row in enumerate(rows):
            read = _read_row(row, base)
            if not isinstance(read, Problem):
                day, currency, rate = read
                earlier = found.setdefault(currency, {}).setdefault(day, rate)
                if earlier == rate:
                    continue
                read = Problem("rate", f"{currency} on {day} is already {earlier}, not {rate}")
            if first_line is None:
                problems.append(read._replace(path=join_path(index, read.path), file=file))
            else:
                problems.append(read._replace(line=first_line + index, file=file))
        if problems:
            raise ValidationError(problems)
        self._series_by_currency = {
            currency: Series.from_mapping(rates) for currency, rates in found.items()
        }

    @property
    def name(self) -> str:
        """The name given, cited in conversions and errors."""
        return self._name

    def _all_series(self) -> Mapping[str, Series]:
        return self._series_by_currency

    def __repr__(self) -> str:
        return f"RateTable(base={self.base!r}, name={self._name!r}, window={self.window})"

    @classmethod
    def from_mapping(
        cls,
        rates: Mapping[str, Mapping[Any, Any]],
        *,
        base: str,
        name: str = "user rate table",
        window: int = DEFAULT_WINDOW,
    ) -> RateTable:
        """From ``{currency: {date: rate}}``: ``{"UAH": {"2024-10-31": "41.2"}}``."""
        rows = [(day, currency, rate) for currency, by_day in rates.items()
                for day, rate in by_day.items()]  # fmt: skip
        return cls(rows, base=base, name=name, window=window)

    @classmethod
    def read_csv(
        cls,
        path: str | os.PathLike[str],
        *,
        base: str,
        name: str | None = None,
        window: int = DEFAULT_WINDOW,
    ) -> RateTable:
        """From a CSV file with the header ``date,currency,rate`` (other columns ignored);
        problems name the file and line. ``name`` defaults to the file's name."""
        shown_path = os.fspath(path)
        with open(path, encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            missing = {"date", "currency", "rate"} - set(reader.fieldnames or ())
            if missing:
                raise ValidationError(
                    [Problem("", f"needs the columns {', '.join(sorted(missing))}", 1, shown_path)]
                )
            rows = [(r["date"], r["currency"], r["rate"]) for r in reader]
        return cls(
            rows,
            base=base,
            name=name or os.path.basename(shown_path),
            window=window,
            file=shown_path,
            first_line=2,
        )

    @classmethod
    def from_arrow(
        cls,
        table: Any,
        *,
        base: str,
        name: str = "user rate table",
        window: int = DEFAULT_WINDOW,
    ) -> RateTable:
        """From an Arrow table (or anything with ``column(name).to_pylist()``, like
        :func:`geostmt.rates.to_arrow`'s result) with columns ``date``, ``currency``, ``rate``."""
        columns = [table.column(name).to_pylist() for name in ("date", "currency", "rate")]
        return cls(zip(*columns, strict=True), base=base, name=name, window=window)
