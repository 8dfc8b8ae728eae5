"""Record -> dict: cattrs' generated functions, defaults left out, the ``type`` tag first."""

from __future__ import annotations

import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from geostmt.model import ENUMS
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.time import PartialDate

__all__ = ["configure_unstructure"]


def _enum_value(member: Enum) -> Any:
    return member.value


def _is_tuple(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple


def _tuple_to_list(annotation: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    args = typing.get_args(annotation)
    item = converter.get_unstructure_hook(args[0]) if args else converter.unstructure
    return lambda values: [item(v) for v in values]


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

    def factory(cls: Any) -> Callable[[Any], dict[str, Any]]:
        attrs.resolve_types(cls)  # string annotations -> types, so hooks dispatch on them
        fields = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        tag: str | None = getattr(cls, "TYPE", None)
        if tag is None:
            return fields

        def unstructure(record: Any) -> dict[str, Any]:
            return {"type": tag, **fields(record)}

        return unstructure

    converter.register_unstructure_hook_factory(is_geostmt_class, factory)
