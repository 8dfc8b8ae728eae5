"""Hostile inputs get a clean error, never a hang, a traceback or forged output (issue 13)."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

import geostmt as g
from geostmt.cli import escape_text, main
from geostmt.reference.units import canonical_unit
from geostmt.wire.codec import MAX_RECORD_BYTES


def test_a_unit_that_would_run_for_minutes_is_refused_at_once() -> None:
    """meter ** 9 ** 9 ** 9 is refused before pint evaluates it (it used to hang validate)."""
    data = {"type": "deployment", "id": "d", "actor": "a",
            "size": {"value": "1", "unit": "meter ** 9 ** 9 ** 9"}}  # fmt: skip
    with pytest.raises(g.ValidationError, match=r"size\.unit: .* is not a unit: a unit's power"):
        g.from_dict(data)
    with pytest.raises(ValueError, match="exponent is at most 12"):
        canonical_unit("meter ** 13")
    with pytest.raises(ValueError, match="names joined by"):
        canonical_unit("1e999 meter")
    assert canonical_unit("(meter / second) ** 2") == "meter ** 2 / second ** 2"
    assert canonical_unit("meter ** -2") == "1 / meter ** 2"


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"type": "actor", "id": "a\n", "name": "A", "kind": "state"}, "id"),
        ({"type": "source", "id": "s", "title": "t", "published": "2024-10-31\n"}, "published"),
        ({"type": "source", "id": "s", "title": "t", "language": "en\n"}, "language"),
        ({"type": "statement", "id": "s", "speaker": "a\n", "text": "t"}, "speaker"),
    ],
)
def test_a_trailing_newline_is_not_part_of_a_pattern(data: dict[str, str], path: str) -> None:
    """$ no longer matches before a final newline: the library refuses what the schema does."""
    with pytest.raises(g.ValidationError) as caught:
        g.from_dict(data)
    assert [p.path for p in caught.value.problems] == [path]
    with pytest.raises(g.ValidationError, match='is not a decimal number like "425000000"'):
        g.from_dict({"amount": "5\n", "currency": "USD"}, g.Money)


def test_a_lone_surrogate_in_identifiers_is_refused() -> None:
    """identifiers' keys and values must be writable as UTF-8, like every text."""
    with pytest.raises(
        g.ValidationError, match=r"identifiers\.wikidata: contains a lone surrogate"
    ):
        g.loads('{"type":"actor","id":"a","name":"A","kind":"state",'
                '"identifiers":{"wikidata":"Q\\ud800"}}')  # fmt: skip
    with pytest.raises(g.ValidationError, match="key 'w\\\\ud800' contains a lone surrogate"):
        g.Actor(id="a", name="A", kind="state", identifiers={"w\ud800": "x"})


def test_the_size_limit_counts_bytes() -> None:
    """A text of few characters but many UTF-8 bytes is over the limit."""
    text = '{"x":"' + "\u20ac" * (MAX_RECORD_BYTES // 3 + 10) + '"}'
    assert len(text) < MAX_RECORD_BYTES
    with pytest.raises(g.ValidationError, match="larger than"):
        g.loads(text)


def test_write_jsonl_refuses_what_is_not_a_record(tmp_path: Path) -> None:
    """None, bare values and dicts are refused by index; the old file is left as it was."""
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", "utf-8")
    actor = g.Actor(id="a", name="A", kind="state")
    for bad in (None, 5, "hello", {"type": "actor"}, g.Money(amount=Decimal(1), currency="USD")):
        with pytest.raises(TypeError, match="item 1 is not a geostmt record"):
            g.write_jsonl(path, [actor, bad])
        assert path.read_text("utf-8") == "old\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no stray temp file
    with pytest.raises(ValueError, match="empty path"):
        g.write_jsonl("", [actor])


def test_write_jsonl_keeps_the_mode_and_follows_symlinks(tmp_path: Path) -> None:
    """An existing file keeps its mode; a symlink is written through; a FIFO is refused."""
    actor = g.Actor(id="a", name="A", kind="state")
    target = tmp_path / "data.jsonl"
    target.write_text("", "utf-8")
    os.chmod(target, 0o644)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    g.write_jsonl(link, [actor])
    assert link.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text("utf-8").startswith('{"type":"actor"')
    fresh = tmp_path / "fresh.jsonl"
    umask = os.umask(0o022)
    try:
        g.write_jsonl(fresh, [actor])
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="is not a regular file"):
        g.write_jsonl(fifo, [actor])


def test_text_output_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown key with a newline and an ANSI escape cannot forge a problem line."""
    path = tmp_path / "hostile.jsonl"
    key = "x\nFAKE.jsonl:99: id: forged\x1b[31m"
    path.write_text('{"type":"actor","id":"a","name":"A","kind":"state","'
                    + key.replace("\n", "\\n").replace("\x1b", "\\u001b") + '":1}\n',
                    "utf-8")  # fmt: skip
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert "\x1b" not in out
    assert "x\\x0aFAKE.jsonl:99: id: forged\\x1b[31m: unknown field" in out
    assert escape_text("plain text: fine") == "plain text: fine"
    assert escape_text("a\u202eb") == "a\\u202eb"


def test_unit_symbols_pint_reads_and_towers_it_would_build() -> None:
    """%, °C, µm and km² are units; a tower of superscript powers is refused unread."""
    assert canonical_unit("%") == "percent"
    assert canonical_unit("km²") == "kilometer ** 2"
    assert canonical_unit("°C") == "degree_Celsius"
    assert canonical_unit("µm") == "micrometer"
    with pytest.raises(ValueError, match="superscript power is a single"):
        canonical_unit("m²²²²²²")


def test_huge_decimals_in_a_table_are_refused_not_crashed() -> None:
    """1E+80 and 33 digits are refused with their path; 32 nines fit decimal128(38, 6)."""
    pytest.importorskip("pyarrow")
    from geostmt.table import to_arrow

    for value in ("1E+80", "1" * 33):
        deployment = g.Deployment(id="d", actor="a", size=g.Quantity(value=Decimal(value)))
        with pytest.raises(g.ValidationError, match=r"size\.value: .* more than 32 digits"):
            to_arrow([deployment], g.Deployment)
    fits = g.Deployment(id="d", actor="a", size=g.Quantity(value=Decimal("9" * 32)))
    assert to_arrow([fits], g.Deployment).num_rows == 1


def test_problems_sort_with_the_dataset_they_are_in() -> None:
    """A Parquet file's problem sorts with its dataset directory, not with a name prefix."""
    from geostmt.errors import Problem
    from geostmt.integrity import sort_problems

    problems = [Problem("", "m", 1, "data2/actor/p.parquet"), Problem("", "m", 1, "other.jsonl")]
    ordered = sort_problems(problems, ["data", "other.jsonl", "data2"])
    assert [p.file for p in ordered] == ["other.jsonl", "data2/actor/p.parquet"]


_KILLED_WRITER = """
import sys, time
from pathlib import Path
import geostmt as g

def records():
    yield g.Actor(id="a", name="A", kind="state")
    Path(sys.argv[2]).write_text("writing")
    time.sleep(60)
    yield g.Actor(id="b", name="B", kind="state")

g.write_jsonl(sys.argv[1], records())
"""


def test_a_write_killed_outright_leaves_no_temp_file_behind(tmp_path: Path) -> None:
    """A write killed by SIGKILL cannot clean up; the next write to the path removes its temp
    file (by name: this host, a process that is gone), not other files or live writes'."""
    import signal
    import subprocess
    import sys
    import time

    target, ready = tmp_path / "data.jsonl", tmp_path / "ready"
    target.write_text("old\n", "utf-8")
    other = tmp_path / ".data.jsonl.notours"
    other.write_text("keep", "utf-8")
    writer = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(target), str(ready)])
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    (stray,) = tmp_path.glob(".data.jsonl.geostmt-*.tmp")
    assert f"-{writer.pid}-" in stray.name
    assert target.read_text("utf-8") == "old\n"  # the kill left the old file
    live = tmp_path / f".data.jsonl.geostmt-{stray.name.split('-')[1]}-{os.getpid()}-x.tmp"
    live.write_text("a write of this process, still going", "utf-8")
    g.write_jsonl(target, [g.Actor(id="a", name="A", kind="state")])
    assert not stray.exists()
    assert live.exists()
    assert other.exists()
    assert target.read_text("utf-8").startswith('{"type":"actor"')


def test_a_value_in_a_message_is_described_in_a_bounded_length() -> None:
    """shown() never gives more than SHOWN_LIMIT (60) characters, nor fails, whatever the value:
    64 MiB of text, a 5,000-digit integer, a list nested 1,000 deep, a repr that raises."""
    from geostmt.errors import SHOWN_LIMIT, shown

    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

    deep: list[object] = []
    for _ in range(1000):
        deep = [deep]
    for value in ("x" * (64 << 20), 10**5000, -(10**400), deep, {"k" * 10**6: 1}, Broken()):
        assert len(shown(value)) <= SHOWN_LIMIT <= 200
    assert shown(10**5000) == "<an integer of about 5,001 digits>"
    assert shown(Broken()) == "<Broken>"
    assert shown(deep) == "[[[[[...]]]]]"
    assert shown({"w": "x"}) == "{'w': 'x'}"
    assert shown("a\nb") == "'a\\nb'"
