"""JSON Lines: streaming reads that name the bad line, and atomic writes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

import cattrs

from geostmt.errors import Problem, ValidationError
from geostmt.model import Record
from geostmt.wire.codec import MAX_RECORD_BYTES, dumps, loads

__all__ = ["Line", "read_jsonl", "scan_jsonl", "validate_jsonl", "write_jsonl"]

Source = str | os.PathLike[str] | IO[bytes]
_TOO_LONG = f"line longer than {MAX_RECORD_BYTES} bytes; not read"


class Line(NamedTuple):
    """One non-blank line of a JSON Lines file: its number and its record or its problems."""

    number: int
    record: Record | None
    problems: tuple[Problem, ...]


def _raw_lines(source: Source) -> Iterator[tuple[int, bytes | None]]:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            yield from _numbered(stream)
    else:
        yield from _numbered(source)


def _numbered(stream: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Each line with its number; None for a line over MAX_RECORD_BYTES, which is skipped."""
    number = 0
    while True:
        # readline with a limit: a gigantic line is refused without being held in memory
        raw = stream.readline(MAX_RECORD_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
                raw = stream.readline(MAX_RECORD_BYTES + 1)
            yield number, None
            continue
        yield number, raw


def scan_jsonl(source: Source, *, converter: cattrs.Converter | None = None) -> Iterator[Line]:
    """Every non-blank line of ``source`` (a path or a binary file) as a :class:`Line`.

    Reads one line at a time, so files larger than memory are fine. Blank lines are skipped.
    """
    for number, raw in _raw_lines(source):
        if raw is None:
            yield Line(number, None, (Problem("", _TOO_LONG, number),))
            continue
        if not raw.strip():
            continue
        try:
            record = loads(raw.rstrip(b"\r\n"), converter=converter)
        except ValidationError as error:
            yield Line(number, None, error.at_line(number).problems)
        else:
            yield Line(number, record, ())


def read_jsonl(source: Source, *, converter: cattrs.Converter | None = None) -> Iterator[Record]:
    """The records of a JSON Lines file, streamed; the first invalid line raises ValidationError."""
    for line in scan_jsonl(source, converter=converter):
        if line.problems:
            raise ValidationError(line.problems)
        assert line.record is not None
        yield line.record


def validate_jsonl(source: Source, *, converter: cattrs.Converter | None = None) -> list[Problem]:
    """Every problem in every line of ``source`` (empty when all records are valid)."""
    return [p for line in scan_jsonl(source, converter=converter) for p in line.problems]


def write_jsonl(
    path: str | os.PathLike[str],
    records: Iterable[Any],
    *,
    converter: cattrs.Converter | None = None,
) -> int:
    """Write ``records`` one per line, atomically: a temp file renamed over ``path``.

    A write killed halfway leaves the old file (or none), never half a file. Returns the count.
    """
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            for record in records:
                stream.write(dumps(record, converter=converter))
                stream.write("\n")
                count += 1
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count
