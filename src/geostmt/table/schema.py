"""``arrow_schema(cls)``: the Arrow schema of a record or value class, from its field rules."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from geostmt._version import SCHEMA_VERSION, __version__
from geostmt.model import rules as r
from geostmt.model.spec import FieldSpec, describe

__all__ = [
    "DATE_PARTS",
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "IDENTIFIER",
    "arrow_schema",
    "arrow_type",
    "fields_of",
]

DECIMAL_PRECISION = 38
"""The digits of every decimal column (``decimal128``'s most); the scale is ``DECIMAL_SCALE``."""
DECIMAL_SCALE = 6
"""Every decimal is ``decimal128(38, 6)``: six places hold every ISO 4217 minor unit (at most
four) with room for fractional quantities; 32 digits before the point. A value that does not
fit is a ValidationError, never rounded."""
DATE_PARTS = ("_precision", "_lo", "_hi")
"""The columns beside a date column ``d``: ``d_precision`` and the first and last day it can
mean, ``d_lo`` and ``d_hi`` (``date32``), for range queries."""
IDENTIFIER = pa.struct([pa.field("scheme", pa.string(), False), pa.field("id", pa.string(), False)])
"""One entry of an ``identifiers`` map: ``{scheme, id}`` (Arrow maps are avoided on purpose)."""
_ENUM = pa.dictionary(pa.int32(), pa.string())


def arrow_type(rule: r.Rule) -> pa.DataType:
    """The Arrow type of one value under ``rule``."""
    if isinstance(rule, r.Nested):
        return pa.struct(fields_of(rule.cls, nested=True))
    if isinstance(rule, r.StringMap):
        return pa.list_(IDENTIFIER)
    if isinstance(rule, r.DecimalNumber):
        return pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
    if isinstance(rule, r.Integer):
        return pa.int64()
    if isinstance(rule, r.Number):
        return pa.float64()
    if isinstance(rule, r.Choice):
        return _ENUM
    return pa.string()


def _fields(spec: FieldSpec, nested: bool) -> list[pa.Field]:
    if isinstance(spec.rule, r.Date):
        nullable = nested or not spec.required
        return [
            pa.field(spec.name, pa.string(), nullable),
            pa.field(spec.name + "_precision", _ENUM, nullable),
            pa.field(spec.name + "_lo", pa.date32(), nullable),
            pa.field(spec.name + "_hi", pa.date32(), nullable),
        ]
    kind = arrow_type(spec.rule)
    if spec.many:
        return [pa.field(spec.name, pa.list_(kind), nested)]
    if isinstance(spec.rule, r.StringMap):
        return [pa.field(spec.name, kind, nested)]
    return [pa.field(spec.name, kind, nested or not spec.required)]


def fields_of(cls: type[Any], *, nested: bool = False) -> list[pa.Field]:
    """The Arrow fields of ``cls``, one per field (four per date), in declaration order.

    Inside a struct every field is nullable, since the struct itself may be null (an absent
    place); the class's rules still say which are required, and reading checks them.
    """
    return [field for spec in describe(cls).fields for field in _fields(spec, nested)]


def arrow_schema(cls: type[Any]) -> pa.Schema:
    """The Arrow schema of a table of ``cls`` instances, with the schema version, the geostmt
    version and the type in its metadata."""
    spec = describe(cls)
    metadata = {
        "geostmt.schema_version": SCHEMA_VERSION,
        "geostmt.version": __version__,
        "geostmt.type": spec.tag or cls.__name__,
    }
    return pa.schema(fields_of(cls), metadata=metadata)
