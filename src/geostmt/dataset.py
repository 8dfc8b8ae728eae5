"""A set of records with unique ids whose references all resolve to records of the right type.

Records repeated with the same id and equal content are one record (two articles' files both
define ``ukraine``); the same id with different content is a problem naming both places.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

import attrs
import cattrs

from geostmt.checking import Checker, Follow, Report, differences, validate_inputs
from geostmt.errors import Problem, ValidationError, join_path, shown
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
from geostmt.wire import write_jsonl
from geostmt.wire.collector import gc_paused

# Report and validate_inputs live in geostmt.checking (reading without keeping records) and
# are named here too, where they were first.
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
    def _trusted(
        cls, records: list[Record], origins: Sequence[tuple[str | None, int | None]]
    ) -> Dataset:
        """A dataset of records already checked together (distinct ids, references resolved),
        each with the file and line it was read from."""
        dataset = cls.__new__(cls)
        dataset._by_id = {record.id: record for record in records}
        dataset._origins = {
            record.id: Origin(*origin) for record, origin in zip(records, origins, strict=True)
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
                    message = duplicate_message(record.id, place, differences(first, record))
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


def check_jsonl(
    sources: Iterable[str | os.PathLike[str]],
    *,
    converter: cattrs.Converter | None = None,
    follow: Follow | None = None,
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
    follow: Follow | None = None,
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
    checker = Checker(None, keep=True)
    with gc_paused():  # every record is kept: collections while loading would find nothing
        checker.run(inputs, converter=converter, follow=follow, report_unreadable=report_unreadable)
        if checker.broken:
            return None, checker.finished
        return Dataset._trusted(checker.kept, checker.origins), checker.finished
