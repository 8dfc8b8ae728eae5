"""The GeoNames gazetteer: its committed file, lookups, and what first use costs."""

from __future__ import annotations

import pytest

from geostmt.reference._text import plain
from geostmt.reference.gazetteer import gazetteer, lookup
from tests.conftest import ROOT, python_output

DATA = ROOT / "src" / "geostmt" / "reference" / "data"


def test_the_file_is_compact_and_records_its_source() -> None:
    """One gazetteer file of about 10 MB, from GeoNames cities500, with its licence."""
    path = DATA / "gazetteer.bin"
    assert path.stat().st_size < 12_000_000
    assert not (DATA / "gazetteer.json").exists()
    source = gazetteer().source
    assert "cities500" in source["geonames"]
    assert "CC BY 4.0" in source["license"]
    assert len(gazetteer()) > 200_000


@pytest.mark.parametrize(
    ("name", "geonames_id", "country"),
    [
        ("Sudzha", 486816, "RU"), ("Суджа", 486816, "RU"), ("Sudža", 486816, "RU"),
        ("Vuhledar", 690823, "UA"), ("Вугледар", 690823, "UA"), ("Krynky", 703861, "UA"),
        ("Pristina", 786714, "XK"), ("Prishtinë", 786714, "XK"), ("Gaza", 281133, "PS"),
        ("غزة", 281133, "PS"), ("Khan Younis", 281124, "PS"), ("Mekelle", 331180, "ET"),
    ],
)  # fmt: skip
def test_lookup_by_any_kept_name(name: str, geonames_id: int, country: str) -> None:
    """Latin, Cyrillic and Arabic names, accents optional, find the place."""
    assert (geonames_id, country) in {(c.geonames_id, c.country) for c in lookup(name)}


def test_pruned_names_are_not_kept() -> None:
    """Machine romanisations in lower case, airport codes and other scripts are left out."""
    assert not any(c.geonames_id == 281133 for c in lookup("ghzh"))  # Gaza's romanisation
    assert not any(c.geonames_id == 281133 for c in lookup("GZA"))  # its airport code
    assert lookup("ガザ") == ()
    assert lookup("") == ()
    assert lookup("zzzzqqq") == ()


def test_begins_a_name() -> None:
    """Multi-word names are extended word by word only while some name goes on."""
    places = gazetteer()
    assert places.begins_a_name(plain("Chasiv"))
    assert places.begins_a_name(plain("Khan"))
    assert not places.begins_a_name(plain("Chasiv Yar"))
    assert not places.begins_a_name("zzzzqqq")
    assert not places.begins_a_name("")


def test_capitals_come_first() -> None:
    """The capitals are read from the first rows: Kyiv, Seoul, Pristina among them."""
    capitals = {c.name for c in gazetteer().capitals()}
    assert {"Kyiv", "Seoul", "Pristina", "Washington"} <= capitals
    assert all(c.capital for c in gazetteer().capitals())


def test_first_use_opens_little() -> None:
    """Importing geostmt reads no place data; the first parse_place decompresses under 2 MB."""
    code = (
        "import sys, geostmt; "
        "before = 'geostmt.reference.gazetteer' in sys.modules; "
        "geostmt.parse_place('Kursk'); "
        "from geostmt.reference.gazetteer import gazetteer; "
        "print(before, gazetteer().opened() < 2_000_000)"
    )
    assert python_output(code) == "False True"


def test_loaded_index_stays_under_60_mb() -> None:
    """Every chunk decompressed, the gazetteer holds under 60 MB (measured by tracemalloc)."""
    code = (
        "import tracemalloc; tracemalloc.start(); "
        "from geostmt.reference.gazetteer import _load; g = _load(); "
        "[g._names.chunk(i) for i in range(0, 17_000_000, 50_000)]; "
        "[g._rows.chunk(i) for i in range(0, 13_000_000, 50_000)]; "
        "print(tracemalloc.get_traced_memory()[0] < 60_000_000, g.opened() > 25_000_000)"
    )
    assert python_output(code) == "True True"
