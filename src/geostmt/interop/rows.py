"""What every reader yields: a :class:`Row` with the records it adds and its problems."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from geostmt.errors import Problem, ValidationError
from geostmt.model import Record

__all__ = ["Row", "Seen", "first_bad_row"]


class Row(NamedTuple):
    """One input row: its line ``number`` (1-based, as an editor counts), the records it adds
    (its event, then actors and sources seen for the first time, in dependency order: those
    first), and its problems (a refused row has no records)."""

    number: int
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]


class Seen:
    """The ids already emitted in one read, so each actor and source is emitted once."""

    __slots__ = ("_ids",)

    def __init__(self) -> None:
        self._ids: set[str] = set()

    def new(self, records: Iterable[Record]) -> list[Record]:
        """Those of ``records`` not emitted before (remembered as emitted now)."""
        fresh = []
        for record in records:
            if record.id not in self._ids:
                self._ids.add(record.id)
                fresh.append(record)
        return fresh


def first_bad_row(rows: Iterable[Row], file: str | None) -> Iterator[Record]:
    """The records of ``rows`` in order; a ValidationError (naming ``file`` and the line) at
    the first row with problems. What ``read`` is, given ``scan``."""
    for row in rows:
        if row.problems:
            raise ValidationError(
                p._replace(line=row.number, file=file if p.file is None else p.file)
                for p in row.problems
            )
        yield from row.records
