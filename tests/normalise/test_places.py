"""Tests for parse_place and find_places: the gazetteer, the choice rules, country names."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import ParseError, find_places, parse_place
from geostmt.normalise import places as place_module


@pytest.mark.parametrize(
    ("text", "kind", "country", "subdivision"),
    [
        ("Kursk", "city", "RU", "RU-KRS"),
        ("Kursk region", "subdivision", "RU", "RU-KRS"),
        ("Kursk Oblast", "subdivision", "RU", "RU-KRS"),
        ("Donetsk Oblast", "subdivision", "UA", "UA-14"),
        ("Seoul", "city", "KR", "KR-11"),
        ("Pyongyang", "city", "KP", "KP-01"),
        ("Warsaw", "city", "PL", "PL-14"),
        ("Kyiv", "city", "UA", "UA-30"),
        ("Kiev", "city", "UA", "UA-30"),
        ("Odesa", "city", "UA", "UA-51"),
        ("Odessa", "city", "UA", "UA-51"),
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
        ("Victoria", "city", "SC", "SC-16"),  # a capital under its main name, not Hong Kong
        # a bare name is the city; with "Oblast", "region" or "область" the subdivision
        ("Kharkiv", "city", "UA", "UA-63"),
        ("Kherson", "city", "UA", "UA-65"),
        ("Київ", "city", "UA", "UA-30"),
        ("Kharkiv Oblast", "subdivision", "UA", "UA-63"),
        ("Kharkiv region", "subdivision", "UA", "UA-63"),
        ("Харківська область", "subdivision", "UA", "UA-63"),
        ("Kyiv Oblast", "subdivision", "UA", "UA-32"),
        ("Crimea", "subdivision", "UA", "UA-43"),
        # towns under 15,000 people, from GeoNames cities500
        ("Sudzha", "city", "RU", "RU-KRS"),
        ("Vuhledar", "city", "UA", "UA-14"),
        ("Chasiv Yar", "city", "UA", "UA-14"),
        ("Avdiivka", "city", "UA", "UA-14"),
        ("Kupiansk", "city", "UA", "UA-63"),
        ("Izium", "city", "UA", "UA-63"),
        ("Krynky", "city", "UA", "UA-65"),
        ("Mekelle", "city", "ET", "ET-TI"),
        ("Khan Younis", "city", "PS", "PS-KYS"),
        # Cyrillic names, in the nominative and in oblique cases
        ("Курск", "city", "RU", "RU-KRS"),
        ("Харків", "city", "UA", "UA-63"),
        ("Донбас", "region", "UA", None),
        ("Суджа", "city", "RU", "RU-KRS"),
        ("в Курской области", "subdivision", "RU", "RU-KRS"),
        ("під Бахмутом", "city", "UA", "UA-14"),
        ("у Харкові", "city", "UA", "UA-63"),
        ("из Курска", "city", "RU", "RU-KRS"),
        ("в Харківській області", "subdivision", "UA", "UA-63"),
        # Kosovo is XK, with its own cities
        ("Kosovo", "country", "XK", None),
        ("Pristina", "city", "XK", None),
        ("Prizren", "city", "XK", None),
        # the place the news means
        ("Gaza", "region", "PS", None),
        ("Gaza Strip", "region", "PS", None),
    ],
)
def test_parse_place(text: str, kind: str, country: str, subdivision: str | None) -> None:
    """Countries, demonyms, subdivisions, cities and regions resolve to ISO codes."""
    place = parse_place(text)
    assert (place.kind.value, place.country, place.subdivision) == (kind, country, subdivision)


def test_places_carry_names_coordinates_and_control() -> None:
    """Resolved places have canonical names, coordinates, GeoNames ids and de-facto control."""
    seoul = parse_place("Seoul")
    assert (seoul.name, seoul.geonames_id) == ("Seoul", 1835848)
    assert seoul.lat == pytest.approx(37.566, abs=0.01)
    assert seoul.lon == pytest.approx(126.978, abs=0.01)
    kursk = parse_place("Kursk")
    assert (kursk.name, kursk.geonames_id) == ("Kursk", 538560)
    assert (kursk.lat, kursk.lon) == pytest.approx((51.7269, 36.1846), abs=0.001)
    crimea = parse_place("Crimea")
    assert (crimea.name, crimea.subdivision, crimea.controlled_by) == ("Crimea", "UA-43", "RU")
    sudzha = parse_place("Sudzha")
    assert (sudzha.geonames_id, sudzha.lat, sudzha.lon) == (486816, 51.191, 35.271)
    ukraine = parse_place("Ukraine")
    assert (ukraine.geonames_id, ukraine.lat, ukraine.lon) == (690791, None, None)  # an area


def test_english_names_never_a_translated_meaning() -> None:
    """Salta, Santa Fe and Cabinda keep their names ("The pretty" is a translation)."""
    assert parse_place("Salta").name == "Salta"
    assert parse_place("Santa Fe").name == "Santa Fe"
    assert parse_place("Cabinda").name == "Cabinda"
    assert parse_place("Salta Province").name == "Salta"
    assert parse_place("Bavaria").name == "Bavaria"
    with pytest.raises(ParseError):
        parse_place("The pretty")
    with pytest.raises(ParseError):
        parse_place("Holy Faith")


def test_kosovo_is_xk_and_not_in_belgrade() -> None:
    """Kosovo is the country XK (the DESIGN contract); its capital lies in Kosovo, not Serbia."""
    kosovo = parse_place("Kosovo")
    assert (kosovo.kind.value, kosovo.country, kosovo.name) == ("country", "XK", "Kosovo")
    assert kosovo.geonames_id == 831053
    pristina = parse_place("Pristina")
    assert (pristina.country, pristina.geonames_id) == ("XK", 786714)
    assert (pristina.lat, pristina.lon) == pytest.approx((42.6727, 21.1669), abs=0.001)
    belgrade = parse_place("Belgrade")
    assert (belgrade.country, belgrade.lat) == ("RS", pytest.approx(44.80, abs=0.01))
    assert parse_place("Prizren", country="XK").country == "XK"


def test_country_hint() -> None:
    """country= narrows the candidates: Odessa, Texas; Gaza in Mozambique is the province."""
    assert parse_place("Odessa", country="US").subdivision == "US-TX"
    gaza = parse_place("Gaza", country="MZ")
    assert (gaza.kind.value, gaza.subdivision) == ("subdivision", "MZ-G")
    assert parse_place("Punjab", country="PK").subdivision == "PK-PB"
    with pytest.raises(ParseError, match=r"^ambiguous: one of IN-PB, PK-PB; pass country="):
        parse_place("Punjab")
    with pytest.raises(ParseError):
        parse_place("Kursk", country="UA")
    with pytest.raises(ParseError, match="alpha-2"):
        parse_place("Kursk", country="Russia")


def test_population_breaks_ties() -> None:
    """Of several cities of one name the most populous wins (Odessa is Odesa, not Texas)."""
    odesa = parse_place("Odessa")
    assert (odesa.name, odesa.country, odesa.geonames_id) == ("Odesa", "UA", 698740)
    assert parse_place("Avdiivka").geonames_id == 713122  # not the two villages of that name


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Korea, Dem. Rep.", "KP"), ("Korea, Rep.", "KR"), ("N. Korea", "KP"),
        ("DPR of Korea", "KP"), ("D.P.R. of Korea", "KP"), ("Democratic Republic of Congo", "CD"),
        ("Congo, Rep.", "CG"), ("Congo, Dem. Rep.", "CD"), ("Congo Rep.", "CG"), ("DRC", "CD"),
        ("Republic of China", "TW"), ("ROC", "TW"), ("PRC", "CN"), ("ROK", "KR"), ("UAE", "AE"),
        ("State of Palestine", "PS"), ("Occupied Palestinian Territory", "PS"),
        ("Holy See", "VA"), ("Republic of Turkey", "TR"), ("Hong Kong, China", "HK"),
        ("Bosnia Herzegovina", "BA"), ("Gambia, The", "GM"), ("Bahamas, The", "BS"),
        ("Zaire", "CD"), ("Swaziland", "SZ"), ("Macedonia", "MK"), ("Burma", "MM"),
        ("Kingdom of Swaziland", "SZ"), ("Rep. of Ireland", "IE"), ("Christmas Isds", "CX"),
        ("St. Kitts and Nevis", "KN"), ("Micronesia, Fed. Sts.", "FM"),
        ("Iran, Islamic Rep.", "IR"), ("Egypt, Arab Rep.", "EG"),
        ("Lao PDR", "LA"), ("Yemen, Rep.", "YE"), ("Korea (Republic of)", "KR"),
        ("Tanzania, United Republic of", "TZ"), ("Moldova, Republic of", "MD"),
        ("Côte d'Ivoire", "CI"), ("CÃ´te d'Ivoire", "CI"), ("Viet Nam", "VN"),
        ("Südkorea", "KR"), ("Corea del Norte", "KP"), ("Южная Корея", "KR"),
        ("Kongo, Demokratische Republik", "CD"),
    ],
)  # fmt: skip
def test_every_name_a_country_goes_by(text: str, country: str) -> None:
    """World Bank, UN, IMF and ISO forms, abbreviations, former and formal names, six languages."""
    place = parse_place(text)
    assert (place.kind.value, place.country) == ("country", country)


@pytest.mark.parametrize("text", ["NATO", "asdfqwer", "", "the", "KBS", "The pretty", "x" * 300])
def test_non_places_are_parse_errors(text: str) -> None:
    """Organisations, nonsense and overlong texts are not places."""
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
    assert not texts & {"Austin", "Vladimir", "Blinken", "NATO", "KBS", "Asian", "Asia", "West",
                        "Tomahawk"}  # fmt: skip
    for match in found:
        assert article[match.start : match.end] == match.text
    kursk = next(m for m in found if m.text == "Kursk")
    assert (kursk.start, kursk.end, kursk.place.subdivision) == (1248, 1253, "RU-KRS")


def test_find_places_in_news_sentences() -> None:
    """Towns, regions and Cyrillic case endings in running text, each with its span."""
    text = (
        "Russian troops pushed into Sudzha, and fighting went on near Chasiv Yar. "
        "Ukraine said Kharkiv region was shelled; в Курской области и под Суджей, "
        "під Бахмутом і у Харкові. Police said the Gaza Strip was hit."
    )
    found = {m.text: m.place for m in find_places(text)}
    assert found["Sudzha"].geonames_id == 486816
    assert found["Chasiv Yar"].subdivision == "UA-14"
    assert (found["Kharkiv region"].kind.value, found["Kharkiv region"].subdivision) == (
        "subdivision",
        "UA-63",
    )
    assert found["Курской области"].subdivision == "RU-KRS"
    assert found["Суджей"].geonames_id == 486816
    assert found["Бахмутом"].name == "Bakhmut"
    assert found["Харкові"].name == "Kharkiv"
    assert found["Gaza Strip"].country == "PS"
    assert "Police" not in found  # Police, Poland: a town at a sentence start, Poland not named


def test_small_places_need_a_cue_and_their_country() -> None:
    """A hamlet's name is a place in running text only after "in"/"near" and with its country."""
    assert [m.text for m in find_places("Russia: fighting near Sudzha.")] == ["Russia", "Sudzha"]
    assert [m.text for m in find_places("Fighting near Sudzha.")] == []
    assert [m.text for m in find_places("Russia said Sudzha fell.")] == ["Russia"]


def test_find_places_reports_close_alternatives() -> None:
    """A name several places share carries the close ones as alternatives."""
    (odessa,) = find_places("Shelling near Odessa")
    assert odessa.place.country == "UA"
    others = {(p.kind.value, p.country, p.subdivision) for p in odessa.alternatives}
    assert ("city", "US", "US-TX") in others
    assert ("subdivision", "UA", "UA-51") in others
    (gaza,) = find_places("Strikes on Gaza")
    assert gaza.place.name == "Gaza Strip"
    assert {(p.kind.value, p.country) for p in gaza.alternatives} >= {
        ("city", "PS"),
        ("subdivision", "MZ"),
    }
    (warsaw,) = find_places("Talks in Warsaw")
    assert warsaw.alternatives == ()


@given(st.text(max_size=100))
def test_never_crashes(text: str) -> None:
    """Any text either parses or raises ParseError; find_places never raises."""
    with contextlib.suppress(ParseError):
        parse_place(text)
    find_places(text)


def _steps(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many names find_places looks up (resolved spans and name-start checks) on ``text``."""
    count = 0
    resolve, go_on = place_module._resolve, place_module._may_go_on

    def counted_resolve(*args: object, **kwargs: object) -> object:
        nonlocal count
        count += 1
        return resolve(*args, **kwargs)  # type: ignore[arg-type]

    def counted_go_on(*args: object) -> object:
        nonlocal count
        count += 1
        return go_on(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(place_module, "_resolve", counted_resolve)
    monkeypatch.setattr(place_module, "_may_go_on", counted_go_on)
    find_places(text)
    monkeypatch.undo()
    return count


@pytest.mark.parametrize(
    "unit",
    ["A ", "Kharkiv ", "Korea, Rep. ", "Chasiv ", "Курской ", "North ", "San ", "in Sudzha "],
)
def test_find_places_is_linear_on_repetitive_text(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From 100 kB to 1 MB of repeated words the lookups grow at most 12 times (issue 13)."""
    small = _steps((unit * (100_000 // len(unit) + 1))[:100_000], monkeypatch)
    large = _steps((unit * (1_000_000 // len(unit) + 1))[:1_000_000], monkeypatch)
    assert large <= 12 * max(small, 1)


def test_find_places_lookups_are_bounded_by_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Distinct capitalised words cost a bounded number of lookups each."""
    words = " ".join(f"Zq{index:05d}" for index in range(5_000))
    assert _steps(words, monkeypatch) <= 3 * 5_000


def test_parse_place_reads_at_most_a_name() -> None:
    """parse_place refuses a megabyte at once instead of reading it (no place is that long)."""
    with pytest.raises(ParseError, match="longer than"):
        parse_place("Kharkiv " * 125_000)


def test_large_random_text_is_scanned() -> None:
    """100 kB of capitalised words is scanned and every match lies inside the text."""
    import random

    rng = random.Random(2)
    words = ["Kursk", "North", "Korean", "The", "Lloyd", "Austin", "of", "Republic", "Korea,",
             "Rep.", "occupied", "Ukrainian", "land", "Zzz", "U.S.", "and"]  # fmt: skip
    text = " ".join(rng.choice(words) for _ in range(15_000))[:100_000]
    for match in find_places(text):
        assert text[match.start : match.end] == match.text


def test_names_and_points_come_from_the_tables() -> None:
    """Countries take CLDR's English name, subdivisions their centroid, cities their controller."""
    assert parse_place("DPRK").name == "North Korea"  # not ISO's "Korea, Democratic People's..."
    oblast = parse_place("Kharkiv Oblast")
    assert (oblast.lat, oblast.lon) == pytest.approx((49.83, 36.3789), abs=0.001)
    simferopol = parse_place("Simferopol")
    assert (simferopol.subdivision, simferopol.controlled_by) == ("UA-43", "RU")
    assert parse_place("Kharkiv").controlled_by is None


def test_city_place_drops_an_unknown_subdivision() -> None:
    """A gazetteer subdivision code that ISO 3166-2 (pycountry) lacks is left out, not invented."""
    from geostmt.reference.gazetteer import City

    city = City("Somewhere", "UA", "UA-99", 48.0, 37.0, 600, False, 1)
    assert place_module.city_place(city).subdivision is None
    known = city._replace(subdivision="UA-14")
    assert place_module.city_place(known).subdivision == "UA-14"


def test_edges_of_the_reading_rules() -> None:
    """A final full stop, CLDR's own punctuation, numeric codes and words in capitals."""
    assert parse_place("Ukraine.").kind.value == "country"
    assert parse_place("Виргинские о-ва (Великобритания)").country == "VG"
    assert parse_place("Виргинские о-ва (Великобритания)", country="VG").country == "VG"
    with pytest.raises(ParseError):
        parse_place("804")  # a numeric ISO code is not read from text
    assert parse_place("HAIFA") == parse_place("Haifa")  # a dateline: a city of 100,000+
    assert parse_place("Haifa").country == "IL"
    assert parse_place("KHERSON").name == "Kherson"


@pytest.mark.parametrize("hint", [["UA"], 5, b"UA"])
def test_country_hint_of_another_type_is_a_type_error(hint: object) -> None:
    """country= that is not a str is a TypeError naming its type, in both functions."""
    with pytest.raises(
        TypeError, match=rf"^parse_place\(\) country= .* not {type(hint).__name__}$"
    ):
        parse_place("Kyiv", country=hint)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=rf"^find_places\(\) country= .* not {type(hint).__name__}$"
    ):
        find_places("Kyiv", country=hint)  # type: ignore[arg-type]


def test_parse_errors_say_why() -> None:
    """Each ParseError names its reason; a long text is cut to 80 characters in the error."""
    with pytest.raises(ParseError, match=r"^country= must be an ISO 3166-1 alpha-2 code"):
        parse_place("Kursk", country="Russia")
    with pytest.raises(ParseError, match=r"^no place found") as at_the_limit:
        parse_place("x" * place_module.MAX_TEXT)
    assert len(at_the_limit.value.text) == place_module.MAX_TEXT
    with pytest.raises(ParseError, match=r"^longer than 200 characters") as too_long:
        parse_place("x" * (place_module.MAX_TEXT + 1))
    assert too_long.value.text == "x" * 80


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Defence Secretary Lloyd Austin met officials.", []),  # part of a person's name
        ("He met Vladimir Putin in Moscow.", ["Moscow"]),
        ("Austin is in Texas.", ["Austin", "Texas"]),  # a sentence's first word, alone
        ("It rained. Austin flooded.", ["Austin"]),  # after a full stop: not beside a name
        ("Kyiv. Austin flooded.", ["Kyiv", "Austin"]),
        ("Police said it.", []),  # Police, Poland: a town opening a sentence, Poland unnamed
        ("Police is a town in Poland.", ["Police", "Poland"]),
        ("Sudzha, Russia", ["Russia"]),  # a hamlet with no word introducing it
        ("Russia: fighting near sudzha", ["Russia"]),  # a name in lower case is no name
        ("France: wine from Ay and Reims.", ["France", "Ay", "Reims"]),  # two letters will do
        ("Spain: A Coruña is wet.", ["Spain", "A Coruña"]),  # one letter opens a longer name
        ("Russia! Police said it.", ["Russia"]),  # "!" ends a sentence too
        (
            "Russia holds occupied Ukrainian land and Donbas.",
            ["Russia", "occupied Ukrainian land", "Donbas"],
        ),
        ("The Hague and the Netherlands", ["Hague", "Netherlands"]),
    ],
)
def test_find_places_precision_rules(text: str, found: list[str]) -> None:
    """Person names, sentence starts, hamlets and case: what running text yields."""
    assert [m.text for m in find_places(text)] == found
