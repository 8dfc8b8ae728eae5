"""geostmt import / export: whole files converted, every row counted, refused rows reported."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

import geostmt as g
from geostmt.cli import main
from geostmt.convert import export_file, import_files
from tests.conftest import ROOT

PLOVER_LINES = [
    {"id": "e1", "date": "2024-10-31", "event": "ASSAULT", "mode": "aerial",
     "actor": [{"name": "Russia", "code": "RUS"}], "recipient": [{"name": "Ukraine",
     "code": "UKR"}], "event_text": "Russia struck Kharkiv."},
    {"id": "e2", "date": "2024-11-01", "event": "FIGHT",
     "actor": [{"name": "Ukraine", "code": "UKR"}], "recipient": [{"name": "Russia",
     "code": "RUS"}]},
    {"id": "e3", "date": "2024-11-02", "event": "NOT-A-CATEGORY"},
]  # fmt: skip


def _plover_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in PLOVER_LINES), encoding="utf-8")
    return path


def test_import_counts_rows_records_and_refusals(tmp_path: Path) -> None:
    """Two events, two actors written once each across two inputs; the bad row is reported."""
    path = _plover_file(tmp_path)
    out = tmp_path / "out.jsonl"
    summary = import_files("plover", [path, path], out)
    assert summary.rows == 6
    assert summary.refused == 2  # line 3 of each input
    assert summary.records == 4  # two events and two actors, each once
    assert {(p.file, p.line) for p in summary.problems} == {(str(path), 3)}
    dataset = g.Dataset.read_jsonl(out)
    assert sorted(e.plover.category for e in dataset.events if e.plover) == ["assault", "assault"]


def test_cli_import_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """geostmt import exits 1 when a row is refused, names file:line, and its output validates."""
    path = _plover_file(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["import", "plover", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:3: event:" in err
    assert err.rstrip().endswith("3 row(s) read, 4 record(s) written to " + str(out) +
                                 ", 1 row(s) refused")  # fmt: skip
    assert main(["validate", str(out)]) == 0


def test_cli_export_plover_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """geostmt export plover writes what geostmt import plover reads back to equal records."""
    source = tmp_path / "records.jsonl"
    import_files("plover", [_plover_file(tmp_path)], source)
    exported = tmp_path / "plover.jsonl"
    assert main(["export", "plover", str(source), "-o", str(exported)]) == 0
    assert "2 row(s) written" in capsys.readouterr().err
    again = tmp_path / "again.jsonl"
    import_files("plover", [exported], again)
    first = {e.id: e.plover for e in g.Dataset.read_jsonl(source).events}
    second = {e.id: e.plover for e in g.Dataset.read_jsonl(again).events}
    assert first == second


def test_export_refuses_an_invalid_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An input with a dangling reference is reported and nothing is written."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type":"event","id":"e","cameo":"190","actors":["nobody"]}\n', "utf-8")
    out = tmp_path / "out.csv"
    assert main(["export", "acled", str(bad), "-o", str(out)]) == 1
    assert "actors[0]: no actor has id 'nobody'" in capsys.readouterr().err
    assert not out.exists()


def test_export_lists_what_it_skips(tmp_path: Path) -> None:
    """Records without an ACLED coding are skipped with a reason, never lost silently."""
    records = [g.Event(id="e", cameo="190")]
    summary = export_file("acled", records, tmp_path / "out.csv")
    assert summary.written == 0
    assert summary.skipped == [("e", "no ACLED coding")]
    with pytest.raises(ValueError, match="unknown format 'gdelt'"):
        export_file("gdelt", records, tmp_path / "x")


def test_gdelt_example_answers_by_quad_class(shared: Path, tmp_path: Path) -> None:
    """The example imports the shared GDELT rows and counts events per quad class by country."""
    module = runpy.run_path(str(ROOT / "examples" / "gdelt_quad_classes.py"))
    table = module["main"](tmp_path / "gdelt.jsonl")
    assert sum(sum(counts.values()) for counts in table.values()) <= 1200
    assert table["US"][1] > table["US"][4] > 0


def test_cli_convert_jsonl_parquet_and_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """geostmt convert: JSON Lines to a Parquet directory, to .jsonl.gz, each validating."""
    pytest.importorskip("pyarrow")
    seed = ROOT / "examples" / "data" / "seed-article.jsonl"
    parquet = tmp_path / "seed"
    assert main(["convert", str(seed), "-o", str(parquet)]) == 0
    assert (parquet / "actor").is_dir()
    gz = tmp_path / "back.jsonl.gz"
    assert main(["convert", str(parquet), "-o", str(gz)]) == 0
    assert gz.read_bytes()[:2] == b"\x1f\x8b"
    assert "27 record(s) written to" in capsys.readouterr().err
    assert sorted(map(g.dumps, g.read_jsonl(gz))) == sorted(map(g.dumps, g.read_jsonl(seed)))
    assert main(["validate", str(parquet), str(gz)]) == 0  # equal duplicates merge


def test_cli_convert_writes_nothing_on_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad record stops the conversion: its problem is printed and no output appears."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type":"actor","id":"a","name":"A","kind":"nation"}\n', "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(bad), "-o", str(out)]) == 1
    assert f"{bad}:1: kind: 'nation' is not one of" in capsys.readouterr().err
    assert not out.exists()
    assert main(["convert", str(tmp_path / "missing.jsonl"), "-o", str(out)]) == 2
