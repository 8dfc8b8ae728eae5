"""The CAMEO event code book: every code's label, Goldstein score, root and quad class.

GDELT and ICEWS code events with CAMEO: a string of two to four digits whose first two are the
root (``"190"`` is root ``"19"``, fight). Codes keep their leading zeros (``"010"``), so they are
never numbers. The table is the CAMEO 1.1b3 code book as andybega/icews ships it (MIT),
generated into ``data/cameo.json`` by ``scripts/build_cameo_data.py`` and loaded once, on first
use. Its Goldstein scores are the code book's; GDELT's exports differ on a few codes (see
docs/codebooks-cameo.md). The quad class follows from the root alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from geostmt.reference._lazy import Lazy

__all__ = [
    "CameoCode",
    "QUAD_CLASS_NAMES",
    "cameo_code",
    "cameo_codes",
    "is_cameo_code",
    "quad_class",
]

#: Each quad class number (GDELT's QuadClass column) with its name, spelled as PLOVER's quads.
QUAD_CLASS_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# Roots 01-05 are verbal cooperation, 06-09 material cooperation, 10-14 verbal conflict and
# 15-20 material conflict: GDELT's QuadClass column.
_QUAD_BY_ROOT: dict[str, int] = {
    f"{root:02d}": 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
    for root in range(1, 21)
}


class CameoCode(NamedTuple):
    """One code of the CAMEO event code book.

    Attributes:
        code: The code as CAMEO writes it, leading zeros kept (``"010"``).
        label: The code book's label (``"Make statement"``); root codes' labels are in capitals,
            as the code book writes them (``"MAKE PUBLIC STATEMENT"``).
        goldstein: The code book's Goldstein score, -10 (most conflictual) to 10.
        root: The two-digit root code (``"01"``).
        quad_class: 1 to 4, from the root; see :data:`QUAD_CLASS_NAMES`.
    """

    code: str
    label: str
    goldstein: float
    root: str
    quad_class: int


def _load() -> Mapping[str, CameoCode]:
    path = resources.files("geostmt.reference") / "data" / "cameo.json"
    rows = json.loads(path.read_text(encoding="utf-8"))["codes"]
    return MappingProxyType(
        {
            row["code"]: CameoCode(
                code=row["code"],
                label=row["label"],
                goldstein=float(row["goldstein"]),
                root=row["root"],
                quad_class=_QUAD_BY_ROOT[row["root"]],
            )
            for row in rows
        }
    )


_CODES: Lazy[Mapping[str, CameoCode]] = Lazy(_load)


def cameo_codes() -> Mapping[str, CameoCode]:
    """Every code of the code book, root codes included, by code (a read-only view)."""
    return _CODES.get()


def cameo_code(code: str) -> CameoCode:
    """The code book's entry for ``code`` (``"010"``); ``KeyError`` if there is none."""
    return _CODES.get()[code]


def is_cameo_code(code: object) -> bool:
    """Whether ``code`` is a string the code book lists (``"010"`` yes; ``"10"`` is root 10)."""
    return isinstance(code, str) and code in _CODES.get()


def quad_class(root: str) -> int:
    """The quad class (1 to 4) of a two-digit root code (``"19"`` is 4); ``KeyError`` if none."""
    return _QUAD_BY_ROOT[root]
