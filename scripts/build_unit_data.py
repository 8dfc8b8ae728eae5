"""Regenerate src/geostmt/reference/data/units.json: pint's canonical unit names, read from pint.

Run by hand after upgrading pint: ``python scripts/build_unit_data.py``. The table comes from
pint's default registry (``default_en.txt``), the version installed being recorded under
``"source"``. It lets :func:`geostmt.reference.units.canonical_unit` answer the common case
without importing pint (a few hundred milliseconds). ``"canonical"`` is every name pint gives
(``str(registry.Unit(name))``) for each unit name and each prefix name joined to a unit name
(``kilometer``); ``"spellings"`` maps each symbol and alias pint knows (``km``'s ``m``, ``t``,
``nmi``, ``%``, ``°C``) and the prefixed symbols and aliases of the units written with
prefixes in practice (``km``, ``kg``, ``MW``, ``kilometre``) to its canonical name. A name kept
is one pint reads back as itself, and a spelling one :func:`unit_problem` accepts. The output
is sorted and written the same way every time; tests/reference/test_unit_table.py checks every
entry against the pint installed.
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
from typing import Any

from geostmt.reference.units import unit_problem

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "geostmt" / "reference" / "data" / "units.json"
PREFIXED = (
    "meter", "gram", "metric_ton", "second", "liter", "watt", "watt_hour", "joule", "hertz",
    "pascal", "newton", "volt", "ampere", "bar", "byte", "bit", "electron_volt", "calorie",
)  # fmt: skip
"""Units whose prefixed symbols and aliases (``km``, ``MWh``, ``kilometre``) are spellings too."""


def _canonical(registry: Any, unit: str) -> str | None:
    """Pint's canonical name for ``unit``, or None if pint cannot read it or reads it oddly."""
    try:
        canonical = str(registry.Unit(unit))
    except Exception:  # pint raises several types (UndefinedUnitError, syntax errors)
        return None
    if not canonical or unit_problem(unit) is not None:
        return None
    if canonical != unit and str(registry.Unit(canonical)) != canonical:
        return None  # not a fixed point: leave it to pint at run time
    return canonical


def build() -> dict[str, Any]:
    """The canonical names and the spelling -> canonical map, with their source."""
    import pint

    registry = pint.UnitRegistry(cache_folder=None)
    definitions = {registry._units[key].name: registry._units[key] for key in registry._units}
    prefix_names = sorted({registry._prefixes[key].name for key in registry._prefixes} - {""})
    prefix_symbols = sorted(
        {registry._prefixes[key].symbol for key in registry._prefixes}
        | {alias for key in registry._prefixes for alias in registry._prefixes[key].aliases}
    )
    names = sorted(definitions)
    canonical: set[str] = set()
    for written in [*names, *(prefix + name for prefix in prefix_names for name in names)]:
        found = _canonical(registry, written)
        if found is not None:
            canonical.add(found)
    if any(_canonical(registry, name) != name for name in canonical):
        raise SystemExit("a canonical name pint does not read back as itself")

    spellings: dict[str, str] = {}
    written_forms = set(registry._units)
    for name in PREFIXED:
        definition = definitions[name]
        symbols = {definition.symbol} - {None, ""}
        aliases = {definition.name, *definition.aliases}
        written_forms |= {prefix + symbol for prefix in prefix_symbols for symbol in symbols}
        written_forms |= {prefix + alias for prefix in prefix_names for alias in aliases}
    for written in sorted(written_forms - canonical):
        found = _canonical(registry, str(written))
        if found is not None and found in canonical:
            spellings[str(written)] = found
    return {
        "source": {
            "pint": importlib.metadata.version("pint"),
            "registry": "pint's default registry (default_en.txt)",
            "prefixed": list(PREFIXED),
        },
        "canonical": sorted(canonical),
        "spellings": dict(sorted(spellings.items())),
    }


def main() -> None:
    """Write the table."""
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n"
    OUT.write_text(text, encoding="utf-8")
    print(
        f"wrote {OUT} ({len(data['canonical'])} canonical names, "
        f"{len(data['spellings'])} spellings, {len(text.encode())} bytes)"
    )


if __name__ == "__main__":
    main()
