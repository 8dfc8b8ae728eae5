"""``to_arrow(records, cls)``: records to an Arrow table, built column by column.

Each field becomes one Arrow array from a Python list of its values (``pa.array`` per leaf,
``StructArray.from_arrays`` and ``ListArray.from_arrays`` above them), never a dict per row.
Decimals are checked first: one that ``decimal128(38, 6)`` cannot hold exactly is a
ValidationError with its row and path, never rounded.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa

from geostmt.errors import Problem, ValidationError
from geostmt.model import rules as r
from geostmt.model.rules import noun
from geostmt.model.spec import FieldSpec, describe
from geostmt.table.schema import DECIMAL_PRECISION, DECIMAL_SCALE, arrow_schema, fields_of

__all__ = ["decimal_problem", "to_arrow"]

_CONTEXT = decimal.Context(prec=DECIMAL_PRECISION + 40)
_STEP = Decimal(1).scaleb(-DECIMAL_SCALE)
_LIMIT = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)


def decimal_problem(value: Decimal) -> str | None:
    """Why ``value`` does not fit ``decimal128(38, 6)`` exactly, or None when it does."""
    if value.adjusted() >= DECIMAL_PRECISION - DECIMAL_SCALE:  # before quantize can overflow
        return (
            f"{value} has more than {DECIMAL_PRECISION - DECIMAL_SCALE} digits before the "
            "point, more than an Arrow decimal128(38, 6) holds"
        )
    fitted = value.quantize(_STEP, context=_CONTEXT)
    if fitted != value:
        return f"{value} has more than {DECIMAL_SCALE} decimal places; it is never rounded"
    if fitted.copy_abs() >= _LIMIT:
        return (
            f"{value} has more than {DECIMAL_PRECISION - DECIMAL_SCALE} digits before the "
            "point, more than an Arrow decimal128(38, 6) holds"
        )
    return None


def _decimal_paths(cls: type[Any], seen: frozenset[type[Any]] = frozenset()) -> bool:
    """Whether instances of ``cls`` can hold a decimal anywhere."""
    for spec in describe(cls).fields:
        if isinstance(spec.rule, r.DecimalNumber):
            return True
        nested = spec.nested
        if nested is not None and nested not in seen and _decimal_paths(nested, seen | {cls}):
            return True
    return False


def _decimal_problems(value: Any, path: str) -> Iterator[Problem]:
    for spec in describe(type(value)).fields:
        found = getattr(value, spec.name)
        if found is None:
            continue
        here = f"{path}.{spec.name}" if path else spec.name
        items = enumerate(found) if spec.many else ((None, found),)
        for index, item in items:
            where = here if index is None else f"{here}[{index}]"
            if isinstance(spec.rule, r.DecimalNumber):
                problem = decimal_problem(item)
                if problem is not None:
                    yield Problem(where, problem)
            elif spec.nested is not None and _decimal_paths(spec.nested):
                yield from _decimal_problems(item, where)


def _dates(spec: FieldSpec, values: Sequence[Any]) -> list[pa.Array]:
    texts: list[str | None] = []
    precisions: list[str | None] = []
    lows: list[Any] = []
    highs: list[Any] = []
    for value in values:
        if value is None:
            texts.append(None)
            precisions.append(None)
            lows.append(None)
            highs.append(None)
        else:
            texts.append(value.isoformat())
            precisions.append(value.precision.value)
            lows.append(value.earliest())
            highs.append(value.latest())
    return [
        pa.array(texts, pa.string()),
        pa.array(precisions, pa.string()).dictionary_encode(),
        pa.array(lows, pa.date32()),
        pa.array(highs, pa.date32()),
    ]


def _identifiers(values: Sequence[Any]) -> pa.Array:
    offsets, schemes, idents = [0], [], []
    for mapping in values:
        if mapping:
            for scheme, ident in mapping.items():
                schemes.append(scheme)
                idents.append(ident)
        offsets.append(len(schemes))
    entries = pa.StructArray.from_arrays(
        [pa.array(schemes, pa.string()), pa.array(idents, pa.string())], names=["scheme", "id"]
    )
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), entries)


def _decimals(values: Sequence[Any]) -> pa.Array:
    kind = pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
    try:
        return pa.array(values, kind)
    except pa.ArrowInvalid:
        # Arrow refuses any exponent below -6, even where the digits there are zeros
        # (0.1234560): give those their exact six-place form, and try once more
        fitted = [
            value.quantize(_STEP, context=_CONTEXT)
            if value is not None and decimal_problem(value) is None
            else value
            for value in values
        ]
        return pa.array(fitted, kind)


def _leaf(rule: r.Rule, values: Sequence[Any]) -> pa.Array:
    if isinstance(rule, r.Nested):
        mask = pa.array([value is None for value in values], pa.bool_())
        children = _columns(rule.cls, values)
        return pa.StructArray.from_arrays(
            children, fields=fields_of(rule.cls, nested=True), mask=mask
        )
    if isinstance(rule, r.StringMap):
        return _identifiers(values)
    if isinstance(rule, r.Choice):
        words = [None if value is None else value.value for value in values]
        return pa.array(words, pa.string()).dictionary_encode()
    kind: pa.DataType = pa.string()
    if isinstance(rule, r.DecimalNumber):
        return _decimals(values)
    if isinstance(rule, r.Integer):
        kind = pa.int64()
    elif isinstance(rule, r.Number):
        kind = pa.float64()
    return pa.array(values, kind)


def _column(spec: FieldSpec, values: Sequence[Any]) -> list[pa.Array]:
    if isinstance(spec.rule, r.Date):
        return _dates(spec, values)
    if not spec.many:
        return [_leaf(spec.rule, values)]
    offsets, flat = [0], []
    for items in values:
        if items:
            flat.extend(items)
        offsets.append(len(flat))
    child = _leaf(spec.rule, flat)
    return [pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), child)]


def _columns(cls: type[Any], values: Sequence[Any]) -> list[pa.Array]:
    arrays: list[pa.Array] = []
    for spec in describe(cls).fields:
        name = spec.name
        column = [None if value is None else getattr(value, name) for value in values]
        arrays.extend(_column(spec, column))
    return arrays


def to_arrow(records: Iterable[Any], cls: type[Any]) -> pa.Table:
    """An Arrow table of ``records``, all instances of ``cls``, with :func:`arrow_schema` (cls).

    Raises ValidationError, naming the row (``line``, 1-based) and path, for a record of another
    class or a decimal the table cannot hold exactly.
    """
    rows = list(records)
    problems = [
        Problem("", f"expected {noun(cls)}, got {type(record).__name__}", number)
        for number, record in enumerate(rows, 1)
        if type(record) is not cls
    ]
    if problems:
        raise ValidationError(problems)
    try:
        columns = _columns(cls, rows)
    except pa.ArrowInvalid:
        # Arrow refused a decimal it cannot hold exactly: find which, with its row and path
        problems = [
            p._replace(line=number)
            for number, record in enumerate(rows, 1)
            for p in _decimal_problems(record, "")
        ]
        if problems:
            raise ValidationError(problems) from None
        raise
    return pa.Table.from_arrays(columns, schema=arrow_schema(cls))
