"""``from_arrow(table, cls)``: Arrow rows back to records, each validated like JSON.

Each row becomes the wire format's dict (dates from their text, ``identifiers`` from its
``{scheme, id}`` list, decimals without the table's padding zeros) and goes through the same
structure hooks as :func:`geostmt.from_dict`, so a bad row gets the same messages, with its row
number.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import cattrs
import pyarrow as pa

from geostmt.errors import Problem, ValidationError
from geostmt.model import rules as r
from geostmt.model.spec import describe
from geostmt.wire import Line, default_converter

__all__ = ["from_arrow", "scan_arrow"]


def _decimal(value: Any) -> Any:
    """The value without the zeros the table's fixed scale added (``425000000.000000`` is
    ``425000000``; ``1.500000`` is ``1.5``): equal, and written as before."""
    if type(value) is not Decimal:
        return value  # refused by the field's rule
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _identifiers(entries: list[dict[str, str]]) -> dict[str, str]:
    result: dict[str, str] = {}
    for entry in entries:
        if entry["scheme"] in result:
            raise ValidationError.single("", f"scheme {entry['scheme']!r} appears twice")
        result[entry["scheme"]] = entry["id"]
    return result


Step = tuple[str, bool, Callable[[Any], Any] | None]
_PLANS: dict[type[Any], tuple[Step, ...]] = {}


def _plan(cls: type[Any]) -> tuple[Step, ...]:
    """For each field of ``cls``: its name, whether it is a list, and what its values need
    (None: nothing), worked out once per class."""
    found = _PLANS.get(cls)
    if found is None:
        steps: list[Step] = []
        for spec in describe(cls).fields:
            rule = spec.rule
            convert: Callable[[Any], Any] | None = None
            if isinstance(rule, r.Nested):
                convert = functools.partial(_object, rule.cls)
            elif isinstance(rule, r.StringMap):
                convert = _identifiers
            elif isinstance(rule, r.DecimalNumber):
                convert = _decimal
            steps.append((spec.name, spec.many, convert))
        found = _PLANS[cls] = tuple(steps)
    return found


def _object(cls: type[Any], row: dict[str, Any]) -> dict[str, Any]:
    """The wire dict of one row (or struct) of ``cls``: absent where null or empty."""
    data: dict[str, Any] = {}
    for name, many, convert in _plan(cls):
        value = row.get(name)
        if value is None or (many and not value):
            continue
        if convert is None:
            data[name] = value
        elif many:
            data[name] = [convert(item) for item in value]
        else:
            data[name] = convert(value)
    return data


def _instance(cls: type[Any], row: dict[str, Any]) -> Any:
    """``cls`` built straight from a row: the constructors run every rule, as the wire's fast
    path does; the caller falls back to the detailed path for messages if one refuses."""
    kwargs: dict[str, Any] = {}
    for name, many, convert in _plan(cls):
        value = row.get(name)
        if value is None or (many and not value):
            continue
        if isinstance(convert, functools.partial):  # a nested class
            nested = convert.args[0]
            value = [_instance(nested, v) for v in value] if many else _instance(nested, value)
        elif convert is not None:
            value = [convert(v) for v in value] if many else convert(value)
        kwargs[name] = value
    return cls(**kwargs)


# What a constructor raises for a value it refuses (ValidationError is a ValueError).
_REFUSED = (TypeError, ValueError, ArithmeticError)


def _check_columns(table: pa.Table, cls: type[Any]) -> None:
    from geostmt.table.schema import arrow_schema

    wanted = set(arrow_schema(cls).names)
    have = set(table.column_names)
    problems = [Problem(name, "unknown column") for name in sorted(have - wanted)]
    required = {f.name for f in describe(cls).fields if f.required}
    problems += [Problem(name, "required column missing") for name in sorted(required - have)]
    if problems:
        raise ValidationError(problems)


def scan_arrow(
    table: pa.Table,
    cls: type[Any],
    *,
    file: str | None = None,
    converter: cattrs.Converter | None = None,
) -> Iterator[Line]:
    """Every row of ``table`` as a :class:`~geostmt.wire.Line`: its 1-based number, and its
    record or its problems (naming ``file`` where given)."""
    _check_columns(table, cls)
    tag = describe(cls).tag
    structure = (converter or default_converter()).get_structure_hook(cls)
    # only the columns the fields are read from: a date's _precision, _lo and _hi are derived
    wanted = [name for name, _, _ in _plan(cls) if name in table.column_names]
    for number, row in enumerate(table.select(wanted).to_pylist(), 1):
        try:
            yield Line(number, _instance(cls, row), ())
            continue
        except _REFUSED:
            pass  # the detailed path below says what is wrong
        try:
            data = _object(cls, row)
            if tag is not None:
                data["type"] = tag
            record = structure(data, cls)
        except ValidationError as error:
            problems = error.at_line(number).problems
            yield Line(number, None, tuple(p._replace(file=file) for p in problems))
        else:
            yield Line(number, record, ())


def from_arrow(
    table: pa.Table, cls: type[Any], *, converter: cattrs.Converter | None = None
) -> Iterator[Any]:
    """Every row of ``table`` as an instance of ``cls``, validated; a ValidationError naming
    the row (``line``) and path at the first bad row."""
    for line in scan_arrow(table, cls, converter=converter):
        if line.problems:
            raise ValidationError(line.problems)
        yield line.record
