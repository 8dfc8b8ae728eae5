"""Validators and lenient converters shared by every model class.

Converters only normalise what they can (``"person"`` -> ``ActorKind.PERSON``, lists -> tuples,
a record -> its id) and pass anything else through unchanged; validators then report what is
wrong as a :class:`~geostmt.errors.ValidationError` whose path names the field.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Protocol, TypeVar

import attrs

from geostmt.errors import Problem, ValidationError
from geostmt.reference import is_country, is_currency, is_subdivision, subdivisions

E = TypeVar("E", bound=Enum)
T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
ID_MAX_LENGTH = 200
_ID = re.compile(ID_PATTERN)
LANGUAGE_TAG_PATTERN = (
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$"
)
_LANGUAGE_TAG = re.compile(LANGUAGE_TAG_PATTERN)
DECIMAL_PATTERN = r"^-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"
"""How a decimal is written as a JSON string: a JSON number's syntax, leading zeros allowed."""
DATE_PATTERN = r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"


class HasId(Protocol):
    """Anything with an ``id``: every record type."""

    @property
    def id(self) -> str: ...


def describe(value: object) -> str:
    """A short, safe rendering of a bad value for an error message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def fail(attribute: attrs.Attribute[Any], message: str) -> ValidationError:
    """A ValidationError at ``attribute``'s name."""
    return ValidationError.single(attribute.name, message)


def expected(kind: str, value: object) -> str:
    """The message for a value of the wrong JSON/Python type."""
    return f"expected {kind}, got {type(value).__name__} {describe(value)}"


# -- converters -------------------------------------------------------------------------------


def to_text(value: str) -> str:
    """Strip surrounding white space and compose to NFC; non-strings pass through."""
    if type(value) is not str:
        return value
    value = value.strip()
    if value.isascii():
        return value
    return unicodedata.normalize("NFC", value)


def to_optional_text(value: str | None) -> str | None:
    """Like :func:`to_text`, keeping None."""
    return None if value is None else to_text(value)


def to_ref(value: str | HasId) -> str:
    """A record or its id -> the id (reference fields keep only ids)."""
    if type(value) is str:
        return value
    ident = getattr(value, "id", None)
    if attrs.has(type(value)) and type(ident) is str:
        return ident
    return value  # type: ignore[return-value]  # reported by the validator


def to_optional_ref(value: str | HasId | None) -> str | None:
    """Like :func:`to_ref`, keeping None."""
    return None if value is None else to_ref(value)


def to_refs(values: Iterable[str | HasId]) -> tuple[str, ...]:
    """A sequence of records or ids -> a tuple of ids."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value]  # reported by the validator
    return tuple(to_ref(v) for v in values)


def to_tuple(values: Iterable[T]) -> tuple[T, ...]:
    """Any iterable (but a string or mapping) -> a tuple; else passed through."""
    if isinstance(values, tuple):
        return values
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value]  # reported by the validator
    return tuple(values)


def to_texts(values: Iterable[str]) -> tuple[str, ...]:
    """Like :func:`to_tuple`, each item through :func:`to_text`."""
    result = to_tuple(values)
    if type(result) is not tuple:
        return result
    return tuple(to_text(v) for v in result)


def members(enum: type[E]) -> dict[str, E]:
    """Each member of ``enum`` by its string value, for :func:`to_enum`."""
    return {member.value: member for member in enum}


def to_enum(table: dict[str, E], value: E | str) -> E:
    """``value`` as a member if it names one in ``table`` (from :func:`members`); a member
    or anything else passes through, for the validator to judge."""
    if type(value) is str:
        return table.get(value, value)  # type: ignore[return-value]  # a str left: see validator
    return value  # type: ignore[return-value]  # a member, or reported by the validator


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Decimal from a Decimal, an int, a float (by its shortest repr) or a numeric string."""
    kind = type(value)
    if kind is Decimal:
        return value  # type: ignore[return-value]
    if kind is int:
        return Decimal(value)
    if kind is float:
        return Decimal(repr(value))
    if kind is str:
        try:
            return Decimal(value.strip())  # type: ignore[union-attr]
        except InvalidOperation:
            return value  # type: ignore[return-value]  # reported by the validator
    return value  # type: ignore[return-value]  # reported by the validator


def to_optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    """Like :func:`to_decimal`, keeping None."""
    return None if value is None else to_decimal(value)


def to_optional_float(value: float | None) -> float | None:
    """An int or Decimal becomes a float; anything else passes through."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return float(value)
    return value


# -- validators -------------------------------------------------------------------------------

WRAPPED: dict[Validator, tuple[str, Any]] = {}
"""What each composite validator wraps, for the JSON Schema export: (kind, argument)."""


def optional(validator: Validator) -> Validator:
    """Accept None, else run ``validator``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    WRAPPED[check] = ("optional", validator)
    return check


def identifier(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A record id: 1 to 200 characters matching :data:`ID_PATTERN`."""
    if type(value) is not str:
        raise fail(attribute, expected("an id string", value))
    if not value or len(value) > ID_MAX_LENGTH or not _ID.match(value):
        raise fail(
            attribute,
            f"{describe(value)} is not an id: 1 to {ID_MAX_LENGTH} characters of letters, "
            "digits and . _ : - starting with a letter or digit",
        )


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Non-blank text that can be written as UTF-8."""
    if type(value) is not str:
        raise fail(attribute, expected("a string", value))
    if not value:
        raise fail(attribute, "must not be blank")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise fail(attribute, "contains a lone surrogate, which UTF-8 cannot hold") from None


def language_tag(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A BCP 47-shaped language tag (``en``, ``uk``, ``zh-Hant-TW``)."""
    if type(value) is not str:
        raise fail(attribute, expected("a language tag string", value))
    if not _LANGUAGE_TAG.match(value):
        raise fail(
            attribute, f"{describe(value)} is not a BCP 47 language tag such as 'en' or 'uk'"
        )


def country_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An assigned ISO 3166-1 alpha-2 code, upper case."""
    if type(value) is not str:
        raise fail(attribute, expected("an ISO 3166-1 alpha-2 code", value))
    if not is_country(value):
        hint = f" (did you mean {value.upper()!r}?)" if is_country(value.upper()) else ""
        raise fail(attribute, f"{describe(value)} is not an ISO 3166-1 alpha-2 code{hint}")


def subdivision_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 3166-2 code (``RU-KRS``)."""
    if type(value) is not str:
        raise fail(attribute, expected("an ISO 3166-2 code", value))
    if not is_subdivision(value):
        raise fail(attribute, f"{describe(value)} is not an ISO 3166-2 subdivision code")


def currency_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 4217 code known to CLDR."""
    if type(value) is not str:
        raise fail(attribute, expected("an ISO 4217 code", value))
    if not is_currency(value):
        hint = f" (did you mean {value.upper()!r}?)" if is_currency(value.upper()) else ""
        raise fail(attribute, f"{describe(value)} is not an ISO 4217 currency code{hint}")


def member_of(enum: type[Enum]) -> Validator:
    """A member of ``enum``; the message lists the allowed values."""
    allowed = ", ".join(str(m.value) for m in enum)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, enum):
            raise fail(attribute, f"{describe(value)} is not one of: {allowed}")

    WRAPPED[check] = ("enum", enum)
    return check


def decimal(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A finite Decimal."""
    if type(value) is not Decimal:
        raise fail(attribute, expected("a decimal number (string or number)", value))
    if not value.is_finite():
        raise fail(attribute, f"must be a finite number, not {value}")


def non_negative_decimal(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A finite Decimal >= 0."""
    decimal(instance, attribute, value)
    if value < 0:
        raise fail(attribute, f"must be >= 0, not {value}")


def non_negative_int(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An int >= 0 (not a bool)."""
    if type(value) is not int:
        raise fail(attribute, expected("an integer", value))
    if value < 0:
        raise fail(attribute, f"must be >= 0, not {value}")


def float_between(low: float, high: float) -> Validator:
    """A finite float within [low, high]."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not float:
            raise fail(attribute, expected("a number", value))
        if math.isnan(value) or not low <= value <= high:
            raise fail(attribute, f"must be between {low:g} and {high:g}, not {value!r}")

    WRAPPED[check] = ("between", (low, high))
    return check


def tuple_of(item: Validator) -> Validator:
    """A tuple whose every item passes ``item``; problems name the index (``items[2]``)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple:
            raise fail(attribute, expected("a list", value))
        problems: list[Problem] = []
        for index, element in enumerate(value):
            try:
                item(instance, attribute, element)
            except ValidationError as error:
                problems.extend(
                    p._replace(path=f"{attribute.name}[{index}]" + p.path[len(attribute.name) :])
                    for p in error.problems
                )
        if problems:
            raise ValidationError(problems)

    WRAPPED[check] = ("tuple", item)
    return check


def instance_of(cls: type[Any], kind: str) -> Validator:
    """An instance of ``cls`` (named ``kind`` in the message)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise fail(attribute, expected(kind, value))

    WRAPPED[check] = ("instance", cls)
    return check


def subdivision_of_country(subdivision: str, country: str | None) -> str | None:
    """The problem with ``subdivision`` given ``country``, or None when they agree."""
    entry = subdivisions().get(subdivision)
    if entry is None:
        return None  # reported by the field validator
    if country is None:
        return f"subdivision {subdivision!r} needs country {entry.country!r} to be set"
    if entry.country != country:
        return f"{subdivision!r} is a subdivision of {entry.country!r}, not of {country!r}"
    return None
