"""One PLOVER event object -> its actors and its :class:`~geostmt.Event`, by the tables of
:mod:`~geostmt.interop.plover.mapping`; whatever the current manual's coding cannot hold is
kept in the event's ``identifiers``."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from geostmt.errors import ValidationError
from geostmt.interop.plover.mapping import (
    ACTOR_FIELDS,
    EVENT_FIELDS,
    NONSTATE_KINDS,
    PLACE_FIELDS,
    RESOLUTION_KINDS,
    SECTOR_KINDS,
)
from geostmt.interop.plover.values import (
    RefusedError,
    get,
    listed,
    number,
    sanitised,
    text,
    type_name,
    words,
)
from geostmt.model.actor import Actor
from geostmt.model.enums import ActorKind, PlaceKind
from geostmt.model.event import Event, PloverCoding
from geostmt.model.frozenmap import to_frozen_map
from geostmt.model.time import PartialDate
from geostmt.model.values import Place
from geostmt.reference.code_systems import from_alpha3, from_cameo_country
from geostmt.reference.countries import is_country
from geostmt.reference.plover import PLOVER_CONTEXTS, current_plover_name, is_plover_mode

__all__ = ["event"]

_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


def event(obj: object) -> tuple[list[Actor], Event]:
    """The actors and the event of one PLOVER object (:class:`RefusedError` or
    ``ValidationError`` when it is none)."""
    if not isinstance(obj, dict):
        raise RefusedError("", f"a PLOVER event is a JSON object, not {type_name(obj)}")
    identifiers: dict[str, str] = {}

    key, raw_id = get(obj, EVENT_FIELDS["id"])
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise RefusedError(key, "a PLOVER event needs an id (a string or an integer)")
    plover_id = str(raw_id)
    event_id = sanitised(f"plover-{plover_id}")
    identifiers["plover"] = plover_id

    coding = _coding(obj, identifiers)

    key, raw_date = get(obj, EVENT_FIELDS["date"])
    date = None
    if raw_date is not None:
        if not isinstance(raw_date, str):
            raise RefusedError(key, f"expected an ISO date, not {type_name(raw_date)}")
        try:
            date = PartialDate.parse(raw_date.strip())
        except ValidationError as error:
            raise error.prefixed(key) from None

    actors = _actors(obj, "actors")
    targets = _actors(obj, "targets")
    key, raw_place = get(obj, EVENT_FIELDS["place"])
    place = None if raw_place is None else _place(raw_place, key, identifiers)
    key, raw_summary = get(obj, EVENT_FIELDS["summary"])
    summary = text(raw_summary, key)

    made = Event(
        id=event_id,
        plover=coding,
        actors=tuple(a.id for a in actors),
        targets=tuple(a.id for a in targets),
        date=date,
        place=place,
        summary=summary,
        identifiers=to_frozen_map(identifiers),
    )
    return [*actors, *targets], made


def _coding(obj: Mapping[str, Any], identifiers: dict[str, str]) -> PloverCoding:
    key, raw_event = get(obj, EVENT_FIELDS["plover.category"])
    names = words(raw_event, key)
    found = [(name, current_plover_name(name)) for name in names]
    usable = [(name, current) for name, current in found if current is not None]
    if not usable:
        shown = ", ".join(names) if names else "none"
        raise RefusedError(
            key, f"no PLOVER category, current or 0.5 ({shown}): the row is not an event"
        )
    written, (category, fixed_mode) = usable[0]
    if len(names) > 1 or written.lower() != category:
        identifiers["plover:event"] = ",".join(names)

    key, raw_mode = get(obj, EVENT_FIELDS["plover.mode"])
    modes = words(raw_mode, key)
    mode = next((m for m in modes if is_plover_mode(category, m)), fixed_mode)
    others = [m for m in modes if m != mode]
    if others:
        identifiers["plover:mode"] = ",".join(others)

    key, raw_context = get(obj, EVENT_FIELDS["plover.contexts"])
    contexts = words(raw_context, key)
    current = tuple(dict.fromkeys(c for c in contexts if c in PLOVER_CONTEXTS))
    old = [c for c in contexts if c not in PLOVER_CONTEXTS]
    if old:
        identifiers["plover:context"] = ",".join(old)
    return PloverCoding(category=category, mode=mode, contexts=current)


def _actors(obj: Mapping[str, Any], field: str) -> list[Actor]:
    key, raw = get(obj, EVENT_FIELDS[field])
    actors: list[Actor] = []
    for index, item in enumerate(listed(raw)):
        path = f"{key}[{index}]"
        if item is None or item == "":
            continue  # the 0.5 form's empty string for a missing actor
        if isinstance(item, str):
            item = {"actorText": item}  # a bare name where an entity object is expected
        if not isinstance(item, dict):
            raise RefusedError(path, f"an actor is a JSON object, not {type_name(item)}")
        actor = _actor(item, path)
        if actor.id not in {a.id for a in actors}:
            actors.append(actor)
    return actors


def _actor(item: Mapping[str, Any], path: str) -> Actor:
    values: dict[str, Any] = {}
    for field, keys in ACTOR_FIELDS.items():
        key, value = get(item, keys)
        if value is not None and not isinstance(value, str):
            raise RefusedError(f"{path}.{key}", f"expected a string, not {type_name(value)}")
        values[field] = value.strip() if isinstance(value, str) else None
    code: str | None = values["country"]
    sector: str | None = values["kind"]
    wikidata: str | None = values["identifiers.wikidata"]
    if wikidata is not None and not _WIKIDATA.match(wikidata):
        wikidata = None
    name: str | None = values["name"] or code or wikidata
    if not name:
        raise RefusedError(path, "an actor needs a name, a code or a Wikidata id")
    country = from_cameo_country(code)
    identifiers: dict[str, str] = {}
    if code:
        identifiers["plover:code"] = code
    if sector:
        identifiers["plover:sector"] = sector
    if wikidata:
        identifiers["wikidata"] = wikidata
    digest = hashlib.blake2s(f"{code}\x1f{values['name']}\x1f{wikidata}".encode(), digest_size=4)
    slug = sanitised(f"{code or ''}-{values['name'] or wikidata or ''}".lower())[:80]
    return Actor(
        id=sanitised(f"plover-actor-{slug}-{digest.hexdigest()}"),
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


def _place(raw: Any, key: str, identifiers: dict[str, str]) -> Place:
    if not isinstance(raw, dict):
        raise RefusedError(key, f"a location is a JSON object, not {type_name(raw)}")
    values = {field: get(raw, keys) for field, keys in PLACE_FIELDS.items()}
    name_key, name = values["name"]
    name = text(name, f"{key}.{name_key}")
    if name is None:
        raise RefusedError(key, "a location needs a name")
    country = None
    country_key, code = values["country"]
    if code is not None:
        if not isinstance(code, str):
            raise RefusedError(
                f"{key}.{country_key}", f"expected a country code, not {type_name(code)}"
            )
        country = _country(code.strip())
        if country is None:
            identifiers["plover:event_loc.country"] = code
    kind = PlaceKind.OTHER
    _, resolution = values["kind"]
    if isinstance(resolution, int) and not isinstance(resolution, bool):
        kind = RESOLUTION_KINDS.get(resolution, PlaceKind.CITY if resolution >= 4 else kind)
    if kind is PlaceKind.COUNTRY and country is None:
        kind = PlaceKind.OTHER
    geonames_key, geonames = values["geonames_id"]
    if geonames is not None:
        if isinstance(geonames, str) and geonames.strip().isdigit():
            geonames = int(geonames)
        if isinstance(geonames, bool) or not isinstance(geonames, int):
            raise RefusedError(
                f"{key}.{geonames_key}", f"expected an integer, not {type_name(geonames)}"
            )
    try:
        return Place(
            name=name,
            kind=kind,
            country=country,
            lat=number(values["lat"][1], f"{key}.lat"),
            lon=number(values["lon"][1], f"{key}.lon"),
            geonames_id=geonames,
        )
    except ValidationError as error:
        raise error.prefixed(key) from None
