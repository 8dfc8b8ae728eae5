"""ACLED CSV exports <-> events, actors and sources.

ACLED's terms forbid redistributing its data, so geostmt ships no ACLED file: the tests use rows
written by hand. The mapping is :data:`MAPPING` (one entry per column, read once); the reader
and the writer share one derivation (:func:`~geostmt.interop.acled.cells.columns`): a row is
read into records, the records are written back, and every cell whose written text would
differ from what was read is kept in the event's ``identifiers`` under ``acled:<column>`` (the
only open map an event has), so a file round-trips. See ``docs/interop-acled.md``.

The parts: :mod:`~geostmt.interop.acled.mapping` (the columns and what each becomes),
:mod:`~geostmt.interop.acled.names` (actor and source names and ids),
:mod:`~geostmt.interop.acled.values` (cells to dates, places, counts),
:mod:`~geostmt.interop.acled.cells` (an event's cells), :mod:`~geostmt.interop.acled.reading`
and :mod:`~geostmt.interop.acled.writing`.
"""

from geostmt.interop.acled.mapping import ACTOR_KINDS, COLUMNS, KEY_PREFIX, MAPPING
from geostmt.interop.acled.names import actor_id, source_id
from geostmt.interop.acled.reading import read, scan
from geostmt.interop.acled.writing import Skipped, write
from geostmt.interop.acled.writing import _text as _text  # CSV text of rows, for the tests

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
