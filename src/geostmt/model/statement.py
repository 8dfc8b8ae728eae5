"""Statements: who said what, to whom, how and where."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import _checks
from geostmt.model.enums import Channel, StatementMode
from geostmt.model.parts import Evidence
from geostmt.model.speech_acts import SpeechAct
from geostmt.model.time import PartialDate, check_partial_date, to_optional_partial_date

__all__ = ["Statement"]

_evidence = _checks.tuple_of(_checks.instance_of(Evidence, "evidence"))
_refs = _checks.tuple_of(_checks.identifier)


_CHANNEL_MEMBERS = _checks.members(Channel)
_STATEMENT_MODE_MEMBERS = _checks.members(StatementMode)
_SPEECH_ACT_MEMBERS = _checks.members(SpeechAct)


def _to_mode(value: StatementMode | str | None) -> StatementMode | None:
    return None if value is None else _checks.to_enum(_STATEMENT_MODE_MEMBERS, value)


def _to_act(value: SpeechAct | str | None) -> SpeechAct | None:
    return None if value is None else _checks.to_enum(_SPEECH_ACT_MEMBERS, value)


def _to_channel(value: Channel | str | None) -> Channel | None:
    return None if value is None else _checks.to_enum(_CHANNEL_MEMBERS, value)


@attrs.frozen(kw_only=True)
class Statement:
    """Words attributed to a speaker: the text, the act (warn, urge...), channel and evidence.

    ``speaker``, ``outlet``, ``addressees`` and ``about`` hold record ids; the constructor also
    takes the records themselves and keeps their ids.
    """

    TYPE: ClassVar[str] = "statement"

    id: str = attrs.field(validator=_checks.identifier)
    speaker: str = attrs.field(converter=_checks.to_ref, validator=_checks.identifier)
    text: str = attrs.field(converter=_checks.to_text, validator=_checks.text)
    mode: StatementMode | None = attrs.field(
        default=None,
        converter=_to_mode,
        validator=_checks.optional(_checks.member_of(StatementMode)),
    )
    act: SpeechAct | None = attrs.field(
        default=None,
        converter=_to_act,
        validator=_checks.optional(_checks.member_of(SpeechAct)),
    )
    channel: Channel | None = attrs.field(
        default=None,
        converter=_to_channel,
        validator=_checks.optional(_checks.member_of(Channel)),
    )
    outlet: str | None = attrs.field(
        default=None,
        converter=_checks.to_optional_ref,
        validator=_checks.optional(_checks.identifier),
    )
    addressees: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.to_refs, validator=_refs
    )
    date: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_checks.optional(check_partial_date),
    )
    about: tuple[str, ...] = attrs.field(default=(), converter=_checks.to_refs, validator=_refs)
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_evidence
    )
