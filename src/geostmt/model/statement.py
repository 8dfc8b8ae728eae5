"""Statements: who said what, to whom, how and where."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.enums import Channel, StatementMode, as_channel, as_statement_mode
from geostmt.model.event import PloverCoding
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Evidence
from geostmt.model.speech_acts import SpeechAct, as_speech_act
from geostmt.model.time import PartialDate

__all__ = ["Statement"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Statement(Base):
    """Words attributed to a speaker: the text, the act (warn, urge...), channel and evidence.

    ``speaker``, ``outlet``, ``addressees`` and ``about`` hold record ids; the constructor also
    takes the records themselves and keeps their ids.
    """

    TYPE: ClassVar[str] = "statement"

    id: str = attrs.field(**f.ident())
    """The statement's id."""
    speaker: str = attrs.field(**f.ref("actor"))
    """The id of the actor who spoke."""
    text: str = attrs.field(**f.text())
    """The words said, quoted or reported."""
    mode: StatementMode | None = attrs.field(
        default=None, converter=as_statement_mode, **f.choice(StatementMode)
    )
    """How the source gives the words: ``direct`` (a quote), ``indirect`` (reported speech) or
    ``mixed``."""
    act: SpeechAct | None = attrs.field(
        default=None, converter=as_speech_act, **f.choice(SpeechAct)
    )
    """What the speaker does by speaking (warn, urge, confirm, deny...), each with its CAMEO and
    PLOVER code."""
    channel: Channel | None = attrs.field(default=None, converter=as_channel, **f.choice(Channel))
    """Where the words were said (an interview, a speech, social media...)."""
    outlet: str | None = attrs.field(default=None, **f.ref("actor"))
    """The id of the medium that carried the words (an actor, such as KBS)."""
    addressees: tuple[str, ...] = attrs.field(default=(), **f.ref("actor", many=True))
    """The ids of the actors spoken to."""
    date: PartialDate | None = attrs.field(default=None, **f.date())
    """When the words were said."""
    about: tuple[str, ...] = attrs.field(default=(), **f.ref(None, many=True))
    """The ids of the records the statement is about (of any type)."""
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))
    """Where the sources say this."""

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
