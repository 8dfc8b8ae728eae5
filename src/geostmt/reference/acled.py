"""The ACLED code book's closed lists: event types, sub-event types, disorder types, codes.

ACLED (Armed Conflict Location & Event Data) sorts every event into one of 6 event types and
25 sub-event types, and from those into a disorder type. ``Event.acled`` and the ACLED reader
check values against these lists, spelled exactly as ACLED's exports write them
(``"Explosions/Remote violence"``, ``"Air/drone strike"``). The lists are short and change only
with a new ACLED code book, so they are written out here by hand from it (the 2019 event-type
revision and the later disorder-type column), not loaded from a file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from geostmt.errors import shown

__all__ = [
    "ACLED_DISORDER_TYPES",
    "ACLED_EVENT_TYPES",
    "ACLED_GEO_PRECISION",
    "ACLED_INTERACTION_CODES",
    "ACLED_TIME_PRECISION",
    "disorder_type_of",
    "event_type_of",
    "is_acled_event_type",
    "is_acled_sub_event_type",
    "suggest",
]

_BATTLES = "Battles"
_EXPLOSIONS = "Explosions/Remote violence"
_VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
_PROTESTS = "Protests"
_RIOTS = "Riots"
_STRATEGIC_DEVELOPMENTS = "Strategic developments"

#: Each event type with its sub-event types, in the code book's order.
ACLED_EVENT_TYPES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        _BATTLES: (
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        ),
        _EXPLOSIONS: (
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ),
        _VIOLENCE_AGAINST_CIVILIANS: (
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
        ),
        _PROTESTS: (
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
        ),
        _RIOTS: (
            "Violent demonstration",
            "Mob violence",
        ),
        _STRATEGIC_DEVELOPMENTS: (
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ),
    }
)

_POLITICAL_VIOLENCE = "Political violence"
_DEMONSTRATIONS = "Demonstrations"
_BOTH = "Political violence; Demonstrations"

#: The values of ACLED's ``disorder_type`` column.
ACLED_DISORDER_TYPES: tuple[str, ...] = (
    _POLITICAL_VIOLENCE,
    _DEMONSTRATIONS,
    _STRATEGIC_DEVELOPMENTS,
    _BOTH,
)

#: Actor type codes of the ``inter1`` and ``inter2`` columns. 0 appears only in ``inter2``, for
#: an event with no second actor (so ``interaction`` 10 is state forces acting alone). Exports
#: since ACLED's 2024 format write the actor type as text instead of these numbers.
ACLED_INTERACTION_CODES: Mapping[int, str] = MappingProxyType(
    {
        0: "No second actor",
        1: "State forces",
        2: "Rebel groups",
        3: "Political militias",
        4: "Identity militias",
        5: "Rioters",
        6: "Protesters",
        7: "Civilians",
        8: "External/Other forces",
    }
)

#: ``time_precision``: how closely the recorded ``event_date`` is known.
ACLED_TIME_PRECISION: Mapping[int, str] = MappingProxyType(
    {
        1: "day: the date is the day the event happened",
        2: "week: only the week, or a span of a few days, is known",
        3: "month: only the month is known",
    }
)

#: ``geo_precision``: how closely the coordinates place the event.
ACLED_GEO_PRECISION: Mapping[int, str] = MappingProxyType(
    {
        1: "the named town, village or site itself",
        2: "near a named place or in part of a district: the nearest named town's coordinates",
        3: "only a larger region is known: coordinates of its capital or a central place",
    }
)

_EVENT_TYPE_OF: Mapping[str, str] = MappingProxyType(
    {sub: event_type for event_type, subs in ACLED_EVENT_TYPES.items() for sub in subs}
)

# The disorder type ACLED assigns, as its code book defines the column: battles, explosions and
# violence against civilians are political violence, and so is mob violence; protests and
# violent demonstrations are demonstrations, except excessive force against protesters, which
# is both; strategic developments are their own disorder type.
_DISORDER_BY_EVENT_TYPE: Mapping[str, str] = MappingProxyType(
    {
        _BATTLES: _POLITICAL_VIOLENCE,
        _EXPLOSIONS: _POLITICAL_VIOLENCE,
        _VIOLENCE_AGAINST_CIVILIANS: _POLITICAL_VIOLENCE,
        _PROTESTS: _DEMONSTRATIONS,
        _RIOTS: _DEMONSTRATIONS,
        _STRATEGIC_DEVELOPMENTS: _STRATEGIC_DEVELOPMENTS,
    }
)
_DISORDER_BY_SUB_EVENT_TYPE: Mapping[str, str] = MappingProxyType(
    {
        "Excessive force against protesters": _BOTH,
        "Mob violence": _POLITICAL_VIOLENCE,
    }
)


def is_acled_event_type(text: object) -> bool:
    """Whether ``text`` is one of ACLED's 6 event types, spelled exactly as ACLED does."""
    return isinstance(text, str) and text in ACLED_EVENT_TYPES


def is_acled_sub_event_type(event_type: object, sub: object) -> bool:
    """Whether ``sub`` is a sub-event type of ``event_type`` (exact spellings; else False)."""
    return isinstance(sub, str) and isinstance(event_type, str) and event_type_of(sub) == event_type


def event_type_of(sub_event_type: object) -> str | None:
    """The event type a sub-event type belongs to, or None if ``sub_event_type`` is not one."""
    return _EVENT_TYPE_OF.get(sub_event_type) if isinstance(sub_event_type, str) else None


def disorder_type_of(event_type: str, sub_event_type: str) -> str:
    """The disorder type ACLED gives an event of this type and sub-event type.

    Args:
        event_type: An ACLED event type (``"Riots"``).
        sub_event_type: One of its sub-event types (``"Mob violence"``).

    Returns:
        One of :data:`ACLED_DISORDER_TYPES` (``"Political violence"``).

    Raises:
        ValueError: The pair is not an event type and one of its sub-event types; the message
            suggests the nearest spelling where there is one.
    """
    if not is_acled_event_type(event_type):
        raise ValueError(_not_one(event_type, "an ACLED event type", ACLED_EVENT_TYPES))
    if not is_acled_sub_event_type(event_type, sub_event_type):
        what = f"a sub-event type of {event_type!r}"
        raise ValueError(_not_one(sub_event_type, what, ACLED_EVENT_TYPES[event_type]))
    return _DISORDER_BY_SUB_EVENT_TYPE.get(sub_event_type) or _DISORDER_BY_EVENT_TYPE[event_type]


def suggest(text: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The choice closest to ``text``, for a "did you mean" hint; None if none is close.

    Case is ignored in the comparison (``"battle"`` suggests ``"Battles"``); the choice is
    returned as spelled in ``choices``.

    Args:
        text: What was written.
        choices: The valid spellings.
        cutoff: How close (0 to 1, difflib's ratio) a choice must be to be suggested.

    Returns:
        The closest valid spelling, or None.
    """
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(text.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[close[0]] if close else None


def _not_one(text: str, what: str, choices: Iterable[str]) -> str:
    """``'Battle' is not an ACLED event type (did you mean 'Battles'?)``."""
    hint = suggest(text, choices) if isinstance(text, str) else None
    return f"{shown(text)} is not {what}" + (f" (did you mean {hint!r}?)" if hint else "")
