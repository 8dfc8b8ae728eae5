"""The install instructions match pyproject.toml and what .ci/run checks."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _console_commands(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"^```console\n(.*?)^```$", text, re.S | re.M)]


def test_extras_table_lists_every_extra() -> None:
    """docs/install.md has one row for each extra of pyproject.toml, and no other."""
    rows = re.findall(r"^\| `([\w-]+)` \|", INSTALL, re.M)
    assert sorted(rows) == sorted(PROJECT["optional-dependencies"])


def test_runtime_dependencies_are_few() -> None:
    """`pip install .` brings the five runtime libraries and none of the extras' packages."""
    names = {re.split(r"[^\w-]", spec)[0] for spec in PROJECT["dependencies"]}
    assert names == {"attrs", "cattrs", "babel", "pint", "pycountry"}


def test_readme_first_command_installs_the_package_alone() -> None:
    """The README's first command installs from source without extras and validates the
    example; the install page gives the same command; CI runs it in its own environment."""
    first = _console_commands(README)[0]
    assert first == (
        "python3 -m venv .venv && .venv/bin/pip install . && "
        ".venv/bin/geostmt validate examples/data/seed-article.jsonl"
    )
    assert _console_commands(INSTALL)[0] == first
    assert "pip install --quiet .\n" in CI
    assert '"$bare/bin/geostmt" validate examples/data/seed-article.jsonl' in CI


def test_readme_second_command_runs_the_tests() -> None:
    """The README's second command installs the test extra and runs pytest."""
    second = _console_commands(README)[1]
    assert "pip install -e '.[test]'" in second
    assert second.endswith("python -m pytest")


def test_no_promise_of_a_package_index_release() -> None:
    """Until a release exists, the README and the install page say to install from source."""
    for text in (README, INSTALL):
        assert not re.search(r"pip install geostmt\b", text)
        assert "from source" in text


def test_ci_installs_what_its_checks_need() -> None:
    """.ci/run installs the test, docs and lint extras (or dev) for ruff, mypy and Sphinx."""
    assert re.search(r"pip install --quiet -e '\.\[(test,docs,lint|dev)\]'", CI)
    assert PROJECT["optional-dependencies"]["dev"] == ["geostmt[test,docs,lint]"]
