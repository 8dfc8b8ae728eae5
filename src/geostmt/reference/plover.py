"""The PLOVER event code book: its 16 categories, their modes, the contexts, older names.

PLOVER (openeventdata/PLOVER, CC BY-SA 4.0) replaces CAMEO's hundreds of numbered codes with
16 event categories, each with an optional ``mode`` (how) and any number of ``contexts`` (why).
``Event.plover`` is checked against these tables, written in PLOVER's lower-case wire
spelling (``"assault"``, ``"heavy-weapons"``, ``"human_rights"``). The category table is
hand-written from the current manual; the CAMEO translation is the project's 2021 draft table,
generated into ``data/cameo_plover.json`` by ``scripts/build_plover_data.py`` and loaded once,
on first use. Files coded with the older 0.5 schema use other category names (``DEMAND``,
``FIGHT``...); :data:`OLD_PLOVER_NAMES` says what each became. The ``is_*`` checks and the
lookups answer False or None for anything else, non-strings included; only
:func:`plover_category` raises.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, NamedTuple

from geostmt.reference._lazy import Lazy

__all__ = [
    "OLD_PLOVER_NAMES",
    "PLOVER_AUXILIARY_MODES",
    "PLOVER_CONTEXTS",
    "PLOVER_QUADS",
    "PloverCategory",
    "PloverMapping",
    "cameo_to_plover",
    "current_plover_name",
    "is_plover_category",
    "is_plover_context",
    "is_plover_mode",
    "plover_categories",
    "plover_category",
]


class PloverCategory(NamedTuple):
    """One PLOVER event category as the manual defines it.

    Attributes:
        name: The lower-case wire spelling (``"assault"``).
        quad: The quad category in lower case (``"material conflict"``).
        modes: The modes the manual lists for the category, in its order; empty if none.
        needs_recipient: Whether the manual requires a ``recipient`` for the category.
    """

    name: str
    quad: str
    modes: tuple[str, ...]
    needs_recipient: bool


class PloverMapping(NamedTuple):
    """What a CAMEO code becomes in PLOVER, per the 2021 draft translation table.

    Attributes:
        category: The lower-case PLOVER category (``"assault"``).
        mode: The mode, or None where the table gives none (or only one the manual lacks).
        contexts: The contexts; a few rows give two (``("crime", "corruption")``).
    """

    category: str
    mode: str | None
    contexts: tuple[str, ...]


_VERBAL_COOPERATION = "verbal cooperation"
_MATERIAL_COOPERATION = "material cooperation"
_VERBAL_CONFLICT = "verbal conflict"
_MATERIAL_CONFLICT = "material conflict"

_COERCE_MODES = (
    "seize", "restrict", "censor", "curfew", "martial-law",
    "arrest", "deport", "withhold", "misinformation", "cyber",
)  # fmt: skip
_ASSAULT_MODES = (
    "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
    "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
    "unconventional",
)  # fmt: skip

# Each category's own section of the manual: its quad, its modes table, "Requires recipient".
# The manual's closing summary tables disagree with the sections in two places (SANCTION listed
# under verbal conflict; PROTEST marked as requiring a recipient); the sections win here.
# Modes are the rows of each modes table; rows the manual comments out (RETREAT "return",
# ASSAULT "execute", "cleansing", "massacre", "sideAB", though ASSAULT's text still names
# sideAB) are not modes.
_CATEGORIES: tuple[PloverCategory, ...] = (
    PloverCategory("agree", _VERBAL_COOPERATION, (), False),
    PloverCategory(
        "consult", _VERBAL_COOPERATION, ("visit", "third-party", "multilateral", "phone"), False
    ),
    PloverCategory("support", _VERBAL_COOPERATION, (), False),
    PloverCategory("concede", _VERBAL_COOPERATION, (), False),
    PloverCategory("cooperate", _MATERIAL_COOPERATION, (), True),
    PloverCategory("aid", _MATERIAL_COOPERATION, (), True),
    PloverCategory(
        "retreat",
        _MATERIAL_COOPERATION,
        ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
        False,
    ),
    PloverCategory("request", _VERBAL_CONFLICT, ("assist", "change", "yield", "meet"), False),
    PloverCategory("accuse", _VERBAL_CONFLICT, ("disapprove", "investigate", "allege"), False),
    PloverCategory("reject", _VERBAL_CONFLICT, ("assist", "change", "yield", "meet"), False),
    PloverCategory(
        "threaten",
        _VERBAL_CONFLICT,
        ("restrict", "arrest", "relations", "expel", "territory", "violence"),
        False,
    ),
    PloverCategory(
        "protest",
        _MATERIAL_CONFLICT,
        ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
        False,
    ),
    PloverCategory(
        "sanction", _MATERIAL_CONFLICT, ("convict", "expel", "withdraw", "discontinue"), True
    ),
    PloverCategory(
        "mobilize", _MATERIAL_CONFLICT, ("troops", "weapons", "police", "militia"), False
    ),
    PloverCategory("coerce", _MATERIAL_CONFLICT, _COERCE_MODES, False),
    PloverCategory("assault", _MATERIAL_CONFLICT, _ASSAULT_MODES, False),
)

_BY_NAME: Mapping[str, PloverCategory] = MappingProxyType({c.name: c for c in _CATEGORIES})

#: The four quad categories with the numeric ``quad_code`` (1-4) the manual gives each.
PLOVER_QUADS: Mapping[str, int] = MappingProxyType(
    {
        _VERBAL_COOPERATION: 1,
        _MATERIAL_COOPERATION: 2,
        _VERBAL_CONFLICT: 3,
        _MATERIAL_CONFLICT: 4,
    }
)

#: The manual's general contexts, usable with any category, spelled as it writes them.
PLOVER_CONTEXTS: frozenset[str] = frozenset(
    {
        "military", "intelligence", "executive", "legislative", "election",
        "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
        "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
        "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
        "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
        "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
        "corruption", "illegal_drugs", "trafficking",
    }
)  # fmt: skip

#: The manual's four auxiliary modes (not yet used by any coder, it says), which a coder puts
#: in ``context``; kept apart from :data:`PLOVER_CONTEXTS`, which they are not part of.
PLOVER_AUXILIARY_MODES: frozenset[str] = frozenset(
    {"historical", "future", "hypothetical", "negation"}
)

#: Category names of the older 0.5 schema (as in the project's gold-standard records) to the
#: current (category, mode). The mode is given only where the old name alone settles it.
OLD_PLOVER_NAMES: Mapping[str, tuple[str, str | None]] = MappingProxyType(
    {
        # CAMEO 10 DEMAND became REQUEST; a demand can be for any of its four modes.
        "DEMAND": ("request", None),
        # CAMEO 11 DISAPPROVE became ACCUSE; the old category also held accusations and
        # lawsuits (ACCUSE "allege"), so the name does not settle the mode.
        "DISAPPROVE": ("accuse", None),
        # CAMEO 19 FIGHT became ASSAULT (the manual's own CAMEO table still says FIGHT for
        # 20); the weapon, hence the mode, varies.
        "FIGHT": ("assault", None),
        # CAMEO 09 INVESTIGATE became ACCUSE, whose "investigate" mode covers every
        # investigation; the draft table codes all of 090-094 as ACCUSE "investigate".
        "INVESTIGATE": ("accuse", "investigate"),
    }
)


def plover_categories() -> Mapping[str, PloverCategory]:
    """The 16 current PLOVER categories by lower-case name, in the manual's order."""
    return _BY_NAME


def _key(name: str) -> str:
    """``name`` in lower case if it is ASCII (every PLOVER name is), else unchanged."""
    return name.lower() if name.isascii() else name


def plover_category(name: str) -> PloverCategory:
    """The current category called ``name``.

    Args:
        name: A category name in upper (manual) or lower (wire) case: ``"ASSAULT"``, ``"assault"``.

    Returns:
        The category's row.

    Raises:
        KeyError: ``name`` is not a current category (old 0.5 names included: see
            :func:`current_plover_name`).
    """
    return _BY_NAME[_key(name)]


def is_plover_category(name: object) -> bool:
    """Whether ``name`` is a current category, in upper or lower case (non-strings: False)."""
    return isinstance(name, str) and _key(name) in _BY_NAME


def is_plover_mode(category: object, mode: object) -> bool:
    """Whether ``mode`` (lower case, as on the wire) is one of ``category``'s modes.

    Args:
        category: A current category name in upper or lower case; an unknown one has no modes.
        mode: The mode as written on the wire (``"heavy-weapons"``).

    Returns:
        True if the manual lists ``mode`` for ``category``; False for anything else,
        non-strings included.
    """
    if not isinstance(category, str) or not isinstance(mode, str):
        return False
    entry = _BY_NAME.get(_key(category))
    return entry is not None and mode in entry.modes


def is_plover_context(context: object) -> bool:
    """Whether ``context`` is one of the manual's general contexts (lower case, as written)."""
    return isinstance(context, str) and context in PLOVER_CONTEXTS


def current_plover_name(name: object) -> tuple[str, str | None] | None:
    """The current (category, mode) for a current or older PLOVER category name.

    Args:
        name: A category name in any case: current (``"ASSAULT"``) or from the 0.5 schema
            (``"FIGHT"``).

    Returns:
        ``(category, mode)`` in lower case, ``mode`` None unless an old name fixes it
        (``"INVESTIGATE"`` gives ``("accuse", "investigate")``); None for anything else,
        including the gold-standard files' ``DOCUMENT`` pseudo-events and non-strings.
    """
    if not isinstance(name, str) or not name.isascii():  # "ﬁght".upper() is "FIGHT"
        return None
    key = name.lower()
    if key in _BY_NAME:
        return (key, None)
    return OLD_PLOVER_NAMES.get(name.upper())


def _load_cameo() -> Mapping[str, PloverMapping]:
    path = resources.files("geostmt.reference").joinpath("data", "cameo_plover.json")
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return MappingProxyType(
        {
            code: PloverMapping(category, mode, tuple(contexts))
            for code, (category, mode, contexts) in data["codes"].items()
        }
    )


_CAMEO: Lazy[Mapping[str, PloverMapping]] = Lazy(_load_cameo)


def cameo_to_plover(code: object) -> PloverMapping | None:
    """The PLOVER category, mode and contexts the 2021 draft table gives a CAMEO code.

    Args:
        code: A 3- or 4-digit CAMEO event code as a string, leading zero kept (``"0312"``).

    Returns:
        The mapping, or None for a code the table does not have (CAMEO 01 and 02, which
        PLOVER drops; the two-digit root codes; anything else, non-strings included). Modes
        and contexts the current manual lacks were left out when the data was built, never
        replaced.
    """
    return _CAMEO.get().get(code) if isinstance(code, str) else None
