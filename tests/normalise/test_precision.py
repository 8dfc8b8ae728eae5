"""Precision before recall (issue 11): no confident wrong number, vague amounts never exact,
scales and units in six languages, Russian and Ukrainian counted nouns."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt import Money, ParseError, Quantity, find_money, find_quantities, parse_quantity
from geostmt import strategies as gs
from geostmt.model.enums import Qualifier

D = Decimal


def _range(low: int, high: int, of: str | None = None) -> Quantity:
    return Quantity(low=D(low), high=D(high), qualifier="range", of=of)


def test_a_year_before_a_count_is_not_read() -> None:
    """In "In 2024 the US sent 500 troops" the quantity is 500 troops; 2024 is none."""
    text = "In 2024 the US sent 500 troops to Poland"
    assert [m.text for m in find_quantities(text)] == ["500"]
    assert parse_quantity(text) == Quantity(value=D(500), of="troops")


@pytest.mark.parametrize(
    "text",
    [
        "on 24 February 2022",
        "February 24, 2022",
        "2022-02-24",
        "24.02.2022",
        "24/02/2022",
        "since 2014",
        "2014-2022",
        "Su-34 bombers",
        "F-16 jets",
        "COVID-19 patients",
        "T-72 tanks",
        "the 34th brigade",
        "the 3rd division",
        "at 10:30",
        "at 5 pm",
        "call +1 202 555 0123",
        "call (202) 555",
        "Resolution 2334",
        "Flight 17",
        "No. 5",
        "#42",
        "5G networks",
        "a 1" + "0" * 39 + " id",
    ],
)
def test_numbers_that_belong_to_something_else_are_no_quantity(text: str) -> None:
    """Dates, years, times, names, ordinals, phone numbers and ids give no quantity."""
    assert find_quantities(text) == []
    with pytest.raises(ParseError):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "locale", "day_and_year"),
    [
        ("am 24. Februar 2022", "de", True),
        ("le 24 février 2022", "fr", True),
        ("el 24 de febrero de 2022", "es", True),
        ("24 февраля 2022 года", "ru", True),
        ("24 лютого 2022 року", "uk", True),
        ("500 may be killed", "en", False),
    ],
)
def test_dates_in_every_language(text: str, locale: str, day_and_year: bool) -> None:
    """Month names come from CLDR for each language, as written: "may" is no month."""
    found = find_quantities(text, locale=locale)
    assert found == [] if day_and_year else [m.text for m in found] == ["500"]


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("several thousand troops", "en", _range(3000, 9000, "troops")),
        ("a few hundred soldiers", "en", _range(200, 500, "soldiers")),
        ("dozens of drones", "en", _range(24, 143, "drones")),
        ("hundreds of civilians", "en", _range(200, 999, "civilians")),
        ("thousands of refugees", "en", _range(2000, 9999, "refugees")),
        ("tens of thousands of soldiers", "en", _range(20000, 99999, "soldiers")),
        ("hundreds of thousands", "en", _range(200000, 999999)),
        ("mehrere tausend Soldaten", "de", _range(3000, 9000, "Soldaten")),
        ("Zehntausende Menschen", "de", _range(20000, 99999, "Menschen")),
        ("plusieurs milliers de soldats", "fr", _range(3000, 9000, "soldats")),
        ("des dizaines de milliers de soldats", "fr", _range(20000, 99999, "soldats")),
        ("varios miles de soldados", "es", _range(3000, 9000, "soldados")),
        ("decenas de miles de soldados", "es", _range(20000, 99999, "soldados")),
        ("несколько тысяч военных", "ru", _range(3000, 9000, "военных")),
        ("десятки тысяч беженцев", "ru", _range(20000, 99999, "беженцев")),
        ("кілька тисяч військових", "uk", _range(3000, 9000, "військових")),
        ("сотні тисяч людей", "uk", _range(200000, 999999, "людей")),
    ],
)
def test_vague_amounts_are_ranges(text: str, locale: str, expected: Quantity) -> None:
    """Each vague word gives its documented range, never an exact value."""
    assert parse_quantity(text, locale=locale) == expected


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("a third of the territory", "en", "33.33333333"),
        ("two thirds of the troops", "en", "66.66666667"),
        ("half of the budget", "en", "50"),
        ("ein Drittel der Truppen", "de", "33.33333333"),
        ("un tiers des soldats", "fr", "33.33333333"),
        ("un tercio de los soldados", "es", "33.33333333"),
        ("треть территории", "ru", "33.33333333"),
        ("третина території", "uk", "33.33333333"),
    ],
)
def test_fractions_are_approximate_percentages(text: str, locale: str, value: str) -> None:
    """A fraction ("a third of") is about 33.33 percent, not an exact number."""
    quantity = parse_quantity(text, locale=locale)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (
        D(value),
        "percent",
        Qualifier.APPROXIMATELY,
    )


def test_a_third_is_not_an_ordinal_read_as_a_fraction() -> None:
    """An ordinal third ("a third round") has no "of": no quantity."""
    assert find_quantities("a third round of talks") == []


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("10 000 troops", "en", Quantity(value=D(10000), of="troops")),
        ("10\u202f000 troops", "en", Quantity(value=D(10000), of="troops")),
        ("10 000 Soldaten", "de", Quantity(value=D(10000), of="Soldaten")),
        ("10 000 soldados", "es", Quantity(value=D(10000), of="soldados")),
        ("2 трлн", "ru", Quantity(value=D(2 * 10**12))),
        ("2 трлн.", "uk", Quantity(value=D(2 * 10**12))),
        ("два трильйони", "uk", Quantity(value=D(2 * 10**12))),
        ("3 Billionen", "de", Quantity(value=D(3 * 10**12))),
        ("3 billones", "es", Quantity(value=D(3 * 10**12))),
        ("3 billions", "fr", Quantity(value=D(3 * 10**12))),
        ("5 trillion", "en", Quantity(value=D(5 * 10**12))),
        ("2 lakh people", "en", Quantity(value=D(200000), of="people")),
        ("two and a half million", "en", Quantity(value=D(2500000))),
        ("155mm shells", "en", Quantity(value=D(155), unit="millimeter")),
        ("155-mm shells", "en", Quantity(value=D(155), unit="millimeter")),
        ("a 1,000-kilometre front line", "en", Quantity(value=D(1000), unit="kilometer")),
        ("20 nautical miles", "en", Quantity(value=D(20), unit="nautical_mile")),
        ("20 морских миль", "ru", Quantity(value=D(20), unit="nautical_mile")),
        ("5,000 hectares", "en", Quantity(value=D(5000), unit="hectare")),
        ("3 million tonnes", "en", Quantity(value=D(3000000), unit="metric_ton")),
        ("a two-year ban", "en", Quantity(value=D(2), unit="year")),
        ("from 44 mg to 50 mg", "en",
         Quantity(low=D(44), high=D(50), qualifier="range", unit="milligram")),
        ("8- to 16-meter", "en", Quantity(low=D(8), high=D(16), qualifier="range", unit="meter")),
        ("a factor of 4e14.", "en", Quantity(value=D("4E+14"))),
        ("a 1/4 inch gap", "en", Quantity(value=D("0.25"), unit="inch")),
        ("½ mile", "en", Quantity(value=D("0.5"), unit="mile")),
    ],
)  # fmt: skip
def test_numbers_scales_and_units(text: str, locale: str, expected: Quantity) -> None:
    """Space separators in every locale, trillions, lakh, joined and hyphenated units."""
    assert parse_quantity(text, locale=locale) == expected


def test_two_units_are_two_measures() -> None:
    """Two units ("from 44 ml to 50 mg") make two measures, not a range of either."""
    found = find_quantities("changed from 44 ml to 50 mg")
    assert [(m.text, m.quantity.value, m.quantity.unit) for m in found] == [
        ("44 ml", D(44), "milliliter"),
        ("50 mg", D(50), "milligram"),
    ]


@pytest.mark.parametrize(
    ("text", "locale", "amount", "currency"),
    [
        ("₽10,8 трлн", "ru", "10800000000000", "RUB"),
        ("₽10,8 трлн", "en", "10800000000000", "RUB"),
        ("10 трлн. рублей", "ru", "10000000000000", "RUB"),
        ("2 трильйони гривень", "uk", "2000000000000", "UAH"),
        ("Rs 500 crore", "en", "5000000000", "INR"),
        ("Rs 500 crore", "en_PK", "5000000000", "PKR"),
        ("₹2 lakh", "en", "200000", "INR"),
        ("half a billion dollars", "en", "500000000", "USD"),
        ("two hundred million euros", "en", "200000000", "EUR"),
        ("$1.5 trillion", "en", "1500000000000", "USD"),
        ("5 Billionen Euro", "de", "5000000000000", "EUR"),
        ("3 billones de euros", "es", "3000000000000", "EUR"),
        ("€10 000", "en", "10000", "EUR"),
        ("200.000 ₫", "en", "200000", "VND"),
        ("einen Euro", "de", "1", "EUR"),
    ],
)
def test_money_scales(text: str, locale: str, amount: str, currency: str) -> None:
    """Trillions, lakh and crore, number words and space groups in money."""
    assert [m.money for m in find_money(text, locale=locale)] == [
        Money(amount=D(amount), currency=currency)
    ]


@pytest.mark.parametrize("text", ["the ten won the match", "two pounds of flour", "a euro"])
def test_number_words_need_an_unambiguous_currency(text: str) -> None:
    """A currency name that is also a common word after a number in words is not money."""
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "locale", "of"),
    [
        ("10 тысяч северокорейских военных прибыли в Курскую область", "ru",
         "северокорейских военных"),
        ("около 11 тысяч северокорейских солдат воюют", "ru", "северокорейских солдат"),
        ("500 военнослужащих ВСУ попали в плен", "ru", "военнослужащих ВСУ"),
        ("10 тисяч північнокорейських військових прибули до Курської", "uk",
         "північнокорейських військових"),
        ("20 танків знищено", "uk", "танків"),
        ("500 troops arrived in Poland", "en", "troops"),
        ("500 armoured vehicles", "en", "armoured vehicles"),
    ],
)  # fmt: skip
def test_the_counted_noun_stops_at_the_noun_phrase(text: str, locale: str, of: str) -> None:
    """The counted noun phrase ends at a verb, a preposition or after the head noun."""
    assert parse_quantity(text, locale=locale).of == of


_SURROUNDINGS = st.sampled_from(
    [
        ("On 24 February 2022, ", ", reported on 25 February 2022."),
        ("In 2024: ", "; near the Su-34 base."),
        ("Officials said ", " (COVID-19 aside), per Resolution 2334."),
        ("", ", by 10:30 on 3 March 2023, T-72."),
    ]
)


@given(st.data(), st.sampled_from(["en", "de", "fr", "es", "ru", "uk"]))
def test_known_answers_survive_their_surroundings(data: st.DataObject, locale: str) -> None:
    """A known quantity embedded among dates, years, times, ids and model names is found, and
    nothing else in the sentence is read as a quantity."""
    text, quantity = data.draw(gs.quantity_texts(locale=locale))
    before, after = data.draw(_SURROUNDINGS)
    found = [m.quantity for m in find_quantities(before + text + after, locale=locale)]
    assert found == [quantity]


@given(st.data(), st.sampled_from(["en", "de", "fr", "es", "ru", "uk"]))
def test_known_amounts_survive_their_surroundings(data: st.DataObject, locale: str) -> None:
    """A known amount of money among dates, years and model names is the only amount found."""
    text, money = data.draw(gs.money_texts(locale=locale))
    before, after = data.draw(_SURROUNDINGS)
    found = find_money(before + text + after, locale=locale)
    assert [m.money for m in found] == [money]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("it only cost 3 dollars 50 cents.", "3.50", "USD"),
        ("It costs 15 dollars 50.", "15.50", "USD"),
        ("thirteen dollars and forty-five cents", "13.45", "USD"),
        ("15 dollars 99 cents", "15.99", "USD"),
        ("15 dollars 100 cents", "15", "USD"),
        ("15 dollars 150.", "15", "USD"),
        ("15 dollars and 50 tanks", "15", "USD"),
        ("80.00 £ 80.00", "80.00", "GBP"),
        ("200 ₩ 50.", "200", "KRW"),
        ("30 MUSD", "30000000", "USD"),
        ("MEUR 120", "120000000", "EUR"),
        ("75 USD million", "75000000", "USD"),
    ],
)
def test_what_follows_the_currency(text: str, amount: str, currency: str) -> None:
    """Minor units under 100 where named or at the end of a sentence, a trailing scale, and
    M-prefixed codes for millions; never cents in a currency paid in whole units."""
    assert find_money(text)[0].money == Money(amount=D(amount), currency=currency)


@pytest.mark.parametrize("text", ["5 MXYZ", "30 MUSDX"])
def test_an_m_before_what_is_no_code_is_no_currency(text: str) -> None:
    """An M means millions only before a real ISO 4217 code."""
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 1/2 times", Quantity(value=D("2.5"), of="times")),
        ("2\u00a01/2 times", Quantity(value=D("2.5"), of="times")),
        ("1/4 of the troops", Quantity(value=D("0.25"), of="the troops")),
        ("a ⅓ cup", Quantity(value=D("0.3333333333"), qualifier="approximately", of="cup")),
        ("sent 2024 troops", Quantity(value=D(2024), of="troops")),
        ("2024 tonnes", Quantity(value=D(2024), unit="metric_ton")),
        ("about 2024", Quantity(value=D(2024), qualifier="approximately")),
        ("1,024 troops", Quantity(value=D(1024), of="troops")),
    ],
)
def test_fractions_and_year_like_numbers(text: str, expected: Quantity) -> None:
    """A mixed number needs no unit; a bare 1000-2100 is a count only with a counted noun, a
    unit or a qualifier; a fraction that does not end is approximate."""
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["24/02", "sent 2024", "in 2024 troops", "3/4 said so"])
def test_bare_fractions_and_years_are_no_quantity(text: str) -> None:
    """A bare fraction ("24/02") is a date or a score, a bare year with no noun a year."""
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text", ["A baker's dozen eggs", "a square dozen", "the Hundred Years War", "thousand troops"]
)
def test_a_bare_multiplier_word_is_no_count_in_english(text: str) -> None:
    """English counts with "a" or a number first: a bare "dozen" or "hundred" belongs to a name
    or an idiom (a baker's dozen is 13), so it is no quantity rather than a confident 12."""
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a dozen eggs", 12),
        ("two dozen eggs", 24),
        ("half a dozen", 6),
        ("a thousand troops", 1000),
    ],
)
def test_multiplier_words_after_an_article_or_number_still_count(text: str, value: int) -> None:
    assert [m.quantity.value for m in find_quantities(text)] == [Decimal(value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("⅓ million people", Quantity(value=D("333333.3333"), qualifier="approximately",
                                      of="people")),
        ("2 1/2 million refugees", Quantity(value=D(2500000), of="refugees")),
        ("½ billion", Quantity(value=D(500000000))),
        ("¾ Millionen Menschen", Quantity(value=D(750000), of="Menschen")),
        ("⅔ trillion", Quantity(value=D(666666666667), qualifier="approximately")),
        ("33⅓ billion", Quantity(value=D(33333333333), qualifier="approximately")),
        ("3⅓ billion", Quantity(value=D("3333333333"), qualifier="approximately")),
        ("1 4/21 billion dollars", Quantity(value=D(1190476190), qualifier="approximately",
                                            of="dollars")),
        ("½ m", Quantity(value=D("0.5"), unit="meter")),
        ("1/300 km", Quantity(value=D("0.003333333333"), unit="kilometer",
                              qualifier="approximately")),
    ],
)  # fmt: skip
def test_a_scale_after_a_fraction_is_applied_before_rounding(text: str, expected: Quantity) -> None:
    """ "⅓ million" is 333333.3333, not 0.3333 "of million people"; a letter after a fraction
    ("½ m") is a unit, not a scale; a fraction that does not end keeps ten significant digits,
    so 1/300 is as close as 1/3."""
    locale = "de" if "Millionen" in text else "en"
    assert parse_quantity(text, locale=locale) == expected


@given(
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=999),
    st.sampled_from([0, 3, 6, 9, 12]),
)
def test_a_fraction_is_exact_or_within_its_digits(
    whole: int, numerator: int, denominator: int, power: int
) -> None:
    """A fraction is exact exactly when it ends, else within half a unit of its tenth
    significant digit (or of the unit, for a value of ten digits or more)."""
    from fractions import Fraction

    from geostmt.normalise.numbers import read_fraction

    found = read_fraction(f"{whole} {numerator}/{denominator}", power)
    assert found is not None
    value, exact = found
    true = (whole + Fraction(numerator, denominator)) * 10**power
    assert exact == (Fraction(value) == true)
    assert value.as_tuple().exponent <= 0  # plain digits, never 1.19047619E+9
    limit = Fraction(1, 2) if true >= 10**10 else true / (2 * 10**9)  # the unit, or 10 digits
    assert abs(Fraction(value) - true) <= limit
