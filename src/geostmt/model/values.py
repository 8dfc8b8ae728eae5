"""The value types: :class:`Quantity`, :class:`Money` and :class:`Place`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from geostmt.errors import Problem, ValidationError
from geostmt.model import _checks
from geostmt.model.enums import PlaceKind, Qualifier
from geostmt.reference.units import canonical_unit

__all__ = ["Money", "Place", "Quantity"]


_QUALIFIER_MEMBERS = _checks.members(Qualifier)
_PLACE_KIND_MEMBERS = _checks.members(PlaceKind)


def _unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str:
        raise _checks.fail(attribute, _checks.expected("a unit name", value))
    try:
        canonical = canonical_unit(value)
    except ValueError as error:
        raise _checks.fail(attribute, str(error)) from None
    if canonical != value:
        raise _checks.fail(
            attribute, f"{value!r} is not pint's canonical spelling; write {canonical!r}"
        )


def _to_qualifier(value: Qualifier | str) -> Qualifier:
    return _checks.to_enum(_QUALIFIER_MEMBERS, value)


@attrs.frozen(kw_only=True)
class Quantity:
    """A number as reported: a value, bounds, or both; a pint unit, or None for a count of ``of``.

    ``Quantity(value=Decimal(10000), qualifier="approximately", of="North Korean soldiers")``
    is "around 10,000 North Korean soldiers"; ``qualifier="range"`` reads ``low`` to ``high``.
    """

    value: Decimal | None = attrs.field(
        default=None,
        converter=_checks.to_optional_decimal,
        validator=_checks.optional(_checks.decimal),
    )
    low: Decimal | None = attrs.field(
        default=None,
        converter=_checks.to_optional_decimal,
        validator=_checks.optional(_checks.decimal),
    )
    high: Decimal | None = attrs.field(
        default=None,
        converter=_checks.to_optional_decimal,
        validator=_checks.optional(_checks.decimal),
    )
    unit: str | None = attrs.field(default=None, validator=_checks.optional(_unit))
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT, converter=_to_qualifier, validator=_checks.member_of(Qualifier)
    )
    of: str | None = attrs.field(
        default=None,
        converter=_checks.to_optional_text,
        validator=_checks.optional(_checks.text),
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        value, low, high = self.value, self.low, self.high
        if value is None and low is None and high is None:
            problems.append(Problem("", "needs at least one of value, low and high"))
        if value is not None and low is not None and low > value:
            problems.append(Problem("low", f"{low} is above the value {value}"))
        if value is not None and high is not None and high < value:
            problems.append(Problem("high", f"{high} is below the value {value}"))
        if low is not None and high is not None and low > high:
            problems.append(Problem("high", f"{high} is below low {low}"))
        if self.qualifier is Qualifier.RANGE and (low is None or high is None):
            problems.append(Problem("qualifier", "a range needs both low and high"))
        if problems:
            raise ValidationError(problems)

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


@attrs.frozen(kw_only=True)
class Money:
    """An exact amount in an ISO 4217 currency.

    ``Money(amount=Decimal("425000000"), currency="USD")`` is "$425 million".
    """

    amount: Decimal = attrs.field(
        converter=_checks.to_decimal, validator=_checks.non_negative_decimal
    )
    currency: str = attrs.field(validator=_checks.currency_code)
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT, converter=_to_qualifier, validator=_checks.member_of(Qualifier)
    )

    def __attrs_post_init__(self) -> None:
        if self.qualifier is Qualifier.RANGE:
            raise ValidationError.single(
                "qualifier", "money is one amount; 'range' needs a Quantity"
            )

    def format(self, locale: str = "en") -> str:
        """The amount as ``locale`` writes it, through babel: ``"$425,000,000"`` in ``en``.

        Every digit is kept. Where the locale's symbol could be read as another currency, the
        ISO code is written instead, and a qualifier other than ``exact`` is written as a word
        (``about``, ``etwa``...), so ``parse_money(m.format(locale=L), locale=L) == m``.
        """
        from geostmt.model.money_format import format_money

        return format_money(self, locale)


def _to_place_kind(value: PlaceKind | str) -> PlaceKind:
    return _checks.to_enum(_PLACE_KIND_MEMBERS, value)


@attrs.frozen(kw_only=True)
class Place:
    """A named place with its ISO 3166 codes and, where known, WGS84 coordinates.

    ``controlled_by`` is the de-facto controller's country code where it differs from ``country``
    (Crimea: country ``UA``, controlled by ``RU``).
    """

    name: str = attrs.field(converter=_checks.to_text, validator=_checks.text)
    kind: PlaceKind = attrs.field(converter=_to_place_kind, validator=_checks.member_of(PlaceKind))
    country: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.country_code)
    )
    subdivision: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.subdivision_code)
    )
    lat: float | None = attrs.field(
        default=None,
        converter=_checks.to_optional_float,
        validator=_checks.optional(_checks.float_between(-90.0, 90.0)),
    )
    lon: float | None = attrs.field(
        default=None,
        converter=_checks.to_optional_float,
        validator=_checks.optional(_checks.float_between(-180.0, 180.0)),
    )
    controlled_by: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.country_code)
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.subdivision is not None:
            problem = _checks.subdivision_of_country(self.subdivision, self.country)
            if problem:
                problems.append(Problem("subdivision", problem))
        if self.kind is PlaceKind.COUNTRY and self.country is None:
            problems.append(Problem("country", "a place of kind 'country' needs its country code"))
        if self.kind is PlaceKind.SUBDIVISION and self.subdivision is None:
            problems.append(Problem("subdivision", "a place of kind 'subdivision' needs its code"))
        if (self.lat is None) != (self.lon is None):
            problems.append(
                Problem("lat" if self.lat is None else "lon", "lat and lon go together")
            )
        if self.controlled_by is not None and self.controlled_by == self.country:
            problems.append(
                Problem("controlled_by", "set only where the controller differs from country")
            )
        if problems:
            raise ValidationError(problems)
