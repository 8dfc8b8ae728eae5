"""The small structures records are built from: aliases, roles, evidence, allocations, items."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.class_rules import ClassRule, DatesOrdered, Ordered
from geostmt.model.enums import ItemCategory, as_item_category
from geostmt.model.hooks import pydantic_ready
from geostmt.model.time import PartialDate
from geostmt.model.values import Place, Quantity

__all__ = ["Alias", "Allocation", "Evidence", "Item", "Role"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Alias(Base):
    """Another name for an actor, optionally in a BCP 47 language (``Зеленський``, ``uk``)."""

    name: str = attrs.field(**f.text())
    """Another name of the actor."""
    lang: str | None = attrs.field(default=None, **f.language())
    """The name's language, as a BCP 47 tag (``ko``, ``uk``)."""


@pydantic_ready
@attrs.frozen(kw_only=True)
class Role(Base):
    """A position an actor holds, with its dates: President of Ukraine from 2019-05-20."""

    RULES: ClassVar[tuple[ClassRule, ...]] = (DatesOrdered("start", "end"),)
    __attrs_post_init__ = f.check_rules

    title: str = attrs.field(**f.text())
    """The position held (``President of Ukraine``)."""
    organization: str | None = attrs.field(default=None, **f.text())
    """The organization the position is in."""
    start: PartialDate | None = attrs.field(default=None, **f.date())
    """When the role began."""
    end: PartialDate | None = attrs.field(default=None, **f.date())
    """When the role ended."""


@pydantic_ready
@attrs.frozen(kw_only=True)
class Evidence(Base):
    """Where in a source a record comes from: the source's id, a character span and the words."""

    NOUN: ClassVar[str] = "evidence"
    RULES: ClassVar[tuple[ClassRule, ...]] = (
        Ordered("start", "end", at="end", message="{end} is before start {start}"),
    )
    __attrs_post_init__ = f.check_rules

    source: str = attrs.field(**f.ref("source"))
    """The id of the source that says it."""
    start: int | None = attrs.field(default=None, **f.integer())
    """Where the span begins: a character offset in the source text."""
    end: int | None = attrs.field(default=None, **f.integer())
    """Where the span ends: a character offset, exclusive."""
    quote: str | None = attrs.field(default=None, **f.text())
    """The words at that span."""
    confidence: float | None = attrs.field(default=None, **f.number(ge=0.0, le=1.0))
    """How sure the reading is, from 0 to 1."""


@pydantic_ready
@attrs.frozen(kw_only=True)
class Allocation(Base):
    """A share of a deployment at one place: 80 percent in Kursk."""

    place: Place = attrs.field(**f.nested(Place))
    """Where this part of the force is."""
    share: Quantity = attrs.field(**f.nested(Quantity))
    """How much of the force is there (``80 percent``)."""


@pydantic_ready
@attrs.frozen(kw_only=True)
class Item(Base):
    """One thing in (or left out of) an aid package, and who asked for it."""

    name: str = attrs.field(**f.text())
    """What the item is (``air defense interceptors``)."""
    category: ItemCategory | None = attrs.field(
        default=None, converter=as_item_category, **f.choice(ItemCategory)
    )
    """What kind of thing it is (air defense, artillery, drones...)."""
    quantity: Quantity | None = attrs.field(default=None, **f.nested(Quantity))
    """How many or how much."""
    requested_by: str | None = attrs.field(default=None, **f.ref("actor"))
    """The id of the actor who asked for it."""
