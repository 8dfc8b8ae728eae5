"""The cells an event is written as: one derivation, which the writer writes and against which
the reader keeps every cell that differs (so a file round-trips)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from geostmt.interop.acled.mapping import COLUMNS
from geostmt.model.actor import Actor
from geostmt.model.enums import PlaceKind, Qualifier
from geostmt.model.event import AcledCoding
from geostmt.model.parts import Evidence
from geostmt.model.time import PartialDate, Precision
from geostmt.model.values import Place, Quantity
from geostmt.reference.countries import country_codes

__all__ = ["EventFields", "columns"]


class EventFields(Protocol):
    """What :func:`columns` reads of an event: an :class:`~geostmt.Event`, or the reader's
    draft of one (the same fields, not yet validated)."""

    @property
    def id(self) -> str: ...
    @property
    def identifiers(self) -> Mapping[str, str]: ...
    @property
    def date(self) -> PartialDate | None: ...
    @property
    def acled(self) -> AcledCoding | None: ...
    @property
    def actors(self) -> Sequence[str]: ...
    @property
    def targets(self) -> Sequence[str]: ...
    @property
    def place(self) -> Place | None: ...
    @property
    def evidence(self) -> Sequence[Evidence]: ...
    @property
    def summary(self) -> str | None: ...
    @property
    def fatalities(self) -> Quantity | None: ...


def _numeric(country: str | None) -> str:
    if country is None:
        return ""
    entry = country_codes().get(country)
    numeric = getattr(entry, "numeric", None) if entry is not None else None
    return str(int(numeric)) if isinstance(numeric, str) and numeric.isdigit() else ""


def _date_columns(date: PartialDate | None) -> tuple[str, str, str]:
    """event_date, year and time_precision of ``date``."""
    if date is None:
        return "", "", ""
    if date.precision is Precision.YEAR:
        raise ValueError("a date known only to the year has no ACLED time precision")
    day = date.earliest().isoformat()
    return day, str(date.year), "3" if date.precision is Precision.MONTH else "1"


def _fatality_text(quantity: Quantity | None) -> str:
    if quantity is None:
        return ""
    value = quantity.value
    if (
        value is None
        or quantity.qualifier is not Qualifier.EXACT
        or quantity.low is not None
        or quantity.high is not None
        or value != value.to_integral_value()
        or value < 0
    ):
        raise ValueError("fatalities is not an exact whole number")
    return str(int(value))


def columns(
    event: EventFields, actors: Mapping[str, Actor], titles: Mapping[str, str]
) -> dict[str, str]:
    """The cells ``event`` is written as, by column, its actors and sources looked up by id in
    ``actors`` and ``titles`` (``ValueError`` when it cannot be written)."""
    cells = dict.fromkeys(COLUMNS, "")
    cells["event_id_cnty"] = event.identifiers.get("acled") or event.id.removeprefix("acled-")
    cells["event_date"], cells["year"], cells["time_precision"] = _date_columns(event.date)
    if event.acled is not None:
        cells["event_type"] = event.acled.event_type
        cells["sub_event_type"] = event.acled.sub_event_type or ""
        cells["disorder_type"] = event.acled.disorder_type or ""
    for number, ids in (("1", event.actors), ("2", event.targets)):
        try:
            named = [actors[i] for i in ids]
        except KeyError as missing:
            raise ValueError(f"actor {missing} is not among the records written") from None
        if named:
            cells[f"actor{number}"] = named[0].name
            cells[f"inter{number}"] = named[0].identifiers.get("acled_inter", "")
            cells[f"assoc_actor_{number}"] = "; ".join(a.name for a in named[1:])
    if event.place is not None:
        place = event.place
        cells["location"] = place.name
        cells["iso"] = _numeric(place.country)
        cells["latitude"] = "" if place.lat is None else repr(place.lat)
        cells["longitude"] = "" if place.lon is None else repr(place.lon)
        cells["geo_precision"] = "1" if place.kind is PlaceKind.CITY else "2"
    try:
        cells["source"] = "; ".join(titles[e.source] for e in event.evidence)
    except KeyError as missing:
        raise ValueError(f"source {missing} is not among the records written") from None
    cells["notes"] = event.summary or ""
    cells["fatalities"] = _fatality_text(event.fatalities)
    return cells
