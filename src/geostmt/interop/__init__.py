"""The field's formats <-> records: GDELT 2.0 events, ACLED CSV exports, PLOVER JSON.

Each format's module has ``read(source)`` (records in dependency order: actors and sources
before the events that cite them, each once; a ValidationError at the first bad row, naming
the file, line and column) and ``scan(source)`` (a :class:`Row` per input row with the records
it adds and its problems, so no row is ever dropped silently); ``write`` where the format can
hold geostmt records. Code books live in :mod:`geostmt.reference`.
"""

from geostmt.interop.rows import Row, Seen, first_bad_row

__all__ = ["Row", "Seen", "first_bad_row"]
