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

from geostmt.errors import PATH_LIMIT, Problem, ValidationError, cut, shown, unknown_field
from geostmt.model.rules import Nested, Rule, expected
from geostmt.model.spec import FieldSpec, describe
from geostmt.wire.decoders import decoder

__all__ = ["KEY_LIMIT", "make_detailed_structure_fn", "make_structure_fn", "path_key"]

Hook = Callable[[Any], Any]

KEY_LIMIT = PATH_LIMIT
"""The most characters of an object key a problem's path holds (a 60 MB key is not a 60 MB
path); a longer key is cut, ending in ``...``. The same bound as a stored problem's path."""


def path_key(key: object) -> str:
    """``key`` as a problem's path names it: a str itself (cut past :data:`KEY_LIMIT`
    characters), anything else as :func:`~geostmt.errors.shown` renders it."""
    if not isinstance(key, str):
        return shown(key)
    return cut(key, KEY_LIMIT)


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
            for key in data:
                if key not in allowed:
                    named = path_key(key)  # a long key is near no field: cut, it reads the same
                    problems.append(Problem(named, unknown_field(named, allowed)))
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
    so errors are as precise as if the decoder did not exist. The generated decoder reads the
    classes nested in ``cls`` itself, so it is used only while ``converter`` structures each of
    them with geostmt's own hook: where a hook of the caller's is registered for one (a Money
    read their way), every object goes the detailed path, which asks ``converter``.
    """
    detailed = make_detailed_structure_fn(cls, converter)
    if _nested_hooks_are_own(cls, converter):
        decode = decoder(cls)

        def structure(data: Any, _: Any = None) -> Any:
            try:
                return decode(data)
            except Exception:  # anything odd is the detailed path's to explain
                return detailed(data, None)

        structure.decode = decode  # type: ignore[attr-defined]
    else:

        def structure(data: Any, _: Any = None) -> Any:
            return detailed(data, None)

    structure.detailed = detailed  # type: ignore[attr-defined]  # for tests comparing paths
    structure.geostmt_class = cls  # type: ignore[attr-defined]  # marks geostmt's own hook
    return structure


_BUILDING: set[tuple[int, type[Any]]] = set()
"""(converter id, class) pairs whose hook is being made (a class holding itself: none yet)."""


def _nested_hooks_are_own(cls: type[Any], converter: cattrs.Converter) -> bool:
    """Whether ``converter`` structures every class nested in ``cls``, at any depth, with the
    hook :func:`make_structure_fn` made for it (and so as the generated decoder does)."""
    key = (id(converter), cls)
    _BUILDING.add(key)
    try:
        pending = [f.nested for f in describe(cls).fields if f.nested is not None]
        seen: set[type[Any]] = set()
        while pending:
            nested = pending.pop()
            if nested in seen:
                continue
            seen.add(nested)
            if (id(converter), nested) not in _BUILDING:
                hook = converter.get_structure_hook(nested)
                if getattr(hook, "geostmt_class", None) is not nested:
                    return False
            pending.extend(f.nested for f in describe(nested).fields if f.nested is not None)
        return True
    finally:
        _BUILDING.discard(key)
