"""The library and its JSON Schema agree on every field, in both directions.

Exhaustive over a fixed set of JSON values: every field of one full record of each type (and of
every nested value and part inside it) is set to each value in turn, and ``from_dict`` and the
schema must give the same verdict. The schema may be more lenient only where a rule says it is
(``schema_exact = False``: the documented list in :func:`geostmt.wire.schema_leniencies`); the
library is never more lenient than its schema.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import geostmt as g
from geostmt.model import RECORD_CLASSES, describe
from geostmt.wire import schema_leniencies
from tests.conftest import ROOT

VALIDATOR = Draft202012Validator(g.json_schema())

VALUES: list[Any] = [
    None, True, 0, -1, 1.5, 10**30, "", " ", "x", "-0", "-1", "1e3", "2024-13", "2023-02-30",
    "2024-10-31", "RU", "ru", "RU-KRS", "XX-YYY", "USD", "kilometer", "kilometre", "state",
    [], ["x"], [{}], {}, {"b": 1}, {"a": "b"}, {" ": "b"},
]  # fmt: skip


def _full_records() -> list[dict[str, Any]]:
    """For each record type, the seed dataset's record with the most fields set."""
    lines = (ROOT / "examples" / "data" / "seed-article.jsonl").read_text(encoding="utf-8")
    best: dict[str, dict[str, Any]] = {}
    for line in lines.splitlines():
        data = json.loads(line)
        size = len(json.dumps(data))
        if data["type"] not in best or size > len(json.dumps(best[data["type"]])):
            best[data["type"]] = data
    best.setdefault("event", EVENT)
    return [best[cls.TYPE] for cls in RECORD_CLASSES]


EVENT: dict[str, Any] = {
    "type": "event", "id": "gdelt-588604779", "cameo": "190",
    "plover": {"category": "assault", "mode": "aerial", "contexts": ["military"]},
    "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
              "disorder_type": "Political violence"},
    "actors": ["russia"], "targets": ["ukraine"], "date": "2024-10-31T04:30+02:00",
    "place": {"name": "Sudzha", "kind": "city", "country": "RU", "subdivision": "RU-KRS",
              "lat": 51.19, "lon": 35.27, "geonames_id": 486050},
    "fatalities": {"value": "0"}, "summary": "An air strike.",
    "identifiers": {"gdelt": "588604779"}, "evidence": [{"source": "article", "start": 1}],
}  # fmt: skip
"""A full event (the seed article has none), so every Event field is mutated too."""


Place = tuple[list[Any], type[Any], str]  # a path of keys, the class owning the field, its name


def _fields(data: dict[str, Any], cls: type[Any], path: list[Any]) -> Iterator[Place]:
    for spec in describe(cls).fields:
        yield [*path, spec.name], cls, spec.name
        nested, value = spec.nested, data.get(spec.name)
        if nested is None or value is None:
            continue
        if spec.many:
            for index, item in enumerate(value):
                yield from _fields(item, nested, [*path, spec.name, index])
        else:
            yield from _fields(value, nested, [*path, spec.name])


def _set(data: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    result = copy.deepcopy(data)
    target: Any = result
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return result


def _lenient(cls: type[Any], name: str) -> bool:
    spec = describe(cls)
    if not spec.field(name).rule.schema_exact:
        return True
    return any(not rule.schema_exact and name in rule.fields for rule in spec.rules)


def _library_accepts(data: dict[str, Any]) -> bool:
    try:
        g.from_dict(data)
    except g.ValidationError:
        return False
    return True


def _cases() -> Iterator[tuple[str, dict[str, Any], bool]]:
    for record in _full_records():
        cls = type(g.from_dict(record))
        for path, owner, name in _fields(record, cls, []):
            lenient = _lenient(owner, name)
            for value in VALUES:
                yield f"{record['type']}.{path}={value!r}", _set(record, path, value), lenient


def test_library_and_schema_agree_on_every_field() -> None:
    """Over every field x every value: never accepted by the library and refused by the schema;
    refused by the library and accepted by the schema only where a rule says it is lenient."""
    stricter_schema, unexplained, checked = [], [], 0
    for name, data, lenient in _cases():
        checked += 1
        library, schema = _library_accepts(data), VALIDATOR.is_valid(data)
        if library and not schema:
            stricter_schema.append(name)
        elif schema and not library and not lenient:
            unexplained.append(name)
    assert checked > 2000
    assert stricter_schema == []
    assert unexplained == []


def test_the_leniencies_are_real() -> None:
    """Each documented leniency lets through at least one value the library refuses."""
    cases = {
        "Place.subdivision": {"name": "x", "kind": "other", "country": "RU",
                              "subdivision": "RU-ZZZ"},
        "Place.subdivision/country": {"name": "x", "kind": "other", "country": "UA",
                                      "subdivision": "RU-KRS"},
        "Quantity.low/value": {"value": "1", "low": "2"},
        "Quantity.unit": {"value": "1", "unit": "kilometre"},
        "Evidence.start/end": {"source": "s", "start": 5, "end": 1},
        "Place.controlled_by/country": {"name": "x", "kind": "other", "country": "UA",
                                        "controlled_by": "UA"},
    }  # fmt: skip
    classes = {"Place": g.Place, "Quantity": g.Quantity, "Evidence": g.Evidence}
    for label, data in cases.items():
        cls = classes[label.split(".")[0]]
        assert Draft202012Validator(g.json_schema(cls)).is_valid(data), label
        with pytest.raises(g.ValidationError):
            g.from_dict(data, cls)
    listed = {(where, text) for where, text in schema_leniencies()}
    assert ("Place.subdivision", "the schema checks the shape of an ISO 3166-2 code, not that "
            "it is assigned") in listed  # fmt: skip
    assert any(where == "Quantity: low <= value" for where, _ in listed)
