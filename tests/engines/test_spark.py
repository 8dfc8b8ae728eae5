"""geostmt.engines.spark: the problems of the single-process check, found on a local Spark."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java and `java` is not on PATH", allow_module_level=True)

from pyspark.sql import SparkSession

import geostmt as g
from geostmt.dataset import check_inputs
from geostmt.engines.spark import spark_schema, validate
from geostmt.errors import Problem
from geostmt.inputs import expand
from geostmt.model import RECORD_CLASSES
from geostmt.partitions import partitions
from geostmt.table import write_parquet
from tests.conftest import ROOT

pytestmark = pytest.mark.filterwarnings(
    # pyspark's own notice about the pandas installed beside it, not about geostmt
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

SEED = ROOT / "examples" / "data" / "seed-article.jsonl"


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """One small local Spark for the module; its Python workers run this interpreter."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("geostmt-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate()
        )
        try:
            yield session
        finally:
            session.stop()


def _jsonl(path: Path, lines: Sequence[dict[str, Any] | str]) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _statement(
    ident: str, speaker: str, text: str = "Said something.", source: str = "article"
) -> dict[str, Any]:
    evidence = [{"source": source, "start": 0, "end": 10}]
    return {
        "type": "statement",
        "id": ident,
        "speaker": speaker,
        "text": text,
        "evidence": evidence,
    }


ARTICLE = {"type": "source", "id": "article", "title": "Zelenskyy warns"}
ZELENSKYY = {"type": "actor", "id": "zelenskyy", "name": "Volodymyr Zelenskyy", "kind": "person"}
KBS = {"type": "actor", "id": "kbs", "name": "KBS", "kind": "media", "country": "KR"}


@pytest.fixture
def planted(tmp_path: Path) -> list[str]:
    """Three JSON Lines files (the second gzipped) with one of each problem planted."""
    first = _jsonl(
        tmp_path / "a.jsonl",
        [
            ARTICLE,
            ZELENSKYY,
            KBS,
            {**_statement("fine", "zelenskyy"), "outlet": "kbs"},
            _statement("dangling", "nobody"),  # line 5: no actor 'nobody'
            _statement("mistyped", "article"),  # line 6: 'article' is a source
            '{"type": "actor", "id": ',  # line 7: bad JSON
            {"type": "actor", "id": "nameless", "kind": "person"},  # line 8: no name
            *(_statement(f"more-{n}", "zelenskyy", "Padding " * 8) for n in range(6)),
        ],
    )
    second = _jsonl(
        tmp_path / "b.jsonl.gz",
        [
            ZELENSKYY,  # an equal copy: merges silently
            {**KBS, "name": "Korean Broadcasting System"},  # line 2: differs from a.jsonl:3
            _statement("also-fine", "kbs"),
        ],
    )
    third = _jsonl(
        tmp_path / "c.jsonl",
        [
            *(_statement(f"padding-{n}", "kbs", "Padding " * 8) for n in range(4)),
            # line 5: differs from a.jsonl:5; its own reference is not checked (not kept)
            _statement("dangling", "ghost", "Another text"),
            {"type": "actor", "id": "article", "name": "Article", "kind": "person"},  # 6: type
        ],
    )
    return [str(first), str(second), str(third)]


def _single_process(inputs: Sequence[str]) -> list[Problem]:
    _, problems = check_inputs(expand(inputs))
    return problems


def _assert_same(found: list[Problem], inputs: Sequence[str]) -> None:
    expected = _single_process(inputs)
    assert {str(p) for p in found} == {str(p) for p in expected}
    assert len(found) == len(expected)
    order = {name: position for position, name in enumerate(i.name for i in expand(inputs))}
    assert found == sorted(found, key=lambda p: (order[p.file or ""], p.line or 0))


def test_planted_problems_are_the_single_process_ones(
    spark: SparkSession, planted: list[str]
) -> None:
    """Each planted problem is found once, with file and line, as check_inputs finds it."""
    found = validate(spark, planted)
    _assert_same(found, planted)
    a, b, c = planted
    shown = [str(p) for p in found]
    assert len(shown) == 7, shown
    assert all(p.file is not None and p.line is not None for p in found)
    assert f"{a}:5: speaker: no actor has id 'nobody' (in statement 'dangling')" in shown
    assert f"{a}:6: speaker: 'article' is a source, not an actor (in statement 'mistyped')" in shown
    assert any(s.startswith(f"{a}:7: ") for s in shown)  # the bad JSON line
    assert any(s.startswith(f"{a}:8: ") and "name" in s for s in shown)
    assert f"{b}:2: id: duplicate id 'kbs', first used at {a}:3; differs in: name" in shown
    assert any(s.startswith(f"{c}:5: id: duplicate id 'dangling'") for s in shown)
    assert f"{c}:6: id: duplicate id 'article', first used at {a}:1; differs in: type" in shown
    assert not any("ghost" in s for s in shown)


def test_small_parts_give_the_same_problems(spark: SparkSession, planted: list[str]) -> None:
    """Cut into ~200-byte parts (several per plain file), the problems are the same."""
    parts = partitions(expand(planted), blocksize=200)
    assert sum(1 for part in parts if part.name == planted[0]) > 2
    assert sum(1 for part in parts if part.name == planted[2]) > 1
    assert validate(spark, planted, blocksize=200) == validate(spark, planted)


def test_clean_dataset_has_no_problems(spark: SparkSession) -> None:
    """The example dataset validates."""
    assert validate(spark, [str(SEED)], blocksize=1000) == []


def test_parquet_input(spark: SparkSession, tmp_path: Path) -> None:
    """A Parquet dataset, with JSON Lines beside it citing it, as the single process reads it."""
    write_parquet(g.Dataset.read_jsonl(SEED), tmp_path / "tables")
    source = "icaro-zelenskyy-north-korea"
    extra = _jsonl(
        tmp_path / "extra.jsonl",
        [
            _statement("cites-parquet", "zelenskyy", source=source),
            _statement("lost", "nobody", source=source),
            {"type": "actor", "id": "putin", "name": "Someone Else", "kind": "person"},
        ],
    )
    inputs = [str(tmp_path / "tables"), str(extra)]
    found = validate(spark, inputs)
    _assert_same(found, inputs)
    actors = tmp_path / "tables" / "actor"  # expand() finds one dataset per record type
    assert [str(p) for p in found] == [
        f"{extra}:2: speaker: no actor has id 'nobody' (in statement 'lost')",
        f"{extra}:3: id: duplicate id 'putin', first used at {actors}:4; differs in: name,"
        " country, roles",
    ]


def test_schema_is_what_spark_reads(spark: SparkSession, tmp_path: Path) -> None:
    """spark_schema(cls) has the names and types Spark infers from write_parquet's files."""
    records = [*g.Dataset.read_jsonl(SEED), g.Event(id="e", cameo="190")]
    written = write_parquet(records, tmp_path)
    assert sorted(written) == sorted(cls.TYPE for cls in RECORD_CLASSES)
    for cls in RECORD_CLASSES:
        read = spark.read.parquet(str(tmp_path / cls.TYPE)).schema
        derived = spark_schema(cls)
        assert [(f.name, f.dataType.simpleString()) for f in derived] == [
            (f.name, f.dataType.simpleString()) for f in read
        ], cls.TYPE
        rows = spark.read.schema(derived).parquet(str(tmp_path / cls.TYPE)).collect()
        assert len(rows) == written[cls.TYPE]


def test_schema_keeps_nullability() -> None:
    """A required field is not nullable; an optional one, and every field in a struct, is."""
    schema = spark_schema(g.Actor)
    assert not schema["id"].nullable
    assert schema["country"].nullable
    assert schema["aliases"].dataType.simpleString().startswith("array<struct<")


def test_geostmt_does_not_import_pyspark() -> None:
    """``import geostmt`` (and its engines package) leaves PySpark alone."""
    code = "import sys, geostmt, geostmt.engines; assert 'pyspark' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_without_pyspark_the_import_names_the_extra() -> None:
    """Importing the engine without PySpark is an ImportError saying what to install."""
    code = (
        "import sys\n"
        "sys.modules['pyspark'] = None\n"
        "try:\n"
        "    import geostmt.engines.spark\n"
        "except ImportError as error:\n"
        "    assert \"pip install 'geostmt[spark]'\" in str(error), error\n"
        "else:\n"
        "    raise SystemExit('imported without pyspark')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
