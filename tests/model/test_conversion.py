"""Tests for Quantity.to: unit conversion through pint, exact where it can be."""

from __future__ import annotations

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
