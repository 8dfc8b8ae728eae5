"""Tests for JSON Lines: streaming reads with line numbers, and atomic writes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import geostmt as g
from geostmt import ValidationError, read_jsonl, validate_jsonl, write_jsonl
from geostmt.wire import scan_jsonl

KBS = g.Actor(id="kbs", name="KBS", kind="media", country="KR")
UKRAINE = g.Actor(id="ukraine", name="Ukraine", kind="state", country="UA")


def test_write_then_read(tmp_path: Path) -> None:
    """Written records read back equal, one JSON object per line."""
    path = tmp_path / "out.jsonl"
    assert write_jsonl(path, [KBS, UKRAINE]) == 2
    assert path.read_text(encoding="utf-8").count("\n") == 2
    assert list(read_jsonl(path)) == [KBS, UKRAINE]
    assert list(read_jsonl(str(path))) == [KBS, UKRAINE]
    with path.open("rb") as stream:
        assert list(read_jsonl(stream)) == [KBS, UKRAINE]


def test_line_numbers_in_problems() -> None:
    """Problems carry the line they came from; blank lines are counted but skipped."""
    data = (
        b'{"type":"actor","id":"kbs","name":"KBS","kind":"media","country":"KR"}\n'
        b"\n"
        b'{"type":"actor","id":"x y","name":"","kind":"media"}\n'
        b"not json\n"
        b'{"type":"actor","id":"ok","name":"Ok","kind":"state","items":[]}\n'
    )
    problems = validate_jsonl(io.BytesIO(data))
    assert [str(p) for p in problems] == [
        "line 3: id: 'x y' is not an id: 1 to 200 characters of letters, digits and . _ : - "
        "starting with a letter or digit",
        "line 3: name: must not be blank",
        "line 4: invalid JSON: Expecting value (column 1)",
        "line 5: items: unknown field",
    ]
    lines = list(scan_jsonl(io.BytesIO(data)))
    assert [line.number for line in lines] == [1, 3, 4, 5]
    assert lines[0].record == KBS


def test_read_raises_at_the_first_bad_line() -> None:
    """read_jsonl yields the good records, then raises naming the bad line."""
    data = b'{"type":"actor","id":"kbs","name":"KBS","kind":"media","country":"KR"}\n[1]\n'
    reader = read_jsonl(io.BytesIO(data))
    assert next(reader) == KBS
    with pytest.raises(ValidationError, match=r"^line 2: expected an object, got list$"):
        next(reader)


def test_invalid_utf8_names_the_line() -> None:
    """A line that is not UTF-8 is a ValidationError on that line, not a UnicodeDecodeError."""
    problems = validate_jsonl(io.BytesIO(b'{"type":"actor"}\n{"name":"\xff"}\n'))
    assert str(problems[-1]) == "line 2: invalid UTF-8 at byte 9: invalid start byte"


def test_oversized_line_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line longer than MAX_RECORD_BYTES is refused without holding it, and reading goes on."""
    from geostmt.wire import jsonl

    monkeypatch.setattr(jsonl, "MAX_RECORD_BYTES", 100)
    monkeypatch.setattr(jsonl, "_TOO_LONG", "line longer than 100 bytes; not read")
    data = b'{"a":"' + b"x" * 500 + b'"}\n{"type":"actor","id":"kbs","name":"KBS","kind":"media"}\n'
    lines = list(scan_jsonl(io.BytesIO(data)))
    assert lines[0].number == 1
    assert lines[0].problems[0].message == "line longer than 100 bytes; not read"
    assert lines[1].number == 2
    assert lines[1].record is not None


def test_write_is_atomic(tmp_path: Path) -> None:
    """A write that fails halfway leaves the old file whole and no temp file behind."""
    path = tmp_path / "data.jsonl"
    write_jsonl(path, [KBS])
    before = path.read_bytes()

    def records() -> object:
        yield UKRAINE
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        write_jsonl(path, records())  # type: ignore[arg-type]
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["data.jsonl"]


def test_streaming_reads_a_large_file(tmp_path: Path) -> None:
    """Reading is lazy: the first record arrives before the rest of a large file is read."""
    path = tmp_path / "big.jsonl"
    write_jsonl(path, (g.Actor(id=f"a{i}", name="A", kind="person") for i in range(20_000)))
    with path.open("rb") as stream:
        reader = read_jsonl(stream)
        assert next(reader).id == "a0"
        assert stream.tell() < path.stat().st_size
        assert sum(1 for _ in reader) == 19_999
