"""The closed vocabularies of the schema; each member's value is its JSON spelling."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ActorKind",
    "AidStage",
    "AidType",
    "Channel",
    "DeploymentStatus",
    "ItemCategory",
    "PlaceKind",
    "Qualifier",
    "StatementMode",
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
