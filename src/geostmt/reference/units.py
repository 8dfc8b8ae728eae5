"""The one pint unit registry geostmt uses, built on first use and open to injection.

``import pint`` and ``UnitRegistry()`` together cost a few hundred milliseconds, so nothing here
runs until a unit is first converted, or checked in a spelling the table of pint's names
(``data/units.json``, written by ``scripts/build_unit_data.py``) does not hold.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections.abc import Callable, Mapping
from decimal import Context, Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from geostmt.reference._lazy import Lazy

if TYPE_CHECKING:
    import pint

__all__ = [
    "MAX_EXPONENT",
    "MAX_UNIT_LENGTH",
    "canonical_unit",
    "conversion",
    "set_unit_registry",
    "unit_problem",
    "unit_registry",
]

_lock = threading.Lock()
_registry: pint.UnitRegistry[Any] | None = None
_injected = False
"""Whether the registry came from :func:`set_unit_registry` (then the table is not used)."""


def unit_registry() -> pint.UnitRegistry[Any]:
    """The shared registry (pint's default definitions), built the first time it is asked for.

    Pint's own cache of parsed definitions (in the user's cache folder) makes every build but
    the first take about 20 ms instead of 130 ms; ``GEOSTMT_PINT_CACHE=0`` turns it off, and
    a cache folder that cannot be written falls back to no cache.
    """
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                _registry = _build_registry()
    return _registry


def _build_registry() -> pint.UnitRegistry[Any]:
    import pint

    if os.environ.get("GEOSTMT_PINT_CACHE", "1") != "0":
        try:
            return pint.UnitRegistry(cache_folder=":auto:")
        except OSError:  # a read-only home, a full disk: build without the cache
            pass
    return pint.UnitRegistry(cache_folder=None)


def set_unit_registry(registry: pint.UnitRegistry[Any]) -> None:
    """Use ``registry`` instead of building one (say, to share the application's own)."""
    global _registry, _injected
    with _lock:
        _registry = registry
        _injected = True
    canonical_unit.cache_clear()


def _load_table() -> Mapping[str, str]:
    """Each unit name and spelling in the table -> pint's canonical name."""
    path = resources.files("geostmt.reference") / "data" / "units.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    table: dict[str, str] = {name: name for name in data["canonical"]}
    table.update(data["spellings"])
    return table


_TABLE: Lazy[Mapping[str, str]] = Lazy(_load_table)


MAX_UNIT_LENGTH = 100
MAX_EXPONENT = 12
_POWER = re.compile(r"(\*\*|\^)\s*([-+]?)\s*([0-9]+)(?!\s*[.0-9])")
_CHAINED = re.compile(r"(\*\*|\^)\s*[-+]?\s*[0-9.]+\s*(\*\*|\^)")
# names (letters, then letters or digits), the symbols pint reads ("%", "°C", "µm"), one
# superscript power at most ("km²": pint reads "m²²²²²²" as a tower of powers), the two
# operators, parentheses and spaces
_SHAPE = re.compile(r"[^\W\d][\w°µ]*|[%°µ]\w*|[*/()]|\s+")
_SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴-⁹⁻]{2,}|[⁰¹⁴-⁹⁻]")


def unit_problem(unit: str) -> str | None:
    """Why ``unit`` is not even shaped like a unit expression, or None.

    Checked before pint sees the text, because pint evaluates what it is given: a unit is
    names joined by ``*`` and ``/``, in parentheses or not, each raised at most to an integer
    power of at most 12 (``meter ** 9 ** 9 ** 9`` would run for minutes).
    """
    if len(unit) > MAX_UNIT_LENGTH:
        return f"a unit is at most {MAX_UNIT_LENGTH} characters"
    if _SUPERSCRIPTS.search(unit):
        return "a unit's superscript power is a single ² or ³"
    if _CHAINED.search(unit):
        return "a unit's power is not raised again (write one exponent)"
    for match in _POWER.finditer(unit):
        if int(match.group(3)) > MAX_EXPONENT:
            return f"a unit's exponent is at most {MAX_EXPONENT}"
    rest = _POWER.sub(" ", unit)
    if _SHAPE.sub("", rest) or "**" in rest or "^" in rest:
        return "a unit is names joined by * and /, each raised to an integer power at most"
    return None


@functools.lru_cache(maxsize=1024)
def canonical_unit(unit: str) -> str:
    """Pint's canonical spelling of ``unit`` (``"km"`` -> ``"kilometer"``).

    A unit name or common spelling is looked up in a table read from pint's default registry,
    without importing pint; anything else (``"kilometer / hour"``, powers), and every unit once
    a registry was injected with :func:`set_unit_registry`, is asked of the registry.

    Raises ``ValueError`` for a unit pint does not know, or text not shaped like a unit
    (:func:`unit_problem`), which pint is never given.
    """
    problem = unit_problem(unit)
    if problem is not None:
        raise ValueError(f"{unit[:60]!r} is not a unit: {problem}")
    if not _injected:
        known = _TABLE.get().get(unit)
        if known is not None:
            return known
    registry = unit_registry()
    try:
        return str(registry.Unit(unit))
    except Exception as error:  # pint raises several types (UndefinedUnitError, syntax errors)
        raise ValueError(f"{unit!r} is not a unit pint knows") from error


def conversion(source: str, target: str) -> tuple[str, Callable[[Decimal], Decimal]]:
    """Pint's canonical spelling of ``target`` and a function converting values from ``source``.

    Multiplicative units convert exactly, by a Decimal factor; units with an offset (degrees
    Celsius) by a slope and an offset. ``ValidationError`` if the dimensions differ.
    """
    from geostmt.errors import ValidationError

    registry = unit_registry()
    try:
        canonical = canonical_unit(target)
        one = registry.Quantity(1, source).to(target)
        zero = registry.Quantity(0, source).to(target).magnitude
    except ValueError as error:
        raise ValidationError.single("unit", str(error)) from None
    except Exception as error:  # pint's DimensionalityError and friends
        raise ValidationError.single(
            "unit", f"cannot convert {source} to {target}: {error}"
        ) from None
    if zero == 0:
        factor = Decimal(repr(float(one.magnitude)))
        if factor == factor.to_integral_value():
            factor = factor.quantize(Decimal(1))  # 1000, not 1000.0
        return canonical, lambda value: value * factor

    # An offset unit converts as value * slope + offset; both are read off pint in floats and
    # rounded to 12 significant digits, which holds every constant in pint's definitions
    # (273.15, 9/5, 459.67) and drops the float noise, so 100 °C is exactly 212 °F.
    context = Context(prec=12)
    offset = context.create_decimal(repr(float(zero)))
    slope = context.create_decimal(repr(float(one.magnitude))) - offset
    return canonical, lambda value: value * slope + offset
