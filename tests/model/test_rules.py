"""Every validation rule of the model, failing and passing, with the path it names."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from geostmt import (
    Actor,
    AidPackage,
    Alias,
    Allocation,
    Deployment,
    Evidence,
    Item,
    Money,
    PartialDate,
    Period,
    Place,
    Quantity,
    Role,
    Source,
    Statement,
    ValidationError,
)
from tests.decoding import VIAS, route

ACTOR = {"id": "north-korea", "name": "North Korea", "kind": "state"}


def actor(**changes: Any) -> Actor:
    return Actor(**{**ACTOR, **changes})


INVALID: list[tuple[Callable[[], object], str, str]] = [
    (lambda: actor(id=""), "id", "is not an id"),
    (lambda: actor(id="-lead"), "id", "is not an id"),
    (lambda: actor(id="a b"), "id", "is not an id"),
    (lambda: actor(id="x" * 201), "id", "is not an id"),
    (lambda: actor(id=5), "id", "expected an id string, got int 5"),
    (lambda: actor(name="   "), "name", "must not be blank"),
    (lambda: actor(name="\ud800"), "name", "lone surrogate"),
    (lambda: actor(kind="nation"), "kind", "'nation' is not one of: person, state"),
    (lambda: actor(country="kp"), "country", "did you mean 'KP'?"),
    (lambda: actor(country="XK1"), "country", "is not an ISO 3166-1 alpha-2 code"),
    (lambda: actor(aliases=["Kim"]), "aliases[0]", "expected an alias, got str"),
    (lambda: actor(identifiers={"wikidata": " "}), "identifiers.wikidata", "non-blank"),
    (lambda: Alias(name="x", lang="english!"), "lang", "not a BCP 47 language tag"),
    (lambda: Role(title="President", start="2024", end="2023-12"), "end", "before the start"),
    (lambda: Role(title="President", start="2024-13"), "start", "is not a date"),
    (lambda: Source(id="s"), "", "needs a url or a title"),
    (lambda: Source(id="s", title="t", language="e"), "language", "BCP 47"),
    (lambda: Money(amount=Decimal("-1"), currency="USD"), "amount", "must be >= 0"),
    (lambda: Money(amount=Decimal("NaN"), currency="USD"), "amount", "finite"),
    (lambda: Money(amount=Decimal("Infinity"), currency="USD"), "amount", "finite"),
    (lambda: Money(amount="lots", currency="USD"), "amount", "expected a decimal"),
    (lambda: Money(amount=1, currency="usd"), "currency", "did you mean 'USD'?"),
    (lambda: Money(amount=1, currency="ABC"), "currency", "not an ISO 4217"),
    (lambda: Money(amount=1, currency="USD", qualifier="maybe"), "qualifier", "not one of"),
    (lambda: Quantity(), "", "needs at least one of value, low and high"),
    (lambda: Quantity(value=5, low=6), "low", "6 is above the value 5"),
    (lambda: Quantity(value=5, high=4), "high", "4 is below the value 5"),
    (lambda: Quantity(low=5, high=4), "high", "4 is below low 5"),
    (lambda: Quantity(value=5, qualifier="range"), "qualifier", "needs both low and high"),
    (lambda: Quantity(value=5, unit="soldier"), "unit", "not a unit pint knows"),
    (lambda: Quantity(value=5, unit="km"), "unit", "write 'kilometer'"),
    (lambda: Quantity(value=5, of=""), "of", "must not be blank"),
    (
        lambda: Place(name="Kursk", kind="city", subdivision="RU-KRS"),
        "subdivision",
        "needs country",
    ),
    (
        lambda: Place(name="Kursk", kind="city", country="UA", subdivision="RU-KRS"),
        "subdivision",
        "is a subdivision of 'RU', not of 'UA'",
    ),
    (lambda: Place(name="x", kind="city", subdivision="RU-XX"), "subdivision", "not an ISO 3166-2"),
    (lambda: Place(name="x", kind="country"), "country", "needs its country code"),
    (lambda: Place(name="x", kind="subdivision", country="RU"), "subdivision", "needs its code"),
    (lambda: Place(name="x", kind="city", lat=91.0, lon=0.0), "lat", "between -90 and 90"),
    (lambda: Place(name="x", kind="city", lat=0.0, lon=-180.5), "lon", "between -180 and 180"),
    (lambda: Place(name="x", kind="city", lat=1.0), "lon", "lat and lon go together"),
    (lambda: Place(name="x", kind="city", lat=float("nan"), lon=0.0), "lat", "between"),
    (
        lambda: Place(name="Crimea", kind="region", country="UA", controlled_by="UA"),
        "controlled_by",
        "differs",
    ),
    (lambda: Evidence(source="s", start=10, end=5), "end", "5 is before start 10"),
    (lambda: Evidence(source="s", start=-1), "start", "must be >= 0"),
    (lambda: Evidence(source="s", start=True), "start", "expected an integer"),
    (lambda: Evidence(source="s", confidence=1.5), "confidence", "between 0 and 1"),
    (lambda: Evidence(source="bad id"), "source", "is not an id"),
    (lambda: Item(name="x", category="nukes"), "category", "not one of: air_defense"),
    (lambda: Item(name="x", requested_by="bad id"), "requested_by", "is not an id"),
    (lambda: Statement(id="s", speaker="z", text=""), "text", "must not be blank"),
    (lambda: Statement(id="s", speaker="z", text="t", act="mumble"), "act", "not one of"),
    (lambda: Statement(id="s", speaker="z", text="t", mode="loud"), "mode", "not one of"),
    (lambda: Statement(id="s", speaker="z", text="t", channel="fax"), "channel", "not one of"),
    (
        lambda: Statement(id="s", speaker="z", text="t", about=["ok", "no way"]),
        "about[1]",
        "not an id",
    ),
    (lambda: Statement(id="s", speaker="z", text="t", date="31/10/2024"), "date", "not a date"),
    (lambda: Deployment(id="d", actor="a", status="rumoured"), "status", "not one of"),
    (lambda: Deployment(id="d", actor="a", purposes=[" "]), "purposes[0]", "must not be blank"),
    (lambda: Deployment(id="d", actor="a", size=10000), "size", "expected a quantity"),
    (lambda: AidPackage(id="p", donor="a", recipient="b", aid_type="moral"), "aid_type", "not one"),
    (lambda: AidPackage(id="p", donor="a", recipient="b", stage="dreamt"), "stage", "not one of"),
    (lambda: AidPackage(id="p", donor="a", recipient="b", items=["x"]), "items[0]", "an item"),
    (lambda: PartialDate(year=2024, month=2, day=30), "day", "2024-02 has no day 30"),
    (lambda: PartialDate(year=2024, day=3), "day", "a day needs a month"),
    (lambda: PartialDate(year=0), "year", "between 1 and 9999"),
    (lambda: PartialDate(year=2024, month=13), "month", "between 1 and 12"),
    (lambda: Period(), "", "needs a start, an end or both"),
    (lambda: Period(start="2024-11", end="2024-10-31"), "end", "before the start"),
]


ON_THE_WIRE: dict[tuple[str, str], tuple[str, str]] = {
    # a value of the wrong JSON type, or text the wire's stricter reader refuses, is described
    # by the JSON reader (Rule.from_json), as the detailed path always has
    ("id", "expected an id string, got int 5"): ("id", "expected a string, got int 5"),
    ("aliases[0]", "expected an alias, got str"): ("aliases[0]", "expected an object, got str"),
    ("start", "is not a date"): ("start.month", "must be between 1 and 12, not 13"),
    ("amount", "expected a decimal"): ("amount", "'lots' is not a decimal number"),
    ("size", "expected a quantity"): ("size", "expected an object, got int 10000"),
    ("items[0]", "an item"): ("items[0]", "expected an object, got str 'x'"),
}
"""Where the generated decoders' full read words a problem as JSON input: (path, message) as
the constructor gives it -> as reading the same values from JSON gives it."""


@pytest.fixture(params=VIAS)
def via(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each table runs against the constructors and against the generated decoders (whose
    inline checks must refuse all that the validators refuse)."""
    route(monkeypatch, sys.modules[__name__], request.param)
    return str(request.param)


@pytest.mark.parametrize(("build", "path", "message"), INVALID)
def test_invalid_values_are_refused(
    build: Callable[[], object], path: str, message: str, via: str
) -> None:
    """Each rule refuses bad data with a ValidationError naming the field, whether it comes
    to a constructor or to a generated decoder."""
    if via == "decoder":
        path, message = ON_THE_WIRE.get((path, message), (path, message))
    with pytest.raises(ValidationError) as caught:
        build()
    problem = caught.value.problems[0]
    assert problem.path == path
    assert message in problem.message


def test_valid_values_are_normalised() -> None:
    """Valid data is accepted and normalised: text stripped and NFC, refs kept as ids."""
    zelenskyy = Actor(id="zelenskyy", name=" Volodymyr  Zelenskyy ", kind="person")
    assert zelenskyy.name == "Volodymyr  Zelenskyy"
    assert Actor(id="q", name="Corée du Nord", kind="state").name == "Corée du Nord"
    assert Actor(id="q", name="Cor\u0065\u0301e", kind="state").name == "Cor\u00e9e"
    statement = Statement(id="s:1", speaker=zelenskyy, text="hi", addressees=[actor()])
    assert statement.speaker == "zelenskyy"
    assert statement.addressees == ("north-korea",)
    assert Actor(id="Q3874799", name="x", kind="person").id == "Q3874799"
    assert Actor(id="x" * 200, name="x", kind="person", country="KP").country == "KP"
    assert Alias(name="Зеленський", lang="uk").lang == "uk"
    assert Alias(name="x", lang="zh-Hant-TW").lang == "zh-Hant-TW"
    assert Role(title="P", start="2024-10", end="2024").end == PartialDate(year=2024)
    assert Money(amount=425_000_000, currency="USD").amount == Decimal("425000000")
    assert Money(amount="1.20", currency="EUR").amount == Decimal("1.20")
    assert Quantity(low=1, high=2, qualifier="range").qualifier.value == "range"
    assert Quantity(value=3, unit="kilometer ** 2").unit == "kilometer ** 2"
    kursk = Place(name="Kursk", kind="subdivision", country="RU", subdivision="RU-KRS")
    assert kursk.subdivision == "RU-KRS"
    crimea = Place(name="Crimea", kind="region", country="UA", controlled_by="RU", lat=45, lon=34)
    assert (crimea.lat, crimea.lon) == (45.0, 34.0)
    assert Evidence(source="s", start=0, end=0, confidence=1).confidence == 1.0
    share = Allocation(place=kursk, share=Quantity(value=80, unit="percent"))
    assert share.share.unit == "percent"
    assert Statement(id="s", speaker="z", text="t", date=dt.date(2024, 10, 31)).date == (
        PartialDate(year=2024, month=10, day=31)
    )


def test_records_are_frozen_and_hashable() -> None:
    """Records cannot be changed after construction and can live in sets."""
    record = actor(identifiers={"wikidata": "Q423"})
    with pytest.raises(AttributeError):
        record.name = "changed"  # type: ignore[misc]
    assert len({record, actor(identifiers={"wikidata": "Q423"})}) == 1
    assert record.identifiers["wikidata"] == "Q423"


def test_constructors_are_keyword_only() -> None:
    """Positional arguments are refused, so field order is never a contract."""
    with pytest.raises(TypeError):
        Money(1, "USD")  # type: ignore[misc]
