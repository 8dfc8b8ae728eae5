"""Records -> ACLED CSV: :func:`write` writes each event with ACLED coding as one row."""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, NamedTuple

from geostmt.interop.acled.cells import columns
from geostmt.interop.acled.mapping import COLUMNS, KEY_PREFIX
from geostmt.model import Record
from geostmt.model.actor import Actor
from geostmt.model.event import Event
from geostmt.model.source import Source
from geostmt.wire.files import atomic_text

__all__ = ["Skipped", "write"]


class Skipped(NamedTuple):
    """An event :func:`write` could not write, and why."""

    id: str
    reason: str


def _rows(records: Iterable[Record], skipped: list[Skipped]) -> Iterator[list[str]]:
    actors: dict[str, Actor] = {}
    titles: dict[str, str] = {}
    for record in records:
        if isinstance(record, Actor):
            actors[record.id] = record
        elif isinstance(record, Source):
            titles[record.id] = record.title or record.url or record.id
        elif isinstance(record, Event):
            if record.acled is None:
                skipped.append(Skipped(record.id, "no ACLED coding"))
                continue
            try:
                cells = columns(record, actors, titles)
            except ValueError as error:
                skipped.append(Skipped(record.id, str(error)))
                continue
            for key, value in record.identifiers.items():
                column = key.removeprefix(KEY_PREFIX)
                if key.startswith(KEY_PREFIX) and column in cells:
                    cells[column] = value
            yield [cells[column] for column in COLUMNS]


def _write_stream(stream: IO[str], records: Iterable[Record], skipped: list[Skipped]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in _rows(records, skipped):
        writer.writerow(row)
        count += 1
    return count


def write(
    records: Iterable[Record],
    target: str | os.PathLike[str] | IO[str],
    *,
    skipped: list[Skipped] | None = None,
) -> int:
    """Write every event with ``acled`` in ``records`` as an ACLED row; returns the rows written.

    Actors and sources must come before the events naming them (as :func:`read` gives them).
    Events that cannot be written (no ``acled``, an actor or source not in ``records``, a date
    known only to the year, fatalities that are not an exact count) are appended to
    ``skipped`` as :class:`Skipped`; without a ``skipped`` list, a ``UserWarning`` says how
    many. A path is written atomically (a temp file beside it, then ``os.replace``).
    """
    left_out: list[Skipped] = [] if skipped is None else skipped
    before = len(left_out)
    if isinstance(target, str | os.PathLike):
        with atomic_text(target, newline="") as stream:
            count = _write_stream(stream, records, left_out)
    else:
        count = _write_stream(target, records, left_out)
    if skipped is None and len(left_out) > before:
        warnings.warn(
            f"{len(left_out)} events not written as ACLED rows (pass skipped=[] to see which)",
            UserWarning,
            stacklevel=2,
        )
    return count


def _text(rows: Iterable[Mapping[str, str]]) -> str:
    """CSV text of ``rows`` (dicts by column; missing cells empty), for tests and examples."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.get(column, "") for column in COLUMNS])
    return out.getvalue()
