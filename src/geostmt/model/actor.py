"""Actors: people, states, governments, forces, organisations and media."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from geostmt.errors import Problem, ValidationError
from geostmt.model import _checks
from geostmt.model.enums import ActorKind
from geostmt.model.frozenmap import FrozenMap, check_string_map, to_frozen_map
from geostmt.model.parts import Alias, Role

__all__ = ["Actor"]


_ACTOR_KIND_MEMBERS = _checks.members(ActorKind)


def _identifiers(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    problems = check_string_map(value)
    if problems:
        raise ValidationError(
            Problem(f"{attribute.name}.{key}" if key else attribute.name, message)
            for key, message in problems
        )


def _to_kind(value: ActorKind | str) -> ActorKind:
    return _checks.to_enum(_ACTOR_KIND_MEMBERS, value)


@attrs.frozen(kw_only=True)
class Actor:
    """Someone who acts or speaks: Zelenskyy (``person``), North Korea (``state``), KBS (``media``).

    ``identifiers`` maps a scheme to an id in it (``{"wikidata": "Q3874799"}``).
    """

    TYPE: ClassVar[str] = "actor"

    id: str = attrs.field(validator=_checks.identifier)
    name: str = attrs.field(converter=_checks.to_text, validator=_checks.text)
    kind: ActorKind = attrs.field(converter=_to_kind, validator=_checks.member_of(ActorKind))
    country: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.country_code)
    )
    aliases: tuple[Alias, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.tuple_of(_checks.instance_of(Alias, "an alias")),
    )
    roles: tuple[Role, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.tuple_of(_checks.instance_of(Role, "a role")),
    )
    identifiers: FrozenMap = attrs.field(
        factory=FrozenMap, converter=to_frozen_map, validator=_identifiers
    )
