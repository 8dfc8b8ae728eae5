"""No message repeats a huge value: a 1 MB text, a million-digit number or a 5,000-digit int is
shown in a few dozen characters, and a short value exactly as before."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace

import pytest

import geostmt as g
from geostmt.model import Place
from geostmt.model.class_rules import Belongs, ClassRule, SubdivisionInCountry
from geostmt.model.event import PloverCoding
from geostmt.model.frozenmap import FrozenMap, check_string_map
from geostmt.model.rules import (
    DecimalNumber,
    Integer,
    SubdivisionCode,
    Vocabulary,
    written,
)
from geostmt.model.time import _KNOWN, PartialDate, resolve_period
from geostmt.reference.acled import disorder_type_of

MEGABYTE = "x" * 1_000_000
BLANK_MEGABYTE = " " * 1_000_000
MILLION_DIGITS = Decimal("9" * 1_000_000)
HUGE_INT = 10**5000  # str() refuses it: more than 4,300 digits
LIMIT = 300


def _rule(rules: tuple[ClassRule, ...], kind: type[ClassRule]) -> ClassRule:
    return next(rule for rule in rules if isinstance(rule, kind))


def _problem_message(rule: ClassRule, **fields: object) -> str:
    problem = rule.problem(SimpleNamespace(**fields))
    assert problem is not None
    return problem.message


def _message(build: Callable[[], object], error: type[ValueError] = g.ValidationError) -> str:
    with pytest.raises(error) as caught:
        build()
    return str(caught.value)


HUGE: dict[str, Callable[[], object]] = {
    # model/time.py
    "year": lambda: PartialDate(year=HUGE_INT),
    "month": lambda: PartialDate(year=2024, month=HUGE_INT),
    "day": lambda: PartialDate(year=2024, month=10, day=HUGE_INT),
    "hour text": lambda: PartialDate(year=2024, month=10, day=31, hour=MEGABYTE),
    "hour int": lambda: PartialDate(year=2024, month=10, day=31, hour=HUGE_INT, minute=0, offset=0),
    # model/rules.py
    "decimal below ge": lambda: DecimalNumber(ge=0).check(Decimal("-" + "9" * 1_000_000)),
    "decimal NaN payload": lambda: DecimalNumber().check(Decimal("NaN" + "9" * 1_000_000)),
    "integer below ge": lambda: Integer(ge=0).check(-HUGE_INT),
    "subdivision": lambda: SubdivisionCode().check(MEGABYTE),
    "vocabulary": lambda: Vocabulary(lambda: ("riot", "protest"), "a kind").check(MEGABYTE),
    # model/class_rules.py (Ordered through Quantity and Evidence)
    "low above value": lambda: g.Quantity(low=MILLION_DIGITS, value=Decimal(1)),
    "high below value": lambda: g.Quantity(value=MILLION_DIGITS, high=Decimal(1)),
    "end before start": lambda: g.Evidence(source="s", start=HUGE_INT, end=1),
    # model/values.py
    "Quantity.to": lambda: g.Quantity(value=MILLION_DIGITS, unit="kilometer").to("meter"),
    # reference/acled.py
    "ACLED event type": lambda: disorder_type_of(MEGABYTE, "Mob violence"),
    "ACLED sub-event type": lambda: disorder_type_of("Riots", MEGABYTE),
}
ACLED = {"ACLED event type", "ACLED sub-event type"}  # a plain ValueError, not a record's


@pytest.mark.parametrize("case", HUGE)
def test_a_huge_value_gives_a_short_message(case: str) -> None:
    """A 1 MB text or a million-digit number makes a message of under 300 characters (and
    an int ``str`` refuses is a ValidationError, not str's ValueError)."""
    assert len(_message(HUGE[case], ValueError if case in ACLED else g.ValidationError)) < LIMIT


def test_resolve_period_shows_a_huge_text_briefly() -> None:
    """resolve_period's message on 1 MB of text is short besides the phrases it lists."""
    message = _message(lambda: resolve_period(MEGABYTE, "2024-10-31"))
    assert len(message.replace(_KNOWN, "")) < LIMIT


def test_string_map_problems_show_a_huge_key_or_value_briefly() -> None:
    """frozenmap's check: a blank key or value of 1 MB gives a short message."""
    problems = check_string_map(FrozenMap({BLANK_MEGABYTE: "x", "k": BLANK_MEGABYTE}))
    assert [len(message) < LIMIT for _, message in problems] == [True, True]


def test_class_rules_show_a_huge_value_briefly() -> None:
    """A subdivision's country and a PLOVER mode of 1 MB give short messages."""
    inside = _rule(Place.RULES, SubdivisionInCountry)
    belongs = _rule(PloverCoding.RULES, Belongs)
    assert len(_problem_message(inside, subdivision="RU-KRS", country=MEGABYTE)) < LIMIT
    parent = next(iter(belongs.table()))  # type: ignore[attr-defined]
    fields = dict.fromkeys(belongs.fields, parent) | {belongs.fields[0]: MEGABYTE}
    assert len(_problem_message(belongs, **fields)) < LIMIT


SHORT: list[tuple[Callable[[], object], str]] = [
    (lambda: PartialDate(year=0), "year: must be between 1 and 9999, not 0"),
    (lambda: PartialDate(year=2024, month=13), "month: must be between 1 and 12, not 13"),
    (lambda: PartialDate(year=2023, month=2, day=29), "day: 2023-02 has no day 29"),
    (
        lambda: PartialDate(year=2024, month=10, day=31, hour="4", minute=0, offset=0),
        "hour must be an integer from 0 to 23, not '4'",
    ),
    (lambda: DecimalNumber(ge=0).check(Decimal("-5.50")), "must be >= 0, not -5.50"),
    (lambda: DecimalNumber().check(Decimal("NaN")), "must be a finite number, not NaN"),
    (lambda: Integer(ge=0).check(-1), "must be >= 0, not -1"),
    (lambda: g.Quantity(low=Decimal(3), value=Decimal(1)), "low: 3 is above the value 1"),
    (lambda: g.Evidence(source="s", start=5, end=1), "end: 1 is before start 5"),
    (
        lambda: disorder_type_of("Battle", "Armed clash"),
        "'Battle' is not an ACLED event type (did you mean 'Battles'?)",
    ),
]


@pytest.mark.parametrize(("build", "message"), SHORT)
def test_a_short_value_is_shown_as_before(build: Callable[[], object], message: str) -> None:
    """Bounding the shown value leaves the message for an ordinary value as it was."""
    assert _message(build, ValueError) == message


def test_written_keeps_a_short_number_and_cuts_a_long_one() -> None:
    """``written`` is ``str`` for a short number, 60 characters for a long one."""
    assert written(Decimal("1E+999999999")) == "1E+999999999"
    assert written(-42) == "-42"
    assert written(MILLION_DIGITS) == "9" * 57 + "..."
    assert written(HUGE_INT) == "<an integer of about 5,001 digits>"


def test_short_messages_keep_their_class_rule_wording() -> None:
    """A subdivision of another country and a mode of another category read as before."""
    inside = _rule(Place.RULES, SubdivisionInCountry)
    assert _problem_message(inside, subdivision="RU-KRS", country="UA") == (
        "'RU-KRS' is a subdivision of 'RU', not of 'UA'"
    )
    assert _problem_message(inside, subdivision="RU-KRS", country=None) == (
        "subdivision 'RU-KRS' needs country 'RU' to be set"
    )
