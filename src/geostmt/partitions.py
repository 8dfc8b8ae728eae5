"""Inputs cut into partitions an engine can check in parallel, and the check of one partition.

A plain JSON Lines file is cut at line ends into parts of about ``blocksize`` bytes, each
knowing its file and first line; a gzip file or a Parquet file is one part. Checking a part
(:func:`check_partition`) gives its records' own problems and the id and reference rows of
:mod:`geostmt.integrity`, which the dataset checks then join; the records themselves are
dropped as soon as their rows are taken, so memory stays bounded by the part's size.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import cattrs

from geostmt.errors import Problem, ValidationError
from geostmt.inputs import STDIN_NAME, Input
from geostmt.integrity import IdRow, RefRow, id_row, ref_rows
from geostmt.wire import Line
from geostmt.wire.jsonl import GZIP_MAGIC, scan_jsonl

__all__ = [
    "BLOCKSIZE",
    "Checked",
    "Partition",
    "check_partition",
    "lines_of",
    "partitions",
    "records_of",
    "spool_stdin",
]

BLOCKSIZE = 32 * 1024 * 1024
"""The default size of one part of a plain JSON Lines file, in bytes."""
_READ = 8 * 1024 * 1024
_FILES_PER_INPUT = 1 << 14
"""``Partition.order`` is the input's position times this, plus the file's within it."""


class Partition(NamedTuple):
    """One part of one input: its reading position ``order`` (the input's, and for a Parquet
    dataset the file's within it), its ``name`` for messages, its ``kind`` (``jsonl``,
    ``whole`` for a gzip file read as one part, ``parquet``), the ``path``, the byte range
    and the number of its first line."""

    order: int
    name: str
    kind: str
    path: str
    start: int
    end: int
    first_line: int


class Checked(NamedTuple):
    """What checking a part found: its records' problems, id rows and reference rows."""

    records: int
    problems: list[Problem]
    ids: list[IdRow]
    refs: list[RefRow]


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as stream:
        return stream.read(2) == GZIP_MAGIC


def _cut(order: int, name: str, path: str, blocksize: int) -> Iterator[Partition]:
    """Parts of a plain file, each starting after a line end, with its first line number."""
    size = os.path.getsize(path)
    start, line = 0, 1
    with open(path, "rb") as stream:
        while start < size:
            stream.seek(min(start + blocksize, size))
            if stream.tell() < size:
                stream.readline()  # on to the next line end
            end = stream.tell()
            yield Partition(order, name, "jsonl", path, start, end, line)
            stream.seek(start)
            left = end - start
            while left:
                block = stream.read(min(_READ, left))
                line += block.count(b"\n")
                left -= len(block)
            start = end


def partitions(inputs: Sequence[Input], *, blocksize: int = BLOCKSIZE) -> list[Partition]:
    """The parts of ``inputs`` (files, gzip, Parquet; standard input must be spooled to a
    file first, see :func:`spool_stdin`), in reading order."""

    found: list[Partition] = []
    for order, item in enumerate(inputs):
        if item.path is None:
            raise ValueError("standard input must be spooled to a file first (spool_stdin)")
        path = os.fspath(item.path)
        if item.kind == "parquet":
            from geostmt.table.parquet import parquet_files

            # each file's rows are numbered from 1, so the file's place is part of the order
            for index, file in enumerate(parquet_files(path)):
                place = order * _FILES_PER_INPUT + index
                found.append(Partition(place, item.name, "parquet", str(file), 0, 0, 1))
        elif _is_gzip(path) or os.path.getsize(path) == 0:
            found.append(Partition(order * _FILES_PER_INPUT, item.name, "whole", path, 0, 0, 1))
        else:
            found.extend(_cut(order * _FILES_PER_INPUT, item.name, path, blocksize))
    return found


def spool_stdin(inputs: Sequence[Input], directory: str) -> list[Input]:
    """``inputs`` with standard input copied to a file in ``directory`` (named ``<stdin>``
    in messages still), so every input can be cut into parts."""
    result = []
    for item in inputs:
        if item.path is None:
            handle, name = tempfile.mkstemp(dir=directory, suffix=".jsonl")
            with os.fdopen(handle, "wb") as spool:
                shutil.copyfileobj(sys.stdin.buffer, spool)
            item = Input(STDIN_NAME, item.kind, Path(name))
        result.append(item)
    return result


def records_of(part: Partition, *, converter: cattrs.Converter | None = None) -> Iterator[Any]:
    """The valid records of one part, in order (what a conversion writes)."""
    for line in lines_of(part, converter=converter):
        if line.record is not None:
            yield line.record


def lines_of(part: Partition, *, converter: cattrs.Converter | None = None) -> Iterator[Line]:
    """Every line (or Parquet row) of one part, numbered as in its whole input."""
    if part.kind == "parquet":
        from geostmt.table import scan_parquet

        yield from scan_parquet(part.path, converter=converter)
        return
    if part.kind == "whole":
        yield from Input(part.name, "jsonl", Path(part.path)).scan(converter=converter)
        return
    with open(part.path, "rb") as stream:
        stream.seek(part.start)
        data = stream.read(part.end - part.start)
    if part.start == 0 and data.startswith(b"\xef\xbb\xbf"):
        import warnings

        warnings.warn(
            f"{part.name} starts with a UTF-8 byte-order mark; read as UTF-8", stacklevel=2
        )
        data = data[3:]
    shift = part.first_line - 1
    for line in scan_jsonl(io.BytesIO(data), converter=converter):
        number = line.number + shift
        problems = tuple(p._replace(line=number, file=part.name) for p in line.problems)
        yield Line(number, line.record, problems)


def check_partition(part: Partition, *, converter: cattrs.Converter | None = None) -> Checked:
    """Read one part: its records' own problems (each with file and line), and the id and
    reference rows of its valid records for the dataset checks."""
    problems: list[Problem] = []
    ids: list[IdRow] = []
    refs: list[RefRow] = []
    count = 0
    try:
        for line in lines_of(part, converter=converter):
            if line.record is None:
                problems.extend(p._replace(file=p.file or part.name) for p in line.problems)
                continue
            count += 1
            record: Any = line.record
            ids.append(id_row(record, part.order, part.name, line.number))
            refs.extend(ref_rows(record, part.order, part.name, line.number))
    except ValidationError as error:
        problems.extend(p._replace(file=p.file or part.name) for p in error.problems)
    except OSError as error:
        problems.append(Problem("", f"cannot read: {error.strerror or error}", None, part.name))
    return Checked(count, problems, ids, refs)
