"""The generated decoders: what they read on their own, what they leave to the detailed path,
and which classes they refuse to be generated for."""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import pytest
from hypothesis import given

import geostmt as g
from geostmt import strategies as gs
from geostmt.model import RECORD_CLASSES, describe
from geostmt.model import fields as f
from geostmt.wire import decoders as decoders_module
from geostmt.wire import default_converter
from geostmt.wire.decoders import RefusedError, decoder, decoders, make_decoder
from tests.wire.rare_classes import Node


def _json(record: Any) -> Any:
    return json.loads(g.dumps(record))


@given(gs.records())
def test_the_decoder_alone_reads_every_generated_record(record: g.Record) -> None:
    """A valid record's JSON is read by its generated decoder with no help from the detailed
    path, to an equal record: where the class rules' quick test is unsure (an event's
    fatalities, an ACLED coding) the decoder asks the rules themselves, never refuses."""
    assert decoder(type(record))(_json(record)) == record


def test_an_event_with_fatalities_is_read_by_its_decoder() -> None:
    """The quick test of CountOnly is unsure whenever fatalities are given; the decoder
    checks the rule itself, and a count with a unit is still refused."""
    data = {"type": "event", "id": "e", "cameo": "190",
            "fatalities": {"value": "4", "qualifier": "at_least"}}  # fmt: skip
    assert decoder(g.Event)(data) == g.from_dict(data)
    with pytest.raises(g.ValidationError, match="fatalities is a count and has no unit"):
        decoder(g.Event)({**data, "fatalities": {"value": "4", "unit": "meter"}})


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_every_record_and_value_class_has_a_decoder(cls: type[Any]) -> None:
    """Each record class and every class nested in it gets a decoder built from its fields."""
    seen = [cls]
    for found in seen:
        source: str = decoder(found).source  # type: ignore[attr-defined]
        for spec in describe(found).fields:
            assert f"get({spec.name!r})" in source
            if spec.nested is not None and spec.nested not in seen:
                seen.append(spec.nested)
    assert len(seen) > 1 or cls is g.Source


ACTOR = {"type": "actor", "id": "a", "name": "A", "kind": "state"}

REFUSED: list[tuple[Any, type[Any], str]] = [
    ([], g.Actor, "expected an object, got list"),
    ({**ACTOR, "type": "source"}, g.Actor, "type: 'source' is not 'actor'"),
    ({**ACTOR, "type": None}, g.Actor, "type: None is not 'actor'"),
    ({**ACTOR, "colour": None}, g.Actor, "colour: unknown field"),
    ({**ACTOR, "colour": 1}, g.Actor, "colour: unknown field"),
    ({**ACTOR, "name": None}, g.Actor, "name: expected a string, got NoneType None"),
    ({"type": "actor", "id": "a", "kind": "state"}, g.Actor, "name: required field missing"),
    ({**ACTOR, "aliases": {"name": "x"}}, g.Actor, "aliases: expected a list, got dict"),
    ({**ACTOR, "kind": ["state"]}, g.Actor, "kind: ['state'] is not one of"),
    ({**ACTOR, "id": "x" * 201}, g.Actor, "id: 'xxxx"),
    ({**ACTOR, "id": ""}, g.Actor, "id: '' is not an id"),
    ({**ACTOR, "name": ""}, g.Actor, "name: must not be blank"),
    ({**ACTOR, "country": "ZZ"}, g.Actor, "country: 'ZZ' is not an ISO 3166-1"),
    ({**ACTOR, "country": 5}, g.Actor, "country: expected a string, got int 5"),
    ({"amount": "-1", "currency": "USD"}, g.Money, "amount: must be >= 0, not -1"),
    ({"amount": "1", "currency": "USD", "qualifier": "range"}, g.Money, "qualifier: money is"),
    ({"value": "5", "low": "6"}, g.Quantity, "low: 6 is above the value 5"),
    ({"source": "s", "start": -1}, g.Evidence, "start: must be >= 0, not -1"),
    ({"source": "s", "start": True}, g.Evidence, "start: expected an integer, got bool"),
    ({"source": "s", "confidence": 1.5}, g.Evidence, "confidence: must be between 0 and 1"),
    ({"source": "s", "confidence": float("nan")}, g.Evidence, "confidence: must be between"),
    ({"name": "x", "kind": "city", "lat": 1.0}, g.Place, "lon: lat and lon go together"),
    ({"category": "assault", "contexts": ["nope"]}, g.PloverCoding, "contexts[0]: 'nope' is not"),
]


@pytest.mark.parametrize(("data", "cls", "message"), REFUSED, ids=range(len(REFUSED)))
def test_what_the_decoder_refuses_the_detailed_path_explains(
    data: Any, cls: type[Any], message: str
) -> None:
    """Invalid input makes the decoder raise (it never explains); the structure function then
    gives the detailed path's message."""
    with pytest.raises((RefusedError, TypeError, ValueError, LookupError, ArithmeticError)):
        decoder(cls)(copy.deepcopy(data))
    with pytest.raises(g.ValidationError) as caught:
        g.from_dict(data, cls)
    assert message in str(caught.value)


LENIENT: list[tuple[dict[str, Any], type[Any], dict[str, Any]]] = [
    ({**ACTOR, "name": " A "}, g.Actor, {"name": "A"}),  # stripped, by the rule's convert
    ({**ACTOR, "name": "Corée"}, g.Actor, {"name": "Corée"}),
    ({**ACTOR, "country": None, "aliases": None}, g.Actor, {"country": None, "aliases": ()}),
    ({"amount": 5, "currency": "USD"}, g.Money, {"amount": 5}),  # a JSON integer
    ({"source": "s", "confidence": 1}, g.Evidence, {"confidence": 1.0}),
]


@pytest.mark.parametrize(("data", "cls", "expected"), LENIENT, ids=range(len(LENIENT)))
def test_the_decoder_reads_what_inline_tests_leave_to_the_rule(
    data: dict[str, Any], cls: type[Any], expected: dict[str, Any]
) -> None:
    """Values an inline test does not vouch for are read by the rule's own methods, as the
    detailed path reads them, and the caller's dict is left as it was."""
    kept = copy.deepcopy(data)
    value = decoder(cls)(data)
    assert data == kept
    for name, wanted in expected.items():
        assert getattr(value, name) == wanted
    hook = default_converter().get_structure_hook(cls)
    assert hook.detailed(data, cls) == value


def test_defaults_are_set_and_class_rules_run() -> None:
    """Absent fields get their defaults; the instance is checked by the class's rules."""
    actor = decoder(g.Actor)({"id": "a", "name": "A", "kind": "state"})
    assert actor == g.Actor(id="a", name="A", kind="state")
    assert actor.identifiers == {}
    assert actor.aliases == ()
    assert actor.country is None
    quantity = decoder(g.Quantity)({"value": "1"})
    assert quantity.qualifier is g.Qualifier.EXACT
    with pytest.raises(g.ValidationError, match="needs at least one of value, low and high"):
        decoder(g.Quantity)({})


@attrs.define(kw_only=True)
class _Unfrozen:
    name: str = attrs.field(**f.text())


@attrs.frozen(kw_only=True, slots=False)
class _Unslotted:
    name: str = attrs.field(**f.text())


@pytest.mark.parametrize("cls", [_Unfrozen, _Unslotted])
def test_the_generator_refuses_classes_not_frozen_and_slotted(cls: type[Any]) -> None:
    """Setting slots directly is only safe on a frozen, slotted class; others are refused."""
    with pytest.raises(TypeError, match=f"^{cls.__name__} is not frozen and slotted; no decoder"):
        make_decoder(cls)


def test_an_integer_too_long_is_a_problem_at_its_path() -> None:
    """A JSON integer past Python's 4,300-digit limit is refused with its path and length."""
    line = '{"type":"event","id":"e","cameo":"190","evidence":[{"source":"s","start":%s}]}'
    with pytest.raises(g.ValidationError) as caught:
        g.loads(line % ("9" * 5000))
    assert str(caught.value) == "evidence[0].start: integer too long (5000 digits)"
    with pytest.raises(g.ValidationError) as caught:
        g.loads("-" + "1" * 4400)
    assert str(caught.value) == "integer too long (4400 digits)"


def test_the_generator_knows_frozen_slotted_classes_without_attrs_inspect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where attrs has no ``inspect`` (before 25.4), frozen and slotted are read off the class."""
    monkeypatch.delattr(attrs, "inspect", raising=False)
    assert decoders_module._frozen_and_slotted(g.Alias)
    assert not decoders_module._frozen_and_slotted(_Unfrozen)
    assert not decoders_module._frozen_and_slotted(_Unslotted)


@attrs.frozen(kw_only=True)
class _SelfTaking:
    name: str = attrs.field(default=attrs.Factory(lambda self: "x", takes_self=True), **f.text())


@attrs.frozen(kw_only=True)
class _NotInInit:
    name: str = attrs.field(default="x", init=False, **f.text())


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (_SelfTaking, "name: a default taking self cannot be generated"),
        (_NotInInit, "_NotInInit.name is not set by __init__"),
    ],
)
def test_the_generator_refuses_fields_it_cannot_set(cls: type[Any], message: str) -> None:
    """A default computed from the instance, or a field __init__ does not set, is refused,
    and nothing is left behind for the class."""
    with pytest.raises(TypeError, match=f"^{message}$"):
        make_decoder(cls)
    assert cls not in decoders


@attrs.frozen(kw_only=True)
class _Named(g.Alias):
    note: str | None = attrs.field(default=None, **f.text())


def test_a_subclass_gets_a_decoder_setting_inherited_slots() -> None:
    """A subclass of a geostmt class is decoded too: inherited fields go in the base's slots."""
    value = decoder(_Named)({"name": "Kim", "lang": "ko", "note": "n"})
    assert value == _Named(name="Kim", lang="ko", note="n")


def test_a_class_holding_itself_is_decoded() -> None:
    """A class nested in itself finds its own decoder once it is made."""
    node = decoder(Node)({"name": "a", "child": {"name": "b", "child": {"name": "c"}}})
    assert node.child.child == Node(name="c")
    assert node.child.name == "b"


def test_a_field_that_is_not_a_slot_is_refused() -> None:
    """A field shadowed by something other than a slot (a property) cannot be set directly."""

    @attrs.frozen(kw_only=True)
    class Shadowed(g.Alias):
        pass

    Shadowed.name = property(lambda self: "x")  # type: ignore[assignment,method-assign]
    with pytest.raises(TypeError, match=r"^Shadowed\.name is not a slot$"):
        make_decoder(Shadowed)
    assert Shadowed not in decoders


def test_an_integer_past_a_lowered_digit_limit_is_found_at_its_path() -> None:
    """The reader follows Python's own digit limit, whatever it is set to, and names the path."""
    import sys

    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(1000)
    try:
        with pytest.raises(g.ValidationError) as caught:
            g.loads('{"type": "source", "id": "s", "title": "t", "x": %s}' % ("9" * 2000))
    finally:
        sys.set_int_max_str_digits(before)
    assert str(caught.value) == "x: integer too long (2000 digits)"
