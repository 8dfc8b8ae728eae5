"""Direct tests of geostmt.integrity and geostmt.partitions, with concrete values, written to
kill the mutants scripts/mutation_check.py finds (no cluster needed)."""

from __future__ import annotations

import gzip
import io
import sys
import warnings
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

import geostmt as g
from geostmt import integrity, partitions
from geostmt.errors import Problem
from geostmt.inputs import STDIN_NAME, Input
from geostmt.integrity import IdRow, RefRow
from geostmt.partitions import Partition

UKRAINE = '{"type": "actor", "id": "ukraine", "name": "Ukraine", "kind": "state"}\n'
RUSSIA = '{"type": "actor", "id": "russia", "name": "Russia", "kind": "state"}\n'
S1 = (
    '{"type": "statement", "id": "s1", "speaker": "ukraine", "text": "t", '
    '"addressees": ["nobody"]}\n'
)
BAD = '{"type": "actor", "id": "bad", "name": "X", "kind": "nation"}\n'


def _digest(text: str) -> str:
    data = text.encode()
    return f"{zlib.crc32(data):08x}{len(data):x}"


def _row(ident: str, order: int, line: int | None, fields: str, **other: str) -> IdRow:
    return IdRow(ident, other.get("type", "actor"), order, other.get("file", "f"), line, fields)


# integrity


def test_order_key_is_position_then_line() -> None:
    """order_key is order * 2**36 plus the line, a missing line counting as 0."""
    assert integrity.order_key(0, None) == 0
    assert integrity.order_key(0, 7) == 7
    assert integrity.order_key(1, None) == 2**36
    assert integrity.order_key(3, 5) == 3 * 2**36 + 5


def test_where_in_each_form() -> None:
    """where gives file:line, file, 'line N' or 'index N'."""
    assert integrity.where("a.jsonl", 5) == "a.jsonl:5"
    assert integrity.where("a.jsonl", None) == "a.jsonl"
    assert integrity.where("a.jsonl", None, 2) == "a.jsonl"
    assert integrity.where(None, 5) == "line 5"
    assert integrity.where(None, 5, 2) == "line 5"
    assert integrity.where(None, None, 3) == "index 3"


def test_fingerprint_digests_each_field_as_written() -> None:
    """Each field is name=crc32 (8 hex digits) and length (hex) of its JSON; absent is null."""
    actor = g.Actor(id="ukraine", name="Ukraine", kind="state")
    null = _digest("null")
    ident, name, kind = _digest('"ukraine"'), _digest('"Ukraine"'), _digest('"state"')
    assert integrity.fingerprint(actor) == (
        f"id={ident};name={name};kind={kind};"
        f"country={null};aliases={null};roles={null};identifiers={null}"
    )
    assert ident == "0c3a4bf29"


def test_id_row_and_ref_rows() -> None:
    """id_row and ref_rows carry the record's id, type, order, file, line and each reference."""
    actor = g.Actor(id="ukraine", name="Ukraine", kind="state")
    assert integrity.id_row(actor, 2, "a.jsonl", 3) == IdRow(
        "ukraine", "actor", 2, "a.jsonl", 3, integrity.fingerprint(actor)
    )
    statement = g.Statement(id="s1", speaker="ukraine", text="t", addressees=("nobody",))
    assert list(integrity.ref_rows(statement, 1, "b", 4)) == [
        RefRow("ukraine", "actor", 1, "b", 4, "speaker", "statement", "s1"),
        RefRow("nobody", "actor", 1, "b", 4, "addressees[0]", "statement", "s1"),
    ]


def test_duplicate_message_text() -> None:
    """duplicate_message names the id, the first place and the differing fields."""
    assert (
        integrity.duplicate_message("x", "a.jsonl:2", ["name", "kind"])
        == "duplicate id 'x', first used at a.jsonl:2; differs in: name, kind"
    )


def test_duplicate_problems_first_in_reading_order() -> None:
    """The first row in reading order is kept; each later differing row is one problem."""
    first = _row("x", 0, 9, "id=1;name=2", file="a")
    same = _row("x", 1, 1, "id=1;name=2", file="b")
    renamed = _row("x", 1, 3, "id=1;name=3", file="b")
    retyped = _row("x", 2, None, "id=1;name=2", file="c", type="source")
    problems = integrity.duplicate_problems([retyped, renamed, same, first])
    assert problems == [
        Problem("id", "duplicate id 'x', first used at a:9; differs in: name", 3, "b"),
        Problem("id", "duplicate id 'x', first used at a:9; differs in: type", None, "c"),
    ]
    assert integrity.duplicate_problems([same, first]) == []
    assert integrity.duplicate_problems([first]) == []


def test_duplicate_problems_orders_by_line_within_one_input() -> None:
    """Within one input the lower line comes first, whatever the rows' given order."""
    late = _row("x", 0, 8, "id=1;name=2")
    early = _row("x", 0, 2, "id=1;name=3")
    (problem,) = integrity.duplicate_problems([late, early])
    assert problem.line == 8
    assert "first used at f:2" in problem.message


def test_duplicate_problems_split_at_the_first_equals_sign() -> None:
    """A digest is everything after the first '=' of its part; fields missing later differ."""
    first = _row("x", 0, 1, "a=1=2;b=3")
    assert integrity.duplicate_problems([first, _row("x", 0, 2, "a=1=2;b=3")]) == []
    (problem,) = integrity.duplicate_problems([first, _row("x", 0, 2, "a=1=3;c=3")])
    assert problem.message.endswith("differs in: a, b")


def test_reference_message_in_each_case() -> None:
    """Dangling (typed or not), mistyped, and resolving references."""
    typed = RefRow("nobody", "actor", 0, "f", 1, "speaker", "statement", "s1")
    untyped = typed._replace(target=None)
    assert (
        integrity.reference_message(typed, None) == "no actor has id 'nobody' (in statement 's1')"
    )
    assert (
        integrity.reference_message(untyped, None)
        == "no record has id 'nobody' (in statement 's1')"
    )
    assert (
        integrity.reference_message(typed, "source")
        == "'nobody' is a source, not an actor (in statement 's1')"
    )
    assert integrity.reference_message(typed, "actor") is None
    assert integrity.reference_message(untyped, "source") is None


@pytest.mark.parametrize(
    ("found", "target", "wording"),
    [
        ("source", "actor", "is a source, not an actor"),
        ("actor", "source", "is an actor, not a source"),
        ("aid_package", "event", "is an aid_package, not an event"),
        ("event", "statement", "is an event, not a statement"),
        ("deployment", "aid_package", "is a deployment, not an aid_package"),
    ],
)
def test_reference_message_puts_the_right_article_before_each_type(
    found: str, target: str, wording: str
) -> None:
    """Each type name gets "a" or "an" as its first sound needs, found and wanted alike."""
    row = RefRow("x", target, 0, "f", 1, "evidence", "statement", "s1")
    assert integrity.reference_message(row, found) == f"'x' {wording} (in statement 's1')"


def test_sort_problems_by_input_then_line() -> None:
    """Problems sort by the input's first position, then line; no input or line first."""
    names = ["b.jsonl", "a.jsonl", "b.jsonl", "dir"]
    problems = [
        Problem("", "a5", 5, "a.jsonl"),
        Problem("", "b3", 3, "b.jsonl"),
        Problem("", "part", 2, "dir/actor/part-0.parquet"),
        Problem("", "a-none", None, "a.jsonl"),
        Problem("", "a1", 1, "a.jsonl"),
        Problem("", "nowhere", None, None),
        Problem("", "b1", 1, "b.jsonl"),
        Problem("", "unknown", 1, "zzz"),
    ]
    ordered = integrity.sort_problems(problems, names)
    assert [p.message for p in ordered] == [
        "nowhere",
        "unknown",
        "b1",
        "b3",
        "a-none",
        "a1",
        "a5",
        "part",
    ]


def test_sort_problems_unnamed_file_sorts_with_no_input() -> None:
    """A problem of no file keeps its place among others of no input, ordered by line."""
    problems = [Problem("", "two", 2, None), Problem("", "one", 1, None)]
    assert [p.message for p in integrity.sort_problems(problems, ["", "a"])] == ["one", "two"]
    problems = [Problem("", "a", 1, "a"), Problem("", "none", 2, None)]
    assert [p.message for p in integrity.sort_problems(problems, ["", "a"])] == ["none", "a"]


def test_sort_problems_prefix_match_on_an_empty_name_list() -> None:
    """A file matching no name, with no names at all, sorts first by line."""
    problems = [Problem("", "b", 2, "x"), Problem("", "a", 1, "y")]
    assert [p.message for p in integrity.sort_problems(problems, [])] == ["a", "b"]


# partitions


def test_constants() -> None:
    """The default part size is 32 MiB; each input leaves room for 2**14 Parquet files."""
    assert partitions.BLOCKSIZE == 32 * 1024 * 1024
    assert partitions._FILES_PER_INPUT == 16384


def test_cut_at_line_ends_with_first_lines(tmp_path: Path) -> None:
    """A plain file is cut after the line end at or past each blocksize, first lines counted."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"aaaa\nbb\ncccccc\nd\n")  # line ends at 4, 7, 14, 16; 17 bytes
    items = [Input("a.jsonl", "jsonl", path)]
    name = str(path)
    assert partitions.partitions(items, blocksize=5) == [
        Partition(0, "a.jsonl", "jsonl", name, 0, 8, 1),
        Partition(0, "a.jsonl", "jsonl", name, 8, 15, 3),
        Partition(0, "a.jsonl", "jsonl", name, 15, 17, 4),
    ]
    assert partitions.partitions(items, blocksize=4) == [
        Partition(0, "a.jsonl", "jsonl", name, 0, 5, 1),
        Partition(0, "a.jsonl", "jsonl", name, 5, 15, 2),
        Partition(0, "a.jsonl", "jsonl", name, 15, 17, 4),
    ]
    assert partitions.partitions(items) == [Partition(0, "a.jsonl", "jsonl", name, 0, 17, 1)]
    assert partitions.partitions(items, blocksize=17) == [
        Partition(0, "a.jsonl", "jsonl", name, 0, 17, 1)
    ]


def test_cut_without_a_final_line_end(tmp_path: Path) -> None:
    """A last line without a line end ends its part at the end of the file."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"ab\ncd")
    name = str(path)
    assert partitions.partitions([Input("a", "jsonl", path)], blocksize=1) == [
        Partition(0, "a", "jsonl", name, 0, 3, 1),
        Partition(0, "a", "jsonl", name, 3, 5, 2),
    ]


def test_gzip_empty_and_parquet_inputs_are_whole(tmp_path: Path) -> None:
    """A gzip or empty file is one part; a Parquet input a part per file, ordered by input."""
    pytest.importorskip("pyarrow")
    from geostmt.table import write_parquet

    zipped = tmp_path / "c.jsonl.gz"
    with gzip.open(zipped, "wt", encoding="utf-8") as stream:
        stream.write(UKRAINE + RUSSIA)
    empty = tmp_path / "e.jsonl"
    empty.write_bytes(b"")
    one = tmp_path / "one.jsonl"
    one.write_bytes(b"\n")
    write_parquet([g.Actor(id="a", name="A", kind="state")], tmp_path / "pq")
    items = [
        Input("c", "jsonl", zipped),
        Input("e", "jsonl", empty),
        Input("pq", "parquet", tmp_path / "pq"),
        Input("one", "jsonl", one),
    ]
    found = partitions.partitions(items, blocksize=1)
    assert found[:2] == [
        Partition(0, "c", "whole", str(zipped), 0, 0, 1),
        Partition(16384, "e", "whole", str(empty), 0, 0, 1),
    ]
    assert found[2][:3] == (2 * 16384, "pq", "parquet")
    assert found[2][4:] == (0, 0, 1)
    assert found[2].path.endswith(".parquet")
    assert found[3] == Partition(3 * 16384, "one", "jsonl", str(one), 0, 1, 1)
    assert [r.id for r in partitions.records_of(found[2])] == ["a"]
    assert [r.id for r in partitions.records_of(found[0])] == ["ukraine", "russia"]
    assert list(partitions.records_of(found[1])) == []


def test_parquet_files_of_one_input_follow_each_other(tmp_path: Path) -> None:
    """Each Parquet file of one input is the input's order times 2**14 plus its index."""
    pytest.importorskip("pyarrow")
    from geostmt.table import write_parquet

    records = [
        g.Actor(id="a", name="A", kind="state"),
        g.Source(id="s", title="S"),
    ]
    write_parquet(records, tmp_path / "pq")
    plain = tmp_path / "a.jsonl"
    plain.write_text(UKRAINE, "utf-8")
    found = partitions.partitions(
        [Input("a", "jsonl", plain), Input("pq", "parquet", tmp_path / "pq")]
    )
    assert [p.order for p in found] == [0, 16384, 16385]
    assert [p.kind for p in found] == ["jsonl", "parquet", "parquet"]


def test_standard_input_must_be_spooled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """partitions refuses standard input; spool_stdin copies it to a file kept as <stdin>."""
    with pytest.raises(ValueError, match=r"^standard input must be spooled to a file first"):
        partitions.partitions([Input(STDIN_NAME, "jsonl", None)])
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(UKRAINE.encode())))
    plain = tmp_path / "a.jsonl"
    plain.write_text(RUSSIA, "utf-8")
    spooled = partitions.spool_stdin(
        [Input("a", "jsonl", plain), Input(STDIN_NAME, "jsonl", None)], str(tmp_path)
    )
    assert spooled[0] == Input("a", "jsonl", plain)
    assert spooled[1].name == STDIN_NAME
    assert spooled[1].kind == "jsonl"
    assert spooled[1].path is not None
    assert spooled[1].path.parent == tmp_path
    assert spooled[1].path.read_text("utf-8") == UKRAINE


def test_lines_of_a_part_are_numbered_in_the_whole_file(tmp_path: Path) -> None:
    """A part's lines and problems carry the line numbers and name of the whole input."""
    path = tmp_path / "a.jsonl"
    path.write_text(UKRAINE + RUSSIA + BAD + S1, "utf-8")
    parts = partitions.partitions([Input("a.jsonl", "jsonl", path)], blocksize=1)
    assert [p.first_line for p in parts] == [1, 2, 3, 4]
    size = path.stat().st_size
    tail = Partition(0, "a.jsonl", "jsonl", str(path), len(UKRAINE), size, 2)
    lines = list(partitions.lines_of(tail))
    assert [line.number for line in lines] == [2, 3, 4]
    assert lines[1].record is None
    assert [(p.path, p.line, p.file) for p in lines[1].problems] == [("kind", 3, "a.jsonl")]
    assert [r.id for r in partitions.records_of(tail)] == ["russia", "s1"]
    assert [r.id for r in partitions.records_of(parts[0])] == ["ukraine"]
    assert list(partitions.records_of(parts[2])) == []
    (line,) = partitions.lines_of(parts[2])
    assert [(p.path, p.line, p.file) for p in line.problems] == [("kind", 3, "a.jsonl")]


def test_byte_order_mark_only_at_the_start(tmp_path: Path) -> None:
    """A BOM at the start of the file warns naming the input and is dropped; no other part does."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + UKRAINE.encode() + RUSSIA.encode())
    first, second = partitions.partitions([Input("a.jsonl", "jsonl", path)], blocksize=1)
    with pytest.warns(UserWarning, match=r"^a\.jsonl starts with a UTF-8 byte-order mark"):
        assert [r.id for r in partitions.records_of(first)] == ["ukraine"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [r.id for r in partitions.records_of(second)] == ["russia"]
    path.write_bytes(UKRAINE.encode())
    (plain,) = partitions.partitions([Input("a.jsonl", "jsonl", path)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [r.id for r in partitions.records_of(plain)] == ["ukraine"]
    # a later part whose bytes begin with a BOM is not one partitions warns about by name
    path.write_bytes(UKRAINE.encode() + b"\xef\xbb\xbf" + RUSSIA.encode())
    later = Partition(0, "a.jsonl", "jsonl", str(path), len(UKRAINE), path.stat().st_size, 2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(partitions.lines_of(later))
    assert not [w for w in caught if str(w.message).startswith("a.jsonl")]


def test_check_partition_counts_rows_and_names_problems(tmp_path: Path) -> None:
    """check_partition: valid records counted, id and reference rows, problems with file."""
    path = tmp_path / "a.jsonl"
    path.write_text(UKRAINE + BAD + S1 + "{not json\n", "utf-8")
    (part,) = partitions.partitions([Input("a.jsonl", "jsonl", path)])
    part = part._replace(order=7)
    checked = partitions.check_partition(part)
    assert checked.records == 2
    assert [(p.path, p.line, p.file) for p in checked.problems] == [
        ("kind", 2, "a.jsonl"),
        ("", 4, "a.jsonl"),
    ]
    assert [(r.id, r.order, r.file, r.line) for r in checked.ids] == [
        ("ukraine", 7, "a.jsonl", 1),
        ("s1", 7, "a.jsonl", 3),
    ]
    assert [(r.ref, r.path, r.order, r.line) for r in checked.refs] == [
        ("ukraine", "speaker", 7, 3),
        ("nobody", "addressees[0]", 7, 3),
    ]


def test_check_partition_of_unreadable_and_broken_wholes(tmp_path: Path) -> None:
    """A missing file is one 'cannot read' problem; a broken gzip names the input."""
    missing = Partition(0, "gone.jsonl", "whole", str(tmp_path / "gone.jsonl"), 0, 0, 1)
    checked = partitions.check_partition(missing)
    assert checked == partitions.Checked(
        0, [Problem("", "cannot read: No such file or directory", None, "gone.jsonl")], [], []
    )
    broken = tmp_path / "b.jsonl.gz"
    broken.write_bytes(gzip.compress(UKRAINE.encode())[:-8] + b"\x00")
    checked = partitions.check_partition(Partition(0, "b", "whole", str(broken), 0, 0, 1))
    assert checked.problems
    assert all(p.file == "b" for p in checked.problems)


def test_check_partition_keeps_a_problem_s_own_file(tmp_path: Path) -> None:
    """A whole part's problems keep the input's name (set when the input is scanned)."""
    path = tmp_path / "w.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(BAD)
    checked = partitions.check_partition(Partition(0, "given", "whole", str(path), 0, 0, 1))
    assert [(p.path, p.line, p.file) for p in checked.problems] == [("kind", 1, "given")]
    assert checked.records == 0


def test_fingerprint_ignores_key_order_and_keeps_non_ascii() -> None:
    """Equal records with maps in another key order share a fingerprint; text is UTF-8 JSON."""
    first = g.Actor(id="a", name="Київ", kind="state", identifiers={"b": "1", "a": "2"})
    second = g.Actor(id="a", name="Київ", kind="state", identifiers={"a": "2", "b": "1"})
    assert first == second
    assert integrity.fingerprint(first) == integrity.fingerprint(second)
    parts = dict(part.split("=", 1) for part in integrity.fingerprint(first).split(";"))
    assert parts["name"] == _digest('"Київ"')
    assert parts["identifiers"] == _digest('{"a":"2","b":"1"}')


def test_sort_problems_no_file_and_unknown_file_tie_on_line() -> None:
    """A problem of no input and one of an unknown input both sort first, by line."""
    problems = [Problem("", "none", 5, None), Problem("", "unknown", 1, "zzz")]
    ordered = integrity.sort_problems(problems, ["a"])
    assert [p.message for p in ordered] == ["unknown", "none"]


def test_sort_problems_no_line_before_line_one() -> None:
    """Within one input a problem without a line comes before line 1."""
    problems = [Problem("", "one", 1, "a"), Problem("", "none", None, "a")]
    assert [p.message for p in integrity.sort_problems(problems, ["a"])] == ["none", "one"]


def test_sort_problems_exact_name_before_a_prefix() -> None:
    """A file named exactly as an input sorts as that input, not as an earlier prefix of it."""
    problems = [Problem("", "file", 1, "data.jsonl"), Problem("", "other", 1, "other")]
    names = ["data", "other", "data.jsonl"]
    assert [p.message for p in integrity.sort_problems(problems, names)] == ["other", "file"]
    problems = [Problem("", "none", 1, None), Problem("", "a", 1, "a")]
    assert [p.message for p in integrity.sort_problems(problems, ["a", ""])] == ["a", "none"]


def _parquet_actor_file(path: Path, *, tagged: bool) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": ["a", "b"], "name": ["A", "B"], "kind": ["state", "nation"]})
    metadata = {b"geostmt.type": b"actor"} if tagged else {}
    pq.write_table(table.replace_schema_metadata(metadata), path)


def test_check_partition_parquet_problems_keep_their_file(tmp_path: Path) -> None:
    """A bad Parquet row's problem keeps its file; the id rows name the input."""
    path = tmp_path / "x.parquet"
    _parquet_actor_file(path, tagged=True)
    checked = partitions.check_partition(Partition(5, "inp", "parquet", str(path), 0, 0, 1))
    assert checked.records == 1
    assert [(p.path, p.line, p.file) for p in checked.problems] == [("kind", 2, str(path))]
    assert [(r.id, r.order, r.file, r.line) for r in checked.ids] == [("a", 5, "inp", 1)]


def test_check_partition_untagged_parquet_names_the_input(tmp_path: Path) -> None:
    """A Parquet file with no geostmt.type is one problem naming the input."""
    path = tmp_path / "y.parquet"
    _parquet_actor_file(path, tagged=False)
    checked = partitions.check_partition(Partition(5, "inp", "parquet", str(path), 0, 0, 1))
    assert checked == partitions.Checked(
        0, [Problem("", f"{path}: not a geostmt table (no geostmt.type)", None, "inp")], [], []
    )


def test_content_digest_is_equal_exactly_for_records_python_finds_equal() -> None:
    """1.5, 1.50 and 15E-1 digest alike, as do 0 and -0.000 and a mapping in any order;
    any other change of value, type or field gives another digest."""
    from decimal import Decimal

    key = b"k" * 16

    def digest(**size: object) -> int:
        deployment = g.Deployment(id="d", actor="a", size=g.Quantity(**size))  # type: ignore[arg-type]
        return integrity.content_digest(deployment, key)

    same = {digest(value=Decimal(text)) for text in ("1.5", "1.50", "15E-1", "0.15E1")}
    assert len(same) == 1
    assert digest(value=Decimal("0")) == digest(value=Decimal("-0.000"))
    assert digest(value=Decimal("1000")) == digest(value=Decimal("1E+3"))
    values = ("1.5", "1.51", "-1.5", "15", "0.15", "0", "1E+3", "1E+4", "100")
    assert len({digest(value=Decimal(text)) for text in values}) == len(values)
    assert digest(value=Decimal(1), unit="meter") != digest(value=Decimal(1))
    assert digest(value=Decimal(1), qualifier="approximately") != digest(value=Decimal(1))
    first = g.Actor(id="a", name="A", kind="state", identifiers={"x": "1", "y": "2"})
    second = g.Actor(id="a", name="A", kind="state", identifiers={"y": "2", "x": "1"})
    third = g.Actor(id="a", name="A", kind="state", identifiers={"y": "2", "x": "12"})
    assert first == second
    assert integrity.content_digest(first, key) == integrity.content_digest(second, key)
    assert integrity.content_digest(first, key) != integrity.content_digest(third, key)
    assert integrity.content_digest(first, key) != integrity.content_digest(first, b"j" * 16)
    assert integrity._number(float("inf")) == "XInfinity"
    assert integrity._number(0.5) == integrity._number(Decimal("0.50")) == "D5e-1"
    for number in (-120, 0, 7, 10**17, -(10**18), 10**18, 10**30, -5):
        assert integrity._number(number) == integrity._number(Decimal(number))
    assert integrity._number(-120) == "D-12e1"
    assert integrity._number(0) == "D0"
    parts: list[str] = []
    integrity._canonical([None, True, False, "ab", {"k": "v"}, object], parts)
    assert parts[:8] == ["L6", "N", "T", "F", "S2:ab", "M1", "S1:k", "S1:v"]
    assert parts[8].startswith("Rtype:")
