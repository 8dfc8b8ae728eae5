"""Field factories: each puts one :class:`~geostmt.model.rules.Rule` on an attrs field.

``name: str = attrs.field(**text())`` gives the field its converter and validator from the rule
and records the rule in the field's metadata, where :func:`geostmt.model.describe` finds it. A
field is one value, optional (``default=None``) or a list (``many=True`` with ``default=()``);
the default is written beside the factory so that type checkers see it. A class with
cross-field ``RULES`` runs them with ``__attrs_post_init__ = check_rules``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from enum import Enum
from typing import Any

import attrs

from geostmt.errors import Problem, ValidationError
from geostmt.model import rules as r

__all__ = [
    "METADATA_KEY",
    "FieldRule",
    "choice",
    "country",
    "currency",
    "date",
    "decimal",
    "check_rules",
    "field",
    "ident",
    "integer",
    "language",
    "nested",
    "number",
    "ref",
    "rules_hold",
    "string_map",
    "subdivision",
    "text",
    "unit",
    "vocabulary",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
METADATA_KEY = "geostmt"
"""The key of a field's :class:`FieldRule` in ``attrs.field(metadata=...)``."""


@attrs.frozen
class FieldRule:
    """What :func:`field` records in the metadata: the rule, and whether the field is a list."""

    rule: r.Rule
    many: bool


def _not_a_list(value: Any) -> bool:
    return isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable)


def _validator(rule: r.Rule, many: bool) -> Validator:
    """The attrs validator: None passes where the field's default is None (optional)."""
    check = rule.check

    def validate_one(
        instance: Any,
        attribute: attrs.Attribute[Any],
        value: Any,
        check: Callable[[Any], None] = check,  # bound as locals: the hottest call in decoding
        failure: type[ValidationError] = ValidationError,
    ) -> None:
        if value is None and attribute.default is None:
            return
        try:
            check(value)
        except failure as error:
            raise error.prefixed(attribute.name) from None

    def validate_many(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple:
            raise ValidationError.single(attribute.name, r.expected("a list", value))
        problems: list[Problem] = []
        for index, item in enumerate(value):
            try:
                check(item)
            except ValidationError as error:
                problems.extend(error.prefixed(index).prefixed(attribute.name).problems)
        if problems:
            raise ValidationError(problems)

    return validate_many if many else validate_one


def _converter(rule: r.Rule, many: bool) -> Callable[[Any], Any] | None:
    """The attrs converter: the rule's (None-safe) conversion, over each item of a list."""
    convert = rule.convert
    plain = type(rule).convert is r.Rule.convert
    if not many:
        return None if plain else convert

    def to_tuple(values: Any) -> Any:
        if type(values) is tuple and plain:
            return values
        if _not_a_list(values):
            return values  # reported by the validator
        return tuple(values) if plain else tuple([convert(v) for v in values])

    return to_tuple


def field(rule: r.Rule, *, many: bool = False) -> dict[str, Any]:
    """The ``attrs.field`` arguments for values that pass ``rule`` (a list with ``many=True``):
    ``name: str = attrs.field(**field(Text()))``.

    The default stays outside, where type checkers see it: ``default=None`` makes the field
    optional, and list fields take ``default=()``.
    """
    return {
        "converter": _converter(rule, many),
        "validator": _validator(rule, many),
        "metadata": {METADATA_KEY: FieldRule(rule, many)},
    }


_TEXT = r.Text()
_ID = r.Id()


def text(*, many: bool = False) -> dict[str, Any]:
    """Non-blank text, stripped and NFC-composed."""
    return field(_TEXT, many=many)


def ident() -> dict[str, Any]:
    """The record's own id."""
    return field(_ID)


def ref(target: str | None, *, many: bool = False) -> dict[str, Any]:
    """The id of a record of type ``target`` (a type tag, or None for any); takes records too."""
    return field(r.Ref(target), many=many)


def choice(enum: type[Enum]) -> dict[str, Any]:
    """A member of ``enum``; its string value is accepted too.

    The converter is left out for the field to give as ``converter=``: a named function typed
    ``(Enum | Literal[...]) -> Enum`` (:func:`geostmt.model.enums.as_actor_kind`), so that type
    checkers accept the strings; it converts with :func:`~geostmt.model.enums.member`, as
    :class:`~.rules.Choice` does.
    """
    arguments = field(r.Choice(enum))
    del arguments["converter"]
    return arguments


def decimal(*, ge: int | None = None) -> dict[str, Any]:
    """A finite Decimal (at least ``ge`` where given); ints and strings convert, floats are
    refused (the message shows the Decimal to write)."""
    return field(r.DecimalNumber(ge=ge))


def integer(*, ge: int = 0) -> dict[str, Any]:
    """An integer of at least ``ge``."""
    return field(r.Integer(ge=ge))


def number(*, ge: float, le: float) -> dict[str, Any]:
    """A float within ``[ge, le]``."""
    return field(r.Number(ge=ge, le=le))


def date() -> dict[str, Any]:
    """A :class:`~geostmt.PartialDate`; ISO strings and ``datetime.date`` convert."""
    return field(r.Date())


def country() -> dict[str, Any]:
    """An ISO 3166-1 alpha-2 country code."""
    return field(r.CountryCode())


def subdivision() -> dict[str, Any]:
    """An ISO 3166-2 subdivision code."""
    return field(r.SubdivisionCode())


def currency() -> dict[str, Any]:
    """An ISO 4217 currency code."""
    return field(r.CurrencyCode())


def language() -> dict[str, Any]:
    """A BCP 47 language tag."""
    return field(r.LanguageTag())


def unit() -> dict[str, Any]:
    """A pint unit in canonical spelling."""
    return field(r.Unit())


def vocabulary(
    values: Callable[[], Collection[str]], what: str, *, many: bool = False
) -> dict[str, Any]:
    """A string from a code book (``values`` is called on first use); ``what`` names it in
    messages (``"a CAMEO event code"``)."""
    return field(r.Vocabulary(values, what), many=many)


def nested(cls: type[Any], *, many: bool = False) -> dict[str, Any]:
    """An instance of another geostmt class (a value or a part)."""
    return field(r.Nested(cls), many=many)


def string_map() -> dict[str, Any]:
    """A map of non-blank strings to non-blank strings (``identifiers``); pass the empty
    :class:`~geostmt.FrozenMap` as ``default``."""
    return field(r.StringMap())


def check_rules(self: Any) -> None:
    """``__attrs_post_init__`` for a class with cross-field ``RULES``: every problem at once.

    The rules' :meth:`~geostmt.model.class_rules.ClassRule.holds` expressions, joined into
    one generated function per class, pass the usual valid instance in one call; only an
    instance they cannot vouch for is asked each rule's problem.
    """
    cls = type(self)
    holds = _HOLDS.get(cls) or rules_hold(cls)
    if holds(self):
        return
    problems = [p for rule in cls.RULES if (p := rule.problem(self)) is not None]
    if problems:
        raise ValidationError(problems)


_HOLDS: dict[type[Any], Callable[[Any], bool]] = {}


def rules_hold(cls: type[Any]) -> Callable[[Any], bool]:
    """The generated test :func:`check_rules` runs first for ``cls``: true only where every
    rule in ``cls.RULES`` surely holds (generated decoders call it directly)."""
    holds = _HOLDS.get(cls)
    if holds is None:
        holds = _HOLDS[cls] = _compile_holds(cls.RULES)
    return holds


def _compile_holds(rules: Iterable[Any]) -> Callable[[Any], bool]:
    constants: dict[str, Any] = {}
    test = " and ".join(rule.holds("s", constants) for rule in rules) or "True"
    namespace = dict(constants)
    exec(f"def holds(s):\n    return {test}\n", namespace)  # our own generated code
    function: Callable[[Any], bool] = namespace["holds"]
    return function
