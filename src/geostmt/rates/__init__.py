"""Dated exchange rates for :meth:`geostmt.Money.convert` (install ``geostmt[rates]``).

- :func:`ecb`: the ECB's euro reference rates since 1999, offline, loaded on first use;
- :class:`RateTable`: a user's own rates (a mapping, a CSV or an Arrow table) for currencies the
  ECB does not publish, such as UAH, or RUB after 2022-03-01;
- :func:`combine`: several sources tried in turn, crossed through a shared currency;
- :func:`to_arrow`: a source's rates as a ``(date, currency, rate)`` table for SQL joins.

Importing this package loads no rates and imports neither currencyconverter nor pyarrow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geostmt._exports import lazy_getattr

if TYPE_CHECKING:
    from geostmt.rates.arrow import to_arrow
    from geostmt.rates.base import DEFAULT_WINDOW, PublishedRates, Rate, Rates
    from geostmt.rates.combined import CombinedRates, combine
    from geostmt.rates.ecb_rates import ECBRates, ecb
    from geostmt.rates.table import RateTable

_WHERE = {
    "DEFAULT_WINDOW": "base",
    "CombinedRates": "combined",
    "ECBRates": "ecb_rates",
    "PublishedRates": "base",
    "Rate": "base",
    "RateTable": "table",
    "Rates": "base",
    "combine": "combined",
    "ecb": "ecb_rates",
    "to_arrow": "arrow",
}

__all__ = [
    "DEFAULT_WINDOW",
    "CombinedRates",
    "ECBRates",
    "PublishedRates",
    "Rate",
    "RateTable",
    "Rates",
    "combine",
    "ecb",
    "to_arrow",
]

__getattr__ = lazy_getattr(__name__, _WHERE)
