"""geostmt.engines.dask on a real distributed.LocalCluster of 2 worker processes: the same
problems as the single-process run, each with its file and line."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the Dask tests need geostmt[dask]")

import geostmt as g  # noqa: E402
from geostmt.dataset import check_inputs  # noqa: E402
from geostmt.engines import dask as engine  # noqa: E402
from geostmt.inputs import expand  # noqa: E402
from geostmt.integrity import sort_problems  # noqa: E402
from tests.conftest import ROOT  # noqa: E402

SEED = ROOT / "examples" / "data" / "seed-article.jsonl"


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """One local cluster of two single-threaded worker processes for the module."""
    with engine.cluster(jobs=2) as running:
        yield running


def _lines(*records: dict[str, object]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def _planted(tmp_path: Path) -> list[str]:
    """Three files (one gzipped) with a problem of every kind planted."""
    ukraine = {"type": "actor", "id": "ukraine", "name": "Ukraine", "kind": "state"}
    (tmp_path / "a.jsonl").write_text(_lines(
        ukraine,
        {"type": "actor", "id": "russia", "name": "Russia", "kind": "state"},
        {"type": "source", "id": "article", "title": "An article"},
        {"type": "statement", "id": "s1", "speaker": "ukraine", "text": "t",
         "addressees": ["nobody"]},
    ), "utf-8")  # fmt: skip
    (tmp_path / "b.jsonl").write_text(_lines(
        ukraine,  # equal: merges
        {"type": "actor", "id": "russia", "name": "Russian Federation", "kind": "state"},
        {"type": "statement", "id": "s2", "speaker": "article", "text": "wrong type"},
        {"type": "actor", "id": "bad", "name": "X", "kind": "nation"},
    ) + "{not json\n", "utf-8")  # fmt: skip
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(_lines(
            {"type": "event", "id": "e1", "cameo": "190", "actors": ["russia"],
             "targets": ["ukraine"], "evidence": [{"source": "missing-source"}]},
            {"type": "deployment", "id": "d1", "actor": "russia", "host": "article"},
        ))  # fmt: skip
    return [str(tmp_path / name) for name in ("a.jsonl", "b.jsonl", "c.jsonl.gz")]


def _single(inputs: list[str]) -> list[str]:
    items = expand(inputs)
    _, problems = check_inputs(items)
    return [str(p) for p in sort_problems(problems, [i.name for i in items])]


def test_planted_problems_are_found_as_in_one_process(
    client: distributed.Client, tmp_path: Path
) -> None:
    """Duplicate id in another file, dangling and mistyped references, an invalid record and
    bad JSON: the same problems, with file and line, in the same order."""
    inputs = _planted(tmp_path)
    expected = _single(inputs)
    report = engine.check(inputs, scheduler=client)
    assert [str(p) for p in report.problems] == expected
    a, b, c = inputs
    assert expected == [
        f"{a}:4: addressees[0]: no actor has id 'nobody' (in statement 's1')",
        f"{b}:2: id: duplicate id 'russia', first used at {a}:2; differs in: name",
        f"{b}:3: speaker: 'article' is a source, not an actor (in statement 's2')",
        f"{b}:4: kind: 'nation' is not one of: person, state, government, military, "
        "armed_group, organization, media, company, other",
        f"{b}:5: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{c}:1: evidence[0].source: no source has id 'missing-source' (in event 'e1')",
        f"{c}:2: host: 'article' is a source, not an actor (in deployment 'd1')",
    ]
    assert (report.records, report.distinct) == (9, None)


def test_small_partitions_give_the_same_result(client: distributed.Client, tmp_path: Path) -> None:
    """Cutting each file into many partitions (each knowing its first line) changes nothing."""
    inputs = _planted(tmp_path)
    report = engine.check(inputs, scheduler=client, blocksize=64)
    assert [str(p) for p in report.problems] == _single(inputs)


def test_a_clean_dataset_passes(client: distributed.Client, tmp_path: Path) -> None:
    """The seed dataset, twice over (equal records merge), has no problem."""
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(SEED.read_bytes())
    report = engine.check([str(SEED), str(copy)], scheduler=client)
    assert report == engine.Report(54, 27, [])
    assert engine.validate([str(SEED)], scheduler=client) == []


def test_parquet_inputs_and_an_address(client: distributed.Client, tmp_path: Path) -> None:
    """A Parquet dataset checked through the scheduler's tcp:// address."""
    pytest.importorskip("pyarrow")
    from geostmt.table import write_parquet

    write_parquet(g.read_jsonl(SEED), tmp_path / "seed")
    address = client.scheduler.address
    assert address.startswith("tcp://")
    report = engine.check([str(tmp_path / "seed")], scheduler=address)
    assert report == engine.Report(27, 27, [])


def test_convert_writes_parquet_or_rejects(client: distributed.Client, tmp_path: Path) -> None:
    """A clean dataset becomes a Parquet directory that reads back equal; a broken one writes
    nothing but the rejects beside the output."""
    pytest.importorskip("pyarrow")
    from geostmt.table import read_parquet

    out = tmp_path / "out"
    assert engine.convert([str(SEED)], out, scheduler=client, blocksize=2048).problems == []
    assert sorted(map(g.dumps, read_parquet(out))) == sorted(map(g.dumps, g.read_jsonl(SEED)))
    back = tmp_path / "back.jsonl"
    engine.convert([str(out)], back, scheduler=client)
    assert sorted(map(g.dumps, g.read_jsonl(back))) == sorted(map(g.dumps, g.read_jsonl(SEED)))
    broken = tmp_path / "broken"
    report = engine.convert(_planted(tmp_path), broken, scheduler=client)
    assert not broken.exists()
    rejects = (tmp_path / "broken.rejects.jsonl").read_text("utf-8").splitlines()
    assert len(rejects) == len(report.problems) == 7
    assert json.loads(rejects[0])["path"] == "addressees[0]"


def test_cli_jobs_prints_what_one_process_prints(tmp_path: Path) -> None:
    """geostmt validate --jobs 2 and geostmt validate: same output, same exit status."""
    inputs = _planted(tmp_path)
    command = [sys.executable, "-m", "geostmt", "validate"]
    single = subprocess.run([*command, *inputs], capture_output=True, text=True)
    jobs = subprocess.run([*command, "--jobs", "2", *inputs], capture_output=True, text=True)
    assert (jobs.returncode, jobs.stdout) == (single.returncode, single.stdout) == (1, jobs.stdout)
    assert jobs.stderr.splitlines()[-1] == single.stderr.splitlines()[-1]
    assert len(jobs.stdout.splitlines()) == 7


def test_a_duplicate_across_parquet_partitions(client: distributed.Client, tmp_path: Path) -> None:
    """Two files of one Parquet dataset each hold the same id at row 1: found, in the order one
    process reads them (the file's place is part of the reading order, not only the row)."""
    pytest.importorskip("pyarrow")
    from geostmt.table import write_parquet

    actors = [
        g.Actor(id="x", name="Ukraine", kind="state", country="UA"),
        g.Actor(id="x", name="Russia", kind="state", country="RU"),
    ]
    with pytest.raises(g.ValidationError):
        g.Dataset(actors)
    directory = tmp_path / "parts"
    directory.mkdir()
    for actor in actors:  # one dataset per write, so that both land in one directory
        write_parquet([actor], tmp_path / "one", partition_by=("country",), overwrite=True)
        for file in (tmp_path / "one" / "actor").rglob("*.parquet"):
            target = directory / "actor" / file.parent.name / file.name
            target.parent.mkdir(parents=True, exist_ok=True)
            file.rename(target)
    inputs = [str(directory)]
    expected = _single(inputs)
    assert len(expected) == 1
    assert "differs in: name, country" in expected[0]
    assert [str(p) for p in engine.check(inputs, scheduler=client).problems] == expected
