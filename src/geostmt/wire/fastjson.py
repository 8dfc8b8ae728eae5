"""JSON text <-> Python values: orjson where installed (``geostmt[orjson]``), else the stdlib.

Both give the same values and the same bytes. orjson reads only what it reads exactly as the
strict standard-library path does; the rest goes to that path:

- **Duplicate keys**: orjson keeps the last silently. Each parsed object is encoded again and
  compared with the input: a duplicate key makes the output shorter (fewer keys, fewer colons),
  and so does anything else orjson read differently (white space, escapes, ``-0``, ``1E2``).
- **Floats**: orjson reads binary floats; geostmt reads decimals exactly. A line holding a
  digit followed by ``.``, ``e`` or ``E`` anywhere (every JSON float has one) is read by the
  standard library, which makes each float a Decimal.
- **Integers beyond 64 bits**: orjson reads them as floats, which encode differently, so the
  comparison above sends them on too.
- **Everything orjson refuses** (invalid UTF-8, NaN, deep nesting): the standard library reads
  it again, so every message is the same.

Writing, orjson gives the same bytes as ``json.dumps(..., ensure_ascii=False,
separators=(",", ":"))`` except for float exponents (``1e-7`` for ``1e-07``: the same value);
whatever orjson cannot write (an integer beyond 64 bits, a lone surrogate) is written by the
standard library. orjson is imported on first use, never by ``import geostmt``.

Set ``GEOSTMT_PURE_JSON=1`` (or call :func:`use_orjson` with False) for the pure-Python path.
"""

from __future__ import annotations

import json
import json.encoder
import json.scanner
import os
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from geostmt.errors import shown

__all__ = [
    "ORJSON_ENV",
    "encode",
    "encode_text",
    "orjson_module",
    "parse",
    "parse_bytes",
    "refuse_constant",
    "use_orjson",
]

ORJSON_ENV = "GEOSTMT_PURE_JSON"
"""Set to ``1`` to read and write JSON without orjson even where it is installed."""

_UNSET: Any = object()
_ORJSON: Any = _UNSET


def _import_orjson() -> Any:
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def orjson_module() -> Any:
    """The orjson module when installed and not turned off, else None (looked up once)."""
    global _ORJSON
    if _ORJSON is _UNSET:
        pure = os.environ.get(ORJSON_ENV, "") not in ("", "0")
        _ORJSON = None if pure else _import_orjson()
    return _ORJSON


def use_orjson(enabled: bool | None) -> None:
    """Read and write with orjson (True, where installed), without it (False), or as the
    environment says (None: ``GEOSTMT_PURE_JSON``). For tests running both paths."""
    global _ORJSON
    _ORJSON = _UNSET if enabled is None else (_import_orjson() if enabled else None)


# -- reading -----------------------------------------------------------------------------------


def refuse_constant(name: str) -> Any:
    """``parse_constant``: NaN, Infinity and -Infinity are not JSON."""
    raise ValueError(f"{name} is not valid JSON")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {shown(key)}")
            seen.add(key)
    return result


_DECODER = json.JSONDecoder(
    parse_float=Decimal, parse_constant=refuse_constant, object_pairs_hook=_no_duplicate_keys
)
_SCAN: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(_DECODER)  # type: ignore[arg-type]  # typeshed names the argument oddly
_SPACE = re.compile(r"[ \t\n\r]*")
_WHITE = frozenset(" \t\n\r")
# Every JSON float has a digit followed by ".", "e" or "E". Searching bytes for that pair with a
# character class is slow (about 1.3 us for a 350-byte line: the regex tries each position), so
# the line is first translated in C (digits to "0"; ".", "e" and "E" to "."; every other byte to
# a space) and the translation searched for the literal "0." (0.35 us in all).
_FLOAT_MARKS = bytes(48 if 48 <= i <= 57 else 46 if i in b".eE" else 32 for i in range(256))
_DIGIT_THEN_MARK = re.compile(rb"0\.").search


def _may_hold_a_float(data: bytes) -> bool:
    """Whether ``data`` has a digit followed by ``.``, ``e`` or ``E`` (as every JSON float
    has): such a line is read by the exact standard-library path."""
    return _DIGIT_THEN_MARK(data.translate(_FLOAT_MARKS)) is not None


def parse(text: str) -> Any:
    """The strict standard-library parse: ``_DECODER.decode`` without its Python wrappers
    (the C scanner, then a check for extra data: the same errors, at the same positions)."""
    # white space is looked for only where there is some: a record's line has none
    start = _SPACE.match(text).end() if text[:1] in _WHITE else 0  # type: ignore[union-attr]
    try:
        value, end = _SCAN(text, start)
    except StopIteration as stop:
        raise json.JSONDecodeError("Expecting value", text, stop.value) from None
    if end != len(text):
        end = _SPACE.match(text, end).end()  # type: ignore[union-attr]  # * always matches
        if end != len(text):
            raise json.JSONDecodeError("Extra data", text, end)
    return value


def parse_bytes(data: bytes) -> Any:
    """``data`` parsed by orjson where it reads exactly what :func:`parse` would, else None.

    None is never a record, so a ``null`` document is left to :func:`parse` too.
    """
    orjson = _ORJSON if _ORJSON is not _UNSET else orjson_module()
    if orjson is None or _may_hold_a_float(data):
        return None
    try:
        value = orjson.loads(data)
        # a duplicate key, white space, an escape or a huge integer: the bytes differ
        same = orjson.dumps(value) == data
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):  # deep nesting, among others
        return None
    return value if same else None


# -- writing -----------------------------------------------------------------------------------


def _not_json(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _stdlib_encoder() -> Callable[[Any], str]:
    """One C encoder, built once: ``json.dumps(value, ensure_ascii=False,
    separators=(",", ":"))`` without rebuilding it on every call."""
    make = getattr(json.encoder, "c_make_encoder", None)
    basestring = getattr(json.encoder, "c_encode_basestring", None)
    if make is None or basestring is None:  # pragma: no cover - CPython has the C encoder
        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    chunks = make(None, _not_json, basestring, None, ":", ",", False, False, True)
    join = "".join

    def encode(value: Any) -> str:
        return join(chunks(value, 0))

    return encode


_ENCODE = _stdlib_encoder()


def encode_text(value: Any) -> str:
    """A JSON-ready value as compact text (UTF-8 characters kept, not escaped)."""
    orjson = _ORJSON if _ORJSON is not _UNSET else orjson_module()
    if orjson is not None:
        try:
            return str(orjson.dumps(value), "utf-8")
        except orjson.JSONEncodeError:
            pass  # a huge integer or a lone surrogate: the standard library's to write
    return _ENCODE(value)


def encode(value: Any) -> bytes:
    """A JSON-ready value as compact UTF-8 bytes (the bytes of :func:`encode_text`)."""
    orjson = _ORJSON if _ORJSON is not _UNSET else orjson_module()
    if orjson is not None:
        try:
            result: bytes = orjson.dumps(value)
            return result
        except orjson.JSONEncodeError:
            pass
    return _ENCODE(value).encode("utf-8")
