"""Money.convert and Conversion: the issue's concrete values and the properties of conversion."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from geostmt.errors import GeostmtError, RateError
from geostmt.model.conversion import Conversion, convert, minor_unit
from geostmt.model.spec import describe
from geostmt.rates import RateTable, combine, ecb
from geostmt.wire import json_schema

D = Decimal
USD_425M = g.Money(amount=D(425_000_000), currency="USD")
# Currencies the ECB published on every working day from 2010 to 2024.
STEADY = ("USD", "JPY", "GBP", "CHF", "SEK", "PLN", "CAD", "KRW", "EUR")


def test_usd_to_eur_on_2024_10_31() -> None:
    """$425,000,000 at the ECB's 1.0882 USD per EUR of 2024-10-31 is EUR 390,553,207.13."""
    assert USD_425M.convert("EUR", on="2024-10-31") == g.Money(
        amount=D("390553207.13"), currency="EUR"
    )
    working = convert(USD_425M, "EUR", on=dt.date(2024, 10, 31))
    assert working.rate_date == g.PartialDate(year=2024, month=10, day=31)
    assert working.source == "ECB euro reference rates"
    assert working.rate == (D(1) / D("1.0882")).quantize(D("1e-28"))


def test_a_saturday_uses_fridays_rate_and_says_so() -> None:
    """2024-11-02 (a Saturday) converts at Friday 2024-11-01's 1.0885, named as the rate date."""
    working = convert(USD_425M, "EUR", on="2024-11-02")
    assert working.on == g.PartialDate(year=2024, month=11, day=2)
    assert working.rate_date == g.PartialDate(year=2024, month=11, day=1)
    assert working.amount.amount == (D(425_000_000) / D("1.0885")).quantize(D("0.01"))


def test_the_window_bounds_the_fallback() -> None:
    """With a window of 0 days a Saturday has no rate; the error names Friday and Monday."""
    with pytest.raises(RateError) as caught:
        convert(USD_425M, "EUR", on="2024-11-02", rates=ecb(window=0))
    assert caught.value.nearest == (dt.date(2024, 11, 1), dt.date(2024, 11, 4))
    assert "2024-11-01 and 2024-11-04" in str(caught.value)


def test_uah_without_a_table_is_a_clear_error() -> None:
    """UAH is not an ECB currency: a RateError (a ValueError) naming currency, day and source."""
    hryvnias = g.Money(amount=D(1_000_000), currency="UAH")
    with pytest.raises(RateError) as caught:
        hryvnias.convert("EUR", on="2024-10-31")
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, GeostmtError)
    assert (error.currency, error.date, error.source) == (
        "UAH",
        "2024-10-31",
        "ECB euro reference rates",
    )
    assert all(word in str(error) for word in ("UAH", "2024-10-31", "ECB", "1999-01-04"))
    again = pickle.loads(pickle.dumps(error))
    assert (again.currency, again.date, again.nearest, str(again)) == (
        "UAH",
        "2024-10-31",
        (),
        str(error),
    )


def test_rub_after_march_2022_names_the_last_day_it_has() -> None:
    """The ECB stopped RUB on 2022-03-01: a later day's error gives that day as the nearest."""
    with pytest.raises(RateError) as caught:
        g.Money(amount=D(1), currency="RUB").convert("EUR", on="2024-10-31")
    assert caught.value.nearest == (dt.date(2022, 3, 1),)


def test_uah_with_a_user_table_works() -> None:
    """A table of UAH per USD, combined with the ECB, crosses UAH -> USD -> EUR exactly."""
    nbu = RateTable.from_mapping({"UAH": {"2024-10-31": "41.2"}}, base="USD", name="NBU")
    hryvnias = g.Money(amount=D(1_000_000), currency="UAH", qualifier="approximately")
    working = convert(hryvnias, "EUR", on="2024-10-31", rates=combine(nbu, ecb()))
    expected = (D(1_000_000) / (D("41.2") * D("1.0882"))).quantize(D("0.01"))
    assert working.amount == g.Money(amount=expected, currency="EUR", qualifier="approximately")
    assert working.source == "NBU; ECB euro reference rates"
    assert working.rate_date == g.PartialDate(year=2024, month=10, day=31)
    against_eur = RateTable.from_mapping({"UAH": {dt.date(2024, 10, 31): "44.8"}}, base="EUR")
    assert hryvnias.convert("EUR", on="2024-10-31", rates=against_eur).amount == D("22321.43")


def test_jpy_rounds_to_whole_yen() -> None:
    """JPY has no minor unit: the amount has no decimals (165.54 JPY per EUR on 2024-11-01)."""
    yen = g.Money(amount=D("1000.00"), currency="EUR").convert("JPY", on="2024-11-01")
    assert yen == g.Money(amount=D(165540), currency="JPY")
    assert yen.amount.as_tuple().exponent == 0
    odd = g.Money(amount=D("0.01"), currency="EUR").convert("JPY", on="2024-11-01")
    assert odd.amount == D(2)  # 1.6554 rounds to 2
    assert minor_unit("JPY") == D(1)
    assert minor_unit("KWD") == D("0.001")


def test_round_trip_on_one_day_is_within_a_cent() -> None:
    """USD -> EUR -> USD on 2024-10-31 gives back $425,000,000.00."""
    euros = USD_425M.convert("EUR", on="2024-10-31")
    assert euros.convert("USD", on="2024-10-31").amount == D("425000000.00")


def test_a_month_converts_at_its_average_rate() -> None:
    """2024-11 converts at the mean of the ECB's 21 November quotes; the rate date is the month."""
    quotes = [rate for _, rate in ecb().series("USD", dt.date(2024, 11, 1), dt.date(2024, 11, 30))]
    assert len(quotes) == 21
    working = convert(USD_425M, "EUR", on="2024-11")
    assert working.rate_date == g.PartialDate(year=2024, month=11)
    mean = sum(quotes, D(0)) / len(quotes)
    assert working.amount.amount == (D(425_000_000) / mean).quantize(D("0.01"))
    assert working.amount.amount == D("399806480.22")
    year = convert(USD_425M, "EUR", on="2024")
    assert year.rate_date == g.PartialDate(year=2024)
    assert D(390_000_000) < year.amount.amount < D(395_000_000)


def test_a_time_of_day_uses_that_days_rate() -> None:
    """A minute-precision date converts at its calendar day's rate."""
    assert USD_425M.convert("EUR", on="2024-10-31T04:30+02:00").amount == D("390553207.13")


def test_bad_arguments() -> None:
    """An unknown target currency or a bad date is a ValidationError before any rate is read."""
    with pytest.raises(g.ValidationError, match="currency"):
        USD_425M.convert("XXY", on="2024-10-31")
    with pytest.raises(g.ValidationError, match=r"on\.month"):
        USD_425M.convert("EUR", on="2024-13-01")


def test_conversion_serialises_like_every_value() -> None:
    """A Conversion goes through to_dict/from_dict unchanged and validates against its schema."""
    import jsonschema

    working = convert(USD_425M, "EUR", on="2024-11-02")
    data = g.to_dict(working)
    assert data["rate_date"] == "2024-11-01"
    assert data["amount"] == {"amount": "390445567.29", "currency": "EUR"}
    assert g.from_dict(data, Conversion) == working
    jsonschema.validate(data, json_schema(Conversion))
    assert [f.name for f in describe(Conversion).fields] == [
        "original", "amount", "rate", "on", "rate_date", "source"
    ]  # fmt: skip


# --- properties ---------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=D(10) ** 12, places=2, allow_nan=False)
qualifiers = st.sampled_from([q for q in g.Qualifier if q is not g.Qualifier.RANGE])
days = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2024, 12, 31))
steady = st.sampled_from(STEADY)


@given(amount=amounts, currency=st.sampled_from(["USD", "UAH", "JPY", "EUR"]), on=days,
       qualifier=qualifiers)  # fmt: skip
def test_same_currency_is_the_identity(
    amount: Decimal, currency: str, on: dt.date, qualifier: g.Qualifier
) -> None:
    """Converting to the money's own currency changes nothing, and needs no rate."""
    money = g.Money(amount=amount, currency=currency, qualifier=qualifier)
    assert money.convert(currency, on=on) == money


@given(amount=amounts, source=steady, target=steady, on=days, qualifier=qualifiers)
def test_never_negative_and_keeps_the_qualifier(
    amount: Decimal, source: str, target: str, on: dt.date, qualifier: g.Qualifier
) -> None:
    """A converted amount is never negative, is in the target's minor unit, keeps its qualifier."""
    money = g.Money(amount=amount, currency=source, qualifier=qualifier)
    converted = money.convert(target, on=on)
    assert converted.amount >= 0
    assert converted.qualifier is qualifier
    if target != source:
        assert converted.amount == converted.amount.quantize(minor_unit(target))


@given(amount=amounts, source=steady, bridge=steady, target=steady, on=days)
def test_cross_rates_agree_with_the_direct_rate(
    amount: Decimal, source: str, bridge: str, target: str, on: dt.date
) -> None:
    """A -> B -> C is A -> C but for the rounding to B's and C's minor units."""
    money = g.Money(amount=amount, currency=source)
    direct = money.convert(target, on=on).amount
    via = money.convert(bridge, on=on).convert(target, on=on).amount
    bridge_to_target = convert(g.Money(amount=D(1), currency=bridge), target, on=on).rate
    slack = minor_unit(bridge) / 2 * bridge_to_target + minor_unit(target)
    assert abs(direct - via) <= slack


@given(amount=amounts, currency=steady, on=days)
def test_round_trip_differs_by_the_minor_unit_rounding_at_most(
    amount: Decimal, currency: str, on: dt.date
) -> None:
    """X -> EUR -> X on one day is back within half a cent's worth of X plus half X's unit."""
    money = g.Money(amount=amount, currency=currency)
    back = money.convert("EUR", on=on).convert(currency, on=on).amount
    eur_to_x = convert(g.Money(amount=D(1), currency="EUR"), currency, on=on).rate
    assert abs(back - amount) <= minor_unit("EUR") / 2 * eur_to_x + minor_unit(currency) / 2
