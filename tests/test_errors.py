"""Tests for geostmt.errors: messages, paths, pickling."""

from __future__ import annotations

import pickle

import pytest

from geostmt.errors import GeostmtError, ParseError, Problem, ValidationError, join_path


@pytest.mark.parametrize(
    ("prefix", "path", "joined"),
    [
        ("items", "[2].category", "items[2].category"),
        ("value", "amount", "value.amount"),
        (2, "category", "[2].category"),
        (2, "", "[2]"),
        ("", "name", "name"),
        ("items", "", "items"),
    ],
)
def test_join_path(prefix: str | int, path: str, joined: str) -> None:
    """Field names join with dots, list indexes with brackets."""
    assert join_path(prefix, path) == joined


def test_problem_renders_line_path_and_message() -> None:
    """A problem reads `line 12: items[2].category: message`."""
    assert str(Problem("items[2].category", "bad", 12)) == "line 12: items[2].category: bad"
    assert str(Problem("", "bad")) == "bad"
    assert str(Problem("id", "bad", 3, "a.jsonl")) == "a.jsonl:3: id: bad"


def test_validation_error_prefixes_and_lines() -> None:
    """prefixed() and at_line() rewrite every problem, keeping the rest."""
    error = ValidationError([Problem("category", "x"), Problem("", "y")])
    moved = error.prefixed("items").prefixed(2)
    assert [p.path for p in moved.problems] == ["[2].items.category", "[2].items"]
    assert str(error.prefixed(1).at_line(7)) == "line 7: [1].category: x\nline 7: [1]: y"


def test_errors_are_value_errors_and_pickle() -> None:
    """Both errors are ValueErrors and GeostmtErrors and survive pickling."""
    validation = ValidationError.single("id", "bad", 4)
    parse = ParseError("no money found", "asdf")
    for error in (validation, parse):
        assert isinstance(error, ValueError)
        assert isinstance(error, GeostmtError)
        copy = pickle.loads(pickle.dumps(error))
        assert str(copy) == str(error)
    assert pickle.loads(pickle.dumps(validation)).problems == (Problem("id", "bad", 4),)
    assert str(parse) == "no money found: 'asdf'"
