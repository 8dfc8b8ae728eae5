"""Locale arguments: BCP 47 tags and CLDR ids work everywhere; unknown ones are clear errors."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from geostmt import Money, ParseError, UnknownLocaleError
from geostmt.cli import main
from geostmt.locales import known_locales, locale_id, require_text
from geostmt.normalise import (
    find_money,
    find_places,
    find_quantities,
    parse_money,
    parse_place,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("given", "cldr"),
    [
        ("en", "en"),
        ("en-US", "en_US"),
        ("en_US", "en_US"),
        ("en_us", "en_US"),
        ("pt-BR", "pt_BR"),
        ("zh-Hant-TW", "zh_Hant_TW"),
        ("uk", "uk"),
    ],
)
def test_bcp47_tags_and_cldr_ids_name_the_same_locale(given: str, cldr: str) -> None:
    assert locale_id(given) == cldr


@pytest.mark.parametrize("given", ["xx", "zz-Latn", "", "en--", "x-private", "english"])
def test_an_unknown_locale_says_which_exist(given: str) -> None:
    with pytest.raises(UnknownLocaleError) as caught:
        locale_id(given)
    message = str(caught.value)
    assert message.startswith(f"unknown locale {given!r}: give a BCP 47 tag or CLDR id")
    languages = sorted(k for k in known_locales() if "_" not in k)  # CLDR grows by release
    assert f"(known: {', '.join(languages[:12])}, ... ({len(languages)} languages); " in message
    assert "known_locales()" in message
    assert isinstance(caught.value, ValueError)
    assert caught.value.locale == given


def test_unknown_locale_error_pickles() -> None:
    error = UnknownLocaleError("xx", ["en", "de"])
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert copy.known == ("en", "de")


def test_known_locales_are_cldr_ids() -> None:
    known = known_locales()
    assert {"en", "en_US", "pt_BR", "ru", "uk"} <= known
    assert "en-US" not in known


@pytest.mark.parametrize("wrong", [None, 5, b"en", ["en"]])
def test_a_locale_of_another_type_is_a_type_error(wrong: object) -> None:
    with pytest.raises(TypeError, match=f"locale= must be a str .*not {type(wrong).__name__}$"):
        locale_id(wrong)


def test_require_text_names_the_function() -> None:
    assert require_text("x", "f") == "x"
    with pytest.raises(TypeError, match=r"^parse_money\(\) expects text \(a str\), not NoneType$"):
        require_text(None, "parse_money")


@pytest.mark.parametrize(
    "call",
    [
        lambda loc: find_money("$5", locale=loc),
        lambda loc: parse_money("$5", locale=loc),
        lambda loc: find_quantities("5 tanks", locale=loc),
        lambda loc: parse_quantity("5 tanks", locale=loc),
        lambda loc: find_places("Kyiv", locale=loc),
        lambda loc: parse_place("Kyiv", locale=loc),
        lambda loc: Money(amount=Decimal(5), currency="USD").format(locale=loc),
    ],
)
def test_every_locale_argument_is_checked(call: object) -> None:
    assert callable(call)
    with pytest.raises(UnknownLocaleError, match="unknown locale 'xx'"):
        call("xx")
    with pytest.raises(TypeError, match="locale= must be a str"):
        call(None)
    call("en-US")  # a BCP 47 tag works wherever "en" does


def test_a_bcp47_tag_reads_like_its_cldr_id() -> None:
    assert parse_money("1,2 Mrd. Euro", locale="de-AT") == parse_money("1,2 Mrd. Euro", locale="de")
    assert parse_money("1,2 Mrd. Euro", locale="de-AT").amount == Decimal("1200000000")
    money = Money(amount=Decimal("1234.5"), currency="EUR")
    assert money.format(locale="de-DE") == money.format(locale="de_DE")


@pytest.mark.parametrize(
    ("function", "name"),
    [
        (find_money, "find_money"),
        (parse_money, "parse_money"),
        (find_quantities, "find_quantities"),
        (parse_quantity, "parse_quantity"),
        (find_places, "find_places"),
        (parse_place, "parse_place"),
    ],
)
def test_find_and_parse_refuse_non_text_alike(function: object, name: str) -> None:
    assert callable(function)
    with pytest.raises(TypeError, match=rf"^{name}\(\) expects text \(a str\), not NoneType$"):
        function(None)
    with pytest.raises(TypeError, match=rf"^{name}\(\) expects text \(a str\), not bytes$"):
        function(b"$5")


def test_parse_of_text_without_a_value_is_still_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no amount of money found"):
        parse_money("nothing here")


def test_cli_parse_with_an_unknown_locale_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", "money", "$5", "--locale", "xx"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("geostmt parse: --locale: unknown locale 'xx'")
    assert "Traceback" not in captured.err
    assert main(["parse", "money", "1,2 Mrd. Euro", "--locale", "de-AT"]) == 0
    assert capsys.readouterr().out == '{"amount": "1200000000", "currency": "EUR"}\n'
