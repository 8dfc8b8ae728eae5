"""What goes where: the PLOVER keys read for each geostmt field, the actor kinds of sector and
non-state codes, and the ``identifiers`` keys that keep what the current manual cannot hold."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from geostmt.model.enums import ActorKind, PlaceKind

__all__ = [
    "ACTOR_FIELDS",
    "EVENT_FIELDS",
    "KEPT",
    "NONSTATE_KINDS",
    "PLACE_FIELDS",
    "RESOLUTION_KINDS",
    "RESOLUTIONS",
    "SECTOR_KINDS",
]

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

#: A location's ``resolution`` -> its place kind (4 and above: a city; others: ``other``).
RESOLUTION_KINDS: Mapping[int, PlaceKind] = MappingProxyType(
    {1: PlaceKind.COUNTRY, 2: PlaceKind.REGION, 3: PlaceKind.REGION}
)
#: A place kind -> the ``resolution`` written for it (none for the others).
RESOLUTIONS: Mapping[PlaceKind, int] = MappingProxyType({PlaceKind.COUNTRY: 1, PlaceKind.CITY: 4})
