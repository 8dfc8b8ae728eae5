"""The ``hypothesis`` entry point: registers geostmt's strategies when hypothesis starts.

Hypothesis calls :func:`setup` while it imports itself, so ``st.from_type(Statement)`` works
wherever geostmt is installed, while ``import geostmt`` never imports hypothesis. The hook
imports no strategy: each is looked up on first use, so importing ``geostmt.strategies`` before
hypothesis cannot go round in a circle.
"""

from __future__ import annotations

import functools
from typing import Any

STRATEGY_OF_TYPE = {
    "Actor": "actors",
    "Source": "sources",
    "Statement": "statements",
    "Deployment": "deployments",
    "AidPackage": "aid_packages",
    "Quantity": "quantities",
    "Money": "money",
    "Place": "places",
    "PartialDate": "dates",
    "Dataset": "datasets",
}
"""Each geostmt type and the name of its strategy in :mod:`geostmt.strategies`."""


def _strategy(name: str, _: type[Any]) -> Any:
    from geostmt import strategies

    return getattr(strategies, name)()


def setup() -> None:
    """Register a strategy for every geostmt type with hypothesis."""
    from hypothesis import strategies as st

    import geostmt

    for type_name, strategy_name in STRATEGY_OF_TYPE.items():
        cls = getattr(geostmt, type_name)
        st.register_type_strategy(cls, functools.partial(_strategy, strategy_name))
