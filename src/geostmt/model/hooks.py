"""Hooks other libraries look for on a class, attached where each class is defined.

``@pydantic_ready`` gives a class the two methods pydantic calls for a type it does not know,
so that a plain annotation (``actor: geostmt.Actor``) works in a pydantic model. They import
:mod:`geostmt.pydantic` only when pydantic calls them: the model imports no pydantic.
"""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["pydantic_ready"]

C = TypeVar("C", bound=type[Any])


def _core_schema(cls: type[Any], source: Any, handler: Any) -> Any:
    from geostmt.pydantic import core_schema_of

    return core_schema_of(cls)


def _json_schema(cls: type[Any], schema: Any, handler: Any) -> Any:
    from geostmt.pydantic import json_schema_of

    return json_schema_of(cls, handler)


def pydantic_ready(cls: C) -> C:
    """``cls`` with ``__get_pydantic_core_schema__`` and ``__get_pydantic_json_schema__``."""
    cls.__get_pydantic_core_schema__ = classmethod(_core_schema)
    cls.__get_pydantic_json_schema__ = classmethod(_json_schema)
    return cls
