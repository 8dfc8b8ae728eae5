"""ACLED cells -> geostmt values: the date, the place and the fatalities of a row, each bad
cell a :class:`~geostmt.errors.Problem` at its column."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from geostmt.errors import Problem, ValidationError, shown
from geostmt.model.enums import PlaceKind
from geostmt.model.time import PartialDate
from geostmt.model.values import Place, Quantity
from geostmt.reference.code_systems import from_numeric

__all__ = ["INTEGER", "at_columns", "date", "fatalities", "place"]

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
}  # fmt: skip
_ISO_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_WORDS_DAY = re.compile(r"^([0-9]{1,2})[ -]([A-Za-z]+)[ -]([0-9]{4})$")
_PLACE_PATHS = {"name": "location", "lat": "latitude", "lon": "longitude", "country": "iso"}

#: A whole number as ACLED writes counts and codes (no sign, at most nine digits).
INTEGER = re.compile(r"^[0-9]{1,9}$")


def at_columns(column: str, error: ValidationError, paths: Mapping[str, str]) -> list[Problem]:
    """The problems of ``error`` at the columns their fields come from (``paths``: field ->
    column; any other field is ``column``'s)."""
    return [p._replace(path=paths.get(p.path.split(".")[0], column)) for p in error.problems]


def date(text: str, precision: str) -> PartialDate:
    """``event_date`` (``2024-10-31`` or ``31 October 2024``) to the precision that
    ``time_precision`` gives: 1 (or empty) the day, 2 and 3 the month."""
    match = _ISO_DAY.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        words = _WORDS_DAY.match(text)
        month_number = _MONTHS.get(words.group(2).lower()) if words else None
        if words is None or month_number is None:
            raise ValidationError.single(
                "", f"{shown(text)} is not a date like 2024-10-31 or 31 October 2024"
            )
        year, month, day = int(words.group(3)), month_number, int(words.group(1))
    full = PartialDate(year=year, month=month, day=day)
    if precision in ("", "1"):
        return full
    if precision in ("2", "3"):
        return PartialDate(year=year, month=month)
    raise ValidationError.single("time_precision", f"{shown(precision)} is not 1, 2 or 3")


def place(cells: Mapping[str, str], problems: list[Problem]) -> Place | None:
    """The place of a row (None without a ``location``); bad cells go to ``problems``."""
    iso, lat_text, lon_text = cells["iso"], cells["latitude"], cells["longitude"]
    before = len(problems)
    country = None
    if iso:
        country = from_numeric(iso)
        if country is None:
            problems.append(Problem("iso", f"{shown(iso)} is not an ISO 3166-1 numeric code"))
    coordinates: list[float | None] = []
    for column, text in (("latitude", lat_text), ("longitude", lon_text)):
        value = None
        if text:
            try:
                value = float(text)
            except ValueError:
                problems.append(Problem(column, f"{shown(text)} is not a number"))
        coordinates.append(value)
    geo = cells["geo_precision"]
    if geo not in ("", "1", "2", "3"):
        problems.append(Problem("geo_precision", f"{shown(geo)} is not 1, 2 or 3"))
    if not cells["location"] or len(problems) > before:
        return None
    try:
        return Place(
            name=cells["location"],
            kind=PlaceKind.CITY if geo in ("", "1") else PlaceKind.OTHER,
            country=country,
            lat=coordinates[0],
            lon=coordinates[1],
        )
    except ValidationError as error:
        problems.extend(at_columns("location", error, _PLACE_PATHS))
        return None


def fatalities(text: str, problems: list[Problem]) -> Quantity | None:
    """The ``fatalities`` count: empty is unknown (None), ``0`` is zero."""
    if not text:
        return None
    if not INTEGER.match(text):
        problems.append(
            Problem("fatalities", f"{shown(text)} is not a whole number of deaths (0 to 999999999)")
        )
        return None
    return Quantity(value=Decimal(int(text)))
