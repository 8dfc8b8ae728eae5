"""Schema versions on the wire: records may say which version they were written in.

A record may carry ``"schema_version"``. Absent, or equal to :data:`geostmt.SCHEMA_VERSION`,
it is read as it is. An older version is migrated on read, step by step, through
:data:`MIGRATIONS`; a newer or unknown version is refused with a message saying to upgrade.
Version 1.1 only adds to 1.0, so the 1.0 step changes nothing (see docs/versions.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from geostmt._version import SCHEMA_VERSION
from geostmt.errors import ValidationError, shown

__all__ = ["MIGRATIONS", "VERSION_KEY", "Migration", "migrate"]

VERSION_KEY = "schema_version"
Migration = tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]
"""The version a migration leads to, and the function rewriting one record's dict."""


def _unchanged(record: dict[str, Any]) -> dict[str, Any]:
    """1.0 -> 1.1: 1.1 only adds (events, times of day, geonames_id, XK), so a 1.0 record is
    already a 1.1 record."""
    return record


MIGRATIONS: Mapping[str, Migration] = MappingProxyType({"1.0": ("1.1", _unchanged)})
"""Each older version and its step towards the current one (read-only)."""


def migrate(
    data: dict[str, Any], migrations: Mapping[str, Migration] | None = None
) -> dict[str, Any]:
    """``data`` in the current schema version, without its ``schema_version`` key.

    ``migrations`` defaults to :data:`MIGRATIONS`.
    """
    if migrations is None:
        migrations = MIGRATIONS
    if VERSION_KEY not in data:
        return data
    version = data[VERSION_KEY]
    record = {key: value for key, value in data.items() if key != VERSION_KEY}
    seen = set()
    while version != SCHEMA_VERSION:
        step = migrations.get(version) if type(version) is str else None
        if step is None or version in seen:
            raise ValidationError.single(
                VERSION_KEY,
                f"{shown(version)} is not a schema version this geostmt can read "
                f"(it writes {SCHEMA_VERSION}); upgrade geostmt to read newer data",
            )
        seen.add(version)
        version, rewrite = step
        record = rewrite(record)
    return record
