"""Validation at scale: one process against a local Dask cluster of 1 and 2 workers.

Run by hand: ``pip install -e '.[test]' && python benchmarks/scale.py [--runs R,...]
[--rounds K] [N ...]`` (default 250,000, 500,000 and 1,000,000). For each N it writes N valid,
referentially complete records in 16 JSON Lines files (actors and sources that statements,
deployments, aid packages and events cite), then times ``geostmt validate`` as one process
(``one``), with ``--jobs 1`` (``jobs1``) and with ``--jobs 2`` (``jobs2``), each in a fresh
process, and reports records per second and peak memory: of the process running the command
(``parent``) and of its largest child (a Dask worker). ``--runs one`` times one process only;
with ``--rounds K`` each run is repeated K times, interleaved, and the fastest kept (on a
loaded machine single runs vary by 2x). To time another checkout, set ``PYTHONPATH`` to its
``src``: the commands run in child processes, which inherit it.
"""

from __future__ import annotations

import argparse
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


RUNS = {"one": ("one process", []), "jobs1": ("--jobs 1", ["--jobs", "1"]),
        "jobs2": ("--jobs 2", ["--jobs", "2"])}  # fmt: skip


def main(counts: list[int], runs: list[str], rounds: int = 1) -> None:
    """Time each of ``runs`` (keys of RUNS) on each count, the fastest of ``rounds``."""
    print(f"{FILES} files; Python {sys.version.split()[0]}; "
          f"{resource.getrlimit(resource.RLIMIT_NOFILE)[0]} open files allowed; "
          f"fastest of {rounds} round(s)")  # fmt: skip
    print("| records | run | seconds | records/s | parent MB | largest child MB |")
    print("|---:|---|---:|---:|---:|---:|")
    for count in counts:
        scratch = Path(tempfile.mkdtemp())
        try:
            files = write_dataset(scratch, count)
            best: dict[str, tuple[float, int, int]] = {}
            for _ in range(rounds):
                for run_name in runs:
                    measured = run(["validate", "--quiet", *RUNS[run_name][1], *files])
                    best[run_name] = min(best.get(run_name, measured), measured)
            for run_name in runs:
                seconds, own, child = best[run_name]
                print(f"| {count:,} | {RUNS[run_name][0]} | {seconds:.1f} | "
                      f"{count / seconds:,.0f} | {own} | {child} |", flush=True)  # fmt: skip
        finally:
            shutil.rmtree(scratch)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("counts", nargs="*", type=int, metavar="N",
                        default=[250_000, 500_000, 1_000_000])  # fmt: skip
    parser.add_argument("--runs", default="one,jobs1,jobs2",
                        help="which of one, jobs1, jobs2 to time (comma-separated)")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=1, help="keep the fastest of this many")
    arguments = parser.parse_args()
    chosen = arguments.runs.split(",")
    if unknown := [r for r in chosen if r not in RUNS]:
        parser.error(f"unknown run(s) {', '.join(unknown)}; choose from {', '.join(RUNS)}")
    main(arguments.counts, chosen, arguments.rounds)
