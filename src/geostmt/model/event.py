"""Events: what event data sets code (battles, strikes, protests, sanctions, meetings).

An :class:`Event` carries the codes of the field's code books (a CAMEO event code, a PLOVER
category with mode and contexts, an ACLED event type), its actors and targets, date, place and
fatalities. Rows of GDELT, ACLED and PLOVER files become events (:mod:`geostmt.interop`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.class_rules import AnyOf, Belongs, ClassRule, CountOnly
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.hooks import pydantic_ready
from geostmt.model.parts import Evidence
from geostmt.model.time import PartialDate
from geostmt.model.values import Place, Quantity

__all__ = ["AcledCoding", "Event", "PloverCoding"]


def _cameo_codes() -> Collection[str]:
    from geostmt.reference.cameo import cameo_codes

    return cameo_codes().keys()


def _plover_categories() -> Collection[str]:
    from geostmt.reference.plover import plover_categories

    return plover_categories().keys()


def _plover_modes() -> Mapping[str, Collection[str]]:
    from geostmt.reference.plover import plover_categories

    return {name: category.modes for name, category in plover_categories().items()}


def _all_plover_modes() -> Collection[str]:
    return {mode for modes in _plover_modes().values() for mode in modes}


def _plover_contexts() -> Collection[str]:
    from geostmt.reference.plover import PLOVER_CONTEXTS

    return PLOVER_CONTEXTS


def _acled_event_types() -> Mapping[str, Collection[str]]:
    from geostmt.reference.acled import ACLED_EVENT_TYPES

    return ACLED_EVENT_TYPES


def _acled_sub_event_types() -> Collection[str]:
    return {sub for subs in _acled_event_types().values() for sub in subs}


def _acled_disorder_types() -> Collection[str]:
    from geostmt.reference.acled import ACLED_DISORDER_TYPES

    return ACLED_DISORDER_TYPES


@pydantic_ready
@attrs.frozen(kw_only=True)
class PloverCoding(Base):
    """A PLOVER category of the current manual, a mode it allows, and contexts: ``assault``,
    ``aerial``, ``["military"]``."""

    RULES: ClassVar[tuple[ClassRule, ...]] = (
        Belongs("mode", "category", table=_plover_modes, what="a PLOVER mode"),
    )
    __attrs_post_init__ = f.check_rules

    category: str = attrs.field(**f.vocabulary(_plover_categories, "a PLOVER category"))
    """One of the 16 PLOVER categories, lower case (``assault``)."""
    mode: str | None = attrs.field(default=None, **f.vocabulary(_all_plover_modes, "a PLOVER mode"))
    """A mode the category allows (``aerial`` for ``assault``)."""
    contexts: tuple[str, ...] = attrs.field(
        default=(), **f.vocabulary(_plover_contexts, "a PLOVER context", many=True)
    )
    """Contexts from the PLOVER manual's list (``military``)."""


@pydantic_ready
@attrs.frozen(kw_only=True)
class AcledCoding(Base):
    """ACLED's event type, sub-event type and disorder type: ``Battles``, ``Armed clash``,
    ``Political violence``."""

    RULES: ClassVar[tuple[ClassRule, ...]] = (
        Belongs("sub_event_type", "event_type", table=_acled_event_types, what="a sub-event type"),
    )
    __attrs_post_init__ = f.check_rules

    event_type: str = attrs.field(
        **f.vocabulary(lambda: _acled_event_types().keys(), "an ACLED event type")
    )
    """The ACLED event type (``Battles``)."""
    sub_event_type: str | None = attrs.field(
        default=None, **f.vocabulary(_acled_sub_event_types, "an ACLED sub-event type")
    )
    """A sub-event type of that event type (``Armed clash``)."""
    disorder_type: str | None = attrs.field(
        default=None, **f.vocabulary(_acled_disorder_types, "an ACLED disorder type")
    )
    """The ACLED disorder type (``Political violence``)."""


@pydantic_ready
@attrs.frozen(kw_only=True)
class Event(Base):
    """Something event data sets code: a battle, a strike, a protest, a sanction, a meeting.

    At least one of ``cameo``, ``plover`` and ``acled`` says what happened; ``actors`` did it to
    ``targets`` (either may be empty: unknown, not nobody). ``quad_class`` and ``goldstein``
    are derived from the CAMEO code, never stored.
    """

    TYPE: ClassVar[str] = "event"
    RULES: ClassVar[tuple[ClassRule, ...]] = (
        AnyOf(
            "cameo", "plover", "acled",
            message="an event needs at least one of cameo, plover and acled",
        ),
        CountOnly("fatalities"),
    )  # fmt: skip
    __attrs_post_init__ = f.check_rules

    id: str = attrs.field(**f.ident())
    """The event's id (``gdelt-<GLOBALEVENTID>``, ``acled-<event_id_cnty>`` when read from those
    data sets)."""
    cameo: str | None = attrs.field(
        default=None, **f.vocabulary(_cameo_codes, "a CAMEO 1.1b3 event code")
    )
    """The CAMEO 1.1b3 event code, as text with its leading zero (``190``)."""
    plover: PloverCoding | None = attrs.field(default=None, **f.nested(PloverCoding))
    """The PLOVER coding: category, mode and contexts."""
    acled: AcledCoding | None = attrs.field(default=None, **f.nested(AcledCoding))
    """The ACLED coding: event type, sub-event type and disorder type."""
    actors: tuple[str, ...] = attrs.field(default=(), **f.ref("actor", many=True))
    """The ids of the actors who act (PLOVER actor, ACLED actor1, GDELT Actor1)."""
    targets: tuple[str, ...] = attrs.field(default=(), **f.ref("actor", many=True))
    """The ids of the actors acted on (PLOVER recipient, ACLED actor2, GDELT Actor2)."""
    date: PartialDate | None = attrs.field(default=None, **f.date())
    """When the event happened."""
    place: Place | None = attrs.field(default=None, **f.nested(Place))
    """Where the event happened."""
    fatalities: Quantity | None = attrs.field(default=None, **f.nested(Quantity))
    """How many died: a count (0 is a real zero; absent is unknown)."""
    summary: str | None = attrs.field(default=None, **f.text())
    """What happened, in a few words."""
    identifiers: FrozenMap = attrs.field(factory=FrozenMap, **f.string_map())
    """Ids in the data sets the event comes from by scheme (``{"gdelt": "588604779"}``)."""
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))
    """Where the sources say this."""

    @property
    def quad_class(self) -> int | None:
        """CAMEO's quad class from the code's root (1 verbal cooperation ... 4 material
        conflict), else the PLOVER category's quad; None when neither is known."""
        if self.cameo is not None:
            from geostmt.reference.cameo import cameo_code

            return cameo_code(self.cameo).quad_class
        if self.plover is not None:
            from geostmt.reference.plover import PLOVER_QUADS, plover_category

            return PLOVER_QUADS[plover_category(self.plover.category).quad]
        return None

    @property
    def goldstein(self) -> float | None:
        """The Goldstein score of the CAMEO code (the CAMEO 1.1b3 code book's), or None."""
        if self.cameo is None:
            return None
        from geostmt.reference.cameo import cameo_code

        return cameo_code(self.cameo).goldstein
