"""The dataset checks as plain functions over rows, for any engine: unique ids (equal records
merge) and references that resolve to the right type.

A record becomes one :class:`IdRow` (its id, type, where it was read, and a fingerprint of each
field) and a :class:`RefRow` per reference it holds. :class:`~geostmt.Dataset` checks records in
memory with the same messages; :mod:`geostmt.engines` group the id rows by id and join the
reference rows to them on an engine, so no process ever holds every record. One process checking
files (``geostmt validate``) keeps each id in an :class:`IdTable` (about 50 bytes an id) with a
:func:`content_digest` of its record, and its problems in a :class:`ProblemStore` capped per file.
"""

from __future__ import annotations

import hashlib
import json
import operator
import os
import struct
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple

import attrs

from geostmt.errors import PATH_LIMIT, Problem, cut, with_article
from geostmt.model import references
from geostmt.model.spec import describe

__all__ = [
    "IdRow",
    "IdTable",
    "ProblemStore",
    "RefRow",
    "clip",
    "content_digest",
    "duplicate_message",
    "duplicate_problems",
    "fingerprint",
    "id_row",
    "order_key",
    "ref_rows",
    "reference_message",
    "sort_problems",
    "where",
]


class IdRow(NamedTuple):
    """One record as the duplicate check sees it. ``order`` is its input's position in the
    run and ``line`` its line (or row) there; ``fields`` fingerprints each field."""

    id: str
    type: str
    order: int
    file: str | None
    line: int | None
    fields: str


class RefRow(NamedTuple):
    """One reference a record holds: the id it names, the type it must have (None: any), and
    where the record was read."""

    ref: str
    target: str | None
    order: int
    file: str | None
    line: int | None
    path: str
    owner_type: str
    owner_id: str


def order_key(order: int, line: int | None) -> int:
    """One integer sorting records as they were read: position, then line (up to 2**36 lines
    a file; it fits the int64 columns engines keep it in for 2**27 positions)."""
    return order * (1 << 36) + (line or 0)


def where(file: str | None, line: int | None, index: int | None = None) -> str:
    """``a.jsonl:5``, ``a.jsonl``, ``line 5`` or, for a record given in memory, ``index 3``."""
    if file is not None:
        return f"{file}:{line}" if line is not None else file
    if line is not None:
        return f"line {line}"
    return f"index {index}"


def fingerprint(record: Any) -> str:
    """Each field's digest, ``name=digest`` joined by ``;``, for telling which fields two
    records with one id differ in without holding both. Fields are compared as the wire format
    writes them (a field left out is its default), so two decimals equal in value but written
    differently (``1.5`` and ``1.50``) count as different here."""
    from geostmt.wire import to_dict

    data = to_dict(record)
    parts = []
    for field in describe(type(record)).fields:
        text = _dumps(data.get(field.name)).encode()
        parts.append(f"{field.name}={zlib.crc32(text):08x}{len(text):x}")
    return ";".join(parts)


_dumps = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def _differences(first: IdRow, later: IdRow) -> list[str]:
    if first.type != later.type:
        return ["type"]
    before = dict(part.split("=", 1) for part in first.fields.split(";"))
    after = dict(part.split("=", 1) for part in later.fields.split(";"))
    return [name for name, digest in before.items() if after.get(name) != digest]


def duplicate_message(ident: str, first_where: str, differences: Sequence[str]) -> str:
    """The problem of a record whose id an earlier, different record has."""
    return (
        f"duplicate id {ident!r}, first used at {first_where}; differs in: {', '.join(differences)}"
    )


def duplicate_problems(rows: Iterable[IdRow]) -> list[Problem]:
    """The problems among the rows of one id: each later row that differs from the first (in
    reading order) is a duplicate; equal ones merge silently."""
    ordered = sorted(rows, key=lambda row: order_key(row.order, row.line))
    first = ordered[0]
    problems = []
    for later in ordered[1:]:
        differences = _differences(first, later)
        if differences:
            message = duplicate_message(later.id, where(first.file, first.line), differences)
            problems.append(Problem("id", message, later.line, later.file))
    return problems


def reference_message(row: RefRow, found_type: str | None) -> str | None:
    """The problem with one reference, given the type of the record its id names (None when
    no record has it), or None when it resolves to the right type."""
    message = None
    if found_type is None:
        message = f"no {row.target or 'record'} has id {row.ref!r}"
    elif row.target is not None and row.target != found_type:
        message = f"{row.ref!r} is {with_article(found_type)}, not {with_article(row.target)}"
    if message is None:
        return None
    return f"{message} (in {row.owner_type} {row.owner_id!r})"


def id_row(record: Any, order: int, file: str | None, line: int | None) -> IdRow:
    """The id row of ``record``, read at ``file:line`` of input number ``order``."""
    return IdRow(record.id, record.TYPE, order, file, line, fingerprint(record))


def ref_rows(record: Any, order: int, file: str | None, line: int | None) -> Iterator[RefRow]:
    """Every reference ``record`` holds, as rows."""
    for reference in references(type(record)):
        for path, ident in reference.find(record):
            yield RefRow(ident, reference.target, order, file, line, path, record.TYPE, record.id)


def sort_problems(problems: Sequence[Problem], names: Sequence[str]) -> list[Problem]:
    """``problems`` in reading order: by input (``names``, in order; a Parquet file inside a
    dataset directory goes with it), then line; a problem of no input or line comes first."""
    orders: dict[str, int] = {}
    for order, name in enumerate(names):
        orders.setdefault(name, order)

    def key(problem: Problem) -> tuple[int, int]:
        order = orders.get(problem.file or "", -1)
        if order < 0 and problem.file is not None:
            inside = (n.rstrip("/") + "/" for n in orders)  # a file inside a dataset directory
            order = next(
                (
                    orders[n]
                    for n, d in zip(orders, inside, strict=True)
                    if problem.file.startswith(d)
                ),
                -1,
            )
        return (order, problem.line or 0)

    return sorted(problems, key=key)


def content_digest(record: Any, key: bytes) -> int:
    """A 64-bit digest of ``record``'s content, keyed by ``key`` (random per run, so no file
    can be made to collide), equal for records equal as Python compares them: ``1.5`` and
    ``1.50`` alike, a mapping's keys in any order."""
    parts: list[str] = []
    _canonical(record, parts)
    text = "\x00".join(parts).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8, key=key).digest(), "little")


def _canonical(value: Any, parts: list[str]) -> None:
    """``value`` as text, one part per leaf, the same for values that compare equal."""
    if type(value) is str:  # the most common leaf first
        parts.append(f"S{len(value)}:{value}")
    elif value is None:
        parts.append("N")
    else:
        walk = _WALKS.get(type(value)) or _walk_of(type(value))
        walk(value, parts)


_Walk = Callable[[Any, list[str]], None]
_WALKS: dict[type, _Walk] = {}
"""How each type is turned into text, found once per type."""


def _walk_of(cls: type) -> _Walk:
    walk: _Walk
    if issubclass(cls, Enum):

        def walk(value: Any, parts: list[str]) -> None:
            _canonical(value.value, parts)

    elif issubclass(cls, str):

        def walk(value: Any, parts: list[str]) -> None:
            parts.append(f"S{len(value)}:{value}")

    elif issubclass(cls, bool):

        def walk(value: Any, parts: list[str]) -> None:
            parts.append("T" if value else "F")

    elif issubclass(cls, int | float | Decimal):

        def walk(value: Any, parts: list[str]) -> None:
            parts.append(_number(value))

    elif issubclass(cls, list | tuple):

        def walk(value: Any, parts: list[str]) -> None:
            parts.append(f"L{len(value)}")
            for item in value:
                _canonical(item, parts)

    elif issubclass(cls, Mapping):

        def walk(value: Any, parts: list[str]) -> None:
            parts.append(f"M{len(value)}")
            for name in sorted(value, key=str):
                _canonical(name, parts)
                _canonical(value[name], parts)

    elif attrs.has(cls):
        names = [field.name for field in attrs.fields(cls) if field.eq]
        tag = f"O{cls.__qualname__}"
        values = operator.attrgetter(*names) if len(names) > 1 else None

        def walk(value: Any, parts: list[str]) -> None:
            parts.append(tag)
            for item in values(value) if values else [getattr(value, n) for n in names]:
                if item is None:  # most fields of most records: inline, not a call each
                    parts.append("N")
                elif type(item) is str:
                    parts.append(f"S{len(item)}:{item}")
                else:
                    _canonical(item, parts)

    else:

        def walk(value: Any, parts: list[str]) -> None:
            parts.append(f"R{type(value).__qualname__}:{value!r}")

    _WALKS[cls] = walk
    return walk


def _number(value: float | Decimal) -> str:
    """A number exactly, trailing zeros dropped: 1, 1.0, 1.00 and 1E+0 are one text (a float
    is taken at its exact binary value, as ``==`` compares it with a Decimal)."""
    if type(value) is int and -(10**18) < value < 10**18:  # as the Decimal below, faster
        text = str(value)
        kept = text.rstrip("0")
        return f"D{kept}e{len(text) - len(kept)}" if kept not in ("", "-") else "D0"
    exact = Decimal(value)
    if not exact.is_finite():  # nan and infinities: refused by validation, kept apart here
        return f"X{exact}"
    sign, digits, exponent = exact.as_tuple()
    assert isinstance(exponent, int)
    end = len(digits)
    while end and digits[end - 1] == 0:
        end -= 1
    if not end:
        return "D0"
    exponent += len(digits) - end
    return f"D{'-' if sign else ''}{''.join(map(str, digits[:end]))}e{exponent}"


_EMPTY = -1
_HALVES = struct.Struct("<QQ").unpack


class IdTable:
    """The distinct ids of a dataset, each with its type, where it was first read and the
    :func:`content_digest` of that record, in flat arrays: about 50 bytes an id (a ``dict`` of
    id strings takes over 120), so one process checks a file of millions of records.

    An id is kept as a 128-bit keyed digest (blake2b, a key per table), so telling two ids
    apart by it fails with odds of about 1 in 10**26 for ten million ids.
    """

    __slots__ = ("_base", "_high", "_key", "_kinds", "_lines", "_low", "_mask", "_orders",
                 "_slots", "_types", "contents", "type_names")  # fmt: skip

    def __init__(self, type_names: Sequence[str]) -> None:
        self.type_names = tuple(type_names)
        self._types = {name: code for code, name in enumerate(self.type_names)}
        self._key = os.urandom(16)
        self._base = hashlib.blake2b(key=self._key, digest_size=16)  # copied: no key set-up each
        self._high = array("Q")
        self._low = array("Q")
        self.contents = array("Q")
        self._kinds = bytearray()
        self._orders = array("L")
        self._lines = array("Q")
        self._slots = array("l", [_EMPTY]) * 1024
        self._mask = 1023

    def __len__(self) -> int:
        return len(self._high)

    def key(self) -> bytes:
        """The key of this table's digests (for :func:`content_digest`)."""
        return self._key

    def digest(self, ident: str) -> tuple[int, int]:
        """The 128-bit digest ``ident`` is kept under, as two 64-bit halves."""
        state = self._base.copy()
        state.update(ident.encode("utf-8", "surrogatepass"))
        high, low = _HALVES(state.digest())
        return high, low

    def _slot(self, high: int, low: int) -> int:
        """The slot holding this digest, or the empty slot where it would go."""
        slots, mask = self._slots, self._mask
        slot = low & mask
        while (index := slots[slot]) != _EMPTY:
            if self._low[index] == low and self._high[index] == high:
                return slot
            slot = (slot + 1) & mask
        return slot

    def find(self, ident: str) -> int:
        """The index of ``ident``, or -1 if no record has it."""
        return self._slots[self._slot(*self.digest(ident))]

    def find_digest(self, high: int, low: int) -> int:
        """The index of the id with this :meth:`digest`, or -1."""
        return self._slots[self._slot(high, low)]

    def add(self, ident: str, kind: str, order: int, line: int | None, content: int) -> int:
        """Keep ``ident`` if new and return -1; if it was seen, return its index, unchanged."""
        high, low = self.digest(ident)
        slots, mask, lows, highs = self._slots, self._mask, self._low, self._high
        slot = low & mask  # as _slot, inline: this runs once a record
        while (found := slots[slot]) != _EMPTY:
            if lows[found] == low and highs[found] == high:
                return found
            slot = (slot + 1) & mask
        index = len(highs)
        self._slots[slot] = index
        self._high.append(high)
        self._low.append(low)
        self.contents.append(content)
        self._kinds.append(self._types[kind])
        self._orders.append(order)
        self._lines.append(0 if line is None else line)
        if 4 * len(self._high) > 3 * len(self._slots):
            self._grow()
        return _EMPTY

    def _grow(self) -> None:
        self._slots = array("l", [_EMPTY]) * (2 * len(self._slots))
        self._mask = len(self._slots) - 1
        for index, (high, low) in enumerate(zip(self._high, self._low, strict=True)):
            self._slots[self._slot(high, low)] = index

    def kind(self, index: int) -> str:
        """The type of the record kept at ``index``."""
        return self.type_names[self._kinds[index]]

    def origin(self, index: int) -> tuple[int, int | None]:
        """The input position and line (None if not from a file) of the record at ``index``."""
        line = self._lines[index]
        return self._orders[index], line or None


def clip(problem: Problem, *, path: int = PATH_LIMIT, message: int = 1000) -> Problem:
    """``problem`` with its path and message cut to at most ``path`` and ``message``
    characters (an unknown key 60 MB long is a path too)."""
    if len(problem.path) <= path and len(problem.message) <= message:
        return problem
    return problem._replace(path=cut(problem.path, path), message=cut(problem.message, message))


class ProblemStore:
    """Problems kept as they are found, at most ``limit`` a file (None: all): the first in
    reading order (line, then the order found); the others are only counted, in ``more``.
    Holds at most about twice ``limit`` a file at any time, each problem :func:`clip`-ped, so
    a file of millions of bad lines takes bounded memory.

    Each problem comes with the position of its input (``order``), a ``rank`` (what kind of
    problem: the kept ones are given back by rank, then position) and ``extra`` data for
    whoever finishes its message later.
    """

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        self._files: dict[str | None, list[_Entry]] = {}
        self._more: dict[str | None, int] = {}
        self._count = 0

    def add(
        self,
        problem: Problem,
        *,
        order: int = 0,
        rank: int = 0,
        extra: Any = None,
        seq: int | None = None,
    ) -> None:
        """Keep ``problem`` (or count it, past the limit of its file); ``seq`` orders problems
        of one rank, input and line (by default, the order they are added in)."""
        entries = self._files.setdefault(problem.file, [])
        self._count += 1
        seq = self._count if seq is None else seq
        entries.append(_Entry(problem.line or 0, seq, rank, order, clip(problem), extra))
        if self.limit is not None and len(entries) > 2 * self.limit + 16:
            self._trim(problem.file, entries)

    def _trim(self, file: str | None, entries: list[_Entry]) -> None:
        if self.limit is None or len(entries) <= self.limit:
            return
        entries.sort()
        self._more[file] = self._more.get(file, 0) + len(entries) - self.limit
        del entries[self.limit :]

    def entries(self) -> list[tuple[Problem, Any]]:
        """The kept problems with their extra data: by rank, then input, line and the order
        they were found in."""
        kept: list[_Entry] = []
        for file, entries in self._files.items():
            self._trim(file, entries)
            kept.extend(entries)
        kept.sort(key=lambda entry: (entry.rank, entry.order, entry.line, entry.seq))
        return [(entry.problem, entry.extra) for entry in kept]

    @property
    def more(self) -> dict[str | None, int]:
        """How many problems of each file were counted but not kept."""
        for file, entries in self._files.items():
            self._trim(file, entries)
        return dict(self._more)


class _Entry(NamedTuple):
    line: int
    seq: int
    rank: int
    order: int
    problem: Problem
    extra: Any
