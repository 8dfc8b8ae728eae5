"""Scores on the external corpora stay at or above what was measured (no regressions).

The scoring lives in benchmarks/normalise.py; the floors sit a little under the scores measured
when they were set, and rise as the normalisers improve.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from tests.conftest import CORPORA, ROOT

pytestmark = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"external corpora not found at {CORPORA}"
)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "normalise.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ratio(score: tuple[int, int]) -> float:
    right, total = score
    return right / total


def test_price_parser_amounts() -> None:
    """Amounts of web-shop prices, at least 95% of the cases price-parser passes (measured
    983/1033, 95.2%; 86% before spaces grouped thousands in every locale)."""
    assert _ratio(_bench().price_parser()) >= 0.95


def test_country_names() -> None:
    """Country name variants from statistical tables (measured 204/213, 96%; 60% before; 205
    until "DPR" alone stopped naming North Korea: in the news it is as often the Donetsk
    People's Republic, and its letters spell only words of a form of state)."""
    assert _ratio(_bench().country_names()) >= 0.95


def test_quantulum3_values() -> None:
    """Quantities in English sentences, each found match paired with at most one expected
    quantity and compared as a quantity (measured 134/148, 90.5%; 131 when a fraction that
    does not end was rounded to four places, 127 before fractions in words, powers such as
    "8x2^10" and "km^3", and data units). Of the 14 misses, five are years, which geostmt never
    reads as quantities (docs/quantities.md), and one a negative amount in accounting
    parentheses, which news prose uses for asides."""
    assert _ratio(_bench().quantulum3()) >= 0.90


@pytest.mark.parametrize(
    ("model", "floors"),
    [
        # measured (en, de, fr, es): money 95, 100, 97, 97%; percent 93, 85, 94, 53%;
        # measures 81, 90, 91, 90%; numbers 40, 58, 42, 48%; ranges 88, -, 90, 86%
        ("CurrencyModel", {"en": 0.9, "de": 0.9, "fr": 0.9, "es": 0.9}),
        ("PercentModel", {"en": 0.9, "de": 0.82, "fr": 0.9, "es": 0.5}),
        ("DimensionModel", {"en": 0.79, "de": 0.86, "fr": 0.88, "es": 0.88}),
        ("NumberModel", {"en": 0.38, "de": 0.55, "fr": 0.4, "es": 0.46}),
        ("NumberRangeModel", {"en": 0.85, "fr": 0.86, "es": 0.83}),
    ],
)
def test_recognizers(model: str, floors: dict[str, float]) -> None:
    """Money, percentages, measures and ranges in English, German, French and Spanish."""
    scores = _bench().recognizers(model)
    for language, floor in floors.items():
        assert _ratio(scores[language]) >= floor, language
