"""Property-test your own pipeline with geostmt's hypothesis strategies.

Here the "pipeline" is a function that totals aid by currency; the properties check it against
every dataset hypothesis can build. Run it with ``python examples/property_testing.py``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings

import geostmt as g
from geostmt import strategies as gs


def totals_by_currency(dataset: g.Dataset) -> dict[str, Decimal]:
    """The pipeline under test: total aid value per currency."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for package in dataset.aid_packages:
        if package.value is not None:
            totals[package.value.currency] += package.value.amount
    return dict(totals)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gs.datasets())
def test_totals_are_never_negative(dataset: g.Dataset) -> None:
    """Aid totals are sums of non-negative amounts."""
    assert all(total >= 0 for total in totals_by_currency(dataset).values())


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gs.datasets())
def test_totals_survive_the_wire(dataset: g.Dataset) -> None:
    """Writing and reading a dataset changes no total."""
    reread = g.Dataset(g.loads(g.dumps(record)) for record in dataset)
    assert totals_by_currency(reread) == totals_by_currency(dataset)


if __name__ == "__main__":
    test_totals_are_never_negative()
    test_totals_survive_the_wire()
    print("properties hold")
    sys.exit(0)
