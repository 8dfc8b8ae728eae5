"""ACLED CSV -> records: :func:`scan` (a :class:`~geostmt.interop.Row` per row) and :func:`read`.

Each event is built once: its fields are drafted, the cells they would be written as are
derived from the draft (:func:`~geostmt.interop.acled.cells.columns`, the writer's own
derivation), and the event is built with every cell that differs already kept. A read builds
each actor, source and coding once and reuses it for every row naming it again.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Mapping
from typing import IO, NamedTuple

from geostmt.errors import Problem, ValidationError, shown
from geostmt.interop.acled import values
from geostmt.interop.acled.cells import columns
from geostmt.interop.acled.mapping import ACTOR_KINDS, COLUMNS, KEY_PREFIX
from geostmt.interop.acled.names import actor_id, names, source_id
from geostmt.interop.rows import Row, Seen, first_bad_row
from geostmt.model import Record
from geostmt.model.actor import Actor
from geostmt.model.enums import ActorKind
from geostmt.model.event import AcledCoding, Event
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.parts import Evidence
from geostmt.model.rules import to_text
from geostmt.model.source import Source
from geostmt.model.time import PartialDate
from geostmt.model.values import Place, Quantity
from geostmt.wire.files import open_text, source_name

__all__ = ["Input", "read", "scan"]

Input = str | os.PathLike[str] | IO[str]

_CODING_PATHS = {p: p for p in ("event_type", "sub_event_type", "disorder_type")}
_EVENT_PATHS = {"id": "event_id_cnty", "summary": "notes", "identifiers": "event_id_cnty"}


class _Draft(NamedTuple):
    """An event's fields before it is built: what its cells are derived from."""

    id: str
    identifiers: Mapping[str, str]
    date: PartialDate | None
    acled: AcledCoding | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    place: Place | None
    evidence: tuple[Evidence, ...]
    summary: str | None
    fatalities: Quantity | None


class _Read:
    """One read: the ids emitted, the actors as first emitted, and what it has built (actors
    by name, kind and code; sources by name; codings by their three cells)."""

    def __init__(self) -> None:
        self.seen = Seen()
        self.known: dict[str, Actor] = {}
        self.actors: dict[tuple[str, ActorKind, str], Actor] = {}
        self.sources: dict[str, tuple[Source, Evidence]] = {}
        self.codings: dict[tuple[str, str, str], AcledCoding] = {}

    def coding(self, cells: Mapping[str, str], problems: list[Problem]) -> AcledCoding | None:
        if not cells["event_type"]:
            problems.append(Problem("event_type", "every ACLED row needs its event type"))
            return None
        key = (cells["event_type"], cells["sub_event_type"], cells["disorder_type"])
        coding = self.codings.get(key)
        if coding is None:
            try:
                coding = AcledCoding(
                    event_type=key[0], sub_event_type=key[1] or None, disorder_type=key[2] or None
                )
            except ValidationError as error:
                problems.extend(values.at_columns("event_type", error, _CODING_PATHS))
                return None
            self.codings[key] = coding
        return coding

    def named(self, cells: Mapping[str, str], number: str, problems: list[Problem]) -> list[Actor]:
        """actor<n> and assoc_actor_<n> as actors (actor<n> first, with its inter<n> kind)."""
        inter = cells[f"inter{number}"]
        kind = ACTOR_KINDS.get(inter) if inter else ActorKind.OTHER
        if kind is None and values.INTEGER.match(inter) and inter.lstrip("0") in ACTOR_KINDS:
            kind = ACTOR_KINDS[inter.lstrip("0")]
        if kind is None and inter != "0":
            problems.append(Problem(f"inter{number}", f"{shown(inter)} is not an ACLED actor type"))
        actors: list[Actor] = []
        main = cells[f"actor{number}"]
        for name in [main, *names(cells[f"assoc_actor_{number}"])]:
            if not name or any(a.name == name for a in actors):
                continue
            if name == main and kind is not None:
                key = (name, kind, inter)
            else:  # associates have no actor type
                key = (name, ActorKind.OTHER, "")
            actor = self.actors.get(key)
            if actor is None:
                try:
                    actor = Actor(
                        id=actor_id(name),
                        name=name,
                        kind=key[1],
                        identifiers=FrozenMap({"acled_inter": key[2]} if key[2] else {}),
                    )
                except ValidationError as error:
                    column = f"actor{number}" if name == main else f"assoc_actor_{number}"
                    problems.extend(values.at_columns(column, error, {}))
                    continue
                self.actors[key] = actor
            actors.append(actor)
        return actors

    def cited(self, text: str, problems: list[Problem]) -> list[tuple[Source, Evidence]]:
        """The sources of a ``source`` cell, each with the evidence citing it."""
        cited: list[tuple[Source, Evidence]] = []
        for name in names(text):
            entry = self.sources.get(name)
            if entry is None:
                try:
                    source = Source(id=source_id(name), title=name)
                except ValidationError as error:
                    problems.extend(values.at_columns("source", error, {}))
                    continue
                entry = self.sources[name] = (source, Evidence(source=source.id))
            cited.append(entry)
        return cited

    def row(self, number: int, cells: Mapping[str, str]) -> Row:
        """One data row as a :class:`~geostmt.interop.Row`."""
        problems: list[Problem] = []
        ident = cells["event_id_cnty"]
        if not ident:
            problems.append(Problem("event_id_cnty", "every ACLED row needs its event id"))
        date = None
        if cells["event_date"]:
            try:
                date = values.date(cells["event_date"], cells["time_precision"])
            except ValidationError as error:
                paths = {"time_precision": "time_precision"}
                problems.extend(values.at_columns("event_date", error, paths))
        elif cells["time_precision"] not in ("", "1", "2", "3"):
            problems.append(
                Problem("time_precision", f"{shown(cells['time_precision'])} is not 1-3")
            )
        coding = self.coding(cells, problems)
        actors = self.named(cells, "1", problems)
        targets = self.named(cells, "2", problems)
        place = values.place(cells, problems)
        fatalities = values.fatalities(cells["fatalities"], problems)
        cited = self.cited(cells["source"], problems)
        if problems:
            return Row(number, (), tuple(problems))
        notes = cells["notes"] or None
        draft = _Draft(
            id=f"acled-{ident}",
            identifiers={"acled": ident},
            date=date,
            acled=coding,
            actors=tuple(a.id for a in actors),
            targets=tuple(a.id for a in targets),
            place=place,
            evidence=tuple(evidence for _, evidence in cited),
            summary=None if notes is None else to_text(notes),  # as the event will hold it
            fatalities=fatalities,
        )
        emitted: dict[str, Actor] = {}  # the actors a writer of this read's records would see
        for actor in (*actors, *targets):
            emitted.setdefault(actor.id, self.known.get(actor.id, actor))
        titles = {source.id: source.title or "" for source, _ in cited}
        # no ValueError here: a read makes only day and month dates, whole counts, known names
        derived = columns(draft, emitted, titles)
        kept = {
            KEY_PREFIX + column: cells[column]
            for column in COLUMNS
            if cells[column] and cells[column] != derived[column]
        }
        try:
            event = Event(
                id=draft.id,
                acled=coding,
                actors=draft.actors,
                targets=draft.targets,
                date=date,
                place=place,
                fatalities=fatalities,
                summary=notes,
                identifiers=FrozenMap({"acled": ident, **kept}),
                evidence=draft.evidence,
            )
        except ValidationError as error:
            return Row(number, (), tuple(values.at_columns("event_id_cnty", error, _EVENT_PATHS)))
        for actor in (*actors, *targets):
            self.known.setdefault(actor.id, actor)
        fresh = self.seen.new([*actors, *targets, *(source for source, _ in cited)])
        return Row(number, (*fresh, event), ())


def _header_problems(header: list[str]) -> list[Problem]:
    problems = [Problem(c, "the header has no such column") for c in COLUMNS if c not in header]
    known = set(COLUMNS)
    for index, name in enumerate(header):
        if name not in known:
            problems.append(Problem(shown(name), "not an ACLED column; refused, not dropped"))
        elif name in header[:index]:
            problems.append(Problem(name, "the header names this column twice"))
    return problems


def _scan_stream(stream: IO[str]) -> Iterator[Row]:
    reader = csv.reader(stream)
    read = _Read()
    start, last = 1, 0
    header: list[str] | None = None
    try:
        for cells in reader:
            start, last = last + 1, reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if header is None:
                header = [c.strip().lstrip("\ufeff") for c in cells]
                problems = _header_problems(header)
                if problems:
                    yield Row(start, (), tuple(problems))
                    return
                continue
            if len(cells) != len(header):
                message = f"{len(cells)} cells; the header has {len(header)} columns"
                yield Row(start, (), (Problem("", message),))
                continue
            yield read.row(start, {k: v.strip() for k, v in zip(header, cells, strict=True)})
    except (csv.Error, UnicodeError) as error:
        yield Row(last + 1, (), (Problem("", f"not readable as CSV: {error}"),))
        return
    if header is None:
        yield Row(1, (), (Problem("", "no header row: not an ACLED export"),))


def scan(source: Input) -> Iterator[Row]:
    """Every row of an ACLED CSV export (a path, or a text file opened with ``newline=""``) as
    a :class:`~geostmt.interop.Row`: its line, its new actors and sources and its event, or its
    problems, each at its column. Streams; no row is dropped silently."""
    with open_text(source, encoding="utf-8-sig") as stream:
        yield from _scan_stream(stream)


def read(source: Input) -> Iterator[Record]:
    """The records of an ACLED export, actors and sources before the events that cite them;
    a ValidationError naming the file, line and column at the first bad row."""
    return first_bad_row(scan(source), source_name(source))
