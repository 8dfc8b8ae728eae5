"""The small structures records are built from: aliases, roles, evidence, allocations, items."""

from __future__ import annotations

import attrs

from geostmt.errors import ValidationError
from geostmt.model import _checks
from geostmt.model.enums import ItemCategory
from geostmt.model.time import (
    PartialDate,
    check_partial_date,
    order_problem,
    to_optional_partial_date,
)
from geostmt.model.values import Place, Quantity

__all__ = ["Alias", "Allocation", "Evidence", "Item", "Role"]


@attrs.frozen(kw_only=True)
class Alias:
    """Another name for an actor, optionally in a BCP 47 language (``Зеленський``, ``uk``)."""

    name: str = attrs.field(converter=_checks.to_text, validator=_checks.text)
    lang: str | None = attrs.field(default=None, validator=_checks.optional(_checks.language_tag))


@attrs.frozen(kw_only=True)
class Role:
    """A position an actor holds, with its dates: President of Ukraine from 2019-05-20."""

    title: str = attrs.field(converter=_checks.to_text, validator=_checks.text)
    organization: str | None = attrs.field(
        default=None, converter=_checks.to_optional_text, validator=_checks.optional(_checks.text)
    )
    start: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_checks.optional(check_partial_date),
    )
    end: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_checks.optional(check_partial_date),
    )

    def __attrs_post_init__(self) -> None:
        problem = order_problem(self.start, self.end, "end")
        if problem:
            raise ValidationError.single("end", problem)


@attrs.frozen(kw_only=True)
class Evidence:
    """Where in a source a record comes from: the source's id, a character span and the words."""

    source: str = attrs.field(converter=_checks.to_ref, validator=_checks.identifier)
    start: int | None = attrs.field(
        default=None, validator=_checks.optional(_checks.non_negative_int)
    )
    end: int | None = attrs.field(
        default=None, validator=_checks.optional(_checks.non_negative_int)
    )
    quote: str | None = attrs.field(
        default=None, converter=_checks.to_optional_text, validator=_checks.optional(_checks.text)
    )
    confidence: float | None = attrs.field(
        default=None,
        converter=_checks.to_optional_float,
        validator=_checks.optional(_checks.float_between(0.0, 1.0)),
    )

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValidationError.single("end", f"{self.end} is before start {self.start}")


@attrs.frozen(kw_only=True)
class Allocation:
    """A share of a deployment at one place: 80 percent in Kursk."""

    place: Place = attrs.field(validator=_checks.instance_of(Place, "a place"))
    share: Quantity = attrs.field(validator=_checks.instance_of(Quantity, "a quantity"))


_ITEM_CATEGORY_MEMBERS = _checks.members(ItemCategory)


def _to_category(value: ItemCategory | str | None) -> ItemCategory | None:
    return None if value is None else _checks.to_enum(_ITEM_CATEGORY_MEMBERS, value)


@attrs.frozen(kw_only=True)
class Item:
    """One thing in (or left out of) an aid package, and who asked for it."""

    name: str = attrs.field(converter=_checks.to_text, validator=_checks.text)
    category: ItemCategory | None = attrs.field(
        default=None,
        converter=_to_category,
        validator=_checks.optional(_checks.member_of(ItemCategory)),
    )
    quantity: Quantity | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Quantity, "a quantity"))
    )
    requested_by: str | None = attrs.field(
        default=None,
        converter=_checks.to_optional_ref,
        validator=_checks.optional(_checks.identifier),
    )
