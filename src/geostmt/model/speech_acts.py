"""What a speaker does with words, each act mapped to its CAMEO and PLOVER codes.

CAMEO codes are the 1.1b3 codebook's; PLOVER codes are the current manual's categories, in their
lower-case wire spelling (the older 0.5 names DEMAND and DISAPPROVE became ``request`` and
``accuse``). PLOVER deliberately
codes no simple commentary or appeal, so acts that are only that (``confirm``, ``announce``,
``warn``, ``describe``, ``urge``...) have ``plover`` None: a missing code, not a guess.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, NamedTuple, TypeAlias

from geostmt.model.enums import document_names, member

__all__ = ["SPEECH_ACT_CODES", "ActCodes", "SpeechAct", "SpeechActName", "as_speech_act"]


class ActCodes(NamedTuple):
    """An act's event codes and what it means."""

    cameo: str
    plover: str | None
    meaning: str


class SpeechAct(StrEnum):
    """The documented vocabulary of speech acts; ``.cameo`` and ``.plover`` give the codes."""

    STATE = "state"
    CONFIRM = "confirm"
    ANNOUNCE = "announce"
    DESCRIBE = "describe"
    REVEAL = "reveal"
    WARN = "warn"
    URGE = "urge"
    CALL_FOR = "call_for"
    REQUEST = "request"
    DEMAND = "demand"
    PROMISE = "promise"
    AGREE = "agree"
    PRAISE = "praise"
    CRITICIZE = "criticize"
    ACCUSE = "accuse"
    DENY = "deny"
    REJECT = "reject"
    THREATEN = "threaten"

    @property
    def codes(self) -> ActCodes:
        """The act's CAMEO and PLOVER codes and meaning."""
        return SPEECH_ACT_CODES[self]

    @property
    def cameo(self) -> str:
        """The CAMEO event code (``"012"``)."""
        return SPEECH_ACT_CODES[self].cameo

    @property
    def plover(self) -> str | None:
        """The PLOVER event type (``"request"``), or None where PLOVER codes no event."""
        return SPEECH_ACT_CODES[self].plover


SPEECH_ACT_CODES: dict[SpeechAct, ActCodes] = {
    SpeechAct.STATE: ActCodes("010", None, "makes a statement"),
    SpeechAct.CONFIRM: ActCodes("010", None, "confirms a fact others reported"),
    SpeechAct.ANNOUNCE: ActCodes("010", None, "makes something known for the first time"),
    SpeechAct.DESCRIBE: ActCodes("010", None, "characterises a situation"),
    SpeechAct.REVEAL: ActCodes("010", None, "discloses what was not public"),
    SpeechAct.WARN: ActCodes("012", None, "makes a pessimistic comment about a danger"),
    SpeechAct.URGE: ActCodes("020", None, "appeals to another to act"),
    SpeechAct.CALL_FOR: ActCodes("020", None, "appeals for something to be created or done"),
    SpeechAct.REQUEST: ActCodes("020", "request", "asks for something, such as aid"),
    SpeechAct.DEMAND: ActCodes("100", "request", "demands an action"),
    SpeechAct.PROMISE: ActCodes("030", "agree", "expresses intent to cooperate"),
    SpeechAct.AGREE: ActCodes("019", "agree", "expresses accord or agrees to act"),
    SpeechAct.PRAISE: ActCodes("051", "support", "praises or endorses"),
    SpeechAct.CRITICIZE: ActCodes("111", "accuse", "criticises or denounces"),
    SpeechAct.ACCUSE: ActCodes("112", "accuse", "accuses of wrongdoing"),
    SpeechAct.DENY: ActCodes("016", "reject", "denies responsibility or a claim"),
    SpeechAct.REJECT: ActCodes("120", "reject", "rejects a proposal or request"),
    SpeechAct.THREATEN: ActCodes("130", "threaten", "threatens"),
}
"""Each speech act's CAMEO code, PLOVER event type (or None) and plain description."""

SpeechActName: TypeAlias = Literal[
    "state", "confirm", "announce", "describe", "reveal", "warn", "urge", "call_for", "request",
    "demand", "promise", "agree", "praise", "criticize", "accuse", "deny", "reject", "threaten",
]  # fmt: skip
"""The string forms of :class:`SpeechAct`, as type checkers see them."""
document_names((SpeechActName, SpeechAct))


def as_speech_act(value: SpeechAct | SpeechActName | None) -> SpeechAct | None:
    """Converter: a :class:`SpeechAct` or its string -> the member; None stays None (anything
    else is left for the validator to report)."""
    return member(SpeechAct, value)  # type: ignore[no-any-return]
