"""ACLED CSV exports <-> events, actors and sources.

ACLED's terms forbid redistributing its data, so geostmt ships no ACLED file: the tests use rows
written by hand. The mapping is :data:`MAPPING` (one entry per column, read once); the reader
and the writer share one derivation (:func:`_columns`): a row is read into records, the records
are written back, and every cell whose written text would differ from what was read is kept in
the event's ``identifiers`` under ``acled:<column>`` (the only open map an event has), so a file
round-trips. See ``docs/interop-acled.md``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import IO, NamedTuple

import attrs

from geostmt.errors import Problem, ValidationError, shown
from geostmt.interop.rows import Row, Seen, first_bad_row
from geostmt.model import Record
from geostmt.model.actor import Actor
from geostmt.model.enums import ActorKind, PlaceKind, Qualifier
from geostmt.model.event import AcledCoding, Event
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.parts import Evidence
from geostmt.model.source import Source
from geostmt.model.time import PartialDate, Precision
from geostmt.model.values import Place, Quantity
from geostmt.reference.acled import ACLED_INTERACTION_CODES
from geostmt.reference.code_systems import from_numeric
from geostmt.reference.countries import country_codes

__all__ = [
    "ACTOR_KINDS",
    "COLUMNS",
    "KEY_PREFIX",
    "MAPPING",
    "Skipped",
    "actor_id",
    "read",
    "scan",
    "source_id",
    "write",
]

#: The 31 columns of an ACLED export, in ACLED's order.
COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

#: Where a kept cell goes: ``identifiers["acled:<column>"]`` of the event.
KEY_PREFIX = "acled:"

_KEPT = "identifiers `acled:<column>`"

#: Each column and where it goes in geostmt (the docs table is tested against this).
MAPPING: Mapping[str, str] = MappingProxyType(
    {
        "event_id_cnty": '`Event.id` (`acled-<value>`) and `identifiers["acled"]`',
        "event_date": "`Event.date` (precision from `time_precision`)",
        "year": _KEPT + " when it is not the year of `event_date`",
        "time_precision": "precision of `Event.date`; " + _KEPT + " when it is 2",
        "disorder_type": "`Event.acled.disorder_type`",
        "event_type": "`Event.acled.event_type`",
        "sub_event_type": "`Event.acled.sub_event_type`",
        "actor1": "first of `Event.actors` (an `Actor`)",
        "assoc_actor_1": "the rest of `Event.actors` (`; `-separated names)",
        "inter1": '`Actor.kind` and `Actor.identifiers["acled_inter"]` of `actor1`',
        "actor2": "first of `Event.targets` (an `Actor`)",
        "assoc_actor_2": "the rest of `Event.targets` (`; `-separated names)",
        "inter2": '`Actor.kind` and `Actor.identifiers["acled_inter"]` of `actor2`',
        "interaction": _KEPT,
        "civilian_targeting": _KEPT,
        "iso": "`Event.place.country` (ISO 3166-1 numeric to alpha-2)",
        "region": _KEPT,
        "country": _KEPT,
        "admin1": _KEPT,
        "admin2": _KEPT,
        "admin3": _KEPT,
        "location": "`Event.place.name`",
        "latitude": "`Event.place.lat`",
        "longitude": "`Event.place.lon`",
        "geo_precision": "`Event.place.kind` (1 `city`, 2 and 3 `other`); " + _KEPT + " when 3",
        "source": "`Source` records (`; `-separated names, `title`) cited as `Event.evidence`",
        "source_scale": _KEPT,
        "notes": "`Event.summary`",
        "fatalities": "`Event.fatalities` (a count; empty is unknown, 0 is zero)",
        "tags": _KEPT,
        "timestamp": _KEPT,
    }
)

_INTER_KINDS: dict[int, ActorKind] = {
    1: ActorKind.MILITARY,  # State forces
    2: ActorKind.ARMED_GROUP,  # Rebel groups
    3: ActorKind.ARMED_GROUP,  # Political militias
    4: ActorKind.ARMED_GROUP,  # Identity militias
    5: ActorKind.OTHER,  # Rioters
    6: ActorKind.OTHER,  # Protesters
    7: ActorKind.OTHER,  # Civilians
    8: ActorKind.OTHER,  # External/Other forces: peacekeepers, private security, UN missions
}
#: The actor kind of each ``inter1``/``inter2`` value: the number, or the text label that
#: ACLED's 2024 format writes instead (``State forces``). An actor named only as an associate
#: (or with an empty code) is ``other``.
ACTOR_KINDS: Mapping[str, ActorKind] = MappingProxyType(
    {str(code): kind for code, kind in _INTER_KINDS.items()}
    | {ACLED_INTERACTION_CODES[code]: kind for code, kind in _INTER_KINDS.items()}
)

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
}  # fmt: skip
_ISO_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_WORDS_DAY = re.compile(r"^([0-9]{1,2})[ -]([A-Za-z]+)[ -]([0-9]{4})$")
_INTEGER = re.compile(r"^[0-9]{1,9}$")
_PLACE_PATHS = {"name": "location", "lat": "latitude", "lon": "longitude", "country": "iso"}
_ACLED_PATHS = {"event_type", "sub_event_type", "disorder_type"}

Input = str | os.PathLike[str] | IO[str]


class Skipped(NamedTuple):
    """An event :func:`write` could not write, and why."""

    id: str
    reason: str


# --- ids ------------------------------------------------------------------------------------


def _slug_id(prefix: str, name: str) -> str:
    """``prefix`` + an ASCII slug of ``name`` + 8 hex digits of its hash: stable across reads,
    distinct for distinct names (``Protesters (Ukraine)`` and ``protesters ukraine`` differ)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", folded.lower()))[:120]
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{prefix}{slug}-{digest}" if slug else f"{prefix}{digest}"


def actor_id(name: str) -> str:
    """The id of the ACLED actor called ``name``: ``acled-actor-<slug>-<hash>``."""
    return _slug_id("acled-actor-", name)


def source_id(name: str) -> str:
    """The id of the ACLED source called ``name``: ``acled-source-<slug>-<hash>``."""
    return _slug_id("acled-source-", name)


def _names(text: str) -> list[str]:
    """The distinct names of a ``; ``-separated cell, in order."""
    names: list[str] = []
    for part in text.split(";"):
        name = part.strip()
        if name and name not in names:
            names.append(name)
    return names


# --- reading --------------------------------------------------------------------------------


def _problem(column: str, error: ValidationError, paths: Mapping[str, str]) -> list[Problem]:
    return [p._replace(path=paths.get(p.path.split(".")[0], column)) for p in error.problems]


def _date(text: str, precision: str) -> PartialDate:
    match = _ISO_DAY.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        words = _WORDS_DAY.match(text)
        month_number = _MONTHS.get(words.group(2).lower()) if words else None
        if words is None or month_number is None:
            raise ValidationError.single(
                "", f"{shown(text)} is not a date like 2024-10-31 or 31 October 2024"
            )
        year, month, day = int(words.group(3)), month_number, int(words.group(1))
    full = PartialDate(year=year, month=month, day=day)
    if precision in ("", "1"):
        return full
    if precision in ("2", "3"):
        return PartialDate(year=year, month=month)
    raise ValidationError.single("time_precision", f"{shown(precision)} is not 1, 2 or 3")


def _actors(cells: Mapping[str, str], number: str, problems: list[Problem]) -> list[Actor]:
    """actor<n> and assoc_actor_<n> as actors (actor<n> first, with its inter<n> kind)."""
    inter = cells[f"inter{number}"]
    kind = ACTOR_KINDS.get(inter) if inter else ActorKind.OTHER
    if kind is None and _INTEGER.match(inter) and inter.lstrip("0") in ACTOR_KINDS:
        kind = ACTOR_KINDS[inter.lstrip("0")]
    if kind is None and inter != "0":
        problems.append(Problem(f"inter{number}", f"{shown(inter)} is not an ACLED actor type"))
    actors: list[Actor] = []
    main = cells[f"actor{number}"]
    for name in [main, *_names(cells[f"assoc_actor_{number}"])]:
        if not name or any(a.name == name for a in actors):
            continue
        column = f"actor{number}" if name == main else f"assoc_actor_{number}"
        is_main = name == main and kind is not None
        try:
            actors.append(
                Actor(
                    id=actor_id(name),
                    name=name,
                    kind=kind if is_main and kind is not None else ActorKind.OTHER,
                    identifiers=FrozenMap({"acled_inter": inter} if is_main and inter else {}),
                )
            )
        except ValidationError as error:
            problems.extend(_problem(column, error, {}))
    return actors


def _place(cells: Mapping[str, str], problems: list[Problem]) -> Place | None:
    iso, lat_text, lon_text = cells["iso"], cells["latitude"], cells["longitude"]
    before = len(problems)
    country = None
    if iso:
        country = from_numeric(iso)
        if country is None:
            problems.append(Problem("iso", f"{shown(iso)} is not an ISO 3166-1 numeric code"))
    coordinates: list[float | None] = []
    for column, text in (("latitude", lat_text), ("longitude", lon_text)):
        value = None
        if text:
            try:
                value = float(text)
            except ValueError:
                problems.append(Problem(column, f"{shown(text)} is not a number"))
        coordinates.append(value)
    geo = cells["geo_precision"]
    if geo not in ("", "1", "2", "3"):
        problems.append(Problem("geo_precision", f"{shown(geo)} is not 1, 2 or 3"))
    if not cells["location"] or len(problems) > before:
        return None
    try:
        return Place(
            name=cells["location"],
            kind=PlaceKind.CITY if geo in ("", "1") else PlaceKind.OTHER,
            country=country,
            lat=coordinates[0],
            lon=coordinates[1],
        )
    except ValidationError as error:
        problems.extend(_problem("location", error, _PLACE_PATHS))
        return None


def _fatalities(text: str, problems: list[Problem]) -> Quantity | None:
    if not text:
        return None
    if not _INTEGER.match(text):
        problems.append(
            Problem("fatalities", f"{shown(text)} is not a whole number of deaths (0 to 999999999)")
        )
        return None
    return Quantity(value=Decimal(int(text)))


def _row(number: int, cells: Mapping[str, str], seen: Seen, known: dict[str, Actor]) -> Row:
    """One data row as a :class:`Row` (``known``: the actors as first emitted in this read)."""
    problems: list[Problem] = []
    ident = cells["event_id_cnty"]
    if not ident:
        problems.append(Problem("event_id_cnty", "every ACLED row needs its event id"))
    date = None
    if cells["event_date"]:
        try:
            date = _date(cells["event_date"], cells["time_precision"])
        except ValidationError as error:
            problems.extend(_problem("event_date", error, {"time_precision": "time_precision"}))
    elif cells["time_precision"] not in ("", "1", "2", "3"):
        problems.append(Problem("time_precision", f"{shown(cells['time_precision'])} is not 1-3"))
    coding = None
    if not cells["event_type"]:
        problems.append(Problem("event_type", "every ACLED row needs its event type"))
    else:
        try:
            coding = AcledCoding(
                event_type=cells["event_type"],
                sub_event_type=cells["sub_event_type"] or None,
                disorder_type=cells["disorder_type"] or None,
            )
        except ValidationError as error:
            problems.extend(_problem("event_type", error, {p: p for p in _ACLED_PATHS}))
    actors = _actors(cells, "1", problems)
    targets = _actors(cells, "2", problems)
    place = _place(cells, problems)
    fatalities = _fatalities(cells["fatalities"], problems)
    sources: list[Source] = []
    for name in _names(cells["source"]):
        try:
            sources.append(Source(id=source_id(name), title=name))
        except ValidationError as error:
            problems.extend(_problem("source", error, {}))
    if problems:
        return Row(number, (), tuple(problems))
    try:
        event = Event(
            id=f"acled-{ident}",
            acled=coding,
            actors=tuple(a.id for a in actors),
            targets=tuple(a.id for a in targets),
            date=date,
            place=place,
            fatalities=fatalities,
            summary=cells["notes"] or None,
            identifiers=FrozenMap({"acled": ident}),
            evidence=tuple(Evidence(source=s.id) for s in sources),
        )
    except ValidationError as error:
        paths = {"id": "event_id_cnty", "summary": "notes", "identifiers": "event_id_cnty"}
        return Row(number, (), tuple(_problem("event_id_cnty", error, paths)))
    for actor in (*actors, *targets):
        known.setdefault(actor.id, actor)
    titles = {s.id: s.title or "" for s in sources}
    try:
        derived = _columns(event, known, titles)
    except ValueError as error:
        return Row(number, (), (Problem("", str(error)),))
    kept = {
        KEY_PREFIX + column: cells[column]
        for column in COLUMNS
        if cells[column] and cells[column] != derived[column]
    }
    if kept:
        event = attrs.evolve(event, identifiers=FrozenMap({"acled": ident, **kept}))
    fresh = seen.new([*actors, *targets, *sources])
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
    seen = Seen()
    known: dict[str, Actor] = {}
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
            yield _row(
                start, {k: v.strip() for k, v in zip(header, cells, strict=True)}, seen, known
            )
    except (csv.Error, UnicodeError) as error:
        yield Row(last + 1, (), (Problem("", f"not readable as CSV: {error}"),))
        return
    if header is None:
        yield Row(1, (), (Problem("", "no header row: not an ACLED export"),))


def scan(source: Input) -> Iterator[Row]:
    """Every row of an ACLED CSV export (a path, or a text file opened with ``newline=""``) as
    a :class:`Row`: its line, its new actors and sources and its event, or its problems, each
    at its column. Streams; no row is dropped silently."""
    if isinstance(source, str | os.PathLike):
        with open(source, encoding="utf-8-sig", newline="") as stream:
            yield from _scan_stream(stream)
    else:
        yield from _scan_stream(source)


def read(source: Input) -> Iterator[Record]:
    """The records of an ACLED export, actors and sources before the events that cite them;
    a ValidationError naming the file, line and column at the first bad row."""
    if isinstance(source, str | os.PathLike):
        name: str | None = os.fspath(source)
    else:
        raw_name = getattr(source, "name", None)
        name = raw_name if isinstance(raw_name, str) else None
    return first_bad_row(scan(source), name)


# --- writing --------------------------------------------------------------------------------


def _numeric(country: str | None) -> str:
    if country is None:
        return ""
    entry = country_codes().get(country)
    numeric = getattr(entry, "numeric", None) if entry is not None else None
    return str(int(numeric)) if isinstance(numeric, str) and numeric.isdigit() else ""


def _date_columns(date: PartialDate | None) -> tuple[str, str, str]:
    """event_date, year and time_precision of ``date``."""
    if date is None:
        return "", "", ""
    if date.precision is Precision.YEAR:
        raise ValueError("a date known only to the year has no ACLED time precision")
    day = date.earliest().isoformat()
    return day, str(date.year), "3" if date.precision is Precision.MONTH else "1"


def _fatality_text(quantity: Quantity | None) -> str:
    if quantity is None:
        return ""
    value = quantity.value
    if (
        value is None
        or quantity.qualifier is not Qualifier.EXACT
        or quantity.low is not None
        or quantity.high is not None
        or value != value.to_integral_value()
        or value < 0
    ):
        raise ValueError("fatalities is not an exact whole number")
    return str(int(value))


def _columns(
    event: Event, actors: Mapping[str, Actor], titles: Mapping[str, str]
) -> dict[str, str]:
    """The cells ``event`` is written as (``ValueError`` when it cannot be)."""
    cells = dict.fromkeys(COLUMNS, "")
    cells["event_id_cnty"] = event.identifiers.get("acled") or event.id.removeprefix("acled-")
    cells["event_date"], cells["year"], cells["time_precision"] = _date_columns(event.date)
    if event.acled is not None:
        cells["event_type"] = event.acled.event_type
        cells["sub_event_type"] = event.acled.sub_event_type or ""
        cells["disorder_type"] = event.acled.disorder_type or ""
    for number, ids in (("1", event.actors), ("2", event.targets)):
        try:
            named = [actors[i] for i in ids]
        except KeyError as missing:
            raise ValueError(f"actor {missing} is not among the records written") from None
        if named:
            cells[f"actor{number}"] = named[0].name
            cells[f"inter{number}"] = named[0].identifiers.get("acled_inter", "")
            cells[f"assoc_actor_{number}"] = "; ".join(a.name for a in named[1:])
    if event.place is not None:
        place = event.place
        cells["location"] = place.name
        cells["iso"] = _numeric(place.country)
        cells["latitude"] = "" if place.lat is None else repr(place.lat)
        cells["longitude"] = "" if place.lon is None else repr(place.lon)
        cells["geo_precision"] = "1" if place.kind is PlaceKind.CITY else "2"
    try:
        cells["source"] = "; ".join(titles[e.source] for e in event.evidence)
    except KeyError as missing:
        raise ValueError(f"source {missing} is not among the records written") from None
    cells["notes"] = event.summary or ""
    cells["fatalities"] = _fatality_text(event.fatalities)
    return cells


def _rows(records: Iterable[Record], skipped: list[Skipped]) -> Iterator[list[str]]:
    actors: dict[str, Actor] = {}
    titles: dict[str, str] = {}
    for record in records:
        if isinstance(record, Actor):
            actors[record.id] = record
        elif isinstance(record, Source):
            titles[record.id] = record.title or record.url or record.id
        elif isinstance(record, Event):
            if record.acled is None:
                skipped.append(Skipped(record.id, "no ACLED coding"))
                continue
            try:
                cells = _columns(record, actors, titles)
            except ValueError as error:
                skipped.append(Skipped(record.id, str(error)))
                continue
            for key, value in record.identifiers.items():
                column = key.removeprefix(KEY_PREFIX)
                if key.startswith(KEY_PREFIX) and column in cells:
                    cells[column] = value
            yield [cells[column] for column in COLUMNS]


def _write_stream(stream: IO[str], records: Iterable[Record], skipped: list[Skipped]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in _rows(records, skipped):
        writer.writerow(row)
        count += 1
    return count


def write(
    records: Iterable[Record],
    target: str | os.PathLike[str] | IO[str],
    *,
    skipped: list[Skipped] | None = None,
) -> int:
    """Write every event with ``acled`` in ``records`` as an ACLED row; returns the rows written.

    Actors and sources must come before the events naming them (as :func:`read` gives them).
    Events that cannot be written (no ``acled``, an actor or source not in ``records``, a date
    known only to the year, fatalities that are not an exact count) are appended to
    ``skipped`` as :class:`Skipped`; without a ``skipped`` list, a ``UserWarning`` says how
    many. A path is written atomically (a temp file beside it, then ``os.replace``).
    """
    left_out: list[Skipped] = [] if skipped is None else skipped
    before = len(left_out)
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                count = _write_stream(stream, records, left_out)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    else:
        count = _write_stream(target, records, left_out)
    if skipped is None and len(left_out) > before:
        warnings.warn(
            f"{len(left_out)} events not written as ACLED rows (pass skipped=[] to see which)",
            UserWarning,
            stacklevel=2,
        )
    return count


def _text(rows: Iterable[Mapping[str, str]]) -> str:
    """CSV text of ``rows`` (dicts by column; missing cells empty), for tests and examples."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.get(column, "") for column in COLUMNS])
    return out.getvalue()
