"""JSON Schema (draft 2020-12) for the wire format, derived from :func:`geostmt.model.describe`.

Each field's schema comes from the same rule object its validator runs, and each class's
cross-field rules say themselves, so the schema and ``from_dict`` cannot drift apart on any
rule the schema can express; what it cannot express is listed in ``SCHEMA_LENIENCIES``.
"""

from __future__ import annotations

import inspect
from typing import Any

from geostmt._version import SCHEMA_VERSION
from geostmt.errors import shown
from geostmt.model import RECORD_TYPES, rules
from geostmt.model.identifiers import SCHEMES
from geostmt.model.languages import language_tag_pattern
from geostmt.model.spec import describe, is_described
from geostmt.reference import countries, currencies
from geostmt.wire.versions import VERSION_KEY

__all__ = ["SCHEMA_ID", "json_schema", "schema_leniencies"]

SCHEMA_ID = f"urn:geostmt:schema:{SCHEMA_VERSION}"
"""The base of every schema's ``$id``; it changes with the schema version."""
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


_NO_FINAL_NEWLINE = {"not": {"pattern": "\n$"}}
"""Beside each anchored pattern: ECMA 262's ``$`` (the JSON Schema dialect) matches only at
the end, but Python's (python-jsonschema runs ``re.search``) also before a final newline, which
the library refuses (it applies every pattern with ``fullmatch``). Lookahead-free, for RE2."""


def _anchored(pattern: str) -> dict[str, Any]:
    """A string matching ``pattern`` whole, in every regex dialect validators use."""
    return {"type": "string", "pattern": pattern, **_NO_FINAL_NEWLINE}


def _shared_defs() -> dict[str, Any]:
    return {
        "Id": {
            **_anchored(rules.ID_PATTERN),
            "minLength": 1,
            "maxLength": rules.ID_MAX_LENGTH,
        },
        "Text": {"type": "string", "pattern": "\\S"},
        "Date": _anchored(rules.DATE_PATTERN),
        "Decimal": {"anyOf": [_anchored(rules.DECIMAL_PATTERN), {"type": "number"}]},
        "NonNegativeDecimal": {
            "anyOf": [
                _anchored(rules.NON_NEGATIVE_DECIMAL_PATTERN),
                {"type": "number", "minimum": 0},
            ]
        },
        "CountryCode": {"type": "string", "enum": sorted(countries())},
        "CurrencyCode": {"type": "string", "enum": sorted(currencies())},
        "LanguageTag": {
            "description": "A BCP 47 language tag whose language subtag is an ISO 639 code "
            "(en, uk, zh-Hant-TW), a private-use tag (x-private) or a grandfathered tag "
            "(i-klingon); letters in either case.",
            **_anchored(language_tag_pattern()),
        },
        "Identifiers": {
            "description": "Ids by scheme; the ids of a known scheme have its form.",
            "type": "object",
            "propertyNames": {"pattern": "\\S"},
            "properties": {
                name: {
                    "description": f"{scheme.form} ({scheme.example})",
                    **_anchored(scheme.pattern),
                }
                for name, scheme in SCHEMES.items()
            },
            "additionalProperties": {"$ref": "#/$defs/Text"},
        },
    }


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = _shared_defs()

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        spec = describe(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if spec.tag is not None:
            properties["type"] = {"const": spec.tag}
            properties[VERSION_KEY] = {"type": "string"}
            required.append("type")
        for field in spec.fields:
            if field.nested is not None:
                self.ref(field.nested)
            value = field.rule.json_schema()
            if field.many:
                value = {"type": "array", "items": value}
            if field.required:
                required.append(field.name)
            else:
                value = {"anyOf": [value, {"type": "null"}]}  # null reads as absent
            if field.doc:
                value = {"description": _markdown(field.doc), **value}
            properties[field.name] = value
        schema: dict[str, Any] = {
            "type": "object",
            "description": _summary(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if spec.rules:
            schema["allOf"] = [rule.json_schema() for rule in spec.rules]
        return schema


def _summary(cls: type[Any]) -> str:
    doc = inspect.getdoc(cls) or cls.__name__
    return _markdown(" ".join(doc.split("\n\n")[0].split()))


def _markdown(text: str) -> str:
    """A docstring's reStructuredText literals as Markdown's (two backticks become one)."""
    return text.replace("``", "`")


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def json_schema(cls: type[Any] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls``, or of any record when ``cls`` is None.

    The record union picks the record's schema by its ``type`` with ``if``/``then``, so a
    validator reports the errors of that record type only (not "is not valid under any of the
    given schemas"); shared parts live under ``$defs``; each field has a ``description`` (its
    docstring); ``$id`` carries :data:`geostmt.SCHEMA_VERSION`.
    """
    builder = _Builder()
    if cls is None:
        body: dict[str, Any] = {
            "description": "Any geostmt record, chosen by its type tag.",
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"enum": list(RECORD_TYPES)}},
            "allOf": [
                {
                    "if": {"properties": {"type": {"const": tag}}, "required": ["type"]},
                    "then": builder.ref(record),
                }
                for tag, record in RECORD_TYPES.items()
            ],
        }
        name = "record"
    else:
        if not is_described(cls):
            raise TypeError(f"{shown(cls)} is not a geostmt type")
        body = builder.object_schema(cls)
        builder.defs.pop(cls.__name__, None)
        name = _snake(cls.__name__)
    return {
        "$schema": _DIALECT,
        "$id": f"{SCHEMA_ID}:{name}",
        "title": name,
        **body,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_leniencies() -> list[tuple[str, str]]:
    """Where the JSON Schema is more lenient than the library, and what it lets through.

    Each entry is ``(where, what)``: ``("Place.subdivision", "the schema checks the shape of an
    ISO 3166-2 code, not that it is assigned")`` for a field rule, ``("Quantity: low <= value",
    ...)`` for a rule across fields. Everything else the library checks, the schema states.
    """
    found: dict[tuple[str, str], None] = {}
    seen: set[type[Any]] = set()

    def walk(cls: type[Any]) -> None:
        seen.add(cls)
        spec = describe(cls)
        for field in spec.fields:
            if not field.rule.schema_exact:
                found[(f"{cls.__name__}.{field.name}", field.rule.leniency)] = None
            if field.nested is not None and field.nested not in seen:
                walk(field.nested)
        for rule in spec.rules:
            if not rule.schema_exact:
                found[(f"{cls.__name__}: {rule.label}", rule.leniency)] = None

    for cls in RECORD_TYPES.values():
        walk(cls)
    return sorted(found)
