"""Aid packages: who gives what to whom, worth how much, and what was left out."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import _checks
from geostmt.model.enums import AidStage, AidType
from geostmt.model.parts import Evidence, Item
from geostmt.model.time import PartialDate, check_partial_date, to_optional_partial_date
from geostmt.model.values import Money

__all__ = ["AidPackage"]

_items = _checks.tuple_of(_checks.instance_of(Item, "an item"))


_AID_TYPE_MEMBERS = _checks.members(AidType)
_AID_STAGE_MEMBERS = _checks.members(AidStage)


def _to_aid_type(value: AidType | str | None) -> AidType | None:
    return None if value is None else _checks.to_enum(_AID_TYPE_MEMBERS, value)


def _to_stage(value: AidStage | str | None) -> AidStage | None:
    return None if value is None else _checks.to_enum(_AID_STAGE_MEMBERS, value)


@attrs.frozen(kw_only=True)
class AidPackage:
    """Aid from ``donor`` to ``recipient``: its value, its ``items``, and what it ``excluded``.

    ``mechanism`` names the legal or budget route (say "Presidential Drawdown Authority").
    """

    TYPE: ClassVar[str] = "aid_package"

    id: str = attrs.field(validator=_checks.identifier)
    donor: str = attrs.field(converter=_checks.to_ref, validator=_checks.identifier)
    recipient: str = attrs.field(converter=_checks.to_ref, validator=_checks.identifier)
    value: Money | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Money, "money"))
    )
    aid_type: AidType | None = attrs.field(
        default=None,
        converter=_to_aid_type,
        validator=_checks.optional(_checks.member_of(AidType)),
    )
    stage: AidStage | None = attrs.field(
        default=None,
        converter=_to_stage,
        validator=_checks.optional(_checks.member_of(AidStage)),
    )
    items: tuple[Item, ...] = attrs.field(default=(), converter=_checks.to_tuple, validator=_items)
    excluded: tuple[Item, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_items
    )
    announced: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_checks.optional(check_partial_date),
    )
    mechanism: str | None = attrs.field(
        default=None, converter=_checks.to_optional_text, validator=_checks.optional(_checks.text)
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.tuple_of(_checks.instance_of(Evidence, "evidence")),
    )
