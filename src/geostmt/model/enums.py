"""The closed vocabularies of the schema; each member's value is its JSON spelling.

Each enum has a ``Literal`` alias of its strings (``ActorKindName``) and a converter typed with
both (``as_actor_kind``), which the record classes use, so type checkers accept
``Actor(kind="person")`` as well as ``Actor(kind=ActorKind.PERSON)``.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any, Literal, TypeAlias

from geostmt.errors import with_article

__all__ = [
    "ActorKind",
    "ActorKindName",
    "AidStage",
    "AidStageName",
    "AidType",
    "AidTypeName",
    "Channel",
    "ChannelName",
    "DeploymentStatus",
    "DeploymentStatusName",
    "ItemCategory",
    "ItemCategoryName",
    "PlaceKind",
    "PlaceKindName",
    "Qualifier",
    "QualifierName",
    "StatementMode",
    "StatementModeName",
    "as_actor_kind",
    "as_aid_stage",
    "as_aid_type",
    "as_channel",
    "as_deployment_status",
    "as_item_category",
    "as_place_kind",
    "as_qualifier",
    "as_statement_mode",
    "document_names",
    "member",
]


class ActorKind(StrEnum):
    """What kind of actor a record describes."""

    PERSON = "person"
    STATE = "state"
    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    ORGANIZATION = "organization"
    MEDIA = "media"
    COMPANY = "company"
    OTHER = "other"


class StatementMode(StrEnum):
    """How the source gives the words: quoted, reported, or both."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Channel(StrEnum):
    """Where the words were said."""

    INTERVIEW = "interview"
    SOCIAL_MEDIA = "social_media"
    PRESS_CONFERENCE = "press_conference"
    SPEECH = "speech"
    WRITTEN_STATEMENT = "written_statement"
    OTHER = "other"


class DeploymentStatus(StrEnum):
    """How sure the reports of a deployment are."""

    REPORTED = "reported"
    CONFIRMED = "confirmed"
    DENIED = "denied"


class AidType(StrEnum):
    """The Kiel Ukraine Support Tracker's three kinds of aid."""

    MILITARY = "military"
    FINANCIAL = "financial"
    HUMANITARIAN = "humanitarian"


class AidStage(StrEnum):
    """How far a package has gone, from words to delivery."""

    ANNOUNCED = "announced"
    COMMITTED = "committed"
    ALLOCATED = "allocated"
    DELIVERED = "delivered"


class ItemCategory(StrEnum):
    """What kind of thing an aid item is."""

    AIR_DEFENSE = "air_defense"
    ARTILLERY = "artillery"
    MUNITIONS = "munitions"
    MISSILES = "missiles"
    ARMORED_VEHICLES = "armored_vehicles"
    ANTI_TANK = "anti_tank"
    AIRCRAFT = "aircraft"
    DRONES = "drones"
    NAVAL = "naval"
    SMALL_ARMS = "small_arms"
    EQUIPMENT = "equipment"
    TRAINING = "training"
    FUNDS = "funds"
    HUMANITARIAN = "humanitarian"
    OTHER = "other"


class PlaceKind(StrEnum):
    """What sort of place a :class:`~geostmt.Place` is."""

    COUNTRY = "country"
    SUBDIVISION = "subdivision"
    CITY = "city"
    REGION = "region"
    OTHER = "other"


class Qualifier(StrEnum):
    """How to read a number: exactly, roughly, as a bound, or as a range (``low`` to ``high``)."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


ActorKindName: TypeAlias = Literal[
    "person",
    "state",
    "government",
    "military",
    "armed_group",
    "organization",
    "media",
    "company",
    "other",
]
"""The string forms of :class:`ActorKind`, as type checkers see them."""

StatementModeName: TypeAlias = Literal["direct", "indirect", "mixed"]
"""The string forms of :class:`StatementMode`, as type checkers see them."""

ChannelName: TypeAlias = Literal[
    "interview",
    "social_media",
    "press_conference",
    "speech",
    "written_statement",
    "other",
]
"""The string forms of :class:`Channel`, as type checkers see them."""

DeploymentStatusName: TypeAlias = Literal["reported", "confirmed", "denied"]
"""The string forms of :class:`DeploymentStatus`, as type checkers see them."""

AidTypeName: TypeAlias = Literal["military", "financial", "humanitarian"]
"""The string forms of :class:`AidType`, as type checkers see them."""

AidStageName: TypeAlias = Literal["announced", "committed", "allocated", "delivered"]
"""The string forms of :class:`AidStage`, as type checkers see them."""

ItemCategoryName: TypeAlias = Literal[
    "air_defense",
    "artillery",
    "munitions",
    "missiles",
    "armored_vehicles",
    "anti_tank",
    "aircraft",
    "drones",
    "naval",
    "small_arms",
    "equipment",
    "training",
    "funds",
    "humanitarian",
    "other",
]
"""The string forms of :class:`ItemCategory`, as type checkers see them."""

PlaceKindName: TypeAlias = Literal["country", "subdivision", "city", "region", "other"]
"""The string forms of :class:`PlaceKind`, as type checkers see them."""

QualifierName: TypeAlias = Literal[
    "exact",
    "approximately",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
]
"""The string forms of :class:`Qualifier`, as type checkers see them."""


def document_names(*pairs: tuple[Any, type[Enum]]) -> None:
    """Give each ``Literal`` alias a docstring naming its enum and strings (``help()`` shows it;
    the aliases are public names)."""
    for alias, enum in pairs:
        strings = ", ".join(repr(member.value) for member in enum)
        alias.__doc__ = f"The strings {with_article(enum.__name__)} field also takes: {strings}."


document_names(
    (ActorKindName, ActorKind),
    (StatementModeName, StatementMode),
    (ChannelName, Channel),
    (DeploymentStatusName, DeploymentStatus),
    (AidTypeName, AidType),
    (AidStageName, AidStage),
    (ItemCategoryName, ItemCategory),
    (PlaceKindName, PlaceKind),
    (QualifierName, Qualifier),
)


def member(enum: type[Enum], value: Any) -> Any:
    """``value`` as a member of ``enum`` where it is one's string value; else ``value`` itself
    (a member, None, or something the validator then reports)."""
    if type(value) is str:
        return enum._value2member_map_.get(value, value)
    return value


def as_actor_kind(value: ActorKind | ActorKindName) -> ActorKind:
    """Converter: an :class:`ActorKind` or its string -> the member (anything else is left for the
    validator to report)."""
    return member(ActorKind, value)  # type: ignore[no-any-return]


def as_statement_mode(value: StatementMode | StatementModeName | None) -> StatementMode | None:
    """Converter: a :class:`StatementMode` or its string -> the member; None stays None (anything
    else is left for the validator to report)."""
    return member(StatementMode, value)  # type: ignore[no-any-return]


def as_channel(value: Channel | ChannelName | None) -> Channel | None:
    """Converter: a :class:`Channel` or its string -> the member; None stays None (anything
    else is left for the validator to report)."""
    return member(Channel, value)  # type: ignore[no-any-return]


def as_deployment_status(
    value: DeploymentStatus | DeploymentStatusName | None,
) -> DeploymentStatus | None:
    """Converter: a :class:`DeploymentStatus` or its string -> the member; None stays None (anything
    else is left for the validator to report)."""
    return member(DeploymentStatus, value)  # type: ignore[no-any-return]


def as_aid_type(value: AidType | AidTypeName | None) -> AidType | None:
    """Converter: an :class:`AidType` or its string -> the member; None stays None (anything
    else is left for the validator to report)."""
    return member(AidType, value)  # type: ignore[no-any-return]


def as_aid_stage(value: AidStage | AidStageName | None) -> AidStage | None:
    """Converter: an :class:`AidStage` or its string -> the member; None stays None (anything
    else is left for the validator to report)."""
    return member(AidStage, value)  # type: ignore[no-any-return]


def as_item_category(value: ItemCategory | ItemCategoryName | None) -> ItemCategory | None:
    """Converter: an :class:`ItemCategory` or its string -> the member; None stays None (anything
    else is left for the validator to report)."""
    return member(ItemCategory, value)  # type: ignore[no-any-return]


def as_place_kind(value: PlaceKind | PlaceKindName) -> PlaceKind:
    """Converter: a :class:`PlaceKind` or its string -> the member (anything else is left for the
    validator to report)."""
    return member(PlaceKind, value)  # type: ignore[no-any-return]


def as_qualifier(value: Qualifier | QualifierName) -> Qualifier:
    """Converter: a :class:`Qualifier` or its string -> the member (anything else is left for the
    validator to report)."""
    return member(Qualifier, value)  # type: ignore[no-any-return]
