"""geostmt.table: Arrow schemas derived from the classes, exact round trips, Parquet datasets."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow", reason="the table tests need the arrow extra")
import pyarrow.parquet as pq  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import geostmt as g  # noqa: E402
from geostmt import strategies as gs  # noqa: E402
from geostmt.model import RECORD_CLASSES  # noqa: E402
from geostmt.table import (  # noqa: E402
    arrow_schema,
    from_arrow,
    read_parquet,
    scan_parquet,
    to_arrow,
    write_parquet,
)
from tests.conftest import ROOT, python_output  # noqa: E402

GOLDEN = ROOT / "tests" / "table" / "golden"
SEED = ROOT / "examples" / "data" / "seed-article.jsonl"


def _pinned(cls: type[Any]) -> dict[str, Any]:
    schema = arrow_schema(cls)
    metadata = {k.decode(): v.decode() for k, v in (schema.metadata or {}).items()}
    metadata.pop("geostmt.version")  # follows the package version
    fields = [[f.name, str(f.type), f.nullable] for f in schema]
    return {"fields": fields, "metadata": metadata}


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.TYPE)
def test_arrow_schema_is_pinned(cls: type[Any]) -> None:
    """Each record type's Arrow schema equals its golden file (regenerate on purpose only)."""
    golden = json.loads((GOLDEN / f"{cls.TYPE}.arrow.json").read_text(encoding="utf-8"))
    assert _pinned(cls) == golden


def test_arrow_schema_shapes() -> None:
    """Structs for values, lists of structs, dictionary enums, {scheme, id}, decimal128(38, 6),
    date text with precision and date32 bounds, versions in the metadata."""
    schema = arrow_schema(g.AidPackage)
    assert schema.field("value").type == pa.struct(
        [pa.field("amount", pa.decimal128(38, 6)), pa.field("currency", pa.string()),
         pa.field("qualifier", pa.dictionary(pa.int32(), pa.string()))]
    )  # fmt: skip
    assert schema.field("items").type.value_type.field("name").type == pa.string()
    assert schema.field("announced").type == pa.string()
    assert schema.field("announced_lo").type == pa.date32()
    assert schema.field("aid_type").type == pa.dictionary(pa.int32(), pa.string())
    assert not schema.field("id").nullable
    assert schema.field("donor").nullable is False
    actor = arrow_schema(g.Actor)
    assert actor.field("identifiers").type == pa.list_(
        pa.struct([pa.field("scheme", pa.string(), False), pa.field("id", pa.string(), False)])
    )
    assert schema.metadata[b"geostmt.schema_version"] == g.SCHEMA_VERSION.encode()
    assert schema.metadata[b"geostmt.version"] == g.__version__.encode()
    assert schema.metadata[b"geostmt.type"] == b"aid_package"


def test_dates_get_their_bounds() -> None:
    """A month-precision date keeps its text, and its first and last days become date32."""
    package = g.AidPackage(id="p", donor="a", recipient="b", announced="2024-02")
    row = to_arrow([package], g.AidPackage).to_pylist()[0]
    assert row["announced"] == "2024-02"
    assert row["announced_precision"] == "month"
    assert (row["announced_lo"], row["announced_hi"]) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_identifiers_are_a_list_of_scheme_and_id() -> None:
    """identifiers is a list of {scheme, id}, never an Arrow map."""
    actor = g.Actor(id="a", name="A", kind="state", identifiers={"wikidata": "Q1", "cameo": "X"})
    row = to_arrow([actor], g.Actor).to_pylist()[0]
    assert row["identifiers"] == [
        {"scheme": "wikidata", "id": "Q1"},
        {"scheme": "cameo", "id": "X"},
    ]


def test_a_41_digit_amount_is_refused_not_rounded() -> None:
    """An amount decimal128(38, 6) cannot hold is a ValidationError with its row and path."""
    huge = g.Money(amount=Decimal("1" * 41), currency="USD")
    fine = g.AidPackage(id="p", donor="a", recipient="b")
    with pytest.raises(g.ValidationError) as caught:
        to_arrow([fine, g.AidPackage(id="q", donor="a", recipient="b", value=huge)], g.AidPackage)
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (2, "value.amount")
    assert "more than 32 digits before the point" in problem.message
    seven = g.Quantity(value=Decimal("0.1234567"))
    with pytest.raises(g.ValidationError, match=r"size\.value: 0\.1234567 has more than 6"):
        to_arrow([g.Deployment(id="d", actor="a", size=seven)], g.Deployment)
    exact = g.Quantity(value=Decimal("0.1234560"))  # trailing zero: fits exactly
    assert to_arrow([g.Deployment(id="d", actor="a", size=exact)], g.Deployment).num_rows == 1


def test_wrong_class_is_refused() -> None:
    """Every record of a table is of its class."""
    with pytest.raises(g.ValidationError, match="expected an actor, got Source"):
        to_arrow([g.Source(id="s", title="t")], g.Actor)


STRATEGIES = {cls: st.lists(gs.record_strategy(cls), max_size=4) for cls in RECORD_CLASSES}


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_round_trip_is_exact_for_every_type(data: st.DataObject) -> None:
    """records -> Arrow -> records gives equal records (decimals exact; zeros the fixed scale
    padded are dropped again, so 1.50 reads back as 1.5, an equal value)."""
    for cls, strategy in STRATEGIES.items():
        records = data.draw(strategy, label=cls.TYPE)
        back = list(from_arrow(to_arrow(records, cls), cls))
        assert back == records


def test_from_arrow_reports_bad_rows_with_their_number() -> None:
    """A row the class refuses is a ValidationError with its row number and path."""
    table = to_arrow([g.Actor(id="a", name="A", kind="state")] * 2, g.Actor)
    bad = table.set_column(3, "country", pa.array(["RU", "XX"], pa.string()))
    with pytest.raises(g.ValidationError) as caught:
        list(from_arrow(bad, g.Actor))
    assert [str(p) for p in caught.value.problems] == [
        "line 2: country: 'XX' is not an ISO 3166-1 alpha-2 code"
    ]
    with pytest.raises(g.ValidationError, match="colour: unknown column"):
        list(from_arrow(table.append_column("colour", pa.array(["x", "y"])), g.Actor))


def _seed_parquet(tmp_path: Path, **options: Any) -> Path:
    directory = tmp_path / "seed"
    write_parquet(g.read_jsonl(SEED), directory, **options)
    return directory


def test_parquet_round_trip_of_the_seed_dataset(tmp_path: Path) -> None:
    """Every seed record comes back equal, actors and sources first, one dataset per type."""
    directory = _seed_parquet(tmp_path)
    assert sorted(p.name for p in directory.iterdir()) == [
        "actor", "aid_package", "deployment", "source", "statement"
    ]  # fmt: skip
    back = list(read_parquet(directory))
    assert sorted(map(g.dumps, back)) == sorted(map(g.dumps, g.read_jsonl(SEED)))
    assert [r.TYPE for r in back][:2] == ["actor", "actor"]
    g.Dataset(back)  # references resolve


def test_partitions_and_overwrite(tmp_path: Path) -> None:
    """Hive partitions by year and country; an existing dataset is replaced only on request."""
    directory = _seed_parquet(tmp_path, partition_by=("year", "country"))
    assert (directory / "statement" / "year=2024" / "country=unknown" / "part-0.parquet").is_file()
    assert (directory / "actor" / "year=unknown" / "country=KP" / "part-0.parquet").is_file()
    with pytest.raises(FileExistsError, match="overwrite=True"):
        write_parquet(g.read_jsonl(SEED), directory)
    write_parquet([g.Actor(id="a", name="A", kind="state")], directory, overwrite=True)
    assert [r.id for r in read_parquet(directory / "actor")] == ["a"]
    with pytest.raises(ValueError, match="partition_by takes year, country"):
        write_parquet([], directory, partition_by=("month",))


def test_scan_parquet_names_file_and_row(tmp_path: Path) -> None:
    """A bad row in a Parquet file is reported with the file and the row."""
    table = to_arrow([g.Actor(id="a", name="A", kind="state")] * 2, g.Actor)
    bad = table.set_column(0, "id", pa.array(["a", "b c"], pa.string()))
    path = tmp_path / "actor" / "part-0.parquet"
    path.parent.mkdir()
    pq.write_table(bad, path)
    lines = list(scan_parquet(tmp_path))
    assert [line.record is not None for line in lines] == [True, False]
    (problem,) = lines[1].problems
    assert (problem.file, problem.line, problem.path) == (str(path), 2, "id")
    with pytest.raises(g.ValidationError, match=r"part-0\.parquet:2: id:"):
        list(read_parquet(tmp_path))


def test_duckdb_polars_and_pandas_read_it(tmp_path: Path) -> None:
    """What geostmt writes is read with no geostmt code: DuckDB sums aid by donor, Polars and
    pandas read the deployments and actors."""
    duckdb = pytest.importorskip("duckdb")
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    directory = _seed_parquet(tmp_path, partition_by=("year",))
    files = f"{directory}/aid_package/**/*.parquet"
    total = duckdb.sql(
        f"select donor, sum(value.amount) from read_parquet('{files}', hive_partitioning=true) "
        "group by donor"
    ).fetchall()
    assert total == [("united-states", Decimal("425000000"))]
    hosts = pl.read_parquet(f"{directory}/deployment/**/*.parquet")["host"].to_list()
    assert sorted(hosts) == ["russia", "ukraine"]
    actors = pd.read_parquet(directory / "actor")
    assert "zelenskyy" in set(actors["id"])


def test_import_geostmt_does_not_import_pyarrow() -> None:
    """pyarrow loads only when geostmt.table is imported."""
    code = "import sys, geostmt, geostmt.model; geostmt.Actor; print('pyarrow' in sys.modules)"
    assert python_output(code) == "False"


def test_analysing_example_answers(tmp_path: Path) -> None:
    """The docs' example: DuckDB sums aid by donor and month, Polars counts deployments by
    host, pandas actors by kind."""
    import runpy

    module = runpy.run_path(str(ROOT / "examples" / "analysing_datasets.py"))
    answers = module["main"](tmp_path / "seed")
    assert answers["aid"] == [("united-states", "2024-11", Decimal("425000000"), "USD")]
    assert answers["by_host"] == [("russia", 1), ("ukraine", 1)]
    assert answers["by_kind"] == {"person": 4, "media": 1, "organization": 1, "state": 7}
