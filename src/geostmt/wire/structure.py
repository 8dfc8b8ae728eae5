"""Dict -> instance: one structure function per class, derived from :func:`geostmt.model.describe`.

cattrs dispatches to these through :func:`geostmt.wire.configure_converter`. The fast path hands
the object to the class's constructor, whose converters and validators (from the same rules)
check each value once; anything it refuses goes to the detailed path, which reads every field
by its rule's strict JSON form, collects every problem with its path, and only then builds the
instance, whose cross-field rules run last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from geostmt.errors import Problem, ValidationError, shown
from geostmt.model.rules import Date, DecimalNumber, Nested, Rule, expected
from geostmt.model.spec import FieldSpec, describe

__all__ = ["make_detailed_structure_fn", "make_structure_fn"]

Hook = Callable[[Any], Any]


def _wrong(kind: str, value: Any) -> ValidationError:
    return ValidationError.single("", expected(kind, value))


class _NestedHook:
    """A nested class's structure hook, looked up on first use (classes refer to each other)."""

    __slots__ = ("_cls", "_converter", "_hook")

    def __init__(self, cls: type[Any], converter: cattrs.Converter) -> None:
        self._cls = cls
        self._converter = converter
        self._hook: Callable[[Any, Any], Any] | None = None

    def __call__(self, value: Any) -> Any:
        if self._hook is None:
            self._hook = self._converter.get_structure_hook(self._cls)
        return self._hook(value, self._cls)


def _leaf(rule: Rule, converter: cattrs.Converter) -> Hook:
    if isinstance(rule, Nested):
        return _NestedHook(rule.cls, converter)
    return rule.from_json


def _list_of(item: Hook) -> Hook:
    def structure(value: Any) -> Any:
        if type(value) is not list:
            raise _wrong("a list", value)
        items = []
        problems: list[Problem] = []
        for index, element in enumerate(value):
            try:
                items.append(item(element))
            except ValidationError as error:
                problems.extend(error.prefixed(index).problems)
        if problems:
            raise ValidationError(problems)
        return tuple(items)

    return structure


def _read(spec: FieldSpec, converter: cattrs.Converter) -> Hook:
    leaf = _leaf(spec.rule, converter)
    return _list_of(leaf) if spec.many else leaf


@attrs.frozen
class _Field:
    name: str
    read: Hook
    attribute: attrs.Attribute[Any]
    required: bool


def make_detailed_structure_fn(
    cls: type[Any], converter: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    """The slow, thorough path: check every field, collect every problem with its path."""
    spec = describe(cls)
    attributes = {a.name: a for a in attrs.fields(cls)}
    fields = tuple(
        _Field(f.name, _read(f, converter), attributes[f.name], f.required) for f in spec.fields
    )
    known = frozenset(f.name for f in fields)
    tag = spec.tag
    allowed = known | {"type"} if tag is not None else known

    def structure(data: Any, _: Any = None) -> Any:
        if type(data) is not dict:
            raise _wrong("an object", data)
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        for field in fields:
            if field.name not in data or (data[field.name] is None and not field.required):
                if field.required:
                    problems.append(Problem(field.name, "required field missing"))
                continue  # null where there is a default reads as absent
            try:
                value = field.read(data[field.name])
            except ValidationError as error:
                problems.extend(error.prefixed(field.name).problems)
                continue
            attribute = field.attribute
            try:
                if attribute.converter is not None:
                    value = attribute.converter(value)  # type: ignore[operator]
                if attribute.validator is not None:
                    attribute.validator(None, attribute, value)
            except ValidationError as error:
                problems.extend(error.problems)
                continue
            values[field.name] = value
        if not allowed.issuperset(data):
            problems.extend(Problem(str(k), "unknown field") for k in data if k not in allowed)
        if tag is not None and data.get("type", tag) != tag:
            problems.append(Problem("type", f"{shown(data['type'])} is not {tag!r}"))
        if problems:
            raise ValidationError(problems)
        return cls(**values)

    return structure


def _fast_hook(spec: FieldSpec, converter: cattrs.Converter) -> Hook | None:
    """What the fast path must do to a field before the constructor sees it, or None.

    The constructor's converters and validators check plain values; only nested instances and
    the wire's stricter decimal and date strings need work first.
    """
    rule = spec.rule
    if not isinstance(rule, Nested | DecimalNumber | Date):
        return None
    item = _leaf(rule, converter)
    if not spec.many:
        return item

    def many(value: Any) -> Any:
        if type(value) is not list:
            raise _wrong("a list", value)
        return tuple([item(element) for element in value])

    return many


# What the constructor may raise for input the detailed path then explains: a ValidationError
# (a ValueError) from a validator, a TypeError for an unknown keyword, an ArithmeticError from
# a Decimal comparison.
_REFUSED = (TypeError, ValueError, ArithmeticError)


def make_structure_fn(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The function turning a JSON object into an instance of ``cls``, with every problem.

    Errors are as precise as if the fast path did not exist: whatever it refuses is read again
    by the detailed path.
    """
    detailed = make_detailed_structure_fn(cls, converter)
    spec = describe(cls)
    prepare = tuple(
        (f.name, hook) for f in spec.fields if (hook := _fast_hook(f, converter)) is not None
    )
    tag = spec.tag
    defaulted = frozenset(f.name for f in spec.fields if not f.required)

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
            except _REFUSED:
                pass  # the detailed path says what was wrong
        return detailed(data, None)

    structure.detailed = detailed  # type: ignore[attr-defined]  # for tests comparing paths
    return structure
