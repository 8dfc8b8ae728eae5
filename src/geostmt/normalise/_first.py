"""What every ``parse_*`` does with its ``find_*``: the first match, or a ParseError."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from geostmt.errors import ParseError

__all__ = ["first_match"]

M = TypeVar("M")


def first_match(text: object, find: Callable[[str], Sequence[M]], what: str) -> M:
    """The first of ``find(text)``; ParseError naming ``what`` if none, or if ``text`` is no str."""
    if not isinstance(text, str):
        raise ParseError("expected text", repr(text))
    found = find(text)
    if not found:
        raise ParseError(f"no {what} found", text)
    return found[0]
