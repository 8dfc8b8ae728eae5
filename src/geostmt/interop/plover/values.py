"""Reading values out of PLOVER's JSON objects, which both forms spell loosely: the first of
several keys, a scalar where a list is expected, comma-joined words. A value that cannot be
read refuses its row (:class:`RefusedError`)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from geostmt.errors import Problem
from geostmt.interop.ids import id_text
from geostmt.model.rules import ID_MAX_LENGTH

__all__ = ["RefusedError", "get", "listed", "number", "sanitised", "text", "type_name", "words"]


class RefusedError(Exception):
    """A row that cannot become an event; carries its problem."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.problem = Problem(path, message)


def get(obj: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, Any]:
    """The first of ``keys`` present and not empty (None, "", []), with its value."""
    for key in keys:
        value = obj.get(key)
        if value is not None and value != "" and value != []:
            return key, value
    return keys[0], None


def listed(value: Any) -> list[Any]:
    """A scalar where a list is expected is a one-item list; None is an empty one."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def type_name(value: object) -> str:
    """The JSON-ish name of ``value``'s type, for messages (``null``, ``int``, ``dict``)."""
    return "null" if value is None else type(value).__name__


def words(value: Any, path: str) -> list[str]:
    """Strings of a list or scalar; a 0.5 string may join several with commas."""
    found: list[str] = []
    for item in listed(value):
        if not isinstance(item, str):
            message = f"expected a string or a list of strings, not {type_name(item)}"
            raise RefusedError(path, message)
        found.extend(part.strip() for part in item.split(","))
    return [word for word in found if word]


def text(value: Any, path: str) -> str | None:
    """Text, or a list of texts joined with spaces; None when empty."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return " ".join(v.strip() for v in value if v.strip()) or None
    raise RefusedError(path, f"expected text, not {type_name(value)}")


def number(value: Any, path: str) -> float | None:
    """A JSON number, or text holding one, as a float."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise RefusedError(path, f"expected a number, not {type_name(value)}")
    try:
        return float(value)
    except (ValueError, OverflowError):
        raise RefusedError(path, f"expected a number, not {value!r}") from None


def sanitised(raw: str) -> str:
    """``raw`` made an id: what an id cannot hold becomes ``-``, at most 200 characters."""
    return id_text(raw, strip="-._:")[:ID_MAX_LENGTH]
