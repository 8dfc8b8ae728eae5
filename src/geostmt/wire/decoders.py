"""Generated decoders: one function per class turning a plain JSON object into an instance.

Each is straight-line Python generated once from :func:`geostmt.model.describe`, as cattrs
generates its hooks: every field read with ``dict.get``, checked by its rule's inline test
(:meth:`~geostmt.model.rules.Rule.inline`) or, where a rule has none or the test fails, by the
rule's own ``from_json``, ``convert`` and ``check``; defaults set directly; the instance made
with ``object.__new__`` and the slots' setters, and the class rules' generated test run last.
A decoder never explains: anything it cannot vouch for raises, and
:func:`geostmt.wire.structure.make_structure_fn` hands the input to the detailed path, which
says what is wrong with the same messages as ever.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import attrs

from geostmt.model.fields import check_rules, rules_hold
from geostmt.model.rules import Nested, Rule
from geostmt.model.spec import FieldSpec, RecordSpec, describe

__all__ = ["RefusedError", "decoder", "decoders", "make_decoder"]

Decoder = Callable[[Any], Any]


class RefusedError(Exception):
    """What a generated decoder raises for input it cannot vouch for (the detailed path then
    reads it again and says why)."""


def _refuse() -> Any:
    raise RefusedError


_DECODERS: dict[type[Any], Decoder] = {}
decoders: dict[type[Any], Decoder] = _DECODERS
"""Every decoder generated so far, by class (read-only: for callers skipping the lookup)."""


def decoder(cls: type[Any]) -> Decoder:
    """The generated decoder of ``cls``, made on first use and kept."""
    found = _DECODERS.get(cls)
    if found is None:
        found = make_decoder(cls)
    return found


def _frozen_and_slotted(cls: type[Any]) -> bool:
    inspect = getattr(attrs, "inspect", None)
    if inspect is not None:
        props = inspect(cls)
        return bool(props.is_slotted and props.is_frozen)
    setattr_name = getattr(cls.__setattr__, "__name__", "")  # attrs before 25.4 has no inspect
    return "__slots__" in cls.__dict__ and setattr_name == "_frozen_setattrs"


def _reader(rule: Rule) -> Callable[[Any], Any]:
    """What the detailed path does to one present value: ``from_json``, ``convert``, ``check``."""
    from_json, convert, check = rule.from_json, rule.convert, rule.check

    def read(value: Any) -> Any:
        value = convert(from_json(value))
        check(value)
        return value

    return read


class _Names:
    """The objects generated code refers to, each under a short name."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"_refuse": _refuse, "_list": list, "_dict": dict}
        self._ids: dict[int, str] = {}

    def bind(self, value: Any) -> str:
        """The name ``value`` has in the generated code (the namespace keeps it alive)."""
        name = self._ids.get(id(value))
        if name is None:
            name = self._ids[id(value)] = f"_n{len(self._ids)}"
            self.namespace[name] = value
        return name


def _value(spec: FieldSpec, item: str, names: _Names) -> str:
    """Source of an expression giving the field's value from the JSON value named ``item``."""
    rule = spec.rule
    if isinstance(rule, Nested):
        return f"{names.bind(decoder(rule.cls))}({item})"
    fallback = names.bind(_reader(rule))
    inline = rule.inline(item, names.bind)
    if inline is None:
        return f"{fallback}({item})"
    test, result = inline
    return f"({result} if {test} else {fallback}({item}))"


def _field_lines(spec: FieldSpec, setter: str, names: _Names) -> list[str]:
    """Source reading one field of ``d`` into the instance ``s``, counting it in ``n``."""
    lines = [f"    v = get({spec.name!r})"]
    if spec.required:
        lines.append("    if v is None: _refuse()")
        present = "    "
    else:
        default = spec.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs types it oddly
            if default.takes_self:
                raise TypeError(f"{spec.name}: a default taking self cannot be generated")
            value = f"{names.bind(default.factory)}()"
        else:
            value = "None" if default is None else names.bind(default)
        lines.append(f"    if v is None: {setter}(s, {value})")
        lines.append("    else:")
        present = "        "
    lines.append(f"{present}n += 1")
    if spec.many and spec.nested is not None:
        nested = names.bind(decoder(spec.nested))
        lines.append(f"{present}if type(v) is not _list: _refuse()")
        lines.append(f"{present}{setter}(s, tuple(map({nested}, v)))")
    elif spec.many:
        lines.append(f"{present}if type(v) is not _list: _refuse()")
        lines.append(f"{present}{setter}(s, tuple([{_value(spec, 'x', names)} for x in v]))")
    else:
        lines.append(f"{present}{setter}(s, {_value(spec, 'v', names)})")
    return lines


def make_decoder(cls: type[Any]) -> Decoder:
    """Generate the decoder of ``cls``: a function from a JSON object (a dict of JSON values)
    to an instance, raising (:class:`RefusedError` or another exception) wherever it cannot vouch
    for the input.

    Raises ``TypeError`` for a class that is not a frozen, slotted geostmt class: the decoder
    sets slots directly, which only a frozen class's own checks make safe.
    """
    spec = describe(cls)
    if not _frozen_and_slotted(cls):
        raise TypeError(f"{cls.__name__} is not frozen and slotted; no decoder is generated")
    names = _Names()
    # a placeholder first, so that a class holding itself (none yet) finds its own decoder
    _DECODERS[cls] = _Lazy(cls)
    try:
        source = _source(cls, spec, names)
        namespace = names.namespace
        exec(compile(source, f"<geostmt decoder {cls.__name__}>", "exec"), namespace)  # our own
    except BaseException:
        del _DECODERS[cls]
        raise
    function: Decoder = namespace["decode"]
    function.source = source  # type: ignore[attr-defined]  # for tests and the curious
    _DECODERS[cls] = function
    return function


def _source(cls: type[Any], spec: RecordSpec, names: _Names) -> str:
    lines = ["def decode(d):", "    if type(d) is not _dict: _refuse()", "    get = d.get"]
    lines.append(f"    s = {names.bind(object.__new__)}({names.bind(cls)})")
    allowed = frozenset(f.name for f in spec.fields)
    if spec.tag is not None:
        lines.append("    if 'type' in d:")
        lines.append(f"        if d['type'] != {spec.tag!r}: _refuse()")
        lines.append("        n = 1")
        lines.append("    else: n = 0")
        allowed |= {"type"}
    else:
        lines.append("    n = 0")
    for field in spec.fields:
        if not getattr(attrs.fields(cls), field.name).init:
            raise TypeError(f"{cls.__name__}.{field.name} is not set by __init__")
        lines.extend(_field_lines(field, names.bind(_slot(cls, field.name).__set__), names))
    # a null where there is a default is not counted: only then is each key looked up
    lines.append(f"    if n != len(d) and not {names.bind(allowed)}.issuperset(d): _refuse()")
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is check_rules:
        # the generated test is sure only where it says yes; otherwise every rule is asked,
        # and a rule that fails raises for the detailed path to explain
        lines.append(f"    if not {names.bind(rules_hold(cls))}(s): {names.bind(check_rules)}(s)")
    elif post_init is not None:  # pragma: no cover - every geostmt class uses check_rules
        lines.append("    s.__attrs_post_init__()")
    lines.append("    return s")
    return "\n".join(lines) + "\n"


def _slot(cls: type[Any], name: str) -> Any:
    """The slot holding field ``name`` (in ``cls`` or the class above it that defines it)."""
    slot = next((owner.__dict__[name] for owner in cls.__mro__ if name in owner.__dict__), None)
    if not isinstance(slot, types.MemberDescriptorType):
        raise TypeError(f"{cls.__name__}.{name} is not a slot")
    return slot


class _Lazy:
    """A decoder still being generated (a class holding itself), looked up when first called."""

    __slots__ = ("_cls",)

    def __init__(self, cls: type[Any]) -> None:
        self._cls = cls

    def __call__(self, data: Any) -> Any:
        return _DECODERS[self._cls](data)
