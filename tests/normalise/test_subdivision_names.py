"""Subdivision display names and lookup forms are names, never nicknames or translated meanings."""

from __future__ import annotations

import functools
import importlib.util
from types import ModuleType

import pytest

from geostmt import ParseError, parse_place
from geostmt.reference.places import fold, place_tables
from tests.conftest import ROOT

# English names the iso3166-2 package lists that are nicknames, translated meanings or short
# forms: none may be a display name or a lookup form.
NICKNAMES = [
    "The Garden Province", "KZN", "Bompton", "Bulliesberg", "City of Kings", "Customary kingdom",
    "The pretty", "Holy Faith", "The Nutmeg State", "The Constitution State",
    "Thousand-year-long capital of civilisation", "City of Soaring dragon",
    "Capital of Aukštaitija", "Southern Thick Bush", "River of January", "Mother of God",
    "The Wildflower State", "Oil Capital of Europe", "Pompey", "The City of Discovery",
    "Cambs.", "Hants.", "BANES", "Comic City", "The Kingdom", "Settlement", "Currents",
    "Eastern gate of Ukraine", "Mother of Rus Cities", "Halychyna", "Pearl of the Pacific",
    "Paris of the East", "Locomotive of Brazil", "North Star State", "Christ Mountain",
]  # fmt: skip


@functools.cache
def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_place_data", ROOT / "scripts" / "build_place_data.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("ZA-KZN", "KwaZulu-Natal"),  # not "The Garden Province" nor "KZN"
        ("ZW-BU", "Bulawayo"),  # not "Bompton"
        ("WF-UV", "Uvea"),  # not "Customary kingdom"
        ("AR-A", "Salta"),  # not "The pretty"
        ("AR-S", "Santa Fe"),  # not "Holy Faith"
        ("US-CT", "Connecticut"),  # not "The Constitution State"
        ("VN-HN", "Hanoi"),
        ("BR-SP", "São Paulo"),  # not "Saint Paul"
        ("BR-SC", "Santa Catarina"),  # not "Saint Catherine"
        ("LT-32", "Panevėžio miestas"),  # not "Capital of Aukštaitija"
        ("DE-BY", "Bavaria"),
        ("DE-NI", "Lower Saxony"),
        ("UA-43", "Crimea"),
        ("UA-63", "Kharkiv"),
        ("UA-30", "Kyiv City"),
        ("UA-32", "Kyiv"),
        ("UA-21", "Transcarpathia"),
        ("RU-KRS", "Kursk"),
        ("RU-SPE", "Saint Petersburg"),
        ("ID-JB", "West Java"),
        ("ID-PP", "Papua"),  # not "West Papua", which is ID-PB
        ("GB-DEV", "Devon"),  # English is official there: the ISO name, not "Devonshire"
        ("GB-VGL", "Vale of Glamorgan"),  # without ISO's bracket, not "The Vale"
        ("FR-74", "Haute-Savoie"),  # not "Upper Savoy"
        # subdivisions named after their capital, by the capital's names in GeoNames
        ("GE-TB", "Tbilisi"),  # not "Tiflis"
        ("MM-06", "Yangon"),  # not "Rangoon"
        ("TW-KEE", "Keelung"),  # not "Chilung"
        ("ES-Z", "Zaragoza"),  # not "Saragossa"
        ("DO-15", "Monte Cristi"),  # not "Christ Mountain"
        ("RU-NIZ", "Nizhny Novgorod"),  # not "Nizhegorodskaya oblast'"
        ("BY-MA", "Mogilev"),  # not "Mahilioŭskaja voblasć"
        ("EG-SUZ", "Suez"),  # not "As Suways"
        ("SY-DY", "Deir Ezzor"),  # not "Dayr az Zawr"
        ("SY-HL", "Aleppo"),  # not "Ḩalab"
        ("LY-TB", "Tripoli"),  # not "Ţarābulus"
        ("AF-KAB", "Kabul"),  # not "Kābul"
        # English names that spell a local name
        ("TJ-GB", "Gorno-Badakhshan"),  # "Горный Бадахшан"
        ("IT-BZ", "South Tyrol"),  # "Südtirol"
        ("KG-Y", "Issyk-Kul"),  # "Issyk-Kulskaya oblast"
        ("IR-09", "Khorāsān-e Raẕavī"),  # not "Central Khorasan": no direction in its names
        ("PE-CAL", "Callao"),  # not "Pearl of the Pacific"
        ("RO-B", "București"),  # not "Paris of the East"
    ],
)
def test_display_names(code: str, name: str) -> None:
    """Concrete display names: English names that spell the place, never its nicknames."""
    assert place_tables().subdivision_info[code]["name"] == name


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("KwaZulu-Natal", "KwaZulu-Natal", "ZA-KZN"),
        ("Bulawayo Province", "Bulawayo", "ZW-BU"),
        ("Uvea", "Uvea", "WF-UV"),
        ("Salta Province", "Salta", "AR-A"),
        ("Santa Fe Province", "Santa Fe", "AR-S"),
        ("Bayern", "Bavaria", "DE-BY"),
        ("Crimea", "Crimea", "UA-43"),
        ("Kharkiv Oblast", "Kharkiv", "UA-63"),
        ("Kharkivska oblast", "Kharkiv", "UA-63"),
        ("Zakarpattia", "Transcarpathia", "UA-21"),
        ("Nizhny Novgorod Oblast", "Nizhny Novgorod", "RU-NIZ"),
        ("Nizhniy Novgorod region", "Nizhny Novgorod", "RU-NIZ"),
        ("Mogilev region", "Mogilev", "BY-MA"),
        ("Suez Governorate", "Suez", "EG-SUZ"),
        ("Deir ez-Zor Governorate", "Deir Ezzor", "SY-DY"),
        ("Homs Governorate", "Homs", "SY-HI"),
        ("South Tyrol", "South Tyrol", "IT-BZ"),
        ("Gorno-Badakhshan", "Gorno-Badakhshan", "TJ-GB"),
        ("Issyk-Kul region", "Issyk-Kul", "KG-Y"),
    ],
)
def test_parse_place_gives_the_display_name(text: str, name: str, code: str) -> None:
    """parse_place names a subdivision by its display name, whichever of its names is read."""
    place = parse_place(text)
    assert (place.kind.value, place.subdivision, place.name) == ("subdivision", code, name)


def test_no_display_name_is_a_nickname() -> None:
    """Data-wide: no display name opens with "The", none is a known nickname."""
    info = place_tables().subdivision_info
    assert [code for code, entry in info.items() if entry["name"].startswith("The ")] == []
    nicknames = {fold(n) for n in NICKNAMES}
    assert [code for code, entry in info.items() if fold(entry["name"]) in nicknames] == []


@pytest.mark.parametrize("nickname", NICKNAMES)
def test_no_nickname_is_a_lookup_form(nickname: str) -> None:
    """A nickname finds no subdivision (it may still be a town's name: "Settlement" is not)."""
    assert fold(nickname) not in place_tables().subdivisions
    try:
        place = parse_place(nickname)
    except ParseError:
        return
    assert place.kind.value != "subdivision", place


@pytest.mark.parametrize(
    ("english", "names", "kept"),
    [
        ("Bavaria", ["Bayern"], True),
        ("Free State of Bavaria", ["Bayern"], True),
        ("Crimea", ["Avtonomna Respublika Krym", "Автономна Республіка Крим"], True),
        ("Lower Saxony", ["Niedersachsen", "Läichsaksen"], True),
        ("Prague", ["Praha, Hlavní město"], True),
        ("Kharkiv", ["Kharkivska oblast"], True),
        ("Kyiv City", ["Kyiv"], True),
        ("West Java", ["Jawa Barat"], True),
        ("Saint Petersburg", ["Sankt-Peterburg"], True),
        ("The Garden Province", ["Kwazulu-Natal", "GaZulu-Natala"], False),
        ("KZN", ["Kwazulu-Natal"], False),
        ("Bompton", ["Bulawayo"], False),
        ("Bulliesberg", ["Bulawayo"], False),
        ("Customary kingdom", ["Uvea", "Royaume coutumier de Uvea"], False),
        ("The pretty", ["Salta", "La Linda"], False),
        ("Holy Faith", ["Santa Fe"], False),
        ("Saint Catherine", ["Santa Catarina"], False),
        ("The Nutmeg State", ["Connecticut"], False),
        ("West Papua", ["Papua"], False),
        ("Upper Savoy", ["Haute-Savoie"], False),
        ("Lower Juba", ["Jubbada Hoose"], False),  # "Hoose" is a word of its own (as "Haute")
        ("South Tyrol", ["Bolzano", "Südtirol", "Alto Adige"], True),  # "Süd" grown into it
        ("Central Khorasan", ["Khorāsān-e Raẕavī", "خراسان رضوی"], False),
        ("North Khorasan", ["Khorāsān-e Shomālī"], True),
        ("North Chungcheong", ["Chungcheongbuk-do"], True),
        ("Western Somalia", ["Somali", "Soomaali Galbeed"], False),  # "Somali" has none
        ("Issyk-Kul", ["Issyk-Kul'skaja oblast'", "Issyk-Kulskaya oblast"], True),
        ("Two Sevres", ["Deux-Sèvres"], False),
        ("Loy kandahar", ["Kandahār"], False),
        ("Hants.", ["Hampshire"], False),
        ("Southern", ["Al Janūbī"], False),
        ("Київщина", ["Kyivska oblast"], False),
    ],
)
def test_the_rule(english: str, names: list[str], kept: bool) -> None:
    """scripts/build_place_data.py's rule, case by case."""
    assert _build_script()._same_name(english, names) is kept
