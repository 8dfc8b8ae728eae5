"""The :class:`Rates` interface, the :class:`Rate` it answers, and :class:`PublishedRates`, the
shared logic of a source that publishes daily rates against one base currency.

A rate is an exact fraction of Decimals: ``Rate(numerator=1, denominator=Decimal("1.0882"))``
turns dollars into euros on 2024-10-31 (1.0882 USD per EUR). Keeping the fraction, not a
rounded quotient, lets a conversion divide once, at the end, so its only rounding is to the
target currency's minor unit.
"""

from __future__ import annotations

import abc
import bisect
import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Context, Decimal

import attrs

from geostmt.errors import RateError

__all__ = ["DEFAULT_WINDOW", "EXACT", "PublishedRates", "Rate", "Rates", "Series"]

DEFAULT_WINDOW = 7
"""How many days back a missing rate (a weekend, a holiday) may be taken from, by default."""

EXACT = Context(prec=60)
"""The context of every intermediate product and quotient: 60 significant digits, far more
than any quote (at most 10) or amount holds, so products are exact."""


@attrs.frozen(kw_only=True)
class Rate:
    """``numerator`` units of the target currency buy ``denominator`` units of the source one,
    from rates published between ``first`` and ``last`` (the same day, unless it is a
    period's average or two currencies fell back to different days), by ``source``."""

    numerator: Decimal
    denominator: Decimal
    first: dt.date
    last: dt.date
    source: str

    @property
    def value(self) -> Decimal:
        """Target units per one source unit, to 28 significant digits (for display)."""
        return Context(prec=28).divide(self.numerator, self.denominator)

    def then(self, other: Rate) -> Rate:
        """This rate followed by ``other`` (A -> B then B -> C is A -> C), exactly."""
        return Rate(
            numerator=EXACT.multiply(self.numerator, other.numerator),
            denominator=EXACT.multiply(self.denominator, other.denominator),
            first=min(self.first, other.first),
            last=max(self.last, other.last),
            source=self.source if self.source == other.source else f"{self.source}; {other.source}",
        )


def _iso_period(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


class Rates(abc.ABC):
    """A source of dated exchange rates: the ECB's (:func:`geostmt.rates.ecb`), a user's
    (:class:`geostmt.rates.RateTable`), or several tried in turn (:func:`geostmt.rates.combine`).
    """

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The source as a reader should see it cited (``"ECB euro reference rates"``)."""

    @abc.abstractmethod
    def currencies(self) -> frozenset[str]:
        """Every currency this source has rates for, its base included."""

    @abc.abstractmethod
    def rate(self, source: str, target: str, on: dt.date) -> Rate:
        """The rate from ``source`` to ``target`` currency on the day ``on``, or the last earlier
        published day within the source's window; :class:`~geostmt.errors.RateError` if none."""

    @abc.abstractmethod
    def average(self, source: str, target: str, start: dt.date, end: dt.date) -> Rate:
        """The rate from ``source`` to ``target`` over the days ``start`` to ``end`` (inclusive):
        the mean of each currency's published daily rates against the base in that period,
        crossed through the base; :class:`~geostmt.errors.RateError` if a currency has none."""


@attrs.frozen
class Series:
    """One currency's published days, ascending, and its rate (units per base unit) on each."""

    days: tuple[dt.date, ...]
    rates: tuple[Decimal, ...]

    @classmethod
    def from_mapping(cls, rates: Mapping[dt.date, Decimal]) -> Series:
        """A series from ``{day: rate}``, sorted."""
        days = tuple(sorted(rates))
        return cls(days, tuple(rates[day] for day in days))


class PublishedRates(Rates):
    """A source publishing daily rates of each currency against one ``base`` currency.

    Subclasses give ``_all_series()``; this class finds a day's rate (falling back to the last
    published day at most ``window`` days earlier), averages, crosses through the base and says
    what went wrong, with the nearest published days, when a rate is missing.
    """

    def __init__(self, *, base: str, window: int = DEFAULT_WINDOW) -> None:
        if window < 0:
            raise ValueError(f"window must be a number of days, 0 or more, not {window}")
        self.base = base
        self.window = window

    @abc.abstractmethod
    def _all_series(self) -> Mapping[str, Series]:
        """Every currency but the base, with its series (loaded on first call, then kept)."""

    def currencies(self) -> frozenset[str]:
        """Every currency this source has rates for, its base included."""
        return frozenset(self._all_series()) | {self.base}

    def series(
        self, currency: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> Iterator[tuple[dt.date, Decimal]]:
        """The published ``(day, units per base unit)`` of ``currency`` from ``start`` to
        ``end`` (inclusive; None for no bound); nothing for the base, which is 1 by definition."""
        if currency == self.base:
            return
        found = self._series(currency, _iso_period(start or dt.date.min, end or dt.date.max))
        low = 0 if start is None else bisect.bisect_left(found.days, start)
        high = len(found.days) if end is None else bisect.bisect_right(found.days, end)
        for index in range(low, high):
            yield found.days[index], found.rates[index]

    def _series(self, currency: str, when: str) -> Series:
        every = self._all_series()
        found = every.get(currency)
        if found is None:
            first = min((s.days[0] for s in every.values() if s.days), default=None)
            last = max((s.days[-1] for s in every.values() if s.days), default=None)
            span = f"; its rates run from {first} to {last}" if first and last else ""
            raise RateError(
                f"{self.name} has no rate for {currency} on {when}: it publishes none for "
                f"{currency} at all{span}. Give a RateTable with {currency}, for example the "
                "issuing central bank's official rates, and combine it with this source",
                currency,
                when,
                self.name,
            )
        return found

    def _quote(self, currency: str, on: dt.date) -> tuple[Decimal, tuple[dt.date, ...]]:
        """Units of ``currency`` per base unit on ``on``, and the day that rate was published
        (none for the base, 1 on every day)."""
        if currency == self.base:
            return Decimal(1), ()
        found = self._series(currency, on.isoformat())
        index = bisect.bisect_right(found.days, on) - 1
        if index >= 0 and (on - found.days[index]).days <= self.window:
            return found.rates[index], (found.days[index],)
        nearest = found.days[index : index + 2] if index >= 0 else found.days[:1]
        shown = " and ".join(day.isoformat() for day in nearest) or "none"
        raise RateError(
            f"{self.name} has no rate for {currency} on {on.isoformat()} or in the "
            f"{self.window} days before; the nearest days it has are {shown}",
            currency,
            on.isoformat(),
            self.name,
            tuple(nearest),
        )

    def _mean(
        self, currency: str, start: dt.date, end: dt.date
    ) -> tuple[Decimal, int, tuple[dt.date, ...]]:
        """The sum of ``currency``'s rates published from ``start`` to ``end``, their count and
        their first and last days (none for the base)."""
        if currency == self.base:
            return Decimal(1), 1, ()
        found = self._series(currency, _iso_period(start, end))
        low = bisect.bisect_left(found.days, start)
        high = bisect.bisect_right(found.days, end)
        if low == high:
            nearest = found.days[max(low - 1, 0) : low + 1]
            shown = " and ".join(day.isoformat() for day in nearest) or "none"
            raise RateError(
                f"{self.name} has no rate for {currency} from {start.isoformat()} to "
                f"{end.isoformat()}; the nearest days it has are {shown}",
                currency,
                _iso_period(start, end),
                self.name,
                tuple(nearest),
            )
        total = Decimal(0)
        for value in found.rates[low:high]:
            total = EXACT.add(total, value)
        return total, high - low, (found.days[low], found.days[high - 1])

    def rate(self, source: str, target: str, on: dt.date) -> Rate:
        """The rate from ``source`` to ``target`` on ``on`` (see :meth:`Rates.rate`)."""
        per_source, source_day = self._quote(source, on)
        per_target, target_day = self._quote(target, on)
        days = (*source_day, *target_day) or (on,)
        return Rate(
            numerator=per_target,
            denominator=per_source,
            first=min(days),
            last=max(days),
            source=self.name,
        )

    def average(self, source: str, target: str, start: dt.date, end: dt.date) -> Rate:
        """The average rate from ``source`` to ``target`` (see :meth:`Rates.average`)."""
        source_sum, source_count, source_days = self._mean(source, start, end)
        target_sum, target_count, target_days = self._mean(target, start, end)
        days = (*source_days, *target_days) or (start, end)
        # (target_sum / target_count) / (source_sum / source_count), as one exact fraction
        return Rate(
            numerator=EXACT.multiply(target_sum, source_count),
            denominator=EXACT.multiply(source_sum, target_count),
            first=min(days),
            last=max(days),
            source=self.name,
        )
