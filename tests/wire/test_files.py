"""The helpers the readers and writers share: naming and opening sources, atomic writes, ids."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from geostmt.interop.ids import ascii_folded, id_text, slug_id
from geostmt.wire.files import atomic_text, open_text, source_name


def test_source_name_is_the_path_or_the_files_name(tmp_path: Path) -> None:
    """A path names itself, an open file its ``name``, a StringIO nothing."""
    path = tmp_path / "rows.csv"
    path.write_text("x\n", encoding="utf-8")
    assert source_name(path) == str(path)
    with open(path, encoding="utf-8") as stream:
        assert source_name(stream) == str(path)
    assert source_name(io.StringIO("x")) is None


def test_open_text_closes_a_path_and_leaves_a_file_open(tmp_path: Path) -> None:
    """A path is opened and closed; an open file is handed back as it is, still open."""
    path = tmp_path / "rows.csv"
    path.write_text("a\r\nb\n", encoding="utf-8")
    with open_text(path) as stream:
        assert stream.read() == "a\r\nb\n"  # newline="": line ends are the reader's business
    assert stream.closed
    given = io.StringIO("c")
    with open_text(given) as stream:
        assert stream is given
    assert not given.closed


def test_atomic_text_replaces_only_when_the_block_ends_well(tmp_path: Path) -> None:
    """A failed write keeps the old file and leaves no temp file; a good one replaces it."""
    path = tmp_path / "out.csv"
    path.write_text("old\n", encoding="utf-8")

    def killed_halfway() -> None:
        with atomic_text(path) as stream:
            stream.write("half")
            raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        killed_halfway()
    assert path.read_text(encoding="utf-8") == "old\n"
    with atomic_text(path, newline="") as stream:
        stream.write("new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_ids_are_stable_ascii_and_tell_names_apart() -> None:
    """Slug ids fold accents, keep a hash of the exact name, and hold only id characters."""
    assert ascii_folded("Kyïv") == "Kyiv"
    assert id_text("--a b/c--") == "a-b-c"
    assert id_text(".a b.", strip="-.") == "a-b"
    first = slug_id("x-", "Protesters (Ukraine)")
    assert first == slug_id("x-", "Protesters (Ukraine)")
    assert first.startswith("x-protesters-ukraine-")
    assert first != slug_id("x-", "protesters ukraine")
    assert slug_id("x-", "中文") == "x-" + slug_id("", "中文")  # no slug: the hash alone
    assert len(slug_id("", "中文")) == 8
