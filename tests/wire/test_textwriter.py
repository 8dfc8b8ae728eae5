"""The generated text writers: the pure-Python path's text, byte for byte, without the dict.

Every test compares with the path they replace, the record's dict written by the standard
library's C encoder (``fastjson._ENCODE(to_dict(record))``), and runs ``dumps`` and
``write_jsonl`` with orjson switched off (restored after each test).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geostmt as g
from geostmt import strategies as gs
from geostmt.model import RECORD_CLASSES, describe
from geostmt.model import fields as f
from geostmt.model.rules import Nested, Rule
from geostmt.strategies.derive import derived
from geostmt.wire import fastjson
from geostmt.wire.codec import dumps, to_dict
from geostmt.wire.textwriter import make_text_writer, text_writer, writers
from tests.conftest import ROOT
from tests.wire.rare_classes import Node


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    """Each test leaves the JSON path as the environment chose it."""
    yield
    fastjson.use_orjson(None)


def _old(value: Any) -> str:
    """The pure path's text before text writers: the dict, then the C encoder."""
    return fastjson._ENCODE(to_dict(value))


def _same(value: Any) -> None:
    """The writer, and ``dumps`` without orjson, write the old path's text."""
    expected = _old(value)
    assert text_writer(type(value))(value) == expected
    fastjson.use_orjson(False)
    assert dumps(value) == expected


def _value_classes() -> list[type[Any]]:
    """Every class nested in a record, at any depth."""
    found: list[type[Any]] = []
    pending = list(RECORD_CLASSES)
    while pending:
        for field in describe(pending.pop()).fields:
            if field.nested is not None and field.nested not in found:
                found.append(field.nested)
                pending.append(field.nested)
    return found


VALUE_CLASSES = _value_classes()


@given(gs.records())
def test_generated_records_are_written_as_the_dict_path_writes_them(record: g.Record) -> None:
    """Every record type, as geostmt's own strategies draw it."""
    _same(record)


@given(st.sampled_from(VALUE_CLASSES).flatmap(derived))
def test_generated_values_are_written_as_the_dict_path_writes_them(value: Any) -> None:
    """Every value and part class a record holds (dumps takes a Money, a Place alone too)."""
    _same(value)


@given(st.one_of(gs.money(), gs.quantities(), gs.places()))
def test_values_from_their_own_strategies(value: Any) -> None:
    """Money, quantities and places as their own strategies draw them."""
    _same(value)


def test_every_class_has_a_generated_writer() -> None:
    """No class geostmt writes falls back to the dict path: each writer is generated code."""
    for cls in (*RECORD_CLASSES, *VALUE_CLASSES):
        assert "def write(r):" in text_writer(cls).source  # type: ignore[attr-defined]


def test_the_seed_article() -> None:
    """The example file's records, and its lines exactly as they are stored."""
    path = ROOT / "examples" / "data" / "seed-article.jsonl"
    records = list(g.read_jsonl(path))
    assert len(records) > 20
    for record in records:
        _same(record)


AWKWARD = [
    'He said "no"',
    "a\\b\\\\c",
    "tab\tnew\nline\rcarriage\x01\x1f\x7f end",
    "line\u2028separator\u2029paragraph",
    "non-BMP \U0001f600 \U00010348 and 𝄞",
    "Володимир Зеленський 김정은",
    "</script> & <b>",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_strings(text: str) -> None:
    """Quotes, backslashes, control characters, U+2028, characters past the BMP: escaped
    exactly as the C encoder escapes them, in fields, lists, nested values and maps."""
    actor = g.Actor(
        id="a", name=text, kind="person", aliases=[g.Alias(name=text)],
        identifiers={"wikidata": "Q1", text: text},
    )  # fmt: skip
    _same(actor)
    deployment = g.Deployment(id="d", actor="a", purposes=[text, text], expected_activity=text)
    _same(deployment)


def test_a_lone_surrogate_is_written_as_the_c_encoder_writes_it() -> None:
    """Text refuses a lone surrogate; one put in past the checks is still written alike (and
    write_jsonl then fails to encode it alike)."""
    actor = g.Actor(id="a", name="A", kind="state")
    object.__setattr__(actor, "name", "bad \ud800 surrogate")
    _same(actor)
    assert "\ud800" in text_writer(g.Actor)(actor)


@pytest.mark.parametrize("amount", [Decimal("1E+3"), Decimal("-0.000"), Decimal("0.1000")])
def test_decimals_are_written_as_str_writes_them(amount: Decimal) -> None:
    """A Decimal's own spelling, exponent and negative zero kept, as a JSON string."""
    if amount >= 0:
        money = g.Money(amount=amount, currency="USD")
        _same(money)
        assert f'"amount":"{amount}"' in dumps(money)
    quantity = g.Quantity(value=amount, low=amount, unit="percent")
    _same(quantity)
    assert f'"value":"{amount}"' in dumps(quantity)


def test_empty_and_default_fields_are_left_out() -> None:
    """An empty map, empty lists, None and a default qualifier: left out, as by the dict."""
    actor = g.Actor(id="a", name="A", kind="state", identifiers={})
    _same(actor)
    assert dumps(actor) == '{"type":"actor","id":"a","name":"A","kind":"state"}'
    low = g.Quantity(low=Decimal(3), of="troops")  # the first field left out: no comma first
    _same(low)
    assert dumps(low) == '{"low":"3","of":"troops"}'
    period = g.Period(end="2024-10")
    _same(period)
    assert dumps(period) == '{"end":"2024-10"}'
    money = g.Money(amount=Decimal(5), currency="EUR", qualifier="approximately")
    _same(money)
    assert dumps(money).endswith(',"qualifier":"approximately"}')


@pytest.mark.parametrize("confidence", [1e-07, 0.0, 1.0, 0.1, 0.30000000000000004, 5e-324])
def test_floats_are_written_as_repr_writes_them(confidence: float) -> None:
    """Floats as the C encoder writes them (``1e-07``, not orjson's ``1e-7``)."""
    evidence = g.Evidence(source="s", start=0, end=10**18, confidence=confidence)
    statement = g.Statement(id="s", speaker="a", text="t", evidence=[evidence])
    _same(statement)
    _same(evidence)
    assert f'"confidence":{confidence!r}' in dumps(evidence)
    place = g.Place(name="Kursk", kind="city", lat=51.73, lon=-0.0, geonames_id=538560)
    _same(place)


def test_the_pure_path_writes_float_exponents_as_before() -> None:
    """``1e-07`` without orjson, as the standard library writes it."""
    fastjson.use_orjson(False)
    evidence = g.Evidence(source="s", confidence=1e-07)
    assert dumps(evidence) == '{"source":"s","confidence":1e-07}'


def test_a_huge_integer_is_the_same_validation_error() -> None:
    """An integer past Python's digit limit: the writer refuses, and dumps names its path with
    the same message as ever."""
    package = g.AidPackage(
        id="p", donor="a", recipient="b",
        evidence=[g.Evidence(source="s"), g.Evidence(source="s", start=10**4999)],
    )  # fmt: skip
    with pytest.raises(ValueError, match="integer string conversion"):
        text_writer(g.AidPackage)(package)
    messages = []
    for enabled in (False, True, None):
        fastjson.use_orjson(enabled)
        with pytest.raises(g.ValidationError) as raised:
            dumps(package)
        (problem,) = raised.value.problems
        messages.append((problem.path, problem.message))
    assert messages[0] == ("evidence[1].start", "integer too long to write (about 5,000 digits)")
    assert messages[0] == messages[1] == messages[2]


def test_a_lowered_digit_limit_is_followed() -> None:
    """The writer writes ints as json does, so a lowered limit is met the same way."""
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(1000)
    try:
        evidence = g.Evidence(source="s", start=10**1500)
        fastjson.use_orjson(False)
        with pytest.raises(g.ValidationError) as raised:
            dumps(evidence)
    finally:
        sys.set_int_max_str_digits(before)
    assert str(raised.value) == "start: integer too long to write (about 1,501 digits)"


def test_values_past_the_checks_are_written_as_the_dict_path_writes_them() -> None:
    """A bool where an int goes, a number where text goes, NaN or an infinity where a float
    goes: put in past the checks, each makes the writer refuse and the dict path write what it
    wrote before (NaN as json.dumps writes it, not refused)."""
    fastjson.use_orjson(False)
    evidence = g.Evidence(source="s", start=1)
    object.__setattr__(evidence, "start", True)
    with pytest.raises(ValueError, match="not written as text"):
        text_writer(g.Evidence)(evidence)
    assert dumps(evidence) == _old(evidence) == '{"source":"s","start":true}'
    object.__setattr__(evidence, "start", 1)
    object.__setattr__(evidence, "quote", 12)
    with pytest.raises(TypeError):
        text_writer(g.Evidence)(evidence)
    assert dumps(evidence) == _old(evidence) == '{"source":"s","start":1,"quote":12}'
    object.__setattr__(evidence, "quote", "q")
    odd = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}  # as json.dumps writes them
    for number, text in odd.items():
        object.__setattr__(evidence, "confidence", float(number))
        with pytest.raises(ValueError, match="not written as text"):
            text_writer(g.Evidence)(evidence)
        assert dumps(evidence) == _old(evidence)
        assert dumps(evidence).endswith(f',"confidence":{text}}}')


def test_a_users_converter_keeps_the_dict_path() -> None:
    """With a converter of one's own, its hooks decide: no text writer is asked."""
    converter = g.wire.make_converter()
    converter.register_unstructure_hook(g.Money, lambda money: {"odd": 1})
    money = g.Money(amount=1, currency="USD")
    package = g.AidPackage(id="p", donor="a", recipient="b", value=money)
    fastjson.use_orjson(False)
    assert '"value":{"odd":1}' in dumps(package, converter=converter)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        g.write_jsonl(path, [package], converter=converter)
        assert b'"value":{"odd":1}' in path.read_bytes()


def test_dumps_still_refuses_what_is_not_geostmt() -> None:
    """Not a geostmt value: the same TypeError by the text path."""
    fastjson.use_orjson(False)
    with pytest.raises(TypeError, match="expects a geostmt record or value"):
        dumps({"type": "actor"})


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(gs.records(), min_size=20, max_size=40))
def test_write_jsonl_writes_the_old_bytes(records: list[g.Record]) -> None:
    """A few hundred records over the examples: write_jsonl's file without orjson is the old
    path's lines, byte for byte."""
    fastjson.use_orjson(False)
    expected = b"".join(fastjson.encode(to_dict(r)) + b"\n" for r in records)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        assert g.write_jsonl(path, records) == len(records)
        assert path.read_bytes() == expected


def test_write_jsonl_of_the_seed_article_is_the_file() -> None:
    """Written back without orjson, the seed article is its own file again."""
    path = ROOT / "examples" / "data" / "seed-article.jsonl"
    records = list(g.read_jsonl(path))
    fastjson.use_orjson(False)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.jsonl"
        g.write_jsonl(out, records)
        assert out.read_bytes() == b"".join(fastjson.encode(to_dict(r)) + b"\n" for r in records)


def test_write_jsonl_of_a_huge_integer_fails_as_before() -> None:
    """The writer refuses, the dict path raises the same ValueError as ever."""
    statement = g.Statement(
        id="s", speaker="a", text="t", evidence=[g.Evidence(source="s", start=10**4999)]
    )
    fastjson.use_orjson(False)
    with tempfile.TemporaryDirectory() as folder:
        with pytest.raises(ValueError, match="integer string conversion") as raised:
            g.write_jsonl(Path(folder) / "out.jsonl", [statement])
        with pytest.raises(ValueError, match="integer string conversion") as old:
            _old(statement)
    assert str(raised.value) == str(old.value)


# -- classes the generator meets rarely -------------------------------------------------------


def test_a_class_holding_itself_is_written() -> None:
    """A class nested in itself finds its own writer once it is made."""
    node = Node(name="a", child=Node(name="b", child=Node(name="c")))
    assert text_writer(Node)(node) == _old(node)
    assert _old(node) == '{"name":"a","child":{"name":"b","child":{"name":"c"}}}'


@attrs.frozen(kw_only=True)
class _Anything:
    name: str = attrs.field(**f.text())
    extra: Any = attrs.field(default=None, **f.field(Rule()))


@attrs.frozen(kw_only=True)
class _HoldsAnything:
    inner: _Anything = attrs.field(**f.field(Nested(_Anything)))
    note: str | None = attrs.field(default=None, **f.text())


def test_a_field_the_generator_does_not_know_gets_the_dict_path() -> None:
    """A rule with no text form (any value at all): the class is written by the dict path,
    and a class holding it still has generated code calling that."""
    writer = make_text_writer(_Anything)
    assert not hasattr(writer, "source")
    assert writers[_Anything] is writer
    value = _Anything(name="x", extra={"b": [1, 2.5, None]})
    assert writer(value) == _old(value) == '{"name":"x","extra":{"b":[1,2.5,null]}}'
    holder = _HoldsAnything(inner=value, note="n")
    assert text_writer(_HoldsAnything)(holder) == _old(holder)
    assert "def write(r):" in text_writer(_HoldsAnything).source  # type: ignore[attr-defined]


def test_a_class_that_is_not_geostmt_gets_no_writer() -> None:
    """A TypeError, and nothing left behind."""
    with pytest.raises(TypeError, match="not a geostmt class"):
        text_writer(dict)
    assert dict not in writers
