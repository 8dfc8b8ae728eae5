"""A FastAPI app taking geostmt records and money in text (``pip install 'geostmt[pydantic]'``).

``POST /records/check`` reads a list of records of any type and checks them together as a
:class:`geostmt.Dataset` (unique ids, references that resolve); ``POST /money/parse`` reads an
amount of money from text. Request bodies are read by geostmt itself: a bad record is a 422
listing every problem with geostmt's path and message, and ``/openapi.json`` (the ``/docs``
page) shows geostmt's JSON Schema of each record type.

Serve it with ``uvicorn fastapi_app:app`` from this folder. Run as a script
(``python examples/fastapi_app.py OUT``), it sends requests through FastAPI's ``TestClient``, no
server needed, prints each exchange and writes them to ``OUT`` as JSON Lines.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, FastAPI, HTTPException
from pydantic import BaseModel

import geostmt as g
from geostmt.pydantic import AnyRecord

SEED = Path(__file__).resolve().parent / "data" / "seed-article.jsonl"

app = FastAPI(title="geostmt example", version=g.__version__)


class Problem(BaseModel):
    """One problem with the records taken together: where (in the record) and what."""

    path: str
    message: str


class Report(BaseModel):
    """What ``/records/check`` found: how many records, and every problem among them."""

    records: int
    problems: list[Problem]


class MoneyText(BaseModel):
    """Text that mentions an amount of money, and the locale it is written in."""

    text: str
    locale: str = "en"


@app.post("/records/check")
def check_records(records: Annotated[list[AnyRecord], Body()]) -> Report:
    """Check records together: each was checked by geostmt as the body was read (a 422 says
    what is wrong with it), so what is left is what only the set can tell (ids, references)."""
    try:
        dataset = g.Dataset(records)
    except g.ValidationError as error:
        problems = [Problem(path=p.path, message=p.message) for p in error.problems]
        return Report(records=len(records), problems=problems)
    return Report(records=len(dataset), problems=[])


@app.post("/money/parse")
def parse_money(body: MoneyText) -> g.Money:
    """The first amount of money in the text, as geostmt's ``Money``; 422 if there is none."""
    try:
        return g.parse_money(body.text, locale=body.locale)
    except g.ParseError as error:
        detail = [{"type": "parse_error", "loc": ["body", "text"], "msg": error.message}]
        raise HTTPException(status_code=422, detail=detail) from None


def _seed_records() -> list[dict[str, Any]]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main(out: Path) -> list[dict[str, Any]]:
    """Send a few requests through the app and write each exchange to ``out``."""
    from fastapi.testclient import TestClient  # needs httpx2 (or httpx), as TestClient does

    client = TestClient(app)
    bad_actor = {"type": "actor", "id": "kbs", "name": " ", "kind": "broadcaster"}
    dangling = {"type": "statement", "id": "s1", "speaker": "nobody", "text": "We will help."}
    requests: list[tuple[str, Any]] = [
        ("/records/check", _seed_records()),
        ("/records/check", [dangling]),
        ("/records/check", [bad_actor]),
        ("/money/parse", {"text": "a $425 million defensive aid package"}),
        ("/money/parse", {"text": "etwa 1,5 Milliarden Euro", "locale": "de"}),
        ("/money/parse", {"text": "no money here"}),
    ]
    exchanges = []
    for path, body in requests:
        response = client.post(path, json=body)
        exchanges.append({"path": path, "status": response.status_code, "body": response.json()})
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert all(cls.__name__ in schemas for cls in (g.Actor, g.Statement, g.Money)), schemas
    with out.open("w", encoding="utf-8") as file:
        for exchange in exchanges:
            file.write(json.dumps(exchange, ensure_ascii=False) + "\n")
    return exchanges


if __name__ == "__main__":
    for exchange in main(Path(sys.argv[1] if len(sys.argv) > 1 else "fastapi-exchanges.jsonl")):
        print(exchange["status"], exchange["path"], json.dumps(exchange["body"])[:160])
    sys.exit(0)
