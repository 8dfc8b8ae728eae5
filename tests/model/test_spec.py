"""describe(): one description of every field, and every layer derived from it."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

import geostmt as g
from geostmt import strategies as gs
from geostmt.model import RECORD_CLASSES, describe, references
from geostmt.model import fields as f
from geostmt.model.class_rules import AnyOf, ClassRule
from geostmt.model.parts import Evidence
from geostmt.model.rules import Choice, Ref, Text
from geostmt.wire import make_converter


@attrs.frozen(kw_only=True)
class Widget:
    """A throwaway record type defined outside geostmt, with fields of every shape."""

    TYPE: ClassVar[str] = "widget"
    RULES: ClassVar[tuple[ClassRule, ...]] = (
        AnyOf("colour", "owner", message="a widget needs a colour or an owner"),
    )
    __attrs_post_init__ = f.check_rules

    id: str = attrs.field(**f.ident())
    colour: str | None = attrs.field(default=None, **f.text())
    owner: str | None = attrs.field(default=None, **f.ref("actor"))
    price: g.Money | None = attrs.field(default=None, **f.nested(g.Money))
    evidence: tuple[Evidence, ...] = attrs.field(default=(), **f.nested(Evidence, many=True))


def test_describe_statement() -> None:
    """Each field's name, rule, shape and reference target, in declaration order."""
    spec = describe(g.Statement)
    assert spec.tag == "statement"
    assert [field.name for field in spec.fields][:4] == ["id", "speaker", "text", "mode"]
    speaker = spec.field("speaker")
    assert speaker.required
    assert speaker.is_reference
    assert speaker.target == "actor"
    assert isinstance(spec.field("text").rule, Text)
    assert isinstance(spec.field("mode").rule, Choice)
    assert spec.field("mode").optional
    addressees = spec.field("addressees")
    assert addressees.many
    assert addressees.default == ()
    assert addressees.target == "actor"
    assert spec.field("about").target is None
    assert isinstance(spec.field("about").rule, Ref)
    assert spec.field("evidence").nested is Evidence
    with pytest.raises(KeyError):
        spec.field("colour")


def test_describe_refuses_plain_classes() -> None:
    """A class without field rules is a TypeError, not a silent empty description."""

    @attrs.frozen
    class Plain:
        x: int

    with pytest.raises(TypeError, match="not a geostmt class"):
        describe(Plain)
    with pytest.raises(TypeError):
        describe(int)


def test_references_reach_into_parts() -> None:
    """references() finds ids inside nested parts, with list indexes in the path."""
    package = g.AidPackage(
        id="p", donor="us", recipient="ua",
        excluded=[g.Item(name="a"), g.Item(name="Tomahawk", requested_by="ua")],
        evidence=[g.Evidence(source="article")],
    )  # fmt: skip
    found = [(ref.target, path, ident) for ref in references(g.AidPackage)
             for path, ident in ref.find(package)]  # fmt: skip
    assert found == [
        ("actor", "donor", "us"),
        ("actor", "recipient", "ua"),
        ("actor", "excluded[1].requested_by", "ua"),
        ("source", "evidence[0].source", "article"),
    ]
    assert references(g.Actor) == ()


def test_every_class_with_rules_runs_them() -> None:
    """A class that lists cross-field RULES checks them on construction."""
    seen: set[type[Any]] = set()

    def walk(cls: type[Any]) -> None:
        seen.add(cls)
        spec = describe(cls)
        if spec.rules:
            assert cls.__attrs_post_init__ is f.check_rules, cls
        for field in spec.fields:
            if field.nested is not None and field.nested not in seen:
                walk(field.nested)

    for cls in RECORD_CLASSES:
        walk(cls)
    assert {g.Quantity, g.Money, g.Place, g.Period, g.Role, g.Evidence} <= seen


def test_a_new_class_is_covered_with_no_other_edit() -> None:
    """A throwaway class's fields appear in the schema, the wire, the Dataset's checks and the
    strategies, with no edit anywhere in geostmt."""
    schema = g.json_schema(Widget)
    assert set(schema["properties"]) == {
        "type", "schema_version", "id", "colour", "owner", "price", "evidence"
    }  # fmt: skip
    assert schema["required"] == ["type", "id"]
    widget = Widget(id="w", colour=" red ", price=g.Money(amount=Decimal(5), currency="EUR"))
    assert widget.colour == "red"
    converter = make_converter()
    data = converter.unstructure(widget)
    assert data == {"type": "widget", "id": "w", "colour": "red",
                    "price": {"amount": "5", "currency": "EUR"}}  # fmt: skip
    assert converter.structure(data, Widget) == widget
    with pytest.raises(g.ValidationError) as caught:
        converter.structure({"type": "widget", "id": "w", "colour": 5, "size": 1}, Widget)
    assert [str(p) for p in caught.value.problems] == [
        "colour: expected a string, got int 5", "size: unknown field"
    ]  # fmt: skip
    with pytest.raises(g.ValidationError, match="a widget needs a colour or an owner"):
        Widget(id="w")
    with pytest.raises(g.ValidationError) as caught:
        g.Dataset([Widget(id="w", owner="nobody")])  # type: ignore[list-item]
    assert str(caught.value) == "owner: no actor has id 'nobody' (in widget 'w')"


@given(gs.derived(Widget))
def test_derived_strategy_builds_valid_instances(widget: Widget) -> None:
    """The strategy derived from a throwaway class's rules meets its cross-field rule and
    round-trips through the wire and the schema."""
    assert widget.colour is not None or widget.owner is not None
    data = make_converter().unstructure(widget)
    Draft202012Validator(g.json_schema(Widget)).validate(json.loads(json.dumps(data)))
    assert make_converter().structure(data, Widget) == widget


def test_a_mapping_is_not_a_list_on_either_path() -> None:
    """{"b": 1} for a list of ids is refused (the fast path used to read it as ("b",))."""
    data = {"type": "statement", "id": "s", "speaker": "a", "text": "t", "addressees": {"b": 1}}
    with pytest.raises(g.ValidationError) as caught:
        g.from_dict(data)
    assert str(caught.value) == "addressees: expected a list, got dict {'b': 1}"
    with pytest.raises(g.ValidationError, match="addressees: expected a list, got dict"):
        g.Statement(id="s", speaker="a", text="t", addressees={"b": 1})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (g.Money, {"amount": "5", "currency": "USD", "qualifier": "range"}),
        (g.Source, {"type": "source", "id": "s"}),
        (g.Source, {"type": "source", "id": "s", "url": None, "title": None}),
        (g.Actor, {"type": "actor", "id": "a", "name": "A", "kind": "state",
                   "identifiers": {" ": "x"}}),
        (g.Place, {"name": "x", "kind": "other", "lat": 1.0, "lon": None}),
    ],
)  # fmt: skip
def test_schema_refuses_what_the_library_refuses(cls: type[Any], data: dict[str, Any]) -> None:
    """The drifts the review found: each is now refused by both the library and the schema."""
    with pytest.raises(g.ValidationError):
        g.from_dict(data, cls)
    assert not Draft202012Validator(g.json_schema(cls)).is_valid(data)


def test_negative_zero_is_zero_for_both() -> None:
    """ "-0" is accepted by the library and by the schema alike."""
    data = {"amount": "-0", "currency": "USD"}
    assert g.from_dict(data, g.Money).amount == 0
    assert Draft202012Validator(g.json_schema(g.Money)).is_valid(data)


def test_field_docs_come_from_the_docstring_after_each_field() -> None:
    """describe() gives each field its docstring, on one line; a class with no source has no
    docs (not an error)."""
    from geostmt.model.spec import field_docs

    assert describe(g.Actor).field("name").doc == "The name the actor is best known by."
    assert describe(g.Quantity).field("unit").doc == (
        "A unit in pint's canonical spelling (``kilometer``, ``percent``); none for a count of "
        "``of``."
    )
    assert field_docs(type("Made", (), {})) == {}
    for spec in (describe(cls) for cls in (g.Actor, g.Event, g.Money, g.Period)):
        assert all(field.doc for field in spec.fields), spec.cls
