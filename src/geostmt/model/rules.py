"""What one value must be: a :class:`Rule` per kind of field, written once.

A rule converts leniently what Python callers pass (``"person"`` -> ``ActorKind.PERSON``), checks
the result, reads the strict JSON form, and says itself in JSON Schema. The attrs validators and
converters (:mod:`geostmt.model.fields`), the wire hooks, the JSON Schema export, the Dataset's
reference checks and the hypothesis strategies are all derived from these objects, so they
cannot drift apart. Each check raises a :class:`~geostmt.ValidationError` at path ``""``; the
field wrapping it puts the field's name in front.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Callable, Collection
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, ClassVar

from geostmt.errors import Problem, ValidationError, shown, written
from geostmt.model.enums import member as enum_member
from geostmt.model.frozenmap import FrozenMap, to_frozen_map
from geostmt.model.identifiers import identifier_problem
from geostmt.model.languages import LANGTAG_PATTERN, language_problem
from geostmt.reference import is_country, is_currency, is_subdivision

__all__ = [
    "DATE_PATTERN",
    "DECIMAL_PATTERN",
    "ID_MAX_LENGTH",
    "ID_PATTERN",
    "LANGUAGE_TAG_PATTERN",
    "NON_NEGATIVE_DECIMAL_PATTERN",
    "Choice",
    "CountryCode",
    "CurrencyCode",
    "Date",
    "DecimalNumber",
    "Id",
    "Integer",
    "LanguageTag",
    "Nested",
    "Number",
    "Ref",
    "Rule",
    "StringMap",
    "StringRule",
    "SubdivisionCode",
    "Text",
    "Unit",
    "Vocabulary",
    "expected",
    "noun",
    "to_text",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
ID_MAX_LENGTH = 200
LANGUAGE_TAG_PATTERN = LANGTAG_PATTERN
"""The shape of a BCP 47 ``langtag``; :class:`LanguageTag` also checks the language subtag and
takes private-use and grandfathered tags (:mod:`geostmt.model.languages`)."""
DECIMAL_PATTERN = r"^-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"
"""How a decimal is written as a JSON string: a JSON number's syntax, leading zeros allowed."""
NON_NEGATIVE_DECIMAL_PATTERN = r"^(?:[0-9]+(?:\.[0-9]+)?|-0+(?:\.0+)?)(?:[eE][-+]?[0-9]+)?$"
"""A decimal string that is >= 0: no minus sign, except on a zero (``"-0"`` is zero)."""
DATE_PATTERN = (
    r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
    r"(?:Z|[+-](?:0[0-9]|1[0-8]):[0-5][0-9]))?)?)?$"
)
SUBDIVISION_PATTERN = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"

_ID = re.compile(ID_PATTERN)
_DECIMAL = re.compile(DECIMAL_PATTERN)
_NON_NEGATIVE_DECIMAL = re.compile(NON_NEGATIVE_DECIMAL_PATTERN)


def expected(kind: str, value: object) -> str:
    """The message for a value of the wrong JSON/Python type."""
    return f"expected {kind}, got {type(value).__name__} {shown(value)}"


def noun(cls: type[Any]) -> str:
    """How messages name an instance of ``cls``: its ``NOUN``, else "a"/"an" and its name."""
    given: str | None = cls.__dict__.get("NOUN")
    if given is not None:
        return given
    name = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _wrong(kind: str, value: object) -> ValidationError:
    return ValidationError.single("", expected(kind, value))


def _problem(message: str) -> ValidationError:
    return ValidationError.single("", message)


def to_text(value: Any) -> Any:
    """Strip surrounding white space and compose to NFC; non-strings pass through."""
    if type(value) is not str:
        return value
    value = value.strip()
    if value.isascii():
        return value
    return unicodedata.normalize("NFC", value)


_SURROGATE = "contains a lone surrogate, which UTF-8 cannot hold"


def _not_utf8(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, which UTF-8 (and so a JSON file) cannot."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class Rule:
    """What one value must be. Subclasses override what differs from "any value, as is"."""

    __slots__ = ()
    schema_exact: ClassVar[bool] = True
    """Whether the JSON Schema states this rule fully (False: the schema is more lenient)."""
    leniency: ClassVar[str] = ""
    """Where ``schema_exact`` is False: what the schema lets through that the library refuses."""

    def convert(self, value: Any) -> Any:
        """What a Python caller's value becomes before it is checked (anything else is kept)."""
        return value

    def check(self, value: Any) -> None:
        """Raise ValidationError (path ``""``) unless ``value`` is valid."""

    def from_json(self, value: Any) -> Any:
        """The Python value for a JSON value, refusing JSON types the field cannot hold."""
        return value

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        """This rule in generated decoders (:mod:`geostmt.wire.decoders`): ``(test, result)``,
        Python source of a test that holds only where the JSON value named ``value`` is plainly
        valid, and of the field's value then (which may raise where it cannot be made).

        ``bind(obj)`` gives the name ``obj`` has in the generated code. None (the default): no
        inline form, so decoders call :meth:`from_json`, :meth:`convert` and :meth:`check`.
        Where the test fails, decoders call those too, so an inline test may be narrower than
        the rule, never wider.
        """
        return None

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of one value."""
        raise NotImplementedError  # pragma: no cover - every concrete rule says its schema

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class StringRule(Rule):
    """A rule over text: JSON must hold a string."""

    __slots__ = ()

    def from_json(self, value: Any) -> Any:
        if type(value) is not str:
            raise _wrong("a string", value)
        return value


class Text(StringRule):
    """Non-blank text that UTF-8 can hold; stripped and NFC-composed on the way in."""

    __slots__ = ()
    convert = staticmethod(to_text)  # a plain function: one call, not two

    def check(self, value: Any) -> None:
        if type(value) is not str:
            raise _wrong("a string", value)
        if not value:
            raise _problem("must not be blank")
        if _not_utf8(value):
            raise _problem(_SURROGATE)

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        # ASCII text already stripped: what to_text keeps as it is and check passes
        v = value
        return f"type({v}) is str and {v}.isascii() and {v} and {v}.strip() == {v}", v

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/Text"}


class Id(StringRule):
    """A record id: 1 to 200 characters matching :data:`ID_PATTERN`."""

    __slots__ = ()

    def check(self, value: Any) -> None:
        if type(value) is not str:
            raise _wrong("an id string", value)
        if not value or len(value) > ID_MAX_LENGTH or not _ID.fullmatch(value):
            raise _problem(
                f"{shown(value)} is not an id: 1 to {ID_MAX_LENGTH} characters of letters, "
                "digits and . _ : - starting with a letter or digit"
            )

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        v, match = value, bind(_ID.fullmatch)
        return f"type({v}) is str and {v} and len({v}) <= {ID_MAX_LENGTH} and {match}({v})", v

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/Id"}


class Ref(Id):
    """The id of another record, of type ``target`` (a type tag; None: any record type).

    Python callers may pass the record itself; its id is kept.
    """

    __slots__ = ("target",)

    def __init__(self, target: str | None) -> None:
        self.target = target

    def convert(self, value: Any) -> Any:
        if type(value) is str:
            return value
        ident = getattr(value, "id", None)
        if type(ident) is str and hasattr(type(value), "__attrs_attrs__"):
            return ident
        return value

    def __repr__(self) -> str:
        return f"Ref({self.target!r})"


class LanguageTag(StringRule):
    """A BCP 47 language tag (``en``, ``uk``, ``zh-Hant-TW``, ``x-private``, ``i-klingon``)
    whose language subtag is an ISO 639 code (:mod:`geostmt.model.languages`)."""

    __slots__ = ()

    def check(self, value: Any) -> None:
        if type(value) is not str:
            raise _wrong("a language tag string", value)
        problem = language_problem(value)
        if problem is not None:
            raise _problem(problem)

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/LanguageTag"}


class _CodeRule(StringRule):
    """A code from a reference table, upper case; a lower-case code gets a did-you-mean."""

    __slots__ = ()
    what: ClassVar[str]
    """What a code is, in messages (``"ISO 4217 currency code"``)."""
    kind: ClassVar[str]
    """What a value of the wrong type was expected to be (``"ISO 4217 code"``)."""

    def known(self, code: str) -> bool:
        """Whether ``code`` is in the table."""
        raise NotImplementedError  # pragma: no cover

    def check(self, value: Any) -> None:
        if type(value) is not str:
            raise _wrong(f"an {self.kind}", value)
        if not self.known(value):
            hint = f" (did you mean {value.upper()!r}?)" if self.known(value.upper()) else ""
            raise _problem(f"{shown(value)} is not an {self.what}{hint}")

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        return f"type({value}) is str and {bind(self.known)}({value})", value


class CountryCode(_CodeRule):
    """An assigned ISO 3166-1 alpha-2 code, upper case."""

    __slots__ = ()
    what = kind = "ISO 3166-1 alpha-2 code"

    def known(self, code: str) -> bool:
        return is_country(code)

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/CountryCode"}


class CurrencyCode(_CodeRule):
    """An ISO 4217 code known to CLDR."""

    __slots__ = ()
    what = "ISO 4217 currency code"
    kind = "ISO 4217 code"

    def known(self, code: str) -> bool:
        return is_currency(code)

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/CurrencyCode"}


class SubdivisionCode(StringRule):
    """An ISO 3166-2 code (``RU-KRS``)."""

    __slots__ = ()
    schema_exact = False
    leniency = "the schema checks the shape of an ISO 3166-2 code, not that it is assigned"

    def check(self, value: Any) -> None:
        if type(value) is not str:
            raise _wrong("an ISO 3166-2 code", value)
        if not is_subdivision(value):
            raise _problem(f"{shown(value)} is not an ISO 3166-2 subdivision code")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": SUBDIVISION_PATTERN}


class Unit(StringRule):
    """A pint unit in pint's canonical spelling (``kilometer``, ``metric_ton``)."""

    __slots__ = ()
    schema_exact = False
    leniency = "the schema takes any unit string; only pint knows which units exist"

    def check(self, value: Any) -> None:
        from geostmt.reference.units import canonical_unit

        if type(value) is not str:
            raise _wrong("a unit name", value)
        try:
            canonical = canonical_unit(value)
        except ValueError as error:
            raise _problem(str(error)) from None
        if canonical != value:
            raise _problem(f"{shown(value)} is not pint's canonical spelling; write {canonical!r}")

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        # pint's answers are cached; an unknown unit raises, and the detailed path explains
        return f"type({value}) is str and {bind(_canonical_unit)}({value}) == {value}", value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}


_UNITS: list[Callable[[str], str]] = []


def _canonical_unit(unit: str) -> str:
    """:func:`geostmt.reference.units.canonical_unit`, imported on first use (pint is heavy)."""
    if not _UNITS:
        from geostmt.reference.units import canonical_unit

        _UNITS.append(canonical_unit)
    return _UNITS[0](unit)


class Vocabulary(StringRule):
    """A string from a code book loaded on first use (CAMEO codes, PLOVER contexts, ACLED
    types); the message suggests the nearest entry."""

    __slots__ = ("_values", "what")

    def __init__(self, values: Callable[[], Collection[str]], what: str) -> None:
        self._values = values
        self.what = what

    @property
    def values(self) -> Collection[str]:
        """Every allowed string."""
        return self._values()

    def check(self, value: Any) -> None:
        if type(value) is not str:
            raise _wrong("a string", value)
        if value not in self._values():
            near = difflib.get_close_matches(value, sorted(self._values()), n=1, cutoff=0.6)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise _problem(f"{shown(value)} is not {self.what}{hint}")

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        return f"type({value}) is str and {value} in {bind(self._values)}()", value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": sorted(self._values())}

    def __repr__(self) -> str:
        return f"Vocabulary({self.what!r})"


class Choice(Rule):
    """A member of a closed vocabulary (a string enum); JSON holds its lower-case value."""

    __slots__ = ("_allowed", "_members", "enum")

    def __init__(self, enum: type[Enum]) -> None:
        self.enum = enum
        self._members: dict[str, Enum] = {member.value: member for member in enum}
        self._allowed = ", ".join(self._members)

    def convert(self, value: Any) -> Any:
        return enum_member(self.enum, value)

    def check(self, value: Any) -> None:
        if not isinstance(value, self.enum):
            raise _problem(f"{shown(value)} is not one of: {self._allowed}")

    def from_json(self, value: Any) -> Any:
        member = self._members.get(value) if type(value) is str else None
        if member is None:
            raise _problem(f"{shown(value)} is not one of: {self._allowed}")
        return member

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        members = bind(self._members)
        return f"type({value}) is str and {value} in {members}", f"{members}[{value}]"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self._members)}

    def __repr__(self) -> str:
        return f"Choice({self.enum.__name__})"


_FLOAT = (
    "got the float {value!r}: binary floats are not exact and are never made decimal "
    "silently; pass {exact} (or an int or a string)"
)


class DecimalNumber(Rule):
    """A finite Decimal, at least ``ge`` where given; JSON holds a string or a number."""

    __slots__ = ("ge",)

    def __init__(self, *, ge: int | None = None) -> None:
        self.ge = ge

    def convert(self, value: Any) -> Any:
        kind = type(value)
        if kind is Decimal:
            return value
        if kind is int:
            return Decimal(value)
        if kind is str:
            try:
                return Decimal(value.strip())
            except InvalidOperation:
                return value
        return value

    def check(self, value: Any) -> None:
        if type(value) is not Decimal:
            if type(value) is float and math.isfinite(value):
                raise _problem(_FLOAT.format(value=value, exact=f"Decimal({repr(value)!r})"))
            if type(value) is float:
                raise _problem(f"must be a finite number, not {value!r}")
            raise _wrong("a decimal number (string or number)", value)
        if not value.is_finite():
            raise _problem(f"must be a finite number, not {written(value)}")
        if self.ge is not None and value < self.ge:
            raise _problem(f"must be >= {self.ge}, not {written(value)}")

    def from_json(self, value: Any) -> Any:
        kind = type(value)
        if kind is str:
            if not _DECIMAL.fullmatch(value):
                raise _problem(f'{shown(value)} is not a decimal number like "425000000"')
            try:
                return Decimal(value)
            except InvalidOperation:  # an exponent past Decimal's range: "1e9999999999999999999"
                raise _problem(f"{shown(value)} is too large") from None
        if kind is int or kind is Decimal:
            return Decimal(value)
        if kind is float:
            return Decimal(repr(value))
        raise _wrong("a decimal number (string or number)", value)

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        if self.ge not in (None, 0):
            return None
        # a decimal string, without a minus sign where it must be >= 0: always finite
        pattern = _DECIMAL if self.ge is None else _NON_NEGATIVE_DECIMAL
        test = f"type({value}) is str and {bind(pattern.fullmatch)}({value})"
        return test, f"{bind(Decimal)}({value})"

    def json_schema(self) -> dict[str, Any]:
        if self.ge == 0:
            return {"$ref": "#/$defs/NonNegativeDecimal"}
        if self.ge is None:
            return {"$ref": "#/$defs/Decimal"}
        raise NotImplementedError("only ge=0 or no bound has a schema")  # pragma: no cover

    def __repr__(self) -> str:
        return f"DecimalNumber(ge={self.ge!r})"


class Integer(Rule):
    """An int (not a bool), at least ``ge``."""

    __slots__ = ("ge",)

    def __init__(self, *, ge: int = 0) -> None:
        self.ge = ge

    def check(self, value: Any) -> None:
        if type(value) is not int:
            raise _wrong("an integer", value)
        if value < self.ge:
            raise _problem(f"must be >= {self.ge}, not {written(value)}")

    def from_json(self, value: Any) -> Any:
        if type(value) is not int:
            raise _wrong("an integer", value)
        return value

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        return f"type({value}) is int and {value} >= {self.ge!r}", value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.ge}

    def __repr__(self) -> str:
        return f"Integer(ge={self.ge!r})"


class Number(Rule):
    """A finite float within ``[ge, le]``; ints and Decimals become floats."""

    __slots__ = ("ge", "le")

    def __init__(self, *, ge: float, le: float) -> None:
        self.ge = ge
        self.le = le

    def convert(self, value: Any) -> Any:
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            try:
                return float(value)
            except OverflowError:
                return value
        return value

    def check(self, value: Any) -> None:
        if type(value) is not float:
            raise _wrong("a number", value)
        if math.isnan(value) or not self.ge <= value <= self.le:
            raise _problem(f"must be between {self.ge:g} and {self.le:g}, not {value!r}")

    def from_json(self, value: Any) -> Any:
        kind = type(value)
        if kind is float or kind is int or kind is Decimal:
            return value
        raise _wrong("a number", value)

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        v = value
        return f"type({v}) is float and {self.ge!r} <= {v} <= {self.le!r}", v

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.ge, "maximum": self.le}

    def __repr__(self) -> str:
        return f"Number(ge={self.ge!r}, le={self.le!r})"


_TIME: list[Any] = []


def _time() -> Any:
    """:mod:`geostmt.model.time`, which imports this module, looked up once."""
    if not _TIME:
        from geostmt.model import time

        _TIME.append(time)
    return _TIME[0]


class Date(Rule):
    """A :class:`~geostmt.PartialDate`; ISO 8601 text on the wire (``2024-10-31``, ``2024``)."""

    __slots__ = ()
    schema_exact = False
    leniency = "the schema's date pattern admits days a month lacks (2023-02-30)"

    def convert(self, value: Any) -> Any:
        return _time().to_partial_date(value)

    def check(self, value: Any) -> None:
        if not isinstance(value, _time().PartialDate):
            raise _problem(
                f"{shown(value)} is not a date like 2024-10-31, 2024-10, 2024 or "
                "2024-10-31T04:30+02:00"
            )

    def from_json(self, value: Any) -> Any:
        if type(value) is not str:
            raise _wrong("a date string like 2024-10-31", value)
        return _time().PartialDate.parse(value)

    def inline(self, value: str, bind: Callable[[Any], str]) -> tuple[str, str] | None:
        return f"type({value}) is str", f"{bind(_time().PartialDate.parse)}({value})"

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/Date"}


class StringMap(Rule):
    """A map of non-blank string keys to non-blank string values (``identifiers``); the ids
    of a known scheme must have its form (:data:`~geostmt.model.identifiers.SCHEMES`)."""

    __slots__ = ()

    def convert(self, value: Any) -> Any:
        return to_frozen_map(value)

    def check(self, value: Any) -> None:
        if not isinstance(value, FrozenMap):
            raise _problem(f"expected an object of strings, got {type(value).__name__}")
        problems = []
        for key, item in value.items():
            if type(key) is not str or not key.strip():
                problems.append(Problem("", f"key {shown(key)} must be a non-blank string"))
            elif _not_utf8(key):
                problems.append(Problem("", f"key {shown(key)} {_SURROGATE}"))
            elif type(item) is not str or not item.strip():
                problems.append(Problem(key, f"expected a non-blank string, got {shown(item)}"))
            elif _not_utf8(item):
                problems.append(Problem(key, _SURROGATE))
            elif (problem := identifier_problem(key, item)) is not None:
                problems.append(Problem(key, problem))
        if problems:
            raise ValidationError(problems)

    def from_json(self, value: Any) -> Any:
        if type(value) is not dict:
            raise _wrong("an object", value)
        return FrozenMap(value)

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/Identifiers"}


class Nested(Rule):
    """An instance of another geostmt class (a value or a part); JSON holds its object."""

    __slots__ = ("cls",)

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls

    def check(self, value: Any) -> None:
        if not isinstance(value, self.cls):
            raise _wrong(noun(self.cls), value)

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.cls.__name__}"}

    def __repr__(self) -> str:
        return f"Nested({self.cls.__name__})"
