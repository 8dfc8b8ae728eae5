"""Records -> current PLOVER JSON Lines: :func:`write`, one line per coded record, its actors
written inside it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from geostmt.interop.plover.mapping import RESOLUTIONS
from geostmt.model import Record
from geostmt.model.actor import Actor
from geostmt.model.aid import AidPackage
from geostmt.model.deployment import Deployment
from geostmt.model.event import Event, PloverCoding
from geostmt.model.statement import Statement
from geostmt.model.values import Place
from geostmt.reference.countries import country_codes
from geostmt.wire.files import atomic_text

__all__ = ["WriteSummary", "write"]

_WRITABLE = (Event, Statement, Deployment, AidPackage)


class WriteSummary(NamedTuple):
    """What :func:`write` did: the lines written and each record left out, with why."""

    written: int
    skipped: list[tuple[str, str]]


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
    with atomic_text(path) as stream:
        for line in lines:
            stream.write(line)
            stream.write("\n")
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
    resolution = RESOLUTIONS.get(place.kind)
    if resolution is not None:
        loc["resolution"] = resolution
    return loc
