"""Readers of GDELT, ACLED and PLOVER data: tests with concrete values, written to kill the
mutants scripts/mutation_check.py finds in the readers, parsers and validators."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import geostmt as g
from geostmt.errors import Problem, ValidationError
from geostmt.interop import acled, gdelt, plover
from geostmt.interop.acled import COLUMNS
from geostmt.interop.acled import values as acled_values
from geostmt.interop.acled.cells import columns as acled_columns
from geostmt.interop.plover import values as plover_values
from geostmt.interop.rows import Row
from tests.interop.test_acled import KURSK
from tests.interop.test_acled import _csv as _acled_csv
from tests.interop.test_gdelt import GOOD, _scan_text, _with
from tests.interop.test_plover import CURRENT

# GDELT


def _gdelt_problems(**cells: str) -> tuple[Problem, ...]:
    (row,) = _scan_text(_with(**cells))
    assert row.records == ()
    return row.problems


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ({"ActionGeo_Lat": "north"}, Problem("ActionGeo_Lat", "'north' is not a decimal number")),
        ({"ActionGeo_Type": "7"}, Problem("ActionGeo_Type", "'7' is not a GDELT geographic type")),
        (
            {"ActionGeo_CountryCode": "QQ"},
            Problem("ActionGeo_CountryCode", "'QQ' is not a FIPS 10-4 country code"),
        ),
        ({"SQLDATE": "2015101"}, Problem("SQLDATE", "'2015101' is not a date written YYYYMMDD")),
        ({"GLOBALEVENTID": "x12"}, Problem("GLOBALEVENTID", "'x12' is not a GDELT event id")),
    ],
)
def test_gdelt_messages_exactly(cells: dict[str, str], problem: Problem) -> None:
    """Each bad GDELT cell gives exactly this problem, on line 1."""
    assert _gdelt_problems(**cells) == (problem._replace(line=1),)


def test_gdelt_zip_problems_have_no_column(tmp_path: Path) -> None:
    """A zip of two files, or no zip, is one problem at no column with the exact message."""
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.CSV", GOOD)
        zipped.writestr("b.CSV", GOOD)
    with pytest.raises(ValidationError) as caught:
        list(gdelt.read(archive))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("", "a GDELT zip holds one file; this one holds 2")
    ]
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ValidationError) as caught:
        list(gdelt.read(broken))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("", "not a readable zip file: File is not a zip file")
    ]


def test_gdelt_build_renames_paths_to_columns() -> None:
    """_build maps a problem's top field (before any '.' or '[') to its column, else the default."""

    def bad() -> None:
        raise ValidationError(
            [Problem("lat.x", "a"), Problem("name[0]", "b"), Problem("other", "c")]
        )

    with pytest.raises(gdelt._RowError) as caught:
        gdelt._build(bad, {"lat": "ActionGeo_Lat", "name": "ActionGeo_FullName"}, "Default")
    assert caught.value.problems == (
        Problem("ActionGeo_Lat", "a"),
        Problem("ActionGeo_FullName", "b"),
        Problem("Default", "c"),
    )


def test_gdelt_actor_kind_from_type2_and_type3() -> None:
    """With Type1 empty the kind comes from Type2, then Type3."""
    (row,) = _scan_text(_with(Actor2Type2Code="MIL"))
    assert row.records[0].kind == "military"
    (row,) = _scan_text(_with(Actor2Type3Code="MED"))
    assert row.records[0].kind == "media"
    (row,) = _scan_text(_with(Actor2Type3Code="MED", Actor2Type2Code="XYZ"))
    assert row.records[0].kind == "media"


def test_gdelt_place_kinds_without_a_country() -> None:
    """A city with no country stays a city; a country-level place of OS is other."""
    (row,) = _scan_text(_with(ActionGeo_Type="3", ActionGeo_CountryCode=""))
    event = row.records[-1]
    assert isinstance(event, g.Event)
    assert event.place is not None
    assert (event.place.kind, event.place.country) == ("city", None)
    (row,) = _scan_text(_with(ActionGeo_Type="1", ActionGeo_CountryCode="OS"))
    event = row.records[-1]
    assert isinstance(event, g.Event)
    assert event.place is not None
    assert (event.place.kind, event.place.country) == ("other", None)


def test_gdelt_source_id_and_evidence() -> None:
    """The source id is gdelt-src- and 16 hex digits of the URL's SHA-1; the event cites it."""
    url = "https://www.yahoo.com/news/halle-berry.html"
    (row,) = _scan_text(GOOD)
    *_, source, event = row.records
    assert source == g.Source(id="gdelt-src-2e19669c5f849b26", url=url)
    assert source.id == "gdelt-src-" + hashlib.sha1(url.encode()).hexdigest()[:16]
    assert isinstance(event, g.Event)
    assert event.evidence == (g.Evidence(source=source.id),)
    (row,) = _scan_text(_with(SOURCEURL=""))
    event = row.records[-1]
    assert isinstance(event, g.Event)
    assert event.evidence == ()
    assert not any(isinstance(r, g.Source) for r in row.records)


def test_gdelt_scan_binary_stream() -> None:
    """A binary stream of two good rows gives both events."""
    data = (GOOD + "\n" + _with(GLOBALEVENTID="1") + "\n").encode()
    rows = list(gdelt.scan(io.BytesIO(data)))
    assert [r.records[-1].id for r in rows] == ["gdelt-588604779", "gdelt-1"]


# ACLED


def _acled_rows(text: str) -> list[Row]:
    return list(acled.scan(io.StringIO(text, newline="")))


def _acled_row(**cells: str) -> Row:
    (row,) = _acled_rows(_acled_csv([{**KURSK, **cells}]))
    return row


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        (
            {"event_date": "31 Octobr 2024"},
            Problem(
                "event_date", "'31 Octobr 2024' is not a date like 2024-10-31 or 31 October 2024"
            ),
        ),
        ({"time_precision": "4"}, Problem("time_precision", "'4' is not 1, 2 or 3")),
        ({"iso": "999"}, Problem("iso", "'999' is not an ISO 3166-1 numeric code")),
        ({"latitude": "north"}, Problem("latitude", "'north' is not a number")),
        ({"geo_precision": "4"}, Problem("geo_precision", "'4' is not 1, 2 or 3")),
        (
            {"fatalities": "2.5"},
            Problem("fatalities", "'2.5' is not a whole number of deaths (0 to 999999999)"),
        ),
        ({"event_type": ""}, Problem("event_type", "every ACLED row needs its event type")),
        ({"inter1": "9"}, Problem("inter1", "'9' is not an ACLED actor type")),
        ({"event_id_cnty": ""}, Problem("event_id_cnty", "every ACLED row needs its event id")),
        (
            {"event_date": "", "time_precision": "4"},
            Problem("time_precision", "'4' is not 1-3"),
        ),
        (
            {"actor1": "a\ud800"},
            Problem("actor1", "contains a lone surrogate, which UTF-8 cannot hold"),
        ),
        (
            {"assoc_actor_1": "a\ud800"},
            Problem("assoc_actor_1", "contains a lone surrogate, which UTF-8 cannot hold"),
        ),
        (
            {"event_id_cnty": "RUS 1"},
            Problem(
                "event_id_cnty",
                "'acled-RUS 1' is not an id: 1 to 200 characters of letters, digits and "
                ". _ : - starting with a letter or digit",
            ),
        ),
    ],
)
def test_acled_messages_exactly(cells: dict[str, str], problem: Problem) -> None:
    """Each bad ACLED cell gives exactly this one problem, at its column, on line 2."""
    row = _acled_row(**cells)
    assert row.number == 2
    assert row.records == ()
    assert row.problems == (problem,)


def test_acled_date_parsing_directly() -> None:
    """values.date: a word date with an unknown month is one problem at no column."""
    with pytest.raises(ValidationError) as caught:
        acled_values.date("31 Octobr 2024", "1")
    assert caught.value.problems == (
        Problem("", "'31 Octobr 2024' is not a date like 2024-10-31 or 31 October 2024"),
    )
    assert acled_values.date("31 October 2024", "") == g.PartialDate(year=2024, month=10, day=31)
    assert acled_values.date("2024-10-31", "2") == g.PartialDate(year=2024, month=10)


def test_acled_no_date_and_no_precision_is_an_event_without_a_date() -> None:
    """A row without event_date or time_precision reads as an event with no date."""
    row = _acled_row(event_date="", time_precision="", year="")
    event = row.records[-1]
    assert isinstance(event, g.Event)
    assert event.date is None


def test_acled_inter_with_a_leading_zero() -> None:
    """inter1 '01' is type 1 (military), the text kept as written."""
    row = _acled_row(inter1="01")
    actor = row.records[0]
    assert isinstance(actor, g.Actor)
    assert (actor.kind, dict(actor.identifiers)) == ("military", {"acled_inter": "01"})


def test_acled_clean_row_keeps_only_cells_it_cannot_derive() -> None:
    """The Kursk row keeps only the cells no field holds: notes and sources are derived."""
    event = _acled_row().records[-1]
    assert isinstance(event, g.Event)
    assert dict(event.identifiers) == {
        "acled": "RUS1234",
        "acled:interaction": "11",
        "acled:region": "Europe",
        "acled:country": "Russia",
        "acled:admin1": "Kursk",
        "acled:admin2": "Sudzhanskiy",
        "acled:source_scale": "National",
        "acled:timestamp": "1730764800",
    }
    assert event.summary == KURSK["notes"]


def test_acled_blank_and_one_cell_lines() -> None:
    """A line of spaces is skipped; a line of one other cell is a row of the wrong width."""
    header, row = _acled_csv([KURSK]).splitlines()
    rows = _acled_rows(f"{header}\n   \n{row}\nx\n\n")
    assert [r.number for r in rows] == [3, 4]
    assert isinstance(rows[0].records[-1], g.Event)
    assert rows[1] == Row(4, (), (Problem("", f"1 cells; the header has {len(COLUMNS)} columns"),))


def test_acled_header_problems_exactly() -> None:
    """A missing, an unknown and a repeated header name, each with its exact message."""
    header = list(COLUMNS)
    header[header.index("tags")] = "labels"
    header.append("notes")
    (row,) = _acled_rows(",".join(header) + "\n")
    assert row == Row(
        1,
        (),
        (
            Problem("tags", "the header has no such column"),
            Problem("'labels'", "not an ACLED column; refused, not dropped"),
            Problem("notes", "the header names this column twice"),
        ),
    )


def test_acled_no_header_and_unreadable_csv() -> None:
    """An empty file has no header (row 1); a CSV error is a problem on the line it starts."""
    assert _acled_rows("") == [Row(1, (), (Problem("", "no header row: not an ACLED export"),))]
    huge = "x" * (csv.field_size_limit() + 1)
    (row,) = _acled_rows(huge + "\n")
    assert row.number == 1
    assert [p.path for p in row.problems] == [""]
    assert row.problems[0].message.startswith("not readable as CSV: field larger than field limit")
    rows = _acled_rows(_acled_csv([KURSK]) + huge + "\n")
    assert [r.number for r in rows] == [2, 3]
    assert rows[1].problems[0].message.startswith("not readable as CSV: ")


def _acled_event(**fields: object) -> g.Event:
    base: dict[str, object] = {
        "id": "acled-X1",
        "acled": g.AcledCoding(event_type="Protests", sub_event_type="Peaceful protest"),
    }
    return g.Event(**{**base, **fields})


def test_acled_columns_of_a_bare_event() -> None:
    """An event with no date, place or fatalities has those cells empty; the id's prefix goes."""
    cells = acled_columns(_acled_event(), {}, {})
    assert cells["event_id_cnty"] == "X1"
    assert (cells["event_date"], cells["year"], cells["time_precision"]) == ("", "", "")
    assert cells["fatalities"] == ""
    assert cells["iso"] == ""
    place = g.Place(name="Somewhere", kind="city")
    cells = acled_columns(_acled_event(place=place), {}, {})
    assert (cells["location"], cells["iso"], cells["geo_precision"]) == ("Somewhere", "", "1")
    kosovo = g.Place(name="Pristina", kind="city", country="XK")
    assert acled_columns(_acled_event(place=kosovo), {}, {})["iso"] == ""
    cells = acled_columns(_acled_event(identifiers={"acled": "UKR7"}), {}, {})
    assert cells["event_id_cnty"] == "UKR7"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (
            {"date": g.PartialDate(year=2024)},
            "a date known only to the year has no ACLED time precision",
        ),
        (
            {"fatalities": g.Quantity(value=Decimal("2.5"))},
            "fatalities is not an exact whole number",
        ),
        (
            {"fatalities": g.Quantity(value=Decimal(3), qualifier="approximately")},
            "fatalities is not an exact whole number",
        ),
        ({"fatalities": g.Quantity(low=Decimal(1))}, "fatalities is not an exact whole number"),
        ({"actors": ("nobody",)}, "actor 'nobody' is not among the records written"),
        (
            {"evidence": (g.Evidence(source="paper"),)},
            "source 'paper' is not among the records written",
        ),
    ],
)
def test_acled_write_skips_what_it_cannot_write(fields: dict[str, object], reason: str) -> None:
    """An event the ACLED columns cannot hold is skipped with its exact reason."""
    skipped: list[acled.Skipped] = []
    out = io.StringIO()
    assert acled.write([_acled_event(**fields)], out, skipped=skipped) == 0
    assert skipped == [acled.Skipped("acled-X1", reason)]
    assert out.getvalue().count("\n") == 1


# PLOVER


def _plover_row(obj: object) -> Row:
    (row,) = plover.scan(io.StringIO(json.dumps(obj) + "\n"))
    return row


def _plover_event(obj: object) -> g.Event:
    event = _plover_row(obj).records[-1]
    assert isinstance(event, g.Event)
    return event


def _place(**loc: object) -> g.Place | None:
    return _plover_event({**CURRENT, "event_loc": loc}).place


@pytest.mark.parametrize(
    ("obj", "problem"),
    [
        (5, Problem("", "a PLOVER event is a JSON object, not int")),
        (
            {k: v for k, v in CURRENT.items() if k != "id"},
            Problem("id", "a PLOVER event needs an id (a string or an integer)"),
        ),
        (
            {**CURRENT, "id": True},
            Problem("id", "a PLOVER event needs an id (a string or an integer)"),
        ),
        (
            {**CURRENT, "id": 1.5},
            Problem("id", "a PLOVER event needs an id (a string or an integer)"),
        ),
        ({**CURRENT, "date": 20160724}, Problem("date", "expected an ISO date, not int")),
        (
            {**CURRENT, "date": "2016-13-01"},
            Problem("date.month", "must be between 1 and 12, not 13"),
        ),
        (
            {**CURRENT, "event": ["NOPE", "ALSO"]},
            Problem(
                "event", "no PLOVER category, current or 0.5 (NOPE, ALSO): the row is not an event"
            ),
        ),
        (
            {**CURRENT, "event": []},
            Problem("event", "no PLOVER category, current or 0.5 (none): the row is not an event"),
        ),
        ({**CURRENT, "actor": [5]}, Problem("actor[0]", "an actor is a JSON object, not int")),
        (
            {**CURRENT, "actor": [{"code": 5}]},
            Problem("actor[0].code", "expected a string, not int"),
        ),
        (
            {**CURRENT, "recipient": [{"code": "CAN"}, {"sector": "GOV"}]},
            Problem("recipient[1]", "an actor needs a name, a code or a Wikidata id"),
        ),
        (
            {**CURRENT, "actor": [{"wikidata_id": "not-an-id"}]},
            Problem("actor[0]", "an actor needs a name, a code or a Wikidata id"),
        ),
        (
            {**CURRENT, "event_loc": "Ottawa"},
            Problem("event_loc", "a location is a JSON object, not str"),
        ),
        ({**CURRENT, "event_loc": {"lat": 1.0}}, Problem("event_loc", "a location needs a name")),
        (
            {**CURRENT, "event_loc": {"name": "X", "country_code": 5}},
            Problem("event_loc.country_code", "expected a country code, not int"),
        ),
        (
            {**CURRENT, "event_loc": {"name": "X", "geonameid": "abc"}},
            Problem("event_loc.geonameid", "expected an integer, not str"),
        ),
        (
            {**CURRENT, "event_loc": {"name": "X", "geonameid": True}},
            Problem("event_loc.geonameid", "expected an integer, not bool"),
        ),
        (
            {**CURRENT, "event_loc": {"name": "X", "lat": 95, "lon": 1}},
            Problem("event_loc.lat", "must be between -90 and 90, not 95.0"),
        ),
        ({**CURRENT, "text": 5}, Problem("text", "expected text, not int")),
        (
            {**CURRENT, "mode": ["visit", None]},
            Problem("mode", "expected a string or a list of strings, not null"),
        ),
        (
            {**CURRENT, "event_loc": {"name": "X", "lat": True, "lon": 1}},
            Problem("event_loc.lat", "expected a number, not bool"),
        ),
        (
            {**CURRENT, "event_loc": {"name": "X", "lat": "north", "lon": 1}},
            Problem("event_loc.lat", "expected a number, not 'north'"),
        ),
    ],
)
def test_plover_refusals_exactly(obj: object, problem: Problem) -> None:
    """Each unusable PLOVER object gives exactly this one problem and no records."""
    row = _plover_row(obj)
    assert row.records == ()
    assert row.problems == (problem,)


def test_plover_category_kept_only_when_not_as_written() -> None:
    """CONSULT is the current name (any case): not kept; a second category is kept."""
    assert dict(_plover_event(CURRENT).identifiers) == {
        "plover": "PHOX-20160724-0042",
        "plover:context": "refugees",
    }
    event = _plover_event({**CURRENT, "event": ["consult", "accuse"]})
    assert event.identifiers["plover:event"] == "consult,accuse"
    assert event.plover is not None
    assert event.plover.category == "consult"


def test_plover_actor_ids_kinds_and_empty_items() -> None:
    """Actor ids: code, name (80 characters at most) and a 4-byte digest; sector prefixes."""
    actors = _plover_row(CURRENT).records[:2]
    assert [a.id for a in actors] == [
        "plover-actor-deu-steinmeier-3bbea82c",
        "plover-actor-can-59a54fc6",
    ]
    long_name = {"entity_text": "N" * 100, "code": "DEU"}
    (actor,) = _plover_row({**CURRENT, "actor": [long_name], "recipient": None}).records[:-1]
    assert actor.id == "plover-actor-deu-" + "n" * 76 + "-ca141cf8"
    row = _plover_row({**CURRENT, "recipient": ["", None, {"code": "CAN", "sector": "GOVERNMENT"}]})
    event = row.records[-1]
    assert isinstance(event, g.Event)
    (target,) = event.targets
    actor = next(r for r in row.records if r.id == target)
    assert isinstance(actor, g.Actor)
    assert actor.kind == "government"


def test_plover_place_countries_and_kinds() -> None:
    """Two-letter country codes are ISO; resolution 1 without a country is other."""
    place = _place(name="Ottawa", country_code="ca", resolution=4)
    assert place == g.Place(name="Ottawa", kind="city", country="CA")
    assert _place(name="Canada", country_code="CA", resolution=1) == g.Place(
        name="Canada", kind="country", country="CA"
    )
    assert _place(name="Sea", country_code="ZZ", resolution=1) == g.Place(name="Sea", kind="other")
    assert _place(name="Town", resolution=5) == g.Place(name="Town", kind="city")
    assert _place(name="Town", geonameid=" 42 ") == g.Place(
        name="Town", kind="other", geonames_id=42
    )


def test_plover_values_directly() -> None:
    """type_name, text and number on concrete values."""
    assert plover_values.type_name(None) == "null"
    assert plover_values.type_name(5) == "int"
    assert plover_values.text(["a ", " ", "b"], "p") == "a b"
    assert plover_values.text([" "], "p") is None
    with pytest.raises(plover_values.RefusedError) as caught:
        plover_values.text([1], "p")
    assert caught.value.problem == Problem("p", "expected text, not list")
    with pytest.raises(plover_values.RefusedError) as caught:
        plover_values.number([1], "p")
    assert caught.value.problem == Problem("p", "expected a number, not list")
    assert plover_values.number("1.5", "p") == 1.5
    assert plover_values.number(Decimal("2"), "p") == 2.0
