"""JSON Schema (draft 2020-12) for the wire format, read off the classes and their validators.

The constraints come from the same validator objects the classes run, so the schema and
``from_dict`` cannot drift apart on any rule the schema can express.
"""

from __future__ import annotations

import inspect
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from geostmt._version import SCHEMA_VERSION
from geostmt.model import RECORD_TYPES, _checks
from geostmt.model.frozenmap import FrozenMap
from geostmt.model.time import PartialDate, check_partial_date
from geostmt.reference import countries, currencies
from geostmt.wire.versions import VERSION_KEY

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = f"urn:geostmt:schema:{SCHEMA_VERSION}"
"""The base of every schema's ``$id``; it changes with the schema version."""
_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DECIMAL = {"type": "string", "pattern": _checks.DECIMAL_PATTERN}


def _leaf_schemas() -> dict[Any, dict[str, Any]]:
    return {
        _checks.identifier: {"$ref": "#/$defs/Id"},
        _checks.text: {"$ref": "#/$defs/Text"},
        _checks.language_tag: {"type": "string", "pattern": _checks.LANGUAGE_TAG_PATTERN},
        _checks.country_code: {"$ref": "#/$defs/CountryCode"},
        _checks.subdivision_code: {"type": "string", "pattern": "^[A-Z]{2}-[A-Z0-9]{1,3}$"},
        _checks.currency_code: {"$ref": "#/$defs/CurrencyCode"},
        _checks.decimal: {"$ref": "#/$defs/Decimal"},
        _checks.non_negative_decimal: {"$ref": "#/$defs/NonNegativeDecimal"},
        _checks.non_negative_int: {"type": "integer", "minimum": 0},
        check_partial_date: {"$ref": "#/$defs/Date"},
    }


def _shared_defs() -> dict[str, Any]:
    return {
        "Id": {
            "type": "string",
            "minLength": 1,
            "maxLength": _checks.ID_MAX_LENGTH,
            "pattern": _checks.ID_PATTERN,
        },
        "Text": {"type": "string", "pattern": "\\S"},
        "Date": {"type": "string", "pattern": _checks.DATE_PATTERN},
        "Decimal": {"anyOf": [_DECIMAL, {"type": "number"}]},
        "NonNegativeDecimal": {
            "anyOf": [
                {"type": "string", "pattern": _checks.DECIMAL_PATTERN.replace("^-?", "^")},
                {"type": "number", "minimum": 0},
            ]
        },
        "CountryCode": {"type": "string", "enum": sorted(countries())},
        "CurrencyCode": {"type": "string", "enum": sorted(currencies())},
    }


# Cross-field rules JSON Schema can say, keyed by class name.
_CLASS_RULES: dict[str, dict[str, Any]] = {
    "Quantity": {
        "anyOf": [{"required": ["value"]}, {"required": ["low"]}, {"required": ["high"]}],
        "if": {"properties": {"qualifier": {"const": "range"}}, "required": ["qualifier"]},
        "then": {"required": ["low", "high"]},
    },
    "Source": {"anyOf": [{"required": ["url"]}, {"required": ["title"]}]},
    "Period": {"anyOf": [{"required": ["start"]}, {"required": ["end"]}]},
    "Place": {
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": "country"}}},
                "then": {"required": ["country"]},
            },
            {
                "if": {"properties": {"kind": {"const": "subdivision"}}},
                "then": {"required": ["subdivision"]},
            },
            {"dependentRequired": {"lat": ["lon"], "lon": ["lat"], "subdivision": ["country"]}},
        ]
    },
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = _shared_defs()
        self.leaves = _leaf_schemas()

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = getattr(cls, "TYPE", None)
        if tag is not None:
            properties["type"] = {"const": tag}
            properties[VERSION_KEY] = {"type": "string"}
            required.append("type")
        for field in attrs.fields(cls):
            value = self.value_schema(hints[field.name], field.validator)
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif {"type": "null"} not in value.get("anyOf", ()):
                value = {"anyOf": [value, {"type": "null"}]}  # null reads as absent
            properties[field.name] = value
        schema: dict[str, Any] = {
            "type": "object",
            "description": _summary(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        schema.update(_CLASS_RULES.get(cls.__name__, {}))
        return schema

    def value_schema(self, annotation: Any, validator: Any) -> dict[str, Any]:
        kind, inner = _checks.WRAPPED.get(validator, ("", None))
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            rest = next(a for a in args if a is not type(None))
            inner_validator = inner if kind == "optional" else validator
            return {"anyOf": [self.value_schema(rest, inner_validator), {"type": "null"}]}
        if origin is tuple:
            item_validator = inner if kind == "tuple" else None
            return {"type": "array", "items": self.value_schema(args[0], item_validator)}
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return {"type": "string", "enum": [m.value for m in annotation]}
        if isinstance(annotation, type) and attrs.has(annotation) and annotation is not PartialDate:
            return self.ref(annotation)
        if annotation is FrozenMap:
            return {"type": "object", "additionalProperties": {"$ref": "#/$defs/Text"}}
        if kind == "between":
            low, high = typing.cast(tuple[float, float], inner)
            return {"type": "number", "minimum": low, "maximum": high}
        if validator in self.leaves:
            return dict(self.leaves[validator])
        return _plain(annotation)


def _plain(annotation: Any) -> dict[str, Any]:
    if annotation is str:
        return {"type": "string"}
    if annotation is Decimal:
        return {"$ref": "#/$defs/Decimal"}
    if annotation is PartialDate:
        return {"$ref": "#/$defs/Date"}
    if annotation is int:
        return {"type": "integer"}
    if annotation is float:
        return {"type": "number"}
    raise TypeError(f"no JSON Schema for {annotation!r}")  # pragma: no cover


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
        if not (attrs.has(cls) and cls.__module__.startswith("geostmt.")):
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
