"""A set of records with unique ids whose references all resolve to records of the right type."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, TypeVar

import cattrs

from geostmt.errors import Problem, ValidationError
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
from geostmt.wire import Line, scan_jsonl, write_jsonl

__all__ = ["Dataset", "Origin", "check_jsonl"]

R = TypeVar("R")


class Origin(NamedTuple):
    """Where a record was read from."""

    file: str | None
    line: int | None


class Dataset:
    """Records by id, checked on construction: unique ids and resolving references.

    ``Dataset(records)`` raises :class:`~geostmt.ValidationError` listing every duplicate id and
    every dangling or mistyped reference, each naming the record, the field and the id.
    """

    __slots__ = ("_by_id", "_origins")

    def __init__(
        self, records: Iterable[Record] = (), *, origins: Iterable[Origin] | None = None
    ) -> None:
        self._by_id: dict[str, Record] = {}
        self._origins: dict[str, Origin] = {}
        problems: list[Problem] = []
        origin_list = iter(origins) if origins is not None else None
        for record in records:
            origin = next(origin_list, Origin(None, None)) if origin_list else Origin(None, None)
            if record.id in self._by_id:
                first = self._origins[record.id]
                where = f" (line {first.line})" if first.line is not None else ""
                problems.append(_at(origin, "id", f"duplicate id {record.id!r}, first used{where}"))
                continue
            self._by_id[record.id] = record
            self._origins[record.id] = origin
        problems.extend(self._reference_problems())
        if problems:
            raise ValidationError(problems)

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
            for reference in references(type(record)):
                target = reference.target
                for path, ident in reference.find(record):
                    found = self._by_id.get(ident)
                    message = None
                    if found is None:
                        message = f"no {target or 'record'} has id {ident!r}"
                    elif target is not None and target != found.TYPE:
                        message = f"{ident!r} is a {found.TYPE}, not a {target}"
                    if message is not None:
                        yield _at(
                            self._origins[record.id],
                            path,
                            f"{message} (in {record.TYPE} {record.id!r})",
                        )

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
    follow: Callable[[str, Iterator[Line]], Iterator[Line]] | None = None,
    report_unreadable: bool = False,
) -> tuple[Dataset | None, list[Problem]]:
    """Read every file, then check them together as one dataset.

    Returns the dataset (None when its ids or references are broken) and every problem found:
    each line's own, then the dataset's. ``follow`` sees each file's lines as they are read
    (the CLI counts them); with ``report_unreadable`` a file that cannot be opened is a problem
    instead of an ``OSError``.
    """
    records: list[Record] = []
    origins: list[Origin] = []
    problems: list[Problem] = []
    for source in sources:
        name = os.fspath(source)
        lines: Iterator[Line] = scan_jsonl(source, converter=converter)
        try:
            for line in follow(name, lines) if follow else lines:
                if line.record is None:
                    problems.extend(p._replace(file=name) for p in line.problems)
                else:
                    records.append(line.record)
                    origins.append(Origin(name, line.number))
        except OSError as error:
            if not report_unreadable:
                raise
            problems.append(Problem("", f"cannot read: {error.strerror or error}", None, name))
    try:
        return Dataset(records, origins=origins), problems
    except ValidationError as error:
        return None, [*problems, *error.problems]
