"""Digit strings whose separators are inferred, for text with no reliable locale (prices, money).

The last of ``.`` and ``,`` is the decimal mark when both appear; a mark that repeats is a group
mark; a lone mark followed by exactly three digits is read as the locale says (CLDR via babel),
or as a group mark where the currency has no minor unit (``200.000 ₫``); any other lone mark is a
decimal mark. So ``1.299,00`` is 1299.00 in every locale, and ``1,299`` is 1299 in English but
1.299 in German. Spaces (ordinary, no-break, narrow no-break) group thousands in every locale.
"""

from __future__ import annotations

import re
from decimal import Decimal

from geostmt.normalise.numbers import MAX_DIGITS, _symbols

__all__ = ["DIGITS", "DIGITS_PATTERN", "read_digits"]

DIGITS = r"\d{1,3}(?:[.,\u00a0\u202f'’ ]\d{3})+(?:[.,]\d+)?|\d++(?:[.,]\d++)?"
"""A regex for a run of digits with group and decimal marks of any convention."""


DIGITS_PATTERN = rf"(?<!\d[ \u00a0\u202f])(?:{DIGITS})"
"""A regex for :data:`DIGITS`, never starting right after another number (``10 000`` is never
``000``). Every locale reads the same digits; :func:`read_digits` applies the locale's marks."""


_MARKS = re.compile(r"[.,\u00a0\u202f'’ ]")


def read_digits(text: str, locale: str, *, whole: bool = False) -> Decimal | None:
    """The exact value of ``text`` (matched by :data:`DIGITS`), separators inferred; None for
    more than :data:`~geostmt.normalise.numbers.MAX_DIGITS` digits. ``whole``: the currency has
    no minor unit, so a lone mark before three digits groups them."""
    if len(text) > 2 * MAX_DIGITS or sum(char.isdigit() for char in text) > MAX_DIGITS:
        return None  # a run this long is an id (every third character at most is a mark)
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
            if len(tail) != 3 or (not whole and (len(marks) > 1 or decimal == last)):
                decimal_mark = last
    whole_part, _, fraction = text.rpartition(decimal_mark) if decimal_mark else (text, "", "")
    digits = _MARKS.sub("", whole_part) + ("." + fraction if decimal_mark else "")
    return Decimal(digits)
