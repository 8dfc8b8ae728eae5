"""Aid packages: who gives what to whom, worth how much, and what was left out."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.enums import AidStage, AidType
from geostmt.model.event import PloverCoding
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Evidence, Item
from geostmt.model.time import PartialDate
from geostmt.model.values import Money

__all__ = ["AidPackage"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class AidPackage:
    """Aid from ``donor`` to ``recipient``: its value, its ``items``, and what it ``excluded``.

    ``mechanism`` names the legal or budget route (say "Presidential Drawdown Authority").
    """

    TYPE: ClassVar[str] = "aid_package"

    id: str = attrs.field(**f.ident())
    donor: str = attrs.field(**f.ref("actor"))
    recipient: str = attrs.field(**f.ref("actor"))
    value: Money | None = attrs.field(default=None, **f.nested(Money))
    aid_type: AidType | None = attrs.field(default=None, **f.choice(AidType))
    stage: AidStage | None = attrs.field(default=None, **f.choice(AidStage))
    items: tuple[Item, ...] = attrs.field(default=(), **f.nested(Item, many=True))
    excluded: tuple[Item, ...] = attrs.field(default=(), **f.nested(Item, many=True))
    announced: PartialDate | None = attrs.field(default=None, **f.date())
    mechanism: str | None = attrs.field(default=None, **f.text())
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))

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
