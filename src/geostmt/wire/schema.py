"""JSON Schema (draft 2020-12) for the wire format, derived from :func:`geostmt.model.describe`.

Each field's schema comes from the same rule object its validator runs, and each class's
cross-field rules say themselves, so the schema and ``from_dict`` cannot drift apart on any
rule the schema can express; what it cannot express is listed in ``SCHEMA_LENIENCIES``.
"""

from __future__ import annotations

import inspect
from typing import Any

from geostmt._version import SCHEMA_VERSION
from geostmt.model import RECORD_TYPES, rules
from geostmt.model.spec import describe, is_described
from geostmt.reference import countries, currencies
from geostmt.wire.versions import VERSION_KEY

__all__ = ["SCHEMA_ID", "json_schema", "schema_leniencies"]

SCHEMA_ID = f"urn:geostmt:schema:{SCHEMA_VERSION}"
"""The base of every schema's ``$id``; it changes with the schema version."""
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _shared_defs() -> dict[str, Any]:
    return {
        "Id": {
            "type": "string",
            "minLength": 1,
            "maxLength": rules.ID_MAX_LENGTH,
            "pattern": rules.ID_PATTERN,
        },
        "Text": {"type": "string", "pattern": "\\S"},
        "Date": {"type": "string", "pattern": rules.DATE_PATTERN},
        "Decimal": {
            "anyOf": [{"type": "string", "pattern": rules.DECIMAL_PATTERN}, {"type": "number"}]
        },
        "NonNegativeDecimal": {
            "anyOf": [
                {"type": "string", "pattern": rules.NON_NEGATIVE_DECIMAL_PATTERN},
                {"type": "number", "minimum": 0},
            ]
        },
        "CountryCode": {"type": "string", "enum": sorted(countries())},
        "CurrencyCode": {"type": "string", "enum": sorted(currencies())},
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
    return " ".join(doc.split("\n\n")[0].split())


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def json_schema(cls: type[Any] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls``, or of any record when ``cls`` is None.

    The record union is a ``oneOf`` discriminated by ``type``; shared parts live under
    ``$defs``; ``$id`` carries :data:`geostmt.SCHEMA_VERSION`.
    """
    builder = _Builder()
    if cls is None:
        body: dict[str, Any] = {
            "description": "Any geostmt record, chosen by its type tag.",
            "oneOf": [builder.ref(record) for record in RECORD_TYPES.values()],
        }
        name = "record"
    else:
        if not is_described(cls):
            raise TypeError(f"{cls!r} is not a geostmt type")
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
