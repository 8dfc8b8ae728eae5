"""Records per second for read_jsonl and write_jsonl on a seeded file of mixed records.

Run by hand: ``python benchmarks/read_jsonl.py [N]`` (default 100,000 records): records
streamed (each dropped once read) and kept (``list(read_jsonl(...))``), with orjson and without.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import geostmt as g


def mixed_records(count: int, seed: int = 0) -> list[g.Record]:
    """``count`` valid records of every type, seeded, shaped like the seed article's."""
    rng = random.Random(seed)
    kursk = g.Place(name="Kursk", kind="subdivision", country="RU", subdivision="RU-KRS")
    records: list[g.Record] = []
    for i in range(count):
        kind = i % 5
        evidence = [g.Evidence(source=f"src-{i}", start=i % 1000, end=i % 1000 + 20, quote="q")]
        if kind == 0:
            records.append(g.Actor(id=f"actor-{i}", name=f"Actor {i}", kind="state",
                                   country=rng.choice(["UA", "RU", "KP", "KR", "US"]),
                                   identifiers={"wikidata": f"Q{i + 1}"}))  # fmt: skip
        elif kind == 1:
            records.append(g.Source(id=f"src-{i}", title="An article", published="2024-10-31",
                                    language="en"))  # fmt: skip
        elif kind == 2:
            records.append(g.Statement(id=f"st-{i}", speaker=f"actor-{i}", text="A warning.",
                                       mode="direct", act="warn", channel="interview",
                                       about=["north-korea"], evidence=evidence))  # fmt: skip
        elif kind == 3:
            records.append(g.Deployment(
                id=f"dep-{i}", actor="north-korea", host="russia",
                size=g.Quantity(value=Decimal(rng.randint(100, 20000)), qualifier="approximately"),
                allocations=[g.Allocation(place=kursk, share=g.Quantity(value=Decimal(80),
                                                                        unit="percent"))],
                status="confirmed", evidence=evidence))  # fmt: skip
        else:
            records.append(g.AidPackage(
                id=f"aid-{i}", donor="united-states", recipient="ukraine",
                value=g.Money(amount=Decimal(rng.randint(1, 10**9)), currency="USD"),
                aid_type="military",
                items=[g.Item(name="air defense interceptors", category="air_defense")],
                excluded=[g.Item(name="Tomahawk missiles", requested_by="ukraine")],
                evidence=evidence))  # fmt: skip
    return records


def main(count: int, rounds: int = 3) -> None:
    try:
        from geostmt.wire.fastjson import use_orjson
    except ImportError:  # a geostmt before the orjson path
        use_orjson = None
    records = mixed_records(count)
    ways = [None] if use_orjson is None else [True, False]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.jsonl"
        best: dict[str, float] = {}

        def measure(name: str, run: Callable[[], object]) -> None:
            start = time.perf_counter()
            run()
            elapsed = time.perf_counter() - start
            best[name] = min(best.get(name, elapsed), elapsed)

        for _ in range(rounds):  # interleaved: a busy moment slows one run, not one case
            for orjson in ways:
                if use_orjson is not None:
                    use_orjson(orjson)
                way = {None: "", True: " (orjson)", False: " (pure Python)"}[orjson]
                measure(f"write_jsonl{way}", lambda: g.write_jsonl(path, records))
                measure(f"read_jsonl streamed{way}", lambda: sum(1 for _ in g.read_jsonl(path)))
                measure(f"read_jsonl kept{way}", lambda: list(g.read_jsonl(path)))
        size = path.stat().st_size
    print(f"{count:,} records, {size / 1e6:.1f} MB, minimum of {rounds} interleaved rounds")
    for name, elapsed in best.items():
        print(f"{name}: {count / elapsed:,.0f} records/s ({elapsed:.2f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
