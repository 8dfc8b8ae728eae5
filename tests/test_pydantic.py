"""geostmt types in pydantic models: from_dict in, to_dict out, geostmt's JSON Schema."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostmt as g
from geostmt import strategies as gs
from geostmt.model import RECORD_CLASSES, RECORD_TYPES, describe
from tests.conftest import python_output
from tests.mutations import mutated

pydantic = pytest.importorskip("pydantic")
gp = pytest.importorskip("geostmt.pydantic")

ACTOR = {"type": "actor", "id": "kbs", "name": "KBS", "kind": "media"}


def _classes() -> list[type[Any]]:
    found: dict[type[Any], None] = {}

    def walk(cls: type[Any]) -> None:
        found[cls] = None
        for field in describe(cls).fields:
            if field.nested is not None and field.nested not in found:
                walk(field.nested)

    for cls in RECORD_CLASSES:
        walk(cls)
    return list(found)


CLASSES = _classes()
VALUES: dict[type[Any], st.SearchStrategy[Any]] = {
    g.Money: gs.money(),
    g.Place: gs.places(),
    g.Quantity: gs.quantities(),
    g.Period: gs.periods(),
    g.PloverCoding: gs.plover_codings(),
    g.AcledCoding: gs.acled_codings(),
}


def _strategy(cls: type[Any]) -> st.SearchStrategy[Any]:
    if cls in RECORD_CLASSES:
        return gs.record_strategy(cls)
    return VALUES.get(cls, gs.derived(cls))


@cache
def _holder(cls: type[Any]) -> type[Any]:
    """A pydantic model with one field of geostmt class ``cls``."""
    model: type[Any] = pydantic.create_model(f"Holds{cls.__name__}", value=(cls, ...))
    return model


def _geostmt_schema(cls: type[Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    schema = g.json_schema(cls)
    defs = schema.pop("$defs")
    del schema["$schema"], schema["$id"], schema["title"]
    return schema, defs


def _errors(error: Any) -> list[tuple[tuple[Any, ...], str]]:
    return [(tuple(e["loc"]), e["msg"]) for e in error.errors()]


def test_import_geostmt_loads_no_pydantic() -> None:
    """import geostmt, reading records and their JSON Schema load no pydantic."""
    code = (
        "import sys, geostmt; geostmt.Actor; geostmt.Money; "
        f"geostmt.from_dict({ACTOR!r}); geostmt.json_schema(geostmt.Actor); "
        "print(sorted(m for m in ('pydantic', 'pydantic_core', 'geostmt.pydantic') "
        "if m in sys.modules))"
    )
    assert python_output(code) == "[]"


def test_plain_annotation_in_a_fresh_process() -> None:
    """`actor: geostmt.Actor` works before anything else of geostmt has been used."""
    code = (
        "import geostmt, pydantic\n"
        "class Request(pydantic.BaseModel):\n"
        "    actor: geostmt.Actor\n"
        "    money: geostmt.Money | None = None\n"
        f"print(Request.model_validate({{'actor': {ACTOR!r}}}).actor.name)\n"
    )
    assert python_output(code) == "KBS"


@pytest.mark.parametrize(
    ("path", "loc"),
    [
        ("", ()),
        ("name", ("name",)),
        ("items[2].category", ("items", 2, "category")),
        ("value.amount", ("value", "amount")),
        ("aliases[0]", ("aliases", 0)),
        ("allocations[10].place.country", ("allocations", 10, "place", "country")),
        ("identifiers.Bad key", ("identifiers", "Bad key")),
    ],
)
def test_location_reads_geostmt_paths(path: str, loc: tuple[Any, ...]) -> None:
    """A geostmt path becomes the pydantic loc of the same place."""
    assert gp.location(path) == loc


class Request(pydantic.BaseModel):
    """A model as a user would write it: plain annotations, no config."""

    actor: g.Actor
    money: g.Money | None = None
    statements: list[g.Statement] = pydantic.Field(default_factory=list)


def test_plain_annotations_validate_and_dump() -> None:
    """A model of geostmt types reads their wire format and dumps exactly to_dict's output."""
    request = Request.model_validate(
        {"actor": ACTOR, "money": {"amount": "425000000", "currency": "USD"}}
    )
    assert request.actor == g.from_dict(ACTOR)
    assert request.money == g.Money(amount=Decimal(425000000), currency="USD")
    assert request.model_dump() == {
        "actor": ACTOR,
        "money": {"amount": "425000000", "currency": "USD"},
        "statements": [],
    }
    assert json.loads(request.model_dump_json()) == request.model_dump()
    assert Request.model_validate_json(request.model_dump_json()) == request


def test_instances_pass_as_they_are() -> None:
    """In Python mode a geostmt instance is taken as it is, not read again."""
    actor = g.from_dict(ACTOR)
    assert Request(actor=actor).actor is actor


def test_problems_keep_geostmt_paths_and_messages() -> None:
    """Each geostmt problem is one pydantic error, its loc inside the field, same message."""
    bad = {"actor": {**ACTOR, "aliases": [{"x": 1}]}, "money": {"amount": "-5", "currency": "usd"}}
    with pytest.raises(pydantic.ValidationError) as caught:
        Request.model_validate(bad)
    errors = caught.value.errors()
    assert {e["type"] for e in errors} == {gp.ERROR_TYPE}
    assert _errors(caught.value) == [
        (("actor", "aliases", 0, "name"), "required field missing"),
        (("actor", "aliases", 0, "x"), "unknown field"),
        (("money", "amount"), "must be >= 0, not -5"),
        (("money", "currency"), "'usd' is not an ISO 4217 currency code (did you mean 'USD'?)"),
    ]
    assert errors[1]["input"] == 1
    assert errors[0]["input"] == {"x": 1}  # a missing field's input is its object


def test_json_mode_refuses_what_from_dict_refuses() -> None:
    """model_validate_json reports a wrong value and a wrong shape as geostmt does."""
    text = '{"actor": 3, "money": {"amount": "1", "currency": "EUR", "qualifier": "range"}}'
    with pytest.raises(pydantic.ValidationError) as caught:
        Request.model_validate_json(text)
    assert _errors(caught.value) == [
        (("actor",), "expected an object, got int 3"),
        (("money", "qualifier"), "money is one amount; 'range' needs a Quantity"),
    ]


def test_type_adapters_of_lists_and_optionals() -> None:
    """list[Statement] and Money | None work in a TypeAdapter, with list indexes in loc."""
    statements = pydantic.TypeAdapter(list[g.Statement])
    assert statements.validate_python([]) == []
    with pytest.raises(pydantic.ValidationError) as caught:
        statements.validate_python([{"type": "statement"}])
    assert (1, "speaker") not in {e[0] for e in _errors(caught.value)}
    assert ((0, "speaker"), "required field missing") in _errors(caught.value)
    money = pydantic.TypeAdapter(g.Money | None)
    assert money.validate_python(None) is None
    assert money.validate_json('{"amount": 0.5, "currency": "EUR"}') == g.Money(
        amount=Decimal("0.5"), currency="EUR"
    )
    assert money.dump_python(g.Money(amount=Decimal(5), currency="EUR")) == {
        "amount": "5",
        "currency": "EUR",
    }


def test_any_record_dispatches_on_type() -> None:
    """AnyRecord reads each record type by its tag and refuses a bad tag as from_dict does."""
    records = pydantic.TypeAdapter(list[gp.AnyRecord])
    assert records.validate_python([ACTOR]) == [g.from_dict(ACTOR)]
    with pytest.raises(pydantic.ValidationError) as caught:
        records.validate_json('[{"type": "actr"}, {"id": "x"}]')
    tags = ", ".join(RECORD_TYPES)
    assert _errors(caught.value) == [
        ((0, "type"), f"'actr' is not one of: {tags}"),
        ((1, "type"), f"required field missing; one of: {tags}"),
    ]


def test_any_record_schema_is_discriminated_by_type() -> None:
    """AnyRecord's JSON Schema is a oneOf of the record definitions, with a discriminator."""
    schema = pydantic.TypeAdapter(gp.AnyRecord).json_schema()
    refs = {cls.TYPE: f"#/$defs/{cls.__name__}" for cls in RECORD_CLASSES}
    assert schema["oneOf"] == [{"$ref": ref} for ref in refs.values()]
    assert schema["discriminator"] == {"propertyName": "type", "mapping": refs}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_json_schema_is_geostmts(cls: type[Any]) -> None:
    """A TypeAdapter's JSON Schema is geostmt's own, shared parts under pydantic's $defs."""
    body, defs = _geostmt_schema(cls)
    schema = pydantic.TypeAdapter(cls).json_schema()
    found = schema.pop("$defs", {})
    assert schema == body
    assert found == {name: defs[name] for name in found}


def test_model_json_schema_shows_each_type_once() -> None:
    """In a model's schema every geostmt type is one definition, referred to by $ref."""
    schema = Request.model_json_schema()
    assert schema["properties"]["actor"] == {"$ref": "#/$defs/Actor"}
    _, defs = _geostmt_schema(g.Statement)
    for name in ("Actor", "Money", "Statement", "Evidence", "Id", "CurrencyCode"):
        assert name in schema["$defs"]
    assert schema["$defs"]["Evidence"] == defs["Evidence"]
    assert "Evidence" not in json.dumps(schema["$defs"]["Statement"]).replace(
        "#/$defs/Evidence", ""
    )


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_round_trip_through_a_model(cls: type[Any]) -> None:
    """For every geostmt class, a model holding it reads to_dict back and dumps it exactly."""
    holder = _holder(cls)
    validator = jsonschema.Draft202012Validator(holder.model_json_schema())

    @given(_strategy(cls))
    def check(value: Any) -> None:
        wire = g.to_dict(value)
        held = holder.model_validate({"value": wire})
        assert held.value == value
        assert holder.model_validate_json(json.dumps({"value": wire})).value == value
        assert held.model_dump() == {"value": wire}
        assert json.loads(held.model_dump_json()) == {"value": json.loads(g.dumps(value))}
        validator.validate({"value": wire})

    check()


def _read(data: dict[str, Any]) -> tuple[Any, list[g.Problem]]:
    """What from_dict makes of ``data``: the record, or None and its problems."""
    try:
        return g.from_dict(data), []
    except g.ValidationError as error:
        return None, list(error.problems)


def _paths(problems: list[g.Problem], *above: Any) -> list[tuple[tuple[Any, ...], str]]:
    return [((*above, *gp.location(p.path)), p.message) for p in problems]


@given(mutated())
def test_mutations_are_refused_with_the_same_paths(data: dict[str, Any]) -> None:
    """Whatever from_dict refuses, a model field refuses with the same paths and messages."""
    holder = _holder(RECORD_TYPES[data["type"]])
    text = json.dumps({"value": data})
    record, problems = _read(data)
    if not problems:
        assert holder.model_validate({"value": data}).value == record
        assert holder.model_validate_json(text).value == record
        return
    with pytest.raises(pydantic.ValidationError) as python:
        holder.model_validate({"value": data})
    assert _errors(python.value) == _paths(problems, "value")
    with pytest.raises(pydantic.ValidationError) as from_json:
        holder.model_validate_json(text)
    assert _errors(from_json.value) == _paths(problems, "value")


@given(mutated())
def test_any_record_refuses_mutations_as_from_dict(data: dict[str, Any]) -> None:
    """AnyRecord refuses what from_dict refuses, with the same paths, in a list."""
    records = pydantic.TypeAdapter(list[gp.AnyRecord])
    record, problems = _read(data)
    if not problems:
        assert records.validate_python([data]) == [record]
        return
    with pytest.raises(pydantic.ValidationError) as caught:
        records.validate_json(json.dumps([data]))
    assert _errors(caught.value) == _paths(problems, 0)
