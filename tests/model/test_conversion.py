"""Tests for Quantity.to: unit conversion through pint, exact where it can be."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import Quantity, ValidationError

D = Decimal


def test_multiplicative_conversions_are_exact() -> None:
    """Kilometres to metres and tonnes to kilograms keep exact Decimals and the qualifier."""
    distance = Quantity(value=D(5), unit="kilometer", qualifier="approximately")
    assert distance.to("m") == Quantity(value=D(5000), unit="meter", qualifier="approximately")
    assert Quantity(low=D(1), high=D("2.5"), qualifier="range", unit="metric_ton").to("kg") == (
        Quantity(low=D(1000), high=D(2500), qualifier="range", unit="kilogram")
    )
    assert distance.to("mile").value == D("3.106855961186670")
    assert Quantity(value=D(80), unit="percent").to("dimensionless").value == D("0.80")


def test_offset_units_convert_through_pint() -> None:
    """Temperatures, which have an offset, convert too."""
    assert Quantity(value=D(100), unit="degree_Celsius").to("degree_Fahrenheit").value == D("212.0")


def test_bad_conversions_are_validation_errors() -> None:
    """A count, an unknown unit or another dimension is refused with a message."""
    with pytest.raises(ValidationError, match="a count has no unit"):
        Quantity(value=D(3), of="soldiers").to("meter")
    with pytest.raises(ValidationError, match="cannot convert kilometer to percent"):
        Quantity(value=D(3), unit="kilometer").to("percent")
    with pytest.raises(ValidationError, match="not a unit pint knows"):
        Quantity(value=D(3), unit="kilometer").to("furlongz")


@given(st.decimals(min_value=0, max_value=10**9, places=3))
def test_there_and_back(value: Decimal) -> None:
    """Metres to kilometres and back gives the value again, exactly."""
    start = Quantity(value=value, unit="meter")
    assert start.to("kilometer").to("meter").value == value


def test_a_31_digit_value_keeps_every_digit() -> None:
    """km to m (an exact factor) gives every digit of a 31-digit value, more than the default
    28-digit decimal context holds; m to km and km to mile as well."""
    value = D("1234567890123456789012345678901")
    assert str(Quantity(value=value, unit="kilometer").to("meter").value) == (
        "1234567890123456789012345678901000"
    )
    assert Quantity(value=value, unit="meter").to("kilometer").value == D(
        "1234567890123456789012345678.901"
    )
    assert Quantity(value=value, unit="kilometer").to("mile").value == D(
        "767124921783942307783654230778.219669348289934"  # times 0.621371192237334, exactly
    )


def test_conversion_ignores_a_narrow_decimal_context() -> None:
    """The caller's decimal context does not round the result."""
    with decimal.localcontext(decimal.Context(prec=3)):
        converted = Quantity(value=D("12345.678"), unit="kilometer").to("meter")
    assert converted.value == D("12345678.000")


def test_an_offset_far_from_the_value_is_added_exactly() -> None:
    """1E+50 degrees Celsius in Fahrenheit keeps the 32 at the end."""
    hot = Quantity(value=D("1E+50"), unit="degree_Celsius").to("degree_Fahrenheit")
    assert hot.value == D("180000000000000000000000000000000000000000000000032")


def test_a_value_that_cannot_be_converted_exactly_is_refused() -> None:
    """A result past the decimal range is a ValidationError, not a silent zero."""
    tiny = Quantity(value=D("1E-999999999"), unit="meter")
    with pytest.raises(ValidationError) as caught:
        tiny.to("kilometer")
    assert str(caught.value) == (
        "value: 1E-999999999 meter cannot be converted to kilometer exactly"
    )
