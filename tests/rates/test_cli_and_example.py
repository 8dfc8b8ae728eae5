"""``geostmt parse money --to --on`` and the docs' example, which totals aid two ways."""

from __future__ import annotations

import json
import runpy
from decimal import Decimal
from typing import Any

import pytest

import geostmt as g
from geostmt.cli import main
from tests.conftest import ROOT


def test_parse_money_to_eur(capsys: pytest.CaptureFixture[str]) -> None:
    """The parsed amount, the converted one, the rate and its date are printed as JSON."""
    assert main(["parse", "money", "$425 million", "--to", "EUR", "--on", "2024-10-31"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["original"] == {"amount": "425000000", "currency": "USD"}
    assert printed["amount"] == {"amount": "390553207.13", "currency": "EUR"}
    assert printed["rate_date"] == "2024-10-31"
    assert printed["source"] == "ECB euro reference rates"
    assert printed["rate"].startswith("0.91894872")


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["money", "$425 million", "--to", "EUR"], 2, "--to and --on go together"),
        (["place", "Kyiv", "--to", "EUR", "--on", "2024-10-31"], 2, "only with money"),
        (["money", "425 million hryvnias", "--to", "EUR", "--on", "2024-10-31"], 1, "UAH"),
        (["money", "$425 million", "--to", "EUR", "--on", "2024-13-01"], 1, "on.month"),
    ],
)
def test_parse_money_conversion_errors(
    argv: list[str], status: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad option pairs and missing rates are one line on stderr and a non-zero status."""
    assert main(["parse", *argv]) == status
    assert message in capsys.readouterr().err


def _example() -> dict[str, Any]:
    return runpy.run_path(str(ROOT / "examples" / "aid_in_eur.py"))


def test_example_totals_agree(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed dataset's aid is EUR 399,806,480.22 at November 2024's average, both ways."""
    assert _example()["main"]() == (Decimal("399806480.22"), Decimal("399806480.22"))
    assert "(Python)" in capsys.readouterr().out


def test_example_sql_agrees_on_days_saturdays_and_years(capsys: pytest.CaptureFixture[str]) -> None:
    """Packages dated to a day, a Saturday, a month and a year, in USD, JPY and EUR: same total."""
    example = _example()
    records: list[Any] = [
        g.Actor(id="us", name="United States", kind="state"),
        g.Actor(id="ua", name="Ukraine", kind="state"),
    ]
    for index, (amount, currency, date) in enumerate(
        [
            ("425000000", "USD", "2024-10-31"),
            ("1234567.89", "USD", "2024-11-02"),
            ("98765432", "JPY", "2024-11"),
            ("5000000.5", "EUR", "2023-06-01"),
            ("777", "USD", "2023"),
        ]
    ):
        records.append(
            g.AidPackage(
                id=f"p{index}",
                donor="us",
                recipient="ua",
                announced=date,
                value=g.Money(amount=Decimal(amount), currency=currency),
            )
        )
    dataset = g.Dataset(records)
    python_total = example["total_in_python"](dataset)
    assert python_total == example["total_in_duckdb"](dataset)
    capsys.readouterr()


def test_docs_page_examples_run() -> None:
    """Every ``>>>`` example in docs/rates.md gives the output the page shows."""
    import doctest
    import re

    page = (ROOT / "docs" / "rates.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks), {}, "rates.md", "docs/rates.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert len(test.examples) >= 8
