"""Tests for parse_place and find_places."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import ParseError, find_places, parse_place


@pytest.mark.parametrize(
    ("text", "kind", "country", "subdivision"),
    [
        ("Kursk", "subdivision", "RU", "RU-KRS"),
        ("Kursk region", "subdivision", "RU", "RU-KRS"),
        ("Kursk Oblast", "subdivision", "RU", "RU-KRS"),
        ("Donetsk Oblast", "subdivision", "UA", "UA-14"),
        ("Seoul", "city", "KR", "KR-11"),
        ("Pyongyang", "city", "KP", "KP-01"),
        ("Warsaw", "city", "PL", "PL-14"),
        ("Kyiv", "city", "UA", "UA-30"),
        ("Kiev", "city", "UA", "UA-30"),
        ("Odesa", "subdivision", "UA", "UA-51"),
        ("Odessa", "subdivision", "UA", "UA-51"),
        ("North Korean", "country", "KP", None),
        ("South Korea's", "country", "KR", None),
        ("Ukrainian", "country", "UA", None),
        ("Corée du Nord", "country", "KP", None),
        ("Nordkorea", "country", "KP", None),
        ("КНДР", "country", "KP", None),
        ("Північна Корея", "country", "KP", None),
        ("북한", "country", "KP", None),
        ("the United States", "country", "US", None),
        ("U.S.", "country", "US", None),
        ("USA", "country", "US", None),
        ("DPRK", "country", "KP", None),
        ("Republic of Korea", "country", "KR", None),
        ("Britain", "country", "GB", None),
        ("Burma", "country", "MM", None),
        ("Ivory Coast", "country", "CI", None),
        ("Türkiye", "country", "TR", None),
        ("UA", "country", "UA", None),
        ("PRK", "country", "KP", None),
        ("Donbas", "region", "UA", None),
        ("occupied Ukrainian land", "region", "UA", None),
        ("Washington", "city", "US", "US-DC"),
    ],
)
def test_parse_place(text: str, kind: str, country: str, subdivision: str | None) -> None:
    """Countries, demonyms, subdivisions, cities and regions resolve to ISO codes."""
    place = parse_place(text)
    assert (place.kind.value, place.country, place.subdivision) == (kind, country, subdivision)


def test_places_carry_names_coordinates_and_control() -> None:
    """Resolved places have canonical names, coordinates and de-facto control."""
    seoul = parse_place("Seoul")
    assert seoul.name == "Seoul"
    assert seoul.lat == pytest.approx(37.566, abs=0.01)
    assert seoul.lon == pytest.approx(126.978, abs=0.01)
    assert parse_place("Kursk").name == "Kursk"
    crimea = parse_place("Crimea")
    assert (crimea.subdivision, crimea.controlled_by) == ("UA-43", "RU")


def test_country_hint() -> None:
    """country= limits the candidates: Odessa, Texas when asked for the United States."""
    assert parse_place("Odessa", country="US").subdivision == "US-TX"
    with pytest.raises(ParseError):
        parse_place("Kursk", country="UA")
    with pytest.raises(ParseError, match="alpha-2"):
        parse_place("Kursk", country="Russia")


@pytest.mark.parametrize("text", ["NATO", "asdfqwer", "", "the", "KBS"])
def test_non_places_are_parse_errors(text: str) -> None:
    """Organisations and nonsense are not places."""
    with pytest.raises(ParseError):
        parse_place(text)


def test_find_places_in_the_seed_article(shared: Path) -> None:
    """The seed article's places are found with their spans, and no person is taken for one."""
    article = (shared / "seed-article.txt").read_text(encoding="utf-8")
    found = find_places(article)
    texts = {m.text for m in found}
    for expected in ("Kursk", "Seoul", "North Korean", "Ukraine", "Russia", "Japan", "China",
                     "South Korea", "occupied Ukrainian land", "U.S."):  # fmt: skip
        assert expected in texts
    assert not texts & {"Austin", "Vladimir", "Blinken", "NATO", "KBS", "Asian"}
    for match in found:
        assert article[match.start : match.end] == match.text
    kursk = next(m for m in found if m.text == "Kursk")
    assert (kursk.start, kursk.end, kursk.place.subdivision) == (1248, 1253, "RU-KRS")


@given(st.text(max_size=100))
def test_never_crashes(text: str) -> None:
    """Any text either parses or raises ParseError; find_places never raises."""
    with contextlib.suppress(ParseError):
        parse_place(text)
    find_places(text)


def test_large_random_text_is_fast() -> None:
    """100 kB of capitalised words is scanned in well under the ceiling."""
    import random
    import time

    rng = random.Random(2)
    words = ["Kursk", "North", "Korean", "The", "Lloyd", "Austin", "of", "Republic", "Korea,",
             "Rep.", "occupied", "Ukrainian", "land", "Zzz", "U.S.", "and"]  # fmt: skip
    text = " ".join(rng.choice(words) for _ in range(15_000))[:100_000]
    start = time.perf_counter()
    find_places(text)
    assert time.perf_counter() - start < 5
