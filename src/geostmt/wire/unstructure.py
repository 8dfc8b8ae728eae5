"""Record -> dict: one generated function per class, defaults left out, the ``type`` tag first.

Like cattrs' own ``make_dict_unstructure_fn``, each function is generated once per class as
straight-line code, then registered as a cattrs unstructure hook; unlike it, the code knows the
wire format's rules (no empty lists, no None, no defaults, enums and decimals as strings), so
no per-value dispatch happens at run time.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
import cattrs

from geostmt.model import ENUMS
from geostmt.model.frozenmap import FrozenMap
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


def _expression(annotation: Any, value: str, helpers: dict[str, Any], converter: Any) -> str:
    """Python source turning ``value`` (of type ``annotation``) into its JSON form."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = next(a for a in args if a is not type(None))
        return _expression(rest, value, helpers, converter)
    if origin is tuple:
        inner = _expression(args[0], "x", helpers, converter)
        return f"[{inner} for x in {value}]" if inner != "x" else f"list({value})"
    if annotation in (str, int, float, bool):
        return value
    if annotation is Decimal:
        return f"str({value})"
    if annotation is PartialDate:
        return f"{value}.isoformat()"
    if annotation is FrozenMap:
        return f"dict({value})"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return f"{value}._value_"
    name = f"_u_{annotation.__name__}"
    helpers[name] = _Lazy(annotation, converter)
    return f"{name}({value})"


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


def make_unstructure_fn(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """The generated function writing an instance of ``cls`` as a JSON-ready dict."""
    hints = typing.get_type_hints(cls)
    helpers: dict[str, Any] = {}
    tag: str | None = getattr(cls, "TYPE", None)
    lines = [f"    d = {{'type': {tag!r}}}" if tag else "    d = {}"]
    for field in attrs.fields(cls):
        annotation = hints[field.name]
        expression = _expression(annotation, "v", helpers, converter)
        lines.append(f"    v = r.{field.name}")
        default = field.default
        if default is attrs.NOTHING:
            lines.append(f"    d[{field.name!r}] = {expression}")
        elif default is None:
            lines.append(f"    if v is not None: d[{field.name!r}] = {expression}")
        elif isinstance(default, attrs.Factory) or default == ():  # type: ignore[arg-type]
            lines.append(f"    if v: d[{field.name!r}] = {expression}")
        else:
            helpers[f"_default_{field.name}"] = default
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
        is_geostmt_class,
        lambda cls: (
            PartialDate.isoformat if cls is PartialDate else make_unstructure_fn(cls, converter)
        ),
    )
