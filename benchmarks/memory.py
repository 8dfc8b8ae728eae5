"""Peak memory of ``geostmt validate`` on big files of valid records and of invalid lines.

Run by hand: ``python benchmarks/memory.py [SIZE_MB ...]`` (default 100, 500 and 1000). For each
size it writes one JSON Lines file of about that many megabytes under the temporary directory,
runs ``geostmt validate --quiet`` on it in a fresh process under ``/usr/bin/time -v`` (the
maximum resident set size is the peak), prints a row, and deletes the file before the next one,
so only one big file exists at a time. Valid files hold actors and sources first, then
statements, deployments, aid packages and events citing them (as ``benchmarks/scale.py``), with
one record in a hundred cited before it is defined; invalid files mix broken JSON, unknown keys,
ids that break the pattern, long bad values and dangling references. Issue 13 asks for under
500 MB at 1 GB of valid records.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1024 * 1024
_RUN = "import sys; from geostmt.cli import main; sys.exit(main(sys.argv[1:]))"


def _valid_lines(rng: random.Random) -> object:
    """Valid records, endlessly: 1,000 actors and 1,000 sources, then the rest citing them."""
    for i in range(1000):
        yield {"type": "actor", "id": f"actor-{i}", "name": f"Actor {i}", "kind": "state",
               "country": "UA"}  # fmt: skip
    for i in range(1000):
        yield {"type": "source", "id": f"source-{i}", "title": "An article",
               "published": "2024-10-31"}  # fmt: skip
    i = 0
    while True:
        i += 1
        evidence = [{"source": f"source-{rng.randrange(1000)}", "start": 10, "end": 40,
                     "quote": "q"}]  # fmt: skip
        actor, other = f"actor-{rng.randrange(1000)}", f"actor-{rng.randrange(1000)}"
        if i % 100 == 0:  # cited before it is defined: a reference held until the end
            other = f"late-{i}"
        kind = i % 4
        if kind == 0:
            yield {"type": "statement", "id": f"st-{i}", "speaker": actor, "text": "A warning.",
                   "act": "warn", "addressees": [other], "date": "2024-10-31",
                   "evidence": evidence}  # fmt: skip
        elif kind == 1:
            yield {"type": "deployment", "id": f"dep-{i}", "actor": actor, "host": other,
                   "size": {"value": str(rng.randint(100, 20000)), "qualifier": "approximately"},
                   "status": "confirmed", "evidence": evidence}  # fmt: skip
        elif kind == 2:
            yield {"type": "aid_package", "id": f"aid-{i}", "donor": actor, "recipient": other,
                   "value": {"amount": str(rng.randint(1, 10**9)), "currency": "USD"},
                   "aid_type": "military",
                   "items": [{"name": "interceptors", "category": "air_defense"}],
                   "evidence": evidence}  # fmt: skip
        else:
            yield {"type": "event", "id": f"ev-{i}", "cameo": "190", "actors": [actor],
                   "targets": [other], "date": "2024-10-31", "fatalities": {"value": "3"},
                   "evidence": evidence}  # fmt: skip
        if i % 100 == 0:
            yield {"type": "actor", "id": f"late-{i}", "name": "Late", "kind": "state"}


def _invalid_lines(rng: random.Random) -> object:
    """Invalid lines, endlessly, of five kinds."""
    i = 0
    while True:
        i += 1
        kind = i % 5
        if kind == 0:
            yield '{"type": "actor", "id": "a-' + str(i) + '", "name": '  # broken JSON
        elif kind == 1:
            yield json.dumps({"type": "actor", "id": f"a-{i}", "name": "A", "kind": "state",
                              f"unknown_{i}": "x" * 50})  # fmt: skip
        elif kind == 2:
            yield json.dumps({"type": "actor", "id": f"bad id {i}!", "name": "A",
                              "kind": "state"})  # fmt: skip
        elif kind == 3:
            yield json.dumps({"type": "source", "id": f"s-{i}", "title": "t",
                              "published": "not a date " + "y" * rng.randint(99, 300)})  # fmt: skip
        else:
            yield json.dumps({"type": "statement", "id": f"st-{i}", "speaker": f"nobody-{i}",
                              "text": "t"})  # fmt: skip


def write(path: Path, size: int, *, valid: bool, seed: int = 0) -> int:
    """About ``size`` bytes of lines at ``path``; returns the number of lines."""
    rng = random.Random(seed)
    lines = _valid_lines(rng) if valid else _invalid_lines(rng)
    written = count = 0
    with path.open("w", encoding="utf-8") as stream:
        for line in lines:  # type: ignore[attr-defined]
            text = (line if isinstance(line, str) else json.dumps(line)) + "\n"
            stream.write(text)
            written += len(text)
            count += 1
            if written >= size:
                return count
    return count  # pragma: no cover


def peak(path: Path) -> tuple[int, float, int]:
    """Peak memory in MB, seconds and exit status of ``geostmt validate --quiet path``."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-c", _RUN, "validate", "--quiet", str(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no peak memory in:\n{done.stderr[-2000:]}")
    return int(found[1]) // 1024, seconds, done.returncode


def main(sizes: list[int]) -> None:
    print(f"Python {sys.version.split()[0]}; one file at a time under {tempfile.gettempdir()}")
    print("| file | size | lines | peak MB | seconds | exit |")
    print("|---|---:|---:|---:|---:|---:|")
    for valid in (True, False):
        for size in sizes:
            handle, name = tempfile.mkstemp(suffix=".jsonl", prefix="geostmt-memory-")
            os.close(handle)
            path = Path(name)
            try:
                lines = write(path, size * MB, valid=valid)
                megabytes, seconds, status = peak(path)
            finally:
                path.unlink(missing_ok=True)
            what = "valid records" if valid else "invalid lines"
            print(f"| {what} | {size:,} MB | {lines:,} | {megabytes:,} | {seconds:.0f} | "
                  f"{status} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 500, 1000])
