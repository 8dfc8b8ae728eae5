"""The value types: :class:`Quantity`, :class:`Money` and :class:`Place`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

import attrs

from geostmt.errors import ValidationError
from geostmt.model import fields as f
from geostmt.model.class_rules import (
    AnyOf,
    ClassRule,
    Differ,
    Forbid,
    Ordered,
    Requires,
    SubdivisionInCountry,
    Together,
)
from geostmt.model.enums import PlaceKind, Qualifier
from geostmt.model.hooks import pydantic_ready

if TYPE_CHECKING:
    from geostmt.model.time import PartialDate
    from geostmt.rates.base import Rates

__all__ = ["Money", "Place", "Quantity"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Quantity:
    """A number as reported: a value, bounds, or both; a pint unit, or None for a count of ``of``.

    ``Quantity(value=Decimal(10000), qualifier="approximately", of="North Korean soldiers")``
    is "around 10,000 North Korean soldiers"; ``qualifier="range"`` reads ``low`` to ``high``.
    """

    RULES: ClassVar[tuple[ClassRule, ...]] = (
        AnyOf("value", "low", "high", message="needs at least one of value, low and high"),
        Ordered("low", "value", at="low", message="{low} is above the value {value}"),
        Ordered("value", "high", at="high", message="{high} is below the value {value}"),
        Ordered("low", "high", at="high", message="{high} is below low {low}"),
        Requires(
            "qualifier",
            Qualifier.RANGE,
            needs=("low", "high"),
            at="qualifier",
            message="a range needs both low and high",
        ),
    )
    __attrs_post_init__ = f.check_rules

    value: Decimal | None = attrs.field(default=None, **f.decimal())
    low: Decimal | None = attrs.field(default=None, **f.decimal())
    high: Decimal | None = attrs.field(default=None, **f.decimal())
    unit: str | None = attrs.field(default=None, **f.unit())
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, **f.choice(Qualifier))
    of: str | None = attrs.field(default=None, **f.text())

    def to(self, unit: str) -> Quantity:
        """The same quantity in ``unit`` (any spelling pint knows), converted by pint.

        Multiplicative conversions stay exact in Decimal (``5 kilometer`` is ``5000 meter``);
        a count (no unit) or a unit of another dimension is a ValidationError.
        """
        from geostmt.reference.units import conversion

        if self.unit is None:
            raise ValidationError.single("unit", "a count has no unit to convert")
        target, convert = conversion(self.unit, unit)
        return attrs.evolve(
            self,
            value=None if self.value is None else convert(self.value),
            low=None if self.low is None else convert(self.low),
            high=None if self.high is None else convert(self.high),
            unit=target,
        )


@pydantic_ready
@attrs.frozen(kw_only=True)
class Money:
    """An exact amount in an ISO 4217 currency.

    ``Money(amount=Decimal("425000000"), currency="USD")`` is "$425 million".
    """

    NOUN: ClassVar[str] = "money"
    RULES: ClassVar[tuple[ClassRule, ...]] = (
        Forbid(
            "qualifier", Qualifier.RANGE, message="money is one amount; 'range' needs a Quantity"
        ),
    )
    __attrs_post_init__ = f.check_rules

    amount: Decimal = attrs.field(**f.decimal(ge=0))
    currency: str = attrs.field(**f.currency())
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, **f.choice(Qualifier))

    def format(self, locale: str = "en") -> str:
        """The amount as ``locale`` writes it, through babel: ``"$425,000,000"`` in ``en``.

        Every digit is kept. Where the locale's symbol could be read as another currency, the
        ISO code is written instead, and a qualifier other than ``exact`` is written as a word
        (``about``, ``etwa``...), so ``parse_money(m.format(locale=L), locale=L) == m``.
        """
        from geostmt.model.money_format import format_money

        return format_money(self, locale)

    def convert(
        self, to: str, *, on: PartialDate | dt.date | str, rates: Rates | None = None
    ) -> Money:
        """This amount in the currency ``to`` at the rate of the day ``on`` (ECB rates unless
        ``rates`` is given; ``geostmt[rates]``), rounded half up to ``to``'s minor unit, the
        qualifier kept. A month or year converts at its average rate. A missing rate is a
        :class:`~geostmt.errors.RateError`; :func:`geostmt.model.conversion.convert` gives the
        :class:`~geostmt.model.conversion.Conversion` with the rate, its date and source.
        """
        from geostmt.model.conversion import convert

        return convert(self, to, on=on, rates=rates).amount


@pydantic_ready
@attrs.frozen(kw_only=True)
class Place:
    """A named place with its ISO 3166 codes and, where known, WGS84 coordinates.

    ``controlled_by`` is the de-facto controller's country code where it differs from ``country``
    (Crimea: country ``UA``, controlled by ``RU``).
    """

    RULES: ClassVar[tuple[ClassRule, ...]] = (
        SubdivisionInCountry("subdivision", "country"),
        Requires(
            "kind",
            PlaceKind.COUNTRY,
            needs=("country",),
            at="country",
            message="a place of kind 'country' needs its country code",
        ),
        Requires(
            "kind",
            PlaceKind.SUBDIVISION,
            needs=("subdivision",),
            at="subdivision",
            message="a place of kind 'subdivision' needs its code",
        ),
        Together("lat", "lon", message="lat and lon go together"),
        Differ(
            "controlled_by",
            "country",
            message="set only where the controller differs from country",
        ),
    )
    __attrs_post_init__ = f.check_rules

    name: str = attrs.field(**f.text())
    kind: PlaceKind = attrs.field(**f.choice(PlaceKind))
    country: str | None = attrs.field(default=None, **f.country())
    subdivision: str | None = attrs.field(default=None, **f.subdivision())
    lat: float | None = attrs.field(default=None, **f.number(ge=-90.0, le=90.0))
    lon: float | None = attrs.field(default=None, **f.number(ge=-180.0, le=180.0))
    controlled_by: str | None = attrs.field(default=None, **f.country())
    geonames_id: int | None = attrs.field(default=None, **f.integer(ge=1))
