"""Deployments: forces sent somewhere, how many, where, what for, and how sure."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.enums import DeploymentStatus, as_deployment_status
from geostmt.model.event import PloverCoding
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Allocation, Evidence
from geostmt.model.time import PartialDate, Period
from geostmt.model.values import Place, Quantity

__all__ = ["Deployment"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Deployment(Base):
    """Troops of ``actor`` sent to ``host``, possibly to fight ``against`` someone.

    ``allocations`` split the force by place (80 percent in Kursk); ``expected`` is when the
    expected activity (``expected_activity``, say "combat operations") should begin.
    """

    TYPE: ClassVar[str] = "deployment"

    id: str = attrs.field(**f.ident())
    """The deployment's id."""
    actor: str = attrs.field(**f.ref("actor"))
    """The id of the actor who sends the force."""
    host: str | None = attrs.field(default=None, **f.ref("actor"))
    """The id of the actor where the force goes."""
    against: str | None = attrs.field(default=None, **f.ref("actor"))
    """The id of the actor the force is sent against."""
    size: Quantity | None = attrs.field(default=None, **f.nested(Quantity))
    """How large the force is (``around 10,000 soldiers``)."""
    location: Place | None = attrs.field(default=None, **f.nested(Place))
    """Where the force is."""
    allocations: tuple[Allocation, ...] = attrs.field(default=(), **f.nested(Allocation, many=True))
    """How the force is split between places (``80 percent in Kursk``)."""
    purposes: tuple[str, ...] = attrs.field(default=(), **f.text(many=True))
    """What the force is for, in the source's words."""
    status: DeploymentStatus | None = attrs.field(
        default=None, converter=as_deployment_status, **f.choice(DeploymentStatus)
    )
    """How sure the reports are: reported, confirmed or denied."""
    start: PartialDate | None = attrs.field(default=None, **f.date())
    """When the deployment began."""
    expected: Period | None = attrs.field(default=None, **f.nested(Period))
    """When the expected activity should happen (``in the coming days``, resolved against the
    source's date)."""
    expected_activity: str | None = attrs.field(default=None, **f.text())
    """What the force is expected to do (``combat operations``)."""
    confirmed_by: tuple[str, ...] = attrs.field(default=(), **f.ref("actor", many=True))
    """The ids of the actors who confirmed the deployment."""
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))
    """Where the sources say this."""

    @property
    def cameo(self) -> str:
        """CAMEO ``"154"``, mobilize or increase armed forces."""
        return "154"

    @property
    def plover(self) -> PloverCoding:
        """PLOVER ``mobilize``."""
        return PloverCoding(category="mobilize")
