"""The rate sources: the ECB's history, user tables, combining them and the Arrow export."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from geostmt import ValidationError
from geostmt.errors import RateError
from geostmt.rates import ECBRates, RateTable, combine, ecb, to_arrow
from tests.conftest import python_output

D = Decimal
DAY = dt.date(2024, 10, 31)


def test_ecb_quotes_are_decimals_from_the_text() -> None:
    """The ECB's USD and JPY quotes of 2024-10-31 are the published digits, as Decimals."""
    assert list(ecb().series("USD", DAY, DAY)) == [(DAY, D("1.0882"))]
    assert list(ecb().series("JPY", DAY, DAY)) == [(DAY, D("166.3"))]
    assert list(ecb().series("EUR")) == []
    assert {"USD", "JPY", "GBP", "EUR", "RUB"} <= ecb().currencies()
    assert "UAH" not in ecb().currencies()
    assert next(iter(ecb().series("USD")))[0] == dt.date(1999, 1, 4)
    assert ecb().version.count(".") >= 1


def test_a_cross_rate_keeps_both_quotes() -> None:
    """GBP -> JPY on one day is the fraction of the two quotes against the euro, unrounded."""
    rate = ecb().rate("GBP", "JPY", DAY)
    assert (rate.numerator, rate.denominator) == (D("166.3"), D("0.83753"))
    assert rate.first == rate.last == DAY


def test_the_window_must_be_a_number_of_days() -> None:
    """A negative window is refused."""
    with pytest.raises(ValueError, match="window"):
        ECBRates(window=-1)


def test_importing_loads_no_rates() -> None:
    """Importing geostmt and geostmt.rates and making money read no rates, no currencyconverter."""
    code = (
        "import sys, geostmt, geostmt.rates, geostmt.rates.ecb_rates as e; "
        "geostmt.Money(amount=1, currency='USD'); geostmt.rates.ecb(); "
        "print('currency_converter' in sys.modules, 'pyarrow' in sys.modules, "
        "e._HISTORY._value is None)"
    )
    assert python_output(code).split() == ["False", "False", "True"]


def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading the ECB history opens no socket (the file ships in the wheel)."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise AssertionError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import geostmt, datetime\n"
        "geostmt.rates.ecb().rate('USD', 'EUR', datetime.date(2024, 10, 31))\n"
        "print('ok')\n"
    )
    code = code.replace("geostmt.rates", "__import__('geostmt.rates').rates")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr


def test_table_from_csv(tmp_path: Path) -> None:
    """A CSV of date,currency,rate against a stated base reads into a source named after it."""
    path = tmp_path / "nbu.csv"
    path.write_text("date,currency,rate\n2024-10-31,UAH,41.2\n2024-11-01,UAH,41.25\n")
    table = RateTable.read_csv(path, base="USD")
    assert table.name == "nbu.csv"
    assert table.currencies() == {"UAH", "USD"}
    assert table.rate("USD", "UAH", dt.date(2024, 11, 3)).numerator == D("41.25")


def test_bad_csv_rows_are_reported_with_file_and_line(tmp_path: Path) -> None:
    """Every bad row is named by file and line: a bad date, currency, rate, a conflicting rate."""
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,currency,rate\n2024-13-01,UAH,41\n2024-10-31,XXY,41\n2024-10-31,UAH,-1\n"
        "2024-10-31,UAH,41.2\n2024-10-31,UAH,41.3\n2024-10-31,USD,1\n"
    )
    with pytest.raises(ValidationError) as caught:
        RateTable.read_csv(path, base="USD")
    found = [(p.line, p.path) for p in caught.value.problems]
    assert found == [(2, "date"), (3, "currency"), (4, "rate"), (6, "rate"), (7, "currency")]
    assert all(p.file == str(path) for p in caught.value.problems)
    (tmp_path / "cols.csv").write_text("day,code,value\n")
    with pytest.raises(ValidationError, match="needs the columns currency, date, rate"):
        RateTable.read_csv(tmp_path / "cols.csv", base="USD")


@pytest.mark.parametrize(
    ("row", "path"),
    [
        (("2024-10-31", "UAH"), "[0]"),
        ((dt.datetime(2024, 10, 31, 12), "UAH", 41), "[0].date"),
        ((20241031, "UAH", 41), "[0].date"),
        (("2024-10-31", "UAH", "forty"), "[0].rate"),
        (("2024-10-31", "UAH", True), "[0].rate"),
        (("2024-10-31", "UAH", "NaN"), "[0].rate"),
        (("2024-10-31", "UAH", 0), "[0].rate"),
        (("2024-10-31", None, 1), "[0].currency"),
    ],
)
def test_bad_rows_are_refused(row: tuple[object, ...], path: str) -> None:
    """Each kind of bad row is a ValidationError at its row and field."""
    with pytest.raises(ValidationError) as caught:
        RateTable([row], base="EUR")  # type: ignore[list-item]
    assert [p.path for p in caught.value.problems] == [path]


def test_a_bad_base_is_refused() -> None:
    """The base must be an ISO 4217 code."""
    with pytest.raises(ValidationError, match="base"):
        RateTable([], base="XXY")


def test_floats_read_by_their_shortest_repr() -> None:
    """A float rate 41.2 is Decimal('41.2'), not its binary expansion."""
    table = RateTable([(DAY, "UAH", 41.2)], base="USD")
    assert list(table.series("UAH")) == [(DAY, D("41.2"))]


def test_to_arrow_gives_date_currency_rate() -> None:
    """The ECB's USD and JPY over one week: five working days each, exact decimals, metadata."""
    import pyarrow as pa

    table = to_arrow(ecb(), currencies=["USD", "JPY"], start=dt.date(2024, 10, 28),
                     end=dt.date(2024, 11, 3))  # fmt: skip
    assert table.schema.names == ["date", "currency", "rate"]
    assert table.schema.field("rate").type == pa.decimal128(38, 18)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.metadata == {b"base": b"EUR", b"source": b"ECB euro reference rates"}
    assert table.num_rows == 10
    usd = [row for row in table.to_pylist() if row["currency"] == "USD"]
    assert usd[3] == {"date": DAY, "currency": "USD", "rate": D("1.0882")}
    back = RateTable.from_arrow(table, base="EUR")
    assert back.rate("USD", "JPY", DAY) == ecb().rate("USD", "JPY", DAY).__class__(
        numerator=D("166.3"), denominator=D("1.0882"), first=DAY, last=DAY,
        source="user rate table",
    )  # fmt: skip


def test_to_arrow_refusals() -> None:
    """Unknown currencies, combined sources and over-precise rates are refused."""
    with pytest.raises(ValueError, match="UAH"):
        to_arrow(ecb(), currencies=["UAH"])
    with pytest.raises(TypeError, match="one base"):
        to_arrow(combine(ecb()))  # type: ignore[arg-type]
    fine = RateTable([(DAY, "UAH", D("1." + "1" * 19))], base="USD")
    with pytest.raises(ValueError, match="18 decimal places"):
        to_arrow(fine)


def test_combine_prefers_the_first_source_and_falls_back() -> None:
    """A table first wins where it has the pair; RUB after 2022 comes from the table, crossed."""
    table = RateTable([(DAY, "RUB", "97.5"), (DAY, "GBP", "0.8")], base="USD", name="mine")
    both = combine(table, ecb())
    assert both.rate("USD", "GBP", DAY).source == "mine"
    rub = both.rate("RUB", "EUR", DAY)
    assert (rub.numerator, rub.denominator) == (D(1), D("97.5") * D("1.0882"))
    assert both.average("RUB", "EUR", DAY, DAY).denominator == D("97.5") * D("1.0882")
    assert "UAH" not in both.currencies()
    with pytest.raises(RateError, match="no source publishes UAH") as caught:
        both.rate("UAH", "EUR", DAY)
    assert caught.value.source == "mine + ECB euro reference rates"
    with pytest.raises(RateError) as missing_day:
        both.rate("RUB", "EUR", dt.date(2024, 12, 31))
    assert missing_day.value.currency == "RUB"
    with pytest.raises(ValueError, match="at least one"):
        combine()


def test_an_average_with_no_published_day_names_the_nearest() -> None:
    """A month the ECB has no RUB for names the last day it had."""
    with pytest.raises(RateError) as caught:
        ecb().average("RUB", "EUR", dt.date(2024, 11, 1), dt.date(2024, 11, 30))
    assert caught.value.nearest == (dt.date(2022, 3, 1),)
    assert caught.value.date == "2024-11-01/2024-11-30"
