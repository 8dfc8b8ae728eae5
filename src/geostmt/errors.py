"""The exceptions geostmt raises: one base, each mixed with the builtin it refines.

A :class:`ValidationError` carries every problem found, each a :class:`Problem` with the
path of the offending field (``items[2].category``) and, when read from JSON Lines, the line.
"""

from __future__ import annotations

import datetime as dt
import reprlib
from collections.abc import Iterable
from typing import NamedTuple

__all__ = [
    "PATH_LIMIT",
    "GeostmtError",
    "ParseError",
    "Problem",
    "RateError",
    "SHOWN_LIMIT",
    "UnknownLocaleError",
    "ValidationError",
    "cut",
    "join_path",
    "shown",
    "written",
    "unknown_field",
    "with_article",
]


SHOWN_LIMIT = 60
"""The most characters :func:`shown` gives for a value (well under the 200 promised)."""
PATH_LIMIT = 200
"""The most characters of a stored problem's path (an unknown key 60 MB long is a path too)."""


def cut(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its start ending in ``...``."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


_SHOWN = reprlib.Repr()  # bounded in depth and length (keyword arguments need Python 3.12)
_SHOWN.maxlevel = 4
_SHOWN.maxdict = _SHOWN.maxlist = _SHOWN.maxtuple = _SHOWN.maxset = _SHOWN.maxfrozenset = 8
_SHOWN.maxstring = _SHOWN.maxlong = _SHOWN.maxother = SHOWN_LIMIT


def shown(value: object) -> str:
    """A short, safe rendering of a bad value for an error message: at most
    :data:`SHOWN_LIMIT` characters, whatever the value (a 64 MiB text, a 5,000-digit integer,
    a list nested 1,000 deep, an object whose ``repr`` fails), in time and memory bounded by
    that, not by the value."""
    try:
        text = _bounded_repr(value)
    except Exception:  # a repr that fails is described by its type
        text = f"<{type(value).__name__}>"
    return cut(text, SHOWN_LIMIT)


def written(value: object) -> str:
    """A number as ``str`` writes it (``-5``, ``1E+999999999``, ``NaN``), for a message: at
    most :data:`SHOWN_LIMIT` characters, since a Decimal can hold a million
    digits (or a NaN a million-digit payload) and ``str`` refuses an int of 5,000 digits."""
    if isinstance(value, int):
        return shown(value)  # its repr is its str; a huge one is described by its length
    return cut(str(value), SHOWN_LIMIT)


def _bounded_repr(value: object) -> str:
    if isinstance(value, str | bytes):
        return repr(value[: SHOWN_LIMIT + 1])
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 192:
        return f"<an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits>"
    if isinstance(value, list | tuple | dict | set | frozenset):
        return _SHOWN.repr(value)
    return repr(value)


def with_article(word: str) -> str:
    """``word`` after "a" or "an", as its first sound needs: ``"an actor"``, ``"a source"``,
    ``"an aid_package"``, ``"an event"``, ``"a statement"``."""
    return f"{'an' if word[:1].lower() in 'aeio' else 'a'} {word}"


def unknown_field(key: object, known: Iterable[str]) -> str:
    """The message for a key that no field of the class has, with the nearest field name where
    one is close: ``unknown field (did you mean 'announced'?)`` for ``annouced``."""
    from geostmt.reference.acled import suggest

    near = suggest(key, sorted(known)) if isinstance(key, str) else None
    return "unknown field" + (f" (did you mean {near!r}?)" if near else "")


def join_path(prefix: str | int, path: str) -> str:
    """Join a field name or list index to a relative path: ``("items", "[2].name")``."""
    head = f"[{prefix}]" if isinstance(prefix, int) else prefix
    if not path:
        return head
    if not head:
        return path
    if path.startswith("["):
        return head + path
    return f"{head}.{path}"


class Problem(NamedTuple):
    """One thing wrong with a record: where (path, line) and what (message)."""

    path: str
    message: str
    line: int | None = None
    file: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        if self.file is not None:
            line = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        else:
            line = f"line {self.line}: " if self.line is not None else ""
        return f"{line}{where}{self.message}"


class GeostmtError(Exception):
    """Base of every error geostmt raises on purpose."""


class ValidationError(GeostmtError, ValueError):
    """Data that breaks the schema; ``problems`` lists every problem found, not just the first."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem] | str, path: str = "") -> None:
        if isinstance(problems, str):
            problems = (Problem(path, problems),)
        self.problems = tuple(problems)
        super().__init__(self.problems)

    @classmethod
    def single(cls, path: str, message: str, line: int | None = None) -> ValidationError:
        """One problem at ``path``."""
        return cls((Problem(path, message, line),))

    def prefixed(self, prefix: str | int) -> ValidationError:
        """The same problems with ``prefix`` (a field name or list index) put in front."""
        return ValidationError(p._replace(path=join_path(prefix, p.path)) for p in self.problems)

    def at_line(self, line: int) -> ValidationError:
        """The same problems, each marked as coming from JSON Lines line ``line``."""
        return ValidationError(p._replace(line=line) for p in self.problems)

    def in_file(self, file: str) -> ValidationError:
        """The same problems, each marked as coming from ``file``."""
        return ValidationError(p._replace(file=file) for p in self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


class ParseError(GeostmtError, ValueError):
    """Text a normaliser cannot read as the value asked for; ``text`` is the input."""

    def __init__(self, message: str, text: str) -> None:
        self.message = message
        self.text = text
        super().__init__(message, text)

    def __str__(self) -> str:
        return f"{self.message}: {cut(self.text, 80)!r}"

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str]]:
        return (type(self), (self.message, self.text))


class RateError(GeostmtError, ValueError):
    """No exchange rate for ``currency`` on ``date`` (an ISO day, or a period ``start/end``) in
    ``source``; ``nearest`` holds the closest days it has a rate for (before, after), if any."""

    def __init__(
        self,
        message: str,
        currency: str,
        date: str,
        source: str,
        nearest: tuple[dt.date, ...] = (),
    ) -> None:
        self.message = message
        self.currency = currency
        self.date = date
        self.source = source
        self.nearest = tuple(nearest)
        super().__init__(message, currency, date, source, self.nearest)

    def __str__(self) -> str:
        return self.message

    def __reduce__(
        self,
    ) -> tuple[type[RateError], tuple[str, str, str, str, tuple[dt.date, ...]]]:
        return (type(self), (self.message, self.currency, self.date, self.source, self.nearest))


class UnknownLocaleError(GeostmtError, ValueError):
    """A ``locale=`` that CLDR (through babel) does not know; names the locales that exist."""

    def __init__(self, locale: str, known: Iterable[str] = ()) -> None:
        self.locale = locale
        self.known = tuple(known)
        languages = sorted({k for k in self.known if "_" not in k})
        more = f", ... ({len(languages)} languages)" if len(languages) > 12 else ""
        text = (
            f"unknown locale {locale!r}: give a BCP 47 tag or CLDR id such as 'en', 'en-US' "
            f"or 'pt_BR' (known: {', '.join(languages[:12])}{more}; "
            "geostmt.locales.known_locales() lists every one)"
        )
        super().__init__(text)

    def __reduce__(self) -> tuple[type[UnknownLocaleError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.locale, self.known))
