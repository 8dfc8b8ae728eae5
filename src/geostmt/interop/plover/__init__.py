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

The parts: :mod:`~geostmt.interop.plover.mapping` (the tables),
:mod:`~geostmt.interop.plover.values` (reading loosely spelled JSON values),
:mod:`~geostmt.interop.plover.events` (an object to an event),
:mod:`~geostmt.interop.plover.reading` and :mod:`~geostmt.interop.plover.writing`.
"""

from geostmt.interop.plover.mapping import (
    ACTOR_FIELDS,
    EVENT_FIELDS,
    KEPT,
    NONSTATE_KINDS,
    PLACE_FIELDS,
    SECTOR_KINDS,
)
from geostmt.interop.plover.reading import read, scan
from geostmt.interop.plover.writing import WriteSummary, write

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
