"""Aid packages: who gives what to whom, worth how much, and what was left out."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.enums import AidStage, AidType, as_aid_stage, as_aid_type
from geostmt.model.event import PloverCoding
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Evidence, Item
from geostmt.model.time import PartialDate
from geostmt.model.values import Money

__all__ = ["AidPackage"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class AidPackage(Base):
    """Aid from ``donor`` to ``recipient``: its value, its ``items``, and what it ``excluded``.

    ``mechanism`` names the legal or budget route (say "Presidential Drawdown Authority").
    """

    TYPE: ClassVar[str] = "aid_package"

    id: str = attrs.field(**f.ident())
    """The package's id."""
    donor: str = attrs.field(**f.ref("actor"))
    """The id of the actor giving the aid."""
    recipient: str = attrs.field(**f.ref("actor"))
    """The id of the actor receiving it."""
    value: Money | None = attrs.field(default=None, **f.nested(Money))
    """What the package is worth."""
    aid_type: AidType | None = attrs.field(default=None, converter=as_aid_type, **f.choice(AidType))
    """The kind of aid: military, financial or humanitarian."""
    stage: AidStage | None = attrs.field(default=None, converter=as_aid_stage, **f.choice(AidStage))
    """How far the package has gone: announced, committed, allocated or delivered."""
    items: tuple[Item, ...] = attrs.field(default=(), **f.nested(Item, many=True))
    """What the package holds."""
    excluded: tuple[Item, ...] = attrs.field(default=(), **f.nested(Item, many=True))
    """What it leaves out, such as items requested but not given."""
    announced: PartialDate | None = attrs.field(default=None, **f.date())
    """When the package was announced."""
    mechanism: str | None = attrs.field(default=None, **f.text())
    """The legal or budget route (``Presidential Drawdown Authority``)."""
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))
    """Where the sources say this."""

    @property
    def cameo(self) -> str:
        """CAMEO 07x by aid type: ``"071"`` economic, ``"072"`` military, ``"073"``
        humanitarian, ``"070"`` when the type is not known."""
        return _CAMEO_BY_AID_TYPE[self.aid_type]

    @property
    def plover(self) -> PloverCoding:
        """PLOVER ``aid``."""
        return PloverCoding(category="aid")


_CAMEO_BY_AID_TYPE = {
    None: "070",
    AidType.FINANCIAL: "071",
    AidType.MILITARY: "072",
    AidType.HUMANITARIAN: "073",
}
