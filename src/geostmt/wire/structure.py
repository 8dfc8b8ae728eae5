"""Dict -> instance: one structure function per class, derived from :func:`geostmt.model.describe`.

cattrs dispatches to these through :func:`geostmt.wire.configure_converter`. The fast path is
the class's generated decoder (:mod:`geostmt.wire.decoders`), checks inlined from the same
rules; anything it cannot vouch for goes to the detailed path, which reads every field by its
rule's strict JSON form, collects every problem with its path, and only then builds the
instance, whose cross-field rules run last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from geostmt.errors import Problem, ValidationError, shown, unknown_field
from geostmt.model.rules import Nested, Rule, expected
from geostmt.model.spec import FieldSpec, describe
from geostmt.wire.decoders import decoder

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
            problems.extend(
                Problem(str(k), unknown_field(k, allowed)) for k in data if k not in allowed
            )
        if tag is not None and data.get("type", tag) != tag:
            problems.append(Problem("type", f"{shown(data['type'])} is not {tag!r}"))
        if problems:
            raise ValidationError(problems)
        return cls(**values)

    return structure


def make_structure_fn(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The function turning a JSON object into an instance of ``cls``, with every problem.

    The class's generated decoder (:func:`geostmt.wire.decoders.decoder`) reads the usual
    valid object in one call; whatever it cannot vouch for is read again by the detailed path,
    so errors are as precise as if the decoder did not exist.
    """
    detailed = make_detailed_structure_fn(cls, converter)
    decode = decoder(cls)

    def structure(data: Any, _: Any = None) -> Any:
        try:
            return decode(data)
        except Exception:  # anything odd is the detailed path's to explain
            return detailed(data, None)

    structure.detailed = detailed  # type: ignore[attr-defined]  # for tests comparing paths
    structure.decode = decode  # type: ignore[attr-defined]
    return structure
