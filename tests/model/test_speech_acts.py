"""Tests for the speech-act vocabulary and its codes."""

from __future__ import annotations

import re

from geostmt import SpeechAct
from geostmt.model.speech_acts import SPEECH_ACT_CODES
from geostmt.reference.cameo import is_cameo_code
from geostmt.reference.plover import plover_categories


def test_every_act_has_codes() -> None:
    """Every act maps to a code of the CAMEO code book and a category of the current PLOVER
    manual (or None)."""
    assert set(SPEECH_ACT_CODES) == set(SpeechAct)
    for act in SpeechAct:
        assert re.fullmatch(r"[0-9]{3,4}", act.cameo)
        assert is_cameo_code(act.cameo), act
        assert act.plover is None or act.plover in plover_categories(), act
        assert act.codes.meaning


def test_known_codes() -> None:
    """The acts of the seed article carry the codes the CAMEO codebook gives."""
    assert SpeechAct.WARN.cameo == "012"
    assert SpeechAct.CONFIRM.cameo == "010"
    assert SpeechAct.URGE.cameo == "020"
    assert SpeechAct.THREATEN.plover == "threaten"
    assert SpeechAct.ACCUSE.plover == "accuse"  # 0.5's DISAPPROVE
    assert SpeechAct.REQUEST.plover == "request"  # the current manual's REQUEST category
    assert SpeechAct.CONFIRM.plover is None  # PLOVER codes no simple commentary
    assert SpeechAct("call_for") is SpeechAct.CALL_FOR
