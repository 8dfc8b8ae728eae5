"""geostmt: one validated, shared schema for geopolitical statements and events in the news.

Records: Actor, Source, Statement, Deployment, AidPackage, Event (Record is any of them).
Values and parts: Quantity, Money, Place, PartialDate, Period, Alias, Role, Evidence,
Allocation, Item, PloverCoding, AcledCoding, FrozenMap, Conversion.
Vocabularies: ActorKind, StatementMode, SpeechAct, Channel, DeploymentStatus, AidType,
AidStage, ItemCategory, PlaceKind, Qualifier, Precision; each ``...Name`` is the Literal of
its strings (fields take the enum or its string).
Text -> values: parse_money, parse_quantity, parse_place, find_money, find_quantities,
find_places (MoneyMatch, QuantityMatch, PlaceMatch), resolve_period.
JSON: to_dict, from_dict, dumps, loads, read_jsonl, scan_jsonl, validate_jsonl, write_jsonl,
json_schema, make_converter, configure_converter; Dataset and Origin for sets of records.
Errors: GeostmtError, ValidationError (with its Problems), ParseError, RateError,
UnknownLocaleError.

Change a record with ``attrs.evolve(record, field=value)``: records are frozen, and the new
one is validated. ``help(geostmt.Actor)`` documents one name; this page stays short.

The names load on first use (PEP 562), so ``import geostmt`` stays as cheap as
``import attrs``: cattrs, pint, babel and reference data load only when something needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geostmt._exports import in_pydoc_listing, lazy_getattr
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
    from geostmt.model.enums import (
        ActorKindName,
        AidStageName,
        AidTypeName,
        ChannelName,
        DeploymentStatusName,
        ItemCategoryName,
        PlaceKindName,
        QualifierName,
        StatementModeName,
    )
    from geostmt.model.source import Source
    from geostmt.model.speech_acts import SpeechActName
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
    "ActorKindName": "geostmt.model.enums",
    "AidStageName": "geostmt.model.enums",
    "AidTypeName": "geostmt.model.enums",
    "ChannelName": "geostmt.model.enums",
    "DeploymentStatusName": "geostmt.model.enums",
    "ItemCategoryName": "geostmt.model.enums",
    "PlaceKindName": "geostmt.model.enums",
    "QualifierName": "geostmt.model.enums",
    "StatementModeName": "geostmt.model.enums",
    "SpeechActName": "geostmt.model.speech_acts",
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
    "ActorKindName",
    "AidPackage",
    "AidStage",
    "AidStageName",
    "AidType",
    "AidTypeName",
    "Alias",
    "Allocation",
    "Channel",
    "ChannelName",
    "Conversion",
    "Dataset",
    "Deployment",
    "DeploymentStatus",
    "DeploymentStatusName",
    "Event",
    "Evidence",
    "FrozenMap",
    "GeostmtError",
    "Item",
    "ItemCategory",
    "ItemCategoryName",
    "Money",
    "MoneyMatch",
    "Origin",
    "ParseError",
    "PartialDate",
    "Period",
    "Place",
    "PlaceKind",
    "PlaceKindName",
    "PlaceMatch",
    "PloverCoding",
    "Precision",
    "Problem",
    "Qualifier",
    "QualifierName",
    "Quantity",
    "QuantityMatch",
    "RateError",
    "Record",
    "Role",
    "SCHEMA_VERSION",
    "Source",
    "SpeechAct",
    "SpeechActName",
    "Statement",
    "StatementMode",
    "StatementModeName",
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
    """The public names (``__all__``) only; none while :mod:`pydoc` lists the module's members,
    so ``help(geostmt)`` is the page above, not the whole API (``help(geostmt.Actor)`` gives
    one name's)."""
    return [] if in_pydoc_listing() else list(__all__)
