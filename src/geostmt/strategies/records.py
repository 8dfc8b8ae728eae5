"""Strategies for records and whole datasets, derived from the classes' field rules."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import attrs
from hypothesis import strategies as st

from geostmt.dataset import Dataset
from geostmt.model import (
    RECORD_CLASSES,
    RECORD_TYPES,
    ActorKind,
    Period,
    Record,
    references,
)
from geostmt.model.actor import Actor
from geostmt.model.aid import AidPackage
from geostmt.model.deployment import Deployment
from geostmt.model.event import AcledCoding, Event, PloverCoding
from geostmt.model.parts import Item
from geostmt.model.source import Source
from geostmt.model.statement import Statement
from geostmt.model.values import Money, Place, Quantity
from geostmt.strategies import values as v
from geostmt.strategies.derive import Context, derived
from geostmt.strategies.options import check_codes, check_size

__all__ = [
    "actors",
    "aid_packages",
    "datasets",
    "deployments",
    "events",
    "record_strategy",
    "records",
    "sources",
    "statements",
]


def _base(refs: st.SearchStrategy[str] | None, max_items: int, **kwargs: Any) -> Context:
    values: dict[type[Any], st.SearchStrategy[Any]] = {
        Quantity: v.quantities(),
        Money: v.money(),
        Place: v.places(),
        Period: v.periods(),
        PloverCoding: v.plover_codings(),
        AcledCoding: v.acled_codings(),
    }
    values.update(kwargs.pop("values", {}))
    return Context(
        refs={} if refs is None else {None: refs},
        values=values,
        max_items=max_items,
        **kwargs,
    )


def actors(
    *, countries: Collection[str] | None = None, kinds: Collection[str] | None = None
) -> st.SearchStrategy[Actor]:
    """Actors of the given ``kinds`` (``ActorKind`` values) in the given ``countries``.

    Shrinks towards an actor with id ``"0"``, no country, aliases, roles or identifiers.
    """
    codes = check_codes("countries", countries, v.all_countries())
    chosen = check_codes("kinds", kinds, {k.value for k in ActorKind})
    context = _base(
        None,
        3,
        countries=tuple(codes),
        fields={(Actor, "kind"): st.sampled_from([ActorKind(k) for k in chosen])},
    )
    return derived(Actor, context)


def sources() -> st.SearchStrategy[Source]:
    """Sources with a title, a URL or both; shrinks towards a source with only a title."""
    url = v.texts().map(lambda s: "https://example.org/" + s.replace(" ", "-"))
    return derived(Source, _base(None, 3, fields={(Source, "url"): st.none() | url}))


def statements(
    *, refs: st.SearchStrategy[str] | None = None, max_items: int = 3
) -> st.SearchStrategy[Statement]:
    """Statements whose references are drawn from ``refs`` (any ids by default).

    Shrinks towards a statement with only its id, speaker and text.
    """
    check_size("max_items", max_items)
    text = {(Statement, "text"): v.texts(max_size=200)}
    return derived(Statement, _base(refs, max_items, fields=text))


def deployments(
    *,
    refs: st.SearchStrategy[str] | None = None,
    countries: Collection[str] | None = None,
    max_items: int = 3,
) -> st.SearchStrategy[Deployment]:
    """Deployments with sizes, places in ``countries`` and allocations.

    Shrinks towards a deployment with only its id and actor.
    """
    check_size("max_items", max_items)
    size = {(Deployment, "size"): st.none() | v.quantities(units=[None])}
    where = {Place: v.places(countries=countries)}
    return derived(Deployment, _base(refs, max_items, values=where, fields=size))


def aid_packages(
    *,
    refs: st.SearchStrategy[str] | None = None,
    currencies: Collection[str] | None = None,
    max_items: int = 5,
) -> st.SearchStrategy[AidPackage]:
    """Aid packages valued in ``currencies``, with up to ``max_items`` items and exclusions.

    Shrinks towards a package with only its id, donor and recipient.
    """
    check_size("max_items", max_items)
    counts = {(Item, "quantity"): st.none() | v.quantities(units=[None])}
    value = {Money: v.money(currencies=currencies)}
    return derived(AidPackage, _base(refs, max_items, values=value, fields=counts))


def events(
    *,
    refs: st.SearchStrategy[str] | None = None,
    countries: Collection[str] | None = None,
    max_items: int = 3,
) -> st.SearchStrategy[Event]:
    """Events with CAMEO, PLOVER and ACLED codes (at least one), places in ``countries`` and a
    count of fatalities. Shrinks towards an event with only its id and a CAMEO code."""
    check_size("max_items", max_items)
    deaths = {(Event, "fatalities"): st.none() | v.quantities(units=[None])}
    where = {Place: v.places(countries=countries)}
    return derived(Event, _base(refs, max_items, values=where, fields=deaths))


def _plural(tag: str) -> str:
    return f"{tag}s"


def record_strategy(
    cls: type[Record], *, refs: st.SearchStrategy[str] | None = None, max_items: int = 3
) -> st.SearchStrategy[Record]:
    """The strategy for record class ``cls``: its own (``actors()``...) where it has one that
    takes these options, else one derived from its field rules."""
    import geostmt.strategies as here

    own = getattr(here, _plural(cls.TYPE), None)
    if own is None:
        return derived(cls, _base(refs, max_items))
    if references(cls):
        made: st.SearchStrategy[Record] = own(refs=refs, max_items=max_items)
        return made
    plain: st.SearchStrategy[Record] = own()
    return plain


def records(*, kinds: Collection[str] | None = None) -> st.SearchStrategy[Record]:
    """Records of the given ``kinds`` (type tags); shrinks towards the first record type."""
    chosen = check_codes("kinds", kinds, RECORD_TYPES)
    order = [cls for cls in RECORD_CLASSES if cls.TYPE in chosen]
    return st.one_of([record_strategy(cls) for cls in order])


@st.composite
def datasets(draw: Any, *, max_records: int = 12) -> Dataset:
    """Datasets whose ids are unique and whose references all resolve to the right types.

    Records that refer to nothing (actors, sources) are drawn first, at least one of each;
    the others refer only to them. Ids are drawn unique up front, so none is ever filtered
    out. Shrinks towards a dataset of one actor and one source.
    """
    check_size("max_records", max_records)
    roots = [cls for cls in RECORD_CLASSES if not references(cls)]
    others = [cls for cls in RECORD_CLASSES if references(cls)]
    counts = [draw(st.integers(1, max(1, max_records // 4))) for _ in roots]
    extra = draw(st.integers(0, max(0, max_records - sum(counts))))
    ids = iter(draw(st.lists(v.ids(), min_size=sum(counts) + extra, unique=True)))
    made: list[Record] = []
    by_type: dict[str, list[str]] = {}
    for cls, count in zip(roots, counts, strict=True):
        for _ in range(count):
            ident = next(ids)
            made.append(_with_id(draw(record_strategy(cls)), ident))
            by_type.setdefault(cls.TYPE, []).append(ident)
    every = sorted(i for found in by_type.values() for i in found)
    refs: dict[str | None, st.SearchStrategy[str]] = {
        tag: st.sampled_from(sorted(found)) for tag, found in by_type.items()
    }
    context = attrs.evolve(_base(None, 2), refs={None: st.sampled_from(every), **refs})
    referring = {cls: derived(cls, context) for cls in others}
    for _ in range(extra):
        cls = draw(st.sampled_from(others))
        made.append(_with_id(draw(referring[cls]), next(ids)))
    return Dataset(made)


def _with_id(record: Any, ident: str) -> Any:
    return attrs.evolve(record, id=ident)
