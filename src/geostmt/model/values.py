"""The value types: :class:`Quantity`, :class:`Money` and :class:`Place`."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

import attrs

from geostmt.errors import ValidationError, written
from geostmt.model import fields as f
from geostmt.model.base import Base
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
from geostmt.model.enums import PlaceKind, Qualifier, as_place_kind, as_qualifier
from geostmt.model.hooks import pydantic_ready

if TYPE_CHECKING:
    from geostmt.model.time import PartialDate
    from geostmt.rates.base import Rates

__all__ = ["Money", "Place", "Quantity"]

_FACTOR_DIGITS = 40
"""Digits a conversion adds to a value's own, with room to spare: pint's factor, read from a
float, has at most 17 significant digits; an offset unit's slope and offset 12 each."""
_MAX_SHIFT = 1_000
"""The most digits of exponent a conversion spans besides those: enough to add an offset
(273.15) to a value far from 1 (1E+50 degree_Celsius), bounded so memory stays bounded."""


def _exact_context(number: Decimal) -> decimal.Context:
    """A context wide enough to convert ``number`` without rounding, where rounding would
    signal Inexact (trapped) instead: the default 28 digits would silently drop digits of a
    31-digit value. The default context's otherwise, whatever the caller's."""
    span = min(abs(number.adjusted()), _MAX_SHIFT)
    context = decimal.Context(prec=len(number.as_tuple().digits) + _FACTOR_DIGITS + span)
    context.traps[decimal.Inexact] = True
    return context


@pydantic_ready
@attrs.frozen(kw_only=True)
class Quantity(Base):
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
    """The number, read as the qualifier says."""
    low: Decimal | None = attrs.field(default=None, **f.decimal())
    """The lower bound, where one is given."""
    high: Decimal | None = attrs.field(default=None, **f.decimal())
    """The upper bound, where one is given."""
    unit: str | None = attrs.field(default=None, **f.unit())
    """A unit in pint's canonical spelling (``kilometer``, ``percent``); none for a count of
    ``of``."""
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT, converter=as_qualifier, **f.choice(Qualifier)
    )
    """How to read the number: exactly, approximately, as a bound, or as a range from ``low`` to
    ``high``."""
    of: str | None = attrs.field(default=None, **f.text())
    """What is counted (``North Korean soldiers``)."""

    def to(self, unit: str) -> Quantity:
        """The same quantity in ``unit`` (any spelling pint knows), converted by pint.

        Conversions are exact in Decimal, every digit kept whatever the decimal context
        (``5 kilometer`` is ``5000 meter``, a 31-digit value keeps its 31 digits); a count (no
        unit), a unit of another dimension, or a number too large for Decimal in the new unit
        or one it cannot hold exactly (``1E-999999999 meter`` in kilometres) is a
        ValidationError.
        """
        from geostmt.reference.units import conversion

        if self.unit is None:
            raise ValidationError.single("unit", "a count has no unit to convert")
        with decimal.localcontext(decimal.Context()):  # pint's factor, whatever the caller's
            target, convert = conversion(self.unit, unit)
        converted: dict[str, Decimal | None] = {}
        for name in ("value", "low", "high"):
            number: Decimal | None = getattr(self, name)
            if number is None:
                converted[name] = None
                continue
            try:
                with decimal.localcontext(_exact_context(number)):
                    converted[name] = convert(number)
            except decimal.Overflow:  # 1E+999999999 kilometer in meter (an Inexact too)
                message = f"{written(number)} {self.unit} is too large to convert to {target}"
                raise ValidationError.single(name, message) from None
            except ArithmeticError:  # Inexact: 1E-999999999 meter in kilometer, past Emin
                message = f"{written(number)} {self.unit} cannot be converted to {target} exactly"
                raise ValidationError.single(name, message) from None
        return attrs.evolve(
            self,
            value=converted["value"],
            low=converted["low"],
            high=converted["high"],
            unit=target,
        )


@pydantic_ready
@attrs.frozen(kw_only=True)
class Money(Base):
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
    """The exact amount, never negative."""
    currency: str = attrs.field(**f.currency())
    """The ISO 4217 currency code (``USD``)."""
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT, converter=as_qualifier, **f.choice(Qualifier)
    )
    """How to read the amount: exactly, approximately, or as a bound."""

    def format(self, locale: str = "en") -> str:
        """The amount as ``locale`` writes it, through babel: ``"$425,000,000"`` in ``en``.

        Every digit is kept, up to 1,000 digits (``money_format.MAX_DIGITS``; a
        larger amount is a ValidationError). Where the locale's symbol could be read as another
        currency, the ISO code is written instead, and a qualifier other than ``exact`` is
        written as a word (``about``, ``etwa``...), so
        ``parse_money(m.format(locale=L), locale=L) == m``. ``locale`` is a BCP 47 tag or CLDR
        id; an unknown one is an :class:`~geostmt.UnknownLocaleError`.
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
class Place(Base):
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
    """The place's name (``Kursk``, ``Donbas``)."""
    kind: PlaceKind = attrs.field(converter=as_place_kind, **f.choice(PlaceKind))
    """What sort of place: a country, a subdivision, a city, a region (informal, such as Donbas) or
    other."""
    country: str | None = attrs.field(default=None, **f.country())
    """The ISO 3166-1 alpha-2 code of the country the place is in."""
    subdivision: str | None = attrs.field(default=None, **f.subdivision())
    """The ISO 3166-2 code of its subdivision (``RU-KRS``), within ``country``."""
    lat: float | None = attrs.field(default=None, **f.number(ge=-90.0, le=90.0))
    """Latitude in degrees (WGS84)."""
    lon: float | None = attrs.field(default=None, **f.number(ge=-180.0, le=180.0))
    """Longitude in degrees (WGS84)."""
    controlled_by: str | None = attrs.field(default=None, **f.country())
    """The country code of the de-facto controller, where it differs from ``country`` (Crimea:
    ``RU``)."""
    geonames_id: int | None = attrs.field(default=None, **f.integer(ge=1))
    """The GeoNames id, where known."""
