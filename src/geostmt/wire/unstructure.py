"""Record -> dict: one generated function per class, defaults left out, the ``type`` tag first.

Like cattrs' own ``make_dict_unstructure_fn``, each function is generated once per class as
straight-line code, then registered as a cattrs unstructure hook; unlike it, the code knows the
wire format's rules (no empty lists, no None, no defaults, enums and decimals as strings), so
no per-value dispatch happens at run time.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple

import cattrs

from geostmt.model import ENUMS
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.rules import (
    Choice,
    Date,
    DecimalNumber,
    Integer,
    Nested,
    Number,
    Rule,
    StringMap,
    StringRule,
)
from geostmt.model.spec import FieldSpec, describe
from geostmt.model.time import PartialDate

__all__ = ["LEAVES", "Written", "configure_unstructure", "make_unstructure_fn", "written"]


def _enum_value(member: Enum) -> Any:
    return member.value


def _is_tuple(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple


def _tuple_to_list(annotation: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    args = typing.get_args(annotation)
    item = converter.get_unstructure_hook(args[0]) if args else converter.unstructure
    return lambda values: [item(v) for v in values]


class Written(NamedTuple):
    """One field as every generated writer writes it: the dict writers here and the text
    writers of :mod:`geostmt.wire.textwriter` both follow this, so they cannot drift apart."""

    name: str
    """The field's name, which is also its key."""
    present: str | None
    """Python source of the test on ``v`` (the field's value) under which the field is
    written: None where it always is (a required field). Defaults, None and empty lists and
    maps are left out."""
    leaf: str
    """What each value is (each item, for a list), one of :data:`LEAVES`."""
    many: bool
    """Whether the value is a tuple of such leaves, written as a list."""
    nested: type[Any] | None
    """The geostmt class of a ``"nested"`` leaf."""


LEAVES = ("decimal", "date", "map", "choice", "nested", "string", "integer", "number", "value")
"""What a leaf can be: a Decimal (written as ``str``), a PartialDate (``.isoformat()``), a
FrozenMap of strings, an enum member (``._value_``), an instance of a geostmt class, and
values written as they are: a str, an int, a float, or anything else (``"value"``)."""


def _leaf(rule: Rule) -> str:
    if isinstance(rule, DecimalNumber):
        return "decimal"
    if isinstance(rule, Date):
        return "date"
    if isinstance(rule, StringMap):
        return "map"
    if isinstance(rule, Choice):
        return "choice"
    if isinstance(rule, Nested):
        return "nested"
    if isinstance(rule, StringRule):
        return "string"
    if isinstance(rule, Integer):
        return "integer"
    if isinstance(rule, Number):
        return "number"
    return "value"


def written(field: FieldSpec, helpers: dict[str, Any]) -> Written:
    """How ``field`` is written; a default it is compared with is put in ``helpers`` (the
    generated code's namespace) as ``_default_<name>``."""
    if field.required:
        present = None
    elif field.default is None:
        present = "v is not None"
    elif field.many or isinstance(field.rule, StringMap):
        present = "v"
    else:
        helpers[f"_default_{field.name}"] = field.default
        present = f"v != _default_{field.name}"
    return Written(field.name, present, _leaf(field.rule), field.many, field.nested)


_DICT_LEAVES = {
    "decimal": "str({})",
    "date": "{}.isoformat()",
    "map": "{}._items.copy()",  # the inner dict's C copy: dict(m) walks the Mapping in Python
    "choice": "{}._value_",
}


def _leaf_expression(field: Written, value: str, helpers: dict[str, Any], converter: Any) -> str:
    """Python source turning ``value`` (one valid leaf of ``field``) into its JSON form."""
    if field.nested is not None:
        cls = field.nested
        name = f"_u_{cls.__name__}"
        # the nested hook itself where it can be made now (a direct call), else looked up later
        building = _BUILDING.setdefault(id(converter), set())
        if cls in building:
            helpers[name] = _Lazy(cls, converter)  # pragma: no cover - no class holds itself
        else:
            helpers[name] = converter.get_unstructure_hook(cls)
        return f"{name}({value})"
    template = _DICT_LEAVES.get(field.leaf)
    return value if template is None else template.format(value)  # else JSON already


class _Lazy:
    """A nested class's unstructure hook, looked up on first use (classes refer to each other)."""

    __slots__ = ("_cls", "_converter", "_hook")

    def __init__(self, cls: type[Any], converter: Any) -> None:
        self._cls = cls
        self._converter = converter
        self._hook: Callable[[Any], Any] | None = None

    def __call__(self, value: Any) -> Any:
        if self._hook is None:
            self._hook = self._converter.get_unstructure_hook(self._cls)
        return self._hook(value)


_BUILDING: dict[int, set[type[Any]]] = {}


def make_unstructure_fn(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """The generated function writing an instance of ``cls`` as a JSON-ready dict."""
    building = _BUILDING.setdefault(id(converter), set())
    building.add(cls)
    try:
        return _make_unstructure_fn(cls, converter)
    finally:
        building.discard(cls)
        if not building:
            del _BUILDING[id(converter)]


def _make_unstructure_fn(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    spec = describe(cls)
    helpers: dict[str, Any] = {}
    # the tag and the leading required fields in the dict display itself, each later required
    # field stored straight from its attribute, an optional one through ``v`` and its test
    opening = [f"'type': {spec.tag!r}"] if spec.tag else []
    lines: list[str] = []
    for field in spec.fields:
        how = written(field, helpers)
        value = f"r.{how.name}" if how.present is None else "v"
        if how.many:
            item = _leaf_expression(how, "x", helpers, converter)
            if item == "x":
                expression = f"list({value})"
            elif item.endswith("(x)") and item[:-3].isidentifier():  # a nested class's hook
                expression = f"list(map({item[:-3]}, {value}))"
            else:
                expression = f"[{item} for x in {value}]"
        else:
            expression = _leaf_expression(how, value, helpers, converter)
        if how.present is None and not lines:
            opening.append(f"{how.name!r}: {expression}")
        elif how.present is None:
            lines.append(f"    d[{how.name!r}] = {expression}")
        else:
            lines.append(f"    v = r.{how.name}")
            lines.append(f"    if {how.present}: d[{how.name!r}] = {expression}")
    lines.insert(0, "    d = {" + ", ".join(opening) + "}")
    source = "def unstructure(r):\n" + "\n".join(lines) + "\n    return d\n"
    namespace: dict[str, Any] = dict(helpers)
    exec(
        compile(source, f"<geostmt unstructure {cls.__name__}>", "exec"), namespace
    )  # our own generated code, as cattrs does
    function: Callable[[Any], Any] = namespace["unstructure"]
    return function


def configure_unstructure(
    converter: cattrs.Converter, is_geostmt_class: Callable[[Any], bool]
) -> None:
    """Teach ``converter`` to write geostmt values in the wire format."""
    # str-valued enums would otherwise pass through as members (cattrs treats str subclasses
    # as primitives); the wire format wants their plain string values.
    for enum in ENUMS:
        converter.register_unstructure_hook(enum, _enum_value)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_unstructure_hook(FrozenMap, dict)
    converter.register_unstructure_hook_factory(_is_tuple, _tuple_to_list)
    converter.register_unstructure_hook_factory(
        is_geostmt_class, lambda cls: make_unstructure_fn(cls, converter)
    )
