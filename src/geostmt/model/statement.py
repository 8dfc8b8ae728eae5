"""Statements: who said what, to whom, how and where."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.enums import Channel, StatementMode
from geostmt.model.event import PloverCoding
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Evidence
from geostmt.model.speech_acts import SpeechAct
from geostmt.model.time import PartialDate

__all__ = ["Statement"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Statement:
    """Words attributed to a speaker: the text, the act (warn, urge...), channel and evidence.

    ``speaker``, ``outlet``, ``addressees`` and ``about`` hold record ids; the constructor also
    takes the records themselves and keeps their ids.
    """

    TYPE: ClassVar[str] = "statement"

    id: str = attrs.field(**f.ident())
    speaker: str = attrs.field(**f.ref("actor"))
    text: str = attrs.field(**f.text())
    mode: StatementMode | None = attrs.field(default=None, **f.choice(StatementMode))
    act: SpeechAct | None = attrs.field(default=None, **f.choice(SpeechAct))
    channel: Channel | None = attrs.field(default=None, **f.choice(Channel))
    outlet: str | None = attrs.field(default=None, **f.ref("actor"))
    addressees: tuple[str, ...] = attrs.field(default=(), **f.ref("actor", many=True))
    date: PartialDate | None = attrs.field(default=None, **f.date())
    about: tuple[str, ...] = attrs.field(default=(), **f.ref(None, many=True))
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))

    @property
    def cameo(self) -> str | None:
        """The CAMEO event code of the act (``"012"`` for a warning), or None without an act."""
        return None if self.act is None else self.act.cameo

    @property
    def plover(self) -> PloverCoding | None:
        """The PLOVER category of the act, or None where PLOVER codes no event."""
        if self.act is None or self.act.plover is None:
            return None
        return PloverCoding(category=self.act.plover)
