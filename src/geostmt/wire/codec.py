"""One record <-> dict <-> JSON text: ``to_dict``, ``from_dict``, ``dumps``, ``loads``.

JSON is read strictly: invalid UTF-8, NaN and Infinity, duplicate keys, absurd nesting and
oversized input are each a :class:`~geostmt.ValidationError`, never another exception.
"""

from __future__ import annotations

import json
import json.scanner
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar, overload

import cattrs

from geostmt.errors import ValidationError, shown
from geostmt.model import RECORD_TYPES, Record
from geostmt.wire.converter import default_converter
from geostmt.wire.versions import VERSION_KEY, migrate

__all__ = ["MAX_RECORD_BYTES", "decode_json", "dumps", "from_dict", "loads", "to_dict"]

T = TypeVar("T")
MAX_RECORD_BYTES = 16 * 1024 * 1024
"""The largest JSON text read as one record; anything larger is refused unread."""
_TAGS = ", ".join(RECORD_TYPES)


def to_dict(value: Any, *, converter: cattrs.Converter | None = None) -> dict[str, Any]:
    """A record or value as a JSON-ready dict: ``type`` first, defaults and None left out."""
    result: dict[str, Any] = (converter or default_converter()).unstructure(value)
    return result


@overload
def from_dict(
    data: Any, cls: None = None, *, converter: cattrs.Converter | None = None
) -> Record: ...
@overload
def from_dict(data: Any, cls: type[T], *, converter: cattrs.Converter | None = None) -> T: ...
def from_dict(
    data: Any, cls: type[Any] | None = None, *, converter: cattrs.Converter | None = None
) -> Any:
    """A record from a dict, its class chosen by ``type``; or a bare value of class ``cls``.

    Raises :class:`~geostmt.ValidationError` listing every problem with its path.
    """
    if type(data) is dict and VERSION_KEY in data:
        data = migrate(data)
    if cls is None:
        cls = record_class(data)
    return (converter or default_converter()).structure(data, cls)


def record_class(data: Any) -> type[Record]:
    """The record class a JSON object's ``type`` names."""
    if type(data) is not dict:
        raise ValidationError.single("", f"expected an object, got {type(data).__name__}")
    if "type" not in data:
        raise ValidationError.single("type", f"required field missing; one of: {_TAGS}")
    tag = data["type"]
    cls = RECORD_TYPES.get(tag) if type(tag) is str else None
    if cls is None:
        raise ValidationError.single("type", f"{shown(tag)} is not one of: {_TAGS}")
    return cls


def dumps(value: Any, *, converter: cattrs.Converter | None = None) -> str:
    """One record or value as compact JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(
        to_dict(value, converter=converter), ensure_ascii=False, separators=(",", ":")
    )


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return result


_DECODER = json.JSONDecoder(
    parse_float=Decimal, parse_constant=_refuse_constant, object_pairs_hook=_no_duplicate_keys
)
_SCAN: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(_DECODER)  # type: ignore[arg-type]  # typeshed names the argument oddly
_SPACE = re.compile(r"[ \t\n\r]*")


def _parse(text: str) -> Any:
    """``_DECODER.decode`` without its Python wrappers: the C scanner, then a check for extra
    data (the same errors, at the same positions)."""
    start = _SPACE.match(text).end()  # type: ignore[union-attr]  # * always matches
    try:
        value, end = _SCAN(text, start)
    except StopIteration as stop:
        raise json.JSONDecodeError("Expecting value", text, stop.value) from None
    end = _SPACE.match(text, end).end()  # type: ignore[union-attr]
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def decode_json(text: str | bytes) -> Any:
    """Parse one JSON document strictly; any failure is a ValidationError at path ``""``."""
    too_big = len(text) > MAX_RECORD_BYTES
    if not too_big and isinstance(text, str) and len(text) * 4 > MAX_RECORD_BYTES:
        too_big = (
            len(text.encode("utf-8", "surrogatepass")) > MAX_RECORD_BYTES
        )  # bytes, not characters
    if too_big:
        raise ValidationError.single("", f"larger than {MAX_RECORD_BYTES} bytes")
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError.single(
                "", f"invalid UTF-8 at byte {error.start}: {error.reason}"
            ) from None
    try:
        return _parse(text)
    except json.JSONDecodeError as error:
        raise ValidationError.single(
            "", f"invalid JSON: {error.msg} (column {error.pos + 1})"
        ) from None
    except RecursionError:
        raise ValidationError.single("", "invalid JSON: nested too deeply") from None
    except (ValueError, ArithmeticError) as error:  # refused constant, duplicate key, huge number
        raise ValidationError.single("", f"invalid JSON: {error}") from None


@overload
def loads(
    text: str | bytes, cls: None = None, *, converter: cattrs.Converter | None = None
) -> Record: ...
@overload
def loads(text: str | bytes, cls: type[T], *, converter: cattrs.Converter | None = None) -> T: ...
def loads(
    text: str | bytes, cls: type[Any] | None = None, *, converter: cattrs.Converter | None = None
) -> Any:
    """A record (or a value of class ``cls``) from JSON text; ``ValidationError`` otherwise."""
    return from_dict(decode_json(text), cls, converter=converter)
