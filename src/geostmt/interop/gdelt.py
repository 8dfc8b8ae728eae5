"""GDELT 2.0 event exports -> events, actors and sources.

A GDELT 2.0 export (``20161013151500.export.CSV``, shipped zipped) is tab-separated text with
no header: one event per line, in the 61 :data:`COLUMNS`. Each good row becomes one
:class:`~geostmt.Event` (id ``gdelt-<GLOBALEVENTID>``), an :class:`~geostmt.Actor` for each
CAMEO actor not seen before in the read, and a :class:`~geostmt.Source` for its SOURCEURL
(once per read), actors and sources first. Which column becomes which field is data:
:data:`MAPPING` (and :data:`DROPPED`, with why); docs/interop-gdelt.md prints the same table.

``scan`` yields a :class:`~geostmt.interop.rows.Row` per line with its problems, each at the
column it concerns (``EventCode: '999' is not a CAMEO event code``); ``read`` raises
:class:`~geostmt.ValidationError` at the first bad row, naming the file and line. Both stream:
one line is held at a time.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import IO, Any, TypeVar

from geostmt.errors import Problem, ValidationError, shown
from geostmt.interop.ids import ascii_folded, id_text
from geostmt.interop.rows import Row, Seen, first_bad_row
from geostmt.model import Record
from geostmt.model.actor import Actor
from geostmt.model.enums import ActorKind, PlaceKind
from geostmt.model.event import Event, PloverCoding
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.parts import Evidence
from geostmt.model.rules import ID_MAX_LENGTH
from geostmt.model.source import Source
from geostmt.model.time import PartialDate
from geostmt.model.values import Place
from geostmt.reference.cameo import is_cameo_code
from geostmt.reference.code_systems import from_cameo_country, from_fips
from geostmt.reference.plover import cameo_to_plover
from geostmt.wire.files import source_name

__all__ = ["ACTOR_KINDS", "COLUMNS", "DROPPED", "MAPPING", "PLACE_KINDS", "read", "scan"]

#: The 61 columns of a GDELT 2.0 event export, in file order.
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: Each column read, with the field(s) it becomes. ``ActorN`` is Actor1 or Actor2.
MAPPING: Mapping[str, str] = MappingProxyType(
    {
        "GLOBALEVENTID": "Event.id (gdelt-<id>), Event.identifiers.gdelt",
        "SQLDATE": "Event.date (day precision)",
        "Actor1Code": "Event.actors (an Actor's id), Actor.identifiers.cameo",
        "Actor1Name": "Actor.name (as given), part of Actor.id",
        "Actor1CountryCode": "Actor.country (CAMEO country code to ISO; regions give none)",
        "Actor1Type1Code": "Actor.kind",
        "Actor1Type2Code": "Actor.kind (when Type1 gives none)",
        "Actor1Type3Code": "Actor.kind (when Type1 and Type2 give none)",
        "Actor2Code": "Event.targets (an Actor's id), Actor.identifiers.cameo",
        "Actor2Name": "Actor.name (as given), part of Actor.id",
        "Actor2CountryCode": "Actor.country (CAMEO country code to ISO; regions give none)",
        "Actor2Type1Code": "Actor.kind",
        "Actor2Type2Code": "Actor.kind (when Type1 gives none)",
        "Actor2Type3Code": "Actor.kind (when Type1 and Type2 give none)",
        "EventCode": "Event.cameo (as text, leading zero kept), Event.plover",
        "ActionGeo_Type": "Place.kind",
        "ActionGeo_FullName": "Place.name",
        "ActionGeo_CountryCode": "Place.country (FIPS 10-4 to ISO 3166-1)",
        "ActionGeo_Lat": "Place.lat",
        "ActionGeo_Long": "Place.lon",
        "SOURCEURL": "Source.url (Source.title when not a URL), Event.evidence",
    }
)

_GEO_PARTS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_DERIVED = "derived from EventCode by geostmt (Event.quad_class, Event.goldstein)"
_ACTOR_GEO = "where an actor was placed, not a property of it; Event.place is the action's"
_ADM = "GDELT's own FIPS-based ADM codes; not mapped to ISO 3166-2 (nothing is guessed)"
_FEATURE = "a GNS or GNIS feature id (or a FIPS code), not a GeoNames id"
_ACTOR_DETAIL = "no Actor field holds it; the CAMEO code in Actor.identifiers keeps it"

#: Each column not read, with why.
DROPPED: Mapping[str, str] = MappingProxyType(
    {
        "MonthYear": "repeats SQLDATE",
        "Year": "repeats SQLDATE",
        "FractionDate": "repeats SQLDATE",
        **{
            f"Actor{n}{what}": _ACTOR_DETAIL
            for n in (1, 2)
            for what in ("KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code")
        },
        "IsRootEvent": "a property of the article, not of the event",
        "EventBaseCode": "repeats EventCode",
        "EventRootCode": "repeats EventCode",
        "QuadClass": _DERIVED,
        "GoldsteinScale": _DERIVED,
        "NumMentions": "coverage counts, not facts of the event",
        "NumSources": "coverage counts, not facts of the event",
        "NumArticles": "coverage counts, not facts of the event",
        "AvgTone": "the articles' tone, not the event's",
        **{f"Actor{n}Geo_{what}": _ACTOR_GEO for n in (1, 2) for what in _GEO_PARTS},
        "ActionGeo_ADM1Code": _ADM,
        "ActionGeo_ADM2Code": _ADM,
        "ActionGeo_FeatureID": _FEATURE,
        "DATEADDED": "when GDELT processed the article, not when the event happened",
    }
)

#: The actor kind each CAMEO type code gives; any other type code gives ``other``.
ACTOR_KINDS: Mapping[str, ActorKind] = MappingProxyType(
    {
        "GOV": ActorKind.GOVERNMENT,
        "JUD": ActorKind.GOVERNMENT,
        "LEG": ActorKind.GOVERNMENT,
        "MIL": ActorKind.MILITARY,
        "COP": ActorKind.MILITARY,
        "SPY": ActorKind.MILITARY,
        "PKO": ActorKind.MILITARY,
        "REB": ActorKind.ARMED_GROUP,
        "INS": ActorKind.ARMED_GROUP,
        "SEP": ActorKind.ARMED_GROUP,
        "UAF": ActorKind.ARMED_GROUP,
        "IMG": ActorKind.ARMED_GROUP,
        "MED": ActorKind.MEDIA,
        "BUS": ActorKind.COMPANY,
        "MNC": ActorKind.COMPANY,
        "IGO": ActorKind.ORGANIZATION,
        "NGO": ActorKind.ORGANIZATION,
        "NGM": ActorKind.ORGANIZATION,
        "PTY": ActorKind.ORGANIZATION,
        "UNO": ActorKind.ORGANIZATION,
        "AMN": ActorKind.ORGANIZATION,
        "GRP": ActorKind.ORGANIZATION,
        "IRC": ActorKind.ORGANIZATION,
    }
)

#: The place kind each ActionGeo_Type gives (0 or empty: no place). A country-level place whose
#: FIPS code names no current country (``OS``, oceans) is ``other``.
PLACE_KINDS: Mapping[str, PlaceKind] = MappingProxyType(
    {
        "1": PlaceKind.COUNTRY,
        "2": PlaceKind.OTHER,
        "3": PlaceKind.CITY,
        "4": PlaceKind.CITY,
        "5": PlaceKind.OTHER,
    }
)

# FIPS codes GDELT writes that name no current single country: known, so not a problem.
_FIPS_NO_COUNTRY = frozenset({"OS", "NT", "YI"})

_AT: Mapping[str, int] = MappingProxyType({name: i for i, name in enumerate(COLUMNS)})
_DIGITS = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")

GdeltSource = str | os.PathLike[str] | IO[str] | IO[bytes]
T = TypeVar("T")


class _RowError(Exception):
    """Problems of one row (internal: never escapes this module)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)


def _problem(column: str, message: str) -> _RowError:
    return _RowError((Problem(column, message),))


def _build(make: Callable[[], T], columns: Mapping[str, str], default: str) -> T:
    """``make()``, its ValidationError's paths renamed to columns (``lat`` -> ActionGeo_Lat)."""
    try:
        return make()
    except ValidationError as error:
        raise _RowError(
            p._replace(path=columns.get(p.path.split(".")[0].split("[")[0], default))
            for p in error.problems
        ) from None


def _actor(cells: list[str], n: int) -> Actor | None:
    prefix = f"Actor{n}"
    code = cells[_AT[f"{prefix}Code"]]
    if not code:
        return None
    name = cells[_AT[f"{prefix}Name"]] or code
    country_code = cells[_AT[f"{prefix}CountryCode"]]
    country = from_cameo_country(country_code)
    types = [cells[_AT[f"{prefix}Type{i}Code"]] for i in (1, 2, 3)]
    present = [t for t in types if t]
    if present:
        kind = next((ACTOR_KINDS[t] for t in present if t in ACTOR_KINDS), ActorKind.OTHER)
    elif country is not None and code == country_code:
        kind = ActorKind.STATE
    else:
        kind = ActorKind.OTHER
    ident = "-".join(
        part for part in ("gdelt-actor", id_text(code), id_text(ascii_folded(name).lower())) if part
    )
    columns = {
        "id": f"{prefix}Code",
        "name": f"{prefix}Name",
        "identifiers": f"{prefix}Code",
        "country": f"{prefix}CountryCode",
    }
    return _build(
        lambda: Actor(
            id=ident[:ID_MAX_LENGTH],
            name=name,
            kind=kind,
            country=country,
            identifiers=FrozenMap({"cameo": code}),
        ),
        columns,
        f"{prefix}Code",
    )


def _coordinate(cells: list[str], column: str) -> float | None:
    text = cells[_AT[column]]
    if not text:
        return None
    if not _DECIMAL.fullmatch(text):
        raise _problem(column, f"{shown(text)} is not a decimal number")
    return float(text)


_PLACE_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "name": "ActionGeo_FullName",
        "kind": "ActionGeo_Type",
        "country": "ActionGeo_CountryCode",
        "lat": "ActionGeo_Lat",
        "lon": "ActionGeo_Long",
    }
)


def _place(cells: list[str]) -> Place | None:
    geo_type = cells[_AT["ActionGeo_Type"]]
    if geo_type in ("", "0"):
        return None
    kind = PLACE_KINDS.get(geo_type)
    if kind is None:
        raise _problem("ActionGeo_Type", f"{shown(geo_type)} is not a GDELT geographic type")
    fips = cells[_AT["ActionGeo_CountryCode"]]
    country = from_fips(fips)
    if fips and country is None and fips not in _FIPS_NO_COUNTRY:
        raise _problem("ActionGeo_CountryCode", f"{shown(fips)} is not a FIPS 10-4 country code")
    if kind is PlaceKind.COUNTRY and country is None:
        kind = PlaceKind.OTHER
    lat = _coordinate(cells, "ActionGeo_Lat")
    lon = _coordinate(cells, "ActionGeo_Long")
    name = cells[_AT["ActionGeo_FullName"]]
    return _build(
        lambda: Place(name=name, kind=kind, country=country, lat=lat, lon=lon),
        _PLACE_COLUMNS,
        "ActionGeo_FullName",
    )


def _source(cells: list[str]) -> Source | None:
    text = cells[_AT["SOURCEURL"]]
    if not text.strip():
        return None
    ident = "gdelt-src-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    is_url = text.startswith(("http://", "https://"))
    return _build(
        lambda: Source(id=ident, url=text if is_url else None, title=None if is_url else text),
        {},
        "SOURCEURL",
    )


def _date(text: str) -> PartialDate:
    if len(text) != 8 or not _DIGITS.fullmatch(text):
        raise _problem("SQLDATE", f"{shown(text)} is not a date written YYYYMMDD")
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    return _build(lambda: PartialDate(year=year, month=month, day=day), {}, "SQLDATE")


def _records(cells: list[str]) -> list[Record]:
    """The records of one row: its actors and source, then its event; _RowError if anything is."""
    if len(cells) != len(COLUMNS):
        raise _problem("", f"expected {len(COLUMNS)} tab-separated columns, found {len(cells)}")
    problems: list[Problem] = []

    def attempt(make: Callable[[], T]) -> T | None:
        try:
            return make()
        except _RowError as bad:
            problems.extend(bad.problems)
            return None

    event_id = cells[_AT["GLOBALEVENTID"]]
    if not _DIGITS.fullmatch(event_id):
        problems.append(Problem("GLOBALEVENTID", f"{shown(event_id)} is not a GDELT event id"))
    date = attempt(lambda: _date(cells[_AT["SQLDATE"]]))
    code = cells[_AT["EventCode"]]
    if not is_cameo_code(code):
        problems.append(Problem("EventCode", f"{shown(code)} is not a CAMEO event code"))
    actor = attempt(lambda: _actor(cells, 1))
    target = attempt(lambda: _actor(cells, 2))
    place = attempt(lambda: _place(cells))
    source = attempt(lambda: _source(cells))
    if problems:
        raise _RowError(problems)
    mapped = cameo_to_plover(code)
    plover = (
        None
        if mapped is None
        else PloverCoding(category=mapped.category, mode=mapped.mode, contexts=mapped.contexts)
    )
    event = _build(
        lambda: Event(
            id=f"gdelt-{event_id}",
            cameo=code,
            plover=plover,
            actors=() if actor is None else (actor.id,),
            targets=() if target is None else (target.id,),
            date=date,
            place=place,
            identifiers=FrozenMap({"gdelt": event_id}),
            evidence=() if source is None else (Evidence(source=source.id),),
        ),
        {"id": "GLOBALEVENTID", "cameo": "EventCode", "plover": "EventCode", "date": "SQLDATE"},
        "",
    )
    records: list[Record] = [r for r in (actor, target, source) if r is not None]
    return [*records, event]


def _lines(stream: IO[Any]) -> Iterator[tuple[int, str | None]]:
    """Each line with its number, without its line end; None for bytes that are not UTF-8."""
    for number, line in enumerate(stream, start=1):
        if isinstance(line, bytes):
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None
                continue
        else:
            text = line
        yield number, text.rstrip("\r\n")


def _open_lines(source: GdeltSource) -> Iterator[tuple[int, str | None]]:
    if not isinstance(source, str | os.PathLike):
        yield from _lines(source)
        return
    if os.fspath(source).lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(source) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
                if len(members) != 1:
                    message = f"a GDELT zip holds one file; this one holds {len(members)}"
                    raise ValidationError([Problem("", message, None, os.fspath(source))])
                with archive.open(members[0]) as member:
                    yield from _lines(member)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as error:
            message = f"not a readable zip file: {error}"
            raise ValidationError([Problem("", message, None, os.fspath(source))]) from None
        return
    with open(source, "rb") as stream:
        yield from _lines(stream)


def scan(source: GdeltSource) -> Iterator[Row]:
    """A :class:`~geostmt.interop.rows.Row` per non-blank line of a GDELT 2.0 event export.

    ``source`` is a path (a ``.zip`` holding one export, as GDELT ships them, or the export
    itself) or an open file, text or binary. A good row's records are its actors and source
    not seen before in this scan, then its event; a bad row has no records and its problems,
    each naming the column.
    """
    seen = Seen()
    events: dict[str, int] = {}
    for number, line in _open_lines(source):
        if line is None:
            yield Row(number, (), (Problem("", "not UTF-8 text", number),))
            continue
        if not line.strip():
            continue
        try:
            records = _records(line.split("\t"))
        except _RowError as bad:
            yield Row(number, (), tuple(p._replace(line=number) for p in bad.problems))
        else:
            *cited, event = records
            first = events.setdefault(event.id, number)
            if first != number:
                problem = Problem("GLOBALEVENTID", f"event {event.id} repeats line {first}", number)
                yield Row(number, (), (problem,))
            else:
                yield Row(number, (*seen.new(cited), event), ())


def read(source: GdeltSource) -> Iterator[Record]:
    """The records of a GDELT 2.0 event export, streamed, actors and sources before the events
    citing them, each once; a ValidationError naming the file, line and column at the first
    bad row."""
    return first_bad_row(scan(source), source_name(source))
