"""Tests for geostmt.inputs: files, directories, globs, Parquet datasets and stdin as inputs."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

import geostmt as g
from geostmt import ValidationError
from geostmt.inputs import STDIN_NAME, Input, expand

KBS = g.Actor(id="kbs", name="KBS", kind="media", country="KR")
UKRAINE = g.Actor(id="ukraine", name="Ukraine", kind="state", country="UA")


def _tree(tmp_path: Path) -> Path:
    """data/ with b.jsonl, a.jsonl.gz, notes.txt and an empty folder."""
    data = tmp_path / "data"
    data.mkdir()
    g.write_jsonl(data / "b.jsonl", [KBS])
    (data / "a.jsonl.gz").write_bytes(gzip.compress(g.dumps(UKRAINE).encode() + b"\n"))
    (data / "notes.txt").write_text("not data\n")
    (data / "empty").mkdir()
    return data


def test_a_directory_gives_its_json_lines_files_sorted(tmp_path: Path) -> None:
    """A directory gives its *.jsonl and *.jsonl.gz files, sorted, and nothing else."""
    data = _tree(tmp_path)
    assert expand([data]) == [
        Input(f"{data}/a.jsonl.gz", "jsonl", data / "a.jsonl.gz"),
        Input(f"{data}/b.jsonl", "jsonl", data / "b.jsonl"),
    ]


def test_a_file_keeps_its_spelling_and_any_name_is_json_lines(tmp_path: Path) -> None:
    """A file named on the command line is read as JSON Lines whatever its name."""
    data = _tree(tmp_path)
    assert expand([str(data / "notes.txt")]) == [
        Input(f"{data}/notes.txt", "jsonl", data / "notes.txt")
    ]


def test_a_glob_gives_its_matches_sorted(tmp_path: Path) -> None:
    """A pattern gives every match, sorted; each is expanded like any argument."""
    data = _tree(tmp_path)
    found = expand([f"{data}/*.jsonl*"])
    assert [item.name for item in found] == [f"{data}/a.jsonl.gz", f"{data}/b.jsonl"]


def test_dash_is_standard_input() -> None:
    """``-`` is standard input, named <stdin>."""
    assert expand(["-"]) == [Input(STDIN_NAME, "jsonl", None)]
    assert STDIN_NAME == "<stdin>"


def test_every_missing_input_is_named_at_once(tmp_path: Path) -> None:
    """A missing path, a pattern matching nothing and an empty directory are each a problem."""
    data = _tree(tmp_path)
    with pytest.raises(ValidationError) as caught:
        expand([tmp_path / "gone.jsonl", f"{data}/*.csv", data / "empty", data])
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path}/gone.jsonl: no such file or directory",
        f"{data}/*.csv: no file matches this pattern",
        f"{data}/empty: no JSON Lines files (*.jsonl, *.jsonl.gz) or Parquet datasets "
        "in this directory",
    ]


def test_suffixes_choose_other_formats(tmp_path: Path) -> None:
    """With suffixes, a directory gives the files ending in them (or them and .gz), as files."""
    folder = tmp_path / "acled"
    folder.mkdir()
    for name in ("2024.CSV", "2023.csv.gz", "readme.md"):
        (folder / name).write_text("x\n")
    found = expand([folder], suffixes=(".csv",))
    assert [(item.name, item.kind) for item in found] == [
        (f"{folder}/2023.csv.gz", "file"),
        (f"{folder}/2024.CSV", "file"),
    ]
    with pytest.raises(ValidationError, match=r"no files ending in \.json in this directory$"):
        expand([folder], suffixes=(".json",))


def test_scan_names_the_input_in_every_problem(tmp_path: Path) -> None:
    """Problems from Input.scan carry the input's name and the line."""
    path = tmp_path / "bad.jsonl"
    path.write_text('{"type":"actor","id":"kbs","name":"KBS","kind":"tv"}\n', encoding="utf-8")
    (line,) = Input(str(path), "jsonl", path).scan()
    assert (line.problems[0].file, line.problems[0].line, line.problems[0].path) == (
        str(path),
        1,
        "kind",
    )


def test_a_whole_file_problem_names_the_input(tmp_path: Path) -> None:
    """A .gz name on plain text spoils the whole input: a ValidationError naming it."""
    path = tmp_path / "plain.jsonl.gz"
    g.write_jsonl(path, [KBS])
    with pytest.raises(ValidationError) as caught:
        list(Input(str(path), "jsonl", path).scan())
    assert str(caught.value) == (
        f"{path}: named .gz but not gzip-compressed (it does not start with the gzip bytes 1f 8b)"
    )


def test_other_formats_are_not_scanned(tmp_path: Path) -> None:
    """An input of kind ``file`` is for the import readers, not for scan."""
    with pytest.raises(ValueError, match="is not geostmt JSON Lines or Parquet"):
        list(Input("x.csv", "file", tmp_path / "x.csv").scan())


def test_parquet_datasets_are_found_inside_directories(tmp_path: Path) -> None:
    """A write_parquet directory gives one Parquet input per record type, beside JSON Lines."""
    table = pytest.importorskip("geostmt.table")
    data = _tree(tmp_path)
    table.write_parquet([KBS, g.Source(id="article", title="T")], data / "tables")
    found = expand([data])
    assert [(item.name, item.kind) for item in found] == [
        (f"{data}/a.jsonl.gz", "jsonl"),
        (f"{data}/b.jsonl", "jsonl"),
        (f"{data}/tables/actor", "parquet"),
        (f"{data}/tables/source", "parquet"),
    ]
    assert [(item.name, item.kind) for item in expand([data / "tables" / "actor"])] == [
        (f"{data}/tables/actor", "parquet")
    ]
    (line,) = found[2].scan()
    assert (line.number, line.record) == (1, KBS)


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading Parquet when geostmt.table cannot be imported is an ImportError naming the extra."""
    monkeypatch.setitem(sys.modules, "geostmt.table", None)
    item = Input(f"{tmp_path}/actor", "parquet", tmp_path / "actor")
    with pytest.raises(ImportError, match=r"needs pyarrow: pip install 'geostmt\[arrow\]'"):
        list(item.scan())
