"""Parquet datasets: one per record type (``directory/<type>/``), written atomically, read back
validated with every problem naming its file and row.

``write_parquet(records, directory, partition_by=("year",))`` adds Hive partitions
(``event/year=2024/part-0.parquet``): ``year`` is the year of the record's first date field
(``date``, ``start``, ``announced``, ``published``), ``country`` its ``country`` or its place's
country; ``unknown`` where the record has none. Files are zstd-compressed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import cattrs
import pyarrow as pa
import pyarrow.parquet as pq

from geostmt.errors import Problem, ValidationError
from geostmt.model import RECORD_CLASSES, RECORD_TYPES, Record
from geostmt.model import rules as r
from geostmt.model.spec import describe
from geostmt.table.arrays import to_arrow
from geostmt.table.rows import scan_arrow
from geostmt.wire import Line

__all__ = [
    "PARTITION_KEYS",
    "parquet_files",
    "read_parquet",
    "replace_directory",
    "scan_parquet",
    "write_parquet",
]

PARTITION_KEYS = ("year", "country")
"""What ``write_parquet`` can partition by."""
_UNKNOWN = "unknown"


def _year(record: Any) -> str:
    for spec in describe(type(record)).fields:
        if isinstance(spec.rule, r.Date):
            value = getattr(record, spec.name)
            if value is not None:
                return str(value.year)
    return _UNKNOWN


def _country(record: Any) -> str:
    country = getattr(record, "country", None)
    if isinstance(country, str):
        return country
    for spec in describe(type(record)).fields:
        place = getattr(record, spec.name) if spec.nested is not None and not spec.many else None
        found = getattr(place, "country", None)
        if isinstance(found, str):
            return found
    return _UNKNOWN


_KEYS = {"year": _year, "country": _country}


def _partitions(
    records: Sequence[Any], partition_by: Sequence[str]
) -> dict[tuple[str, ...], list[Any]]:
    groups: dict[tuple[str, ...], list[Any]] = {}
    for record in records:
        key = tuple(f"{name}={_KEYS[name](record)}" for name in partition_by)
        groups.setdefault(key, []).append(record)
    return groups


def replace_directory(built: Path, target: Path) -> None:
    """Put ``built`` where ``target`` is, swapping directories so no reader sees half of one."""
    if target.exists():
        trash = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, trash)
        os.replace(built, target)
        shutil.rmtree(trash)
    else:
        os.replace(built, target)


def write_parquet(
    records: Iterable[Record],
    directory: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = (),
    overwrite: bool = False,
) -> dict[str, int]:
    """Write ``records`` as one Parquet dataset per record type under ``directory``.

    Returns how many records each type got. A type's dataset is built in a temporary directory
    beside it and swapped in whole; an existing one is replaced only with ``overwrite=True``.
    """
    unknown = [name for name in partition_by if name not in PARTITION_KEYS]
    if unknown:
        raise ValueError(f"partition_by takes {', '.join(PARTITION_KEYS)}; not {unknown}")
    root = Path(directory)
    by_type: dict[str, list[Any]] = {}
    for record in records:
        by_type.setdefault(record.TYPE, []).append(record)
    if not overwrite:
        taken = [tag for tag in by_type if (root / tag).exists()]
        if taken:
            raise FileExistsError(f"{root}: {', '.join(taken)} exist; pass overwrite=True")
    root.mkdir(parents=True, exist_ok=True)
    for tag, found in by_type.items():
        cls = RECORD_TYPES[tag]
        to_arrow(found, cls)  # every problem before anything is written
        built = Path(tempfile.mkdtemp(prefix=f".{tag}.", dir=root))
        try:
            for key, group in sorted(_partitions(found, partition_by).items()):
                folder = built.joinpath(*key)
                folder.mkdir(parents=True, exist_ok=True)
                pq.write_table(to_arrow(group, cls), folder / "part-0.parquet", compression="zstd")
            replace_directory(built, root / tag)
        except BaseException:
            shutil.rmtree(built, ignore_errors=True)
            raise
    return {tag: len(found) for tag, found in by_type.items()}


def parquet_files(path: str | os.PathLike[str]) -> list[Path]:
    """The Parquet files of a dataset, one type's directory or a file, in the order
    :func:`scan_parquet` reads them (records others cite first)."""
    return [file for file, _ in _files(Path(path))]


def _files(path: Path) -> Iterator[tuple[Path, type[Any]]]:
    """Each Parquet file under ``path`` with its record class, records others cite first."""
    if path.is_file():
        yield path, _class_of(path, None)
        return
    types = [cls.TYPE for cls in RECORD_CLASSES]
    if path.name in RECORD_TYPES:
        folders = [(path, RECORD_TYPES[path.name])]
    else:
        folders = [(path / tag, RECORD_TYPES[tag]) for tag in types if (path / tag).is_dir()]
    for folder, cls in folders:
        for file in sorted(folder.rglob("*.parquet")):
            if not any(part.startswith(".") for part in file.relative_to(folder).parts):
                yield file, _class_of(file, cls)


def _class_of(file: Path, default: type[Any] | None) -> type[Any]:
    metadata = pq.read_schema(file).metadata or {}
    tag = metadata.get(b"geostmt.type", b"").decode()
    cls = RECORD_TYPES.get(tag, default)
    if cls is None:
        raise ValidationError.single("", f"{file}: not a geostmt table (no geostmt.type)")
    return cls


def scan_parquet(
    path: str | os.PathLike[str], *, converter: cattrs.Converter | None = None
) -> Iterator[Line]:
    """Every row of the Parquet dataset(s) at ``path`` (a directory written by
    :func:`write_parquet`, one type's directory, or one file) as a :class:`~geostmt.wire.Line`,
    each problem naming its file and row."""
    for file, cls in _files(Path(path)):
        name = os.fspath(file)
        try:
            table = pq.read_table(file, partitioning=None)
        except (OSError, pa.ArrowException) as error:
            yield Line(0, None, (Problem("", f"cannot read Parquet: {error}", None, name),))
            continue
        try:
            yield from scan_arrow(table, cls, file=name, converter=converter)
        except ValidationError as error:
            yield Line(0, None, tuple(p._replace(file=name) for p in error.problems))


def read_parquet(
    path: str | os.PathLike[str], *, converter: cattrs.Converter | None = None
) -> Iterator[Record]:
    """Every record of the Parquet dataset(s) at ``path``, validated; a ValidationError
    naming the file and row at the first bad one."""
    for line in scan_parquet(path, converter=converter):
        if line.problems:
            raise ValidationError(line.problems)
        assert line.record is not None  # a line has its record or its problems
        yield line.record
