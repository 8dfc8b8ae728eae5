"""A strategy of almost-valid records: one field dropped, added or given a bad value."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

import geostmt as g
from geostmt import strategies as gs

BAD_VALUES: list[Any] = [None, "", " ", "x y", -1, 1.5, True, [], {}, "usd", "2024-13", "-5"]


@st.composite
def mutated(draw: Any) -> dict[str, Any]:
    """A valid record's JSON with one field dropped, added or given another value."""
    data = json.loads(g.dumps(draw(gs.records())))
    target: Any = data
    while True:  # walk down into a nested object now and then
        nested = [k for k, v in target.items() if isinstance(v, dict) and k != "identifiers"]
        if not nested or draw(st.booleans()):
            break
        target = target[draw(st.sampled_from(sorted(nested)))]
    keys = sorted(k for k in target if k != "type")
    action = draw(st.sampled_from(["drop", "add", "set"] if keys else ["add"]))
    if action == "drop":
        del target[draw(st.sampled_from(keys))]
    elif action == "add":
        target[draw(st.sampled_from(["colour", "notes", "Id"]))] = 1
    else:
        target[draw(st.sampled_from(keys))] = draw(st.sampled_from(BAD_VALUES))
    return data
