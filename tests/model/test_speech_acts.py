"""Tests for the speech-act vocabulary and its codes."""

from __future__ import annotations

import re

from geostmt import SpeechAct
from geostmt.model.speech_acts import SPEECH_ACT_CODES

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME", "SANCTION", "MOBILIZE",
    "COERCE", "ASSAULT",
}  # fmt: skip


def test_every_act_has_codes() -> None:
    """Every act maps to a three- or four-digit CAMEO code and a PLOVER type or None."""
    assert set(SPEECH_ACT_CODES) == set(SpeechAct)
    for act in SpeechAct:
        assert re.fullmatch(r"[0-9]{3,4}", act.cameo)
        assert act.plover is None or act.plover in PLOVER
        assert act.codes.meaning


def test_known_codes() -> None:
    """The acts of the seed article carry the codes the CAMEO codebook gives."""
    assert SpeechAct.WARN.cameo == "012"
    assert SpeechAct.CONFIRM.cameo == "010"
    assert SpeechAct.URGE.cameo == "020"
    assert SpeechAct.THREATEN.plover == "THREATEN"
    assert SpeechAct.ACCUSE.plover == "DISAPPROVE"
    assert SpeechAct.CONFIRM.plover is None  # PLOVER codes no simple commentary
    assert SpeechAct("call_for") is SpeechAct.CALL_FOR
