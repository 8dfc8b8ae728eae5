"""The ``hypothesis`` entry point: registers geostmt's strategies when hypothesis starts.

Hypothesis calls :func:`setup` while it imports itself, so ``st.from_type(Statement)`` works
wherever geostmt is installed, while ``import geostmt`` never imports hypothesis. The hook
imports no strategy: each is looked up on first use, so importing ``geostmt.strategies`` before
hypothesis cannot go round in a circle. Every record type in ``RECORD_CLASSES`` is covered with
no edit here.
"""

from __future__ import annotations

import functools
from typing import Any

VALUE_STRATEGIES = {
    "Quantity": "quantities",
    "Money": "money",
    "Place": "places",
    "PartialDate": "dates",
    "Period": "periods",
    "Dataset": "datasets",
}
"""Each geostmt value type and the name of its strategy in :mod:`geostmt.strategies`."""


def _strategy(name: str, _: type[Any]) -> Any:
    from geostmt import strategies

    return getattr(strategies, name)()


def _record(cls: type[Any]) -> Any:
    from geostmt.strategies import record_strategy

    return record_strategy(cls)


def setup() -> None:
    """Register a strategy for every record type and value type with hypothesis."""
    from hypothesis import strategies as st

    import geostmt
    from geostmt.model import RECORD_CLASSES

    for record in RECORD_CLASSES:
        st.register_type_strategy(record, _record)
    for type_name, strategy_name in VALUE_STRATEGIES.items():
        cls = getattr(geostmt, type_name)
        st.register_type_strategy(cls, functools.partial(_strategy, strategy_name))
