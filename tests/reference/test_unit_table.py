"""Tests for the table of pint's unit names that spares the common case a pint import."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any, cast

import pint
import pytest

from geostmt.reference import units
from geostmt.reference.units import canonical_unit, set_unit_registry, unit_registry
from tests.conftest import python_output


def _table() -> dict[str, Any]:
    path = resources.files("geostmt.reference") / "data" / "units.json"
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def test_every_entry_is_what_pint_says() -> None:
    """Every name and spelling in the table gets the canonical name the installed pint gives
    (whatever its version: the table records the one it was built from)."""
    data = _table()
    registry = pint.UnitRegistry(cache_folder=None)
    entries = {name: name for name in data["canonical"]} | data["spellings"]
    drift = {
        written: (canonical, str(registry.Unit(written)))
        for written, canonical in entries.items()
        if str(registry.Unit(written)) != canonical
    }
    assert drift == {}


def test_common_spellings_are_in_the_table() -> None:
    """The spellings news text and users write most are answered without pint."""
    table = units._TABLE.get()
    assert table["km"] == table["kilometer"] == table["kilometre"] == "kilometer"
    assert table["kg"] == "kilogram"
    assert table["t"] == "metric_ton"
    assert table["ha"] == "hectare"
    assert table["nmi"] == "nautical_mile"
    assert table["%"] == table["percent"] == "percent"
    assert table["°C"] == "degree_Celsius"
    assert table["MW"] == "megawatt"


def test_table_is_small() -> None:
    """The committed table stays under 500 kB."""
    path = resources.files("geostmt.reference") / "data" / "units.json"
    assert len(path.read_bytes()) < 500_000


def test_common_case_imports_no_pint() -> None:
    """Parsing "5 km" and building a Quantity in kilometers never import pint, nor does import."""
    code = (
        "import sys\n"
        "from decimal import Decimal\n"
        "import geostmt\n"
        "print('pint' in sys.modules, 'geostmt.reference.units' in sys.modules)\n"
        "from geostmt import Quantity, parse_quantity\n"
        "found = parse_quantity('about 5 km of road')\n"
        "Quantity(value=Decimal(1), unit='kilometer')\n"
        "print(found is not None and found.unit, 'pint' in sys.modules)\n"
    )
    assert python_output(code).split() == ["False", "False", "kilometer", "False"]


def test_unit_rule_names_the_canonical_spelling_without_pint() -> None:
    """A Quantity in "km" is refused, naming "kilometer", and pint is still not imported."""
    code = (
        "import sys\n"
        "from decimal import Decimal\n"
        "from geostmt import Quantity\n"
        "try:\n"
        "    Quantity(value=Decimal(1), unit='km')\n"
        "except ValueError as error:\n"
        "    print('kilometer' in str(error), 'pint' in sys.modules)\n"
    )
    assert python_output(code).split() == ["True", "False"]


def test_compound_unit_goes_to_pint() -> None:
    """A unit the table does not hold (a quotient, a power) is still read, by pint."""
    code = (
        "import sys\n"
        "from geostmt.reference.units import canonical_unit\n"
        "print(canonical_unit('km/h').replace(' ', ''), 'pint' in sys.modules)\n"
    )
    assert python_output(code).split() == ["kilometer/hour", "True"]
    assert canonical_unit("kilometer / hour") == "kilometer / hour"
    assert canonical_unit("kilometer ** 2") == "kilometer ** 2"
    with pytest.raises(ValueError, match="not a unit pint knows"):
        canonical_unit("furlongs_per_fortnight_squared")


class _Custom:
    """A stand-in registry answering every unit with a name of its own."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def Unit(self, unit: str) -> str:  # noqa: N802 (pint's method name)
        """The unit, marked as this registry's answer."""
        self.asked.append(unit)
        return f"custom_{unit}"


@pytest.fixture
def restore_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Put the default registry (and the table) back after a test injects one."""
    monkeypatch.setattr(units, "_registry", units._registry)
    monkeypatch.setattr(units, "_injected", units._injected)
    canonical_unit.cache_clear()
    yield
    monkeypatch.undo()
    canonical_unit.cache_clear()


@pytest.mark.usefixtures("restore_registry")
def test_injected_registry_bypasses_the_table() -> None:
    """After set_unit_registry every unit, even one the table holds, is asked of the registry."""
    custom = _Custom()
    set_unit_registry(cast(pint.UnitRegistry[Any], custom))
    assert unit_registry() is cast(object, custom)
    assert canonical_unit("km") == "custom_km"
    assert canonical_unit("kilometer") == "custom_kilometer"
    assert custom.asked == ["km", "kilometer"]


@pytest.mark.usefixtures("restore_registry")
def test_injected_pint_registry_defines_other_units() -> None:
    """A real injected registry's own units are read, and its answers win over the table."""
    custom = pint.UnitRegistry(cache_folder=None)
    custom.define("smoot = 1.7018 * meter")
    custom.define("km = 1000 * meter")  # a unit of its own, where the table says kilometer
    set_unit_registry(custom)
    assert canonical_unit("smoot") == "smoot"
    assert canonical_unit("km") == "km"


def test_default_registry_is_back() -> None:
    """With no registry injected, the table answers again (the fixture above restored it)."""
    assert not units._injected
    assert canonical_unit("km") == "kilometer"
