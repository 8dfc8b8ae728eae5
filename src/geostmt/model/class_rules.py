"""Rules across the fields of one class: "a url or a title", "low <= value", "lat with lon".

A class lists its rules in ``RULES``; :func:`geostmt.model.fields.check_rules`, its
``__attrs_post_init__``, runs them after the field checks, and the JSON Schema export asks
each for its schema. A rule JSON Schema cannot
state (comparing two values, say) has ``schema_exact = False``, says what it lets through in
``leniency``, and puts a ``$comment`` in the schema instead.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any, ClassVar

from geostmt.errors import Problem, shown, written
from geostmt.reference import subdivisions

__all__ = [
    "AnyOf",
    "Belongs",
    "CountOnly",
    "ClassRule",
    "DatesOrdered",
    "Differ",
    "Forbid",
    "Ordered",
    "Requires",
    "SubdivisionInCountry",
    "Together",
    "is_set",
]


def is_set(name: str) -> dict[str, Any]:
    """The JSON Schema of "``name`` is present and not null" (null reads as absent)."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def _has(name: str, value: Any) -> dict[str, Any]:
    return {"required": [name], "properties": {name: {"const": value}}}


class ClassRule:
    """One rule over several fields of an instance."""

    __slots__ = ("fields",)
    schema_exact: ClassVar[bool] = True
    leniency: ClassVar[str] = ""

    def __init__(self, *fields: str) -> None:
        self.fields = fields

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        """Python source true only where the rule surely holds for the instance called
        ``name`` (constants it needs go in ``constants``); "False" to always ask
        :meth:`problem`. Classes run these first, as one generated expression."""
        return "False"

    def problem(self, instance: Any) -> Problem | None:
        """What is wrong with ``instance`` under this rule, or None when it holds."""
        raise NotImplementedError  # pragma: no cover
        return None

    def json_schema(self) -> dict[str, Any]:
        """The rule as a JSON Schema (a ``$comment`` where JSON Schema cannot say it)."""
        raise NotImplementedError  # pragma: no cover

    @property
    def label(self) -> str:
        """A short statement of the rule over its fields (``"low <= value"``)."""
        return f"{type(self).__name__.lower()}({', '.join(self.fields)})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self.fields!r}"


class AnyOf(ClassRule):
    """At least one of ``fields`` is set."""

    __slots__ = ("at", "message")

    def __init__(self, *fields: str, message: str, at: str = "") -> None:
        super().__init__(*fields)
        self.message = message
        self.at = at

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        return "(" + " or ".join(f"{name}.{field} is not None" for field in self.fields) + ")"

    def problem(self, instance: Any) -> Problem | None:
        for name in self.fields:
            if getattr(instance, name) is not None:
                return None
        return Problem(self.at, self.message)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [is_set(name) for name in self.fields]}


class Forbid(ClassRule):
    """``field`` never holds ``value``."""

    __slots__ = ("message", "value")

    def __init__(self, field: str, value: Any, *, message: str) -> None:
        super().__init__(field)
        self.value = value
        self.message = message

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        key = f"_c{len(constants)}"
        constants[key] = self.value
        return f"({name}.{self.fields[0]} != {key})"

    def problem(self, instance: Any) -> Problem | None:
        if getattr(instance, self.fields[0]) == self.value:
            return Problem(self.fields[0], self.message)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"not": _has(self.fields[0], _wire(self.value))}


class Requires(ClassRule):
    """Where ``field`` holds ``value``, every one of ``needs`` is set."""

    __slots__ = ("at", "message", "needs", "value")

    def __init__(
        self, field: str, value: Any, *, needs: tuple[str, ...], message: str, at: str
    ) -> None:
        super().__init__(field, *needs)
        self.value = value
        self.needs = needs
        self.message = message
        self.at = at

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        key = f"_c{len(constants)}"
        constants[key] = self.value
        needed = " and ".join(f"{name}.{field} is not None" for field in self.needs)
        return f"({name}.{self.fields[0]} != {key} or ({needed}))"

    def problem(self, instance: Any) -> Problem | None:
        if getattr(instance, self.fields[0]) == self.value and any(
            getattr(instance, name) is None for name in self.needs
        ):
            return Problem(self.at, self.message)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {
            "if": _has(self.fields[0], _wire(self.value)),
            "then": {"allOf": [is_set(name) for name in self.needs]},
        }


class Together(ClassRule):
    """Two fields set together or not at all; the problem names the one missing."""

    __slots__ = ("message",)

    def __init__(self, first: str, second: str, *, message: str) -> None:
        super().__init__(first, second)
        self.message = message

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        first, second = self.fields
        return f"(({name}.{first} is None) == ({name}.{second} is None))"

    def problem(self, instance: Any) -> Problem | None:
        first, second = self.fields
        if (getattr(instance, first) is None) != (getattr(instance, second) is None):
            return Problem(first if getattr(instance, first) is None else second, self.message)
        return None

    def json_schema(self) -> dict[str, Any]:
        first, second = self.fields
        return {
            "allOf": [
                {"if": is_set(first), "then": is_set(second)},
                {"if": is_set(second), "then": is_set(first)},
            ]
        }


class Ordered(ClassRule):
    """Where both are set, ``low <= high``; ``message`` is formatted with the fields' values."""

    __slots__ = ("at", "message")
    schema_exact = False
    leniency = "JSON Schema cannot compare two values, so an order between fields is not stated"

    def __init__(self, low: str, high: str, *, at: str, message: str) -> None:
        super().__init__(low, high)
        self.at = at
        self.message = message

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        low, high = (f"{name}.{field}" for field in self.fields)
        return f"({low} is None or {high} is None or {low} <= {high})"

    def problem(self, instance: Any) -> Problem | None:
        low = getattr(instance, self.fields[0])
        if low is None:
            return None
        high = getattr(instance, self.fields[1])
        if high is not None and low > high:
            values = (written(low), written(high))  # a million digits are not repeated
            return Problem(
                self.at, self.message.format(**dict(zip(self.fields, values, strict=True)))
            )
        return None

    @property
    def label(self) -> str:
        return f"{self.fields[0]} <= {self.fields[1]}"

    def json_schema(self) -> dict[str, Any]:
        return {"$comment": f"{self.label} (not checked by the schema)"}


class DatesOrdered(ClassRule):
    """``end`` cannot fall before ``start`` at any reading of their precision."""

    __slots__ = ()
    schema_exact = False
    leniency = Ordered.leniency

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        start, end = (f"{name}.{field}" for field in self.fields)
        return f"({start} is None or {end} is None)"

    def problem(self, instance: Any) -> Problem | None:
        start, end = self.fields
        first, last = getattr(instance, start), getattr(instance, end)
        if first is None or last is None:
            return None
        from geostmt.model.time import order_problem

        problem = order_problem(first, last, end)
        if problem:
            return Problem(end, problem)
        return None

    @property
    def label(self) -> str:
        return f"{self.fields[1]} not before {self.fields[0]}"

    def json_schema(self) -> dict[str, Any]:
        return {"$comment": f"{self.label} (not checked by the schema)"}


class SubdivisionInCountry(ClassRule):
    """An ISO 3166-2 subdivision belongs to the ISO 3166-1 country beside it."""

    __slots__ = ()
    schema_exact = False
    leniency = "the schema requires a country beside a subdivision, not that they match"

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        key = f"_c{len(constants)}"
        constants[key] = _country_of
        code, country = (f"{name}.{field}" for field in self.fields)
        return f"({code} is None or {key}({code}) == {country})"

    def problem(self, instance: Any) -> Problem | None:
        code_field, country_field = self.fields
        code = getattr(instance, code_field)
        entry = None if code is None else subdivisions().get(code)
        if entry is None:
            return None  # no subdivision, or an unknown one (reported by the field)
        country = getattr(instance, country_field)
        if country is None:
            return Problem(
                code_field,
                f"subdivision {shown(code)} needs country {shown(entry.country)} to be set",
            )
        if entry.country != country:
            return Problem(
                code_field,
                f"{shown(code)} is a subdivision of {shown(entry.country)}, "
                f"not of {shown(country)}",
            )
        return None

    @property
    def label(self) -> str:
        return f"{self.fields[0]} belongs to {self.fields[1]}"

    def json_schema(self) -> dict[str, Any]:
        code_field, country_field = self.fields
        return {
            "if": is_set(code_field),
            "then": is_set(country_field),
            "$comment": f"{self.label} (not checked by the schema)",
        }


class Differ(ClassRule):
    """Where both are set, the two fields differ."""

    __slots__ = ("message",)
    schema_exact = False
    leniency = "JSON Schema cannot compare two values, so 'differs from' is not stated"

    def __init__(self, field: str, other: str, *, message: str) -> None:
        super().__init__(field, other)
        self.message = message

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        field, other = (f"{name}.{value}" for value in self.fields)
        return f"({field} is None or {field} != {other})"

    def problem(self, instance: Any) -> Problem | None:
        field, other = self.fields
        value = getattr(instance, field)
        if value is not None and value == getattr(instance, other):
            return Problem(field, self.message)
        return None

    @property
    def label(self) -> str:
        return f"{self.fields[0]} differs from {self.fields[1]}"

    def json_schema(self) -> dict[str, Any]:
        return {"$comment": f"{self.label} (not checked by the schema)"}


class Belongs(ClassRule):
    """Where both are set, ``child`` is one of the values ``table()[parent]`` allows (a PLOVER
    mode of its category, an ACLED sub-event type of its event type)."""

    __slots__ = ("table", "what")

    def __init__(
        self, child: str, parent: str, *, table: Callable[[], Mapping[str, Collection[str]]],
        what: str,
    ) -> None:  # fmt: skip
        super().__init__(child, parent)
        self.table = table
        self.what = what

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        return f"({name}.{self.fields[0]} is None)"

    def problem(self, instance: Any) -> Problem | None:
        child, parent = getattr(instance, self.fields[0]), getattr(instance, self.fields[1])
        allowed = None if parent is None else self.table().get(parent)
        if child is None or allowed is None or child in allowed:
            return None
        listed = ", ".join(repr(value) for value in allowed) or "none"
        return Problem(
            self.fields[0],
            f"{shown(child)} is not {self.what} of {shown(parent)} (allowed: {listed})",
        )

    @property
    def label(self) -> str:
        return f"{self.fields[0]} belongs to {self.fields[1]}"

    def json_schema(self) -> dict[str, Any]:
        child, parent = self.fields
        return {
            "allOf": [
                {
                    "if": _has(parent, key),
                    "then": {"properties": {child: {"enum": [*values, None]}}},
                }
                for key, values in sorted(self.table().items())
            ]
        }


class CountOnly(ClassRule):
    """The :class:`~geostmt.Quantity` in ``field`` is a count: no unit, no negative number."""

    __slots__ = ()
    _BOUNDS = ("value", "low", "high")

    def holds(self, name: str, constants: dict[str, Any]) -> str:
        return f"({name}.{self.fields[0]} is None)"

    def problem(self, instance: Any) -> Problem | None:
        name = self.fields[0]
        quantity = getattr(instance, name)
        if quantity is None:
            return None
        if quantity.unit is not None:
            return Problem(f"{name}.unit", f"{name} is a count and has no unit")
        for bound in self._BOUNDS:
            number = getattr(quantity, bound)
            if number is not None and number < 0:
                return Problem(f"{name}.{bound}", f"a count must be >= 0, not {number}")
        return None

    @property
    def label(self) -> str:
        return f"{self.fields[0]} is a count"

    def json_schema(self) -> dict[str, Any]:
        count = {"anyOf": [{"$ref": "#/$defs/NonNegativeDecimal"}, {"type": "null"}]}
        inner = dict.fromkeys(self._BOUNDS, count)
        return {"properties": {self.fields[0]: {"properties": {"unit": {"type": "null"}, **inner}}}}


def _country_of(code: str) -> str | None:
    """The country of ISO 3166-2 ``code``, or None for an unknown code."""
    entry = subdivisions().get(code)
    return None if entry is None else entry.country


def _wire(value: Any) -> Any:
    """An enum member as JSON spells it."""
    return getattr(value, "value", value)
