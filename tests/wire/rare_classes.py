"""Classes the generated decoders and writers meet rarely, shared by their tests."""

from __future__ import annotations

from typing import Any

import attrs

from geostmt.model import fields as f
from geostmt.model.rules import Nested

_ITSELF = Nested(object)


@attrs.frozen(kw_only=True)
class Node:
    """A class nested in itself (no geostmt class is, yet)."""

    name: str = attrs.field(**f.text())
    child: Any = attrs.field(default=None, **f.field(_ITSELF))


_ITSELF.cls = Node
