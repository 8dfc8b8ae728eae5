"""Tests for the streaming dataset check: validate_inputs holds no record, finds what
check_inputs finds, and reads records again only where its messages or merges need them."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

import geostmt as g
from geostmt import checking
from geostmt.checking import validate_inputs
from geostmt.dataset import check_inputs
from geostmt.inputs import expand
from geostmt.wire import Line
from tests.test_dataset import ARTICLE, KBS, WARNING, ZELENSKYY

# An actor, then deployments of one id: equal to the first as Python compares them (1.5 and
# 1.50, keys in another order) or not (1.51), and the actor again with another name.
REPEATS = (
    '{"type":"actor","id":"a","name":"A","kind":"state"}\n'
    '{"type":"deployment","id":"d","actor":"a","size":{"value":"1.5"}}\n'
    '{"id":"d","type":"deployment","size":{"value":"1.50"},"actor":"a"}\n'
    '{"type":"deployment","id":"d","actor":"a","size":{"value":"1.51"}}\n'
    '{"type":"actor","id":"a","name":"B","kind":"state"}\n'
    '{"type":"deployment","id":"d","actor":"a","size":{"value":"15E-1"}}\n'
)


def test_the_dataset_module_names_them_too() -> None:
    """validate_inputs and Report are importable from geostmt.dataset, where they were."""
    from geostmt import dataset

    assert dataset.validate_inputs is validate_inputs
    assert dataset.Report is checking.Report
    assert {"Report", "validate_inputs"} <= set(dataset.__all__)


def test_validate_inputs_holds_no_record_and_reports_like_check_inputs(tmp_path: Path) -> None:
    """The streaming check finds what check_inputs finds (a duplicate's differences read
    again from its file), counts records and distinct ids, and caps problems a file."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    g.write_jsonl(first, [ZELENSKYY, KBS, WARNING])
    g.write_jsonl(second, [KBS, g.Actor(id="zelenskyy", name="Z", kind="person"), ARTICLE])
    inputs = expand([first, second])
    report = validate_inputs(inputs)
    assert report.problems == check_inputs(inputs)[1]
    assert [str(p) for p in report.problems] == [
        f"{second}:2: id: duplicate id 'zelenskyy', first used at {first}:1; "
        "differs in: name, country"
    ]
    assert (report.records, report.distinct, report.more) == (6, None, {})
    g.write_jsonl(second, [KBS, ARTICLE])
    report = validate_inputs(inputs)
    assert (report.problems, report.records, report.distinct) == ([], 5, 4)
    assert list(check_inputs(inputs)[0] or []) == [ZELENSKYY, KBS, WARNING, ARTICLE]
    second.write_text('{"oops"\n' * 7, "utf-8")
    report = validate_inputs(inputs, max_problems=2)
    assert [(p.file, p.line) for p in report.problems] == [
        (str(second), 1), (str(second), 2), (str(first), 3)  # the lost source of WARNING
    ]  # fmt: skip
    assert report.more == {str(second): 5}


def test_equal_records_written_differently_merge_as_in_memory(tmp_path: Path) -> None:
    """1.5 and 1.50, or keys in another order, are one record for the streaming check too."""
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"type":"actor","id":"a","name":"A","kind":"state"}\n'
        '{"type":"deployment","id":"d","actor":"a","size":{"value":"1.5"}}\n'
        '{"id":"d","type":"deployment","size":{"value":"1.50"},"actor":"a"}\n'
        '{"type":"deployment","id":"d","actor":"a","size":{"value":"1.51"}}\n',
        "utf-8",
    )
    report = validate_inputs(expand([path]))
    assert [str(p) for p in report.problems] == [
        f"{path}:4: id: duplicate id 'd', first used at {path}:2; differs in: size"
    ]
    assert [str(p) for p in g.validate_jsonl(path)] == []


def _expected(path: Path, first_line: int = 1) -> list[str]:
    """The problems of REPEATS written at ``path`` with its first line at ``first_line``."""
    at = [first_line + n for n in range(6)]
    return [
        f"{path}:{at[3]}: id: duplicate id 'd', first used at {path}:{at[1]}; differs in: size",
        f"{path}:{at[4]}: id: duplicate id 'a', first used at {path}:{at[0]}; differs in: name",
    ]


@pytest.mark.parametrize("held", [1, 2, 1 << 20])
def test_repeated_ids_are_compared_with_the_first_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held: int
) -> None:
    """A record whose id came before merges when equal and is a duplicate naming how it
    differs otherwise, as check_inputs and Dataset find, however many repeats are held before
    the first records are read again."""
    monkeypatch.setattr(checking, "_REPEATS_HELD", held)
    path = tmp_path / "a.jsonl"
    path.write_text(REPEATS, "utf-8")
    report = validate_inputs(expand([path]))
    assert [str(p) for p in report.problems] == _expected(path)
    assert report.problems == check_inputs(expand([path]))[1]
    assert (report.records, report.distinct) == (6, None)


def test_records_are_read_again_by_the_lines_scan_jsonl_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blank lines, an over-long line and a byte-order mark, plain or gzip: a first record
    read again is the one at its line."""
    from geostmt.wire import jsonl

    monkeypatch.setattr(jsonl, "MAX_RECORD_BYTES", 200)  # the one limit every reader uses
    head = b"\xef\xbb\xbf\n" + b'{"x":"' + b"y" * 500 + b'"}\n\r\n'  # lines 1 to 3
    plain, packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    plain.write_bytes(head + REPEATS.encode())
    packed.write_bytes(gzip.compress(head + REPEATS.encode()))
    for path in (plain, packed):
        with pytest.warns(UserWarning, match="byte-order mark"):
            report = validate_inputs(expand([path]))
        assert [str(p) for p in report.problems][1:] == _expected(path, first_line=4)


def test_a_first_record_not_read_again_is_a_duplicate_that_says_so(tmp_path: Path) -> None:
    """A file changed while it is checked: the record whose id comes again cannot be compared
    with the first, and is reported, not merged."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    g.write_jsonl(first, [KBS])
    g.write_jsonl(second, [KBS])

    def follow(name: str, lines: Iterator[Line]) -> Iterator[Line]:
        if name == str(second):
            first.write_text("", "utf-8")
        return lines

    report = validate_inputs(expand([first, second]), follow=follow)
    assert [str(p) for p in report.problems] == [
        f"{second}:1: id: duplicate id 'kbs', first used at {first}:1; "
        "differs in: (the first record could not be read again)"
    ]


@pytest.mark.parametrize("held", [1, 4096])
def test_every_reference_to_the_wrong_type_is_found_however_many_are_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held: int
) -> None:
    """The types of ids referenced often are remembered (a few thousand at most): each
    reference to a record of the wrong type is a problem all the same, as in memory."""
    monkeypatch.setattr(checking, "_RESOLVED_HELD", held)
    records = [
        KBS,
        ARTICLE,
        *(g.Statement(id=f"s{n}", speaker="kbs", text="t", outlet="article") for n in range(3)),
        *(g.Statement(id=f"t{n}", speaker="article", text="t", outlet="kbs") for n in range(2)),
    ]
    path = tmp_path / "a.jsonl"
    g.write_jsonl(path, records)
    report = validate_inputs(expand([path]))
    assert [(p.line, p.path) for p in report.problems] == [
        (3, "outlet"), (4, "outlet"), (5, "outlet"), (6, "speaker"), (7, "speaker")
    ]  # fmt: skip
    with pytest.raises(g.ValidationError) as caught:
        g.Dataset(records)
    assert [p.message for p in report.problems] == [p.message for p in caught.value.problems]
