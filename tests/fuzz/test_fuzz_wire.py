"""Fuzz loads and read_jsonl: any bytes give records or ValidationError, nothing else."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from tests.fuzz import FUZZ

_KEYS = ["type", "id", "name", "kind", "speaker", "text", "size", "value", "unit", "amount",
         "currency", "about", "identifiers", "published", "lat", "lon", "evidence",
         "source"]  # fmt: skip
_TYPES = ["actor", "source", "statement", "deployment", "aid_package", "event"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.sampled_from([*_TYPES, "state", "USD", "meter", "2024-10-31", "1E+999", "9" * 400]),
)  # fmt: skip
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(_KEYS), st.text(max_size=8)), inner, max_size=6),
    ),
    max_leaves=20,
)
records = st.fixed_dictionaries(
    {"type": st.sampled_from(_TYPES), "id": st.text(max_size=10)},
    optional=dict.fromkeys(_KEYS[2:], json_values),
)


def _text(value: Any) -> str:
    return json.dumps(value, allow_nan=True)


def _mutate(text: str, data: st.DataObject) -> str:
    """``text`` with a few characters changed, cut or repeated."""
    for _ in range(data.draw(st.integers(0, 3))):
        if not text:
            break
        at = data.draw(st.integers(0, len(text) - 1))
        kind = data.draw(st.sampled_from(["change", "cut", "repeat"]))
        if kind == "change":
            text = text[:at] + data.draw(st.characters()) + text[at + 1 :]
        elif kind == "cut":
            text = text[:at]
        else:
            text = text[:at] + text[at:] * 2
    return text


@FUZZ
@given(record=records, data=st.data())
def test_fuzz_loads(record: dict[str, Any], data: st.DataObject) -> None:
    """loads on JSON records, mutated or not: a record that writes back to itself, or a
    ValidationError."""
    text = _mutate(_text(record), data)
    try:
        value = g.loads(text)
    except g.ValidationError:
        return
    assert g.loads(g.dumps(value)) == value


@FUZZ
@given(raw=st.binary(max_size=200))
def test_fuzz_loads_bytes(raw: bytes) -> None:
    """loads on any bytes: a record or a ValidationError."""
    with contextlib.suppress(g.ValidationError):
        g.loads(raw)


@FUZZ
@given(lines=st.lists(st.one_of(records.map(_text), st.text(max_size=30)), max_size=6),
       compress=st.booleans(), data=st.data())  # fmt: skip
def test_fuzz_read_jsonl(lines: list[str], compress: bool, data: st.DataObject) -> None:
    """read_jsonl on lines of records and junk, plain or gzip, maybe cut short: records, or a
    ValidationError naming a line."""
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    if compress:
        raw = gzip.compress(raw)
    raw = raw[: data.draw(st.integers(0, len(raw)))] if data.draw(st.booleans()) else raw
    with contextlib.suppress(g.ValidationError):
        for record in g.read_jsonl(io.BytesIO(raw)):
            assert record.TYPE in _TYPES
    problems = g.validate_jsonl(io.BytesIO(raw))
    assert all(problem.line is None or problem.line >= 1 for problem in problems)


def _outcome(read: Any) -> Any:
    """What ``read()`` gives: a record, or the problems of its ValidationError."""
    try:
        return read()
    except g.ValidationError as error:
        return error.problems


def _hooked_converter() -> Any:
    """A configured converter with a user's hook (geostmt's own, wrapped) on each value class,
    so no record class's hook may use its generated decoder."""
    converter = g.make_converter()
    for cls in (g.Money, g.Quantity, g.Place):
        own = converter.get_structure_hook(cls)
        converter.register_structure_hook(cls, lambda data, cls, own=own: own(data, cls))
    return converter


_HOOKED = _hooked_converter()


@FUZZ
@given(record=records, data=st.data())
def test_fuzz_user_hooks_read_as_geostmt_does(record: dict[str, Any], data: st.DataObject) -> None:
    """A converter whose user hooks (for nested classes) send every record the detailed way
    reads each JSON record, mutated or not, to the same record or the same problems."""
    text = _mutate(_text(record), data)
    assert _outcome(lambda: g.loads(text, converter=_HOOKED)) == _outcome(lambda: g.loads(text))
