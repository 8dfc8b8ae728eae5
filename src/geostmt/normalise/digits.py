"""Digit strings whose separators are inferred, for text with no reliable locale (prices, money).

The last of ``.`` and ``,`` is the decimal mark when both appear; a mark that repeats is a group
mark; a lone mark followed by exactly three digits is read as the locale says (CLDR via babel);
any other lone mark is a decimal mark. So ``1.299,00`` is 1299.00 in every locale, and ``1,299``
is 1299 in English but 1.299 in German.
"""

from __future__ import annotations

import re
from decimal import Decimal

from geostmt.normalise.numbers import _symbols

__all__ = ["DIGITS", "digits_pattern", "read_digits"]

_SPACES = " \u00a0\u202f"
DIGITS = r"\d{1,3}(?:[.,\u00a0\u202f'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
"""A regex for a run of digits with group and decimal marks of any convention."""


def digits_pattern(locale: str) -> str:
    """:data:`DIGITS`, plus the ordinary space as a group mark where the locale groups with
    spaces (``10 000`` in French), and never starting right after another number."""
    group, _ = _symbols(locale)
    pattern = DIGITS.replace("\\u00a0", " \\u00a0") if group in _SPACES else DIGITS
    return rf"(?<!\d[ \u00a0\u202f])(?:{pattern})"


_MARKS = re.compile(r"[.,\u00a0\u202f'’ ]")


def read_digits(text: str, locale: str) -> Decimal:
    """The exact value of ``text`` (matched by :data:`DIGITS`), separators inferred."""
    marks = [m.group() for m in _MARKS.finditer(text)]
    decimal_mark: str | None = None
    points = [m for m in marks if m in ".,"]
    if points:
        last = points[-1]
        if len(set(points)) > 1:
            decimal_mark = last
        elif points.count(last) == 1:
            tail = text.rsplit(last, 1)[1]
            decimal = _symbols(locale)[1]
            if len(tail) != 3 or len(marks) > 1 or decimal == last:
                decimal_mark = last
    whole, _, fraction = text.rpartition(decimal_mark) if decimal_mark else (text, "", "")
    digits = _MARKS.sub("", whole) + ("." + fraction if decimal_mark else "")
    return Decimal(digits)
