"""The fast structuring path and the detailed one accept and refuse exactly the same inputs."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given

import geostmt as g
from geostmt import strategies as gs
from geostmt.model.records import RECORD_TYPES
from geostmt.wire import default_converter
from tests.mutations import mutated


def _outcome(run: Any, data: Any) -> object:
    try:
        return run(data)
    except g.ValidationError as error:
        return [str(p) for p in error.problems]


def _both(data: dict[str, Any]) -> tuple[object, object]:
    cls = RECORD_TYPES[data["type"]]
    hook = default_converter().get_structure_hook(cls)
    return _outcome(lambda d: hook(d, cls), data), _outcome(lambda d: hook.detailed(d, cls), data)


@given(gs.records())
def test_valid_records_give_the_same_value(record: g.Record) -> None:
    """A valid record reads to the same value by either path."""
    fast, detailed = _both(json.loads(g.dumps(record)))
    assert fast == detailed == record


@given(mutated())
def test_invalid_records_give_the_same_problems(data: dict[str, Any]) -> None:
    """An almost-valid record is accepted by both paths, or refused by both with the same list."""
    if data.get("type") not in RECORD_TYPES:
        return
    fast, detailed = _both(data)
    assert fast == detailed


def test_wire_decimals_are_strict_on_both_paths() -> None:
    """The fast path refuses the decimal strings the constructor would take ("1_000")."""
    data = {"type": "aid_package", "id": "p", "donor": "a", "recipient": "b",
            "value": {"amount": "1_000", "currency": "USD"}}  # fmt: skip
    fast, detailed = _both(data)
    assert fast == detailed == ["value.amount: '1_000' is not a decimal number like \"425000000\""]
