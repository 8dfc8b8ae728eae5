"""The schema reference in docs/schema.md matches the classes it describes."""

from __future__ import annotations

import re

import attrs
import pytest

import geostmt as g
from tests.conftest import ROOT

SCHEMA = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
CLASSES = [
    g.Actor, g.Source, g.Statement, g.Deployment, g.AidPackage, g.Quantity, g.Money, g.Place,
    g.Alias, g.Role, g.Evidence, g.Allocation, g.Item, g.Period, g.Event, g.PloverCoding,
    g.AcledCoding,
]  # fmt: skip


def _section(title: str) -> str:
    match = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", SCHEMA, re.S | re.M)
    assert match, f"docs/schema.md has no section for {title}"
    return match.group(1)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_schema_page_lists_every_field(cls: type) -> None:
    """Each class's table lists exactly its fields, in order, with the right required flag."""
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| (yes|no) \|", _section(cls.__name__), re.M)
    expected = [(f.name, "yes" if f.default is attrs.NOTHING else "no") for f in attrs.fields(cls)]
    assert rows == expected


def test_schema_page_lists_every_speech_act() -> None:
    """The speech-act table gives each act's codes as the code does."""
    rows = re.findall(r"^\| `(\w+)` \| (\d+) \| ?(\w*) ?\|", _section("Speech acts"), re.M)
    assert rows == [(a.value, a.cameo, a.plover or "") for a in g.SpeechAct]


def test_schema_page_lists_every_enum_value() -> None:
    """Every enum value of the schema appears on the page."""
    from geostmt.model import ENUMS

    for enum in ENUMS:
        for member in enum:
            assert f"`{member.value}`" in SCHEMA, member


def test_describe_page_lists_every_leniency() -> None:
    """Each place where the JSON Schema is more lenient than the library is on the page."""
    from geostmt.wire import schema_leniencies

    page = (ROOT / "docs" / "describe.md").read_text(encoding="utf-8")
    for _, what in schema_leniencies():
        assert f"| {what} |" in page, what
