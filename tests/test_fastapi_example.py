"""examples/fastapi_app.py through FastAPI's TestClient: geostmt's checks, paths and schemas."""

from __future__ import annotations

import json
import runpy
from decimal import Decimal
from typing import Any

import pytest

import geostmt as g
from geostmt.model import RECORD_CLASSES
from tests.conftest import ROOT

pytest.importorskip("fastapi")
gp = pytest.importorskip("geostmt.pydantic")
testclient = pytest.importorskip("fastapi.testclient")

EXAMPLE = runpy.run_path(str(ROOT / "examples" / "fastapi_app.py"))
ACTOR = {"type": "actor", "id": "kbs", "name": "KBS", "kind": "media"}


@pytest.fixture(scope="module")
def client() -> Any:
    """A TestClient on the example's app."""
    return testclient.TestClient(EXAMPLE["app"])


def test_valid_records_have_no_problems(client: Any) -> None:
    """The seed article's records, posted as a list, are read and found consistent."""
    records = [json.loads(line) for line in EXAMPLE["SEED"].read_text("utf-8").splitlines()]
    response = client.post("/records/check", json=records)
    assert response.status_code == 200
    assert response.json() == {"records": len(records), "problems": []}


def test_dataset_problems_are_returned(client: Any) -> None:
    """A reference that resolves to nothing is reported with the Dataset's path and message."""
    statement = {"type": "statement", "id": "s1", "speaker": "nobody", "text": "We will."}
    response = client.post("/records/check", json=[ACTOR, statement])
    assert response.status_code == 200
    with pytest.raises(g.ValidationError) as caught:
        g.Dataset([g.from_dict(ACTOR), g.from_dict(statement)])
    expected = [{"path": p.path, "message": p.message} for p in caught.value.problems]
    assert response.json() == {"records": 2, "problems": expected}


def test_bad_body_is_a_422_with_geostmt_paths_and_messages(client: Any) -> None:
    """A bad record is refused before the endpoint runs, with every problem from_dict finds."""
    bad = {**ACTOR, "name": " ", "kind": "broadcaster", "aliases": [{"lang": "en"}]}
    response = client.post("/records/check", json=[ACTOR, bad, {"type": "memo"}])
    assert response.status_code == 422
    expected = []
    for index, data in enumerate([ACTOR, bad, {"type": "memo"}]):
        try:
            g.from_dict(data)
        except g.ValidationError as error:
            for problem in error.problems:
                loc = ["body", index, *gp.location(problem.path)]
                expected.append((loc, problem.message))
    found = [(e["loc"], e["msg"]) for e in response.json()["detail"]]
    assert found == expected
    assert (["body", 1, "aliases", 0, "name"], "required field missing") in found


def test_money_is_parsed_from_text(client: Any) -> None:
    """/money/parse answers with geostmt's wire format of the amount found."""
    response = client.post("/money/parse", json={"text": "a $425 million aid package"})
    assert response.status_code == 200
    assert response.json() == g.to_dict(g.Money(amount=Decimal(425000000), currency="USD"))


def test_text_without_money_is_a_422(client: Any) -> None:
    """Text with no amount of money is refused, saying so."""
    response = client.post("/money/parse", json={"text": "no money here"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "no amount of money found"


def test_openapi_shows_geostmt_schemas(client: Any) -> None:
    """/openapi.json holds each record type once, as geostmt's JSON Schema."""
    document = client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    for cls in RECORD_CLASSES:
        schema = g.json_schema(cls)
        for key in ("$schema", "$id", "title", "$defs"):
            del schema[key]
        text = json.dumps(schema).replace("#/$defs/", "#/components/schemas/")
        assert schemas[cls.__name__] == json.loads(text)
    body = document["paths"]["/records/check"]["post"]["requestBody"]["content"]
    items = body["application/json"]["schema"]["items"]
    mapping = schemas[items["$ref"].rsplit("/", 1)[1]]["discriminator"]["mapping"]
    assert mapping["actor"] == "#/components/schemas/Actor"
    money = document["paths"]["/money/parse"]["post"]["responses"]["200"]["content"]
    assert money["application/json"]["schema"] == {"$ref": "#/components/schemas/Money"}
