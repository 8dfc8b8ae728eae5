"""One record <-> dict <-> JSON text: ``to_dict``, ``from_dict``, ``dumps``, ``loads``.

JSON is read strictly: invalid UTF-8, NaN and Infinity, duplicate keys, absurd nesting and
oversized input are each a :class:`~geostmt.ValidationError`, never another exception.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar, overload

import cattrs

from geostmt.errors import ValidationError, join_path, shown
from geostmt.model import RECORD_CLASSES, RECORD_TYPES, Record
from geostmt.model.spec import is_described
from geostmt.wire.converter import default_converter
from geostmt.wire.fastjson import encode_text, orjson_module, parse, parse_bytes, refuse_constant
from geostmt.wire.structure import path_key
from geostmt.wire.textwriter import text_writer, writers
from geostmt.wire.versions import VERSION_KEY, migrate

__all__ = ["MAX_RECORD_BYTES", "decode_json", "dumps", "from_dict", "loads", "to_dict"]

T = TypeVar("T")
MAX_RECORD_BYTES = 16 * 1024 * 1024
"""The largest JSON text read as one record; anything larger is refused unread."""
_TAGS = ", ".join(RECORD_TYPES)
_CLASSES = (
    f"a record class ({', '.join(c.__name__ for c in RECORD_CLASSES)}) "
    "or a value class such as Money or Place"
)


def _require_text(text: Any, function: str) -> None:
    """A ``TypeError`` naming ``function`` and the type, unless ``text`` is JSON text."""
    if not isinstance(text, str | bytes | bytearray):
        raise TypeError(f"{function}() expects text (a str or bytes), not {type(text).__name__}")


def _given(value: Any) -> str:
    """A wrong argument as an error message names it: its type, and itself if short."""
    if isinstance(value, type):
        return shown(value)
    return f"{type(value).__name__} {shown(value)}"


_DESCRIBED: set[type[Any]] = set()
"""Classes found to be geostmt's (checked once each: the check costs a microsecond)."""


def _require_class(cls: Any, function: str) -> None:
    """A ``TypeError`` saying which classes ``function`` reads, unless ``cls`` is one."""
    if isinstance(cls, type) and cls in _DESCRIBED:
        return
    if not is_described(cls):
        raise TypeError(
            f"{function}() expects cls to be None or a geostmt class: {_CLASSES}; not {_given(cls)}"
        )
    _DESCRIBED.add(cls)


def _require_value(value: Any, function: str) -> None:
    """A ``TypeError`` naming ``function`` and the type, unless ``value`` is a geostmt value."""
    kind = type(value)
    if kind in _DESCRIBED:
        return
    if not is_described(kind):
        raise TypeError(
            f"{function}() expects a geostmt record or value (such as an Actor or Money), "
            f"not {kind.__name__}"
        )
    _DESCRIBED.add(kind)


# The default converter's hooks by class, called directly (cattrs' dispatch costs a
# microsecond a call); a converter passed in is asked as usual.
_STRUCTURE: dict[type[Any], Callable[[Any, Any], Any]] = {}
_UNSTRUCTURE: dict[type[Any], Callable[[Any], Any]] = {}


def to_dict(value: Any, *, converter: cattrs.Converter | None = None) -> dict[str, Any]:
    """A record or value as a JSON-ready dict: ``type`` first, defaults and None left out.

    Raises ``TypeError`` for a value that is not a geostmt record or value, and
    :class:`~geostmt.ValidationError` where a hook of ``converter`` gives something nested too
    deeply to write.
    """
    return _to_dict(value, converter, "to_dict")


def _to_dict(value: Any, converter: cattrs.Converter | None, function: str) -> dict[str, Any]:
    if converter is None:
        kind = type(value)
        hook = _UNSTRUCTURE.get(kind)
        if hook is None:
            _require_value(value, function)
            hook = _UNSTRUCTURE[kind] = default_converter().get_unstructure_hook(kind)
        result: dict[str, Any] = hook(value)
        return result
    _require_value(value, function)
    try:
        unstructured: dict[str, Any] = converter.unstructure(value)
    except RecursionError:
        raise ValidationError.single("", "nested too deeply to write") from None
    return unstructured


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

    Raises :class:`~geostmt.ValidationError` listing every problem with its path, and
    ``TypeError`` for a ``cls`` that is not a geostmt class.
    """
    if cls is not None:
        _require_class(cls, "from_dict")
    if type(data) is dict and VERSION_KEY in data:
        data = migrate(data)
    if cls is None:
        cls = record_class(data)
    if converter is None:
        hook = _STRUCTURE.get(cls)
        if hook is None:
            hook = _STRUCTURE[cls] = default_converter().get_structure_hook(cls)
        return hook(data, cls)
    return converter.structure(data, cls)


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
    """One record or value as compact JSON text (UTF-8 characters kept, not escaped).

    With orjson installed the text is the same except for float exponents (``1e-7`` for
    ``1e-07``, the same value); see :mod:`geostmt.wire.fastjson`.

    Raises ``TypeError`` for a value that is not a geostmt record or value, and
    :class:`~geostmt.ValidationError` naming the path where a hook of ``converter`` gives what
    JSON cannot be written from (an integer past Python's digit limit, absurd nesting).
    """
    if converter is None:
        orjson = orjson_module()
        kind = type(value)
        if orjson is not None:
            hook = _UNSTRUCTURE.get(kind)
            if hook is not None:  # the common case, without the calls of the general path
                try:
                    return str(orjson.dumps(hook(value)), "utf-8")
                except Exception:  # a huge integer, say: the general path answers
                    pass
        else:
            # the pure-Python path: the text straight from the class's generated text writer
            # (geostmt.wire.textwriter), without a dict in between
            write = writers.get(kind)
            if write is None:
                _require_value(value, "dumps")
                write = text_writer(kind)
            try:
                return write(value)
            except Exception:  # (a huge integer, say) the dict path meets it again and answers
                pass
    data = _to_dict(value, converter, "dumps")
    try:
        return encode_text(data)
    except RecursionError:
        raise ValidationError.single("", "nested too deeply to write") from None
    except ValueError as error:
        if "integer string conversion" not in str(error):
            raise
        path, digits = _unwritable_integer(data)
        raise ValidationError.single(
            path, f"integer too long to write (about {digits:,} digits)"
        ) from None


def _unwritable_integer(data: Any) -> tuple[str, int]:
    """The path of the first integer in ``data`` past Python's digit limit, and its size."""
    limit = sys.get_int_max_str_digits()

    def too_long(value: Any) -> int | None:
        if isinstance(value, int) and value.bit_length() > limit * 3:
            try:
                str(value)
            except ValueError:
                return int(value.bit_length() * 0.30103) + 1
        return None

    return _first_leaf(data, too_long)


def _first_leaf(data: Any, size: Callable[[Any], int | None]) -> tuple[str, int]:
    """The path of the first value in ``data`` that ``size`` measures (not None), and that
    size; found without recursion, as ``data`` may be nested deeply."""
    pending: list[tuple[str, Any]] = [("", data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, dict):
            items = [(join_path(path, path_key(k)), v) for k, v in value.items()]
            pending.extend(reversed(items))
        elif isinstance(value, list | tuple):
            pending.extend(reversed([(f"{path}[{i}]", v) for i, v in enumerate(value)]))
        elif (measured := size(value)) is not None:
            return path, measured
    return "", 0  # pragma: no cover - the caller found one


def _too_long_integer(text: str) -> ValidationError:
    """The problem of a document holding an integer past Python's digit limit, at its path."""
    limit = sys.get_int_max_str_digits()

    def read_int(digits: str) -> Any:
        if len(digits) > limit:
            return _TooLong(len(digits.lstrip("-")))
        return int(digits)

    decoder = json.JSONDecoder(
        parse_float=Decimal, parse_int=read_int, parse_constant=refuse_constant
    )
    try:
        value = decoder.decode(text)
    except (ValueError, RecursionError):  # pragma: no cover - the strict parse failed first
        return ValidationError.single("", "invalid JSON: integer too long")
    path, size = _first_leaf(value, lambda v: int(v) if type(v) is _TooLong else None)
    return ValidationError.single(path, f"integer too long ({size} digits)")


class _TooLong(int):
    """Where an integer too long to read was (its digit count)."""


def decode_json(text: str | bytes) -> Any:
    """Parse one JSON document strictly; any failure is a ValidationError at path ``""``
    (an integer past Python's 4,300-digit limit: at its own path). Anything but text (a str
    or bytes) is a ``TypeError``."""
    _require_text(text, "decode_json")
    return _decode(text)


def _decode(text: str | bytes) -> Any:
    too_big = len(text) > MAX_RECORD_BYTES
    if not too_big and isinstance(text, str) and len(text) * 4 > MAX_RECORD_BYTES:
        too_big = (
            len(text.encode("utf-8", "surrogatepass")) > MAX_RECORD_BYTES
        )  # bytes, not characters
    if too_big:
        raise ValidationError.single("", f"larger than {MAX_RECORD_BYTES} bytes")
    if type(text) is bytes:  # orjson where it can vouch for the text, else the strict parse
        value = parse_bytes(text)
        if value is not None:
            return value
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError.single(
                "", f"invalid UTF-8 at byte {error.start}: {error.reason}"
            ) from None
    try:
        return parse(text)
    except json.JSONDecodeError as error:
        raise ValidationError.single(
            "", f"invalid JSON: {error.msg} (column {error.pos + 1})"
        ) from None
    except RecursionError:
        raise ValidationError.single("", "invalid JSON: nested too deeply") from None
    except (ValueError, ArithmeticError) as error:  # refused constant, duplicate key, huge number
        if "integer string conversion" in str(error):
            raise _too_long_integer(text) from None
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
    """A record (or a value of class ``cls``) from JSON text; ``ValidationError`` otherwise.

    Raises ``TypeError`` for ``text`` that is not a str or bytes, or a ``cls`` that is not a
    geostmt class.
    """
    _require_text(text, "loads")
    if cls is not None:
        _require_class(cls, "loads")
    return from_dict(_decode(text), cls, converter=converter)
