"""Hypothesis strategies for the tests, valid by construction (until geostmt ships its own)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import geostmt as g
from geostmt.reference import countries, currencies, subdivisions

ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,20}\Z")
texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=20
)
country_codes = st.sampled_from(sorted(countries()))
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, places=3, min_value=0, max_value=10**12
)
dates = st.dates().map(g.PartialDate.from_date) | st.builds(
    g.PartialDate, year=st.integers(1, 9999), month=st.none() | st.integers(1, 12)
)
qualifiers = st.sampled_from([q for q in g.Qualifier if q is not g.Qualifier.RANGE])


@st.composite
def quantities(draw: Any) -> g.Quantity:
    value = draw(decimals)
    if draw(st.booleans()):
        low, high = sorted((value, draw(decimals)))
        return g.Quantity(
            low=low, high=high, qualifier="range", unit=draw(st.none() | st.just("percent"))
        )
    return g.Quantity(
        value=value,
        qualifier=draw(qualifiers),
        unit=draw(st.sampled_from([None, "kilometer", "percent", "metric_ton", "kilometer ** 2"])),
        of=draw(st.none() | texts),
    )


money = st.builds(g.Money, amount=decimals, currency=st.sampled_from(sorted(currencies())))


@st.composite
def places(draw: Any) -> g.Place:
    code = draw(st.sampled_from(sorted(subdivisions())))
    entry = subdivisions()[code]
    point = draw(st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180)))
    return g.Place(
        name=draw(texts),
        kind="subdivision",
        country=entry.country,
        subdivision=code,
        lat=None if point is None else point[0],
        lon=None if point is None else point[1],
    )


evidence = st.builds(
    g.Evidence,
    source=ids,
    start=st.none() | st.integers(0, 100),
    quote=st.none() | texts,
    confidence=st.none() | st.floats(0, 1),
)
actors = st.builds(
    g.Actor,
    id=ids,
    name=texts,
    kind=st.sampled_from(g.ActorKind),
    country=st.none() | country_codes,
    aliases=st.lists(st.builds(g.Alias, name=texts, lang=st.none() | st.just("uk")), max_size=2),
    roles=st.lists(st.builds(g.Role, title=texts, start=st.none() | dates), max_size=2),
    identifiers=st.dictionaries(st.sampled_from(["wikidata", "cameo"]), ids, max_size=2),
)
sources = st.builds(
    g.Source, id=ids, title=texts, url=st.none() | texts, published=st.none() | dates
)
statements = st.builds(
    g.Statement,
    id=ids,
    speaker=ids,
    text=texts,
    mode=st.none() | st.sampled_from(g.StatementMode),
    act=st.none() | st.sampled_from(g.SpeechAct),
    channel=st.none() | st.sampled_from(g.Channel),
    addressees=st.lists(ids, max_size=2),
    date=st.none() | dates,
    evidence=st.lists(evidence, max_size=2),
)
deployments = st.builds(
    g.Deployment,
    id=ids,
    actor=ids,
    size=st.none() | quantities(),
    allocations=st.lists(st.builds(g.Allocation, place=places(), share=quantities()), max_size=2),
    purposes=st.lists(texts, max_size=2),
    status=st.none() | st.sampled_from(g.DeploymentStatus),
    expected=st.none() | st.builds(g.Period, start=dates),
)
items = st.builds(
    g.Item,
    name=texts,
    category=st.none() | st.sampled_from(g.ItemCategory),
    quantity=st.none() | quantities(),
    requested_by=st.none() | ids,
)
aid_packages = st.builds(
    g.AidPackage,
    id=ids,
    donor=ids,
    recipient=ids,
    value=st.none() | money,
    aid_type=st.none() | st.sampled_from(g.AidType),
    items=st.lists(items, max_size=3),
    excluded=st.lists(items, max_size=2),
    announced=st.none() | dates,
)
records = st.one_of(actors, sources, statements, deployments, aid_packages)
