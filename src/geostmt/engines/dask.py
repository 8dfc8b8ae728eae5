"""geostmt's dataset-wide validation and conversion on a Dask cluster (``geostmt[dask]``).

Each partition (:mod:`geostmt.partitions`) is read and checked on a worker, which keeps only its
records' problems and their id and reference rows, as pandas frames that stay on the workers.
The dataset checks then run as Dask DataFrame operations: duplicates by a group-by on id
(only ids used more than once come back), the first occurrence of each id by its smallest
reading position, and dangling or mistyped references by a join of the references to those
first occurrences. Only problems reach the calling process, never the records.

``scheduler=None`` starts a local cluster of ``jobs`` worker processes (default: one per
core); an address (``tcp://10.0.0.5:8786``) or a ``distributed.Client`` uses a running one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

try:
    import dask
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError("geostmt.engines.dask needs dask: pip install 'geostmt[dask]'") from error

from geostmt.errors import Problem
from geostmt.inputs import expand
from geostmt.integrity import (
    IdRow,
    RefRow,
    duplicate_problems,
    order_key,
    reference_message,
    sort_problems,
)
from geostmt.partitions import (
    BLOCKSIZE,
    Checked,
    Partition,
    check_partition,
    partitions,
    records_of,
    spool_stdin,
)

__all__ = ["Report", "check", "cluster", "convert", "validate"]

_TEXT = "string[pyarrow]"  # a third of the memory of Python str objects
_ID_COLUMNS = {
    "id": _TEXT, "type": _TEXT, "order": "int64", "file": _TEXT, "line": "int64",
    "fields": _TEXT, "key": "int64",
}  # fmt: skip
_REF_COLUMNS = {
    "ref": _TEXT, "target": _TEXT, "order": "int64", "file": _TEXT, "line": "int64",
    "path": _TEXT, "owner_type": _TEXT, "owner_id": _TEXT, "key": "int64",
}  # fmt: skip


@contextlib.contextmanager
def cluster(scheduler: str | Client | None = None, *, jobs: int | None = None) -> Iterator[Client]:
    """A client for ``scheduler``: a local cluster of ``jobs`` single-threaded worker processes
    when None (closed afterwards), a running cluster's address, or a client as given."""
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    workers = jobs or os.cpu_count() or 1
    # the scheduler runs here; its notes on each shuffle of a join are not for users
    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",  # no fixed port to collide on
            silence_logs=logging.ERROR,
            host="127.0.0.1",
        ) as local,
        Client(local) as client,
    ):
        yield client


def _frame(rows: Sequence[tuple[Any, ...]], columns: dict[str, str]) -> pd.DataFrame:
    names = list(columns)
    frame = pd.DataFrame.from_records(
        [(*row, order_key(row[2], row[4])) for row in rows], columns=names
    )
    return (
        frame.astype(columns)
        if len(frame)
        else pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in columns.items()})
    )


def _check(part: Any) -> Checked:
    return check_partition(part)


def _problems(checked: Checked) -> list[Problem]:
    return checked.problems


def _ids(checked: Checked) -> pd.DataFrame:
    rows = [(*row[:4], row.line or 0, row.fields) for row in checked.ids]
    return _frame(rows, _ID_COLUMNS)


def _refs(checked: Checked) -> pd.DataFrame:
    rows = [(*row[:4], row.line or 0, *row[5:]) for row in checked.refs]
    return _frame(rows, _REF_COLUMNS)


_PROBLEM_META = pd.DataFrame(
    {
        name: pd.Series(dtype=kind)
        for name, kind in {
            "path": "object", "message": "object", "line": "int64", "file": "object",
            "key": "int64", "owner_id": "object",
        }.items()
    }
)  # fmt: skip
_FIRST_META = pd.DataFrame(
    {"id": pd.Series(dtype=_TEXT), "found": pd.Series(dtype=_TEXT),
     "first": pd.Series(dtype="int64")}
)  # fmt: skip


def _firsts(frame: pd.DataFrame) -> pd.DataFrame:
    """Each id's first occurrence (smallest reading position) in a partition holding every row
    of its ids."""
    ordered = frame.sort_values("key").drop_duplicates("id")
    return ordered.rename(columns={"type": "found", "key": "first"})[["id", "found", "first"]]


def _duplicates(frame: pd.DataFrame) -> pd.DataFrame:
    """The duplicate-id problems of a partition holding every row of its ids."""
    repeated = frame[frame.duplicated("id", keep=False)]
    out = []
    for _, group in repeated.groupby("id", sort=False):
        rows = [IdRow(r.id, r.type, r.order, r.file, r.line, r.fields)
                for r in group.itertuples(index=False)]  # fmt: skip
        for problem in duplicate_problems(rows):
            out.append((problem.path, problem.message, problem.line, problem.file, 0, ""))
    return pd.DataFrame(out, columns=list(_PROBLEM_META)).astype(_PROBLEM_META.dtypes)


def _reference_problems(frame: pd.DataFrame) -> pd.DataFrame:
    """The problem rows of references joined to the first occurrence of the id they name."""
    out = []
    for row in frame.itertuples(index=False):
        found = None if pd.isna(row.found) else row.found
        target = None if pd.isna(row.target) else row.target
        ref = RefRow(row.ref, target, row.order, row.file, row.line, row.path,
                     row.owner_type, row.owner_id)  # fmt: skip
        message = reference_message(ref, found)
        if message is not None:
            out.append((row.path, message, row.line, row.file, row.key, row.owner_id))
    return pd.DataFrame(out, columns=list(_PROBLEM_META)).astype(_PROBLEM_META.dtypes)


def _dataset_problems(ids: dd.DataFrame, refs: dd.DataFrame) -> tuple[list[Problem], int]:
    """Duplicates, references and the number of distinct ids, with two shuffles: the id rows
    by id (so each partition holds every row of its ids), and the references joined to first
    occurrences by id."""
    by_id = ids.shuffle("id")
    duplicates, firsts = (
        by_id.map_partitions(_duplicates, meta=_PROBLEM_META),
        by_id.map_partitions(_firsts, meta=_FIRST_META),
    )
    joined = refs.merge(firsts.rename(columns={"id": "ref"}), on="ref", how="left")
    bad_refs = joined.map_partitions(_reference_problems, meta=_PROBLEM_META)
    found_duplicates, found_refs, distinct = dask.compute(duplicates, bad_refs, firsts.shape[0])
    if len(found_refs):
        # a record read more than once (equal copies) is checked at its first place only
        owners = set(found_refs["owner_id"])
        first = firsts[firsts["id"].isin(owners)].compute().set_index("id")["first"]
        found_refs = found_refs[found_refs["key"] == found_refs["owner_id"].map(first)]
    problems = [
        Problem(row.path, row.message, row.line or None, row.file)
        for frame in (found_duplicates, found_refs)
        for row in frame.itertuples(index=False)
    ]
    return problems, int(distinct)


class Report(NamedTuple):
    """What a distributed check found: valid records read, distinct ids among them, and every
    problem in reading order."""

    records: int
    distinct: int | None
    """Distinct ids, or None where the dataset checks found problems (as ``Dataset``)."""
    problems: list[Problem]


def _count(checked: Checked) -> int:
    return checked.records


def check(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    scheduler: str | Client | None = None,
    jobs: int | None = None,
    blocksize: int = BLOCKSIZE,
) -> Report:
    """Check the dataset made of ``inputs`` (as ``geostmt validate`` takes them) on a Dask
    cluster: the same problems the single-process run finds, in reading order.

    A missing input raises ValidationError naming it, as :func:`geostmt.inputs.expand` does.
    """
    items = expand(inputs)
    with tempfile.TemporaryDirectory(prefix="geostmt-") as spool:
        items = spool_stdin(items, spool)
        parts = partitions(items, blocksize=blocksize)
        if not parts:
            return Report(0, 0, [])
        with (
            cluster(scheduler, jobs=jobs) as client,
            dask.config.set({"scheduler": client, "dataframe.convert-string": False}),
        ):
            checked = [dask.delayed(_check)(part) for part in parts]
            # each partition is read once: its products stay on the workers, the records go
            id_parts, ref_parts, problem_parts, counts = dask.persist(
                [dask.delayed(_ids)(c) for c in checked],
                [dask.delayed(_refs)(c) for c in checked],
                [dask.delayed(_problems)(c) for c in checked],
                [dask.delayed(_count)(c) for c in checked],
            )
            ids = dd.from_delayed(id_parts, meta=_ID_META)
            refs = dd.from_delayed(ref_parts, meta=_REF_META)
            lists, records = dask.compute(problem_parts, dask.delayed(sum)(counts))
            found = [p for part in lists for p in part]
            broken, distinct = _dataset_problems(ids, refs)
    names = [item.name for item in items]
    merged = None if broken else int(distinct)
    return Report(int(records), merged, sort_problems([*found, *broken], names))


def validate(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    scheduler: str | Client | None = None,
    jobs: int | None = None,
    blocksize: int = BLOCKSIZE,
) -> list[Problem]:
    """Every problem of the dataset made of ``inputs``, found on a Dask cluster (see
    :func:`check`); an empty list for a valid dataset."""
    return check(inputs, scheduler=scheduler, jobs=jobs, blocksize=blocksize).problems


_ID_META = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in _ID_COLUMNS.items()})
_REF_META = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in _REF_COLUMNS.items()})


def _write_part(part: Partition, folder: str, parquet: bool) -> int:
    """Write one part's records into ``folder``: per-type Parquet files, or one JSON Lines
    file, named after the part so that their order is the reading order."""
    import zlib
    from pathlib import Path

    name = f"part-{part.order:05d}-{part.start:015d}-{zlib.crc32(part.path.encode()):08x}"
    records = list(records_of(part))
    if not parquet:
        from geostmt.wire import write_jsonl

        return write_jsonl(Path(folder) / f"{name}.jsonl", records)
    import pyarrow.parquet as pq

    from geostmt.model import RECORD_TYPES
    from geostmt.table import to_arrow

    by_type: dict[str, list[Any]] = {}
    for record in records:
        by_type.setdefault(record.TYPE, []).append(record)
    for tag, found in by_type.items():
        target = Path(folder) / tag
        target.mkdir(parents=True, exist_ok=True)
        table = to_arrow(found, RECORD_TYPES[tag])
        pq.write_table(table, target / f"{name}.parquet", compression="zstd")
    return len(records)


def _write_rejects(path: str, problems: Sequence[Problem]) -> None:
    import json

    from geostmt.wire.files import atomic_text

    with atomic_text(path) as stream:
        for problem in problems:
            stream.write(json.dumps(problem._asdict(), ensure_ascii=False) + "\n")


def convert(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    scheduler: str | Client | None = None,
    jobs: int | None = None,
    blocksize: int = BLOCKSIZE,
) -> Report:
    """Convert the dataset made of ``inputs`` on a Dask cluster: to JSON Lines where
    ``output`` ends in ``.jsonl``, else to a Parquet directory (one dataset per record type).

    The dataset is checked first (:func:`check`); if anything is wrong, nothing is written but
    ``<output>.rejects.jsonl``, one problem a line (file, line, path, message). Otherwise each
    worker writes its parts, and the result replaces ``output`` whole. Records repeated with
    equal content are written as often as they appear (readers merge them).
    """
    import shutil
    from pathlib import Path

    report = check(inputs, scheduler=scheduler, jobs=jobs, blocksize=blocksize)
    target = Path(output)
    if report.problems:
        _write_rejects(f"{target}.rejects.jsonl", report.problems)
        return report
    parquet = not target.name.endswith(".jsonl")
    items = expand(inputs)
    built = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent or "."))
    try:
        with tempfile.TemporaryDirectory(prefix="geostmt-") as spool:
            parts = partitions(spool_stdin(items, spool), blocksize=blocksize)
            with cluster(scheduler, jobs=jobs) as client, dask.config.set(scheduler=client):
                dask.compute([dask.delayed(_write_part)(p, str(built), parquet) for p in parts])
        if parquet:
            from geostmt.table.parquet import replace_directory

            replace_directory(built, target)
        else:
            from geostmt.wire.files import atomic_binary

            with atomic_binary(target) as stream:
                for piece in sorted(built.glob("*.jsonl")):
                    with open(piece, "rb") as source:
                        shutil.copyfileobj(source, stream)
            shutil.rmtree(built)
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise
    return report
