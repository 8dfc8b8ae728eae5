"""geostmt records as Arrow tables and Parquet datasets (install ``geostmt[arrow]``).

One Arrow schema per record or value class, derived from :func:`geostmt.model.describe` like the
JSON Schema: nested values are structs, lists are lists of structs, enums dictionary-encoded
strings, ``identifiers`` a list of ``{scheme, id}``, decimals ``decimal128(38, 6)`` (never
rounded), dates their ISO text with ``<name>_precision``, ``<name>_lo`` and ``<name>_hi``
(``date32``) beside them. pandas, Polars, DuckDB and Spark read what this writes with no geostmt
code.
"""

from __future__ import annotations

try:
    import pyarrow  # noqa: F401  # the extra's one dependency
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError("geostmt.table needs pyarrow: pip install 'geostmt[arrow]'") from error

from geostmt.table.arrays import to_arrow
from geostmt.table.parquet import read_parquet, scan_parquet, write_parquet
from geostmt.table.rows import from_arrow, scan_arrow
from geostmt.table.schema import DECIMAL_PRECISION, DECIMAL_SCALE, arrow_schema

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "arrow_schema",
    "from_arrow",
    "read_parquet",
    "scan_arrow",
    "scan_parquet",
    "to_arrow",
    "write_parquet",
]
