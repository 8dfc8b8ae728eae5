"""What goes where: ACLED's columns, the field each becomes, and the actor kind of each code."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from geostmt.model.enums import ActorKind
from geostmt.reference.acled import ACLED_INTERACTION_CODES

__all__ = ["ACTOR_KINDS", "COLUMNS", "KEY_PREFIX", "MAPPING"]

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
