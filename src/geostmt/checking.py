"""Checking inputs as one dataset without keeping their records (``geostmt validate``).

:func:`validate_inputs` reads every input one record at a time and keeps only what the dataset
checks need: each distinct id as a digest with its type and where it was read
(:class:`~geostmt.integrity.IdTable`), the references to ids not read yet as numbers, and the
problems, capped per file (:class:`~geostmt.integrity.ProblemStore`). What a message needs
beyond that (the fields two records with one id differ in, a reference's path) is read again
from the input at the end. :class:`Checker` does the work; ``geostmt.dataset.check_inputs``
runs it keeping each distinct record, to build a ``Dataset``.

A record whose id was read before is compared with the first: at once when the records are
kept; otherwise by a :func:`~geostmt.integrity.content_digest` of each, the first's made only
when its id comes again, from its line read again (a file without repeated ids pays nothing).
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

import attrs
import cattrs

from geostmt.errors import Problem, ValidationError
from geostmt.inputs import Input, lines_with_ids, records_at
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
from geostmt.model import RECORD_CLASSES, Record, references
from geostmt.partitions import spool_stdin
from geostmt.wire import Line

__all__ = ["Checker", "Report", "differences", "validate_inputs"]

Follow = Callable[[str, Iterator[Line]], Iterator[Line]]
"""What sees each input's lines as they are read: ``follow(name, lines)`` yields them on."""


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
    follow: Follow | None = None,
    report_unreadable: bool = False,
    max_problems: int | None = None,
) -> Report:
    """The checks of ``geostmt.dataset.check_inputs``, holding no record: each id's digest,
    type and origin, and the references not yet resolved, so memory grows by about 50 bytes a
    record (``geostmt validate`` on 1 GB of records stays under 500 MB). At most
    ``max_problems`` problems a file are kept (None: all), the rest counted; a record's own
    problems, those of its duplicates and of its references alike. Standard input is spooled
    to a temporary file (so that records can be read again: those whose ids come again, and
    those a message needs)."""
    checker = Checker(max_problems, keep=False)
    checker.run(inputs, converter=converter, follow=follow, report_unreadable=report_unreadable)
    distinct = None if checker.broken else len(checker.ids)
    return Report(checker.finished, checker.store.more, checker.records, distinct)


def differences(first: Record, second: Record) -> list[str]:
    """The fields in which two records with one id differ (``type`` if their classes do)."""
    if type(first) is not type(second):
        return ["type"]
    return [
        field.name
        for field in attrs.fields(type(first))
        if getattr(first, field.name) != getattr(second, field.name)
    ]


_LINE_PROBLEM, _DUPLICATE, _REFERENCE = range(3)


class _Duplicate(NamedTuple):
    """A record whose id an earlier, different record has: its message waits for the fields
    they differ in. ``later`` is the record itself, or None if it is to be read again from
    input ``order`` (it was compared by digest at the end)."""

    first: int  # the first record's index in the id table
    order: int
    later: Record | None


class _Reread(NamedTuple):
    """A reference problem found once every input was read: which of its record's references
    (read again for the text) and the type its id turned out to have (None: no record)."""

    position: int
    found: str | None
    order: int  # the input it is in


_NO_TARGET = 255
_NOT_READ_AGAIN = "a reference that does not resolve (its record could not be read again)"
_UNKNOWN = 0  # the content digest of a first record not made yet (a digest is never 0)
# repeated ids held (32 bytes each, and about 300 while their firsts are read again) before
# the first records of their ids are read again
_REPEATS_HELD = 1 << 16
_RESOLVED_HELD = 4096  # referenced ids whose type is remembered, at most


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


class _Repeats:
    """Records whose id was read before, waiting for the first's digest: the first's index,
    their own digest and place, as numbers (32 bytes each)."""

    __slots__ = ("contents", "firsts", "lines", "orders")

    def __init__(self) -> None:
        self.firsts, self.contents, self.lines = array("Q"), array("Q"), array("Q")
        self.orders = array("L")

    def __len__(self) -> int:
        return len(self.firsts)

    def add(self, first: int, content: int, order: int, line: int) -> None:
        """Keep one record: the index of its id's first record, its digest and its place."""
        self.firsts.append(first)
        self.contents.append(content)
        self.orders.append(order)
        self.lines.append(line)


def _referenced(record: Any) -> list[tuple[str | None, str]]:
    """Each reference ``record`` holds as (target type or None, id), in the order of
    :func:`~geostmt.integrity.ref_rows`, without making its path."""
    found: list[tuple[str | None, str]] = []
    for reference in references(type(record)):
        _collect(record, reference.steps, 0, reference.target, found)
    return found


def _collect(
    value: Any, steps: tuple[Any, ...], at: int, target: str | None, found: list[Any]
) -> None:
    spec = steps[at]
    held = getattr(value, spec.name)
    last = at + 1 == len(steps)
    for item in held if spec.many else (held,):
        if item is None:
            continue
        if last:
            found.append((target, item))
        else:
            _collect(item, steps, at + 1, target, found)


class Checker:
    """The dataset checks of one process over inputs read one record at a time; with
    ``keep``, each distinct record is kept too (``kept``, with its ``origins``), and a record
    whose id comes again is compared with the first as Python compares them."""

    def __init__(self, limit: int | None, *, keep: bool) -> None:
        self.ids = IdTable([cls.TYPE for cls in RECORD_CLASSES])
        self.key = self.ids.key()
        self.store = ProblemStore(limit)
        self.keep = keep
        self.kept: list[Record] = []
        self.origins: list[tuple[str, int]] = []
        self.inputs: list[Input] = []
        self.pending = _Pending()
        self.repeats = _Repeats()
        self._codes = {name: code for code, name in enumerate(self.ids.type_names)}
        self.spoiled: set[int] = set()  # inputs with an invalid line
        self.records = 0
        self.broken = False
        self.finished: list[Problem] = []
        self._entries: list[tuple[Problem, Any]] = []
        self._refs = 0
        self._converter: cattrs.Converter | None = None
        # the type of each id referenced lately and read before: most references name a few
        # ids (actors, sources) many times, and an id once read keeps its type
        self._resolved: dict[str, str] = {}

    def run(
        self,
        inputs: Iterable[Input],
        *,
        converter: cattrs.Converter | None,
        follow: Follow | None,
        report_unreadable: bool,
    ) -> None:
        """Read every input, then finish the checks that need all of them."""
        self._converter = converter
        with tempfile.TemporaryDirectory(prefix="geostmt-") as spool:
            for item in inputs:
                if item.path is None and item.kind == "jsonl":
                    (item,) = spool_stdin([item], spool)
                self._read(item, follow, report_unreadable)
            self._settle_repeats()
            self._resolve_pending()
            self._entries = self.store.entries()
            self._finish()

    def _read(self, item: Input, follow: Follow | None, report_unreadable: bool) -> None:
        order = len(self.inputs)
        self.inputs.append(item)
        lines: Iterator[Line] = item.scan(converter=self._converter)
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
        ids = self.ids
        first = ids.add(record.id, record.TYPE, order, line, _UNKNOWN)
        if first >= 0:
            self._repeat(record, first, order, name, line)
            return
        if self.keep:
            self.kept.append(record)
            self.origins.append((name, line))
        resolved = self._resolved
        for position, (target, ident) in enumerate(_referenced(record)):
            self._refs += 1
            kind = resolved.get(ident)
            if kind is None:
                high, low = ids.digest(ident)
                found = ids.find_digest(high, low)
                if found < 0:  # not read yet: kept as numbers until every input is read
                    code = _NO_TARGET if target is None else self._codes[target]
                    self.pending.add(high, low, code, order, line, self._refs, position)
                    continue
                kind = ids.kind(found)
                if len(resolved) >= _RESOLVED_HELD:
                    resolved.clear()
                resolved[ident] = kind
            if target is not None and kind != target:
                row = list(ref_rows(record, order, name, line))[position]
                self._reference(self._refs, row, kind)

    def _repeat(self, record: Record, first: int, order: int, name: str, line: int) -> None:
        """A record whose id was read before: equal to the first, it merges; else it is a
        duplicate. Without the records kept, the first's digest is made when first needed,
        from its line read again, for many repeated records at a time."""
        if self.keep:
            if self.kept[first] != record:
                self._duplicate(first, order, name, line, record)
            return
        content = content_digest(record, self.key) or 1
        known = self.ids.contents[first]
        if known == _UNKNOWN:
            self.repeats.add(first, content, order, line)
            if len(self.repeats) >= _REPEATS_HELD:
                self._settle_repeats()
        elif known != content:
            self._duplicate(first, order, name, line, record)

    def _duplicate(
        self, first: int, order: int, name: str, line: int, later: Record | None
    ) -> None:
        self.broken = True
        problem = Problem("id", "", line, name)
        extra = _Duplicate(first, order, later)
        self.store.add(problem, order=order, rank=_DUPLICATE, extra=extra)

    def _settle_repeats(self) -> None:
        """Compare the repeated records held with the first of their ids, whose digests are
        made now from their lines read again (and kept, for the repeats still to come)."""
        repeats, self.repeats = self.repeats, _Repeats()
        ids, contents = self.ids, self.ids.contents
        wanted: dict[int, set[int]] = {}
        for first in set(repeats.firsts):
            if contents[first] == _UNKNOWN:
                order, line = ids.origin(first)
                wanted.setdefault(order, set()).add(line or 0)
        digests = {
            at: content_digest(record, self.key) or 1
            for at, record in self._read_again(wanted).items()
        }
        for at, first in enumerate(repeats.firsts):
            known = contents[first]
            if known == _UNKNOWN:  # its line could not be read again: counts as different
                order, line = ids.origin(first)
                known = contents[first] = digests.get((order, line or 0), _UNKNOWN)
            if known != repeats.contents[at]:
                order = repeats.orders[at]
                self._duplicate(first, order, self.inputs[order].name, repeats.lines[at], None)

    def _read_again(self, wanted: dict[int, set[int]]) -> dict[tuple[int, int], Record]:
        """The valid records at the ``wanted`` lines of each input (by position), read again."""
        return {
            (order, line): record
            for order, lines in wanted.items()
            for line, record in records_at(self.inputs[order], lines, converter=self._converter)
        }

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
            extra = _Reread(pending.indexes[at], found_type, order)
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

    def _finish(self) -> None:
        """Complete the messages that need a second look: how duplicates differ (reading the
        records again unless they are kept), and which unresolved ids an invalid line has."""
        wanted: dict[int, set[int]] = {}
        for problem, extra in self._entries:
            if isinstance(extra, _Duplicate):
                if not self.keep:
                    order, line = self.ids.origin(extra.first)
                    wanted.setdefault(order, set()).add(line or 0)
                if extra.later is None:
                    wanted.setdefault(extra.order, set()).add(problem.line or 0)
            elif isinstance(extra, _Reread):
                wanted.setdefault(extra.order, set()).add(problem.line or 0)
        again = self._read_again(wanted)
        entries = [self._reread(problem, extra, again) for problem, extra in self._entries]
        missing = {extra for _, extra in entries if isinstance(extra, str)}
        invalid = self._invalid_ids(missing) if missing else {}
        finished = []
        for problem, extra in entries:
            if isinstance(extra, _Duplicate):
                message = self._duplicate_message(problem, extra, again)
                problem = clip(problem._replace(message=message))
            elif isinstance(extra, str) and extra in invalid:
                message = (
                    f"{problem.message}; the record with that id, at {invalid[extra]}, is invalid"
                )
                problem = clip(problem._replace(message=message))
            finished.append(problem)
        self.finished = finished

    def _duplicate_message(
        self, problem: Problem, extra: _Duplicate, again: dict[tuple[int, int], Record]
    ) -> str:
        order, line = self.ids.origin(extra.first)
        first = self.kept[extra.first] if self.keep else again.get((order, line or 0))
        later = extra.later or again.get((extra.order, problem.line or 0))
        if first is None:
            found = ["(the first record could not be read again)"]
        elif later is None:
            found = ["(this record could not be read again)"]
        else:
            found = differences(first, later)
        ident = first.id if first is not None else later.id if later is not None else "?"
        return duplicate_message(ident, where(self.inputs[order].name, line), found)

    def _reread(
        self, problem: Problem, extra: Any, again: dict[tuple[int, int], Record]
    ) -> tuple[Problem, Any]:
        """A reference problem found at the end, its text made from the record read again."""
        if not isinstance(extra, _Reread):
            return problem, extra
        order = extra.order
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
