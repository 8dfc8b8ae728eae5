"""A missing extra is an ImportError that names it: each optional module, with its extra's
package hidden from a fresh process, says which ``pip install 'geostmt[...]'`` brings it."""

from __future__ import annotations

import pytest

from tests.conftest import python_output

# The hiding finder: every import of ``blocked`` (or a submodule) fails as if not installed.
_PROBE = """
import importlib.abc, sys
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == {blocked!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, Hide())
try:
    import {module}
except ImportError as error:
    print(type(error).__name__, error)
else:
    print("imported")
"""


@pytest.mark.parametrize(
    ("module", "blocked", "extra"),
    [
        ("geostmt.strategies", "hypothesis", "hypothesis"),
        ("geostmt.table", "pyarrow", "arrow"),
        ("geostmt.engines.dask", "dask", "dask"),
        ("geostmt.engines.spark", "pyspark", "spark"),
        ("geostmt.pydantic", "pydantic", "pydantic"),
    ],
)
def test_a_missing_extra_names_itself(module: str, blocked: str, extra: str) -> None:
    printed = python_output(_PROBE.format(module=module, blocked=blocked))
    assert printed.startswith(f"ImportError {module} needs ")
    assert printed.endswith(f"pip install 'geostmt[{extra}]'")


def test_import_geostmt_needs_no_extra() -> None:
    """The front door imports with every optional package hidden."""
    for blocked in ("hypothesis", "pyarrow", "dask", "pyspark", "pydantic", "orjson"):
        assert python_output(_PROBE.format(module="geostmt", blocked=blocked)) == "imported"
