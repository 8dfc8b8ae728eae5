"""Analyse the seed dataset with pandas, Polars and DuckDB, through Parquet.

Run: ``python examples/analysing_datasets.py [DIRECTORY]``. geostmt writes one Parquet dataset
per record type; the three libraries then read them with no geostmt code.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl

import geostmt as g
from geostmt.table import write_parquet

SEED = Path(__file__).resolve().parent / "data" / "seed-article.jsonl"


def main(directory: Path) -> dict[str, object]:
    """Write the seed dataset as Parquet, then ask each library one question."""
    write_parquet(g.read_jsonl(SEED), directory, partition_by=("year",), overwrite=True)

    # DuckDB: aid by donor and month, straight from the files (value is a struct); the month
    # is the announcement's, else the publication date of the first source cited
    aid = duckdb.sql(
        f"""
        select a.donor,
               strftime(coalesce(a.announced_lo, s.published_lo), '%Y-%m') as month,
               sum(a.value.amount) as amount, any_value(a.value.currency) as currency
        from read_parquet('{directory}/aid_package/**/*.parquet') as a
        left join read_parquet('{directory}/source/**/*.parquet') as s
               on s.id = a.evidence[1].source
        group by a.donor, month order by a.donor
        """
    ).fetchall()

    # Polars: deployments by host
    deployments = pl.read_parquet(f"{directory}/deployment/**/*.parquet")
    by_host = deployments.group_by("host").len().sort("host").rows()

    # pandas: actors by kind (enums are categories)
    actors = pd.read_parquet(directory / "actor")
    by_kind = actors.groupby("kind", observed=True).size().to_dict()

    print("aid by donor and month:", aid)
    print("deployments by host:", by_host)
    print("actors by kind:", by_kind)
    return {"aid": aid, "by_host": by_host, "by_kind": by_kind}


if __name__ == "__main__":
    target = Path(sys.argv[1]).with_suffix("") if len(sys.argv) > 1 else None
    if target is None:
        with tempfile.TemporaryDirectory() as scratch:
            main(Path(scratch) / "seed")
    else:
        main(target)
