"""Deployments: forces sent somewhere, how many, where, what for, and how sure."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.enums import DeploymentStatus
from geostmt.model.event import PloverCoding
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Allocation, Evidence
from geostmt.model.time import PartialDate, Period
from geostmt.model.values import Place, Quantity

__all__ = ["Deployment"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Deployment:
    """Troops of ``actor`` sent to ``host``, possibly to fight ``against`` someone.

    ``allocations`` split the force by place (80 percent in Kursk); ``expected`` is when the
    expected activity (``expected_activity``, say "combat operations") should begin.
    """

    TYPE: ClassVar[str] = "deployment"

    id: str = attrs.field(**f.ident())
    actor: str = attrs.field(**f.ref("actor"))
    host: str | None = attrs.field(default=None, **f.ref("actor"))
    against: str | None = attrs.field(default=None, **f.ref("actor"))
    size: Quantity | None = attrs.field(default=None, **f.nested(Quantity))
    location: Place | None = attrs.field(default=None, **f.nested(Place))
    allocations: tuple[Allocation, ...] = attrs.field(default=(), **f.nested(Allocation, many=True))
    purposes: tuple[str, ...] = attrs.field(default=(), **f.text(many=True))
    status: DeploymentStatus | None = attrs.field(default=None, **f.choice(DeploymentStatus))
    start: PartialDate | None = attrs.field(default=None, **f.date())
    expected: Period | None = attrs.field(default=None, **f.nested(Period))
    expected_activity: str | None = attrs.field(default=None, **f.text())
    confirmed_by: tuple[str, ...] = attrs.field(default=(), **f.ref("actor", many=True))
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))

    @property
    def cameo(self) -> str:
        """CAMEO ``"154"``, mobilize or increase armed forces."""
        return "154"

    @property
    def plover(self) -> PloverCoding:
        """PLOVER ``mobilize``."""
        return PloverCoding(category="mobilize")
