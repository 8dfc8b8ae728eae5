"""Names written in capitals: a dateline's "KYIV" is a place, an acronym's "NATO" is not."""

from __future__ import annotations

import pytest

from geostmt import ParseError, find_places, parse_place
from geostmt.normalise import places as place_module

ACRONYMS = [
    "NATO", "KBS", "FSB", "SBU", "IDF", "UN", "EU", "OPEC", "IAEA", "ISIS", "HAMAS", "GUR",
    "AFU", "ZSU", "BBC", "CNN", "AP", "AFP", "TASS", "RIA", "DPR", "LPR", "IRGC", "CIA", "KGB",
    "WHO", "ICC", "ICJ", "UNSC", "G7", "G20", "BRICS", "ASEAN", "SCO", "CSTO", "AUKUS", "SEAL",
    "HIMARS", "ATACMS", "MLRS", "SAM", "NASA", "SANA", "OAS", "ILO", "INA", "FAO", "IRNA",
]  # fmt: skip
DATELINES = ["KYIV", "KURSK", "MOSCOW", "GAZA", "ROME", "OSLO", "LIMA", "DOHA", "SEOUL", "BAKU",
             "KABUL", "HAIFA", "SUMY", "LVIV", "ADEN", "PARIS", "TOKYO"]  # fmt: skip


@pytest.mark.parametrize("acronym", ACRONYMS)
def test_an_acronym_in_running_text_is_no_place(acronym: str) -> None:
    """find_places finds nothing in an acronym, whatever town or other name shares its letters
    ("NATO" is a town in the Philippines, "SAM" a name of Damascus, "SANA" of Sanaa)."""
    assert find_places(f"{acronym} said on Monday that {acronym} would act.") == []
    assert find_places(f"Officials of the {acronym} met.") == []


@pytest.mark.parametrize("acronym", ACRONYMS)
def test_an_acronym_alone_is_no_place(acronym: str) -> None:
    """parse_place gives a ParseError for an acronym, the statistical-table rules of
    geostmt.normalise.country_names included ("KGB" spells no country's name from its start;
    "IDF" spells only the Romansh "Inslas dal Falkland"; "DPR" only words of a form of state)."""
    with pytest.raises(ParseError):
        parse_place(acronym)


def test_country_codes_in_capitals_stay_countries() -> None:
    """USA and UK are ISO codes or country names: countries, in both functions."""
    assert (parse_place("USA").kind.value, parse_place("USA").country) == ("country", "US")
    assert (parse_place("UK").kind.value, parse_place("UK").country) == ("country", "GB")
    found = find_places("USA and UK officials met.")
    assert [(m.text, m.place.country) for m in found] == [("USA", "US"), ("UK", "GB")]


@pytest.mark.parametrize("word", DATELINES)
def test_a_dateline_in_capitals_is_what_its_title_case_is(word: str) -> None:
    """A national capital, a city of 100,000 people or more, an informal region or a
    subdivision under its own name reads the same in capitals."""
    assert parse_place(word) == parse_place(word.title())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("KYIV", ("Kyiv", "city", "UA", "UA-30")),
        ("KURSK", ("Kursk", "city", "RU", "RU-KRS")),
        ("MOSCOW", ("Moscow", "city", "RU", "RU-MOW")),
        ("GAZA", ("Gaza Strip", "region", "PS", None)),
        ("ROME", ("Rome", "city", "IT", "IT-62")),
        ("OSLO", ("Oslo", "city", "NO", "NO-03")),
        ("LIMA", ("Lima", "city", "PE", "PE-LMA")),
        ("DOHA", ("Doha", "city", "QA", "QA-DA")),
        ("SEOUL", ("Seoul", "city", "KR", "KR-11")),
        ("BAKU", ("Baku", "city", "AZ", "AZ-BA")),
        ("KABUL", ("Kabul", "city", "AF", "AF-KAB")),  # AF-PAR before: GeoNames admin1 vote
        ("HAIFA", ("Haifa", "city", "IL", "IL-HA")),
        ("TEXAS", ("Texas", "subdivision", "US", "US-TX")),
        ("CHAD", ("Chad", "country", "TD", None)),
    ],
)
def test_places_in_capitals(word: str, expected: tuple[str, str, str, str | None]) -> None:
    """Concrete values: the place each dateline word names."""
    place = parse_place(word)
    assert (place.name, place.kind.value, place.country, place.subdivision) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("KYIV, Nov 25 (Reuters) - Russia fired.", [("KYIV", "Kyiv"), ("Russia", "Russia")]),
        ("KURSK, Russia, Aug 7 (Reuters) -", [("KURSK", "Kursk"), ("Russia", "Russia")]),
        ("GAZA, Nov 25 (Reuters) - Israel said.", [("GAZA", "Gaza Strip"), ("Israel", "Israel")]),
        ("SEOUL, Nov 25 (Yonhap) -- Japan said.", [("SEOUL", "Seoul"), ("Japan", "Japan")]),
        ("DOHA/KABUL, Nov 25 -", [("DOHA", "Doha"), ("KABUL", "Kabul")]),
        ("MOSCOW, Nov 25 (Reuters) - The FSB said.", [("MOSCOW", "Moscow")]),
        ("KYIV (AP) — The SBU and NATO said.", [("KYIV", "Kyiv")]),
    ],
)  # fmt: skip
def test_find_places_reads_datelines(text: str, found: list[tuple[str, str]]) -> None:
    """A dateline's place is found with its span; the acronyms after it are not."""
    assert [(m.text, m.place.name) for m in find_places(text)] == found


def test_short_capitals_name_only_large_or_own_places() -> None:
    """In capitals a small town (Bucha, 37,000; Izium) or another name of a city (KIEV) is no
    place; in title case the first stays a place and the second is Kyiv."""
    for word in ("BUCHA", "IZIUM", "KIEV"):
        with pytest.raises(ParseError):
            parse_place(word)
    assert parse_place("Bucha").country == "UA"
    assert parse_place("Kiev").name == "Kyiv"
    assert parse_place("SUDZHA").name == "Sudzha"  # six letters: not read as an acronym
    assert place_module.MAX_CAPITALS == 5
    assert place_module.TOWN == 100_000


def test_small_places_still_need_a_cue() -> None:
    """The capitals rule does not loosen the rule for places under SMALL_TOWN people."""
    assert [m.text for m in find_places("SUDZHA, Russia, Aug 7 -")] == ["Russia"]
    assert [m.text for m in find_places("Russia: fighting near SUDZHA")] == ["Russia", "SUDZHA"]
