"""PLOVER JSON: the 0.5 gold-standard file, current JSON Lines, write, and the docs table."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from geostmt.errors import ValidationError
from geostmt.interop import plover
from tests.conftest import ROOT

GOLD = "corpora/plover/PLOVER_GSR_CAMEO.txt"
OBJECTS = 323  # the array's objects: one DOCUMENT record and 322 events
DOCS = (ROOT / "docs" / "interop-plover.md").read_text(encoding="utf-8")


@pytest.fixture
def gold(shared: Path) -> Path:
    return shared / GOLD


def _events(records: list[Any]) -> dict[str, g.Event]:
    return {r.id: r for r in records if isinstance(r, g.Event)}


def test_gold_file_every_object_read_or_refused(gold: Path) -> None:
    started = time.perf_counter()
    rows = list(plover.scan(gold))
    elapsed = time.perf_counter() - started
    assert [row.number for row in rows] == list(range(1, OBJECTS + 1))
    refused = [row for row in rows if row.problems]
    assert [row.number for row in refused] == [1]  # the DOCUMENT record
    assert "DOCUMENT" in refused[0].problems[0].message
    assert all(row.records for row in rows if not row.problems)
    records = [r for row in rows for r in row.records]
    events = _events(records)
    assert len(events) == OBJECTS - 1
    # the file uses PLOVER-GSR01-COERCE-0004 twice (rows 278 and 291): both kept
    assert events["plover-PLOVER-GSR01-COERCE-0004:2"].identifiers["plover:duplicate"] == "2"
    print(f"\nPLOVER 0.5: {len(records) / elapsed:,.0f} records/s ({len(rows)} rows)")


def test_gold_file_records_form_a_dataset(gold: Path) -> None:
    records = [r for row in plover.scan(gold) for r in row.records]
    dataset = g.Dataset(records)
    assert len(dataset) == len(records)
    # each actor appears once, before the first event citing it
    seen: set[str] = set()
    for record in records:
        if isinstance(record, g.Event):
            assert set(record.actors) | set(record.targets) <= seen
        seen.add(record.id)


def test_gold_file_reads_the_same_twice(gold: Path) -> None:
    first = [r.id for row in plover.scan(gold) for r in row.records]
    second = [r.id for row in plover.scan(gold) for r in row.records]
    assert first == second


def test_read_raises_at_the_document_record(gold: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        list(plover.read(gold))
    problem = caught.value.problems[0]
    assert problem.line == 1
    assert problem.file == str(gold)


@pytest.mark.parametrize(
    ("old", "new"), [("DEMAND", "request"), ("DISAPPROVE", "accuse"), ("FIGHT", "assault")]
)
def test_old_names_map(gold: Path, old: str, new: str) -> None:
    events = list(_events([r for row in plover.scan(gold) for r in row.records]).values())
    mapped = [e for e in events if e.identifiers.get("plover:event") == old]
    assert mapped
    assert {e.plover.category for e in mapped if e.plover} == {new}


def test_gold_quirks(gold: Path) -> None:
    records = [r for row in plover.scan(gold) for r in row.records]
    events = _events(records)
    actors = {r.id: r for r in records if isinstance(r, g.Actor)}
    # an empty string for a missing actor is no actor
    assert events["plover-PLOVER-GSR01-AGREE-0003"].targets == ()
    # old contexts are kept, not dropped: "refugees" is no current context
    agree = events["plover-PLOVER-GSR01-AGREE-0001"]
    assert agree.plover is not None
    assert agree.plover.contexts == ()
    assert agree.identifiers["plover:context"] == "refugees"
    # a compound actor: two government actors with their countries
    assert [(actors[a].kind, actors[a].country) for a in agree.actors] == [
        (g.ActorKind.GOVERNMENT, "HU"),
        (g.ActorKind.GOVERNMENT, "RO"),
    ]
    # INVESTIGATE settles the mode
    investigate = events["plover-PLOVER-GSR01-INVESTIGATE-0001"]
    assert investigate.plover == g.PloverCoding(
        category="accuse", mode="investigate", contexts=("cbrn",)
    )


CURRENT = {
    "id": "PHOX-20160724-0042",
    "date": "2016-07-24",
    "actor": [
        {
            "code": "DEU",
            "sector": "GOV",
            "entity_text": "Steinmeier",
            "wikidata_id": "Q76658",
        }
    ],
    "recipient": {"code": "CAN"},
    "event": ["CONSULT"],
    "mode": ["visit"],
    "context": ["diplomatic", "refugees"],
    "event_loc": {
        "resolved_place": "Ottawa",
        "geonameid": 6094817,
        "lat": 45.41,
        "lon": -75.7,
        "country_code": "CAN",
        "resolution": 4,
    },
    "text": "Steinmeier visited Ottawa.",
}


def test_current_json_lines() -> None:
    text = "\n" + json.dumps(CURRENT) + "\n\n" + json.dumps({**CURRENT, "id": "x y"}) + "\n"
    rows = list(plover.scan(io.StringIO(text)))
    assert [row.number for row in rows] == [2, 4]
    actor, recipient, event = rows[0].records
    assert isinstance(event, g.Event)
    assert event.id == "plover-PHOX-20160724-0042"
    assert event.plover == g.PloverCoding(
        category="consult", mode="visit", contexts=("diplomatic",)
    )
    assert event.identifiers["plover:context"] == "refugees"
    assert isinstance(actor, g.Actor)
    assert actor.identifiers["wikidata"] == "Q76658"
    assert actor.kind is g.ActorKind.GOVERNMENT
    assert isinstance(recipient, g.Actor)
    assert (recipient.kind, recipient.country) == (g.ActorKind.STATE, "CA")
    assert event.place == g.Place(
        name="Ottawa", kind="city", country="CA", lat=45.41, lon=-75.7, geonames_id=6094817
    )
    # the second line: actors already seen are not repeated; the id is sanitised
    (second,) = rows[1].records
    assert second.id == "plover-x-y"


def test_events_round_trip(gold: Path, tmp_path: Path) -> None:
    records = [r for row in plover.scan(gold) for r in row.records]
    out = tmp_path / "events.jsonl"
    summary = plover.write(records, out)
    assert summary.written == OBJECTS - 1
    assert summary.skipped == []
    again = [r for row in plover.scan(out) for r in row.records]
    assert _round(records) == _round(again)


def _round(records: list[Any]) -> list[Any]:
    """Records minus what a current PLOVER file cannot say: the 0.5 category name."""
    return [
        g.Event(**{**_fields(r), "identifiers": {
            k: v for k, v in r.identifiers.items() if k != "plover:event"
        }}) if isinstance(r, g.Event) else r
        for r in records
    ]  # fmt: skip


def _fields(record: Any) -> dict[str, Any]:
    import attrs

    return {f.name: getattr(record, f.name) for f in attrs.fields(type(record))}


def test_write_statements_deployments_and_skips(tmp_path: Path) -> None:
    kim = g.Actor(id="kim", name="Kim Jong Un", kind="person", identifiers={"wikidata": "Q56226"})
    dprk = g.Actor(id="dprk", name="North Korea", kind="state", country="KP")
    demand = g.Statement(id="s1", speaker="kim", text="Withdraw now.", act="demand")
    plain = g.Statement(id="s2", speaker="kim", text="It is cold.", act="state")
    deployment = g.Deployment(id="d1", actor="dprk")
    out = tmp_path / "out.jsonl"
    summary = plover.write([kim, dprk, demand, plain, deployment], out)
    assert summary.written == 2
    assert [record_id for record_id, _ in summary.skipped] == ["s2"]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["event"] for line in lines] == [["request"], ["mobilize"]]
    assert lines[0]["actor"] == [{"entity_text": "Kim Jong Un", "wikidata_id": "Q56226"}]
    assert lines[1]["actor"] == [{"code": "PRK", "entity_text": "North Korea"}]
    back = _events([r for row in plover.scan(out) for r in row.records])
    assert {e.plover.category for e in back.values() if e.plover} == {"request", "mobilize"}


def test_write_is_atomic(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def broken() -> Any:
        yield g.Statement(id="s1", speaker="kim", text="Withdraw.", act="demand")
        raise RuntimeError("halfway")

    with pytest.raises(RuntimeError):
        plover.write(broken(), out)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from(
    sorted({k for t in (plover.EVENT_FIELDS, plover.ACTOR_FIELDS, plover.PLACE_FIELDS)
            for keys in t.values() for k in keys})
)  # fmt: skip
OBJECTS_LIKE = st.dictionaries(KEYS, JSON, max_size=8) | st.fixed_dictionaries(
    {"id": st.text(), "event": st.sampled_from(["FIGHT", "assault", ["DEMAND"]])},
    optional=dict.fromkeys(("actor", "source", "recipient", "event_loc", "mode", "context"), JSON),
)


@given(st.lists(JSON | OBJECTS_LIKE, max_size=5), st.booleans())
def test_scan_raises_only_validation_errors(values: list[Any], as_array: bool) -> None:
    text = json.dumps(values) if as_array else "\n".join(json.dumps(v) for v in values)
    try:
        rows = list(plover.scan(io.StringIO(text)))
    except ValidationError:
        return
    for row in rows:
        assert bool(row.records) != bool(row.problems)


def test_docs_table_lists_every_mapping_key() -> None:
    table = {
        (field, key)
        for field, keys in re.findall(r"^\| `([\w.]+)` \| ([^|]+) \|", DOCS, re.M)
        for key in re.findall(r"`([^`]+)`", keys)
    }
    for name, mapping in [
        ("Event", plover.EVENT_FIELDS),
        ("Actor", plover.ACTOR_FIELDS),
        ("Place", plover.PLACE_FIELDS),
    ]:
        for field, keys in mapping.items():
            for key in keys:
                assert (field, key) in table, (name, field, key)
    for key in plover.KEPT:
        assert f"`{key}`" in DOCS, key
    for code, kind in {**plover.SECTOR_KINDS, **plover.NONSTATE_KINDS}.items():
        assert f"| `{code}` | `{kind.value}` |" in DOCS, code
