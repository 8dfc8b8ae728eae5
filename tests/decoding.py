"""Run a table of constructor calls through the generated decoders too.

``Decoding(cls)`` stands in for a geostmt class: called with the constructor's keyword
arguments, it writes them as the JSON the wire would carry (enums as their values, nested
instances as objects, tuples as lists), checks that the class's generated decoder refuses the
object wherever the full read does, and returns or raises what :func:`geostmt.from_dict` gives.
So each rule table tests the constructor's validators and the decoders' inline checks alike:
an inline check more lenient than its rule makes the table's ``pytest.raises`` fail.
"""

from __future__ import annotations

import enum
from types import ModuleType
from typing import Any

import pytest

import geostmt as g
from geostmt.model import describe
from geostmt.model.spec import is_described
from geostmt.wire.decoders import decoder

VIAS = ["constructor", "decoder"]
"""The two ways a table runs (a fixture's params)."""


def wire(value: Any) -> Any:
    """``value`` as the JSON reader would give it (Decimals stay: floats are read as Decimals)."""
    if isinstance(value, enum.Enum):
        return value.value
    if is_described(type(value)):
        return {name: wire(item) for name, item in g.to_dict(value).items()}
    if isinstance(value, list | tuple):
        return [wire(item) for item in value]
    if isinstance(value, dict):
        return {key: wire(item) for key, item in value.items()}
    return value


class Decoding:
    """A described class called through its generated decoder and then ``from_dict``."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls

    def __call__(self, **kwargs: Any) -> Any:
        data = {name: wire(value) for name, value in kwargs.items()}
        try:
            fast = decoder(self.cls)(dict(data))
        except Exception:
            fast = None
        try:
            full = g.from_dict(data, self.cls)
        except g.ValidationError:
            assert fast is None, f"the decoder took what the full read refuses: {data!r}"
            raise
        assert fast is None or fast == full
        return full

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cls, name)


class _Namespace:
    """``geostmt`` with its described classes replaced by :class:`Decoding` stand-ins."""

    @staticmethod
    def from_dict(data: Any, cls: Any = None, **options: Any) -> Any:
        """:func:`geostmt.from_dict`, given the class behind a stand-in."""
        return g.from_dict(data, getattr(cls, "cls", cls), **options)

    def __getattr__(self, name: str) -> Any:
        value = getattr(g, name)
        if isinstance(value, type) and is_described(value):
            describe(value)
            return Decoding(value)
        return value


def route(monkeypatch: pytest.MonkeyPatch, module: ModuleType, via: str) -> None:
    """Send ``module``'s calls of geostmt classes (``Actor(...)`` or ``g.Actor(...)``) through
    the decoders when ``via`` is ``"decoder"``."""
    if via == "constructor":
        return
    for name, value in list(vars(module).items()):
        if value is g:
            monkeypatch.setattr(module, name, _Namespace())
        elif isinstance(value, type) and is_described(value):
            monkeypatch.setattr(module, name, Decoding(value))
