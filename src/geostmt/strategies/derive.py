"""A strategy for any described class, derived from :func:`geostmt.model.describe`.

Each field's rule picks a strategy (an id, text, an enum member, a country...), its shape makes
it optional or a list, and the class's cross-field rules are then met by construction: bounds
are put in order, a field a rule needs is filled, a forbidden value is swapped for another. No
``.filter`` is used, so nothing is thrown away.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
from hypothesis import strategies as st

from geostmt.model import class_rules as cr
from geostmt.model import rules as r
from geostmt.model.identifiers import SCHEMES
from geostmt.model.spec import FieldSpec, describe
from geostmt.reference import currencies, subdivisions
from geostmt.strategies import values as v

__all__ = ["Context", "derived", "rule_strategy"]

_LANGUAGES = ("en", "uk", "ru", "ko", "de", "fr", "zh-Hant", "de-AT")
_SCHEMES = ("wikidata", "cameo", "acled", "gdelt")
_UNITS = tuple(unit for unit in v.UNITS if unit is not None)


@attrs.frozen
class Context:
    """What derived strategies draw from: references by target type, value strategies by
    class, per-field overrides by ``(class, field)`` name, and list sizes."""

    refs: Mapping[str | None, st.SearchStrategy[str]] = attrs.field(factory=dict)
    values: Mapping[type[Any], st.SearchStrategy[Any]] = attrs.field(factory=dict)
    fields: Mapping[tuple[type[Any], str], st.SearchStrategy[Any]] = attrs.field(factory=dict)
    max_items: int = 3
    countries: tuple[str, ...] | None = None

    def ref(self, target: str | None) -> st.SearchStrategy[str]:
        """Ids for a reference to ``target``: the context's, else any id."""
        found = self.refs.get(target, self.refs.get(None))
        return v.ids() if found is None else found


def _nested(cls: type[Any], context: Context) -> st.SearchStrategy[Any]:
    given = context.values.get(cls)
    if given is not None:
        return given
    return st.deferred(lambda: derived(cls, context))


def _identifiers() -> st.SearchStrategy[dict[str, str]]:
    """Ids by scheme, each in its scheme's form where it has one (``wikidata``: ``Q``, digits)."""
    ids = {
        scheme: st.from_regex(SCHEMES[scheme].pattern, fullmatch=True)
        if scheme in SCHEMES
        else v.ids()
        for scheme in _SCHEMES
    }
    return st.fixed_dictionaries({}, optional=ids)


def rule_strategy(rule: r.Rule, context: Context) -> st.SearchStrategy[Any]:
    """Valid values for one field of ``rule``."""
    makers: dict[type[r.Rule], Callable[[], st.SearchStrategy[Any]]] = {
        r.Id: v.ids,
        r.Text: v.texts,
        r.LanguageTag: lambda: st.sampled_from(_LANGUAGES),
        r.CountryCode: lambda: st.sampled_from(context.countries or sorted(v.all_countries())),
        r.SubdivisionCode: lambda: st.sampled_from(sorted(subdivisions())),
        r.CurrencyCode: lambda: st.sampled_from(sorted(currencies())),
        r.Unit: lambda: st.sampled_from(_UNITS),
        r.Date: v.dates,
        r.StringMap: _identifiers,
    }
    if isinstance(rule, r.Ref):
        return context.ref(rule.target)
    if isinstance(rule, r.Choice):
        return st.sampled_from(list(rule.enum))
    if isinstance(rule, r.Vocabulary):
        return st.sampled_from(sorted(rule.values))
    if isinstance(rule, r.DecimalNumber):
        return v.decimals(min_value=-(10**12) if rule.ge is None else rule.ge)
    if isinstance(rule, r.Integer):
        return st.integers(rule.ge, rule.ge + 10**6)
    if isinstance(rule, r.Number):
        return st.floats(rule.ge, rule.le)
    if isinstance(rule, r.Nested):
        return _nested(rule.cls, context)
    return makers[type(rule)]()


def _field_strategy(cls: type[Any], spec: FieldSpec, context: Context) -> st.SearchStrategy[Any]:
    override = context.fields.get((cls, spec.name))
    if override is not None:
        return override
    one = rule_strategy(spec.rule, context)
    if spec.many:
        return st.lists(one, max_size=context.max_items)
    if spec.optional:
        return st.none() | one
    return one


def _swap(values: dict[str, Any], first: str, second: str) -> None:
    values[first], values[second] = values[second], values[first]


def _meet(rule: cr.ClassRule, values: dict[str, Any], fill: Callable[[str], Any]) -> bool:
    """Change ``values`` so that ``rule`` holds; True if anything changed."""
    f = rule.fields
    if isinstance(rule, cr.AnyOf) and all(values[name] is None for name in f):
        values[f[0]] = fill(f[0])
        return True
    if isinstance(rule, cr.Requires) and values[f[0]] == rule.value:
        missing = [name for name in rule.needs if values[name] is None]
        for name in missing:
            values[name] = fill(name)
        return bool(missing)
    if isinstance(rule, cr.Ordered):
        low, high = values[f[0]], values[f[1]]
        if low is not None and high is not None and low > high:
            _swap(values, *f)
            return True
    if isinstance(rule, cr.DatesOrdered):
        start, end = values[f[0]], values[f[1]]
        if start is not None and end is not None and end.latest() < start.earliest():
            _swap(values, *f)
            return True
    if isinstance(rule, cr.Together) and (values[f[0]] is None) != (values[f[1]] is None):
        values[f[0]] = values[f[1]] = None
        return True
    if isinstance(rule, cr.Belongs) and rule.problem(_Values(values)) is not None:
        values[f[0]] = None  # an optional child that does not fit its parent
        return True
    if isinstance(rule, cr.CountOnly) and rule.problem(_Values(values)) is not None:
        values[f[0]] = None
        return True
    if isinstance(rule, cr.Differ | cr.Forbid):
        return _meet_inequality(rule, values)
    if isinstance(rule, cr.SubdivisionInCountry) and values[f[0]] is not None:
        country = subdivisions()[values[f[0]]].country
        changed: bool = values[f[1]] != country
        values[f[1]] = country
        return changed
    return False


class _Values:
    """Drawn field values seen as an instance, for a rule's own check."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def _meet_inequality(rule: cr.Differ | cr.Forbid, values: dict[str, Any]) -> bool:
    name = rule.fields[0]
    banned = rule.value if isinstance(rule, cr.Forbid) else values[rule.fields[1]]
    if values[name] is None or values[name] != banned:
        return False
    values[name] = None  # both rules concern optional or defaulted fields
    return True


@st.composite
def _build(
    draw: Any, cls: type[Any], strategies: dict[str, st.SearchStrategy[Any]], context: Context
) -> Any:
    spec = describe(cls)
    values = {name: draw(strategy) for name, strategy in strategies.items()}

    def fill(name: str) -> Any:
        field = spec.field(name)
        return draw(rule_strategy(field.rule, context))

    for _ in range(len(spec.rules) + 1):  # each pass can only settle more rules
        if not any([_meet(rule, values, fill) for rule in spec.rules]):  # noqa: C419  # every rule
            break
    for field in spec.fields:
        if values[field.name] is None and not field.optional:
            values[field.name] = field.default  # a defaulted field a rule cleared
    return cls(**values)


def derived(cls: type[Any], context: Context | None = None) -> st.SearchStrategy[Any]:
    """Valid instances of any described ``cls`` (a record, value or part), by construction.

    Shrinks towards the smallest value of each field: ``None`` for optional fields, no list
    items, the first enum member.
    """
    context = context or Context()
    spec = describe(cls)  # a TypeError now for a class without field rules
    strategies = {f.name: _field_strategy(cls, f, context) for f in spec.fields}
    return _build(cls, strategies, context)
