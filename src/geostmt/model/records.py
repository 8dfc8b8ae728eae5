"""The five record types together: the ``Record`` union, the classes by ``type`` tag, the enums."""

from __future__ import annotations

from enum import Enum
from typing import TypeAlias

from geostmt.model.actor import Actor
from geostmt.model.aid import AidPackage
from geostmt.model.deployment import Deployment
from geostmt.model.enums import (
    ActorKind,
    AidStage,
    AidType,
    Channel,
    DeploymentStatus,
    ItemCategory,
    PlaceKind,
    Qualifier,
    StatementMode,
)
from geostmt.model.source import Source
from geostmt.model.speech_acts import SpeechAct
from geostmt.model.statement import Statement

__all__ = ["ENUMS", "RECORD_TYPES", "Record"]

Record: TypeAlias = Actor | Source | Statement | Deployment | AidPackage
"""Any of the five record types."""

ENUMS: tuple[type[Enum], ...] = (
    ActorKind,
    AidStage,
    AidType,
    Channel,
    DeploymentStatus,
    ItemCategory,
    PlaceKind,
    Qualifier,
    SpeechAct,
    StatementMode,
)
"""Every closed vocabulary of the schema."""

RECORD_TYPES: dict[str, type[Record]] = {
    cls.TYPE: cls for cls in (Actor, Source, Statement, Deployment, AidPackage)
}
"""Each record class by its ``type`` tag."""
