"""Rules checked for real (issue 14 item 3, issue 13): language tags, identifiers by scheme,
floats refused, trailing newlines, surrogates, and clean errors at the edges of time and size."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import geostmt as g
from geostmt.model import rules as r
from geostmt.model.identifiers import SCHEMES
from geostmt.model.languages import GRANDFATHERED, language_codes, language_tag_pattern
from tests.conftest import ROOT

SCHEMA = g.json_schema()
VALIDATOR = Draft202012Validator(SCHEMA)


def _message(build: Any) -> str:
    with pytest.raises(g.ValidationError) as caught:
        build()
    return str(caught.value)


def _source(language: str) -> dict[str, Any]:
    return {"type": "source", "id": "s", "title": "t", "language": language}


# --- language tags ---------------------------------------------------------------------------

VALID_TAGS = ["en", "EN", "uk", "en-US", "zh-Hant-TW", "de-AT", "sgn-BE-FR", "x-private",
              "X-Private-Use", "i-klingon", "I-KLINGON", "art-lojban", "eng", "qaa", "es-419",
              "de-CH-1901", "en-a-bbb-x-a-ccc", "zh-yue-HK"]  # fmt: skip
INVALID_TAGS = ["english", "zz", "zz-ZZ", "state", "en-", "-en", "e", "x", "x-", "i-unknown",
                "en\n", "en US", "ën", "123"]  # fmt: skip


@pytest.mark.parametrize("tag", VALID_TAGS)
def test_valid_language_tags_pass_the_library_and_the_schema(tag: str) -> None:
    """Real BCP 47 tags, private-use and grandfathered ones included, pass both."""
    g.from_dict(_source(tag))
    assert VALIDATOR.is_valid(_source(tag))


@pytest.mark.parametrize("tag", INVALID_TAGS)
def test_invalid_language_tags_fail_the_library_and_the_schema(tag: str) -> None:
    """A wrong shape or an unknown language subtag is refused by both."""
    with pytest.raises(g.ValidationError):
        g.from_dict(_source(tag))
    assert not VALIDATOR.is_valid(_source(tag))


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("english", "language: 'english' is not a BCP 47 language tag such as 'en', 'uk', "
                    "'zh-Hant-TW' or 'x-private' (did you mean 'en'?)"),
        ("Ukrainian", "language: 'Ukrainian' is not a BCP 47 language tag such as 'en', 'uk', "
                      "'zh-Hant-TW' or 'x-private' (did you mean 'uk'?)"),
        ("zz", "language: 'zz' is not a BCP 47 language tag: 'zz' is not an ISO 639 language "
               "code"),
        ("zz-ZZ", "language: 'zz-ZZ' is not a BCP 47 language tag: 'zz' is not an ISO 639 "
                  "language code"),
        ("state", "language: 'state' is not a BCP 47 language tag such as 'en', 'uk', "
                  "'zh-Hant-TW' or 'x-private'"),
    ],
)  # fmt: skip
def test_language_messages(tag: str, message: str) -> None:
    """An English name gets its code as the did-you-mean; an unknown subtag is named."""
    assert _message(lambda: g.Source(id="s", title="t", language=tag)) == message


def test_a_long_tag_gets_no_name_search() -> None:
    """A tag longer than any language's name gets no did-you-mean (and no search for one)."""
    from geostmt.model.languages import language_problem

    assert language_problem("english" * 6) == (
        f"{'english' * 6!r} is not a BCP 47 language tag such as 'en', 'uk', "
        "'zh-Hant-TW' or 'x-private'"
    )
    assert language_problem("Engish") is not None
    assert (language_problem("Engish") or "").endswith("(did you mean 'en'?)")


def test_the_schema_pattern_is_the_library_rule_over_every_code() -> None:
    """Every ISO 639 code and every grandfathered tag passes the schema's pattern, in either
    case; a code not in ISO 639 does not."""
    pattern = re.compile(language_tag_pattern())
    for code in language_codes():
        assert pattern.fullmatch(code), code
        assert pattern.fullmatch(code.upper()), code
    for tag in GRANDFATHERED:
        assert pattern.fullmatch(tag), tag
        assert pattern.fullmatch(tag.swapcase()), tag
    assert not pattern.fullmatch("zz")
    assert SCHEMA["$defs"]["LanguageTag"]["pattern"] == language_tag_pattern()


# --- identifiers -----------------------------------------------------------------------------


def _actor(identifiers: dict[str, str]) -> dict[str, Any]:
    return {"type": "actor", "id": "a", "name": "A", "kind": "state", "identifiers": identifiers}


@pytest.mark.parametrize(
    ("identifiers", "valid"),
    [
        ({"wikidata": "Q3874799"}, True),
        ({"wikidata": "Q0"}, False),
        ({"wikidata": "3874799"}, False),
        ({"wikidata": "q3874799"}, False),
        ({"wikidata": "Q3874799\n"}, False),
        ({"geonames": "486050"}, True),
        ({"geonames": "x486050"}, False),
        ({"gdelt": "588604779"}, True),
        ({"gdelt": "gdelt-588604779"}, False),
        ({"acled": "UKR12345"}, True),
        ({"acled": "acled-UKR12345"}, False),
        ({"acled": "12345"}, False),
        ({"cameo": "USAGOV"}, True),
        ({"my-project": "anything at all"}, True),
    ],
)
def test_identifiers_of_known_schemes_have_their_form(
    identifiers: dict[str, str], valid: bool
) -> None:
    """wikidata is Q and digits, geonames and gdelt digits, acled letters and digits; other
    schemes take any text; the library and the schema agree."""
    data = _actor(identifiers)
    assert VALIDATOR.is_valid(data) is valid
    if valid:
        g.from_dict(data)
    else:
        with pytest.raises(g.ValidationError):
            g.from_dict(data)


def test_identifier_messages() -> None:
    """A wrong id names its scheme (with the right article), its form and an example."""
    assert _message(lambda: g.Actor(id="a", name="A", kind="state",
                                    identifiers={"wikidata": "3874799"})) == (
        "identifiers.wikidata: '3874799' is not a wikidata id (Q followed by digits, like "
        "'Q3874799')"
    )  # fmt: skip
    assert _message(lambda: g.Event(id="e", cameo="190", identifiers={"acled": "x1"})) == (
        "identifiers.acled: 'x1' is not an acled id (an event_id_cnty: the country's ISO "
        "alpha-3 code and digits, like 'UKR12345')"
    )


def test_the_schema_states_each_scheme() -> None:
    """The schema's Identifiers definition has one property per known scheme, its pattern."""
    properties = SCHEMA["$defs"]["Identifiers"]["properties"]
    assert {name: value["pattern"] for name, value in properties.items()} == {
        name: scheme.pattern for name, scheme in SCHEMES.items()
    }


def test_a_lone_surrogate_inside_identifiers_is_refused() -> None:
    """A lone surrogate in an identifiers value or key is refused by loads and constructors
    alike, so nothing unwritable is ever accepted."""
    text = json.dumps(_actor({"wikidata": "Q1", "x": "a\ud800b"}))
    assert _message(lambda: g.loads(text)) == (
        "identifiers.x: contains a lone surrogate, which UTF-8 cannot hold"
    )
    with pytest.raises(g.ValidationError):
        g.Actor(id="a", name="A", kind="state", identifiers={"k\udfff": "v"})


# --- floats ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: g.Money(amount=425000000.5, currency="USD"),
         "amount: got the float 425000000.5: binary floats are not exact and are never made "
         "decimal silently; pass Decimal('425000000.5') (or an int or a string)"),
        (lambda: g.Quantity(value=0.1),
         "value: got the float 0.1: binary floats are not exact and are never made decimal "
         "silently; pass Decimal('0.1') (or an int or a string)"),
        (lambda: g.Quantity(value=1, high=1e21),
         "high: got the float 1e+21: binary floats are not exact and are never made decimal "
         "silently; pass Decimal('1e+21') (or an int or a string)"),
        (lambda: g.Quantity(value=float("inf")), "value: must be a finite number, not inf"),
    ],
)  # fmt: skip
def test_floats_are_refused_with_the_decimal_to_write(build: Any, message: str) -> None:
    """A float given to a decimal field is refused; the message shows the Decimal to use."""
    assert _message(build) == message


def test_json_numbers_still_read_as_decimals() -> None:
    """On the wire a JSON number is still read, through its shortest repr."""
    money = g.from_dict({"amount": 425000000.5, "currency": "USD"}, g.Money)
    assert money.amount == Decimal("425000000.5")
    assert g.Money(amount=Decimal("0.1"), currency="USD").amount == Decimal("0.1")
    assert g.Money(amount="0.1", currency="USD").amount == Decimal("0.1")


# --- trailing newlines -----------------------------------------------------------------------

NEWLINES = [
    ({"type": "actor", "id": "a\n", "name": "A", "kind": "state"}, "id"),
    ({"type": "statement", "id": "s", "speaker": "a\n", "text": "x"}, "speaker"),
    ({"type": "source", "id": "s", "title": "t", "published": "2024-10-31\n"}, "published"),
    ({"type": "source", "id": "s", "title": "t", "language": "en\n"}, "language"),
    ({"type": "event", "id": "e", "cameo": "190", "fatalities": {"value": "1\n"}}, "fatalities"),
    ({"type": "event", "id": "e", "cameo": "190\n"}, "cameo"),
    ({"type": "actor", "id": "a", "name": "A", "kind": "state", "country": "RU\n"}, "country"),
]


@pytest.mark.parametrize(("data", "field"), NEWLINES, ids=[f for _, f in NEWLINES])
def test_a_trailing_newline_passes_no_pattern(data: dict[str, Any], field: str) -> None:
    """``$`` matches before a final newline, so every pattern is applied with fullmatch: a
    value ending in a newline is refused by the library, as by the schema."""
    with pytest.raises(g.ValidationError) as caught:
        g.from_dict(data)
    assert [p.path.split(".")[0] for p in caught.value.problems] == [field]
    assert not VALIDATOR.is_valid(data)


def test_every_model_pattern_is_applied_with_fullmatch() -> None:
    """No module of geostmt.model applies a regex with ``match`` or ``search`` (where ``$``
    would let a final newline through): every one uses ``fullmatch``."""
    for path in (ROOT / "src" / "geostmt" / "model").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert re.findall(r"\.(?:match|search)\(", source) == [], path.name
    with pytest.raises(g.ValidationError):
        r.Id().check("a\n")


# --- time and size at the edges --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "message"),
    [
        ("in the coming months", "9999-12-30",
         "text: 'in the coming months' from 9999-12-30 falls outside 0001-01-01 to 9999-12-31, "
         "the dates geostmt holds"),
        ("yesterday", "0001-01-01",
         "text: 'yesterday' from 0001-01-01 falls outside 0001-01-01 to 9999-12-31, the dates "
         "geostmt holds"),
    ],
)  # fmt: skip
def test_resolve_period_near_years_1_and_9999(text: str, reference: str, message: str) -> None:
    """A period reaching past the calendar is a ValidationError, not an OverflowError."""
    assert _message(lambda: g.resolve_period(text, reference)) == message


def test_resolve_period_of_none_is_a_type_error() -> None:
    """Text that is not a string is a TypeError saying so, not an AttributeError."""
    with pytest.raises(TypeError, match=r"^resolve_period\(\) needs text, a str, not NoneType$"):
        g.resolve_period(None, "2024-10-31")  # type: ignore[arg-type]


def test_resolve_period_still_resolves_at_the_edges() -> None:
    """Within the calendar, the edges resolve."""
    period = g.resolve_period("tomorrow", "9999-12-30")
    assert (str(period.start), str(period.end)) == ("9999-12-31", "9999-12-31")
    assert str(g.resolve_period("within 2 weeks", "2024-10-31").end) == "2024-11-14"


def test_quantity_to_a_unit_too_large_is_a_validation_error() -> None:
    """``Quantity.to`` on 1E+999999999 is a clean ValidationError at the field, never
    decimal.Overflow."""
    huge = g.Quantity(value=Decimal("1E+999999999"), unit="kilometer")
    assert _message(lambda: huge.to("meter")) == (
        "value: 1E+999999999 kilometer is too large to convert to meter"
    )
    hot = g.Quantity(low=Decimal(1), high=Decimal("1E+999999999"), unit="degree_Celsius",
                     qualifier="range")  # fmt: skip
    assert _message(lambda: hot.to("kelvin")) == (
        "high: 1E+999999999 degree_Celsius is too large to convert to kelvin"
    )
    assert g.Quantity(value=5, unit="kilometer").to("meter").value == Decimal(5000)


def test_money_format_keeps_every_digit_of_a_long_amount() -> None:
    """A 31-digit amount formats with every digit (babel runs in a context wide enough), not
    decimal.InvalidOperation; an amount of more than 1,000 digits is a ValidationError."""
    long = g.Money(amount=Decimal("1" * 31), currency="USD")
    assert long.format() == "$" + f"{int('1' * 31):,}" + ".00"
    fraction = g.Money(amount=Decimal("1234567.12345678901234567890123456789"), currency="EUR")
    assert fraction.format("es") == "1.234.567,12345678901234567890123456789\xa0€"
    huge = g.Money(amount=Decimal("1E+999999999"), currency="USD")
    assert _message(huge.format) == (
        "amount: 1E+999999999 has 1,000,000,000 digits; Money.format writes at most 1,000"
    )
