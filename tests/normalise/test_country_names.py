"""Country names as statistical tables write them: the rules, and the country_converter floor."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from geostmt import ParseError, parse_place
from geostmt.normalise.country_names import MAX_CHARS, repair
from tests.conftest import ROOT


def _bench_score() -> tuple[int, int]:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "normalise.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    score: tuple[int, int] = module.country_names()
    return score


def test_country_converter_corpus_floor(shared: Path) -> None:
    """At least 95% of country_converter's name variants are read right (measured 205/213)."""
    assert (shared / "corpora" / "country_names_cases.jsonl").is_file()
    right, total = _bench_score()
    assert right / total >= 0.95


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Congo (Democratic Republic of the)", "CD"),  # ISO's parenthesis, read whole
        ("Macao SAR (China)", "MO"),  # a parenthesis naming the parent country
        ("China excluding Hong Kong", "CN"),  # "X excluding Y" is X
        ("China: Hong Kong SAR", "HK"),
        ("Saint Vincent/Grenadines", "VC"),
        ("Wallis and Futuna Isds", "WF"),  # a contraction
        ("P. N. Guinea", "PG"),  # single letters begin words
        ("Faeroe Isds", "FO"),  # one letter off
        ("Bosnia and herzegowina", "BA"),
        ("moldovia", "MD"),
        ("FS Micronesia", "FM"),  # capitals read as initials
        ("DROC", "CD"),
        ("TFYR of Macedonia", "MK"),
        ("HKSAR", "HK"),  # "SAR" counts whole
        ("Lao People s Democratic Republic", "LA"),
        ("Lao PDR", "LA"),  # an acronym after the words it follows
        ("KSA", "SA"),  # three letters, one of them a distinctive word's ("Saudi")
        ("RSA", "ZA"),
        ("IOM", "IM"),  # a lone acronym spelling a whole name ("Isle of Man")
        ("CAR", "CF"),
        ("PDR Lao", "LA"),  # ... in either order
        ("Korea, DPR", "KP"),
        ("Congo, DR", "CD"),
        ("CÃ\x83Â´te d'Ivoire", "CI"),  # UTF-8 read as Latin-1 twice
    ],
)
def test_statistical_table_forms(text: str, country: str) -> None:
    """Each rule of geostmt.normalise.country_names, on a form no table spells out."""
    assert parse_place(text).country == country


@pytest.mark.parametrize(
    "text",
    [
        "KBS",
        "Democratic Republic",
        "Dem. Rep.",
        "Islands",
        "Guinea, Rep., Dem.",
        "KGB",  # "Kingdom ... Great Britain": an acronym spells a name from its start
        "IDF",  # only the Romansh "Inslas dal Falkland": acronyms read English names
        "DPR",  # only "Democratic People's Republic": words of a form of state
        "Islamic Republic",
        "DC",  # two letters alone: "dr congo" by its initials, once
        "MI",
        "HI",
        "END",  # in Latin capitals, a country only under an English name ("End": Luxembourgish)
        "ISLE",  # ... so not the "Isle" of "Isle of Man"
        "NM",  # spells only part of "Republic of North Macedonia"
    ],
)
def test_ambiguous_or_unknown_forms_are_not_guessed(text: str) -> None:
    """A form no name fits, or that only words many names share fit, is no answer."""
    with pytest.raises(ParseError):
        parse_place(text)


def test_repair_undoes_latin1_misreads() -> None:
    """Mojibake is repaired up to three times, and clean text is left alone."""
    assert repair("CÃ´te") == "Côte"
    assert repair("Côte") == "Côte"
    assert repair("Ã(") == "Ã("  # not valid UTF-8 once re-encoded: left as it is


def test_long_text_is_not_a_country_name() -> None:
    """A text over MAX_CHARS characters is not matched word by word."""
    with pytest.raises(ParseError):
        parse_place("Korea, Dem. Rep. " + "x" * MAX_CHARS)
