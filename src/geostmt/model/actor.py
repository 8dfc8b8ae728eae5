"""Actors: people, states, governments, forces, organisations and media."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.enums import ActorKind, as_actor_kind
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Alias, Role

__all__ = ["Actor"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Actor(Base):
    """Someone who acts or speaks: Zelenskyy (``person``), North Korea (``state``), KBS (``media``).

    ``identifiers`` maps a scheme to an id in it (``{"wikidata": "Q3874799"}``).
    """

    TYPE: ClassVar[str] = "actor"

    id: str = attrs.field(**f.ident())
    """The actor's id, referred to by other records (``north-korea``, ``Q3874799``)."""
    name: str = attrs.field(**f.text())
    """The name the actor is best known by."""
    kind: ActorKind = attrs.field(converter=as_actor_kind, **f.choice(ActorKind))
    """What kind of actor: a person, a state, a government, a military, an armed group, an
    organization, a media outlet, a company or other."""
    country: str | None = attrs.field(default=None, **f.country())
    """The actor's country, as an ISO 3166-1 alpha-2 code (``KP``)."""
    aliases: tuple[Alias, ...] = attrs.field(default=(), **f.nested(Alias, many=True))
    """Other names, each with its language where known."""
    roles: tuple[Role, ...] = attrs.field(default=(), **f.nested(Role, many=True))
    """Positions the actor holds or held, with their dates."""
    identifiers: FrozenMap = attrs.field(factory=FrozenMap, **f.string_map())
    """Ids in other schemes by scheme name (``{"wikidata": "Q3874799"}``)."""
