"""Tests for schema versions: current records read as they are, older ones migrated on read."""

from __future__ import annotations

import json
from typing import Any

import pytest

import geostmt as g
from geostmt.wire import versions
from tests.conftest import ROOT

# A record as a hypothetical version 0.9 wrote it: the package's value was "value_usd", a bare
# number. The migration below exists only in this test: 1.0 is geostmt's first published format.
OLDER = (ROOT / "tests" / "wire" / "fixtures" / "aid_package-0.9.json").read_text("utf-8")


def _from_0_9(record: dict[str, Any]) -> dict[str, Any]:
    record = dict(record)
    record["value"] = {"amount": str(record.pop("value_usd")), "currency": "USD"}
    return record


def test_current_version_reads_as_is() -> None:
    """A record saying it is of the current version, or saying nothing, reads the same."""
    data = {"type": "actor", "id": "kbs", "name": "KBS", "kind": "media"}
    tagged = {**data, "schema_version": g.SCHEMA_VERSION}
    assert g.from_dict(tagged) == g.from_dict(data)


def test_older_record_is_migrated_on_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """An older record goes through the migrations to the current version."""
    monkeypatch.setattr(versions, "MIGRATIONS", {"0.9": (g.SCHEMA_VERSION, _from_0_9)})
    package = g.loads(OLDER)
    assert isinstance(package, g.AidPackage)
    assert package.value == g.Money(amount=425_000_000, currency="USD")
    assert "schema_version" not in g.to_dict(package)


@pytest.mark.parametrize("version", ["0.9", "2.0", 1])
def test_unknown_versions_are_refused(version: object) -> None:
    """A version with no migration, or a newer one, is a ValidationError saying what to do."""
    data = json.loads(OLDER) | {"schema_version": version}
    with pytest.raises(g.ValidationError, match="upgrade geostmt") as caught:
        g.from_dict(data)
    assert caught.value.problems[0].path == "schema_version"
