"""The cattrs converter for geostmt types: ``make_converter()`` or ``configure_converter(c)``.

geostmt never touches ``cattrs.global_converter``; its own functions use a private converter
made on first use, and take ``converter=`` so callers can pass one they composed themselves.
"""

from __future__ import annotations

import functools

import cattrs

from geostmt.model.spec import is_described
from geostmt.wire.structure import make_structure_fn
from geostmt.wire.unstructure import configure_unstructure

__all__ = ["configure_converter", "default_converter", "make_converter"]


def configure_converter(converter: cattrs.Converter) -> None:
    """Register geostmt's structure and unstructure hooks on ``converter``.

    Raises ``TypeError`` for anything but a cattrs converter.
    """
    if not isinstance(converter, cattrs.BaseConverter):
        raise TypeError(
            "configure_converter() expects a cattrs converter (a cattrs.Converter), "
            f"not {type(converter).__name__}"
        )
    configure_unstructure(converter, is_described)
    converter.register_structure_hook_factory(
        is_described, lambda cls: make_structure_fn(cls, converter)
    )


def make_converter() -> cattrs.Converter:
    """A new cattrs converter that reads and writes geostmt's wire format."""
    converter = cattrs.Converter()
    configure_converter(converter)
    return converter


@functools.cache
def default_converter() -> cattrs.Converter:
    """The converter geostmt's functions use when given none (made once, on first use)."""
    return make_converter()
