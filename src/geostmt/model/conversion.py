"""Money in another currency at a dated rate: :class:`Conversion` and :func:`convert`.

The arithmetic is exact: the amount is multiplied and divided by the rate's published quotes
(Decimals, never floats) to 60 significant digits, then rounded once, to the target currency's
minor unit (CLDR, through babel: cents for EUR and USD, none for JPY, three places for KWD),
with :data:`ROUNDING`. The qualifier is kept: "about $425 million" stays "about" in euros.

``on`` is a day, or a month or year: a :class:`~geostmt.PartialDate` known only to the month or
year converts at the period's average rate (the mean of each currency's published daily rates
in that month or year, crossed through the source's base), as the ECB's own monthly averages
are made. A time of day converts at that calendar day's rate.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import attrs

from geostmt.errors import ValidationError
from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.hooks import pydantic_ready
from geostmt.model.time import PartialDate, Precision, to_partial_date
from geostmt.model.values import Money

if TYPE_CHECKING:
    from geostmt.rates.base import Rate, Rates

__all__ = ["ROUNDING", "Conversion", "convert", "minor_unit"]

ROUNDING = ROUND_HALF_UP
"""Half a cent rounds up (amounts are never negative, so this is also "away from zero"): the
rule the EU set for euro conversions (Council Regulation (EC) No 1103/97, art. 5), and what SQL
``ROUND`` on decimals does in DuckDB and PostgreSQL, so a conversion in SQL agrees with this one.
"""


@functools.lru_cache(maxsize=512)
def minor_unit(currency: str) -> Decimal:
    """The smallest amount written in ``currency``, from CLDR: ``0.01`` for EUR, ``1`` for JPY."""
    from babel.numbers import get_currency_precision

    return Decimal(1).scaleb(-get_currency_precision(currency))


@pydantic_ready
@attrs.frozen(kw_only=True)
class Conversion(Base):
    """One conversion with its working: ``original`` became ``amount`` at ``rate`` (units of
    the target per one unit of the original currency, to 28 significant digits) on ``on``,
    from rates of ``rate_date`` (the day used, which may be a working day before ``on``, or
    the month or year averaged) published by ``source``."""

    original: Money = attrs.field(**f.nested(Money))
    """The amount converted."""
    amount: Money = attrs.field(**f.nested(Money))
    """The amount in the target currency."""
    rate: Decimal = attrs.field(**f.decimal(ge=0))
    """Units of the target currency per unit of the original."""
    on: PartialDate = attrs.field(**f.date())
    """The day (or month or year) converted at."""
    rate_date: PartialDate = attrs.field(**f.date())
    """The day the rate is from (or the period averaged)."""
    source: str = attrs.field(**f.text())
    """Who published the rates."""


def _apply(money: Money, to: str, rate: Rate) -> Money:
    from geostmt.rates.base import EXACT

    exact = EXACT.divide(EXACT.multiply(money.amount, rate.numerator), rate.denominator)
    rounded = exact.quantize(minor_unit(to), rounding=ROUNDING)
    return Money(amount=rounded, currency=to, qualifier=money.qualifier)


def convert(
    money: Money,
    to: str,
    *,
    on: PartialDate | dt.date | str,
    rates: Rates | None = None,
) -> Conversion:
    """``money`` in the currency ``to`` at the rate of ``on``, with its working.

    ``rates`` defaults to :func:`geostmt.rates.ecb` (needs ``geostmt[rates]``). Converting to
    the same currency gives ``money`` unchanged, at rate 1, without asking any source. A missing
    rate is a :class:`~geostmt.errors.RateError` naming the currency, the date, the source and
    the nearest days it has.
    """
    try:
        when = PartialDate.parse(on) if isinstance(on, str) else to_partial_date(on)
    except ValidationError as error:
        raise error.prefixed("on") from None
    if not isinstance(when, PartialDate):
        raise TypeError(f"on must be a date, a PartialDate or ISO text, not {on!r}")
    target = Money(amount=Decimal(0), currency=to).currency  # checks the code before any rate loads
    if target == money.currency:
        return Conversion(
            original=money, amount=money, rate=Decimal(1), on=when, rate_date=when,
            source="none (same currency)",
        )  # fmt: skip
    if rates is None:
        from geostmt.rates.ecb_rates import ecb

        rates = ecb()
    if when.precision in (Precision.YEAR, Precision.MONTH):
        rate = rates.average(money.currency, target, when.earliest(), when.latest())
        rate_date = when
    else:
        rate = rates.rate(money.currency, target, when.earliest())
        rate_date = PartialDate.from_date(rate.first)
    return Conversion(
        original=money,
        amount=_apply(money, target, rate),
        rate=rate.value,
        on=when,
        rate_date=rate_date,
        source=rate.source,
    )
