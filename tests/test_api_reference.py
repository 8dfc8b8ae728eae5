"""The API reference (docs/api*.md) documents every public name, and docstring examples run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import geostmt
from tests.conftest import ROOT

DOCS = ROOT / "docs"
# The modules whose __all__ is public API: the front door and the public subpackages.
PUBLIC = (
    "geostmt",
    "geostmt.model",
    "geostmt.normalise",
    "geostmt.wire",
    "geostmt.locales",
    "geostmt.table",
    "geostmt.engines.dask",
    "geostmt.engines.spark",
    "geostmt.rates",
    "geostmt.pydantic",
    "geostmt.interop",
    "geostmt.interop.gdelt",
    "geostmt.interop.acled",
    "geostmt.interop.plover",
    "geostmt.interop.ids",
    "geostmt.strategies",
)
_DIRECTIVE = re.compile(
    r"^\.\. (automodule|autoclass|autoexception|autofunction|autodata):: (\S+)$", re.M
)
_FRONT_DOOR_LINK = re.compile(r"\{py:obj\}`~geostmt\.(\w+)`")


def _pages() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("api*.md"))}


def _documented() -> tuple[set[str], dict[str, set[str]]]:
    """The names the directives document ("module.name"), and per module the front-door names
    its section links to instead of documenting them twice."""
    names: set[str] = set()
    links: dict[str, set[str]] = {}
    for text in _pages().values():
        for section in re.split(r"^## ", text, flags=re.M):
            module = "geostmt"
            for directive, target in _DIRECTIVE.findall(section):
                if directive == "automodule":
                    module = target
                    names.add(target)
                else:
                    names.add(f"{module}.{target}")
            links.setdefault(module, set()).update(_FRONT_DOOR_LINK.findall(section))
    return names, links


def _expected(module_name: str) -> set[str]:
    """A module's public names as the reference should hold them: "module.name", or
    "geostmt.name" for an object the front door exports too."""
    module = importlib.import_module(module_name)
    expected = set()
    for name in module.__all__:
        shared = name in geostmt.__all__ and getattr(geostmt, name) is getattr(module, name)
        expected.add(f"geostmt.{name}" if shared else f"{module_name}.{name}")
    return expected


@pytest.mark.parametrize("module_name", PUBLIC)
def test_reference_documents_every_public_name(module_name: str) -> None:
    """Every name of the module's __all__ has its directive in docs/api*.md (once, with the
    front door for a name both export), and the module's section links to the shared ones."""
    names, links = _documented()
    assert module_name in names, f"docs/api*.md has no automodule for {module_name}"
    missing = _expected(module_name) - names
    assert not missing, f"not in the API reference: {sorted(missing)}"
    if module_name != "geostmt":
        module = importlib.import_module(module_name)
        shared = {n for n in module.__all__ if f"geostmt.{n}" in _expected(module_name)}
        assert links.get(module_name, set()) == shared


def test_reference_documents_nothing_else() -> None:
    """No directive names something outside the public modules' __all__ (a stale entry)."""
    names, _ = _documented()
    expected = set(PUBLIC).union(*(_expected(m) for m in PUBLIC))
    assert names - expected == set()


def test_front_door_is_documented_once() -> None:
    """Each name of geostmt.__all__ has exactly one directive, on docs/api.md."""
    directives = _DIRECTIVE.findall(_pages()["api.md"])
    documented = [target for kind, target in directives if kind != "automodule"]
    assert sorted(documented) == sorted(geostmt.__all__)


def test_built_reference_has_every_public_name(tmp_path: Path) -> None:
    """A Sphinx build of docs/ puts every public name in its inventory (objects.inv)."""
    pytest.importorskip("sphinx", reason="the docs extra (sphinx) is not installed")
    pytest.importorskip("myst_parser", reason="the docs extra (myst-parser) is not installed")
    pytest.importorskip("furo", reason="the docs extra (furo) is not installed")
    from sphinx.util.inventory import InventoryFile

    out = tmp_path / "html"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(tmp_path / "doctrees")]
    done = subprocess.run([*command, str(DOCS), str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with (out / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", posixpath.join)
    data = getattr(inventory, "data", inventory)  # a dict before Sphinx 8.2, an object after
    built = {name for kind, entries in data.items() if kind.startswith("py:") for name in entries}
    expected = set(PUBLIC).union(*(_expected(m) for m in PUBLIC))
    assert expected - built == set()


# Modules whose docstring examples fail today, each with what is wrong, until fixed in source.
DOCTEST_EXCLUDED: dict[str, str] = {}
# Modules that run something on import.
NOT_IMPORTED = {"geostmt.__main__"}


def _modules() -> list[str]:
    found = ["geostmt"]
    for info in pkgutil.walk_packages(geostmt.__path__, "geostmt."):
        if info.name not in NOT_IMPORTED:
            found.append(info.name)
    return sorted(found)


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as error:  # an optional extra that is not installed
        pytest.skip(f"{name} needs an optional extra: {error}")


@pytest.mark.parametrize("module_name", _modules())
def test_docstring_examples_run(module_name: str) -> None:
    """Every ``>>>`` example in the module's docstrings gives the output it shows."""
    if module_name in DOCTEST_EXCLUDED:
        pytest.xfail(DOCTEST_EXCLUDED[module_name])
    module = _module(module_name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, module_name):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
