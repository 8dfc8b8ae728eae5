"""geostmt.table.arrays, rows and schema on concrete values, written to kill the mutants
scripts/mutation_check.py finds."""

from __future__ import annotations

from decimal import Decimal

import pytest

pa = pytest.importorskip("pyarrow", reason="the table tests need the arrow extra")

import geostmt as g  # noqa: E402
from geostmt.model.spec import describe  # noqa: E402
from geostmt.table import arrays, from_arrow, scan_arrow, to_arrow  # noqa: E402

LIMIT = Decimal("1" + "0" * 32)
BELOW = Decimal("1" * 32)


def test_decimal_problem_at_the_limits() -> None:
    """32 digits before the point fit, 33 do not; six places fit, seven do not."""
    assert arrays.decimal_problem(BELOW) is None
    assert arrays.decimal_problem(-BELOW) is None
    assert arrays.decimal_problem(LIMIT) == (
        f"{LIMIT} has more than 32 digits before the point, more than an Arrow "
        "decimal128(38, 6) holds"
    )
    assert arrays.decimal_problem(-LIMIT) is not None
    assert arrays.decimal_problem(Decimal("0.000001")) is None
    assert arrays.decimal_problem(Decimal("0.0000001")) == (
        "1E-7 has more than 6 decimal places; it is never rounded"
    )


def test_decimal_paths_follow_nested_classes() -> None:
    """A class holds decimals directly, through a nested class, or not at all."""
    item = next(s.nested for s in describe(g.AidPackage).fields if s.name == "items")
    assert item is not None
    assert arrays._decimal_paths(item) is True  # Item -> Quantity -> value
    assert arrays._decimal_paths(g.AidPackage) is True
    assert arrays._decimal_paths(g.Quantity) is True
    assert arrays._decimal_paths(g.Actor) is False
    assert arrays._decimal_paths(g.Place) is False


def test_a_decimal_two_levels_down_is_found() -> None:
    """A bad decimal in items[0].quantity.value is a ValidationError at that path and row."""
    quantity = g.Quantity(value=Decimal("0.1234567"))
    package = g.AidPackage(
        id="p", donor="a", recipient="b", items=(g.Item(name="shells", quantity=quantity),)
    )
    fine = g.AidPackage(id="q", donor="a", recipient="b")
    with pytest.raises(g.ValidationError) as caught:
        to_arrow([fine, package], g.AidPackage)
    assert [(p.line, p.path, p.message) for p in caught.value.problems] == [
        (
            2,
            "items[0].quantity.value",
            "0.1234567 has more than 6 decimal places; it is never rounded",
        )
    ]


def test_wrong_class_rows_are_named_exactly() -> None:
    """Each record of another class is one problem at no path, on its 1-based row."""
    actor = g.Actor(id="a", name="A", kind="state")
    with pytest.raises(g.ValidationError) as caught:
        to_arrow([actor, g.Source(id="s", title="t")], g.Actor)
    assert caught.value.problems == (g.Problem("", "expected an actor, got Source", 2),)


def test_an_arrow_error_that_is_no_decimal_problem_propagates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An ArrowInvalid with no decimal to blame is raised as it is."""

    def refuse(cls: object, values: object) -> list[object]:
        raise pa.ArrowInvalid("something else")

    monkeypatch.setattr(arrays, "_columns", refuse)
    with pytest.raises(pa.ArrowInvalid, match="something else"):
        to_arrow([g.Actor(id="a", name="A", kind="state")], g.Actor)


def _lines(rows: list[dict[str, object]], cls: type) -> list[tuple[int, object, tuple]]:
    table = pa.Table.from_pylist(rows)
    return [(line.number, line.record, line.problems) for line in scan_arrow(table, cls)]


def test_rows_a_float_in_a_decimal_column_is_passed_on() -> None:
    """A float where a decimal is expected reaches the field's rule (which takes 1.5)."""
    ((number, record, problems),) = _lines(
        [{"id": "d", "actor": "a", "size": {"value": 1.5}}], g.Deployment
    )
    assert (number, problems) == (1, ())
    assert isinstance(record, g.Deployment)
    assert record.size == g.Quantity(value=Decimal("1.5"))


def test_rows_a_repeated_scheme_is_refused() -> None:
    """An identifiers list naming one scheme twice is a problem on its row."""
    row = {
        "id": "a",
        "name": "A",
        "kind": "state",
        "identifiers": [{"scheme": "x", "id": "1"}, {"scheme": "x", "id": "2"}],
    }
    ((number, record, problems),) = _lines([row], g.Actor)
    assert (number, record) == (1, None)
    (problem,) = problems
    assert problem.path in ("", "identifiers")
    assert (problem.message, problem.line) == ("scheme 'x' appears twice", 1)


def test_rows_detailed_path_skips_nulls_and_empty_lists() -> None:
    """A refused row's nulls and empty lists are absent: only the bad value is a problem."""
    row = {"id": "a", "name": "A", "kind": "nation", "country": None, "roles": []}
    ((number, record, problems),) = _lines([row], g.Actor)
    assert (number, record) == (1, None)
    assert [(p.path, p.line) for p in problems] == [("kind", 1)]
    aliased = {"id": "a", "name": "A", "kind": "nation", "aliases": [{"name": " "}]}
    ((_, _, problems),) = _lines([aliased], g.Actor)
    assert [p.path for p in problems] == ["kind", "aliases[0].name"]


def test_rows_decimals_lose_the_padding_zeros() -> None:
    """A decimal read back is written as before (1.5, 425000000), not with six places."""
    size = g.Quantity(value=Decimal("1.5"), high=Decimal("425000000"))
    deployment = g.Deployment(id="d", actor="a", size=size)
    (back,) = from_arrow(to_arrow([deployment], g.Deployment), g.Deployment)
    assert g.dumps(back) == g.dumps(deployment)
    assert str(back.size.value) == "1.5"
    assert str(back.size.high) == "425000000"


def test_rows_columns_checked_exactly() -> None:
    """An unknown column and a missing required one, each with its exact message."""
    table = pa.Table.from_pylist([{"id": "a", "kind": "state", "colour": "red"}])
    with pytest.raises(g.ValidationError) as caught:
        list(from_arrow(table, g.Actor))
    assert caught.value.problems == (
        g.Problem("colour", "unknown column"),
        g.Problem("name", "required column missing"),
    )


def test_rows_of_a_value_class_get_no_type() -> None:
    """A value class's refused row has only its own problems (no 'type' is added)."""
    ((number, record, problems),) = _lines([{"value": None, "qualifier": "range"}], g.Quantity)
    assert (number, record) == (1, None)
    assert problems == (
        g.Problem("", "needs at least one of value, low and high", 1),
        g.Problem("qualifier", "a range needs both low and high", 1),
    )
