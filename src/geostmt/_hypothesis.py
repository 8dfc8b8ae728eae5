"""The ``hypothesis`` entry point: registers geostmt's strategies when hypothesis starts.

Hypothesis calls :func:`setup` itself, so ``st.from_type(Statement)`` works wherever geostmt is
installed, while ``import geostmt`` never imports hypothesis.
"""

from __future__ import annotations


def setup() -> None:
    """Register a strategy for every geostmt type with hypothesis."""
    from geostmt.strategies import _register

    _register()
