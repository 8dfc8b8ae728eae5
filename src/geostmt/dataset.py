"""A set of records with unique ids whose references all resolve to records of the right type.

Records repeated with the same id and equal content are one record (two articles' files both
define ``ukraine``); the same id with different content is a problem naming both places.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import attrs
import cattrs

from geostmt.errors import Problem, ValidationError, join_path, shown
from geostmt.inputs import Input, expand, lines_with_ids, records_at
from geostmt.integrity import (
    IdTable,
    ProblemStore,
    RefRow,
    clip,
    content_digest,
    duplicate_message,
    ref_rows,
    reference_message,
    where,
)
from geostmt.model import (
    RECORD_CLASSES,
    Actor,
    AidPackage,
    Deployment,
    Event,
    Record,
    Source,
    Statement,
    references,
)
from geostmt.partitions import spool_stdin
from geostmt.wire import Line, write_jsonl

__all__ = ["Dataset", "Origin", "Report", "check_inputs", "check_jsonl", "validate_inputs"]

R = TypeVar("R")


class Origin(NamedTuple):
    """Where a record was read from."""

    file: str | None
    line: int | None


_NOWHERE = Origin(None, None)


def _is_record(value: object) -> bool:
    """A record: an attrs class with a ``TYPE`` tag and a text ``id`` (the six, or derived)."""
    cls = type(value)
    return (
        attrs.has(cls)
        and isinstance(getattr(cls, "TYPE", None), str)
        and (isinstance(getattr(value, "id", None), str))
    )


class Dataset:
    """Records by id, checked on construction: unique ids and resolving references.

    ``Dataset(records)`` keeps a record repeated with the same id and equal content once, and
    raises :class:`~geostmt.ValidationError` listing every id used for different records and
    every dangling or mistyped reference, each naming the record, the field, the id and where
    it was read (``a.jsonl:5``; a duplicate given in memory is named by its index and that of
    the first: ``[3].id: duplicate id 'b', first used at index 1; differs in: name``).
    """

    __slots__ = ("_by_id", "_origins")

    @classmethod
    def _trusted(cls, records: list[Record], origins: list[Origin]) -> Dataset:
        """A dataset of records already checked together (distinct ids, references resolved)."""
        dataset = cls.__new__(cls)
        dataset._by_id = {record.id: record for record in records}
        dataset._origins = {
            record.id: origin for record, origin in zip(records, origins, strict=True)
        }
        return dataset

    def __init__(
        self, records: Iterable[Record] = (), *, origins: Iterable[Origin] | None = None
    ) -> None:
        self._by_id: dict[str, Record] = {}
        self._origins: dict[str, Origin] = {}
        indexes: dict[str, int] = {}  # where records without an origin came first
        problems: list[Problem] = []
        origin_list = iter(origins) if origins is not None else None
        for index, record in enumerate(records):
            if not _is_record(record):
                raise TypeError(f"item {index} is not a geostmt record: {shown(record)}")
            origin = next(origin_list, _NOWHERE) if origin_list else _NOWHERE
            first = self._by_id.get(record.id)
            if first is not None:
                if first != record:
                    kept = self._origins[record.id]
                    place = where(kept.file, kept.line, indexes.get(record.id))
                    message = duplicate_message(record.id, place, _differences(first, record))
                    # a record given in memory is named by its index: [3].id
                    path = "id" if origin != _NOWHERE else join_path(index, "id")
                    problems.append(_at(origin, path, message))
                continue
            self._by_id[record.id] = record
            self._origins[record.id] = origin
            if origin == _NOWHERE:
                indexes[record.id] = index
        problems.extend(self._reference_problems())
        if problems:
            raise ValidationError(problems)

    @classmethod
    def merge(cls, *datasets: Dataset) -> Dataset:
        """One dataset holding the records of all ``datasets``, each remembering its origin.

        A record in several of them with equal content is kept once (the first); the same id
        with different content raises ValidationError naming both places.
        """
        for index, dataset in enumerate(datasets):
            if not isinstance(dataset, Dataset):
                raise TypeError(f"argument {index} is not a Dataset: {shown(dataset)}")
        records = [record for dataset in datasets for record in dataset]
        origins = [dataset._origins[record.id] for dataset in datasets for record in dataset]
        return cls(records, origins=origins)

    @classmethod
    def read(
        cls, *inputs: str | os.PathLike[str], converter: cattrs.Converter | None = None
    ) -> Dataset:
        """A dataset from files, directories, globs, Parquet datasets or ``-`` (standard input),
        as :func:`geostmt.inputs.expand` finds them; every problem in all of them at once."""
        dataset, problems = check_inputs(expand(inputs), converter=converter)
        if dataset is None or problems:
            raise ValidationError(problems)
        return dataset

    @classmethod
    def read_jsonl(
        cls, *sources: str | os.PathLike[str], converter: cattrs.Converter | None = None
    ) -> Dataset:
        """A dataset from one or more JSON Lines files; every problem in all of them at once."""
        dataset, problems = check_jsonl(sources, converter=converter)
        if dataset is None or problems:
            raise ValidationError(problems)
        return dataset

    def write_jsonl(
        self, path: str | os.PathLike[str], *, converter: cattrs.Converter | None = None
    ) -> int:
        """Write every record, in insertion order, atomically; returns the count."""
        return write_jsonl(path, self._by_id.values(), converter=converter)

    def _reference_problems(self) -> Iterator[Problem]:
        for record in self._by_id.values():
            origin = self._origins[record.id]
            for row in ref_rows(record, 0, origin.file, origin.line):
                found = self._by_id.get(row.ref)
                message = reference_message(row, None if found is None else found.TYPE)
                if message is not None:
                    yield _at(origin, row.path, message)

    def __getitem__(self, ident: str) -> Record:
        return self._by_id[ident]

    def get(self, ident: str) -> Record | None:
        """The record with id ``ident``, or None."""
        return self._by_id.get(ident)

    def __contains__(self, ident: object) -> bool:
        return ident in self._by_id

    def __iter__(self) -> Iterator[Record]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"<Dataset of {len(self)} records>"

    def origin(self, ident: str) -> Origin:
        """The file and line the record ``ident`` was read from (both None if built in memory)."""
        return self._origins[ident]

    def of_type(self, cls: type[R]) -> list[R]:
        """Every record of class ``cls``, in insertion order."""
        return [r for r in self._by_id.values() if type(r) is cls]

    @property
    def actors(self) -> list[Actor]:
        """Every :class:`~geostmt.Actor`."""
        return self.of_type(Actor)

    @property
    def sources(self) -> list[Source]:
        """Every :class:`~geostmt.Source`."""
        return self.of_type(Source)

    @property
    def statements(self) -> list[Statement]:
        """Every :class:`~geostmt.Statement`."""
        return self.of_type(Statement)

    @property
    def deployments(self) -> list[Deployment]:
        """Every :class:`~geostmt.Deployment`."""
        return self.of_type(Deployment)

    @property
    def aid_packages(self) -> list[AidPackage]:
        """Every :class:`~geostmt.AidPackage`."""
        return self.of_type(AidPackage)

    @property
    def events(self) -> list[Event]:
        """Every :class:`~geostmt.Event`."""
        return self.of_type(Event)

    def statements_by(self, speaker: str | Actor) -> list[Statement]:
        """The statements whose speaker is ``speaker`` (an actor or its id)."""
        ident = speaker.id if isinstance(speaker, Actor) else speaker
        return [s for s in self.statements if s.speaker == ident]

    def referring_to(self, target: str | Record) -> list[Record]:
        """Every record with any reference field pointing at ``target``."""
        ident = target if isinstance(target, str) else target.id
        return [
            record
            for record in self._by_id.values()
            if any(
                value == ident
                for reference in references(type(record))
                for _, value in reference.find(record)
            )
        ]


def _at(origin: Origin, path: str, message: str) -> Problem:
    return Problem(path, message, origin.line, origin.file)


def _differences(first: Record, second: Record) -> list[str]:
    """The fields in which two records with one id differ (``type`` if their classes do)."""
    if type(first) is not type(second):
        return ["type"]
    return [
        field.name
        for field in attrs.fields(type(first))
        if getattr(first, field.name) != getattr(second, field.name)
    ]


def check_jsonl(
    sources: Iterable[str | os.PathLike[str]],
    *,
    converter: cattrs.Converter | None = None,
    follow: Callable[[str, Iterator[Line]], Iterator[Line]] | None = None,
    report_unreadable: bool = False,
) -> tuple[Dataset | None, list[Problem]]:
    """:func:`check_inputs` on JSON Lines files (plain or gzip), each named by its path."""
    inputs = (Input(os.fspath(source), "jsonl", Path(source)) for source in sources)
    return check_inputs(
        inputs, converter=converter, follow=follow, report_unreadable=report_unreadable
    )


def check_inputs(
    inputs: Iterable[Input],
    *,
    converter: cattrs.Converter | None = None,
    follow: Callable[[str, Iterator[Line]], Iterator[Line]] | None = None,
    report_unreadable: bool = False,
) -> tuple[Dataset | None, list[Problem]]:
    """Read every input, then check them together as one dataset (see :class:`Dataset` for
    how repeated records merge).

    Returns the dataset (None when its ids or references are broken) and every problem found:
    each line's own, then the dataset's, each naming its file and line. A problem that spoils
    a whole input (a ``.gz`` name on plain text) is one of them. ``follow`` sees each input's
    lines as they are read (the CLI counts them); with ``report_unreadable`` an input that
    cannot be opened, or a Parquet input without pyarrow, is a problem instead of an
    ``OSError`` or ``ImportError``.
    """
    checker = _Checker(None, keep=True)
    checker.run(inputs, converter=converter, follow=follow, report_unreadable=report_unreadable)
    if checker.broken:
        return None, checker.finished
    return Dataset._trusted(checker.kept, checker.origins), checker.finished


class Report(NamedTuple):
    """What :func:`validate_inputs` found: the ``problems`` kept (each file's first, in
    reading order), how many ``more`` each file had, the valid ``records`` read and the
    ``distinct`` ids among them (None when ids or references are broken)."""

    problems: list[Problem]
    more: dict[str | None, int]
    records: int
    distinct: int | None


def validate_inputs(
    inputs: Iterable[Input],
    *,
    converter: cattrs.Converter | None = None,
    follow: Callable[[str, Iterator[Line]], Iterator[Line]] | None = None,
    report_unreadable: bool = False,
    max_problems: int | None = None,
) -> Report:
    """The checks of :func:`check_inputs`, holding no record: each id's digest, type and
    origin, and the references not yet resolved, so memory grows by about 50 bytes a record
    (``geostmt validate`` on 1 GB of records stays under 500 MB). At most ``max_problems``
    problems a file are kept (None: all), the rest counted; a record's own problems, those of
    its duplicates and of its references alike. Standard input is spooled to a temporary file
    (so the records of a duplicate can be read again to say how they differ)."""
    checker = _Checker(max_problems, keep=False)
    checker.run(inputs, converter=converter, follow=follow, report_unreadable=report_unreadable)
    distinct = None if checker.broken else len(checker.ids)
    return Report(checker.finished, checker.store.more, checker.records, distinct)


_LINE_PROBLEM, _DUPLICATE, _REFERENCE = range(3)


class _Duplicate(NamedTuple):
    """A record whose id an earlier, different record of its type has: its message waits for
    the fields they differ in."""

    ident: str
    first: int  # its index in the id table
    later: Record


class _Reread(NamedTuple):
    """A reference problem found once every input was read: which of its record's references
    (read again for the text) and the type its id turned out to have (None: no record)."""

    position: int
    found: str | None


_NO_TARGET = 255
_NOT_READ_AGAIN = "a reference that does not resolve (its record could not be read again)"


class _Pending:
    """References to ids not read yet, as numbers: about 40 bytes each, not a row of text."""

    __slots__ = ("highs", "indexes", "lines", "lows", "orders", "seqs", "targets")

    def __init__(self) -> None:
        self.highs, self.lows, self.lines, self.seqs = (array("Q") for _ in range(4))
        self.orders, self.indexes = array("L"), array("L")
        self.targets = bytearray()

    def add(
        self, high: int, low: int, target: int, order: int, line: int, seq: int, index: int
    ) -> None:
        """Keep one reference: its id's digest, target type, record's place, order and index."""
        self.highs.append(high)
        self.lows.append(low)
        self.targets.append(target)
        self.orders.append(order)
        self.lines.append(line)
        self.seqs.append(seq)
        self.indexes.append(index)


class _Checker:
    """The dataset checks of one process over inputs read one record at a time."""

    def __init__(self, limit: int | None, *, keep: bool) -> None:
        self.ids = IdTable([cls.TYPE for cls in RECORD_CLASSES])
        self.key = self.ids.key()
        self.store = ProblemStore(limit)
        self.keep = keep
        self.kept: list[Record] = []
        self.origins: list[Origin] = []
        self.inputs: list[Input] = []
        self.pending = _Pending()
        self._codes = {name: code for code, name in enumerate(self.ids.type_names)}
        self.spoiled: set[int] = set()  # inputs with an invalid line
        self.records = 0
        self.broken = False
        self.finished: list[Problem] = []
        self._entries: list[tuple[Problem, Any]] = []
        self._refs = 0
        self._orders: dict[str, int] = {}  # each input's position, by name

    def run(
        self,
        inputs: Iterable[Input],
        *,
        converter: cattrs.Converter | None,
        follow: Callable[[str, Iterator[Line]], Iterator[Line]] | None,
        report_unreadable: bool,
    ) -> None:
        with tempfile.TemporaryDirectory(prefix="geostmt-") as spool:
            for item in inputs:
                if item.path is None and item.kind == "jsonl":
                    (item,) = spool_stdin([item], spool)
                self._read(item, converter, follow, report_unreadable)
            self._resolve_pending()
            self._entries = self.store.entries()
            self._finish(converter)

    def _read(
        self,
        item: Input,
        converter: cattrs.Converter | None,
        follow: Callable[[str, Iterator[Line]], Iterator[Line]] | None,
        report_unreadable: bool,
    ) -> None:
        order = len(self.inputs)
        self.inputs.append(item)
        self._orders.setdefault(item.name, order)
        lines: Iterator[Line] = item.scan(converter=converter)
        try:
            for line in follow(item.name, lines) if follow else lines:
                if line.record is None:
                    self.spoiled.add(order)
                    for problem in line.problems:
                        self.store.add(problem, order=order, rank=_LINE_PROBLEM)
                else:
                    self._record(line.record, order, item.name, line.number)
        except ValidationError as error:
            for problem in error.problems:
                self.store.add(problem, order=order)
        except (OSError, ImportError) as error:
            if not report_unreadable:
                raise
            if isinstance(error, OSError):
                message = f"cannot read: {error.strerror or error}"
                self.store.add(Problem("", message, None, item.name), order=order)
            else:
                self.store.add(Problem("", str(error), None, None), order=order)

    def _record(self, record: Record, order: int, name: str, line: int) -> None:
        self.records += 1
        content = content_digest(record, self.key)
        first = self.ids.add(record.id, record.TYPE, order, line, content)
        if first >= 0:
            if self.ids.contents[first] != content:
                self.broken = True
                problem = Problem("id", "", line, name)
                self.store.add(problem, order=order, rank=_DUPLICATE,
                               extra=_Duplicate(record.id, first, record))  # fmt: skip
            return
        if self.keep:
            self.kept.append(record)
            self.origins.append(Origin(name, line))
        for index, row in enumerate(ref_rows(record, order, name, line)):
            self._refs += 1
            high, low = self.ids.digest(row.ref)
            found = self.ids.find_digest(high, low)
            if found < 0:  # not read yet: kept as numbers until every input is read
                target = _NO_TARGET if row.target is None else self._codes[row.target]
                self.pending.add(high, low, target, order, line, self._refs, index)
            else:
                self._reference(self._refs, row, self.ids.kind(found))

    def _resolve_pending(self) -> None:
        """The references to ids not read when they were: those that still do not resolve,
        or resolve to the wrong type, are problems whose text waits for a second look."""
        pending, names = self.pending, self.ids.type_names
        for at in range(len(pending.seqs)):
            found = self.ids.find_digest(pending.highs[at], pending.lows[at])
            found_type = None if found < 0 else self.ids.kind(found)
            target = pending.targets[at]
            if found_type is not None and (target == _NO_TARGET or names[target] == found_type):
                continue
            self.broken = True
            order, line = pending.orders[at], pending.lines[at]
            problem = Problem("", "", line, self.inputs[order].name)
            extra = _Reread(pending.indexes[at], found_type)
            self.store.add(problem, order=order, rank=_REFERENCE, extra=extra,
                           seq=pending.seqs[at])  # fmt: skip
        self.pending = _Pending()

    def _reference(self, seq: int, row: RefRow, found_type: str | None) -> None:
        message = reference_message(row, found_type)
        if message is not None:
            self.broken = True
            problem = Problem(row.path, message, row.line, row.file)
            extra = row.ref if found_type is None else None
            self.store.add(problem, order=row.order, rank=_REFERENCE, extra=extra, seq=seq)

    def _finish(self, converter: cattrs.Converter | None) -> None:
        """Complete the messages that need a second look: how duplicates differ (reading the
        first record again unless it is kept), and which unresolved ids an invalid line has."""
        wanted: dict[int, set[int]] = {}
        for problem, extra in self._entries:
            if isinstance(extra, _Duplicate) and not self.keep:
                order, line = self.ids.origin(extra.first)
                wanted.setdefault(order, set()).add(line or 0)
            elif isinstance(extra, _Reread):
                order = self._orders[problem.file or ""]
                wanted.setdefault(order, set()).add(problem.line or 0)
        again = {
            (order, line): record
            for order, lines in wanted.items()
            for line, record in records_at(self.inputs[order], lines, converter=converter)
        }
        entries = [self._reread(problem, extra, again) for problem, extra in self._entries]
        missing = {extra for _, extra in entries if isinstance(extra, str)}
        invalid = self._invalid_ids(missing) if missing else {}
        finished = []
        for problem, extra in entries:
            if isinstance(extra, _Duplicate):
                order, line = self.ids.origin(extra.first)
                first = self.kept[extra.first] if self.keep else again.get((order, line or 0))
                place = where(self.inputs[order].name, line)
                if first is None:
                    differences = ["(the first record could not be read again)"]
                else:
                    differences = _differences(first, extra.later)
                message = duplicate_message(extra.ident, place, differences)
                problem = clip(problem._replace(message=message))
            elif isinstance(extra, str) and extra in invalid:
                message = (
                    f"{problem.message}; the record with that id, at {invalid[extra]}, is invalid"
                )
                problem = clip(problem._replace(message=message))
            finished.append(problem)
        self.finished = finished

    def _reread(
        self, problem: Problem, extra: Any, again: dict[tuple[int, int], Record]
    ) -> tuple[Problem, Any]:
        """A reference problem found at the end, its text made from the record read again."""
        if not isinstance(extra, _Reread):
            return problem, extra
        order = self._orders[problem.file or ""]
        record = again.get((order, problem.line or 0))
        if record is None:
            return problem._replace(message=_NOT_READ_AGAIN), None
        rows = list(ref_rows(record, order, problem.file, problem.line))
        row = rows[extra.position]
        message = reference_message(row, extra.found) or _NOT_READ_AGAIN
        problem = clip(problem._replace(path=row.path, message=message))
        return problem, row.ref if extra.found is None else None

    def _invalid_ids(self, wanted: set[str]) -> dict[str, str]:
        """Where the first invalid line with each of the ``wanted`` ids is (JSON Lines only)."""
        found: dict[str, str] = {}
        for order in sorted(self.spoiled):
            item = self.inputs[order]
            if item.kind != "jsonl" or item.path is None:
                continue
            try:
                for ident, line in lines_with_ids(item, wanted):
                    found.setdefault(ident, f"{item.name}:{line}")
            except (OSError, ValidationError):
                continue
        return found
