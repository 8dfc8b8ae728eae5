"""What a record is: frozen attrs classes and their validators; no I/O, no parsing."""

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
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.parts import Alias, Allocation, Evidence, Item, Role
from geostmt.model.source import Source
from geostmt.model.speech_acts import SPEECH_ACT_CODES, ActCodes, SpeechAct
from geostmt.model.statement import Statement
from geostmt.model.time import PartialDate, Period, Precision, resolve_period
from geostmt.model.values import Money, Place, Quantity

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

__all__ = [
    "ENUMS",
    "RECORD_TYPES",
    "SPEECH_ACT_CODES",
    "ActCodes",
    "Actor",
    "ActorKind",
    "AidPackage",
    "AidStage",
    "AidType",
    "Alias",
    "Allocation",
    "Channel",
    "Deployment",
    "DeploymentStatus",
    "Evidence",
    "FrozenMap",
    "Item",
    "ItemCategory",
    "Money",
    "PartialDate",
    "Period",
    "Place",
    "PlaceKind",
    "Precision",
    "Quantity",
    "Qualifier",
    "Record",
    "Role",
    "Source",
    "SpeechAct",
    "Statement",
    "StatementMode",
    "resolve_period",
]
