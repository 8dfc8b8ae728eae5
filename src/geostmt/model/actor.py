"""Actors: people, states, governments, forces, organisations and media."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.enums import ActorKind
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Alias, Role

__all__ = ["Actor"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Actor:
    """Someone who acts or speaks: Zelenskyy (``person``), North Korea (``state``), KBS (``media``).

    ``identifiers`` maps a scheme to an id in it (``{"wikidata": "Q3874799"}``).
    """

    TYPE: ClassVar[str] = "actor"

    id: str = attrs.field(**f.ident())
    name: str = attrs.field(**f.text())
    kind: ActorKind = attrs.field(**f.choice(ActorKind))
    country: str | None = attrs.field(default=None, **f.country())
    aliases: tuple[Alias, ...] = attrs.field(default=(), **f.nested(Alias, many=True))
    roles: tuple[Role, ...] = attrs.field(default=(), **f.nested(Role, many=True))
    identifiers: FrozenMap = attrs.field(factory=FrozenMap, **f.string_map())
