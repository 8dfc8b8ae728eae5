"""Rates as an Arrow table, ``(date, currency, rate)``, for joins in DuckDB, Polars or Spark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from geostmt.rates.base import PublishedRates

__all__ = ["RATE_PRECISION", "RATE_SCALE", "to_arrow"]

RATE_PRECISION = 38
RATE_SCALE = 18
"""Rates are ``decimal128(38, 18)``: every ECB quote exactly, and any user rate with at most 18
decimal places (a rate with more is refused, never rounded)."""


def to_arrow(
    source: PublishedRates,
    *,
    currencies: Iterable[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Any:
    """A ``pyarrow.Table`` of ``date`` (date32), ``currency`` (string) and ``rate``
    (``decimal128(38, 18)``, units of the currency per one unit of the source's base), one row
    per published day from ``start`` to ``end`` (inclusive; None for no bound), ordered by
    currency then date. ``currencies`` defaults to all the source has.

    The base itself has no rows (its rate is 1 every day), and days not published (weekends,
    holidays) have none: a join that wants the window's fallback takes the last row on or
    before the day (DuckDB's ``ASOF JOIN``). The schema's metadata holds ``base`` and
    ``source``. Needs pyarrow (``geostmt[arrow]``).
    """
    try:
        import pyarrow as pa
    except ImportError as error:  # pragma: no cover - exercised only without the extra
        raise ImportError("to_arrow needs pyarrow: pip install 'geostmt[arrow]'") from error
    if not isinstance(source, PublishedRates):
        raise TypeError(
            f"to_arrow needs one source with one base (the ECB's or a RateTable), not {source!r}"
        )
    wanted = sorted(source.currencies() if currencies is None else set(currencies))
    unknown = [code for code in wanted if code not in source.currencies()]
    if unknown:
        raise ValueError(f"{source.name} has no rates for {', '.join(unknown)}")
    quantum = Decimal(1).scaleb(-RATE_SCALE)
    days: list[dt.date] = []
    codes: list[str] = []
    rates: list[Decimal] = []
    for code in wanted:
        for day, rate in source.series(code, start, end):
            if rate.as_tuple().exponent < -RATE_SCALE:  # type: ignore[operator]  # finite
                raise ValueError(
                    f"{code} on {day}: {rate} has more than {RATE_SCALE} decimal places"
                )
            days.append(day)
            codes.append(code)
            rates.append(rate.quantize(quantum))
    schema = pa.schema(
        [
            pa.field("date", pa.date32(), nullable=False),
            pa.field("currency", pa.string(), nullable=False),
            pa.field("rate", pa.decimal128(RATE_PRECISION, RATE_SCALE), nullable=False),
        ],
        metadata={"base": source.base, "source": source.name},
    )
    columns = [
        pa.array(days, pa.date32()),
        pa.array(codes, pa.string()),
        pa.array(rates, pa.decimal128(RATE_PRECISION, RATE_SCALE)),
    ]
    return pa.Table.from_arrays(columns, schema=schema)
