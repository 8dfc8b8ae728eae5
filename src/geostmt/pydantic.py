"""geostmt types as fields of pydantic models and FastAPI bodies (the ``geostmt[pydantic]`` extra).

Every geostmt class (records, values and parts) carries ``__get_pydantic_core_schema__`` and
``__get_pydantic_json_schema__`` hooks, attached in :mod:`geostmt.model.records`; they import
this module only when pydantic calls them, so ``import geostmt`` never loads pydantic, and a
plain annotation (``actor: geostmt.Actor``) needs no marker and no ``arbitrary_types_allowed``.

- Validation is :func:`geostmt.from_dict` (in Python mode an instance passes as it is); each
  geostmt problem becomes one pydantic error of type ``geostmt`` with geostmt's message and a
  ``loc`` read from geostmt's path (``items[2].category`` is ``("items", 2, "category")``).
- Serialisation is :func:`geostmt.to_dict`, in ``model_dump`` and ``model_dump_json`` alike.
- The JSON Schema is :func:`geostmt.json_schema`, each geostmt class and shared part (``Id``,
  ``CountryCode``...) placed once among pydantic's definitions (``$defs``, or an OpenAPI
  document's ``components/schemas``) and referred to from there.
"""

from __future__ import annotations

import functools
import re
from typing import Annotated, Any

try:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError, core_schema
    from pydantic_core import ValidationError as PydanticValidationError
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError("geostmt.pydantic needs pydantic: pip install 'geostmt[pydantic]'") from error

from geostmt.errors import Problem, ValidationError
from geostmt.model.records import RECORD_CLASSES, RECORD_TYPES, Record
from geostmt.model.spec import describe
from geostmt.wire import from_dict, json_schema, to_dict

__all__ = [
    "ERROR_TYPE",
    "AnyRecord",
    "core_schema_of",
    "json_schema_of",
    "location",
    "to_pydantic_error",
]

ERROR_TYPE = "geostmt"
"""The ``type`` of every pydantic error that reports a geostmt problem."""

_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
_LOCAL_REF = "#/$defs/"


def location(path: str) -> tuple[str | int, ...]:
    """A geostmt path as a pydantic ``loc``: ``"items[2].category"`` is
    ``("items", 2, "category")``; the empty path (the value itself) is ``()``."""
    return tuple(
        int(index) if index else name for index, name in _STEP.findall(path) if index or name
    )


def _input_at(value: Any, loc: tuple[str | int, ...]) -> Any:
    """The input found at ``loc`` in ``value``, or the deepest object on the way to it (a
    missing field's input is the object it is missing from, as pydantic reports it)."""
    for step in loc:
        if isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        elif not isinstance(value, dict) or step not in value:
            break
        else:
            value = value[step]
    return value


def to_pydantic_error(
    problems: tuple[Problem, ...], value: Any, title: str
) -> PydanticValidationError:
    """geostmt's problems with ``value`` as one pydantic ``ValidationError`` titled ``title``:
    one error per problem, same message, ``loc`` from its path."""
    details: list[InitErrorDetails] = []
    for problem in problems:
        loc = location(problem.path)
        details.append(
            InitErrorDetails(
                type=PydanticCustomError(ERROR_TYPE, "{message}", {"message": problem.message}),
                loc=loc,
                input=_input_at(value, loc),
            )
        )
    return PydanticValidationError.from_exception_data(title, details)


def _read(data: Any, cls: type[Any] | None, title: str) -> Any:
    try:
        return from_dict(data, cls)
    except ValidationError as error:
        raise to_pydantic_error(error.problems, data, title) from None


def _dump(value: Any) -> Any:
    return to_dict(value)


def _type_ref(cls: type[Any]) -> str:
    """The core-schema ``ref`` pydantic itself gives a class (so it finds it again), from which
    it names the JSON Schema definition after the class."""
    return f"{cls.__module__}.{cls.__qualname__}:{id(cls)}"


def _schema(
    check_python: Any, check_json: Any, ref: str, js_function: Any
) -> core_schema.JsonOrPythonSchema:
    return core_schema.json_or_python_schema(
        json_schema=core_schema.no_info_plain_validator_function(check_json),
        python_schema=core_schema.no_info_plain_validator_function(check_python),
        serialization=core_schema.plain_serializer_function_ser_schema(_dump, when_used="always"),
        ref=ref,
        metadata={"pydantic_js_functions": [js_function]},
    )


def core_schema_of(cls: type[Any]) -> CoreSchema:
    """The pydantic core schema of the geostmt class ``cls``: ``from_dict`` in, ``to_dict`` out.

    This is what ``cls.__get_pydantic_core_schema__`` returns; it is rarely needed directly.
    """
    name = cls.__name__

    def check_python(value: Any) -> Any:
        return value if isinstance(value, cls) else _read(value, cls, name)

    def check_json(value: Any) -> Any:
        return _read(value, cls, name)

    hook = getattr(cls, "__get_pydantic_json_schema__", None)
    js_function = hook if hook is not None else functools.partial(_class_js, cls)
    return _schema(check_python, check_json, _type_ref(cls), js_function)


def _class_js(cls: type[Any], _: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
    return json_schema_of(cls, handler)


@functools.cache
def _classes() -> dict[str, type[Any]]:
    """Every geostmt class reachable from the records, by name (the keys of geostmt's $defs)."""
    found: dict[str, type[Any]] = {}

    def walk(cls: type[Any]) -> None:
        found[cls.__name__] = cls
        for field in describe(cls).fields:
            if field.nested is not None and field.nested.__name__ not in found:
                walk(field.nested)

    for cls in RECORD_CLASSES:
        walk(cls)
    return found


_SCHEMAS: dict[type[Any] | None, tuple[dict[str, Any], dict[str, Any]]] = {}


def _geostmt_schema(cls: type[Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """geostmt's JSON Schema of ``cls`` (None: any record), as its body and its ``$defs``;
    built once per class (the country and currency lists make it worth keeping)."""
    found = _SCHEMAS.get(cls)
    if found is None:
        found = _SCHEMAS[cls] = _split(json_schema(cls))
    return found


def _split(schema: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    defs: dict[str, Any] = schema.pop("$defs")
    # The body as geostmt's own $defs hold it: "$id" would change what its "$ref"s resolve
    # against, "$schema" is the whole document's, and the title is the definition's name.
    body = {k: v for k, v in schema.items() if k not in ("$schema", "$id", "title")}
    return body, defs


def json_schema_of(cls: type[Any], handler: GetJsonSchemaHandler) -> JsonSchemaValue:
    """The JSON Schema of the geostmt class ``cls`` for pydantic: :func:`geostmt.json_schema`,
    with each of its ``$defs`` handed to pydantic once and referred to where pydantic puts it.

    This is what ``cls.__get_pydantic_json_schema__`` returns.
    """
    body, defs = _geostmt_schema(cls)
    rewritten: JsonSchemaValue = _rewrite(body, defs, handler)
    return rewritten


def _rewrite(schema: Any, defs: dict[str, Any], handler: GetJsonSchemaHandler) -> Any:
    """A copy of ``schema`` whose ``#/$defs/Name`` references point at pydantic's definitions."""
    if isinstance(schema, list):
        return [_rewrite(item, defs, handler) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {key: _rewrite(value, defs, handler) for key, value in schema.items()}
    ref = copy.get("$ref")
    if isinstance(ref, str) and ref.startswith(_LOCAL_REF):
        copy["$ref"] = _definition(ref.removeprefix(_LOCAL_REF), defs, handler)
    return copy


def _definition(name: str, defs: dict[str, Any], handler: GetJsonSchemaHandler) -> str:
    """Hand the definition ``name`` to pydantic (once per document) and return its ``$ref``.

    A definition reaches pydantic's ``$defs`` only as a core schema with a ``ref``, so each is
    wrapped in a ``definitions`` schema whose body is a reference to it; the handler generates
    the definition (or finds it already done) and gives back the reference as pydantic spells it.
    """
    cls = _classes().get(name)
    if cls is not None:
        definition: CoreSchema = core_schema_of(cls)
    else:
        definition = _shared_part(name, defs)
    ref = definition["ref"]
    found = handler(
        core_schema.definitions_schema(core_schema.definition_reference_schema(ref), [definition])
    )
    target: str = found["$ref"]
    return target


def _shared_part(name: str, defs: dict[str, Any]) -> CoreSchema:
    """A core schema standing for geostmt's shared part ``name`` (``Id``, ``CurrencyCode``...)."""

    def js_function(_: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        part: JsonSchemaValue = _rewrite(defs[name], defs, handler)
        return part

    return core_schema.any_schema(
        ref=f"geostmt.wire.schema.{name}:shared",
        metadata={"pydantic_js_functions": [js_function]},
    )


class _AnyRecordSchema:
    """The pydantic side of :data:`AnyRecord`: geostmt's own dispatch on ``type``."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """``from_dict(data)``, which picks the class by ``type``; any record instance passes."""

        def check_python(value: Any) -> Any:
            return value if isinstance(value, RECORD_CLASSES) else _read(value, None, "Record")

        def check_json(value: Any) -> Any:
            return _read(value, None, "Record")

        return _schema(check_python, check_json, "geostmt.Record:any", cls._js)

    @staticmethod
    def _js(_: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        body, _defs = _geostmt_schema(None)
        refs = {tag: _definition(cls.__name__, {}, handler) for tag, cls in RECORD_TYPES.items()}
        return {
            "description": body["description"],
            "oneOf": [{"$ref": ref} for ref in refs.values()],
            "discriminator": {"propertyName": "type", "mapping": refs},
        }


AnyRecord = Annotated[Record, _AnyRecordSchema]
"""Any geostmt record, its class chosen by its ``type`` tag, as a pydantic field type.

Validation is ``from_dict(data)``, so a missing or unknown ``type`` is refused with geostmt's
message at ``loc`` ``("type",)``; the JSON Schema is a ``oneOf`` of the record definitions with
an OpenAPI ``discriminator`` on ``type``.
"""
