"""``describe(cls)``: the one description of a class's fields that every layer derives from.

The wire hooks, the JSON Schema, the Dataset's reference checks and the hypothesis strategies
each loop over :class:`RecordSpec` fields instead of restating them (as msgspec's ``inspect``
feeds its JSON Schema), so adding a field to a class is one edit.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from geostmt.errors import shown
from geostmt.model.class_rules import ClassRule
from geostmt.model.fields import METADATA_KEY, FieldRule
from geostmt.model.rules import Nested, Ref, Rule

__all__ = [
    "FieldSpec",
    "RecordSpec",
    "Reference",
    "describe",
    "field_docs",
    "is_described",
    "references",
]


@attrs.frozen
class FieldSpec:
    """One field: its name, Python type, rule, and whether it is required, optional or a list."""

    name: str
    annotation: Any
    rule: Rule
    many: bool
    required: bool
    default: Any
    """The default value (``attrs.NOTHING`` for a required field)."""
    owner: type[Any]
    """The class the field belongs to."""

    @property
    def doc(self) -> str:
        """What the field means: its docstring in the class (the JSON Schema's
        ``description``). Read from the source on first use only, since reading and parsing
        source is slow and only the schema and the docs need it."""
        return _field_docs_of(self.owner).get(self.name, "")

    @property
    def optional(self) -> bool:
        """Whether None is allowed (and means "not known")."""
        return self.default is None

    @property
    def nested(self) -> type[Any] | None:
        """The geostmt class this field holds instances of, if any."""
        return self.rule.cls if isinstance(self.rule, Nested) else None

    @property
    def is_reference(self) -> bool:
        """Whether this field holds ids of other records."""
        return isinstance(self.rule, Ref)

    @property
    def target(self) -> str | None:
        """The record type a reference must resolve to (None: any; also None for non-refs)."""
        return self.rule.target if isinstance(self.rule, Ref) else None


@attrs.frozen
class RecordSpec:
    """A described class: its ``type`` tag (records only), its fields and cross-field rules."""

    cls: type[Any]
    tag: str | None
    fields: tuple[FieldSpec, ...]
    rules: tuple[ClassRule, ...]

    def field(self, name: str) -> FieldSpec:
        """The field called ``name``; ``KeyError`` if there is none."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


def is_described(cls: Any) -> bool:
    """Whether ``cls`` is a class whose every field carries a rule (records, values, parts)."""
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and all(METADATA_KEY in a.metadata for a in attrs.fields(cls))
    )


_SPECS: dict[type[Any], RecordSpec] = {}
_REFERENCES: dict[type[Any], tuple[Reference, ...]] = {}


def describe(cls: type[Any]) -> RecordSpec:
    """The description of ``cls``: every field's rule and the class's cross-field rules.

    Raises ``TypeError`` for a class not built with :mod:`geostmt.model.fields`. Each class is
    described once and the answer kept.
    """
    found = _SPECS.get(cls)
    if found is None:
        found = _SPECS[cls] = _describe(cls)
    return found


def _describe(cls: type[Any]) -> RecordSpec:
    if not is_described(cls):
        raise TypeError(f"{shown(cls)} is not a geostmt class described by field rules")
    hints = typing.get_type_hints(cls)
    specs = []
    for attribute in attrs.fields(cls):
        meta: FieldRule = attribute.metadata[METADATA_KEY]
        specs.append(
            FieldSpec(
                name=attribute.name,
                annotation=hints[attribute.name],
                rule=meta.rule,
                many=meta.many,
                required=attribute.default is attrs.NOTHING,
                default=attribute.default,
                owner=cls,
            )
        )
    return RecordSpec(
        cls=cls,
        tag=getattr(cls, "TYPE", None),
        fields=tuple(specs),
        rules=tuple(getattr(cls, "RULES", ())),
    )


_DOCS: dict[type[Any], dict[str, str]] = {}


def _field_docs_of(cls: type[Any]) -> dict[str, str]:
    found = _DOCS.get(cls)
    if found is None:
        found = _DOCS[cls] = field_docs(cls)
    return found


def field_docs(cls: type[Any]) -> dict[str, str]:
    """Each field's docstring (the string literal after it in the class body), one paragraph
    joined on one line: ``{"name": "The name the actor is best known by."}``."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source (a frozen build): no descriptions
        return {}
    found: dict[str, str] = {}
    body = ast.parse(source).body[0]
    if not isinstance(body, ast.ClassDef):  # pragma: no cover - getsource gives the class
        return found
    statements = body.body
    for statement, after in itertools.pairwise(statements):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[statement.target.id] = " ".join(after.value.value.split())
    return found


@attrs.frozen
class Reference:
    """A reference field, reached from a record by ``steps`` (field names, lists walked)."""

    steps: tuple[FieldSpec, ...]
    target: str | None

    def find(self, record: Any) -> Iterator[tuple[str, str]]:
        """Every ``(path, id)`` this reference holds in ``record``: ``("items[2].requested_by",
        "ukraine")``."""
        yield from _walk(record, self.steps, "")


def _walk(value: Any, steps: tuple[FieldSpec, ...], path: str) -> Iterator[tuple[str, str]]:
    spec, rest = steps[0], steps[1:]
    found = getattr(value, spec.name)
    here = f"{path}.{spec.name}" if path else spec.name
    items = enumerate(found) if spec.many else ((None, found),)
    for index, item in items:
        if item is None:
            continue
        where = here if index is None else f"{here}[{index}]"
        if rest:
            yield from _walk(item, rest, where)
        else:
            yield where, item


def references(cls: type[Any]) -> tuple[Reference, ...]:
    """Every reference field of ``cls``, including those inside its nested values and parts."""
    found = _REFERENCES.get(cls)
    if found is None:
        found = _REFERENCES[cls] = tuple(_references(cls, ()))
    return found


def _references(cls: type[Any], above: tuple[FieldSpec, ...]) -> Iterator[Reference]:
    for spec in describe(cls).fields:
        if isinstance(spec.rule, Ref):
            yield Reference((*above, spec), spec.rule.target)
        elif spec.nested is not None and spec.nested is not cls:
            yield from _references(spec.nested, (*above, spec))
