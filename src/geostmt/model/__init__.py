"""What a record is: frozen attrs classes, their field rules and ``describe()``; no I/O.

Names load on first use, so using one value type (say ``Quantity``) does not build every
record class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geostmt._exports import lazy_getattr

if TYPE_CHECKING:
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
    from geostmt.model.event import AcledCoding, Event, PloverCoding
    from geostmt.model.frozenmap import FrozenMap
    from geostmt.model.parts import Alias, Allocation, Evidence, Item, Role
    from geostmt.model.records import ENUMS, RECORD_CLASSES, RECORD_TYPES, Record
    from geostmt.model.source import Source
    from geostmt.model.spec import FieldSpec, RecordSpec, Reference, describe, references
    from geostmt.model.speech_acts import SPEECH_ACT_CODES, ActCodes, SpeechAct
    from geostmt.model.statement import Statement
    from geostmt.model.time import PartialDate, Period, Precision, resolve_period
    from geostmt.model.values import Money, Place, Quantity

_WHERE = {
    "AcledCoding": "event",
    "Event": "event",
    "PloverCoding": "event",
    "ActCodes": "speech_acts",
    "Actor": "actor",
    "ActorKind": "enums",
    "AidPackage": "aid",
    "AidStage": "enums",
    "AidType": "enums",
    "Alias": "parts",
    "Allocation": "parts",
    "Channel": "enums",
    "Deployment": "deployment",
    "DeploymentStatus": "enums",
    "ENUMS": "records",
    "FieldSpec": "spec",
    "RECORD_CLASSES": "records",
    "RecordSpec": "spec",
    "Reference": "spec",
    "describe": "spec",
    "references": "spec",
    "Evidence": "parts",
    "FrozenMap": "frozenmap",
    "Item": "parts",
    "ItemCategory": "enums",
    "Money": "values",
    "PartialDate": "time",
    "Period": "time",
    "Place": "values",
    "PlaceKind": "enums",
    "Precision": "time",
    "Qualifier": "enums",
    "Quantity": "values",
    "RECORD_TYPES": "records",
    "Record": "records",
    "Role": "parts",
    "SPEECH_ACT_CODES": "speech_acts",
    "Source": "source",
    "SpeechAct": "speech_acts",
    "Statement": "statement",
    "StatementMode": "enums",
    "resolve_period": "time",
}

__all__ = [
    "ENUMS",
    "RECORD_CLASSES",
    "RECORD_TYPES",
    "SPEECH_ACT_CODES",
    "AcledCoding",
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
    "Event",
    "Evidence",
    "FieldSpec",
    "FrozenMap",
    "Item",
    "ItemCategory",
    "Money",
    "PartialDate",
    "Period",
    "Place",
    "PlaceKind",
    "PloverCoding",
    "Precision",
    "Quantity",
    "Qualifier",
    "Record",
    "RecordSpec",
    "Reference",
    "Role",
    "Source",
    "SpeechAct",
    "Statement",
    "StatementMode",
    "describe",
    "references",
    "resolve_period",
]


__getattr__ = lazy_getattr(__name__, _WHERE)
