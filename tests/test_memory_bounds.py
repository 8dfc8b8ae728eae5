"""geostmt validate holds no record and a bounded number of problems (issue 13).

The peak memory of whole runs at 100 MB to 1 GB is measured by ``benchmarks/memory.py``; these
tests pin the reasons it stays bounded, with Python's own allocation tracer on small files.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import geostmt as g
from geostmt.dataset import validate_inputs
from geostmt.errors import Problem
from geostmt.inputs import expand
from geostmt.integrity import IdTable, ProblemStore


def _traced_peak(path: Path, max_problems: int | None = None) -> tuple[int, int]:
    """Peak bytes allocated by validate_inputs on ``path``, and the problems it kept."""
    inputs = expand([path])
    warm = path.with_name("warm.jsonl")  # imports, reference data, converters loaded first
    g.write_jsonl(warm, [g.Actor(id="a", name="A", kind="state")])
    validate_inputs(expand([warm]), max_problems=max_problems)
    tracemalloc.start()
    try:
        report = validate_inputs(inputs, max_problems=max_problems)
        return tracemalloc.get_traced_memory()[1], len(report.problems)
    finally:
        tracemalloc.stop()


def test_invalid_lines_take_memory_for_the_problems_kept_only(tmp_path: Path) -> None:
    """4,000 bad lines with long values: the kept problems are capped, so the peak is about
    that of 100 lines, not 40 times it."""
    line = '{"type":"source","id":"s","title":"t","published":"' + "x" * 2000 + '"}\n'
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    small.write_text(line * 100, "utf-8")
    big.write_text(line * 4000, "utf-8")
    small_peak, kept = _traced_peak(small, max_problems=100)
    big_peak, kept_big = _traced_peak(big, max_problems=100)
    assert kept == kept_big == 100
    assert big_peak < 2 * small_peak + 512 * 1024


def test_valid_records_take_tens_of_bytes_each(tmp_path: Path) -> None:
    """5,000 valid records cost well under 200 bytes each at the peak (the records are gone;
    their ids are digests in arrays)."""
    path = tmp_path / "actors.jsonl"
    g.write_jsonl(path, (g.Actor(id=f"actor-{i}", name="A", kind="state") for i in range(5000)))
    peak, kept = _traced_peak(path)
    assert kept == 0
    assert peak < 5000 * 200


def test_the_id_table_finds_every_id_and_grows() -> None:
    """Ids are found after the table grows many times; unknown ids are not."""
    table = IdTable(["actor", "source"])
    for i in range(5000):
        assert table.add(f"id-{i}", "actor" if i % 2 else "source", i % 3, i or None, i) == -1
    assert len(table) == 5000
    assert table.add("id-7", "source", 0, 1, 0) == 7  # seen: its index, nothing changed
    assert [table.find(f"id-{i}") for i in (0, 4999, 2500)] == [0, 4999, 2500]
    assert table.find("id-5000") == -1
    assert (table.kind(7), table.origin(7), table.contents[7]) == ("actor", (1, 7), 7)
    assert table.origin(0) == (0, None)


def test_the_problem_store_keeps_the_first_of_each_file_in_reading_order() -> None:
    """Problems found out of order are kept by line; the rest are counted per file."""
    store = ProblemStore(3)
    for line in (9, 1, 8, 2, 7, 3, 6, 4, 5) * 20:
        store.add(Problem("p", "m", line, "a"))
    store.add(Problem("p", "m", 1, "b"))
    assert [(p.file, p.line) for p, _ in store.entries()] == [
        ("a", 1), ("a", 1), ("a", 1), ("b", 1)
    ]  # fmt: skip
    assert store.more == {"a": 177}
    everything = ProblemStore()
    everything.add(Problem("p", "m", 2, "a"), rank=1)
    everything.add(Problem("p", "m", 5, "a"))
    assert [p.line for p, _ in everything.entries()] == [5, 2]
    assert everything.more == {}


def test_clip_cuts_paths_past_200_and_messages_past_1000_characters() -> None:
    """A path of 200 and a message of 1,000 characters stay whole; one more is cut to that
    length, ending in '...'; line and file are kept."""
    from geostmt.integrity import clip

    fits = Problem("p" * 200, "m" * 1000, 3, "a")
    assert clip(fits) is fits
    long_path = clip(fits._replace(path="p" * 201))
    assert long_path == Problem("p" * 197 + "...", "m" * 1000, 3, "a")
    long_message = clip(fits._replace(message="m" * 1001))
    assert long_message == Problem("p" * 200, "m" * 997 + "...", 3, "a")
    assert clip(Problem("x", "y"), path=1, message=1) == Problem("x", "y")


def test_an_id_is_found_by_both_halves_of_its_digest() -> None:
    """A digest matching an id in one half only is not that id."""
    table = IdTable(["actor"])
    table.add("a", "actor", 0, 1, 0)
    table.add("b", "actor", 0, 2, 0)
    (high_a, low_a), (high_b, low_b) = table.digest("a"), table.digest("b")
    assert table.find_digest(high_a, low_a) == 0
    assert table.find_digest(high_b, low_b) == 1
    assert table.find_digest(high_a, low_b) == -1
    assert table.find_digest(high_b, low_a) == -1
