"""The orjson path and the pure-Python path read and write exactly alike.

Every test here runs the same input through both (:func:`geostmt.wire.fastjson.use_orjson`
switches between them in one run) and compares what comes out: records or problems, values,
and bytes (float exponents aside, as documented).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from geostmt import strategies as gs
from geostmt.wire import fastjson
from geostmt.wire.codec import decode_json
from tests.conftest import python_output
from tests.mutations import mutated

orjson = pytest.importorskip("orjson")


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    """Each test leaves the JSON path as the environment chose it."""
    yield
    fastjson.use_orjson(None)


def _outcome(run: Callable[[], Any]) -> object:
    try:
        return ("value", run())
    except g.ValidationError as error:
        return ("problems", [str(p) for p in error.problems])


def _both(run: Callable[[], Any]) -> tuple[object, object]:
    """What ``run`` gives with orjson, then without it."""
    fastjson.use_orjson(True)
    fast = _outcome(run)
    fastjson.use_orjson(False)
    pure = _outcome(run)
    return fast, pure


def _same_json(first: str, second: str) -> bool:
    """The same JSON values, floats compared as numbers (``1e-7`` and ``1e-07`` alike)."""
    return bool(json.loads(first, parse_float=Decimal) == json.loads(second, parse_float=Decimal))


@given(gs.records())
def test_generated_records_read_and_write_alike(record: g.Record) -> None:
    """A valid record is written to the same text (float exponents aside) and read back to the
    same record by either path."""
    fast, pure = _both(lambda: g.dumps(record))
    assert fast[0] == pure[0] == "value"
    text: str = pure[1]  # type: ignore[index]
    assert fast == pure or _same_json(fast[1], text)  # type: ignore[index]
    line = text.encode()
    fast, pure = _both(lambda: g.loads(line))
    assert fast == pure == ("value", record)


@given(mutated())
def test_mutated_records_give_the_same_answer(data: dict[str, Any]) -> None:
    """An almost-valid record gives the same record, or the same problems, by either path."""
    line = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")
    fast, pure = _both(lambda: g.loads(line))
    assert fast == pure


CORPUS = "jsontestsuite/test_parsing"


def _corpus(shared: Path) -> list[Path]:
    folder = shared / "corpora" / CORPUS
    if not folder.is_dir():
        pytest.skip(f"JSONTestSuite corpus not found at {folder}")
    return sorted(folder.glob("*.json"))


def test_jsontestsuite_cases_parse_alike(shared: Path) -> None:
    """Every JSONTestSuite case parses to the same value, or fails with the same message, by
    either path (as a document and as a record)."""
    files = _corpus(shared)
    assert files
    for path in files:
        data = path.read_bytes()
        fast, pure = _both(lambda data=data: decode_json(data))
        assert fast == pure, path.name
        fast, pure = _both(lambda data=data: g.loads(data))
        assert fast == pure, path.name


DOCUMENTS = [
    b'{"a":1,"a":2}',  # a duplicate key orjson would keep silently
    b'{"a":{"b":1,"b":1}}',
    b'[{"x":1},{"x":1,"x":1}]',
    b'{"n":0.1000000000000000000000001}',  # more digits than a float holds
    b'{"n":1e400}',  # beyond a float's range
    b'{"n":1E2}',
    b'{"n":-0}',
    b'{"n":18446744073709551616}',  # beyond 64 bits
    b'{"n":-9223372036854775809}',
    b'{"n":123456789012345678901234567890}',
    b'{"s":"\\u00e9"}',  # an escape orjson would read the same
    b'{"s":"\\ud800"}',  # a lone surrogate
    b'{ "a" : 1 }',
    b"null",
    b"NaN",
    b'{"a":NaN}',
    b"[" * 600 + b"]" * 600,
    b'"\xff"',
    b'{"a":1}x',
]


@pytest.mark.parametrize("document", DOCUMENTS, ids=range(len(DOCUMENTS)))
def test_hard_documents_parse_alike(document: bytes) -> None:
    """Duplicate keys, long or huge numbers, escapes and broken text: the same either way."""
    fast, pure = _both(lambda: decode_json(document))
    assert fast == pure


def test_duplicate_keys_are_refused_with_orjson() -> None:
    """orjson keeps the last of duplicate keys; geostmt still refuses them."""
    line = b'{"type":"actor","id":"a","name":"A","kind":"state","name":"B"}'
    fastjson.use_orjson(True)
    with pytest.raises(g.ValidationError, match="duplicate key 'name'"):
        g.loads(line)


def test_floats_are_read_exactly_with_orjson() -> None:
    """A decimal written as a JSON number keeps every digit: floats never go through orjson."""
    line = b'{"amount":0.1000000000000000000000001,"currency":"USD"}'
    fastjson.use_orjson(True)
    assert fastjson.parse_bytes(line) is None
    assert g.loads(line, g.Money).amount == Decimal("0.1000000000000000000000001")
    assert decode_json(b'{"lat":51.19}') == {"lat": Decimal("51.19")}


def test_orjson_reads_what_it_can_vouch_for() -> None:
    """A compact line without floats is parsed by orjson; anything else by the standard library."""
    fastjson.use_orjson(True)
    assert fastjson.parse_bytes(b'{"a":[1,"x",null,true]}') == {"a": [1, "x", None, True]}
    assert fastjson.parse_bytes(b'{"a": 1}') is None
    assert fastjson.parse_bytes(b'{"a":1,"a":1}') is None
    assert fastjson.parse_bytes(b'{"a":18446744073709551616}') is None
    assert fastjson.parse_bytes(b"{") is None
    fastjson.use_orjson(False)
    assert fastjson.parse_bytes(b'{"a":1}') is None


def test_writing_falls_back_where_orjson_cannot() -> None:
    """An integer beyond 64 bits is written by the standard library, with the same text."""
    value = {"n": 10**30, "s": "é"}
    fast, pure = _both(lambda: fastjson.encode_text(value))
    assert fast == pure == ("value", '{"n":1000000000000000000000000000000,"s":"é"}')
    assert (
        _both(lambda: fastjson.encode(value))
        == (("value", '{"n":1000000000000000000000000000000,"s":"é"}'.encode()),) * 2
    )


def test_float_exponents_are_the_one_difference() -> None:
    """orjson writes ``1e-7`` where the standard library writes ``1e-07``: the same value."""
    fast, pure = _both(lambda: fastjson.encode_text({"x": 1e-7}))
    assert fast == ("value", '{"x":1e-7}')
    assert pure == ("value", '{"x":1e-07}')


def test_the_environment_turns_orjson_off() -> None:
    """GEOSTMT_PURE_JSON=1 gives the pure-Python path; orjson is not even imported."""
    code = (
        "import os, sys; os.environ['GEOSTMT_PURE_JSON'] = '1'; import geostmt; "
        'geostmt.loads(b\'{"type":"actor","id":"a","name":"A","kind":"state"}\'); '
        "print('orjson' in sys.modules)"
    )
    assert python_output(code) == "False"


def test_import_does_not_load_orjson() -> None:
    """``import geostmt`` leaves orjson unloaded; the first read loads it."""
    code = (  # the switch unset, whatever the environment running the tests says
        "import os, sys; os.environ.pop('GEOSTMT_PURE_JSON', None); import geostmt; "
        "print('orjson' in sys.modules); "
        'geostmt.loads(b\'{"type":"actor","id":"a","name":"A","kind":"state"}\'); '
        "print('orjson' in sys.modules)"
    )
    assert python_output(code) == "False\nTrue"


@given(gs.records())
def test_write_jsonl_writes_the_same_bytes_either_way(record: g.Record) -> None:
    """write_jsonl's batched binary lines are dumps' text plus a newline, by either path."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        written = []
        for enabled in (True, False):
            fastjson.use_orjson(enabled)
            g.write_jsonl(path, [record, record])
            written.append(path.read_bytes())
            assert written[-1] == (g.dumps(record) + "\n").encode() * 2
    assert written[0] == written[1] or _same_json(
        written[0].decode().splitlines()[0], written[1].decode().splitlines()[0]
    )


STRICT_MESSAGES = [
    (b"", "invalid JSON: Expecting value (column 1)"),
    (b'{"a":1}x', "invalid JSON: Extra data (column 8)"),
    (b'{"a":1} ', None),
    (b'{"a":NaN}', "invalid JSON: NaN is not valid JSON"),
    (b'{"a":1,"a":2}', "invalid JSON: duplicate key 'a'"),
]


@pytest.mark.parametrize(("document", "message"), STRICT_MESSAGES)
def test_the_strict_parse_says_exactly_what_is_wrong(document: bytes, message: str | None) -> None:
    """The standard-library path's messages, whole, by either path."""
    for enabled in (True, False):
        fastjson.use_orjson(enabled)
        if message is None:
            assert decode_json(document) == {"a": 1}
            continue
        with pytest.raises(g.ValidationError) as caught:
            decode_json(document)
        assert str(caught.value) == message


def test_the_pure_encoder_writes_as_json_dumps_does() -> None:
    """Keys in their order, NaN as json.dumps writes it, and the same errors for what JSON
    cannot hold."""
    fastjson.use_orjson(False)
    assert fastjson.encode_text({"b": 1, "a": [2.5, None, True]}) == '{"b":1,"a":[2.5,null,true]}'
    assert fastjson.encode_text({"x": float("nan")}) == json.dumps(
        {"x": float("nan")}, separators=(",", ":")
    )
    with pytest.raises(TypeError, match=r"^Object of type object is not JSON serializable$"):
        fastjson.encode_text({"a": object()})
    with pytest.raises(TypeError, match="keys must be str"):
        fastjson.encode_text({(1, 2): 3})


def test_the_environment_decides_until_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no switch, orjson is used where installed; GEOSTMT_PURE_JSON=1 turns it off."""
    monkeypatch.delenv(fastjson.ORJSON_ENV, raising=False)
    fastjson.use_orjson(None)
    assert fastjson.encode({"x": 1e-7}) == b'{"x":1e-7}'
    fastjson.use_orjson(None)
    assert fastjson.encode_text({"x": 1e-7}) == '{"x":1e-7}'
    fastjson.use_orjson(None)
    assert fastjson.orjson_module() is orjson
    monkeypatch.setenv(fastjson.ORJSON_ENV, "1")
    fastjson.use_orjson(None)
    assert fastjson.orjson_module() is None
    assert fastjson.encode({"x": 1e-7}) == b'{"x":1e-07}'


@given(st.binary(max_size=40) | st.lists(st.sampled_from(list(b'09.eE aZ"\xff'))).map(bytes))
def test_the_float_check_finds_a_digit_before_a_point_or_an_exponent(data: bytes) -> None:
    """The translated search says what a plain search for a digit followed by ".", "e" or
    "E" says, on any bytes."""
    expected = re.search(rb"[0-9][.eE]", data) is not None
    assert fastjson._may_hold_a_float(data) is expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"a":1.5}', True),
        (b'{"a":1e5}', True),
        (b'{"a":2E-3}', True),
        (b'{"a":"v1.2"}', True),  # a version in a string: the exact path, to be safe
        (b'{"a":"e.g. 5"}', False),
        (b'{"a":15,"b":"x.y"}', False),
        (b"", False),
    ],
)
def test_the_float_check_on_lines(data: bytes, expected: bool) -> None:
    assert fastjson._may_hold_a_float(data) is expected
