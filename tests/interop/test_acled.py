"""The ACLED reader and writer, on rows written by hand (ACLED's terms forbid shipping its data)."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from geostmt.interop import acled
from geostmt.model.time import Precision
from geostmt.reference.acled import ACLED_EVENT_TYPES, disorder_type_of
from tests.conftest import ROOT

KURSK = {
    "event_id_cnty": "RUS1234", "event_date": "2024-10-31", "year": "2024",
    "time_precision": "1", "disorder_type": "Political violence", "event_type": "Battles",
    "sub_event_type": "Armed clash", "actor1": "Military Forces of Russia (2000-)",
    "assoc_actor_1": "Military Forces of North Korea (2011-)", "inter1": "1",
    "actor2": "Military Forces of Ukraine (2019-)", "inter2": "1", "interaction": "11",
    "iso": "643", "region": "Europe", "country": "Russia", "admin1": "Kursk",
    "admin2": "Sudzhanskiy", "location": "Sudzha", "latitude": "51.1914",
    "longitude": "35.2714", "geo_precision": "1", "source": "Ukrainska Pravda; Kommersant",
    "source_scale": "National", "notes": "On 31 October 2024, Russian forces clashed with "
    "Ukrainian forces near Sudzha.", "fatalities": "0", "tags": "", "timestamp": "1730764800",
}  # fmt: skip
KYIV = {
    "event_id_cnty": "UKR9001", "event_date": "2024-11-02", "year": "2024",
    "time_precision": "1", "disorder_type": "Demonstrations", "event_type": "Protests",
    "sub_event_type": "Peaceful protest", "actor1": "Protesters (Ukraine)", "inter1": "6",
    "interaction": "60", "iso": "804", "region": "Europe", "country": "Ukraine",
    "admin1": "Kyiv City", "location": "Kyiv", "latitude": "50.4501", "longitude": "30.5234",
    "geo_precision": "1", "source": "Suspilne", "source_scale": "National",
    "notes": "Relatives of missing soldiers demonstrated on Maidan.", "fatalities": "0",
    "tags": "crowd size=around 200", "timestamp": "1730800000",
}  # fmt: skip
STRIKE = {
    "event_id_cnty": "UKR9002", "event_date": "2024-11-03", "year": "2024",
    "time_precision": "2", "disorder_type": "Political violence",
    "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Russia (2000-)",
    "assoc_actor_1": "Military Forces of Russia (2000-) Air Force; Wagner Group",
    "inter1": "1", "actor2": "Civilians (Ukraine)", "assoc_actor_2": "Health Workers (Ukraine)",
    "inter2": "7", "interaction": "17", "civilian_targeting": "Civilian targeting",
    "iso": "804", "region": "Europe", "country": "Ukraine", "admin1": "Kharkiv",
    "admin2": "Kharkivskyi", "admin3": "Kharkivska", "location": "Kharkiv",
    "latitude": "49.9808", "longitude": "36.2527", "geo_precision": "2",
    "source": "Ukrainska Pravda; Suspilne; Kharkiv Regional Military Administration",
    "source_scale": "Subnational-National", "notes": "Shahed drones hit a clinic.",
    "fatalities": "", "tags": "", "timestamp": "1730900000",
}  # fmt: skip
MONTH = {
    "event_id_cnty": "RUS1300", "event_date": "15 October 2024", "year": "2024",
    "time_precision": "3", "disorder_type": "Strategic developments",
    "event_type": "Strategic developments", "sub_event_type": "Headquarters or base established",
    "actor1": "Military Forces of North Korea (2011-)", "inter1": "8", "iso": "643",
    "region": "Europe", "country": "Russia", "admin1": "Kursk", "location": "Kursk",
    "latitude": "51.7373", "longitude": "36.1873", "geo_precision": "3",
    "source": "Kommersant", "source_scale": "National", "notes": "Troops reported in Kursk.",
    "fatalities": "", "timestamp": "1731000000",
}  # fmt: skip
ROWS = [KURSK, KYIV, STRIKE, MONTH]


def _csv(rows: list[dict[str, str]]) -> str:
    return acled._text(rows)


def _records(text: str) -> list[g.Record]:
    return list(acled.read(io.StringIO(text, newline="")))


def _written(records: list[g.Record]) -> str:
    out = io.StringIO(newline="")
    acled.write(records, out, skipped=[])
    return out.getvalue()


def _events(records: list[g.Record]) -> list[g.Event]:
    return [r for r in records if isinstance(r, g.Event)]


def test_columns() -> None:
    assert len(acled.COLUMNS) == 31
    assert list(acled.MAPPING) == list(acled.COLUMNS)


def test_round_trip_is_identical_text(tmp_path: Path) -> None:
    text = _csv(ROWS)
    assert _written(_records(text)) == text
    path = tmp_path / "acled.csv"
    path.write_text(text, encoding="utf-8", newline="")
    out = tmp_path / "out.csv"
    assert acled.write(acled.read(path), out) == 4
    assert out.read_text(encoding="utf-8") == text
    assert [p.name for p in tmp_path.iterdir()] != []
    assert not list(tmp_path.glob(".out.csv.*"))


def test_the_kursk_battle() -> None:
    records = _records(_csv([KURSK]))
    (event,) = _events(records)
    assert event.id == "acled-RUS1234"
    assert event.identifiers["acled"] == "RUS1234"
    assert event.acled == g.AcledCoding(
        event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence"
    )
    assert event.place is not None
    assert event.place.country == "RU"  # iso 643
    assert event.place.kind == "city"
    assert event.date == g.PartialDate(year=2024, month=10, day=31)
    assert event.fatalities == g.Quantity(value=Decimal(0))  # a real zero
    actors = {r.id: r for r in records if isinstance(r, g.Actor)}
    assert [actors[i].name for i in event.actors] == [
        "Military Forces of Russia (2000-)",
        "Military Forces of North Korea (2011-)",
    ]
    assert actors[event.actors[0]].kind == "military"
    assert actors[event.actors[1]].kind == "other"  # associates have no actor type
    assert [actors[i].name for i in event.targets] == ["Military Forces of Ukraine (2019-)"]
    sources = {r.id: r for r in records if isinstance(r, g.Source)}
    assert [sources[e.source].title for e in event.evidence] == ["Ukrainska Pravda", "Kommersant"]
    assert event.identifiers["acled:admin1"] == "Kursk"
    assert "acled:tags" not in event.identifiers  # empty cells are not kept
    assert "acled:latitude" not in event.identifiers  # derived from place.lat exactly


def test_precision() -> None:
    strike, month = _events(_records(_csv([STRIKE, MONTH])))
    assert strike.date is not None
    assert strike.date.precision is Precision.MONTH
    assert strike.identifiers["acled:time_precision"] == "2"
    assert strike.identifiers["acled:event_date"] == "2024-11-03"
    assert month.date == g.PartialDate(year=2024, month=10)
    assert month.identifiers["acled:event_date"] == "15 October 2024"
    assert strike.fatalities is None  # empty is unknown
    assert month.place is not None
    assert month.place.kind == "other"


def test_an_actor_named_again_with_another_type_round_trips() -> None:
    """The first form of an actor is the one emitted; later rows keep the type they differ in."""
    again = {**KURSK, "event_id_cnty": "RUS1235", "inter1": "2", "assoc_actor_1": ""}
    text = _csv([KURSK, again, {**again, "event_id_cnty": "RUS1236"}])
    records = _records(text)
    assert _written(records) == text
    first, second, third = _events(records)
    assert "acled:inter1" not in first.identifiers
    assert second.identifiers["acled:inter1"] == third.identifiers["acled:inter1"] == "2"
    names = [r.name for r in records if isinstance(r, g.Actor)]
    assert len(names) == len(set(names))  # each actor once, as first met


@pytest.mark.parametrize(
    ("column", "filled"),
    [("inter2", "1"), ("year", "2024"), ("geo_precision", "1"), ("time_precision", "1")],
)
def test_an_empty_cell_the_writer_would_fill_is_written_filled(column: str, filled: str) -> None:
    """As the docs say: an empty cell is not kept (identifiers hold no empty text)."""
    text = _csv([KURSK, {**KURSK, "event_id_cnty": "RUS1235", column: ""}])
    back = list(csv.DictReader(io.StringIO(_written(_records(text)))))
    assert [row[column] for row in back] == [KURSK[column], filled]


def test_records_form_a_dataset_and_ids_are_stable() -> None:
    text = _csv(ROWS)
    first, second = _records(text), _records(text)
    assert [r.id for r in first] == [r.id for r in second]
    g.Dataset(first)
    ids = [r.id for r in first]
    assert len(ids) == len(set(ids))  # each actor and source once
    for record in first:
        assert re.match(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$", record.id)
        assert len(record.id) <= 200


def test_actors_and_sources_come_first() -> None:
    for row in acled.scan(io.StringIO(_csv(ROWS), newline="")):
        assert isinstance(row.records[-1], g.Event)
        assert not any(isinstance(r, g.Event) for r in row.records[:-1])


def test_a_misspelt_event_type_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    text = _csv([KURSK, {**KYIV, "event_type": "Battle"}])
    rows = list(acled.scan(io.StringIO(text, newline="")))
    assert rows[1].number == 3
    assert rows[1].records == ()
    (problem,) = rows[1].problems
    assert problem.path == "event_type"
    assert "'Battle' is not an ACLED event type (did you mean 'Battles'?)" in problem.message
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(g.ValidationError) as caught:
        list(acled.read(path))
    assert str(caught.value).startswith(f"{path}:3: event_type: 'Battle' is not")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("event_date", "2024-02-30"),
        ("event_date", "yesterday"),
        ("time_precision", "4"),
        ("iso", "999"),
        ("fatalities", "2.5"),
        ("fatalities", "-1"),
        ("latitude", "north"),
        ("latitude", "91"),
        ("inter1", "9"),
        ("sub_event_type", "Peaceful protest"),
    ],
)
def test_bad_cells_are_problems_at_their_column(column: str, value: str) -> None:
    (row,) = acled.scan(io.StringIO(_csv([{**KURSK, column: value}]), newline=""))
    assert row.records == ()
    assert [p.path for p in row.problems] == [column], row.problems


def test_header_must_be_acled() -> None:
    text = _csv([KURSK]).replace("tags", "labels", 1)
    (row,) = acled.scan(io.StringIO(text, newline=""))
    assert {p.path for p in row.problems} == {"tags", "'labels'"}


def test_events_without_acled_are_counted_not_silent() -> None:
    records = [*_records(_csv([KURSK])), g.Event(id="e1", cameo="190")]
    skipped: list[acled.Skipped] = []
    assert acled.write(records, io.StringIO(), skipped=skipped) == 1
    assert skipped == [acled.Skipped("e1", "no ACLED coding")]
    with pytest.warns(UserWarning, match="1 events not written"):
        acled.write(records, io.StringIO())


def test_docs_table_lists_every_column() -> None:
    page = (ROOT / "docs" / "interop-acled.md").read_text(encoding="utf-8")
    section = page.split("## The mapping\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \|$", section, re.M)
    assert rows == list(acled.MAPPING.items())


# --- properties -----------------------------------------------------------------------------

_cell = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)


@given(st.lists(st.fixed_dictionaries(dict.fromkeys(acled.COLUMNS, _cell)), max_size=3))
def test_random_cells_are_only_ever_validation_problems(rows: list[dict[str, str]]) -> None:
    try:
        for _row in acled.scan(io.StringIO(_csv(rows), newline="")):
            pass
        list(acled.read(io.StringIO(_csv(rows), newline="")))
    except g.ValidationError:
        pass


@given(st.lists(st.text(max_size=8), max_size=40))
def test_random_text_is_only_ever_validation_problems(lines: list[str]) -> None:
    with contextlib.suppress(g.ValidationError):
        list(acled.read(io.StringIO("\n".join(lines), newline="")))


_name = st.text(st.sampled_from("abcdefghij ()-,'"), min_size=1, max_size=20).map(str.strip)
_name = _name.filter(lambda s: s != "" and ";" not in s)


@st.composite
def _acled_events(draw: st.DrawFn) -> list[g.Record]:
    """ACLED-shaped actors, sources and events built from the code book lists."""
    names = draw(st.lists(_name, min_size=1, max_size=6, unique=True))
    kinds = st.sampled_from(sorted(acled.ACTOR_KINDS))
    actors = {
        n: g.Actor(id=acled.actor_id(n), name=n, kind="other", identifiers={"acled_inter": k})
        for n, k in zip(names, draw(st.lists(kinds, min_size=6, max_size=6)), strict=False)
    }
    titles = draw(st.lists(_name, max_size=3, unique=True))
    sources = [g.Source(id=acled.source_id(t), title=t) for t in titles]
    records: list[g.Record] = [*actors.values(), *sources]
    for index in range(draw(st.integers(1, 4))):
        event_type = draw(st.sampled_from(sorted(ACLED_EVENT_TYPES)))
        sub = draw(st.sampled_from(ACLED_EVENT_TYPES[event_type]))
        day = draw(st.dates(min_value=g.PartialDate(year=1997, month=1, day=1).earliest()))
        month_only = draw(st.booleans())
        place = draw(
            st.none()
            | st.builds(
                g.Place,
                name=_name,
                kind=st.sampled_from(["city", "other"]),
                country=st.sampled_from(["RU", "UA", "SY", "NG", None]),
                lat=st.floats(-90, 90),
                lon=st.floats(-180, 180),
            )
        )
        records.append(
            g.Event(
                id=f"acled-X{index}",
                identifiers={"acled": f"X{index}"},
                acled=g.AcledCoding(
                    event_type=event_type,
                    sub_event_type=sub,
                    disorder_type=disorder_type_of(event_type, sub),
                ),
                actors=[actors[n].id for n in draw(st.lists(st.sampled_from(names), unique=True))],
                targets=[actors[n].id for n in draw(st.lists(st.sampled_from(names), unique=True))],
                date=g.PartialDate(
                    year=day.year, month=day.month, day=None if month_only else day.day
                ),
                place=place,
                fatalities=draw(
                    st.none() | st.integers(0, 10**6).map(lambda n: g.Quantity(value=n))
                ),
                summary=draw(st.none() | _name),
                evidence=[g.Evidence(source=s.id) for s in sources],
            )
        )
    return records


@given(_acled_events())
def test_events_survive_write_then_read(records: list[g.Record]) -> None:
    text = _written(records)
    back = _records(text)
    assert _written(back) == text
    before = {e.id: e for e in _events(records)}
    for event in _events(back):
        original = before[event.id]
        assert (event.acled, event.date, event.place, event.fatalities, event.summary) == (
            original.acled, original.date, original.place, original.fatalities, original.summary
        )  # fmt: skip
        assert event.actors == original.actors
        assert event.targets == original.targets
        assert event.evidence == original.evidence


def test_rows_per_second(capsys: pytest.CaptureFixture[str]) -> None:
    """Not a limit: prints the reading speed on 20,000 generated rows."""
    rows = []
    for index in range(20_000):
        template = ROWS[index % len(ROWS)]
        rows.append({**template, "event_id_cnty": f"GEN{index}", "actor2": f"Group {index % 500}"})
    text = _csv(rows)
    start = time.perf_counter()
    records = _records(text)
    read_rate = len(rows) / (time.perf_counter() - start)
    start = time.perf_counter()
    out = _written(records)
    write_rate = len(rows) / (time.perf_counter() - start)
    assert out == text
    with capsys.disabled():
        print(f"\nACLED: read {read_rate:,.0f} rows/s, write {write_rate:,.0f} rows/s")


def test_csv_module_reads_what_write_writes() -> None:
    text = _written(_records(_csv(ROWS)))
    assert [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(text))] == [
        "RUS1234",
        "UKR9001",
        "UKR9002",
        "RUS1300",
    ]
