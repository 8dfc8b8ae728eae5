"""The messages a new user meets first (issue 14, item 2), each pinned to its exact text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import geostmt as g
from geostmt.errors import unknown_field, with_article
from geostmt.model import RECORD_TYPES


def _problems(data: dict[str, object], cls: type | None = None) -> list[str]:
    with pytest.raises(g.ValidationError) as caught:
        g.from_dict(data, cls) if cls is not None else g.from_dict(data)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("actor", "an actor"),
        ("source", "a source"),
        ("statement", "a statement"),
        ("deployment", "a deployment"),
        ("aid_package", "an aid_package"),
        ("event", "an event"),
        ("record", "a record"),
    ],
)
def test_every_type_name_gets_its_article(tag: str, written: str) -> None:
    """with_article puts "an" before each type tag that starts with a vowel, "a" elsewhere."""
    assert with_article(tag) == written
    assert set(RECORD_TYPES) <= {"actor", "source", "statement", "deployment", "aid_package",
                                 "event"}  # fmt: skip


def test_a_misspelt_field_suggests_the_field() -> None:
    """``annouced`` is an unknown field with a did-you-mean ``announced``; a key near no field
    is an unknown field and nothing more."""
    data = {"type": "aid_package", "id": "p", "donor": "us", "recipient": "ua",
            "annouced": "2024-10-31", "colour": "red"}  # fmt: skip
    assert _problems(data) == [
        "annouced: unknown field (did you mean 'announced'?)",
        "colour: unknown field",
    ]


def test_unknown_field_ignores_case_and_keeps_the_fields_spelling() -> None:
    """The suggestion is spelled as the field is (``Announced`` suggests ``announced``)."""
    assert unknown_field("Announced", {"announced", "id"}) == (
        "unknown field (did you mean 'announced'?)"
    )
    assert unknown_field(5, {"id"}) == "unknown field"


def test_an_unknown_relative_time_lists_the_phrases_known() -> None:
    """``resolve_period("next week", ...)`` says which phrases resolve_period knows."""
    with pytest.raises(g.ValidationError) as caught:
        g.resolve_period("next week", "2024-10-31")
    assert str(caught.value) == (
        "text: 'next week' is not a relative time geostmt knows; it knows 'today', "
        "'tomorrow', 'yesterday', 'in the coming days', 'in the next few days', "
        "'in the coming weeks', 'in the next few weeks', 'in the coming months', "
        "'in the past few days', 'in recent days', 'in recent weeks' and 'within N days|weeks'"
    )


BAD_LINE = b'{"type":"actor","id":"a","name":"A","kind":"stat"}\n'
KIND = (
    "kind: 'stat' is not one of: person, state, government, military, armed_group, "
    "organization, media, company, other"
)


def test_read_jsonl_names_the_file_of_a_path(tmp_path: Path) -> None:
    """A bad line read from a path is reported as ``file:line: path: message``."""
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"type":"actor","id":"b","name":"B","kind":"state"}\n' + BAD_LINE)
    with pytest.raises(g.ValidationError) as caught:
        list(g.read_jsonl(path))
    assert str(caught.value) == f"{path}:2: {KIND}"
    assert caught.value.problems[0].file == str(path)


def test_read_jsonl_names_an_open_file_by_its_name(tmp_path: Path) -> None:
    """An open file is named by its ``name``; a stream with no name by its line only."""
    path = tmp_path / "bad.jsonl"
    path.write_bytes(BAD_LINE)
    with path.open("rb") as stream, pytest.raises(g.ValidationError) as caught:
        list(g.read_jsonl(stream))
    assert str(caught.value) == f"{path}:1: {KIND}"
    with pytest.raises(g.ValidationError) as caught:
        list(g.read_jsonl(io.BytesIO(BAD_LINE)))
    assert str(caught.value) == f"line 1: {KIND}"


def test_read_jsonl_names_the_file_of_a_whole_file_problem(tmp_path: Path) -> None:
    """A problem with the whole file (a .gz name on plain bytes) names the file too."""
    path = tmp_path / "plain.jsonl.gz"
    path.write_bytes(BAD_LINE)
    with pytest.raises(g.ValidationError) as caught:
        list(g.read_jsonl(path))
    assert caught.value.problems[0].file == str(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_a_reference_to_the_wrong_type_uses_the_right_article() -> None:
    """``'a' is a source, not an actor``: "an" before a type name that starts with a vowel."""
    with pytest.raises(g.ValidationError) as caught:
        g.Dataset([g.Source(id="a", title="t"), g.Statement(id="s", speaker="a", text="x")])
    assert str(caught.value) == "speaker: 'a' is a source, not an actor (in statement 's')"
