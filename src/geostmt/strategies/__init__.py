"""Hypothesis strategies for every geostmt type (install ``geostmt[hypothesis]``).

Values are valid by construction, never by filtering: a subdivision is drawn from its country,
bounds are drawn around the value, references are drawn from the ids a dataset holds, and any
described class gets a strategy derived from its field rules (:func:`derived`). Every strategy
shrinks towards small, plain values: short ids, few list items, ``None`` for optional fields,
the first country and currency in sorted order.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401  # the extra's one dependency
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "geostmt.strategies needs hypothesis: pip install 'geostmt[hypothesis]'"
    ) from error

from geostmt.strategies.derive import Context, derived
from geostmt.strategies.records import (
    actors,
    aid_packages,
    datasets,
    deployments,
    events,
    record_strategy,
    records,
    sources,
    statements,
)
from geostmt.strategies.texts import TEXT_LOCALES, money_texts, place_texts, quantity_texts
from geostmt.strategies.values import (
    acled_codings,
    dates,
    ids,
    money,
    periods,
    places,
    plover_codings,
    quantities,
    texts,
)

__all__ = [
    "TEXT_LOCALES",
    "Context",
    "acled_codings",
    "actors",
    "aid_packages",
    "datasets",
    "dates",
    "deployments",
    "derived",
    "events",
    "ids",
    "money",
    "money_texts",
    "periods",
    "place_texts",
    "places",
    "plover_codings",
    "quantities",
    "quantity_texts",
    "record_strategy",
    "records",
    "sources",
    "statements",
    "texts",
]
