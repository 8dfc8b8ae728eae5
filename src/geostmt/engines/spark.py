"""Validate a dataset on Spark (install ``geostmt[spark]``): per-record checks in parallel with
``DataFrame.mapInArrow``, then the dataset checks (unique ids, references that resolve to the
right type) as Spark group-bys and joins, so no process ever holds every record.

``validate(spark, ["data/"])`` gives the problems the single-process
:func:`geostmt.dataset.check_inputs` gives, each with its file and line. The driver only
expands the inputs and finds the line ends that cut them into parts
(:func:`geostmt.partitions.partitions`); executors read the parts
(:func:`geostmt.partitions.check_partition`); only problem rows come back to the driver.
:func:`spark_schema` is the Spark schema of a record class, derived from
:func:`geostmt.table.arrow_schema`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

try:
    import pyarrow as pa
    from pyspark import StorageLevel
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F  # noqa: N812  # Spark's own convention
    from pyspark.sql.types import (
        ArrayType,
        DataType,
        DateType,
        DecimalType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )
except ImportError as error:  # pragma: no cover - exercised only without the extra
    hint = "geostmt.engines.spark needs PySpark and pyarrow: pip install 'geostmt[spark]'"
    raise ImportError(hint) from error

from geostmt.errors import Problem
from geostmt.inputs import expand
from geostmt.integrity import IdRow, RefRow, duplicate_problems, order_key, reference_message
from geostmt.partitions import BLOCKSIZE, Partition, check_partition, partitions, spool_stdin
from geostmt.table import arrow_schema

__all__ = ["spark_schema", "validate"]

_SCALARS: dict[Any, DataType] = {
    pa.string(): StringType(),
    pa.int64(): LongType(),
    pa.float64(): DoubleType(),
    pa.date32(): DateType(),
}
"""Arrow scalar type -> Spark type; dictionaries, decimals, structs and lists are walked."""

_DESCRIPTOR = pa.schema(
    [
        pa.field("order", pa.int64(), False),
        pa.field("name", pa.string(), False),
        pa.field("kind", pa.string(), False),
        pa.field("path", pa.string(), False),
        pa.field("start", pa.int64(), False),
        pa.field("end", pa.int64(), False),
        pa.field("first_line", pa.int64(), False),
    ]
)
"""One :class:`~geostmt.partitions.Partition` as a row."""
assert _DESCRIPTOR.names == list(Partition._fields)

_TAGGED = pa.schema(
    [
        pa.field("kind", pa.string(), False),  # problem, id or ref
        pa.field("order", pa.int64(), False),
        pa.field("seq", pa.int64(), False),  # position among its part's rows of its kind
        pa.field("file", pa.string()),
        pa.field("line", pa.int64()),
        pa.field("key", pa.int64()),  # order_key(order, line), for id and ref rows
        pa.field("path", pa.string()),  # Problem, RefRow
        pa.field("message", pa.string()),  # Problem
        pa.field("id", pa.string()),  # IdRow
        pa.field("type", pa.string()),
        pa.field("fields", pa.string()),
        pa.field("ref", pa.string()),  # RefRow
        pa.field("target", pa.string()),
        pa.field("owner_type", pa.string()),
        pa.field("owner_id", pa.string()),
    ]
)
"""What checking the parts gives: every problem, id row and reference row, one schema."""


def _spark_type(kind: Any) -> DataType:
    """The Spark type of an Arrow type."""
    if pa.types.is_dictionary(kind):
        return _spark_type(kind.value_type)
    if pa.types.is_decimal(kind):
        return DecimalType(kind.precision, kind.scale)
    if pa.types.is_struct(kind):
        return _struct(kind.field(index) for index in range(kind.num_fields))
    if pa.types.is_list(kind):
        return ArrayType(_spark_type(kind.value_type), kind.value_field.nullable)
    if kind in _SCALARS:
        return _SCALARS[kind]
    raise TypeError(f"no Spark type for the Arrow type {kind}")


def _struct(fields: Iterable[Any]) -> StructType:
    return StructType([StructField(f.name, _spark_type(f.type), f.nullable) for f in fields])


def spark_schema(cls: type[Any]) -> StructType:
    """The Spark schema of a table of ``cls`` instances: :func:`geostmt.table.arrow_schema`
    with each Arrow type mapped to Spark's (enums as strings, decimals ``decimal(38,6)``,
    nested values as structs, lists as arrays), nullability kept."""
    return _struct(arrow_schema(cls))


def _tagged(kind: str, order: int, rows: Sequence[tuple[Any, ...]], names: Sequence[str]) -> Any:
    """``rows`` (Problems, IdRows or RefRows of one part) as one batch of ``_TAGGED``,
    column by column."""
    count = len(rows)
    columns: dict[str, Sequence[Any]] = dict(zip(names, zip(*rows, strict=True), strict=True))
    columns.update(kind=[kind] * count, order=[order] * count, seq=range(count))
    if kind != "problem":
        columns["key"] = [order_key(order, line) for line in columns["line"]]
    arrays = [
        pa.array(columns[f.name], f.type) if f.name in columns else pa.nulls(count, f.type)
        for f in _TAGGED
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=_TAGGED)


def _check_parts(batches: Iterator[Any]) -> Iterator[Any]:
    """On an executor: check each part a batch of descriptors names, and give its problems,
    id rows and reference rows as batches of ``_TAGGED``."""
    for batch in batches:
        for descriptor in batch.to_pylist():
            part = Partition(**descriptor)
            checked = check_partition(part)
            for kind, rows, names in (
                ("problem", checked.problems, Problem._fields),
                ("id", checked.ids, IdRow._fields),
                ("ref", checked.refs, RefRow._fields),
            ):
                if rows:
                    yield _tagged(kind, part.order, rows, names)


_Sorted = tuple[int, int, int, int, Problem]
"""A problem with what it is sorted by: input order, line, group (record, duplicate,
reference), and its position among its part's rows."""


def _record_problems(tagged: DataFrame) -> list[_Sorted]:
    rows = tagged.filter(F.col("kind") == "problem").collect()
    return [
        (row.order, row.line or 0, 0, row.seq, Problem(row.path, row.message, row.line, row.file))
        for row in rows
    ]


def _first_occurrences(ids: DataFrame) -> DataFrame:
    """Per id: how many rows have it, and its first row in reading order (least key)."""
    columns = ("key", *IdRow._fields[1:])  # key first: the least struct is the first row
    first = F.min(F.struct(*columns)).alias("first")
    return (
        ids.groupBy("id")
        .agg(F.count(F.lit(1)).alias("copies"), first)
        .select("id", "copies", *(F.col(f"first.{c}").alias(f"first_{c}") for c in columns))
    )


def _duplicate_problems(ids: DataFrame, firsts: DataFrame) -> list[_Sorted]:
    """The later rows of repeated ids that differ from the first (equal ones merge)."""
    later = (
        ids.join(firsts.filter(F.col("copies") > 1), "id")
        .filter(F.col("key") != F.col("first_key"))
        .filter((F.col("type") != F.col("first_type")) | (F.col("fields") != F.col("first_fields")))
        .collect()
    )
    found: list[_Sorted] = []
    for row in later:
        first = IdRow(row.id, *(row[f"first_{name}"] for name in IdRow._fields[1:]))
        again = IdRow(row.id, row.type, row.order, row.file, row.line, row.fields)
        for problem in duplicate_problems([first, again]):
            found.append((row.order, row.line or 0, 1, 0, problem))
    return found


def _reference_problems(refs: DataFrame, firsts: DataFrame) -> list[_Sorted]:
    """The dangling and mistyped references of the first occurrence of each record."""
    owners = firsts.select(F.col("id").alias("owner_id"), F.col("first_key").alias("key"))
    targets = firsts.select(F.col("id").alias("ref"), F.col("first_type").alias("found_type"))
    found_type, target = F.col("found_type"), F.col("target")
    broken = (
        refs.join(owners, ["owner_id", "key"], "left_semi")
        .join(targets, "ref", "left")
        .filter(found_type.isNull() | (target.isNotNull() & (target != found_type)))
        .collect()
    )
    found: list[_Sorted] = []
    for row in broken:
        ref = RefRow(*(row[name] for name in RefRow._fields))
        message = reference_message(ref, row.found_type)
        if message is not None:
            problem = Problem(ref.path, message, ref.line, ref.file)
            found.append((ref.order, ref.line or 0, 2, row.seq, problem))
    return found


def _check(spark: SparkSession, parts: Sequence[Partition]) -> list[Problem]:
    descriptors = spark.createDataFrame(
        [tuple(part) for part in parts], _struct(_DESCRIPTOR)
    ).repartition(len(parts))
    tagged = descriptors.mapInArrow(_check_parts, _struct(_TAGGED))
    tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
    firsts: DataFrame | None = None
    try:
        ids = tagged.filter(F.col("kind") == "id").select("key", *IdRow._fields)
        refs = tagged.filter(F.col("kind") == "ref").select("key", "seq", *RefRow._fields)
        firsts = _first_occurrences(ids).persist(StorageLevel.MEMORY_AND_DISK)
        found = [
            *_record_problems(tagged),
            *_duplicate_problems(ids, firsts),
            *_reference_problems(refs, firsts),
        ]
    finally:
        if firsts is not None:
            firsts.unpersist()
        tagged.unpersist()
    found.sort(key=lambda item: item[:4])
    return [item[4] for item in found]


def validate(
    spark: SparkSession,
    inputs: Sequence[str | os.PathLike[str]],
    *,
    blocksize: int = BLOCKSIZE,
) -> list[Problem]:
    """Every problem in ``inputs`` (files, directories, globs, Parquet datasets, ``-``, as
    :func:`geostmt.inputs.expand` finds them), checked as one dataset on ``spark``.

    The same problems as :func:`geostmt.dataset.check_inputs`, each naming its file and line,
    sorted by input, then line. Plain JSON Lines files are cut into parts of about
    ``blocksize`` bytes; a gzip file or a Parquet file is one part. Every path must be
    readable by the executors at the same name (standard input is spooled to a temporary file
    on the driver, so it suits a local master only). A missing input is a ValidationError
    before anything runs on Spark.
    """
    found = expand(inputs)
    with tempfile.TemporaryDirectory(prefix="geostmt-spark-") as spool:
        parts = partitions(spool_stdin(found, spool), blocksize=blocksize)
        if not parts:
            return []
        return _check(spark, parts)
