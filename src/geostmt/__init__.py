"""geostmt: one validated, shared schema for geopolitical statements and events in the news.

The names below load on first use (PEP 562), so ``import geostmt`` stays as cheap as
``import attrs``: cattrs, pint, babel and reference data load only when something needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geostmt._exports import lazy_getattr
from geostmt._version import SCHEMA_VERSION, __version__

if TYPE_CHECKING:
    from geostmt.dataset import Dataset, Origin
    from geostmt.errors import (
        GeostmtError,
        ParseError,
        Problem,
        RateError,
        UnknownLocaleError,
        ValidationError,
    )
    from geostmt.model import (
        AcledCoding,
        ActorKind,
        AidStage,
        AidType,
        Alias,
        Allocation,
        Channel,
        DeploymentStatus,
        Event,
        Evidence,
        FrozenMap,
        Item,
        ItemCategory,
        PartialDate,
        Period,
        PlaceKind,
        PloverCoding,
        Precision,
        Qualifier,
        Record,
        Role,
        SpeechAct,
        StatementMode,
        resolve_period,
    )
    from geostmt.model.actor import Actor
    from geostmt.model.aid import AidPackage
    from geostmt.model.conversion import Conversion
    from geostmt.model.deployment import Deployment
    from geostmt.model.source import Source
    from geostmt.model.statement import Statement
    from geostmt.model.values import Money, Place, Quantity
    from geostmt.normalise import (
        MoneyMatch,
        PlaceMatch,
        QuantityMatch,
        find_money,
        find_places,
        find_quantities,
        parse_money,
        parse_place,
        parse_quantity,
    )
    from geostmt.wire import (
        configure_converter,
        dumps,
        from_dict,
        json_schema,
        loads,
        make_converter,
        read_jsonl,
        scan_jsonl,
        to_dict,
        validate_jsonl,
        write_jsonl,
    )

_WHERE: dict[str, str] = {
    "AcledCoding": "geostmt.model",
    "Event": "geostmt.model",
    "PloverCoding": "geostmt.model",
    "Actor": "geostmt.model",
    "ActorKind": "geostmt.model",
    "AidPackage": "geostmt.model",
    "AidStage": "geostmt.model",
    "AidType": "geostmt.model",
    "Alias": "geostmt.model",
    "Allocation": "geostmt.model",
    "Channel": "geostmt.model",
    "Dataset": "geostmt.dataset",
    "Deployment": "geostmt.model",
    "DeploymentStatus": "geostmt.model",
    "Evidence": "geostmt.model",
    "FrozenMap": "geostmt.model",
    "GeostmtError": "geostmt.errors",
    "Item": "geostmt.model",
    "ItemCategory": "geostmt.model",
    "Money": "geostmt.model",
    "MoneyMatch": "geostmt.normalise.money",
    "Origin": "geostmt.dataset",
    "ParseError": "geostmt.errors",
    "PartialDate": "geostmt.model",
    "Period": "geostmt.model",
    "Place": "geostmt.model",
    "PlaceMatch": "geostmt.normalise.places",
    "PlaceKind": "geostmt.model",
    "Precision": "geostmt.model",
    "Problem": "geostmt.errors",
    "Qualifier": "geostmt.model",
    "QuantityMatch": "geostmt.normalise.quantities",
    "Quantity": "geostmt.model",
    "Record": "geostmt.model",
    "Role": "geostmt.model",
    "UnknownLocaleError": "geostmt.errors",
    "Source": "geostmt.model",
    "SpeechAct": "geostmt.model",
    "Statement": "geostmt.model",
    "StatementMode": "geostmt.model",
    "RateError": "geostmt.errors",
    "ValidationError": "geostmt.errors",
    "Conversion": "geostmt.model.conversion",
    "configure_converter": "geostmt.wire",
    "dumps": "geostmt.wire",
    "find_money": "geostmt.normalise.money",
    "find_places": "geostmt.normalise.places",
    "find_quantities": "geostmt.normalise.quantities",
    "parse_money": "geostmt.normalise.money",
    "parse_place": "geostmt.normalise.places",
    "parse_quantity": "geostmt.normalise.quantities",
    "from_dict": "geostmt.wire",
    "json_schema": "geostmt.wire",
    "loads": "geostmt.wire",
    "make_converter": "geostmt.wire",
    "read_jsonl": "geostmt.wire",
    "resolve_period": "geostmt.model",
    "scan_jsonl": "geostmt.wire",
    "to_dict": "geostmt.wire",
    "validate_jsonl": "geostmt.wire",
    "write_jsonl": "geostmt.wire",
}

__all__ = [
    "AcledCoding",
    "Actor",
    "ActorKind",
    "AidPackage",
    "AidStage",
    "AidType",
    "Alias",
    "Allocation",
    "Channel",
    "Conversion",
    "Dataset",
    "Deployment",
    "DeploymentStatus",
    "Event",
    "Evidence",
    "FrozenMap",
    "GeostmtError",
    "Item",
    "ItemCategory",
    "Money",
    "MoneyMatch",
    "Origin",
    "ParseError",
    "PartialDate",
    "Period",
    "Place",
    "PlaceKind",
    "PlaceMatch",
    "PloverCoding",
    "Precision",
    "Problem",
    "Qualifier",
    "Quantity",
    "QuantityMatch",
    "RateError",
    "Record",
    "Role",
    "SCHEMA_VERSION",
    "Source",
    "SpeechAct",
    "Statement",
    "StatementMode",
    "UnknownLocaleError",
    "ValidationError",
    "__version__",
    "configure_converter",
    "dumps",
    "find_money",
    "find_places",
    "find_quantities",
    "from_dict",
    "json_schema",
    "loads",
    "make_converter",
    "parse_money",
    "parse_place",
    "parse_quantity",
    "read_jsonl",
    "resolve_period",
    "scan_jsonl",
    "to_dict",
    "validate_jsonl",
    "write_jsonl",
]


__getattr__ = lazy_getattr(__name__, _WHERE)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
