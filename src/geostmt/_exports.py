"""Lazy re-exports (PEP 562): a package's public names load from their modules on first use."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["in_pydoc_listing", "lazy_getattr"]


def in_pydoc_listing() -> bool:
    """Whether :mod:`pydoc` is listing a module's members (``help(module)``) up the stack.

    ``pydoc.TextDoc.docmodule`` (and ``HTMLDoc``'s) documents every member ``dir()`` gives in
    full: for geostmt some 8,000 lines, mostly the ``str`` methods each string enum inherits. A
    package's ``__dir__`` can give pydoc nothing there, so that its help is its docstring.
    """
    frame = sys._getframe(1)
    for _ in range(8):  # __dir__ <- dir <- inspect._getmembers <- getmembers <- docmodule
        frame = frame.f_back  # type: ignore[assignment]
        if frame is None:
            return False
        if frame.f_code.co_name == "docmodule" and frame.f_globals.get("__name__") == "pydoc":
            return True
    return False


def lazy_getattr(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` loading each name from ``where[name]``.

    A module in ``where`` is absolute (``geostmt.wire``) or relative to the package
    (``values``). The value is then kept in the package, so each name loads once.
    """

    def load(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        path = module if module.startswith("geostmt.") else f"{package}.{module}"
        value = getattr(importlib.import_module(path), name)
        setattr(sys.modules[package], name, value)
        return value

    return load
