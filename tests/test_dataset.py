"""Tests for Dataset: unique ids, resolved references, lookups, JSON Lines."""

from __future__ import annotations

from pathlib import Path

import pytest

import geostmt as g
from geostmt import Dataset, ValidationError

ZELENSKYY = g.Actor(id="zelenskyy", name="Volodymyr Zelenskyy", kind="person", country="UA")
KBS = g.Actor(id="kbs", name="KBS", kind="media", country="KR")
ARTICLE = g.Source(id="article", title="Zelenskyy warns")
WARNING = g.Statement(
    id="warning",
    speaker=ZELENSKYY,
    text="North Korea's actions aren't random",
    outlet=KBS,
    evidence=[g.Evidence(source=ARTICLE, start=0, end=10)],
)


def test_lookups() -> None:
    """Records are found by id, by type and by speaker."""
    dataset = Dataset([ZELENSKYY, KBS, ARTICLE, WARNING])
    assert len(dataset) == 4
    assert dataset["zelenskyy"] is ZELENSKYY
    assert "kbs" in dataset
    assert dataset.get("nobody") is None
    assert dataset.actors == [ZELENSKYY, KBS]
    assert dataset.sources == [ARTICLE]
    assert dataset.statements == [WARNING]
    assert dataset.deployments == []
    assert dataset.aid_packages == []
    assert dataset.statements_by(ZELENSKYY) == [WARNING]
    assert dataset.statements_by("kbs") == []
    assert dataset.referring_to(KBS) == [WARNING]
    assert list(dataset) == [ZELENSKYY, KBS, ARTICLE, WARNING]
    with pytest.raises(KeyError):
        dataset["nobody"]


def test_duplicate_ids_are_refused() -> None:
    """Two different records with one id are a problem at the second's index (the path),
    naming the first's index and the fields that differ: a whole sentence (issue 14)."""
    with pytest.raises(ValidationError) as caught:
        Dataset([KBS, ZELENSKYY, g.Actor(id="zelenskyy", name="Other", kind="person")])
    assert [str(p) for p in caught.value.problems] == [
        "[2].id: duplicate id 'zelenskyy', first used at index 1; differs in: name, country"
    ]


def test_equal_duplicates_are_one_record() -> None:
    """A record repeated with equal content is kept once, where it first came."""
    copy = g.Actor(id="zelenskyy", name="Volodymyr Zelenskyy", kind="person", country="UA")
    dataset = Dataset([ZELENSKYY, KBS, copy, KBS])
    assert list(dataset) == [ZELENSKYY, KBS]


def test_one_id_for_two_types_says_so() -> None:
    """The same id on records of different types differs in its type."""
    with pytest.raises(ValidationError, match=r"first used at index 0; differs in: type$"):
        Dataset([KBS, g.Source(id="kbs", title="KBS")])


def test_merge_keeps_equal_records_once_and_their_origins(tmp_path: Path) -> None:
    """Dataset.merge joins datasets; a record both define is kept once, from the first."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    g.write_jsonl(first, [ZELENSKYY, KBS])
    g.write_jsonl(second, [KBS, ZELENSKYY, ARTICLE, WARNING])
    merged = Dataset.merge(Dataset.read_jsonl(first), Dataset.read_jsonl(second))
    assert list(merged) == [ZELENSKYY, KBS, ARTICLE, WARNING]
    assert merged.origin("kbs") == (str(first), 2)
    assert merged.origin("warning") == (str(second), 4)
    assert len(Dataset.merge()) == 0


def test_merge_refuses_one_id_for_different_records(tmp_path: Path) -> None:
    """Merging two files that define one id differently names both places."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    g.write_jsonl(first, [KBS, ZELENSKYY])
    g.write_jsonl(second, [g.Actor(id="zelenskyy", name="Zelensky", kind="person", country="UA")])
    with pytest.raises(ValidationError) as caught:
        Dataset.merge(Dataset.read_jsonl(first), Dataset.read_jsonl(second))
    assert [str(p) for p in caught.value.problems] == [
        f"{second}:1: id: duplicate id 'zelenskyy', first used at {first}:2; differs in: name"
    ]


def test_merge_of_in_memory_datasets_counts_indexes_across_them() -> None:
    """Without files, the first use is the index in all the merged records, in order."""
    other = g.Actor(id="kbs", name="KBS World", kind="media", country="KR")
    with pytest.raises(
        ValidationError, match=r"^\[2\].id: duplicate id 'kbs', first used at index 1;"
    ):
        Dataset.merge(Dataset([ZELENSKYY, KBS]), Dataset([other]))


def test_read_takes_directories_globs_and_gzip(tmp_path: Path) -> None:
    """Dataset.read reads a directory, a glob and gzip, merging records they share."""
    import gzip

    folder = tmp_path / "articles"
    folder.mkdir()
    g.write_jsonl(folder / "one.jsonl", [ZELENSKYY, KBS, ARTICLE, WARNING])
    lines = b"".join(g.dumps(r).encode() + b"\n" for r in [ZELENSKYY, ARTICLE])
    (tmp_path / "two.jsonl.gz").write_bytes(gzip.compress(lines))
    dataset = Dataset.read(folder, f"{tmp_path}/*.gz")
    assert list(dataset) == [ZELENSKYY, KBS, ARTICLE, WARNING]
    assert dataset.origin("warning") == (f"{folder}/one.jsonl", 4)


def test_read_refuses_a_missing_input(tmp_path: Path) -> None:
    """Dataset.read with a path that does not exist is a ValidationError naming it."""
    with pytest.raises(ValidationError, match=r"gone\.jsonl: no such file or directory$"):
        Dataset.read(tmp_path / "gone.jsonl")


def test_read_warns_of_a_byte_order_mark(tmp_path: Path) -> None:
    """A file starting with a BOM reads, with a UserWarning naming it."""
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + g.dumps(KBS).encode() + b"\n")
    with pytest.warns(UserWarning, match=r"bom\.jsonl starts with a UTF-8 byte-order mark"):
        assert list(Dataset.read(path)) == [KBS]


def test_read_parquet_and_json_lines_together(tmp_path: Path) -> None:
    """A Parquet dataset and a JSON Lines file read as one dataset, each record's origin kept."""
    table = pytest.importorskip("geostmt.table")
    table.write_parquet([ZELENSKYY, KBS], tmp_path / "tables")
    g.write_jsonl(tmp_path / "rest.jsonl", [KBS, ARTICLE, WARNING])
    dataset = Dataset.read(tmp_path)
    assert {r.id: dataset.origin(r.id) for r in dataset} == {
        "kbs": (str(tmp_path / "rest.jsonl"), 1),  # JSON Lines files come first
        "article": (str(tmp_path / "rest.jsonl"), 2),
        "warning": (str(tmp_path / "rest.jsonl"), 3),
        "zelenskyy": (str(tmp_path / "tables" / "actor"), 1),
    }


def test_dangling_and_mistyped_references() -> None:
    """Each bad reference is named with its record, field and id, all at once."""
    package = g.AidPackage(
        id="package",
        donor="united-states",
        recipient=ARTICLE,
        excluded=[g.Item(name="Tomahawk", requested_by="ukraine")],
        evidence=[g.Evidence(source=ZELENSKYY)],
    )
    with pytest.raises(ValidationError) as caught:
        Dataset(
            [
                ZELENSKYY,
                ARTICLE,
                package,
                g.Statement(id="s", speaker="kbs", text="t", about=["package", "ghost"]),
            ]
        )
    assert [str(p) for p in caught.value.problems] == [
        "donor: no actor has id 'united-states' (in aid_package 'package')",
        "recipient: 'article' is a source, not an actor (in aid_package 'package')",
        "excluded[0].requested_by: no actor has id 'ukraine' (in aid_package 'package')",
        "evidence[0].source: 'zelenskyy' is an actor, not a source (in aid_package 'package')",
        "speaker: no actor has id 'kbs' (in statement 's')",
        "about[1]: no record has id 'ghost' (in statement 's')",
    ]


def test_read_and_write_jsonl(tmp_path: Path) -> None:
    """A dataset round-trips through JSON Lines and remembers where each record came from."""
    path = tmp_path / "seed.jsonl"
    assert Dataset([ZELENSKYY, KBS, ARTICLE, WARNING]).write_jsonl(path) == 4
    dataset = Dataset.read_jsonl(path)
    assert list(dataset) == [ZELENSKYY, KBS, ARTICLE, WARNING]
    assert dataset.origin("warning") == (str(path), 4)


def test_read_jsonl_reports_lines_and_integrity_together(tmp_path: Path) -> None:
    """Problems in lines and in references come back together with file and line."""
    first = tmp_path / "a.jsonl"
    second = tmp_path / "b.jsonl"
    g.write_jsonl(first, [ZELENSKYY, WARNING])
    second.write_text('{"type":"actor","id":"zelenskyy","name":"Z","kind":"person"}\n{"oops"\n')
    with pytest.raises(ValidationError) as caught:
        Dataset.read_jsonl(first, second)
    rendered = [str(p) for p in caught.value.problems]
    assert rendered == [
        f"{second}:2: invalid JSON: Expecting ':' delimiter (column 8)",
        f"{second}:1: id: duplicate id 'zelenskyy', first used at {first}:1; "
        "differs in: name, country",
        f"{first}:2: outlet: no actor has id 'kbs' (in statement 'warning')",
        f"{first}:2: evidence[0].source: no source has id 'article' (in statement 'warning')",
    ]


def test_check_inputs_reports_an_unreadable_input(tmp_path: Path) -> None:
    """With report_unreadable, an input that cannot be opened is a problem naming it."""
    from geostmt.dataset import check_inputs
    from geostmt.inputs import Input

    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    _, problems = check_inputs([Input(str(folder), "jsonl", folder)], report_unreadable=True)
    assert [str(p) for p in problems] == [f"{folder}: cannot read: Is a directory"]
    with pytest.raises(IsADirectoryError):
        check_inputs([Input(str(folder), "jsonl", folder)])


def test_a_reference_to_an_invalid_record_says_it_is_invalid_and_where(tmp_path: Path) -> None:
    """'no actor has id' when a line has that id but is invalid says so, with its file:line
    (issue 14); an id no line has keeps the plain message."""
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"type":"statement","id":"s","speaker":"kbs","text":"t","about":["ghost"]}\n'
        "\n"
        '{"type":"actor","id":"kbs","name":"KBS","kind":"tv"}\n',
        "utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        Dataset.read(path)
    assert [str(p) for p in caught.value.problems][1:] == [
        f"{path}:1: speaker: no actor has id 'kbs' (in statement 's'); "
        f"the record with that id, at {path}:3, is invalid",
        f"{path}:1: about[0]: no record has id 'ghost' (in statement 's')",
    ]


def test_a_dataset_refuses_what_is_not_a_record() -> None:
    """Dataset([...]) and Dataset.merge(...) name the item that is not a record (TypeError)."""
    with pytest.raises(TypeError, match=r"^item 1 is not a geostmt record: Money\("):
        Dataset([KBS, g.Money(amount=1, currency="USD")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^item 0 is not a geostmt record: None$"):
        Dataset([None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^argument 1 is not a Dataset: \[\]$"):
        Dataset.merge(Dataset(), [])  # type: ignore[arg-type]


def test_references_to_records_read_later(tmp_path: Path) -> None:
    """A reference to a record further on resolves; one to a record of the wrong type further
    on, or to none, is a problem worded as for any other, read again from its line."""
    from geostmt.checking import validate_inputs
    from geostmt.inputs import expand

    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"type":"statement","id":"s","speaker":"kbs","text":"t","about":["later","ghost"],'
        '"outlet":"article"}\n'
        '{"type":"actor","id":"kbs","name":"KBS","kind":"media"}\n'
        '{"type":"source","id":"later","title":"t"}\n'
        '{"type":"source","id":"article","title":"t"}\n',
        "utf-8",
    )
    expected = [
        f"{path}:1: outlet: 'article' is a source, not an actor (in statement 's')",
        f"{path}:1: about[1]: no record has id 'ghost' (in statement 's')",
    ]
    assert [str(p) for p in validate_inputs(expand([path])).problems] == expected
    with pytest.raises(ValidationError) as caught:
        Dataset.read(path)
    assert [str(p) for p in caught.value.problems] == expected
