"""Schema 1.1: the Event record, codes on every record, times of day, geonames_id and XK."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import geostmt as g
from geostmt import strategies as gs


def event(**changes: Any) -> g.Event:
    return g.Event(**{"id": "e", "cameo": "190", **changes})


def test_event_codes_and_derived_scores() -> None:
    """CAMEO keeps its leading zero; quad class and Goldstein come from the code book."""
    statement = event(cameo="010")
    assert statement.cameo == "010"
    assert statement.quad_class == 1
    assert statement.goldstein == 0.0
    assert event(cameo="190").quad_class == 4
    assert event(cameo="190").goldstein == -10.0
    assert event(cameo="0311").quad_class == 1
    plover_only = g.Event(id="e", plover=g.PloverCoding(category="accuse"))
    assert plover_only.quad_class == 3
    assert plover_only.goldstein is None
    assert g.Event(id="e", acled=g.AcledCoding(event_type="Battles")).quad_class is None


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: g.Event(id="e"), ": an event needs at least one of cameo, plover and acled"),
        (lambda: event(cameo="1900"), "cameo: '1900' is not a CAMEO 1.1b3 event code"),
        (lambda: event(cameo=190), "cameo: expected a string, got int 190"),
        (lambda: event(plover=g.PloverCoding(category="assault", mode="peaceful")),
         "mode: 'peaceful' is not a PLOVER mode"),
        (lambda: g.PloverCoding(category="assault", mode="arrest"),
         "mode: 'arrest' is not a PLOVER mode of 'assault' (allowed: "),
        (lambda: g.PloverCoding(category="fight"), "category: 'fight' is not a PLOVER category"),
        (lambda: g.PloverCoding(category="protest", contexts=["refugees"]),
         "contexts[0]: 'refugees' is not a PLOVER context"),
        (lambda: g.AcledCoding(event_type="Battle"),
         "event_type: 'Battle' is not an ACLED event type (did you mean 'Battles'?)"),
        (lambda: g.AcledCoding(event_type="Protests", sub_event_type="Armed clash"),
         "sub_event_type: 'Armed clash' is not a sub-event type of 'Protests'"),
        (lambda: event(fatalities=g.Quantity(value=Decimal(3), unit="percent")),
         "fatalities.unit: fatalities is a count and has no unit"),
        (lambda: event(fatalities=g.Quantity(value=Decimal(-1))),
         "fatalities.value: a count must be >= 0, not -1"),
        (lambda: event(actors=[5]), "actors[0]: expected an id string, got int 5"),
        (lambda: g.Place(name="x", kind="city", geonames_id=0),
         "geonames_id: must be >= 1, not 0"),
    ],
)  # fmt: skip
def test_event_rules(build: Any, message: str) -> None:
    """Each rule of the new types refuses bad data with its path and a clear message."""
    with pytest.raises(g.ValidationError) as caught:
        build()
    assert any(str(p).startswith(message.lstrip(": ")) or str(p).startswith(message)
               for p in caught.value.problems), caught.value  # fmt: skip


def test_zero_fatalities_is_a_real_zero() -> None:
    """0 fatalities is kept and written; None is unknown and left out."""
    assert g.dumps(event(fatalities=g.Quantity(value=Decimal(0)))).endswith(
        '"fatalities":{"value":"0"}}'
    )
    assert "fatalities" not in g.dumps(event())


def test_every_record_answers_cameo_and_plover() -> None:
    """Statements give their act's codes; deployments mobilize; aid packages aid by type."""
    warn = g.Statement(id="s", speaker="a", text="t", act="warn")
    assert (warn.cameo, warn.plover) == ("012", None)
    request = g.Statement(id="s", speaker="a", text="t", act="request")
    assert request.plover == g.PloverCoding(category="request")
    assert g.Statement(id="s", speaker="a", text="t").cameo is None
    deployment = g.Deployment(id="d", actor="a")
    assert (deployment.cameo, deployment.plover.category) == ("154", "mobilize")
    military = g.AidPackage(id="p", donor="a", recipient="b", aid_type="military")
    assert (military.cameo, military.plover.category) == ("072", "aid")
    assert g.AidPackage(id="p", donor="a", recipient="b").cameo == "070"


def test_times_of_day() -> None:
    """Dates take a time of day with its UTC offset, to the minute or second."""
    minute = g.PartialDate.parse("2024-10-31T04:30+02:00")
    assert (minute.hour, minute.minute, minute.offset) == (4, 30, 120)
    assert minute.precision is g.Precision.MINUTE
    assert minute.isoformat() == "2024-10-31T04:30+02:00"
    second = g.PartialDate.parse("2024-10-31T23:59:59Z")
    assert second.precision is g.Precision.SECOND
    assert second.isoformat() == "2024-10-31T23:59:59+00:00"
    assert g.PartialDate.parse("2024-10-31T04:30-05:30").offset == -330
    for bad in ("2024-10-31T04:30", "2024-10T04:30Z", "2024-10-31T24:00Z", "2024-10-31T04Z"):
        with pytest.raises(g.ValidationError):
            g.PartialDate.parse(bad)
    with pytest.raises(g.ValidationError, match="a time of day needs a day"):
        g.PartialDate(year=2024, month=10, hour=4, minute=30, offset=0)


def test_kosovo_is_a_country() -> None:
    """XK is accepted as a country code (schema 1.1)."""
    assert g.Actor(id="kosovo", name="Kosovo", kind="state", country="XK").country == "XK"
    assert "XK" in g.json_schema()["$defs"]["CountryCode"]["enum"]


def test_a_1_0_record_reads_unchanged_and_newer_is_refused() -> None:
    """schema_version 1.0 reads as it is; 1.2 is refused with a message naming it."""
    data = {"schema_version": "1.0", "type": "actor", "id": "a", "name": "A", "kind": "state"}
    assert g.from_dict(data) == g.Actor(id="a", name="A", kind="state")
    assert g.SCHEMA_VERSION == "1.1"
    with pytest.raises(g.ValidationError, match=r"'1\.2' is not a schema version"):
        g.from_dict({**data, "schema_version": "1.2"})


@given(gs.events())
def test_events_round_trip_and_validate(record: g.Event) -> None:
    """Every generated event round-trips exactly and is valid by the JSON Schema."""
    text = g.dumps(record)
    assert g.loads(text) == record
    Draft202012Validator(g.json_schema()).validate(json.loads(text))


@given(st.from_type(g.Event))
def test_from_type_works_for_events(record: g.Event) -> None:
    """st.from_type(Event) needs no registration of its own."""
    assert isinstance(record, g.Event)


@given(gs.datasets(max_records=10))
def test_datasets_resolve_event_references(dataset: g.Dataset) -> None:
    """Generated datasets (events included) have every reference resolved."""
    for record in dataset.events:
        for ident in (*record.actors, *record.targets):
            assert isinstance(dataset[ident], g.Actor)
