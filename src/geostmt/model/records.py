"""The record types together: the ``Record`` union, the classes by ``type`` tag, the enums."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeAlias

from geostmt.model.actor import Actor
from geostmt.model.aid import AidPackage
from geostmt.model.deployment import Deployment
from geostmt.model.event import Event
from geostmt.model.rules import Choice
from geostmt.model.source import Source
from geostmt.model.spec import describe
from geostmt.model.statement import Statement

__all__ = ["ENUMS", "RECORD_CLASSES", "RECORD_TYPES", "Record"]

Record: TypeAlias = Actor | Source | Statement | Deployment | AidPackage | Event
"""Any of the record types."""

RECORD_CLASSES: tuple[type[Record], ...] = (
    Actor, Source, Statement, Deployment, AidPackage, Event,
)  # fmt: skip
"""The one list of record types, in the order records that others refer to come first; every
other part of geostmt (wire, schema, dataset, strategies) loops over it."""

RECORD_TYPES: dict[str, type[Record]] = {cls.TYPE: cls for cls in RECORD_CLASSES}
"""Each record class by its ``type`` tag."""


def _enums() -> tuple[type[Enum], ...]:
    found: dict[type[Enum], None] = {}
    seen: set[type[Any]] = set()

    def walk(cls: type[Any]) -> None:
        seen.add(cls)
        for field in describe(cls).fields:
            if isinstance(field.rule, Choice):
                found[field.rule.enum] = None
            elif field.nested is not None and field.nested not in seen:
                walk(field.nested)

    for cls in RECORD_CLASSES:
        walk(cls)
    return tuple(sorted(found, key=lambda enum: enum.__name__))


ENUMS: tuple[type[Enum], ...] = _enums()
"""Every closed vocabulary of the schema, found by walking the record types."""
