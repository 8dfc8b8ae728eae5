"""Validation at scale: one process against a local Dask cluster of 1 and 2 workers.

Run by hand: ``pip install -e '.[test]' && python benchmarks/scale.py [N ...]`` (default
250,000, 500,000 and 1,000,000). For each N it writes N valid, referentially complete records
in 16 JSON Lines files (actors and sources that statements, deployments, aid packages and
events cite), then times ``geostmt validate`` as one process, with ``--jobs 1`` and with
``--jobs 2``, each in a fresh process, and reports records per second and peak memory: of the
process running the command (``parent``) and of its largest child (a Dask worker).
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = 16
_RUN = """
import resource, sys
from geostmt.cli import main
status = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"MEMORY {own} {children}", file=sys.stderr)
sys.exit(status)
"""


def write_dataset(directory: Path, count: int, seed: int = 0) -> list[str]:
    """``count`` records in ``FILES`` files; the first file holds the actors and sources."""
    rng = random.Random(seed)
    actors = [f"actor-{i}" for i in range(1000)]
    sources = [f"source-{i}" for i in range(1000)]
    paths = [directory / f"part-{n:02d}.jsonl" for n in range(FILES)]
    streams = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for i, ident in enumerate(actors):
            streams[0].write(json.dumps({"type": "actor", "id": ident, "name": f"Actor {i}",
                                         "kind": "state", "country": "UA"}) + "\n")  # fmt: skip
        for ident in sources:
            streams[0].write(json.dumps({"type": "source", "id": ident, "title": "An article",
                                         "published": "2024-10-31"}) + "\n")  # fmt: skip
        for i in range(count - len(actors) - len(sources)):
            evidence = [{"source": rng.choice(sources), "start": 10, "end": 40, "quote": "q"}]
            actor, other = rng.choice(actors), rng.choice(actors)
            kind = i % 4
            if kind == 0:
                record = {"type": "statement", "id": f"st-{i}", "speaker": actor,
                          "text": "A warning.", "act": "warn", "addressees": [other],
                          "date": "2024-10-31", "evidence": evidence}  # fmt: skip
            elif kind == 1:
                record = {"type": "deployment", "id": f"dep-{i}", "actor": actor, "host": other,
                          "size": {"value": str(rng.randint(100, 20000)),
                                   "qualifier": "approximately"},
                          "status": "confirmed", "evidence": evidence}  # fmt: skip
            elif kind == 2:
                record = {"type": "aid_package", "id": f"aid-{i}", "donor": actor,
                          "recipient": other,
                          "value": {"amount": str(rng.randint(1, 10**9)), "currency": "USD"},
                          "aid_type": "military",
                          "items": [{"name": "interceptors", "category": "air_defense"}],
                          "evidence": evidence}  # fmt: skip
            else:
                record = {"type": "event", "id": f"ev-{i}", "cameo": "190", "actors": [actor],
                          "targets": [other], "date": "2024-10-31",
                          "fatalities": {"value": "3"}, "evidence": evidence}  # fmt: skip
            streams[1 + i % (FILES - 1)].write(json.dumps(record) + "\n")
    finally:
        for stream in streams:
            stream.close()
    return [str(path) for path in paths]


def run(arguments: list[str]) -> tuple[float, int, int]:
    """Seconds, and peak memory in MB of the process and of its largest child."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUN, *arguments], capture_output=True,
                          text=True)  # fmt: skip
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"geostmt {' '.join(arguments)} failed:\n{done.stderr[-2000:]}")
    line = next(x for x in done.stderr.splitlines() if x.startswith("MEMORY "))
    own, children = (int(value) // 1024 for value in line.split()[1:])
    return seconds, own, children


def main(counts: list[int]) -> None:
    print(f"{FILES} files; Python {sys.version.split()[0]}; "
          f"{resource.getrlimit(resource.RLIMIT_NOFILE)[0]} open files allowed")  # fmt: skip
    print("| records | run | seconds | records/s | parent MB | largest child MB |")
    print("|---:|---|---:|---:|---:|---:|")
    for count in counts:
        scratch = Path(tempfile.mkdtemp())
        try:
            files = write_dataset(scratch, count)
            for label, extra in (("one process", []), ("--jobs 1", ["--jobs", "1"]),
                                 ("--jobs 2", ["--jobs", "2"])):  # fmt: skip
                seconds, own, child = run(["validate", "--quiet", *extra, *files])
                print(f"| {count:,} | {label} | {seconds:.1f} | {count / seconds:,.0f} | "
                      f"{own} | {child} |", flush=True)  # fmt: skip
        finally:
            shutil.rmtree(scratch)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250_000, 500_000, 1_000_000])
