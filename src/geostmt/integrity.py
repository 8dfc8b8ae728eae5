"""The dataset checks as plain functions over rows, for any engine: unique ids (equal records
merge) and references that resolve to the right type.

A record becomes one :class:`IdRow` (its id, type, where it was read, and a fingerprint of each
field) and a :class:`RefRow` per reference it holds. :class:`~geostmt.Dataset` checks records in
memory with the same messages; :mod:`geostmt.engines` group the id rows by id and join the
reference rows to them on an engine, so no process ever holds every record.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from geostmt.errors import Problem
from geostmt.model import references
from geostmt.model.spec import describe

__all__ = [
    "IdRow",
    "RefRow",
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
        message = f"{row.ref!r} is a {found_type}, not a {row.target}"
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
