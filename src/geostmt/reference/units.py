"""The one pint unit registry geostmt uses, built on first use and open to injection.

``import pint`` and ``UnitRegistry()`` together cost a few hundred milliseconds, so nothing here
runs until a unit is first checked or converted.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

__all__ = ["canonical_unit", "set_unit_registry", "unit_registry"]

_lock = threading.Lock()
_registry: pint.UnitRegistry[Any] | None = None


def unit_registry() -> pint.UnitRegistry[Any]:
    """The shared registry (pint's default definitions), built the first time it is asked for."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint

                _registry = pint.UnitRegistry(cache_folder=None)
    return _registry


def set_unit_registry(registry: pint.UnitRegistry[Any]) -> None:
    """Use ``registry`` instead of building one (say, to share the application's own)."""
    global _registry
    with _lock:
        _registry = registry
    canonical_unit.cache_clear()


@functools.lru_cache(maxsize=1024)
def canonical_unit(unit: str) -> str:
    """Pint's canonical spelling of ``unit`` (``"km"`` -> ``"kilometer"``).

    Raises ``ValueError`` for a unit pint does not know.
    """
    registry = unit_registry()
    try:
        return str(registry.Unit(unit))
    except Exception as error:  # pint raises several types (UndefinedUnitError, syntax errors)
        raise ValueError(f"{unit!r} is not a unit pint knows") from error
