"""The front door: __all__ is exactly the public names, each documented, and import is cheap."""

from __future__ import annotations

import pytest

import geostmt
from tests.conftest import python_output

CONTRACT = {
    "Actor", "Source", "Statement", "Deployment", "AidPackage", "Quantity", "Money", "Place",
    "to_dict", "from_dict", "dumps", "loads", "read_jsonl", "write_jsonl", "Dataset",
    "ValidationError", "ParseError",
}  # fmt: skip


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted, holds the design's contract names, and every name resolves."""
    assert geostmt.__all__ == sorted(geostmt.__all__)
    assert set(geostmt.__all__) >= CONTRACT
    for name in geostmt.__all__:
        assert getattr(geostmt, name) is not None


def test_every_public_name_is_documented() -> None:
    """Every exported class and function has a docstring."""
    for name in geostmt.__all__:
        value = getattr(geostmt, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), name


def test_unknown_attribute() -> None:
    """A missing name is an AttributeError, as on any module."""
    with pytest.raises(AttributeError, match="nothing_here"):
        geostmt.nothing_here  # type: ignore[attr-defined]  # noqa: B018


def test_import_loads_nothing_heavy() -> None:
    """import geostmt loads no cattrs, pint, babel, pycountry or model code, and none of the
    optional extras' libraries."""
    code = (
        "import sys, geostmt; "
        "print(sorted(m for m in ('cattrs', 'pint', 'babel', 'pycountry', 'geostmt.model', "
        "'pyarrow', 'pandas', 'dask', 'distributed', 'pyspark', 'pydantic', 'hypothesis') "
        "if m in sys.modules))"
    )
    assert python_output(code) == "[]"


def test_first_use_loads_no_pint_for_records_without_units() -> None:
    """Reading a record without units does not build the pint registry."""
    code = (
        "import sys, geostmt; "
        'geostmt.loads(\'{"type":"actor","id":"kbs","name":"KBS","kind":"media"}\'); '
        "print('pint' in sys.modules)"
    )
    assert python_output(code) == "False"
