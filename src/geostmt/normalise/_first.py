"""What every ``parse_*`` does with its ``find_*``: the first match, or a ParseError."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from geostmt.errors import ParseError
from geostmt.locales import require_text

__all__ = ["first_match"]

M = TypeVar("M")


def first_match(text: object, find: Callable[[str], Iterable[M]], what: str, function: str) -> M:
    """The first of ``find(text)``; ParseError naming ``what`` if none, TypeError if no str.

    ``find`` may be a generator: reading stops at the first match.
    """
    checked = require_text(text, function)
    for found in find(checked):
        return found
    raise ParseError(f"no {what} found", checked)
