"""PLOVER JSON <-> records: current PLOVER JSON Lines and the older 0.5 JSON array.

:func:`scan` reads either form of a PLOVER file: JSON Lines (one event object per line, as
the current manual suggests), or one JSON array of event objects (the 0.5 form of the
project's gold-standard records), told apart by the first non-space character (``[``).
Each input object is one :class:`~geostmt.interop.Row`: its number is the line number for
JSON Lines and the object's 1-based index in the array for the 0.5 form. The row's records
are its actors seen for the first time in this read, then its :class:`~geostmt.Event`.

What goes where is data: :data:`EVENT_FIELDS`, :data:`ACTOR_FIELDS`, :data:`PLACE_FIELDS`
(PLOVER keys, in order of preference, per geostmt field) and :data:`SECTOR_KINDS`,
:data:`NONSTATE_KINDS` (actor kinds). Old 0.5 category names are mapped through
:func:`~geostmt.reference.plover.current_plover_name`; whatever PLOVER coding the current
manual does not allow (an old name, a mode the category lacks, a context no longer listed) is
kept in the event's ``identifiers`` (:data:`KEPT`), never dropped. :func:`write` writes
current PLOVER JSON Lines. See ``docs/interop-plover.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, NamedTuple

import attrs

from geostmt.errors import Problem, ValidationError
from geostmt.interop.rows import Row, Seen, first_bad_row
from geostmt.model import Record
from geostmt.model.actor import Actor
from geostmt.model.aid import AidPackage
from geostmt.model.deployment import Deployment
from geostmt.model.enums import ActorKind, PlaceKind
from geostmt.model.event import Event, PloverCoding
from geostmt.model.frozenmap import to_frozen_map
from geostmt.model.statement import Statement
from geostmt.model.time import PartialDate
from geostmt.model.values import Place
from geostmt.reference.code_systems import from_alpha3, from_cameo_country
from geostmt.reference.countries import country_codes, is_country
from geostmt.reference.plover import (
    PLOVER_CONTEXTS,
    current_plover_name,
    is_plover_mode,
)
from geostmt.wire.codec import decode_json

__all__ = [
    "ACTOR_FIELDS",
    "EVENT_FIELDS",
    "KEPT",
    "NONSTATE_KINDS",
    "PLACE_FIELDS",
    "SECTOR_KINDS",
    "WriteSummary",
    "read",
    "scan",
    "write",
]

Source = str | os.PathLike[str] | IO[str]

#: geostmt field of an :class:`~geostmt.Event` -> the PLOVER keys read for it, current form
#: first, then the 0.5 form's spelling. The first key present (and not empty) wins.
EVENT_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "id": ("id",),
        "plover.category": ("event",),
        "plover.mode": ("mode",),
        "plover.contexts": ("context",),
        "date": ("date",),
        "actors": ("actor", "source"),
        "targets": ("recipient", "target"),
        "place": ("event_loc", "eventLoc"),
        "summary": ("text", "event_text", "eventText"),
    }
)

#: geostmt field of an :class:`~geostmt.Actor` -> the keys of a PLOVER entity object.
ACTOR_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "name": ("entity_name", "identifier_text", "entity_text", "actorText", "raw_text"),
        "country": ("code",),
        "kind": ("sector", "sector_code"),
        "identifiers.wikidata": ("wikidata_id", "identifier_id"),
    }
)

#: geostmt field of a :class:`~geostmt.Place` -> the keys of a PLOVER location object.
PLACE_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "name": ("resolved_place", "extracted_place", "name", "city"),
        "kind": ("resolution",),
        "country": ("country_code", "country code"),
        "lat": ("lat",),
        "lon": ("lon",),
        "geonames_id": ("geonameid",),
    }
)

#: An actor's kind from its sector code's first three letters (``GOVMOS`` is ``GOV``).
SECTOR_KINDS: Mapping[str, ActorKind] = MappingProxyType(
    {
        "GOV": ActorKind.GOVERNMENT,
        "LEG": ActorKind.GOVERNMENT,
        "JUD": ActorKind.GOVERNMENT,
        "COP": ActorKind.GOVERNMENT,
        "SPY": ActorKind.GOVERNMENT,
        "MIL": ActorKind.MILITARY,
        "REB": ActorKind.ARMED_GROUP,
        "UAF": ActorKind.ARMED_GROUP,
        "INS": ActorKind.ARMED_GROUP,
        "MED": ActorKind.MEDIA,
        "JRN": ActorKind.MEDIA,
        "BUS": ActorKind.COMPANY,
        "PTY": ActorKind.ORGANIZATION,
        "NGO": ActorKind.ORGANIZATION,
        "IGO": ActorKind.ORGANIZATION,
        "EDU": ActorKind.ORGANIZATION,
        "LAB": ActorKind.ORGANIZATION,
        "REL": ActorKind.ORGANIZATION,
    }
)

#: An actor's kind from the manual's international non-state entity codes, when no sector
#: settles it.
NONSTATE_KINDS: Mapping[str, ActorKind] = MappingProxyType(
    {
        "IGO": ActorKind.ORGANIZATION,
        "UNO": ActorKind.ORGANIZATION,
        "EUR": ActorKind.ORGANIZATION,
        "NGO": ActorKind.ORGANIZATION,
        "ISM": ActorKind.ORGANIZATION,
        "IMG": ActorKind.ARMED_GROUP,
        "MNC": ActorKind.COMPANY,
    }
)

#: The ``identifiers`` keys that keep what the current manual's coding cannot hold.
KEPT: Mapping[str, str] = MappingProxyType(
    {
        "plover": "the PLOVER record's own id, as written",
        "plover:event": "the category as written when it is not the current name (0.5 names; "
        "further categories of a list)",
        "plover:mode": "modes the category does not have (0.5 modes like strike-hun)",
        "plover:context": "contexts not among the current ones (0.5 contexts like refugees)",
        "plover:event_loc.country": "a location country code that names no ISO country",
        "plover:duplicate": "n for the n-th event of a read with the same id (n > 1); its id "
        "gets ':n' so ids stay unique",
    }
)

_ID_BAD = re.compile(r"[^A-Za-z0-9._:-]+")
_ID_MAX = 200
_RESOLUTION_KINDS = {1: PlaceKind.COUNTRY, 2: PlaceKind.REGION, 3: PlaceKind.REGION}
_KIND_RESOLUTION = {PlaceKind.COUNTRY: 1, PlaceKind.CITY: 4}
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


class _RefusedError(Exception):
    """A row that cannot become an event; carries its problem."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.problem = Problem(path, message)


# ---------------------------------------------------------------- reading


def _lines(source: Source) -> Iterator[str]:
    if isinstance(source, str | os.PathLike):
        with open(source, encoding="utf-8", newline="") as stream:
            yield from stream
    else:
        yield from source


def _raw_rows(source: Source) -> Iterator[tuple[int, object]]:
    """(row number, parsed JSON or a ValidationError) for either form."""
    lines = _lines(source)
    number = 0
    for line in lines:
        number += 1
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("["):  # the 0.5 form: one JSON array, rows are its items
            text = line + "".join(lines)
            try:
                data = decode_json(text)
            except ValidationError as error:
                yield number, error
                return
            if not isinstance(data, list):  # pragma: no cover - "[" always parses to a list
                yield number, ValidationError.single("", "not a JSON array")
                return
            yield from enumerate(data, start=1)
            return
        try:
            yield number, decode_json(stripped)
        except ValidationError as error:
            yield number, error
        break
    for line in lines:
        number += 1
        stripped = line.strip()
        if not stripped:
            continue
        try:
            yield number, decode_json(stripped)
        except ValidationError as error:
            yield number, error


def scan(source: Source) -> Iterator[Row]:
    """Every PLOVER object of ``source`` (a path or a text file) as a :class:`Row`.

    Row numbers are line numbers for JSON Lines and 1-based array indexes for the 0.5 form.
    A row that is no usable event (the 0.5 ``DOCUMENT`` record, a category neither current
    nor old) has no records and a problem saying why.
    """
    seen = Seen()
    event_ids: dict[str, int] = {}
    for number, raw in _raw_rows(source):
        if isinstance(raw, ValidationError):
            yield Row(number, (), raw.problems)
            continue
        try:
            actors, event = _event(raw)
        except _RefusedError as refused:
            yield Row(number, (), (refused.problem,))
        except ValidationError as error:
            yield Row(number, (), error.problems)
        else:
            count = event_ids[event.id] = event_ids.get(event.id, 0) + 1
            if count > 1:  # the gold file has two COERCE-0004: keep both, the later renamed
                event = attrs.evolve(
                    event,
                    id=f"{event.id[: _ID_MAX - 12]}:{count}",
                    identifiers=to_frozen_map(
                        {**event.identifiers, "plover:duplicate": str(count)}
                    ),
                )
            yield Row(number, (*seen.new(actors), event), ())


def read(source: Source) -> Iterator[Record]:
    """The records of ``source`` in dependency order; a ValidationError at the first bad row."""
    name = None if not isinstance(source, str | os.PathLike) else os.fspath(source)
    return first_bad_row(scan(source), name)


def _get(obj: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, Any]:
    """The first of ``keys`` present and not empty (None, "", []), with its value."""
    for key in keys:
        value = obj.get(key)
        if value is not None and value != "" and value != []:
            return key, value
    return keys[0], None


def _listed(value: Any) -> list[Any]:
    """A scalar where a list is expected is a one-item list; None is an empty one."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _words(value: Any, path: str) -> list[str]:
    """Strings of a list or scalar; a 0.5 string may join several with commas."""
    words: list[str] = []
    for item in _listed(value):
        if not isinstance(item, str):
            raise _RefusedError(path, f"expected a string or a list of strings, not {_type(item)}")
        words.extend(part.strip() for part in item.split(","))
    return [word for word in words if word]


def _type(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _text(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return " ".join(v.strip() for v in value if v.strip()) or None
    raise _RefusedError(path, f"expected text, not {_type(value)}")


def _sanitised(text: str) -> str:
    cleaned = _ID_BAD.sub("-", text).strip("-._:")
    return cleaned[:_ID_MAX]


def _event(obj: object) -> tuple[list[Actor], Event]:
    if not isinstance(obj, dict):
        raise _RefusedError("", f"a PLOVER event is a JSON object, not {_type(obj)}")
    identifiers: dict[str, str] = {}

    key, raw_id = _get(obj, EVENT_FIELDS["id"])
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise _RefusedError(key, "a PLOVER event needs an id (a string or an integer)")
    plover_id = str(raw_id)
    event_id = _sanitised(f"plover-{plover_id}")
    identifiers["plover"] = plover_id

    coding = _coding(obj, identifiers)

    key, raw_date = _get(obj, EVENT_FIELDS["date"])
    date = None
    if raw_date is not None:
        if not isinstance(raw_date, str):
            raise _RefusedError(key, f"expected an ISO date, not {_type(raw_date)}")
        try:
            date = PartialDate.parse(raw_date.strip())
        except ValidationError as error:
            raise error.prefixed(key) from None

    actors = _actors(obj, "actors")
    targets = _actors(obj, "targets")
    key, raw_place = _get(obj, EVENT_FIELDS["place"])
    place = None if raw_place is None else _place(raw_place, key, identifiers)
    key, raw_summary = _get(obj, EVENT_FIELDS["summary"])
    summary = _text(raw_summary, key)

    event = Event(
        id=event_id,
        plover=coding,
        actors=tuple(a.id for a in actors),
        targets=tuple(a.id for a in targets),
        date=date,
        place=place,
        summary=summary,
        identifiers=to_frozen_map(identifiers),
    )
    return [*actors, *targets], event


def _coding(obj: Mapping[str, Any], identifiers: dict[str, str]) -> PloverCoding:
    key, raw_event = _get(obj, EVENT_FIELDS["plover.category"])
    names = _words(raw_event, key)
    found = [(name, current_plover_name(name)) for name in names]
    usable = [(name, current) for name, current in found if current is not None]
    if not usable:
        shown = ", ".join(names) if names else "none"
        raise _RefusedError(
            key, f"no PLOVER category, current or 0.5 ({shown}): the row is not an event"
        )
    written, (category, fixed_mode) = usable[0]
    if len(names) > 1 or written.lower() != category:
        identifiers["plover:event"] = ",".join(names)

    key, raw_mode = _get(obj, EVENT_FIELDS["plover.mode"])
    modes = _words(raw_mode, key)
    mode = next((m for m in modes if is_plover_mode(category, m)), fixed_mode)
    others = [m for m in modes if m != mode]
    if others:
        identifiers["plover:mode"] = ",".join(others)

    key, raw_context = _get(obj, EVENT_FIELDS["plover.contexts"])
    contexts = _words(raw_context, key)
    current = tuple(dict.fromkeys(c for c in contexts if c in PLOVER_CONTEXTS))
    old = [c for c in contexts if c not in PLOVER_CONTEXTS]
    if old:
        identifiers["plover:context"] = ",".join(old)
    return PloverCoding(category=category, mode=mode, contexts=current)


def _actors(obj: Mapping[str, Any], field: str) -> list[Actor]:
    key, raw = _get(obj, EVENT_FIELDS[field])
    actors: list[Actor] = []
    for index, item in enumerate(_listed(raw)):
        path = f"{key}[{index}]"
        if item is None or item == "":
            continue  # the 0.5 form's empty string for a missing actor
        if isinstance(item, str):
            item = {"actorText": item}  # a bare name where an entity object is expected
        if not isinstance(item, dict):
            raise _RefusedError(path, f"an actor is a JSON object, not {_type(item)}")
        actor = _actor(item, path)
        if actor.id not in {a.id for a in actors}:
            actors.append(actor)
    return actors


def _actor(item: Mapping[str, Any], path: str) -> Actor:
    values: dict[str, Any] = {}
    for field, keys in ACTOR_FIELDS.items():
        key, value = _get(item, keys)
        if value is not None and not isinstance(value, str):
            raise _RefusedError(f"{path}.{key}", f"expected a string, not {_type(value)}")
        values[field] = value.strip() if isinstance(value, str) else None
    code: str | None = values["country"]
    sector: str | None = values["kind"]
    wikidata: str | None = values["identifiers.wikidata"]
    if wikidata is not None and not _WIKIDATA.match(wikidata):
        wikidata = None
    name: str | None = values["name"] or code or wikidata
    if not name:
        raise _RefusedError(path, "an actor needs a name, a code or a Wikidata id")
    country = from_cameo_country(code)
    identifiers: dict[str, str] = {}
    if code:
        identifiers["plover:code"] = code
    if sector:
        identifiers["plover:sector"] = sector
    if wikidata:
        identifiers["wikidata"] = wikidata
    digest = hashlib.blake2s(f"{code}\x1f{values['name']}\x1f{wikidata}".encode(), digest_size=4)
    slug = _sanitised(f"{code or ''}-{values['name'] or wikidata or ''}".lower())[:80]
    return Actor(
        id=_sanitised(f"plover-actor-{slug}-{digest.hexdigest()}"),
        name=name,
        kind=_kind(code, sector, country),
        country=country,
        identifiers=to_frozen_map(identifiers),
    )


def _kind(code: str | None, sector: str | None, country: str | None) -> ActorKind:
    if sector:
        kind = SECTOR_KINDS.get(sector[:3].upper())
        if kind is not None:
            return kind
        return ActorKind.OTHER
    if code and code in NONSTATE_KINDS:
        return NONSTATE_KINDS[code]
    if country is not None:
        return ActorKind.STATE
    return ActorKind.OTHER


def _country(code: str) -> str | None:
    if len(code) == 3:
        return from_alpha3(code.upper())
    return code.upper() if is_country(code.upper()) else None


def _number(value: Any, path: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise _RefusedError(path, f"expected a number, not {_type(value)}")
    try:
        return float(value)
    except (ValueError, OverflowError):
        raise _RefusedError(path, f"expected a number, not {value!r}") from None


def _place(raw: Any, key: str, identifiers: dict[str, str]) -> Place:
    if not isinstance(raw, dict):
        raise _RefusedError(key, f"a location is a JSON object, not {_type(raw)}")
    values = {field: _get(raw, keys) for field, keys in PLACE_FIELDS.items()}
    name_key, name = values["name"]
    name = _text(name, f"{key}.{name_key}")
    if name is None:
        raise _RefusedError(key, "a location needs a name")
    country = None
    country_key, code = values["country"]
    if code is not None:
        if not isinstance(code, str):
            raise _RefusedError(
                f"{key}.{country_key}", f"expected a country code, not {_type(code)}"
            )
        country = _country(code.strip())
        if country is None:
            identifiers["plover:event_loc.country"] = code
    kind = PlaceKind.OTHER
    _, resolution = values["kind"]
    if isinstance(resolution, int) and not isinstance(resolution, bool):
        kind = _RESOLUTION_KINDS.get(resolution, PlaceKind.CITY if resolution >= 4 else kind)
    if kind is PlaceKind.COUNTRY and country is None:
        kind = PlaceKind.OTHER
    geonames_key, geonames = values["geonames_id"]
    if geonames is not None:
        if isinstance(geonames, str) and geonames.strip().isdigit():
            geonames = int(geonames)
        if isinstance(geonames, bool) or not isinstance(geonames, int):
            raise _RefusedError(
                f"{key}.{geonames_key}", f"expected an integer, not {_type(geonames)}"
            )
    try:
        return Place(
            name=name,
            kind=kind,
            country=country,
            lat=_number(values["lat"][1], f"{key}.lat"),
            lon=_number(values["lon"][1], f"{key}.lon"),
            geonames_id=geonames,
        )
    except ValidationError as error:
        raise error.prefixed(key) from None


# ---------------------------------------------------------------- writing


class WriteSummary(NamedTuple):
    """What :func:`write` did: the lines written and each record left out, with why."""

    written: int
    skipped: list[tuple[str, str]]


_WRITABLE = (Event, Statement, Deployment, AidPackage)


def write(records: Iterable[Record], path: str | os.PathLike[str]) -> WriteSummary:
    """Write events, statements, deployments and aid packages as current PLOVER JSON Lines.

    Each writable record with a PLOVER coding (its ``plover``) is one line; one without is
    skipped with a reason. Actors are looked up among ``records`` by id and written inside the
    lines that cite them; actors no written line cites, and other records (sources), are
    skipped with a reason too. Atomic: a temp file renamed over ``path``.
    """
    items = list(records)
    actors = {r.id: r for r in items if isinstance(r, Actor)}
    cited: set[str] = set()
    skipped: list[tuple[str, str]] = []
    lines: list[str] = []
    for record in items:
        if isinstance(record, Actor):
            continue
        if not isinstance(record, _WRITABLE):
            skipped.append((record.id, f"a {type(record).__name__.lower()} has no PLOVER form"))
            continue
        coding = record.plover
        if coding is None:
            skipped.append((record.id, "no PLOVER category (its plover is None)"))
            continue
        row, who = _row(record, coding, actors)
        cited.update(who)
        lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
    for actor_id in actors:
        if actor_id not in cited:
            skipped.append((actor_id, "an actor is written only inside the lines that cite it"))
    _write_lines(Path(path), lines)
    return WriteSummary(len(lines), skipped)


def _row(
    record: Event | Statement | Deployment | AidPackage,
    coding: PloverCoding,
    actors: Mapping[str, Actor],
) -> tuple[dict[str, Any], list[str]]:
    identifiers: Mapping[str, str] = {}
    place: Place | None = None
    summary: str | None = None
    if isinstance(record, Event):
        who, whom = list(record.actors), list(record.targets)
        date, place, summary = record.date, record.place, record.summary
        identifiers = record.identifiers
    elif isinstance(record, Statement):
        who, whom = [record.speaker], list(record.addressees)
        date, summary = record.date, record.text
    elif isinstance(record, Deployment):
        who = [record.actor]
        whom = [a for a in (record.against, record.host) if a is not None][:1]
        date, place = record.start, record.location
    else:
        who, whom = [record.donor], [record.recipient]
        date = record.announced
    row: dict[str, Any] = {"id": identifiers.get("plover", record.id)}
    if date is not None:
        row["date"] = date.isoformat()
    row["actor"] = [_entity(a, actors) for a in who]
    if whom:
        row["recipient"] = [_entity(a, actors) for a in whom]
    row["event"] = [coding.category]
    modes = [coding.mode] if coding.mode else []
    modes += _split(identifiers.get("plover:mode"))
    if modes:
        row["mode"] = modes
    contexts = [*coding.contexts, *_split(identifiers.get("plover:context"))]
    if contexts:
        row["context"] = contexts
    if place is not None:
        row["event_loc"] = _location(place, identifiers.get("plover:event_loc.country"))
    if summary is not None:
        row["text"] = summary
    return row, [*who, *whom]


def _split(value: str | None) -> list[str]:
    return [] if not value else value.split(",")


def _entity(actor_id: str, actors: Mapping[str, Actor]) -> dict[str, Any]:
    actor = actors.get(actor_id)
    if actor is None:
        return {"entity_text": actor_id}
    entity: dict[str, Any] = {}
    code = actor.identifiers.get("plover:code")
    if code is None and actor.country is not None:
        code = _alpha3(actor.country)
    if code is not None:
        entity["code"] = code
    sector = actor.identifiers.get("plover:sector")
    if sector is not None:
        entity["sector"] = sector
    entity["entity_text"] = actor.name
    wikidata = actor.identifiers.get("wikidata")
    if wikidata is not None:
        entity["wikidata_id"] = wikidata
    return entity


def _alpha3(alpha2: str) -> str:
    entry = country_codes().get(alpha2)
    return entry.alpha_3 if entry is not None and entry.alpha_3 else alpha2


def _location(place: Place, kept_country: str | None) -> dict[str, Any]:
    loc: dict[str, Any] = {"resolved_place": place.name}
    if place.geonames_id is not None:
        loc["geonameid"] = place.geonames_id
    if place.lat is not None:
        loc["lat"] = place.lat
        loc["lon"] = place.lon
    if place.country is not None:
        loc["country_code"] = _alpha3(place.country)
    elif kept_country is not None:
        loc["country_code"] = kept_country
    resolution = _KIND_RESOLUTION.get(place.kind)
    if resolution is not None:
        loc["resolution"] = resolution
    return loc


def _write_lines(target: Path, lines: list[str]) -> None:
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            for line in lines:
                stream.write(line)
                stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
