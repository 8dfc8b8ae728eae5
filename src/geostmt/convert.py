"""Whole-file conversion between the field's formats and geostmt JSON Lines (the CLI's
``geostmt import`` and ``geostmt export``), counting every row: nothing is dropped silently."""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from geostmt.errors import Problem, ValidationError
from geostmt.model import Record

if TYPE_CHECKING:
    from geostmt.inputs import Input

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "IMPORT_SUFFIXES",
    "ExportSummary",
    "ImportSummary",
    "convert_dataset",
    "export_file",
    "import_files",
]

IMPORT_FORMATS = ("gdelt", "acled", "plover")
"""The formats ``import_files`` reads."""
EXPORT_FORMATS = ("acled", "plover")
"""The formats ``export_file`` writes."""
IMPORT_SUFFIXES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"gdelt": (".csv", ".zip"), "acled": (".csv",), "plover": (".jsonl", ".json")}
)
"""The files a directory given to ``import_files`` contributes, by format (``.gz`` too)."""


class ImportSummary(NamedTuple):
    """What an import did: rows read, records written, and each refused row's problems."""

    rows: int
    records: int
    refused: int
    problems: list[Problem]


class ExportSummary(NamedTuple):
    """What an export did: the rows written and each record left out, with why."""

    written: int
    skipped: list[tuple[str, str]]


def _module(name: str) -> Any:
    return importlib.import_module(f"geostmt.interop.{name}")


def import_files(
    fmt: str,
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    follow: Callable[[str, int], None] | None = None,
) -> ImportSummary:
    """Read every row of ``inputs`` in ``fmt`` and write the records they make to ``output``
    (JSON Lines, atomically). Each actor and source is written once across all inputs; refused
    rows are reported with file, line and column. ``follow(file, rows)`` sees progress.

    ``inputs`` are expanded by :func:`geostmt.inputs.expand`: files (gzip read transparently),
    directories (their files ending in :data:`IMPORT_SUFFIXES`), globs and ``-`` (standard
    input); one missing or matching nothing raises ValidationError before anything is read.
    A problem spoiling a whole input (a broken zip or gzip) is reported and the rest still read.
    """
    from geostmt.inputs import expand
    from geostmt.wire import write_jsonl

    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of: {', '.join(IMPORT_FORMATS)}")
    reader = _module(fmt)
    found = expand(inputs, suffixes=IMPORT_SUFFIXES[fmt])
    problems: list[Problem] = []
    counts = {"rows": 0, "records": 0, "refused": 0}
    seen: set[str] = set()

    def records() -> Iterator[Record]:
        for item in found:
            with ExitStack() as stack:
                try:
                    for row in reader.scan(_source(item, fmt, stack)):
                        counts["rows"] += 1
                        if follow is not None:
                            follow(item.name, counts["rows"])
                        if row.problems:
                            counts["refused"] += 1
                            problems.extend(
                                p._replace(file=item.name, line=row.number) for p in row.problems
                            )
                            continue
                        for record in row.records:
                            if record.id not in seen:
                                seen.add(record.id)
                                counts["records"] += 1
                                yield record
                except ValidationError as error:
                    problems.extend(p._replace(file=item.name) for p in error.problems)

    write_jsonl(output, records())
    return ImportSummary(counts["rows"], counts["records"], counts["refused"], problems)


def _source(item: Input, fmt: str, stack: ExitStack) -> Any:
    """What the reader of ``fmt`` is given for ``item``: its path when it is a plain file (so
    GDELT's zip archives open as such), else its bytes unzipped (text for ACLED and PLOVER)."""
    from geostmt.wire.jsonl import GZIP_MAGIC

    if item.path is not None and not item.name.lower().endswith(".gz"):
        with open(item.path, "rb") as probe:
            if probe.read(len(GZIP_MAGIC)) != GZIP_MAGIC:
                return item.path
    stream = stack.enter_context(item.open())
    if fmt == "gdelt":
        return stream
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    stack.callback(text.detach)  # leave the stream to its owner (it may be standard input)
    return text


def convert_dataset(dataset: Iterable[Record], output: str | os.PathLike[str]) -> int:
    """Write a validated dataset to ``output``: JSON Lines where it ends in ``.jsonl`` (gzip
    where ``.jsonl.gz``), else a Parquet directory (one dataset per record type, replaced
    whole). Returns the records written."""
    name = os.fspath(output)
    if name.endswith(".jsonl.gz"):
        import gzip

        from geostmt.wire import dumps
        from geostmt.wire.files import atomic_binary

        count = 0
        with atomic_binary(name) as raw, gzip.GzipFile(fileobj=raw, mode="wb") as stream:
            for record in dataset:
                stream.write(dumps(record).encode("utf-8") + b"\n")
                count += 1
        return count
    if name.endswith(".jsonl"):
        from geostmt.wire import write_jsonl

        return write_jsonl(name, dataset)
    from geostmt.table import write_parquet

    return sum(write_parquet(dataset, name, overwrite=True).values())


def export_file(
    fmt: str, records: Iterable[Record], output: str | os.PathLike[str]
) -> ExportSummary:
    """Write ``records`` to ``output`` in ``fmt``; what cannot be written is listed, with why."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of: {', '.join(EXPORT_FORMATS)}")
    writer = _module(fmt)
    if fmt == "acled":
        skipped: list[Any] = []
        written = writer.write(records, output, skipped=skipped)
        return ExportSummary(written, [(s.id, s.reason) for s in skipped])
    summary = writer.write(records, output)
    return ExportSummary(summary.written, list(summary.skipped))
