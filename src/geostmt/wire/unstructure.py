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
from typing import Any

import cattrs

from geostmt.model import ENUMS
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.rules import Choice, Date, DecimalNumber, Nested, Rule, StringMap
from geostmt.model.spec import describe
from geostmt.model.time import PartialDate

__all__ = ["configure_unstructure", "make_unstructure_fn"]


def _enum_value(member: Enum) -> Any:
    return member.value


def _is_tuple(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple


def _tuple_to_list(annotation: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    args = typing.get_args(annotation)
    item = converter.get_unstructure_hook(args[0]) if args else converter.unstructure
    return lambda values: [item(v) for v in values]


def _leaf_expression(rule: Rule, value: str, helpers: dict[str, Any], converter: Any) -> str:
    """Python source turning ``value`` (valid under ``rule``) into its JSON form."""
    if isinstance(rule, DecimalNumber):
        return f"str({value})"
    if isinstance(rule, Date):
        return f"{value}.isoformat()"
    if isinstance(rule, StringMap):
        return f"dict({value})"
    if isinstance(rule, Choice):
        return f"{value}._value_"
    if isinstance(rule, Nested):
        name = f"_u_{rule.cls.__name__}"
        # the nested hook itself where it can be made now (a direct call), else looked up later
        building = _BUILDING.setdefault(id(converter), set())
        if rule.cls in building:
            helpers[name] = _Lazy(rule.cls, converter)  # pragma: no cover - no class holds itself
        else:
            helpers[name] = converter.get_unstructure_hook(rule.cls)
        return f"{name}({value})"
    return value  # text, ids, codes, numbers: JSON already


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
    lines = [f"    d = {{'type': {spec.tag!r}}}" if spec.tag else "    d = {}"]
    for field in spec.fields:
        expression = _leaf_expression(field.rule, "x" if field.many else "v", helpers, converter)
        if field.many:
            expression = f"[{expression} for x in v]" if expression != "x" else "list(v)"
        lines.append(f"    v = r.{field.name}")
        if field.required:
            lines.append(f"    d[{field.name!r}] = {expression}")
        elif field.default is None:
            lines.append(f"    if v is not None: d[{field.name!r}] = {expression}")
        elif field.many or isinstance(field.rule, StringMap):
            lines.append(f"    if v: d[{field.name!r}] = {expression}")
        else:
            helpers[f"_default_{field.name}"] = field.default
            lines.append(f"    if v != _default_{field.name}: d[{field.name!r}] = {expression}")
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
