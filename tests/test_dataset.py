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
    """Two records with one id are a problem at the second."""
    with pytest.raises(ValidationError) as caught:
        Dataset([ZELENSKYY, g.Actor(id="zelenskyy", name="Other", kind="person")])
    assert [str(p) for p in caught.value.problems] == ["id: duplicate id 'zelenskyy', first used"]


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
        "recipient: 'article' is a source, not a actor (in aid_package 'package')",
        "excluded[0].requested_by: no actor has id 'ukraine' (in aid_package 'package')",
        "evidence[0].source: 'zelenskyy' is a actor, not a source (in aid_package 'package')",
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
        f"{second}:1: id: duplicate id 'zelenskyy', first used (line 1)",
        f"{first}:2: outlet: no actor has id 'kbs' (in statement 'warning')",
        f"{first}:2: evidence[0].source: no source has id 'article' (in statement 'warning')",
    ]
