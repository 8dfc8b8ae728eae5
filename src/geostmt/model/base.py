"""The base of every record, value and part class: how to change one, and how to show it short.

Every geostmt class is a frozen attrs class: an instance never changes. To change a record,
make a new one with :func:`attrs.evolve`, which runs every check again::

    >>> import attrs
    >>> from geostmt import Actor
    >>> kbs = Actor(id="kbs", name="KBS", kind="media")
    >>> attrs.evolve(kbs, country="KR").country
    'KR'

``repr()`` stays exact (it rebuilds the value); :meth:`Base.short_repr` leaves out what is at
its default, and is what notebooks show (``_repr_html_``) and rich prints (``__rich_repr__``).
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, cast

import attrs

from geostmt.errors import shown

__all__ = ["Base"]


class Base:
    """What every record and value has besides its fields.

    Instances are frozen: change one with ``attrs.evolve(record, field=value)``, which gives a
    new instance, checked like any other (``attrs.evolve(kbs, kind="state")``). ``repr()`` is
    exact; ``short_repr()`` is the short form notebooks and rich show.
    """

    __slots__ = ()

    def short_repr(self) -> str:
        """``Actor(id='kbs', name='KBS', kind='media')``: only the fields set away from their
        defaults, enums as their strings, dates as ISO text, long text cut to 60 characters."""
        fields = ", ".join(f"{name}={_short(value)}" for name, value, _ in self.__rich_repr__())
        return f"{type(self).__name__}({fields})"

    def __rich_repr__(self) -> Iterator[tuple[str, Any, Any]]:
        """The fields set away from their defaults, for rich's pretty printer."""
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(self))):
            value = getattr(self, field.name)
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if default is attrs.NOTHING or value != default:
                yield field.name, value, default

    def _repr_html_(self) -> str:
        """What a Jupyter notebook shows: the short form, escaped."""
        return f"<code>{html.escape(self.short_repr())}</code>"


def _short(value: Any) -> str:
    if isinstance(value, Base):
        return value.short_repr()
    if isinstance(value, Enum):
        return repr(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return shown(dict(value))
    if isinstance(value, tuple):
        return "[" + ", ".join(_short(item) for item in value) + "]"
    if hasattr(value, "isoformat") and not isinstance(value, date):
        return repr(value.isoformat())  # a PartialDate
    return shown(value)
