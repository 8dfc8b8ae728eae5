"""Tests for the ACLED code book lists and their lookups."""

from __future__ import annotations

import collections

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt.reference.acled import (
    ACLED_DISORDER_TYPES,
    ACLED_EVENT_TYPES,
    ACLED_GEO_PRECISION,
    ACLED_INTERACTION_CODES,
    ACLED_TIME_PRECISION,
    disorder_type_of,
    event_type_of,
    is_acled_event_type,
    is_acled_sub_event_type,
    suggest,
)

ALL_SUBS = [sub for subs in ACLED_EVENT_TYPES.values() for sub in subs]


def test_six_event_types_and_twenty_five_sub_event_types() -> None:
    """The event types in the code book's order, each with its number of sub-event types."""
    assert {name: len(subs) for name, subs in ACLED_EVENT_TYPES.items()} == {
        "Battles": 3,
        "Explosions/Remote violence": 6,
        "Violence against civilians": 3,
        "Protests": 3,
        "Riots": 2,
        "Strategic developments": 8,
    }
    assert len(ALL_SUBS) == 25
    assert ACLED_EVENT_TYPES["Riots"] == ("Violent demonstration", "Mob violence")


def test_every_sub_event_type_belongs_to_exactly_one_event_type() -> None:
    """No sub-event type is listed twice, and event_type_of finds each one's type."""
    assert max(collections.Counter(ALL_SUBS).values()) == 1
    for event_type, subs in ACLED_EVENT_TYPES.items():
        for sub in subs:
            assert event_type_of(sub) == event_type
            assert is_acled_sub_event_type(event_type, sub)
            others = set(ACLED_EVENT_TYPES) - {event_type}
            assert not any(is_acled_sub_event_type(other, sub) for other in others)


def test_event_type_of() -> None:
    """A sub-event type gives its event type; anything else gives None."""
    assert event_type_of("Air/drone strike") == "Explosions/Remote violence"
    assert event_type_of("Armed clash") == "Battles"
    assert event_type_of("Other") == "Strategic developments"
    assert event_type_of("air/drone strike") is None  # spellings are exact
    assert event_type_of("Battles") is None
    assert event_type_of("") is None


def test_event_type_checks() -> None:
    """Event types and pairs are checked with ACLED's exact spellings."""
    assert is_acled_event_type("Violence against civilians")
    assert not is_acled_event_type("Battle")
    assert not is_acled_event_type("battles")
    assert is_acled_sub_event_type("Protests", "Excessive force against protesters")
    assert not is_acled_sub_event_type("Protests", "Mob violence")
    assert not is_acled_sub_event_type("Nothing", "Attack")


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "disorder"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Grenade", "Political violence"),
        ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Protest with intervention", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Looting/property destruction", "Strategic developments"),
    ],
)
def test_disorder_type_of(event_type: str, sub_event_type: str, disorder: str) -> None:
    """Each pair gets the disorder type ACLED assigns it."""
    assert disorder_type_of(event_type, sub_event_type) == disorder


def test_every_pair_has_a_listed_disorder_type() -> None:
    """All 25 pairs give one of the four disorder types, and each of the four is used."""
    found = {disorder_type_of(t, s) for t, subs in ACLED_EVENT_TYPES.items() for s in subs}
    assert found == set(ACLED_DISORDER_TYPES)
    assert ACLED_DISORDER_TYPES == (
        "Political violence",
        "Demonstrations",
        "Strategic developments",
        "Political violence; Demonstrations",
    )


def test_disorder_type_of_explains_a_bad_pair() -> None:
    """An unknown type or a sub-event type of another type is a ValueError with a hint."""
    with pytest.raises(ValueError, match=r"^'Battle' is not an ACLED event type \(did you mean 'Battles'\?\)$"):  # fmt: skip  # noqa: E501
        disorder_type_of("Battle", "Armed clash")
    with pytest.raises(ValueError, match=r"^'Mob violence' is not a sub-event type of 'Protests'$"):
        disorder_type_of("Protests", "Mob violence")
    with pytest.raises(ValueError, match=r"did you mean 'Armed clash'\?"):
        disorder_type_of("Battles", "Armed clashes")


def test_suggest() -> None:
    """The nearest spelling, ignoring case; None when nothing is close."""
    assert suggest("Battle", ACLED_EVENT_TYPES) == "Battles"
    assert suggest("battles", ACLED_EVENT_TYPES) == "Battles"
    assert suggest("Explosions/remote violence", ACLED_EVENT_TYPES) == (
        "Explosions/Remote violence"
    )
    assert suggest("Excessive force against protestors", ALL_SUBS) == (
        "Excessive force against protesters"
    )
    assert suggest("Football", ACLED_EVENT_TYPES) is None
    assert suggest("anything", []) is None


def test_codes() -> None:
    """Interaction, time-precision and geo-precision codes are the code book's."""
    assert list(ACLED_INTERACTION_CODES) == list(range(9))
    assert ACLED_INTERACTION_CODES[1] == "State forces"
    assert ACLED_INTERACTION_CODES[6] == "Protesters"
    assert ACLED_INTERACTION_CODES[8] == "External/Other forces"
    assert set(ACLED_TIME_PRECISION) == set(ACLED_GEO_PRECISION) == {1, 2, 3}
    assert [ACLED_TIME_PRECISION[k].split(":")[0] for k in (1, 2, 3)] == ["day", "week", "month"]


def test_tables_are_read_only() -> None:
    """The shared tables cannot be changed by a caller."""
    with pytest.raises(TypeError):
        ACLED_EVENT_TYPES["Crime"] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        ACLED_INTERACTION_CODES[9] = "Other"  # type: ignore[index]


@given(st.text(max_size=60), st.text(max_size=60))
def test_lookups_never_raise(first: str, second: str) -> None:
    """Any text to the lookups gives an answer; disorder_type_of raises only ValueError."""
    assert isinstance(is_acled_event_type(first), bool)
    assert isinstance(is_acled_sub_event_type(first, second), bool)
    assert event_type_of(first) in (None, *ACLED_EVENT_TYPES)
    assert suggest(first, ACLED_EVENT_TYPES) in (None, *ACLED_EVENT_TYPES)
    assert suggest(first, ALL_SUBS) in (None, *ALL_SUBS)
    if is_acled_sub_event_type(first, second):
        assert disorder_type_of(first, second) in ACLED_DISORDER_TYPES
    else:
        with pytest.raises(ValueError, match="is not"):
            disorder_type_of(first, second)


@given(
    st.one_of(
        st.none(), st.integers(), st.floats(), st.lists(st.text(max_size=5)),
        st.dictionaries(st.text(max_size=5), st.integers()),
    )
)  # fmt: skip
def test_non_strings_are_never_types(value: object) -> None:
    """JSON values of the wrong type are no event or sub-event type, never an error."""
    assert not is_acled_event_type(value)
    assert not is_acled_sub_event_type(value, value)
    assert not is_acled_sub_event_type("Battles", value)
    assert event_type_of(value) is None


@given(st.sampled_from(ALL_SUBS))
def test_a_valid_sub_event_type_always_has_a_disorder_type(sub: str) -> None:
    """Through event_type_of, every sub-event type reaches a disorder type."""
    event_type = event_type_of(sub)
    assert event_type is not None
    assert disorder_type_of(event_type, sub) in ACLED_DISORDER_TYPES
