"""A set of records with unique ids whose references all resolve to records of the right type.

Records repeated with the same id and equal content are one record (two articles' files both
define ``ukraine``); the same id with different content is a problem naming both places.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple, TypeVar

import attrs
import cattrs

from geostmt.errors import Problem, ValidationError
from geostmt.inputs import Input, expand
from geostmt.integrity import duplicate_message, ref_rows, reference_message, where
from geostmt.model import (
    Actor,
    AidPackage,
    Deployment,
    Event,
    Record,
    Source,
    Statement,
    references,
)
from geostmt.wire import Line, write_jsonl

__all__ = ["Dataset", "Origin", "check_inputs", "check_jsonl"]

R = TypeVar("R")


class Origin(NamedTuple):
    """Where a record was read from."""

    file: str | None
    line: int | None


_NOWHERE = Origin(None, None)


class Dataset:
    """Records by id, checked on construction: unique ids and resolving references.

    ``Dataset(records)`` keeps a record repeated with the same id and equal content once, and
    raises :class:`~geostmt.ValidationError` listing every id used for different records and
    every dangling or mistyped reference, each naming the record, the field, the id and where
    it was read (``a.jsonl:5``; for records given in memory, their index).
    """

    __slots__ = ("_by_id", "_origins")

    def __init__(
        self, records: Iterable[Record] = (), *, origins: Iterable[Origin] | None = None
    ) -> None:
        self._by_id: dict[str, Record] = {}
        self._origins: dict[str, Origin] = {}
        indexes: dict[str, int] = {}  # where records without an origin came first
        problems: list[Problem] = []
        origin_list = iter(origins) if origins is not None else None
        for index, record in enumerate(records):
            origin = next(origin_list, _NOWHERE) if origin_list else _NOWHERE
            first = self._by_id.get(record.id)
            if first is not None:
                if first != record:
                    kept = self._origins[record.id]
                    place = where(kept.file, kept.line, indexes.get(record.id))
                    message = duplicate_message(record.id, place, _differences(first, record))
                    problems.append(_at(origin, "id", message))
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
    records: list[Record] = []
    origins: list[Origin] = []
    problems: list[Problem] = []
    for item in inputs:
        lines: Iterator[Line] = item.scan(converter=converter)
        try:
            for line in follow(item.name, lines) if follow else lines:
                if line.record is None:
                    problems.extend(line.problems)
                else:
                    records.append(line.record)
                    origins.append(Origin(item.name, line.number))
        except ValidationError as error:
            problems.extend(error.problems)
        except (OSError, ImportError) as error:
            if not report_unreadable:
                raise
            if isinstance(error, OSError):
                message = f"cannot read: {error.strerror or error}"
                problems.append(Problem("", message, None, item.name))
            else:
                problems.append(Problem("", str(error), None, None))
    try:
        return Dataset(records, origins=origins), problems
    except ValidationError as error:
        return None, [*problems, *error.problems]
