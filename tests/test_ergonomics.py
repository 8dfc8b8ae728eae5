"""Python ergonomics (issue 14 item 5): strings for enums that type checkers accept, a tidy
``dir()`` and ``help()``, a short repr for notebooks, and ``attrs.evolve`` documented."""

from __future__ import annotations

import pydoc
import shutil
import subprocess
import sys
import typing
from decimal import Decimal
from enum import Enum
from pathlib import Path

import attrs
import pytest

import geostmt as g
from geostmt.model import describe
from geostmt.model.base import Base
from geostmt.model.rules import Choice
from tests.conftest import ROOT

NAMES = {
    g.ActorKindName: g.ActorKind, g.AidStageName: g.AidStage, g.AidTypeName: g.AidType,
    g.ChannelName: g.Channel, g.DeploymentStatusName: g.DeploymentStatus,
    g.ItemCategoryName: g.ItemCategory, g.PlaceKindName: g.PlaceKind,
    g.QualifierName: g.Qualifier, g.SpeechActName: g.SpeechAct,
    g.StatementModeName: g.StatementMode,
}  # fmt: skip


@pytest.mark.parametrize("alias", list(NAMES), ids=[e.__name__ for e in NAMES.values()])
def test_each_literal_alias_holds_its_enums_strings(alias: object) -> None:
    """``ActorKindName`` is exactly ``Literal`` of ActorKind's values, and says so in its doc."""
    enum = NAMES[alias]
    assert typing.get_origin(alias) is typing.Literal
    assert list(typing.get_args(alias)) == [member.value for member in enum]
    assert enum.__name__ in (alias.__doc__ or "")


def test_every_enum_field_converts_as_its_rule_does() -> None:
    """The typed converter of each enum field (what type checkers read) gives what the rule's
    own conversion gives, for members, their strings, None and junk."""
    checked = 0
    records: tuple[type, ...] = typing.get_args(g.Record)
    for cls in (*records, g.Quantity, g.Money, g.Place, g.Item):
        for field in attrs.fields(cls):
            rule = describe(cls).field(field.name).rule
            if not isinstance(rule, Choice):
                continue
            checked += 1
            enum: type[Enum] = rule.enum
            for value in [*enum, *(m.value for m in enum), None, "nope", 5]:
                assert field.converter(value) == rule.convert(value), (cls, field.name, value)
    assert checked == 11


def test_records_take_an_enum_or_its_string() -> None:
    """``kind="person"`` and ``kind=ActorKind.PERSON`` make equal actors."""
    assert g.Actor(id="a", name="A", kind="person") == g.Actor(
        id="a", name="A", kind=g.ActorKind.PERSON
    )


@pytest.mark.skipif(shutil.which("mypy", path=str(Path(sys.executable).parent)) is None,
                    reason="mypy is not installed")  # fmt: skip
def test_type_checkers_accept_the_strings_and_refuse_others(tmp_path: Path) -> None:
    """mypy --strict accepts ``Actor(kind="person")`` and ``Literal`` aliases, and refuses a
    string that is not a kind."""
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from decimal import Decimal\n"
        "import geostmt as g\n"
        "kind: g.ActorKindName = 'state'\n"
        "g.Actor(id='a', name='A', kind='person')\n"
        "g.Actor(id='a', name='A', kind=kind)\n"
        "g.Actor(id='a', name='A', kind=g.ActorKind.MEDIA)\n"
        "g.Statement(id='s', speaker='a', text='x', act='warn', mode=None)\n"
        "g.Quantity(value=Decimal(1), qualifier='approximately')\n"
        "g.Actor(id='a', name='A', kind='persn')\n",
        encoding="utf-8",
    )
    pytest.importorskip("mypy", reason="mypy comes with the lint extra (pip install -e '.[lint]')")
    cache = tmp_path / "mypy-cache"  # its own cache: two runs at once must not share one
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir",
         str(cache), str(snippet)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, done.stdout
    assert errors[0].startswith(f'{snippet}:9: error: Argument "kind" to "Actor"')


def test_dir_lists_the_public_names_only() -> None:
    """``dir(geostmt)`` is ``__all__``: no TYPE_CHECKING, annotations or lazy_getattr."""
    assert dir(g) == sorted(g.__all__)
    assert "TYPE_CHECKING" not in dir(g)


def test_help_is_a_page() -> None:
    """``help(geostmt)`` is the module's page (under 80 lines, naming the main names), not
    the whole API; ``help(geostmt.Actor)`` still documents the class."""
    page = pydoc.render_doc(g, renderer=pydoc.plaintext)
    assert len(page.splitlines()) < 80
    for name in ("Actor", "parse_money", "from_dict", "ValidationError", "attrs.evolve"):
        assert name in page
    actor = pydoc.render_doc(g.Actor, renderer=pydoc.plaintext)
    assert "Someone who acts or speaks" in actor


def test_short_repr_leaves_out_defaults() -> None:
    """``short_repr()`` shows only fields away from their defaults, enums as strings, dates
    as ISO text, nested values short; ``repr()`` stays exact."""
    package = g.AidPackage(
        id="p", donor="us", recipient="ua", announced="2024-10-31",
        value=g.Money(amount=Decimal("425000000"), currency="USD"),
        items=[g.Item(name="interceptors", category="air_defense")],
    )  # fmt: skip
    assert package.short_repr() == (
        "AidPackage(id='p', donor='us', recipient='ua', value=Money(amount=425000000, "
        "currency='USD'), items=[Item(name='interceptors', category='air_defense')], "
        "announced='2024-10-31')"
    )
    assert repr(package).startswith(  # exact, every field
        "AidPackage(id='p', donor='us', recipient='ua', value=Money(amount=Decimal('425000000'), "
        "currency='USD', qualifier=<Qualifier.EXACT: 'exact'>), aid_type=None, stage=None, "
    )
    actor = g.Actor(id="kbs", name="KBS", kind="media", identifiers={"wikidata": "Q1"})
    assert actor.short_repr() == (
        "Actor(id='kbs', name='KBS', kind='media', identifiers={'wikidata': 'Q1'})"
    )
    assert actor._repr_html_() == (
        "<code>Actor(id=&#x27;kbs&#x27;, name=&#x27;KBS&#x27;, kind=&#x27;media&#x27;, "
        "identifiers={&#x27;wikidata&#x27;: &#x27;Q1&#x27;})</code>"
    )


def test_rich_repr_yields_the_fields_set() -> None:
    """``__rich_repr__`` yields (name, value, default) for the fields set, as rich expects."""
    quantity = g.Quantity(value=Decimal(5), qualifier="approximately")
    assert list(quantity.__rich_repr__()) == [
        ("value", Decimal(5), None),
        ("qualifier", g.Qualifier.APPROXIMATELY, g.Qualifier.EXACT),
    ]


def test_every_described_class_has_the_base() -> None:
    """Records, values and parts all share the base with short_repr and the evolve docs."""
    classes = (*typing.get_args(g.Record), g.Quantity, g.Money, g.Place, g.Alias, g.Role,
               g.Evidence, g.Allocation, g.Item, g.PloverCoding, g.AcledCoding,
               g.Period)  # fmt: skip
    for cls in classes:
        assert issubclass(cls, Base), cls


def test_attrs_evolve_is_documented_as_the_way_to_change_a_record() -> None:
    """The base's docstring and the quickstart show ``attrs.evolve``, which re-checks."""
    assert "attrs.evolve" in (Base.__doc__ or "")
    assert "attrs.evolve" in (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    kbs = g.Actor(id="kbs", name="KBS", kind="media")
    assert attrs.evolve(kbs, country="KR").country == "KR"
    with pytest.raises(g.ValidationError):
        attrs.evolve(kbs, country="Korea")
