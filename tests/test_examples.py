"""The examples run, and the seed article's dataset is valid and faithful to the article."""

from __future__ import annotations

import runpy
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import geostmt as g
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize("script", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    """Every example script runs to the end as a program."""
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "out.jsonl")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr


def _seed(tmp_path: Path) -> g.Dataset:
    module = runpy.run_path(str(EXAMPLES / "seed_article.py"))
    dataset: g.Dataset = module["main"](tmp_path / "seed.jsonl")
    return dataset


def test_seed_dataset_is_what_the_article_says(tmp_path: Path) -> None:
    """The seed records hold the article's facts: troops, shares, money, exclusions, speakers."""
    dataset = _seed(tmp_path)
    troops = dataset["north-korea-troops-russia-2024"]
    assert isinstance(troops, g.Deployment)
    assert troops.size == g.Quantity(
        value=Decimal(10000), qualifier="approximately", of="North Korean soldiers"
    )
    assert troops.allocations[0].place.subdivision == "RU-KRS"
    assert troops.allocations[0].share == g.Quantity(value=Decimal(80), unit="percent")
    assert troops.expected == g.Period(start="2024-11-01", end="2024-11-07",
                                       text="in the coming days")  # fmt: skip
    assert troops.confirmed_by == ("blinken", "austin")
    package = dataset["us-ukraine-2024-10-31"]
    assert isinstance(package, g.AidPackage)
    assert package.value == g.Money(amount=Decimal("425000000"), currency="USD")
    assert package.excluded[0].requested_by == "zelenskyy"
    assert len(dataset.statements_by("zelenskyy")) == 8
    kbs = [s for s in dataset.statements if s.outlet == "kbs"]
    assert {s.channel for s in kbs} == {g.Channel.INTERVIEW}


def test_seed_file_in_the_repository_is_current_and_valid(tmp_path: Path) -> None:
    """The committed examples/data/seed-article.jsonl is what the script writes, and validates."""
    _seed(tmp_path)
    committed = EXAMPLES / "data" / "seed-article.jsonl"
    assert committed.read_bytes() == (tmp_path / "seed.jsonl").read_bytes()
    assert g.validate_jsonl(committed) == []
    g.Dataset.read_jsonl(committed)


def test_seed_evidence_quotes_the_article(shared: Path, tmp_path: Path) -> None:
    """Every evidence span is exactly its quote in the seed article."""
    article = (shared / "seed-article.txt").read_text(encoding="utf-8")
    dataset = _seed(tmp_path)
    spans = [e for r in dataset if hasattr(r, "evidence") for e in r.evidence]
    assert len(spans) >= 15
    for evidence in spans:
        assert evidence.start is not None
        assert evidence.end is not None
        assert article[evidence.start : evidence.end] == evidence.quote
