"""Deployments: forces sent somewhere, how many, where, what for, and how sure."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import _checks
from geostmt.model.enums import DeploymentStatus
from geostmt.model.parts import Allocation, Evidence
from geostmt.model.time import (
    PartialDate,
    Period,
    check_partial_date,
    to_optional_partial_date,
)
from geostmt.model.values import Place, Quantity

__all__ = ["Deployment"]


_DEPLOYMENT_STATUS_MEMBERS = _checks.members(DeploymentStatus)


def _to_status(value: DeploymentStatus | str | None) -> DeploymentStatus | None:
    return None if value is None else _checks.to_enum(_DEPLOYMENT_STATUS_MEMBERS, value)


@attrs.frozen(kw_only=True)
class Deployment:
    """Troops of ``actor`` sent to ``host``, possibly to fight ``against`` someone.

    ``allocations`` split the force by place (80 percent in Kursk); ``expected`` is when the
    expected activity (``expected_activity``, say "combat operations") should begin.
    """

    TYPE: ClassVar[str] = "deployment"

    id: str = attrs.field(validator=_checks.identifier)
    actor: str = attrs.field(converter=_checks.to_ref, validator=_checks.identifier)
    host: str | None = attrs.field(
        default=None,
        converter=_checks.to_optional_ref,
        validator=_checks.optional(_checks.identifier),
    )
    against: str | None = attrs.field(
        default=None,
        converter=_checks.to_optional_ref,
        validator=_checks.optional(_checks.identifier),
    )
    size: Quantity | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Quantity, "a quantity"))
    )
    location: Place | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Place, "a place"))
    )
    allocations: tuple[Allocation, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.tuple_of(_checks.instance_of(Allocation, "an allocation")),
    )
    purposes: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.to_texts, validator=_checks.tuple_of(_checks.text)
    )
    status: DeploymentStatus | None = attrs.field(
        default=None,
        converter=_to_status,
        validator=_checks.optional(_checks.member_of(DeploymentStatus)),
    )
    start: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_checks.optional(check_partial_date),
    )
    expected: Period | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Period, "a period"))
    )
    expected_activity: str | None = attrs.field(
        default=None, converter=_checks.to_optional_text, validator=_checks.optional(_checks.text)
    )
    confirmed_by: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.to_refs, validator=_checks.tuple_of(_checks.identifier)
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.tuple_of(_checks.instance_of(Evidence, "evidence")),
    )
