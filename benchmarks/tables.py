"""Records per second for geostmt.table against pyarrow's own ``Table.from_pylist``.

Run by hand: ``pip install -e '.[test]' && python benchmarks/tables.py [N]`` (default 100,000
records of the shared seeded mix). Prints, per step, the best of five rounds:

- ``to_arrow`` beside the baseline ``to_dict`` then ``pa.Table.from_pylist`` (the same dicts a
  user would build by hand), both per record type;
- ``write_parquet`` and ``read_parquet`` of the whole mix, beside ``write_jsonl`` and
  ``read_jsonl`` of the same records.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa

import geostmt as g
from geostmt.model import RECORD_CLASSES
from geostmt.table import read_parquet, to_arrow, write_parquet

sys.path.insert(0, str(Path(__file__).parent))
from read_jsonl import mixed_records  # the shared seeded generator


def best(step: Callable[[], object], rounds: int = 5) -> float:
    """The fastest of ``rounds`` runs of ``step``, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def main(count: int) -> None:
    records = mixed_records(count)
    by_type = {cls: [r for r in records if type(r) is cls] for cls in RECORD_CLASSES}
    by_type = {cls: found for cls, found in by_type.items() if found}

    def ours() -> None:
        for cls, found in by_type.items():
            to_arrow(found, cls)

    def baseline() -> None:
        for found in by_type.values():
            pa.Table.from_pylist([g.to_dict(r) for r in found])

    scratch = Path(tempfile.mkdtemp())
    try:
        jsonl = scratch / "records.jsonl"
        parquet = scratch / "parquet"
        rows = [
            ("to_arrow", best(ours)),
            ("to_dict + Table.from_pylist (baseline)", best(baseline)),
            ("write_parquet", best(lambda: write_parquet(records, parquet, overwrite=True))),
            ("read_parquet", best(lambda: sum(1 for _ in read_parquet(parquet)), 3)),
            ("write_jsonl", best(lambda: g.write_jsonl(jsonl, records))),
            ("read_jsonl", best(lambda: sum(1 for _ in g.read_jsonl(jsonl)), 3)),
        ]
    finally:
        shutil.rmtree(scratch)
    print(f"{count:,} mixed records; pyarrow {pa.__version__}")
    print("| step | records/s |")
    print("|---|---:|")
    for name, seconds in rows:
        print(f"| {name} | {count / seconds:,.0f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
