"""Tests for the wire layer's wrong arguments and hostile values: each a clear error, bounded."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import cattrs
import pytest

import geostmt as g
from geostmt.wire import (
    configure_converter,
    decode_json,
    dumps,
    from_dict,
    json_schema,
    loads,
    make_converter,
    read_jsonl,
    scan_jsonl,
    to_dict,
    validate_jsonl,
)
from geostmt.wire.structure import KEY_LIMIT, path_key

PACKAGE = {
    "type": "aid_package",
    "id": "p",
    "donor": "a",
    "recipient": "b",
    "value": {"amount": "5", "currency": "USD"},
    "items": [{"name": "shells", "quantity": {"value": "2"}}],
}


def _drain(result: Any) -> None:
    """Read ``result`` to the end, if an iterator (the JSON Lines readers are lazy)."""
    if not isinstance(result, list):
        list(result)


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: loads(5), "loads() expects text (a str or bytes), not int"),  # type: ignore[arg-type]
        (lambda: decode_json(None), "decode_json() expects text (a str or bytes), not NoneType"),  # type: ignore[arg-type]
        (lambda: configure_converter(None), "configure_converter() expects a cattrs converter "  # type: ignore[arg-type]
                                            "(a cattrs.Converter), not NoneType"),
        (lambda: to_dict([1]), "to_dict() expects a geostmt record or value (such as an Actor "
                               "or Money), not list"),
        (lambda: dumps(10**4999), "dumps() expects a geostmt record or value (such as an Actor "
                                  "or Money), not int"),
    ],
    ids=["loads", "decode_json", "configure_converter", "to_dict", "dumps"],
)  # fmt: skip
def test_wrong_types_are_named(call: Any, message: str) -> None:
    """A value of the wrong Python type is a TypeError naming the function and the type."""
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value) == message


def test_loads_still_takes_bytes() -> None:
    """bytes (and bytearray) are JSON text to loads, as ever."""
    line = b'{"type":"actor","id":"a","name":"A","kind":"state"}'
    assert loads(line) == loads(bytearray(line)) == loads(line.decode())


@pytest.mark.parametrize("cls", [str, int, "Actor", 5, _deep(1000), object])
@pytest.mark.parametrize("function", [loads, from_dict])
def test_a_class_geostmt_does_not_describe_is_a_type_error(function: Any, cls: Any) -> None:
    """cls must be a geostmt class: the message names the function, the classes it reads and
    what was given (bounded), not cattrs' StructureHandlerNotFoundError."""
    data = '{"type":"actor"}' if function is loads else {"type": "actor"}
    with pytest.raises(TypeError) as raised:
        function(data, cls)
    message = str(raised.value)
    assert message.startswith(f"{function.__name__}() expects cls to be None or a geostmt class:")
    assert "Actor, Source, Statement, Deployment, AidPackage, Event" in message
    assert "Money" in message
    assert len(message) < 400
    with pytest.raises(TypeError):
        function(data, cls, converter=make_converter())


def test_deep_nesting_is_a_type_error_not_a_recursion_error() -> None:
    """to_dict, dumps and json_schema take a list nested 10,000 deep with a bounded TypeError."""
    deep = _deep(10_000)
    for call in (lambda: to_dict(deep), lambda: dumps(deep), lambda: json_schema(deep)):
        with pytest.raises(TypeError) as raised:
            call()
        assert len(str(raised.value)) < 200


def _odd_money_converter(amount: Any) -> cattrs.Converter:
    """A converter whose hook writes every Money's amount as ``amount``."""
    converter = make_converter()
    converter.register_unstructure_hook(g.Money, lambda money: {"amount": amount})
    return converter


def test_a_hooks_huge_integer_is_a_validation_error_at_its_path() -> None:
    """An integer past Python's digit limit from a user's hook: a ValidationError at its path."""
    package = from_dict(PACKAGE)
    with pytest.raises(g.ValidationError) as raised:
        dumps(package, converter=_odd_money_converter(10**4999))
    (problem,) = raised.value.problems
    assert problem.path == "value.amount"
    assert problem.message == "integer too long to write (about 5,000 digits)"


def test_a_hooks_deep_nesting_is_a_validation_error() -> None:
    """A value nested 100,000 deep from a user's hook: a ValidationError, not a RecursionError."""
    package = from_dict(PACKAGE)
    with pytest.raises(g.ValidationError, match="nested too deeply to write"):
        dumps(package, converter=_odd_money_converter(_deep(100_000)))


def test_duplicate_key_message_is_bounded() -> None:
    """A duplicate key a megabyte long is named in a bounded message."""
    key = "k" * 1_000_000
    with pytest.raises(g.ValidationError) as raised:
        decode_json(f'{{"{key}": 1, "{key}": 2}}')
    assert "duplicate key 'kkk" in str(raised.value)
    assert len(str(raised.value)) < 200


def test_unknown_key_of_a_megabyte_makes_a_bounded_path() -> None:
    """A 1 MB unknown key is cut in the problem's path; the message stays short."""
    key = "k" * 1_000_000
    data = {"type": "actor", "id": "a", "name": "A", "kind": "state", key: 1}
    for read in (lambda: from_dict(data), lambda: loads(json.dumps(data))):
        with pytest.raises(g.ValidationError) as raised:
            read()
        (problem,) = raised.value.problems
        assert problem.path == "k" * (KEY_LIMIT - 3) + "..."
        assert problem.message == "unknown field"
        assert len(str(raised.value)) < KEY_LIMIT + 100


def test_normal_keys_stay_exact_in_paths() -> None:
    """Keys up to the limit, nested ones and near misses are named exactly as before."""
    key = "x" * KEY_LIMIT
    data = {"type": "actor", "id": "a", "name": "A", "kind": "state", key: 1, "nme": 2}
    with pytest.raises(g.ValidationError) as raised:
        from_dict(data)
    paths = sorted(p.path for p in raised.value.problems)
    assert paths == ["nme", key]
    assert path_key(5) == "5"
    nested = {**PACKAGE, "value": {"amount": "5", "currency": "USD", "colour": "red"}}
    with pytest.raises(g.ValidationError, match=r"value\.colour: unknown field"):
        from_dict(nested)


@pytest.mark.parametrize("function", [read_jsonl, scan_jsonl, validate_jsonl])
@pytest.mark.parametrize("source", [None, 5, b"file.jsonl", [Path("x")]])
def test_a_source_neither_path_nor_file_is_a_type_error(function: Any, source: Any) -> None:
    """A source that is neither a path nor a binary file: a TypeError saying what is accepted."""
    with pytest.raises(TypeError) as raised:
        _drain(function(source))
    assert str(raised.value) == (
        "expected a path (a str or os.PathLike) or a binary file open for reading, "
        f"not {type(source).__name__}"
    )


def test_a_text_file_is_a_type_error_saying_open_it_in_binary_mode() -> None:
    """A text file as source: a TypeError saying to open it in binary mode."""
    with pytest.raises(TypeError, match=r"not a text file \(StringIO\); open it in binary mode"):
        list(read_jsonl(io.StringIO("{}\n")))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["a\x00b", "\ud800"])
def test_a_name_no_file_can_have_is_an_os_error(name: str) -> None:
    """A path with a NUL byte or a lone surrogate is an OSError, as a missing file is."""
    with pytest.raises(OSError, match="cannot be a file name"):
        list(read_jsonl(name))


class _Recorder:
    """A structure hook that records each call and reads as geostmt's own hook does."""

    def __init__(self, converter: cattrs.Converter, cls: type[Any]) -> None:
        self.calls: list[Any] = []
        self._own = converter.get_structure_hook(cls)

    def __call__(self, data: Any, cls: type[Any]) -> Any:
        self.calls.append(data)
        return self._own(data, cls)


@pytest.mark.parametrize(
    ("cls", "read"),
    [(g.Money, PACKAGE["value"]), (g.Quantity, {"value": "2"})],
    ids=["Money", "Quantity-two-deep"],
)
def test_a_users_hook_for_a_nested_class_is_used_on_the_fast_path(cls: Any, read: Any) -> None:
    """A hook registered for a nested class (Money; Quantity, in an Item, two deep) on a
    configured converter reads it in an AidPackage on valid input too, not only where the fast
    path gives up: from_dict, loads and scan_jsonl alike."""
    converter = cattrs.Converter()
    configure_converter(converter)
    recorder = _Recorder(converter, cls)
    converter.register_structure_hook(cls, recorder)
    package = from_dict(PACKAGE, converter=converter)
    assert package == from_dict(PACKAGE)
    assert recorder.calls == [read]
    assert loads(dumps(package), converter=converter) == package
    assert loads(dumps(package).encode(), converter=converter) == package
    lines = list(scan_jsonl(io.BytesIO(dumps(package).encode()), converter=converter))
    assert [line.record for line in lines] == [package]
    assert recorder.calls == [read] * 4


def test_a_converter_with_no_hook_of_its_own_keeps_the_fast_path() -> None:
    """With geostmt's hooks only, a record class's hook uses its generated decoder."""
    converter = make_converter()
    hook = converter.get_structure_hook(g.AidPackage)
    assert hasattr(hook, "decode")
    assert converter.get_structure_hook(g.Money).geostmt_class is g.Money  # type: ignore[attr-defined]
    converter.register_structure_hook(
        g.Money, lambda data, cls: g.Money(amount=Decimal(1), currency="USD")
    )
    assert not hasattr(converter.get_structure_hook(g.AidPackage), "decode")
