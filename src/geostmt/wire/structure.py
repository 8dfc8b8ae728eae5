"""Dict -> record: one structure function per class, built once, reporting every problem.

cattrs dispatches to these through :func:`geostmt.wire.configure_converter`. Each function checks
the JSON type of every field, refuses unknown keys, runs the field's own validators (so all
field problems surface at once, each with its path) and only then builds the instance, whose
``__attrs_post_init__`` adds the cross-field rules.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

import attrs
import cattrs

from geostmt.errors import Problem, ValidationError
from geostmt.model import _checks
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.time import PartialDate

__all__ = ["is_geostmt_class", "make_structure_fn"]

Hook = Callable[[Any], Any]
_DECIMAL = re.compile(_checks.DECIMAL_PATTERN)


def is_geostmt_class(cls: Any) -> bool:
    """Whether ``cls`` is one of geostmt's own attrs classes (a record, value or part)."""
    return isinstance(cls, type) and attrs.has(cls) and cls.__module__.startswith("geostmt.")


def _wrong(kind: str, value: Any) -> ValidationError:
    return ValidationError.single("", _checks.expected(kind, value))


def _str(value: Any) -> Any:
    if type(value) is not str:
        raise _wrong("a string", value)
    return value


def _int(value: Any) -> Any:
    if type(value) is not int:
        raise _wrong("an integer", value)
    return value


def _float(value: Any) -> Any:
    kind = type(value)
    if kind is float:
        return value
    if kind is int or kind is Decimal:
        return float(value)
    raise _wrong("a number", value)


def _decimal(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        if not _DECIMAL.match(value):
            raise ValidationError.single(
                "", f'{_checks.describe(value)} is not a decimal number like "425000000"'
            )
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            raise ValidationError.single("", f"{_checks.describe(value)} is too large") from None
    if kind is int or kind is Decimal:
        return Decimal(value)
    if kind is float:
        return Decimal(repr(value))
    raise _wrong("a decimal number (string or number)", value)


def _partial_date(value: Any) -> Any:
    if type(value) is not str:
        raise _wrong("a date string like 2024-10-31", value)
    return PartialDate.parse(value)


def _string_map(value: Any) -> Any:
    if type(value) is not dict:
        raise _wrong("an object", value)
    return FrozenMap(value)


def _enum(enum: type[Enum]) -> Hook:
    by_value = {member.value: member for member in enum}
    allowed = ", ".join(by_value)

    def structure(value: Any) -> Any:
        member = by_value.get(value) if type(value) is str else None
        if member is None:
            raise ValidationError.single("", f"{_checks.describe(value)} is not one of: {allowed}")
        return member

    return structure


def _optional(hook: Hook) -> Hook:
    def structure(value: Any) -> Any:
        return None if value is None else hook(value)

    return structure


def _tuple(hook: Hook) -> Hook:
    def structure(value: Any) -> Any:
        if type(value) is not list:
            raise _wrong("a list", value)
        items = []
        problems: list[Problem] = []
        for index, element in enumerate(value):
            try:
                items.append(hook(element))
            except ValidationError as error:
                problems.extend(error.prefixed(index).problems)
        if problems:
            raise ValidationError(problems)
        return tuple(items)

    return structure


_LEAVES: dict[Any, Hook] = {
    str: _str,
    int: _int,
    float: _float,
    Decimal: _decimal,
    PartialDate: _partial_date,
    FrozenMap: _string_map,
    dt.date: _partial_date,
}


def hook_for(annotation: Any, converter: cattrs.Converter) -> Hook:
    """The structure hook for one field's type annotation."""
    if annotation in _LEAVES:
        return _LEAVES[annotation]
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _optional(hook_for(rest[0], converter))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple(hook_for(args[0], converter))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _enum(annotation)
    if is_geostmt_class(annotation):
        return lambda value: converter.structure(value, annotation)
    raise TypeError(f"geostmt has no structure hook for {annotation!r}")


@attrs.frozen
class _FieldSpec:
    name: str
    hook: Hook
    attribute: attrs.Attribute[Any]
    required: bool


def make_detailed_structure_fn(
    cls: type[Any], converter: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    """The slow, thorough path: check every field, collect every problem with its path."""
    hints = typing.get_type_hints(cls)
    specs = tuple(
        _FieldSpec(
            name=a.name,
            hook=hook_for(hints[a.name], converter),
            attribute=a,
            required=a.default is attrs.NOTHING,
        )
        for a in attrs.fields(cls)
    )
    known = frozenset(spec.name for spec in specs)
    tag: str | None = getattr(cls, "TYPE", None)
    allowed = known | {"type"} if tag is not None else known

    def structure(data: Any, _: Any = None) -> Any:
        if type(data) is not dict:
            raise _wrong("an object", data)
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        for spec in specs:
            if spec.name not in data or (data[spec.name] is None and not spec.required):
                if spec.required:
                    problems.append(Problem(spec.name, "required field missing"))
                continue  # null where there is a default reads as absent
            try:
                value = spec.hook(data[spec.name])
            except ValidationError as error:
                problems.extend(error.prefixed(spec.name).problems)
                continue
            attribute = spec.attribute
            try:
                if attribute.converter is not None:
                    value = attribute.converter(value)  # type: ignore[operator]
                if attribute.validator is not None:
                    attribute.validator(None, attribute, value)
            except ValidationError as error:
                problems.extend(error.problems)
                continue
            values[spec.name] = value
        if not allowed.issuperset(data):
            problems.extend(Problem(str(k), "unknown field") for k in data if k not in allowed)
        if tag is not None and data.get("type", tag) != tag:
            problems.append(Problem("type", f"{_checks.describe(data['type'])} is not {tag!r}"))
        if problems:
            raise ValidationError(problems)
        return cls(**values)

    return structure


def _fast_hook_for(annotation: Any, converter: cattrs.Converter) -> Hook | None:
    """What the fast path must do to a field before the constructor sees it, or None.

    The constructor's own converters and validators check plain values; only nested records
    and the wire's stricter decimal strings need work first.
    """
    if annotation is Decimal:
        return _decimal
    if annotation is PartialDate:
        return _partial_date
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        inner = _fast_hook_for(rest[0], converter) if len(rest) == 1 else None
        return None if inner is None else _optional(inner)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _fast_hook_for(args[0], converter)
        if item is None:
            return None

        def many(value: Any) -> Any:
            if type(value) is not list:
                raise _wrong("a list", value)
            return tuple([item(element) for element in value])

        return many
    if is_geostmt_class(annotation):
        hook: list[Callable[[Any, Any], Any]] = []

        def nested(value: Any) -> Any:
            if not hook:  # dispatch once, on first use (classes may refer to each other)
                hook.append(converter.get_structure_hook(annotation))
            return hook[0](value, annotation)

        return nested
    return None


def make_structure_fn(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The function turning a JSON object into an instance of ``cls``, with every problem.

    The fast path hands the object to the class's constructor, whose converters and validators
    check each value once. Anything it refuses goes to the detailed path, which finds every
    problem with its path, so errors are as precise as if the fast path did not exist.
    """
    detailed = make_detailed_structure_fn(cls, converter)
    hints = typing.get_type_hints(cls)
    prepare = tuple(
        (a.name, hook)
        for a in attrs.fields(cls)
        if (hook := _fast_hook_for(hints[a.name], converter)) is not None
    )
    tag: str | None = getattr(cls, "TYPE", None)
    defaulted = frozenset(a.name for a in attrs.fields(cls) if a.default is not attrs.NOTHING)

    def structure(data: Any, _: Any = None) -> Any:
        if type(data) is dict:
            try:
                kwargs = data
                if None in data.values():  # null where there is a default reads as absent
                    kwargs = {k: v for k, v in data.items() if v is not None or k not in defaulted}
                if tag is not None and "type" in kwargs:
                    if kwargs["type"] != tag:
                        raise _wrong(repr(tag), kwargs["type"])
                    kwargs = {k: v for k, v in kwargs.items() if k != "type"}
                elif prepare and kwargs is data:
                    kwargs = dict(data)  # the caller's dict is never changed
                for name, hook in prepare:
                    if name in kwargs:
                        kwargs[name] = hook(kwargs[name])
                return cls(**kwargs)
            except Exception:  # the detailed path says what was wrong
                pass
        return detailed(data, None)

    structure.detailed = detailed  # type: ignore[attr-defined]  # for tests comparing paths
    return structure
