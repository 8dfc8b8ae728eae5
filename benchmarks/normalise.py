"""Speed of each normaliser, and its score on the external corpora in ../shared/corpora/.

Run by hand: ``python benchmarks/normalise.py``. The corpora are a sample of real text written
by other projects; nothing in geostmt is tuned to them case by case.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import re
import time
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import geostmt as g

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
LANGUAGES = {"English": "en", "German": "de", "French": "fr", "Spanish": "es"}


def rate(function: Callable[[str], object], texts: list[str], seconds: float = 1.0) -> float:
    """Calls per second of ``function`` over ``texts`` (ParseErrors count as calls)."""
    function(texts[0])  # first use loads tables
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            with contextlib.suppress(g.ParseError):
                function(text)
            count += 1
    return count / (time.perf_counter() - start)


def speeds() -> None:
    samples = {
        "parse_quantity": (g.parse_quantity, ["around 10,000 soldiers", "80 percent",
                                              "between 5 and 7 km", "no number"]),
        "parse_money": (g.parse_money, ["$425 million", "USD 2.5 billion", "1.299,00 €",
                                        "5 million US dollars"]),
        "parse_place": (g.parse_place, ["Kursk", "Seoul", "North Korean", "Corée du Nord"]),
    }  # fmt: skip
    for name, (function, texts) in samples.items():
        print(f"{name:16} {rate(function, texts):>10,.0f} parses/s")


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _jsonl(name: str) -> Iterator[dict[str, Any]]:
    with (CORPORA / name).open(encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)


def price_parser() -> tuple[int, int]:
    """Amount right, among cases with an amount (the currency hint appended when given)."""
    right = total = 0
    for case in _jsonl("price_parser_cases.jsonl"):
        if case["amount"] is None or "XFAIL" in case["group"]:
            continue
        total += 1
        text = case["text"] + (f" {case['currency_hint']}" if case["currency_hint"] else "")
        try:
            found = g.parse_money(text).amount
        except g.ParseError:
            try:
                found = g.parse_quantity(case["text"]).value
            except g.ParseError:
                continue
        right += found == _decimal(case["amount"])
    return right, total


def _country_expected(expected: str, found: str) -> bool:
    """Whether ``found`` is what a case expects: country_converter writes a few expectations as
    regular expressions (``^GB$|^UK$``), the rest as plain codes."""
    if expected.startswith("^"):
        return re.fullmatch(expected, found) is not None
    return found == expected


def country_names() -> tuple[int, int]:
    """Country names as statistical tables write them, read by ``parse_place``."""
    right = total = 0
    for case in _jsonl("country_names_cases.jsonl"):
        total += 1
        with contextlib.suppress(g.ParseError):
            right += _country_expected(case["country"], g.parse_place(case["text"]).country or "")
    return right, total


def _values(found: list[Any]) -> set[Decimal]:
    """Every number the matches give; a range also gives its midpoint, which is how
    quantulum3 writes a range ("between 44 and 50 mg" is 47 there)."""
    values: set[Decimal] = set()
    for match in found:
        value = getattr(match, "quantity", None) or getattr(match, "money", None)
        for field in ("value", "low", "high", "amount"):
            number = getattr(value, field, None)
            if number is not None:
                values.add(number.normalize())
        low, high = getattr(value, "low", None), getattr(value, "high", None)
        if low is not None and high is not None:
            values.add(((low + high) / 2).normalize())
    return values


# Counting units pint's default definitions (0.25) lack; a dozen is 12 of a count.
_COUNTING_UNITS = ("dozen = 12 = doz", "gross = 12 * dozen")


@functools.lru_cache(maxsize=1)
def _registry() -> Any:
    """A pint registry of the scorer's own, so geostmt's shared one is never changed."""
    import pint

    registry = pint.UnitRegistry(cache_folder=":auto:")
    for definition in _COUNTING_UNITS:
        registry.define(definition)
    return registry


def _readings(match: Any) -> tuple[str | None, set[Decimal]]:
    """The unit of one match (None for a count or money) and the numbers it gives, a range
    also its midpoint (how quantulum3 writes a range: "between 44 and 50 mg" is 47)."""
    values = _values([match])
    quantity = getattr(match, "quantity", None)
    return (getattr(quantity, "unit", None) if quantity is not None else None), values


def _close(found: Decimal, expected: Decimal | float) -> bool:
    """Equal, or within a relative 1e-6 when the expectation is a float (a float rendering
    of 1/3 cannot equal any Decimal)."""
    if isinstance(expected, Decimal):
        return found == expected
    return math.isclose(float(found), expected, rel_tol=1e-6)


def _expected_in(unit: str | None, value: Any, expected_unit: str) -> Decimal | float | None:
    """The expected value in the found match's unit (a count for no unit), or None when pint
    cannot convert it (an unknown unit such as "pound sterling", other dimensions)."""
    registry = _registry()
    try:
        converted = registry.Quantity(value, expected_unit).to(unit or "dimensionless")
    except Exception:  # pint's UndefinedUnitError, DimensionalityError, syntax errors
        return None
    return float(converted.magnitude)


def _matches(expected: dict[str, Any], unit: str | None, values: set[Decimal]) -> bool:
    """Whether one found match gives the expected quantity: the same number (as before units
    were compared; quantulum3 names many units pint does not), or the same quantity once the
    expected unit is converted to the match's."""
    raw = expected["value"]
    number: Decimal | float | None = raw if isinstance(raw, float) else _decimal(raw)
    if number is None:
        return False
    if any(_close(value, number) for value in values):
        return True
    converted = _expected_in(unit, raw, expected["unit"])
    return converted is not None and any(_close(value, converted) for value in values)


def quantulum3() -> tuple[int, int]:
    """Expected quantities found, over every quantity of every sentence.

    Each found match gives at most one expected quantity, and gives it when it is equal as a
    quantity: the same number, or the same after converting the expected unit to the match's
    with pint (1 dozen is 12 of a count; 2 km is 2000 metres). A float expectation equals a
    Decimal within a relative 1e-6. These are general rules; no case is treated by itself.
    """
    cases = json.loads((CORPORA / "quantulum3_quantities.json").read_text(encoding="utf-8"))
    right = total = 0
    for case in cases:
        found = [_readings(m) for m in g.find_quantities(case["req"]) + g.find_money(case["req"])]
        total += len(case["res"])
        right += _paired([[i for i, f in enumerate(found) if _matches(e, *f)] for e in case["res"]])
    return right, total


def _paired(candidates: list[list[int]]) -> int:
    """The most expectations that can each have a found match of their own, given which
    matches fit each one (a maximum bipartite matching, by augmenting paths)."""
    owner: dict[int, int] = {}

    def place(expected: int, seen: set[int]) -> bool:
        for found in candidates[expected]:
            if found not in seen:
                seen.add(found)
                if found not in owner or place(owner[found], seen):
                    owner[found] = expected
                    return True
        return False

    return sum(place(expected, set()) for expected in range(len(candidates)))


def recognizers(model: str) -> dict[str, tuple[int, int]]:
    """Expected values found, per language, for one Recognizers-Text model."""
    scores: dict[str, tuple[int, int]] = {}
    for language, locale in LANGUAGES.items():
        path = CORPORA / "recognizers" / f"{language}-{model}.json"
        if not path.exists():
            continue
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        right = total = 0
        for case in cases:  # NotSupported names other runtimes of Recognizers-Text, not us
            text = case["Input"]
            found = _values(
                g.find_quantities(text, locale=locale) + g.find_money(text, locale=locale)
            )
            for result in case.get("Results", []):
                resolution = result.get("Resolution") or {}
                raw = str(resolution.get("value", "")).rstrip("%")
                # a range resolves as "[10,15)": both ends must be found; otherwise a comma is
                # the decimal mark, as the French and Spanish specs write values ("2,75")
                ends = (
                    [_decimal(v) for v in raw.strip("[]()").split(",")]
                    if raw[:1] in "[("
                    else [_decimal(raw.replace(",", "."))]
                )
                if not ends or any(v is None for v in ends):
                    continue
                total += 1
                right += all(v.normalize() in found for v in ends if v is not None)
        if total:
            scores[locale] = (right, total)
    return scores


def scores() -> None:
    if not CORPORA.is_dir():
        print(f"corpora not found at {CORPORA}: scores skipped")
        return
    print(f"{'price-parser amounts':32} {_score(price_parser())}")
    print(f"{'country_converter countries':32} {_score(country_names())}")
    print(f"{'quantulum3 values':32} {_score(quantulum3())}")
    models = ("CurrencyModel", "PercentModel", "DimensionModel", "NumberModel", "NumberRangeModel")
    for model in models:
        found = recognizers(model)
        line = ", ".join(f"{locale} {_score(score)}" for locale, score in found.items())
        print(f"{'Recognizers ' + model:32} {line or 'no scored cases'}")


def _score(score: tuple[int, int]) -> str:
    right, total = score
    return f"{right}/{total} ({right / total:.0%})"


if __name__ == "__main__":
    speeds()
    scores()
