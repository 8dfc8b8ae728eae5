"""PLOVER files -> records: :func:`scan` (a :class:`~geostmt.interop.Row` per object) and
:func:`read`, for JSON Lines and the 0.5 JSON array alike."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

import attrs

from geostmt.errors import ValidationError
from geostmt.interop.plover.events import event
from geostmt.interop.plover.values import RefusedError
from geostmt.interop.rows import Row, Seen, first_bad_row
from geostmt.model import Record
from geostmt.model.frozenmap import to_frozen_map
from geostmt.model.rules import ID_MAX_LENGTH
from geostmt.wire.codec import decode_json
from geostmt.wire.files import open_text, source_name

__all__ = ["Input", "read", "scan"]

Input = str | os.PathLike[str] | IO[str]


def _lines(source: Input) -> Iterator[str]:
    with open_text(source) as stream:
        yield from stream


def _raw_rows(source: Input) -> Iterator[tuple[int, object]]:
    """(row number, parsed JSON or a ValidationError) for either form."""
    lines = _lines(source)
    number = 0
    for line in lines:
        number += 1
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("["):  # the 0.5 form: one JSON array, rows are its items
            text = line + "".join(lines)
            try:
                data = decode_json(text)
            except ValidationError as error:
                yield number, error
                return
            if not isinstance(data, list):  # pragma: no cover - "[" always parses to a list
                yield number, ValidationError.single("", "not a JSON array")
                return
            yield from enumerate(data, start=1)
            return
        try:
            yield number, decode_json(stripped)
        except ValidationError as error:
            yield number, error
        break
    for line in lines:
        number += 1
        stripped = line.strip()
        if not stripped:
            continue
        try:
            yield number, decode_json(stripped)
        except ValidationError as error:
            yield number, error


def scan(source: Input) -> Iterator[Row]:
    """Every PLOVER object of ``source`` (a path or a text file) as a :class:`~geostmt.interop.Row`.

    Row numbers are line numbers for JSON Lines and 1-based array indexes for the 0.5 form.
    A row that is no usable event (the 0.5 ``DOCUMENT`` record, a category neither current
    nor old) has no records and a problem saying why.
    """
    seen = Seen()
    event_ids: dict[str, int] = {}
    for number, raw in _raw_rows(source):
        if isinstance(raw, ValidationError):
            yield Row(number, (), raw.problems)
            continue
        try:
            actors, made = event(raw)
        except RefusedError as refused:
            yield Row(number, (), (refused.problem,))
        except ValidationError as error:
            yield Row(number, (), error.problems)
        else:
            count = event_ids[made.id] = event_ids.get(made.id, 0) + 1
            if count > 1:  # the gold file has two COERCE-0004: keep both, the later renamed
                made = attrs.evolve(
                    made,
                    id=f"{made.id[: ID_MAX_LENGTH - 12]}:{count}",
                    identifiers=to_frozen_map({**made.identifiers, "plover:duplicate": str(count)}),
                )
            yield Row(number, (*seen.new(actors), made), ())


def read(source: Input) -> Iterator[Record]:
    """The records of ``source`` in dependency order; a ValidationError at the first bad row,
    naming the file (a path, or an open file's ``name``) and the row."""
    return first_bad_row(scan(source), source_name(source))
