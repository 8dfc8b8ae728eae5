"""The small structures records are built from: aliases, roles, evidence, allocations, items."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.class_rules import ClassRule, DatesOrdered, Ordered
from geostmt.model.enums import ItemCategory
from geostmt.model.hooks import pydantic_ready
from geostmt.model.time import PartialDate
from geostmt.model.values import Place, Quantity

__all__ = ["Alias", "Allocation", "Evidence", "Item", "Role"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Alias:
    """Another name for an actor, optionally in a BCP 47 language (``Зеленський``, ``uk``)."""

    name: str = attrs.field(**f.text())
    lang: str | None = attrs.field(default=None, **f.language())


@pydantic_ready
@attrs.frozen(kw_only=True)
class Role:
    """A position an actor holds, with its dates: President of Ukraine from 2019-05-20."""

    RULES: ClassVar[tuple[ClassRule, ...]] = (DatesOrdered("start", "end"),)
    __attrs_post_init__ = f.check_rules

    title: str = attrs.field(**f.text())
    organization: str | None = attrs.field(default=None, **f.text())
    start: PartialDate | None = attrs.field(default=None, **f.date())
    end: PartialDate | None = attrs.field(default=None, **f.date())


@pydantic_ready
@attrs.frozen(kw_only=True)
class Evidence:
    """Where in a source a record comes from: the source's id, a character span and the words."""

    NOUN: ClassVar[str] = "evidence"
    RULES: ClassVar[tuple[ClassRule, ...]] = (
        Ordered("start", "end", at="end", message="{end} is before start {start}"),
    )
    __attrs_post_init__ = f.check_rules

    source: str = attrs.field(**f.ref("source"))
    start: int | None = attrs.field(default=None, **f.integer())
    end: int | None = attrs.field(default=None, **f.integer())
    quote: str | None = attrs.field(default=None, **f.text())
    confidence: float | None = attrs.field(default=None, **f.number(ge=0.0, le=1.0))


@pydantic_ready
@attrs.frozen(kw_only=True)
class Allocation:
    """A share of a deployment at one place: 80 percent in Kursk."""

    place: Place = attrs.field(**f.nested(Place))
    share: Quantity = attrs.field(**f.nested(Quantity))


@pydantic_ready
@attrs.frozen(kw_only=True)
class Item:
    """One thing in (or left out of) an aid package, and who asked for it."""

    name: str = attrs.field(**f.text())
    category: ItemCategory | None = attrs.field(default=None, **f.choice(ItemCategory))
    quantity: Quantity | None = attrs.field(default=None, **f.nested(Quantity))
    requested_by: str | None = attrs.field(default=None, **f.ref("actor"))
