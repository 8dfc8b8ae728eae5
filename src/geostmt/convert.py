"""Whole-file conversion between the field's formats and geostmt JSON Lines (the CLI's
``geostmt import`` and ``geostmt export``), counting every row: nothing is dropped silently."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from geostmt.errors import Problem
from geostmt.model import Record

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "ExportSummary",
    "ImportSummary",
    "export_file",
    "import_files",
]

IMPORT_FORMATS = ("gdelt", "acled", "plover")
"""The formats ``import_files`` reads."""
EXPORT_FORMATS = ("acled", "plover")
"""The formats ``export_file`` writes."""


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
    rows are reported with file, line and column. ``follow(file, rows)`` sees progress."""
    from geostmt.wire import write_jsonl

    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of: {', '.join(IMPORT_FORMATS)}")
    reader = _module(fmt)
    problems: list[Problem] = []
    counts = {"rows": 0, "records": 0, "refused": 0}
    seen: set[str] = set()

    def records() -> Iterator[Record]:
        for source in inputs:
            name = os.fspath(source)
            for row in reader.scan(source):
                counts["rows"] += 1
                if follow is not None:
                    follow(name, counts["rows"])
                if row.problems:
                    counts["refused"] += 1
                    problems.extend(p._replace(file=name, line=row.number) for p in row.problems)
                    continue
                for record in row.records:
                    if record.id not in seen:
                        seen.add(record.id)
                        counts["records"] += 1
                        yield record

    write_jsonl(output, records())
    return ImportSummary(counts["rows"], counts["records"], counts["refused"], problems)


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
