"""Record -> JSON text in one step: one generated writer per class, for the pure-Python path.

Without orjson, a record was written in two steps: its generated unstructure function
(:mod:`geostmt.wire.unstructure`) made a dict, then the standard library's C encoder walked
that dict. A text writer does both at once. It is straight-line code generated once per class,
following the same :func:`~geostmt.wire.unstructure.written` description of each field (key
order, what is left out, what each value is), so the two cannot drift apart; the text is put
together from the fields with f-strings, each string escaped by the C encoder's own
``c_encode_basestring``, each int and float written by ``int.__repr__`` and
``float.__repr__`` as the C encoder writes them. The text is the encoder's, byte for byte.

A writer raises where it cannot vouch for the text (an integer past Python's digit limit, a
float that is not finite, a value of the wrong type: none of them in a valid record but the
first); the caller then takes the dict path, which writes it, or says why it cannot, as ever.
A class with a field the generator does not know gets the dict path as its writer. Writers are
made on first use, never on import.
"""

from __future__ import annotations

import json.encoder
from collections.abc import Callable
from typing import Any, NoReturn

from geostmt.model.spec import RecordSpec, describe
from geostmt.wire.converter import default_converter
from geostmt.wire.fastjson import _ENCODE
from geostmt.wire.unstructure import Written, written

__all__ = ["make_text_writer", "text_writer", "writers"]

TextWriter = Callable[[Any], str]

_WRITERS: dict[type[Any], TextWriter] = {}
writers: dict[type[Any], TextWriter] = _WRITERS
"""Every writer made so far, by class (read-only: for callers skipping the lookup)."""


def text_writer(cls: type[Any]) -> TextWriter:
    """The text writer of ``cls``, made on first use and kept: a function from an instance to
    its compact JSON text, exactly as ``fastjson._ENCODE(to_dict(instance))`` writes it.

    Raises ``TypeError`` for a class that is not a geostmt class.
    """
    found = _WRITERS.get(cls)
    if found is None:
        found = make_text_writer(cls)
    return found


class _CannotWriteError(Exception):
    """A field the generator has no text for: the class is written by the dict path."""


def _refuse() -> NoReturn:
    raise ValueError("not written as text: the dict path writes it or says why it cannot")


_STRING = getattr(json.encoder, "c_encode_basestring", None)

_HELPERS: dict[str, Any] = {
    "_string": _STRING,
    "_int": int.__repr__,
    "_float": float.__repr__,
    "_map": _ENCODE,
    "_join": ",".join,
    "_str": str,
    "_low": float("-inf"),
    "_high": float("inf"),
    "_refuse": _refuse,
}

# Each leaf's text from the Python source of its value, as the C encoder writes it. Where it
# writes a value unlike the rest of its kind (a bool, which is an int, as true or false; NaN
# and the infinities as NaN and Infinity), the writer refuses and leaves it to the dict path.
_TEXT_LEAVES = {
    "string": "_string({})",
    "choice": "_string({}._value_)",
    "decimal": "_string(_str({}))",
    "date": "_string({}.isoformat())",
    "map": "_map({}._items)",
    "integer": "(_refuse() if {0} is True or {0} is False else _int({0}))",
    "number": "(_float({0}) if _low < {0} < _high else _refuse())",
}


def _leaf_text(how: Written, value: str, names: dict[str, Any]) -> str:
    """Python source of the JSON text of ``value``, one leaf of the field ``how``."""
    function = _leaf_function(how, names)
    if function is not None:
        return f"{function}({value})"
    template = _TEXT_LEAVES.get(how.leaf)
    if template is None:
        raise _CannotWriteError(how.name)
    return template.format(value)


def _leaf_function(how: Written, names: dict[str, Any]) -> str | None:
    """The name of the function writing each leaf of ``how`` (strings, nested values), if one
    does."""
    if how.nested is not None:
        writer = text_writer(how.nested)  # a placeholder while it is being made
        name = f"_w_{how.nested.__name__}"
        while names.setdefault(name, writer) is not writer:  # two classes of one name
            name += "_"
        return name
    return "_string" if how.leaf == "string" else None


def _value_pieces(how: Written, value: str, names: dict[str, Any]) -> list[tuple[bool, str]]:
    """The field's value as f-string pieces: ``(True, source)`` an expression, ``(False,
    text)`` literal text."""
    if not how.many:
        return [(True, _leaf_text(how, value, names))]
    function = _leaf_function(how, names)
    if function is not None:
        items = f"_join(map({function}, {value}))"
    else:
        items = f"_join([{_leaf_text(how, 'x', names)} for x in {value}])"
    return [(False, "["), (True, items), (False, "]")]


def _fstring(pieces: list[tuple[bool, str]]) -> str:
    """Python source of the text ``pieces`` make: an f-string."""
    template = "".join(
        "{" + text + "}" if is_source else text.replace("{", "{{").replace("}", "}}")
        for is_source, text in pieces
    )
    return "f" + repr(template)  # the expressions hold no quotes, backslashes or colons


def make_text_writer(cls: type[Any]) -> TextWriter:
    """Generate the text writer of ``cls`` (the dict path where a field has no text form).

    Raises ``TypeError`` for a class that is not a geostmt class.
    """
    spec = describe(cls)
    # a placeholder first, so that a class holding itself (none yet) finds its own writer
    _WRITERS[cls] = _Lazy(cls)
    try:
        function = _generate(cls, spec)
    except _CannotWriteError:
        function = _dict_path(cls)
    except BaseException:
        del _WRITERS[cls]
        raise
    _WRITERS[cls] = function
    return function


def _generate(cls: type[Any], spec: RecordSpec) -> TextWriter:
    """The writer's source, compiled; ``_CannotWriteError`` for a field with no text form."""
    if _STRING is None:  # pragma: no cover - CPython has the C encoder
        raise _CannotWriteError("c_encode_basestring")
    names: dict[str, Any] = dict(_HELPERS)
    # Each optional field's text (empty where it is left out) is made first, into a local of
    # its own; one f-string then joins them with the required fields' text. Where the first key
    # may be left out, every key has a comma before it and the first comma is dropped at the
    # end; elsewhere the first key (the type tag or a required field) is certain, and only the
    # keys after it have one.
    dropped = spec.tag is None and (not spec.fields or not spec.fields[0].required)
    lines: list[str] = []
    pieces: list[tuple[bool, str]] = []
    if spec.tag is not None:
        pieces.append((False, '"type":' + _STRING(spec.tag)))
    comma = dropped or spec.tag is not None
    for field in spec.fields:
        how = written(field, names)
        key = (False, ("," if comma else "") + _STRING(how.name) + ":")
        comma = True
        if how.present is None:
            pieces.extend([key, *_value_pieces(how, f"r.{how.name}", names)])
            continue
        local = f"f{len(lines) // 2}"  # f0, f1...: two lines per optional field
        text = _fstring([key, *_value_pieces(how, "v", names)])
        lines.append(f"    v = r.{how.name}")
        lines.append(f"    {local} = {text} if {how.present} else ''")
        pieces.append((True, local))
    if dropped:
        lines.append(f"    s = {_fstring(pieces)}")
        lines.append("    return '{' + s[1:] + '}'")
    else:
        lines.append(f"    return {_fstring([(False, '{'), *pieces, (False, '}')])}")
    source = "def write(r):\n" + "\n".join(lines) + "\n"
    exec(compile(source, f"<geostmt text writer {cls.__name__}>", "exec"), names)  # our own
    function: TextWriter = names["write"]
    function.source = source  # type: ignore[attr-defined]  # for tests and the curious
    return function


def _dict_path(cls: type[Any]) -> TextWriter:
    """The writer of a class the generator cannot write: its dict, then the C encoder."""
    unstructure = default_converter().get_unstructure_hook(cls)

    def write(value: Any) -> str:
        return _ENCODE(unstructure(value))

    return write


class _Lazy:
    """A writer still being generated (a class holding itself), looked up when called."""

    __slots__ = ("_cls",)

    def __init__(self, cls: type[Any]) -> None:
        self._cls = cls

    def __call__(self, value: Any) -> str:
        found = _WRITERS.get(self._cls, self)
        if found is self:  # still being made, by another thread: the dict path writes it
            found = _dict_path(self._cls)
        return found(value)
