"""Several rate sources tried in turn: :func:`combine`.

``combine(RateTable(..., base="USD"), ecb())`` converts UAH to EUR by crossing the table's
UAH -> USD with the ECB's USD -> EUR on the same day; each part says where it came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from geostmt.errors import RateError
from geostmt.rates.base import Rate, Rates

__all__ = ["CombinedRates", "combine"]

_Ask = Callable[[Rates, str, str], Rate]


class CombinedRates(Rates):
    """Sources in order of preference: a pair is taken from the first source that has both
    currencies on the day asked; failing that, crossed through a currency two sources share
    (the second source's base first, as a table against USD crosses to the ECB through USD)."""

    def __init__(self, *sources: Rates) -> None:
        if not sources:
            raise ValueError("combine needs at least one rate source")
        self.sources = sources

    @property
    def name(self) -> str:
        """The sources' names joined with ``" + "``."""
        return " + ".join(source.name for source in self.sources)

    def currencies(self) -> frozenset[str]:
        """Every currency any source has."""
        return frozenset().union(*(source.currencies() for source in self.sources))

    def rate(self, source: str, target: str, on: dt.date) -> Rate:
        """The rate on ``on`` from the first source that has it (see :meth:`Rates.rate`)."""
        return self._find(source, target, on.isoformat(), lambda s, a, b: s.rate(a, b, on))

    def average(self, source: str, target: str, start: dt.date, end: dt.date) -> Rate:
        """The period's average rate (see :meth:`Rates.average`), from one source where one has
        both currencies, else crossed as :meth:`rate` is."""
        when = f"{start.isoformat()}/{end.isoformat()}"
        return self._find(source, target, when, lambda s, a, b: s.average(a, b, start, end))

    def _find(self, source: str, target: str, when: str, ask: _Ask) -> Rate:
        known = [(s, s.currencies()) for s in self.sources]
        failures: list[RateError] = []
        for rates, codes in known:
            if source in codes and target in codes:
                try:
                    return ask(rates, source, target)
                except RateError as error:
                    failures.append(error)
        for first, first_codes in known:
            if source not in first_codes:
                continue
            for second, second_codes in known:
                if second is first or target not in second_codes:
                    continue
                for bridge in _bridges(first, second, first_codes & second_codes):
                    try:
                        return ask(first, source, bridge).then(ask(second, bridge, target))
                    except RateError as error:
                        failures.append(error)
        if failures:
            raise failures[0]
        missing = source if not any(source in codes for _, codes in known) else target
        raise RateError(
            f"{self.name} has no rate for {missing} on {when}: no source publishes {missing}",
            missing,
            when,
            self.name,
        )

    def __repr__(self) -> str:
        return f"combine({', '.join(repr(source) for source in self.sources)})"


def _bridges(first: Rates, second: Rates, shared: frozenset[str]) -> list[str]:
    """The currencies to cross through, the sources' bases first."""
    preferred = [getattr(second, "base", None), getattr(first, "base", None)]
    ahead = [code for code in preferred if code in shared]
    return list(dict.fromkeys([*ahead, *sorted(shared)]))


def combine(*sources: Rates) -> CombinedRates:
    """One source from several, tried in the order given: put your own table first to let it
    win over the ECB where both have a currency."""
    return CombinedRates(*sources)
