"""Total aid in euros at the announcement date, twice: in Python and in DuckDB, same total.

Run: ``python examples/aid_in_eur.py``. Needs ``geostmt[rates]`` (the ECB's rates, offline),
pyarrow and duckdb.

The seed dataset's aid package has no ``announced`` date, so its date is the ``published`` date
of the source its evidence cites: ``2024-11``, a month, which converts at November 2024's
average rate (the mean of the ECB's daily USD quotes that month). A day would use that day's
rate, or the last published day at most 7 days before.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import duckdb

import geostmt as g
from geostmt.model.conversion import convert
from geostmt.model.time import PartialDate, Precision
from geostmt.rates import ecb, to_arrow

SEED = Path(__file__).resolve().parent / "data" / "seed-article.jsonl"


def announcement_date(package: g.AidPackage, dataset: g.Dataset) -> PartialDate:
    """``announced``, else the ``published`` date of the first cited source that has one."""
    if package.announced is not None:
        return package.announced
    for evidence in package.evidence:
        source = dataset[evidence.source]
        if isinstance(source, g.Source) and source.published is not None:
            return source.published
    raise ValueError(f"{package.id} has no date to convert at")


def total_in_python(dataset: g.Dataset) -> Decimal:
    """The sum of every aid package's value in EUR, each converted exactly, then rounded."""
    total = Decimal(0)
    for record in dataset:
        if isinstance(record, g.AidPackage) and record.value is not None:
            on = announcement_date(record, dataset)
            conversion = convert(record.value, "EUR", on=on)
            print(
                f"{record.id}: {record.value.format()} on {on} -> {conversion.amount.format()}"
                f" at {conversion.rate} ({conversion.source}, {conversion.rate_date})"
            )
            total += conversion.amount.amount
    return total


SQL = """
WITH day_rate AS (  -- a day: that day's rate, or the last one within 7 days before
    SELECT p.id, r.rate
    FROM packages p ASOF JOIN rates r ON p.currency = r.currency AND p.first_day >= r.date
    WHERE p.precision = 'day' AND p.first_day - r.date <= 7
), period_rate AS (  -- a month or year: the mean of its published daily rates
    SELECT p.id, avg(r.rate) AS rate
    FROM packages p JOIN rates r
      ON p.currency = r.currency AND r.date BETWEEN p.first_day AND p.last_day
    WHERE p.precision IN ('month', 'year')
    GROUP BY p.id
)
SELECT sum(CASE WHEN p.currency = 'EUR' THEN p.amount
                ELSE round(p.amount / coalesce(d.rate, m.rate), 2) END) AS eur
FROM packages p
LEFT JOIN day_rate d USING (id)
LEFT JOIN period_rate m USING (id)
"""


def total_in_duckdb(dataset: g.Dataset) -> Decimal:
    """The same sum as SQL over an Arrow table of the packages and one of the ECB's rates."""
    import pyarrow as pa

    rows: list[dict[str, object]] = []
    days: list[dt.date] = []
    currencies: set[str] = set()
    for record in dataset:
        if isinstance(record, g.AidPackage) and record.value is not None:
            on = announcement_date(record, dataset)
            averaged = on.precision in (Precision.MONTH, Precision.YEAR)
            rows.append(
                {
                    "id": record.id,
                    "amount": record.value.amount,
                    "currency": record.value.currency,
                    "precision": on.precision.value if averaged else "day",
                    "first_day": on.earliest(),
                    "last_day": on.latest(),
                }
            )
            days += [on.earliest(), on.latest()]
            currencies.add(record.value.currency)
    packages = pa.Table.from_pylist(rows)
    start = min(days) - dt.timedelta(days=7)  # room for the fallback of the earliest day
    rates = to_arrow(ecb(), currencies=currencies - {"EUR"}, start=start, end=max(days))
    connection = duckdb.connect()
    connection.register("packages", packages)
    connection.register("rates", rates)
    (total,) = connection.execute(SQL).fetchall()[0]
    return Decimal(str(total)).quantize(Decimal("0.01"))


def main() -> tuple[Decimal, Decimal]:
    """Both totals; they agree."""
    dataset = g.Dataset.read_jsonl(SEED)
    in_python = total_in_python(dataset)
    in_duckdb = total_in_duckdb(dataset)
    print(f"total in EUR: {in_python} (Python), {in_duckdb} (DuckDB)")
    return in_python, in_duckdb


if __name__ == "__main__":
    python_total, duckdb_total = main()
    sys.exit(0 if python_total == duckdb_total else 1)
