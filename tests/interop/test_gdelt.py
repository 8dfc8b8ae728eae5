"""GDELT 2.0 event exports read into events, actors and sources."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from geostmt.interop import gdelt
from geostmt.reference.cameo import cameo_code
from geostmt.reference.code_systems import from_fips
from tests.conftest import ROOT

SAMPLE = Path("corpora") / "gdelt" / "20161013151500.export.sample.tsv"
# GDELT's GoldsteinScale differs from the CAMEO code book's on these codes (docs/interop-gdelt.md).
GOLDSTEIN_DIFFERS = {"022", "164"}

# One real row of the sample (line 1), to derive bad rows from.
GOOD = (
    "588604779\t20151014\t201510\t2015\t2015.7781\t\t\t\t\t\t\t\t\t\t\tDEU\tHALLE\tDEU\t\t\t\t\t"
    "\t\t\t1\t040\t040\t04\t1\t1.0\t3\t1\t3\t-1.46443514644352\t0\t\t\t\t\t\t\t\t3\t"
    "Hollywood, California, United States\tUS\tUSCA\tCA037\t34.0983\t-118.327\t1660757\t3\t"
    "Hollywood, California, United States\tUS\tUSCA\tCA037\t34.0983\t-118.327\t1660757\t"
    "20161013151500\thttps://www.yahoo.com/news/halle-berry.html"
)


def _with(**cells: str) -> str:
    """GOOD with the named columns replaced."""
    row = GOOD.split("\t")
    for name, value in cells.items():
        row[gdelt.COLUMNS.index(name)] = value
    return "\t".join(row)


def _scan_text(text: str) -> list[gdelt.Row]:
    return list(gdelt.scan(io.StringIO(text)))


def test_columns_are_the_shared_list(shared: Path) -> None:
    """COLUMNS is the 61 names of columns.txt, in order; each is mapped or dropped, never both."""
    names = (shared / "corpora" / "gdelt" / "columns.txt").read_text(encoding="utf-8").split()
    assert tuple(names) == gdelt.COLUMNS
    assert len(gdelt.COLUMNS) == 61
    assert set(gdelt.MAPPING) | set(gdelt.DROPPED) == set(gdelt.COLUMNS)
    assert not set(gdelt.MAPPING) & set(gdelt.DROPPED)


def test_every_row_becomes_its_event(shared: Path) -> None:
    """Each of the 1,200 rows gives one event whose code, quad, Goldstein, date, place, id match."""
    path = shared / SAMPLE
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 1200
    events = [r for r in gdelt.read(path) if isinstance(r, g.Event)]
    assert len(events) == 1200
    col = {name: i for i, name in enumerate(gdelt.COLUMNS)}
    for row, event in zip(rows, events, strict=True):
        assert len(row) == 61
        assert event.id == f"gdelt-{row[col['GLOBALEVENTID']]}"
        assert event.identifiers == {"gdelt": row[col["GLOBALEVENTID"]]}
        assert event.cameo == row[col["EventCode"]]
        assert event.quad_class == int(row[col["QuadClass"]])
        if event.cameo not in GOLDSTEIN_DIFFERS:
            assert event.goldstein == float(row[col["GoldsteinScale"]])
        sqldate = row[col["SQLDATE"]]
        assert event.date == g.PartialDate(
            year=int(sqldate[:4]), month=int(sqldate[4:6]), day=int(sqldate[6:])
        )
        if row[col["ActionGeo_Type"]] in ("", "0"):
            assert event.place is None
            continue
        assert event.place is not None
        assert event.place.name == row[col["ActionGeo_FullName"]]
        assert event.place.country == from_fips(row[col["ActionGeo_CountryCode"]])
        assert event.place.lat == float(row[col["ActionGeo_Lat"]])
        assert event.place.lon == float(row[col["ActionGeo_Long"]])


def test_goldstein_differs_only_on_the_known_codes(shared: Path) -> None:
    """Where GDELT's GoldsteinScale is not the code book's, the code is 022 or 164."""
    col = {name: i for i, name in enumerate(gdelt.COLUMNS)}
    with (shared / SAMPLE).open(encoding="utf-8", newline="") as stream:
        differ = {
            row[col["EventCode"]]
            for row in csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
            if cameo_code(row[col["EventCode"]]).goldstein != float(row[col["GoldsteinScale"]])
        }
    assert differ == GOLDSTEIN_DIFFERS


def test_sample_counts_and_dataset(shared: Path) -> None:
    """The sample gives 1,200 events, 449 actors, 438 sources: a valid Dataset, no problems."""
    records = list(gdelt.read(shared / SAMPLE))
    dataset = g.Dataset(records)
    assert len(dataset.events) == 1200
    assert len(dataset.actors) == 449
    assert len(dataset.sources) == 438
    assert all(not row.problems for row in gdelt.scan(shared / SAMPLE))


def test_dependency_order(shared: Path) -> None:
    """Every id an event cites was emitted before it."""
    emitted: set[str] = set()
    for record in gdelt.read(shared / SAMPLE):
        if isinstance(record, g.Event):
            cited = {*record.actors, *record.targets, *(e.source for e in record.evidence)}
            assert cited <= emitted
        emitted.add(record.id)


def test_reading_twice_gives_the_same_ids(shared: Path) -> None:
    """Two reads of the sample give the same ids in the same order."""
    first = [r.id for r in gdelt.read(shared / SAMPLE)]
    assert first == [r.id for r in gdelt.read(str(shared / SAMPLE))]


def test_zip_reads_the_same(shared: Path, tmp_path: Path) -> None:
    """A .zip holding the export, as GDELT ships it, reads the same as the plain file."""
    archive = tmp_path / "20161013151500.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(shared / SAMPLE, "20161013151500.export.CSV")
    assert list(gdelt.read(archive)) == list(gdelt.read(shared / SAMPLE))


def test_zip_with_two_members_is_refused(tmp_path: Path) -> None:
    """A zip holding two files is a ValidationError, as is a file that is no zip."""
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.CSV", GOOD)
        zipped.writestr("b.CSV", GOOD)
    with pytest.raises(g.ValidationError, match="holds 2"):
        list(gdelt.read(archive))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(g.ValidationError, match="not a readable zip"):
        list(gdelt.read(broken))


def test_jsonl_round_trip(shared: Path, tmp_path: Path) -> None:
    """The records written as JSON Lines validate and read back as an equal Dataset."""
    path = tmp_path / "gdelt.jsonl"
    records = list(gdelt.read(shared / SAMPLE))
    assert g.write_jsonl(path, records) == 2087
    assert g.validate_jsonl(path) == []
    assert list(g.Dataset.read_jsonl(path)) == records


def test_rows_per_second(shared: Path) -> None:
    """Reads the sample and reports its rows per second (measured, not asserted)."""
    start = time.perf_counter()
    count = sum(1 for _ in gdelt.scan(shared / SAMPLE))
    elapsed = time.perf_counter() - start
    print(f"\nGDELT: {count} rows in {elapsed:.3f} s, {count / elapsed:,.0f} rows/s")
    assert count == 1200


def test_fips_ch_is_china() -> None:
    """FIPS CH is China (CN), not Switzerland; the place keeps the FIPS-derived country."""
    (row,) = _scan_text(
        _with(
            ActionGeo_CountryCode="CH",
            ActionGeo_Type="1",
            ActionGeo_FullName="China",
            ActionGeo_Lat="35",
            ActionGeo_Long="105",
        )
    )
    event = row.records[-1]
    assert isinstance(event, g.Event)
    assert event.place == g.Place(name="China", kind="country", country="CN", lat=35.0, lon=105.0)


def test_leading_zero_is_kept() -> None:
    """EventCode 010 stays the string '010', with PLOVER from the draft table where it has one."""
    (row,) = _scan_text(_with(EventCode="010"))
    event = row.records[-1]
    assert isinstance(event, g.Event)
    assert event.cameo == "010"
    assert event.quad_class == 1
    (row,) = _scan_text(_with(EventCode="0311"))
    event = row.records[-1]
    assert isinstance(event, g.Event)
    assert event.cameo == "0311"


def test_actor_kinds_ids_and_order() -> None:
    """Actors get stable ids and kinds from type codes; each is emitted once, before the event."""
    line = _with(
        Actor1Code="USAGOV",
        Actor1Name="UNITED STATES",
        Actor1CountryCode="USA",
        Actor1Type1Code="GOV",
        Actor2Code="AFRREB",
        Actor2Name="AFRICA",
        Actor2CountryCode="AFR",
        Actor2Type1Code="REB",
    )
    first, second = _scan_text(
        line
        + "\n"
        + _with(GLOBALEVENTID="588604780")
        + "\n"
        + _with(
            GLOBALEVENTID="588604781",
            Actor1Code="USAGOV",
            Actor1Name="UNITED STATES",
            Actor1CountryCode="USA",
            Actor1Type1Code="GOV",
        )
    )[::2]
    gov, reb, source, event = first.records
    assert gov == g.Actor(
        id="gdelt-actor-USAGOV-united-states",
        name="UNITED STATES",
        kind="government",
        country="US",
        identifiers={"cameo": "USAGOV"},
    )
    assert reb == g.Actor(
        id="gdelt-actor-AFRREB-africa",
        name="AFRICA",
        kind="armed_group",
        identifiers={"cameo": "AFRREB"},
    )
    assert isinstance(source, g.Source)
    assert isinstance(event, g.Event)
    assert event.actors == (gov.id,)
    assert event.targets == (reb.id,)
    assert [r.id for r in second.records] == ["gdelt-588604781"]


def test_a_bare_country_code_is_a_state() -> None:
    """Actor DEU with country DEU and no type code is a state in DE; a region alone is other."""
    (row,) = _scan_text(GOOD)
    assert row.records[0] == g.Actor(
        id="gdelt-actor-DEU-halle",
        name="HALLE",
        kind="state",
        country="DE",
        identifiers={"cameo": "DEU"},
    )
    (row,) = _scan_text(_with(Actor2Code="AFR", Actor2Name="AFRICA", Actor2CountryCode="AFR"))
    actor = row.records[0]
    assert isinstance(actor, g.Actor)
    assert (actor.kind, actor.country) == ("other", None)


@pytest.mark.parametrize(
    ("cells", "path", "message"),
    [
        ({"EventCode": "999"}, "EventCode", "'999' is not a CAMEO event code"),
        ({"EventCode": "40"}, "EventCode", "'40' is not a CAMEO event code"),
        ({"GLOBALEVENTID": "x12"}, "GLOBALEVENTID", "'x12' is not a GDELT event id"),
        ({"SQLDATE": "2015101"}, "SQLDATE", "'2015101' is not a date written YYYYMMDD"),
        ({"SQLDATE": "20150230"}, "SQLDATE", "day 30"),
        ({"ActionGeo_CountryCode": "QQ"}, "ActionGeo_CountryCode", "'QQ' is not a FIPS 10-4"),
        ({"ActionGeo_Lat": "north"}, "ActionGeo_Lat", "'north' is not a decimal number"),
        ({"ActionGeo_Lat": "95"}, "ActionGeo_Lat", ""),
        ({"ActionGeo_Long": ""}, "ActionGeo_Long", "lat and lon go together"),
        ({"ActionGeo_Type": "7"}, "ActionGeo_Type", "'7' is not a GDELT geographic type"),
        ({"ActionGeo_FullName": " "}, "ActionGeo_FullName", "blank"),
    ],
)
def test_bad_rows_name_the_column(cells: dict[str, str], path: str, message: str) -> None:
    """A bad row has no records and a problem at the column, on its line."""
    (row,) = _scan_text(_with(**cells))
    assert row.records == ()
    assert [p.path for p in row.problems] == [path]
    assert message in row.problems[0].message
    assert row.problems[0].line == 1


def test_wrong_column_count() -> None:
    """A row of 60 columns is refused, saying how many it has."""
    (row,) = _scan_text(GOOD.rsplit("\t", 1)[0])
    assert row.problems == (g.Problem("", "expected 61 tab-separated columns, found 60", 1),)


def test_repeated_event_id_is_a_problem() -> None:
    """A GLOBALEVENTID seen before in the read is a problem, not a silent drop."""
    rows = _scan_text(GOOD + "\n" + GOOD + "\n")
    assert rows[1].problems == (
        g.Problem("GLOBALEVENTID", "event gdelt-588604779 repeats line 1", 2),
    )


def test_read_names_file_and_line(tmp_path: Path) -> None:
    """read raises a ValidationError naming the file, line and column of the first bad row."""
    path = tmp_path / "bad.CSV"
    path.write_text(GOOD + "\n\n" + _with(GLOBALEVENTID="2", EventCode="999") + "\n", "utf-8")
    with pytest.raises(g.ValidationError) as caught:
        list(gdelt.read(path))
    assert str(caught.value) == f"{path}:3: EventCode: '999' is not a CAMEO event code"


def test_binary_stream_and_bad_utf8() -> None:
    """A binary file reads too; a line that is not UTF-8 is a problem, not a crash."""
    rows = list(gdelt.scan(io.BytesIO(GOOD.encode() + b"\n\xff\xfe\n")))
    assert len(rows[0].records) == 3
    assert rows[1].problems == (g.Problem("", "not UTF-8 text", 2),)


@given(st.lists(st.lists(st.text()).map("\t".join), max_size=3))
def test_random_text_raises_only_validation_errors(lines: list[str]) -> None:
    """Rows of random text never make scan raise; read raises only ValidationError."""
    text = "\n".join(lines)
    for row in gdelt.scan(io.StringIO(text)):
        assert bool(row.records) != bool(row.problems)
    with contextlib.suppress(g.ValidationError):
        list(gdelt.read(io.StringIO(text)))


@given(
    st.lists(
        st.sampled_from(["", "0", "1", "3", "010", "CH", "20151014", "x", "-1.5", " "]) | st.text(),
        min_size=61,
        max_size=61,
    )
)
def test_random_61_columns_raise_nothing(cells: list[str]) -> None:
    """Rows of the right width and random cells are records or problems, never an exception."""
    for row in gdelt.scan(io.StringIO("\t".join(cells))):
        assert bool(row.records) != bool(row.problems)


def test_docs_table_lists_every_column() -> None:
    """docs/interop-gdelt.md lists every mapped and every dropped column, and each actor kind."""
    page = (ROOT / "docs" / "interop-gdelt.md").read_text(encoding="utf-8")
    mapped = re.findall(r"^\| `(\w+)` \| [^|]*`[A-Z]\w+\.", page, re.M)
    assert set(gdelt.MAPPING) <= set(mapped)
    for column in gdelt.DROPPED:
        assert f"`{column}`" in page, column
    for code, kind in gdelt.ACTOR_KINDS.items():
        assert re.search(rf"^\| `{kind.value}` \|.*`{code}`", page, re.M), code
