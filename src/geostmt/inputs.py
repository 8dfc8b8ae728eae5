"""What the user names -> what is read: files, directories, globs, Parquet datasets, stdin.

``expand(["data/", "extra/*.jsonl.gz", "-"])`` turns command-line style arguments into concrete
:class:`Input` values, each with the name problems are reported under and its kind. A missing
path, or a pattern or directory that holds nothing to read, is a ValidationError naming it.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal, NamedTuple

import cattrs

from geostmt.errors import Problem, ValidationError
from geostmt.wire.codec import loads
from geostmt.wire.jsonl import Line, numbered_lines, open_binary, scan_jsonl

if TYPE_CHECKING:
    from geostmt.model import Record

__all__ = [
    "JSONL_SUFFIXES",
    "STDIN",
    "STDIN_NAME",
    "Input",
    "Kind",
    "expand",
    "lines_with_ids",
    "records_at",
]

STDIN = "-"
"""The argument that means standard input."""
STDIN_NAME = "<stdin>"
"""The name problems read from standard input are reported under."""
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
"""The files a directory contributes as JSON Lines."""
ARROW_HINT = "pip install 'geostmt[arrow]'"

Kind = Literal["jsonl", "parquet", "file"]
"""``jsonl`` (plain or gzip), ``parquet`` (a dataset directory or file), or ``file``: a file in
another format, found by :func:`expand` with ``suffixes`` (``geostmt import``)."""


class Input(NamedTuple):
    """One concrete input: the ``name`` problems are reported under (the path as found, or
    ``<stdin>``), its ``kind``, and its ``path`` (None for standard input)."""

    name: str
    kind: Kind
    path: Path | None = None

    def open(self) -> AbstractContextManager[IO[bytes]]:
        """Its bytes, gzip decompressed (see :func:`geostmt.wire.jsonl.open_binary`)."""
        return open_binary(self.path if self.path is not None else sys.stdin.buffer)

    def scan(self, *, converter: cattrs.Converter | None = None) -> Iterator[Line]:
        """Every record of this input as a :class:`~geostmt.wire.Line` whose problems name
        this input and the line (the row, for Parquet).

        A problem spoiling the whole input is a ValidationError naming it; reading Parquet
        without pyarrow is an ImportError naming the ``geostmt[arrow]`` extra.
        """
        if self.kind == "parquet":
            lines = _scan_parquet(self, converter)
        elif self.kind == "jsonl":
            source = self.path if self.path is not None else sys.stdin.buffer
            lines = scan_jsonl(source, converter=converter)
        else:
            raise ValueError(f"{self.name} is not geostmt JSON Lines or Parquet")
        try:
            for line in lines:
                if line.problems:
                    line = line._replace(problems=self._named(line.problems, line.number))
                yield line
        except ValidationError as error:
            raise ValidationError(self._named(error.problems, None)) from None

    def _named(self, problems: Sequence[Problem], number: int | None) -> tuple[Problem, ...]:
        return tuple(
            p._replace(
                file=self.name if p.file is None else p.file,
                line=number if p.line is None and number else p.line,
            )
            for p in problems
        )


def _scan_parquet(item: Input, converter: cattrs.Converter | None) -> Iterator[Line]:
    try:
        from geostmt.table import scan_parquet
    except ImportError as error:
        message = f"{item.name} is a Parquet dataset; reading it needs pyarrow: {ARROW_HINT}"
        raise ImportError(message) from error
    assert item.path is not None
    yield from scan_parquet(item.path, converter=converter)


def expand(
    inputs: Sequence[str | os.PathLike[str]], *, suffixes: Sequence[str] | None = None
) -> list[Input]:
    """The concrete inputs ``inputs`` name, in order.

    Each argument is ``-`` (standard input), a file (``.parquet`` is Parquet, anything else
    JSON Lines, gzip or not), a directory (its ``*.jsonl`` and ``*.jsonl.gz`` files, then the
    Parquet datasets in it, each group sorted) or a glob (``data/*.jsonl``; its matches, sorted,
    each expanded). A Parquet dataset is a directory holding ``*.parquet`` files, or one named
    for a record type with ``*.parquet`` files below it, as ``write_parquet`` writes them.

    With ``suffixes`` (``(".csv",)``), a directory gives its files ending in one of them (or
    in one of them and ``.gz``) as kind ``file``, and no Parquet.

    Raises ValidationError with a problem for every missing path, every pattern matching
    nothing and every directory with nothing to read in it, each naming the argument.
    """
    found: list[Input] = []
    problems: list[Problem] = []
    for argument in inputs:
        try:
            found.extend(_expand_one(os.fspath(argument), suffixes))
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    return found


def _missing(name: str, message: str) -> ValidationError:
    return ValidationError((Problem("", message, None, name),))


def _expand_one(argument: str, suffixes: Sequence[str] | None) -> list[Input]:
    if argument == STDIN:
        return [Input(STDIN_NAME, "jsonl" if suffixes is None else "file")]
    path = Path(argument)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError) as error:  # a name too long, a NUL byte in it
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise _missing(argument, f"cannot read: {reason}") from None
    if is_dir:
        return _directory(argument, suffixes)
    if exists:
        return [_file(argument, suffixes)]
    if glob.has_magic(argument):
        matches = sorted(glob.glob(argument, recursive=True))
        if not matches:
            raise _missing(argument, "no file matches this pattern")
        return [item for match in matches for item in _expand_one(match, suffixes)]
    raise _missing(argument, "no such file or directory")


def _file(name: str, suffixes: Sequence[str] | None) -> Input:
    if suffixes is not None:
        return Input(name, "file", Path(name))
    kind: Kind = "parquet" if name.lower().endswith(".parquet") else "jsonl"
    return Input(name, kind, Path(name))


def _ends_with(name: str, suffixes: Sequence[str]) -> bool:
    lowered = name.lower()
    return any(lowered.endswith(suffix) for suffix in suffixes)


def _directory(name: str, suffixes: Sequence[str] | None) -> list[Input]:
    directory = Path(name)
    wanted = JSONL_SUFFIXES if suffixes is None else (*suffixes, *(f"{s}.gz" for s in suffixes))
    files = sorted(
        str(child)
        for child in directory.iterdir()
        if child.is_file() and _ends_with(child.name, wanted)
    )
    found = [_file(file, suffixes) for file in files]
    if suffixes is None:
        datasets = [directory] if _is_parquet_dataset(directory) else _parquet_below(directory)
        found.extend(Input(str(d), "parquet", d) for d in datasets)
    if not found:
        what = (
            "no JSON Lines files (*.jsonl, *.jsonl.gz) or Parquet datasets"
            if suffixes is None
            else f"no files ending in {', '.join(suffixes)}"
        )
        raise _missing(name, f"{what} in this directory")
    return found


def _is_parquet_dataset(directory: Path) -> bool:
    from geostmt.model import RECORD_TYPES

    if any(directory.glob("*.parquet")):
        return True
    return directory.name in RECORD_TYPES and any(directory.rglob("*.parquet"))


def _parquet_below(root: Path) -> list[Path]:
    """The Parquet datasets under ``root`` (not ``root`` itself), sorted; hidden folders and
    the insides of a dataset are not searched."""
    datasets: list[Path] = []
    for folder, subfolders, _ in os.walk(root):
        keep = []
        for sub in sorted(subfolders):
            path = Path(folder, sub)
            if sub.startswith("."):
                continue
            if _is_parquet_dataset(path):
                datasets.append(path)
            else:
                keep.append(sub)
        subfolders[:] = keep
    return sorted(datasets)


_ID = re.compile(rb'"id"\s*:\s*"((?:[^"\\]|\\.){1,256})"')


def lines_with_ids(item: Input, wanted: set[str]) -> Iterator[tuple[str, int]]:
    """Each ``wanted`` id some JSON Lines line of ``item`` has, valid or not, with the line
    (numbered as :func:`geostmt.scan_jsonl` numbers them): how the dataset checks find an
    invalid record that a reference names. Only lines with an ``"id"`` key are decoded."""
    with item.open() as stream:
        for number, raw in numbered_lines(stream):
            if raw is None:  # an over-long line: not read
                continue
            match = _ID.search(raw)
            if match is None:
                continue
            try:
                ident = json.loads(b'"' + match[1] + b'"')
            except ValueError:
                continue
            if ident in wanted:
                yield _top_level_id(raw, ident), number


def _top_level_id(raw: bytes, found: str) -> str:
    """The record's own id if the line is a JSON object, else the ``found`` one."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return found
    ident = data.get("id") if isinstance(data, dict) else None
    return ident if isinstance(ident, str) else found


def records_at(
    item: Input, lines: set[int], *, converter: cattrs.Converter | None = None
) -> Iterator[tuple[int, Record]]:
    """The valid records at ``lines`` of ``item`` with their lines, read again, stopping after
    the last (nothing if the input cannot be read again). Of JSON Lines, only those lines are
    decoded; the others are counted."""
    if not lines:
        return
    last = max(lines)
    try:
        if item.kind == "jsonl" and item.path is not None:
            yield from _jsonl_records_at(item, lines, last, converter)
            return
        for line in item.scan(converter=converter):
            if line.number in lines and line.record is not None:
                yield line.number, line.record
            if line.number >= last:
                return
    except (OSError, ImportError, ValidationError, EOFError, zlib.error):
        return


def _jsonl_records_at(
    item: Input, lines: set[int], last: int, converter: cattrs.Converter | None
) -> Iterator[tuple[int, Record]]:
    """:func:`records_at` of a JSON Lines file: lines numbered as ``scan_jsonl`` numbers them
    (an over-long line is one line, not read), a byte-order mark at the start dropped."""
    with item.open() as stream:
        for number, raw in numbered_lines(stream):
            if raw is not None and number in lines:
                try:
                    record = loads(raw.rstrip(b"\r\n"), converter=converter)
                except ValidationError:
                    pass
                else:
                    yield number, record
            if number >= last:
                return
