"""Tests for JSON Lines: streaming reads with line numbers, and atomic writes."""

from __future__ import annotations

import gc
import gzip
import io
import os
import re
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


def _gzipped(*records: g.Actor) -> bytes:
    return gzip.compress(b"".join(g.dumps(r).encode() + b"\n" for r in records))


@pytest.mark.parametrize("name", ["data.jsonl.gz", "data.jsonl"])
def test_gzip_is_read_by_its_first_bytes(tmp_path: Path, name: str) -> None:
    """A gzip file reads transparently, whether or not its name ends in .gz."""
    path = tmp_path / name
    path.write_bytes(_gzipped(KBS, UKRAINE))
    assert list(read_jsonl(path)) == [KBS, UKRAINE]
    with path.open("rb") as stream:
        assert list(read_jsonl(stream)) == [KBS, UKRAINE]


def test_gzip_from_a_pipe_that_cannot_seek() -> None:
    """A gzip stream that cannot seek (a pipe) is read too: the first bytes are put back."""

    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

    assert list(read_jsonl(Pipe(_gzipped(KBS)))) == [KBS]
    assert list(read_jsonl(Pipe(g.dumps(UKRAINE).encode()))) == [UKRAINE]


def test_gzip_is_streamed(tmp_path: Path) -> None:
    """The first record of a large gzip file arrives before the file is read to the end."""
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        for i in range(20_000):
            stream.write(g.dumps(g.Actor(id=f"a{i}", name="A", kind="person")) + "\n")
    with path.open("rb") as raw:
        reader = read_jsonl(raw)
        assert next(reader).id == "a0"
        assert raw.tell() < path.stat().st_size


def test_a_gz_name_on_plain_text_is_refused(tmp_path: Path) -> None:
    """A file named .gz that is not gzip is one clear problem, not a decoding error per line."""
    path = tmp_path / "plain.jsonl.gz"
    write_jsonl(path, [KBS])
    message = "named .gz but not gzip-compressed (it does not start with the gzip bytes 1f 8b)"
    with pytest.raises(ValidationError, match=re.escape(message)):
        list(read_jsonl(path))
    assert [str(p) for p in validate_jsonl(path)] == [message]


def test_a_truncated_gzip_names_the_line_it_broke_at(tmp_path: Path) -> None:
    """A gzip file cut short yields its whole lines, then a problem at the line it broke in."""
    path = tmp_path / "cut.jsonl.gz"
    data = _gzipped(*(g.Actor(id=f"a{i}", name="A", kind="person") for i in range(3)))
    path.write_bytes(data[:-12])  # the trailer and a little of the last block
    problems = validate_jsonl(path)
    assert len(problems) == 1
    assert problems[0].message == (
        "not a readable gzip file: Compressed file ended before the end-of-stream marker "
        "was reached"
    )
    assert problems[0].line is not None


def test_a_byte_order_mark_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """A UTF-8 BOM at the start of a file is dropped with a warning, not 'Expecting value'."""
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + g.dumps(KBS).encode() + b"\n")
    with pytest.warns(
        UserWarning, match=r"bom\.jsonl starts with a UTF-8 byte-order mark; read as"
    ):
        assert list(read_jsonl(path)) == [KBS]
    with pytest.warns(UserWarning, match=r"^the input starts with a UTF-8 byte-order mark"):
        assert list(read_jsonl(io.BytesIO(path.read_bytes()))) == [KBS]


def test_a_byte_order_mark_inside_a_gzip_file(tmp_path: Path) -> None:
    """The BOM is looked for after decompression."""
    path = tmp_path / "bom.jsonl.gz"
    path.write_bytes(gzip.compress(b"\xef\xbb\xbf" + g.dumps(KBS).encode() + b"\n"))
    with pytest.warns(UserWarning, match="byte-order mark"):
        assert list(read_jsonl(path)) == [KBS]


def test_lines_are_decoded_in_batches_with_the_collector_held_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each line is decoded with the garbage collector off; between batches, and while the
    caller has the records, it is on; 600 lines make three batches of at most 256."""
    from geostmt.wire import jsonl

    seen: list[bool] = []
    real = jsonl.loads

    def loads(raw: bytes, **options: object) -> object:
        seen.append(gc.isenabled())
        return real(raw, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonl, "loads", loads)
    line = b'{"type":"actor","id":"a","name":"A","kind":"state"}\n'
    handed: list[bool] = []
    for _ in read_jsonl(io.BytesIO(line * 600)):
        handed.append(gc.isenabled())
    assert seen == [False] * 600
    assert all(handed)
    assert len(handed) == 600
    assert gc.isenabled()


def test_a_batch_is_cut_at_a_mebibyte(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long lines end a batch early, so a batch holds about a mebibyte however long its lines."""
    from geostmt.wire import jsonl

    title = "x" * 300_000
    line = b'{"type":"source","id":"s","title":"' + title.encode() + b'"}\n'
    batches = []
    real = jsonl._decoded

    def decoded(batch: list[tuple[int, bytes | None]], converter: object) -> list[jsonl.Line]:
        batches.append(len(batch))
        return real(batch, None)

    monkeypatch.setattr(jsonl, "_decoded", decoded)
    assert len(list(read_jsonl(io.BytesIO(line * 8)))) == 8
    assert batches == [4, 4]
