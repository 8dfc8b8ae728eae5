"""Tests for the CAMEO event code book table, and how it compares with GDELT's exports."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt.reference.cameo import (
    QUAD_CLASS_NAMES,
    CameoCode,
    cameo_code,
    cameo_codes,
    is_cameo_code,
    quad_class,
)
from tests.conftest import ROOT, load_script, python_output

DATA = ROOT / "src" / "geostmt" / "reference" / "data" / "cameo.json"
ROOTS = [f"{n:02d}" for n in range(1, 21)]
# Where GDELT's GoldsteinScale differs from the code book, in the 1,200-row sample:
# code -> (code book score, GDELT score).
GDELT_GOLDSTEIN_DIFFERENCES = {"022": (3.4, 3.2), "164": (-6.5, -7.0)}


def _gdelt_rows(shared: Path) -> list[dict[str, str]]:
    folder = shared / "corpora" / "gdelt"
    columns = (folder / "columns.txt").read_text(encoding="utf-8").split()
    lines = (folder / "20161013151500.export.sample.tsv").read_text(encoding="utf-8").splitlines()
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]


def test_make_statement() -> None:
    """Code "010" keeps its leading zero and carries the code book's label, score and root."""
    entry = cameo_code("010")
    assert entry == CameoCode("010", "Make statement", 0.0, "01", 1)
    assert entry.code == "010"
    assert cameo_code("010") is not cameo_code("10")


def test_fight_is_material_conflict() -> None:
    """Code "190" is root 19, quad class 4, Goldstein -10."""
    entry = cameo_code("190")
    assert entry.label == "Use conventional military force"
    assert entry.root == "19"
    assert entry.quad_class == 4
    assert entry.goldstein == -10.0


def test_four_digit_codes() -> None:
    """Four-digit codes have their own scores: "0874" is 10, "1823" is -10, "0211" is 3.4."""
    assert cameo_code("0874") == CameoCode("0874", "Retreat or surrender militarily", 10.0, "08", 2)
    assert cameo_code("1823").label == "Kill by physical assault"
    assert cameo_code("1823").goldstein == -10.0
    assert cameo_code("0211").goldstein == 3.4


def test_root_codes_are_in_the_table() -> None:
    """All twenty roots are codes themselves, labelled in capitals as the code book writes them."""
    assert cameo_code("01").label == "MAKE PUBLIC STATEMENT"
    assert cameo_code("10") == CameoCode("10", "DEMAND", -5.0, "10", 3)
    assert cameo_code("20").label == "USE UNCONVENTIONAL MASS VIOLENCE"
    assert [code for code in cameo_codes() if len(code) == 2] == ROOTS


def test_table_size() -> None:
    """The code book has 312 codes: 20 roots, 147 of three digits and 145 of four."""
    lengths = [len(code) for code in cameo_codes()]
    assert len(lengths) == 312
    assert (lengths.count(2), lengths.count(3), lengths.count(4)) == (20, 147, 145)


def test_every_code_agrees_with_its_root() -> None:
    """Each code starts with its root, which is in the table too and gives the quad class."""
    for code, entry in cameo_codes().items():
        assert entry.code == code
        assert code.startswith(entry.root)
        assert entry.root in cameo_codes()
        assert entry.quad_class == quad_class(entry.root) == cameo_code(entry.root).quad_class
        assert -10.0 <= entry.goldstein <= 10.0


def test_unknown_codes() -> None:
    """A code the book does not list is a KeyError, and is_cameo_code says False."""
    for code in ("999", "21", "1", "0100", " 010", "010 ", "", "19O"):
        assert not is_cameo_code(code)
        with pytest.raises(KeyError):
            cameo_code(code)


def test_is_cameo_code_takes_any_value() -> None:
    """Only strings can be codes: 10, 10.0, None and b"010" are not, and do not raise."""
    assert is_cameo_code("010")
    assert is_cameo_code("10")
    for value in (10, 10.0, None, b"010", ["010"]):
        assert not is_cameo_code(value)


def test_quad_class_of_roots() -> None:
    """Roots 01-05 are 1, 06-09 are 2, 10-14 are 3 and 15-20 are 4; anything else a KeyError."""
    assert [quad_class(root) for root in ROOTS] == [1] * 5 + [2] * 4 + [3] * 5 + [4] * 6
    for code in ("00", "21", "1", "190", "", "O1"):
        with pytest.raises(KeyError):
            quad_class(code)


def test_quad_class_names() -> None:
    """The four quad classes are named as GDELT and PLOVER name them."""
    assert QUAD_CLASS_NAMES == {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }


def test_table_is_shared_and_read_only() -> None:
    """cameo_codes() returns the one loaded table, and it cannot be changed."""
    table = cameo_codes()
    assert cameo_codes() is table
    with pytest.raises(TypeError):
        table["999"] = table["010"]  # type: ignore[index]


def test_import_loads_no_table() -> None:
    """Importing the module reads nothing; the JSON is read on first use."""
    code = (
        "import geostmt.reference.cameo as c; print(c._CODES._value is None); "
        "c.cameo_code('010'); print(c._CODES._value is None)"
    )
    assert python_output(code).split() == ["True", "False"]


def test_data_file_holds_facts_only() -> None:
    """cameo.json names its source and holds code, label, goldstein and root only, sorted."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert data["source"] == {
        "codebook": "CAMEO 1.1b3 via andybega/icews",
        "repository": "andybega/icews",
        "path": "data-raw/cameo-codes.csv",
        "commit": "3746c72",
        "licence": "MIT (Copyright (c) 2022 Andreas Beger)",
    }
    assert {tuple(row) for row in data["codes"]} == {("code", "label", "goldstein", "root")}
    codes = [row["code"] for row in data["codes"]]
    assert codes == sorted(codes)


@given(st.text(max_size=6))
def test_any_text_is_a_code_or_a_key_error(text: str) -> None:
    """For any text, is_cameo_code and cameo_code agree, and nothing but KeyError is raised."""
    if is_cameo_code(text):
        assert cameo_code(text).code == text
    else:
        with pytest.raises(KeyError):
            cameo_code(text)


@given(st.text(alphabet="0123456789", min_size=2, max_size=4))
def test_digit_strings(text: str) -> None:
    """A listed digit string's root is its first two digits, and that root is listed too."""
    if is_cameo_code(text):
        assert cameo_code(text).root == text[:2]
        assert is_cameo_code(text[:2])


def _build_script() -> ModuleType:
    return load_script("build_cameo_data")


def test_committed_table_is_what_the_script_builds(shared: Path) -> None:
    """scripts/build_cameo_data.py makes the committed codes from the shared code book CSV."""
    script = _build_script()
    built = script.read(shared / "corpora" / "cameo" / "cameo-codes.csv")
    assert built == json.loads(DATA.read_text(encoding="utf-8"))["codes"]


def test_docs_list_the_differences() -> None:
    """docs/codebooks-cameo.md gives exactly the differing codes, with both scores and labels."""
    page = (ROOT / "docs" / "codebooks-cameo.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\d+)` \| ([^|]+) \| (-?[\d.]+) \| (-?[\d.]+) \|$", page, re.M)
    assert {code: (float(book), float(gdelt)) for code, _, book, gdelt in rows} == (
        GDELT_GOLDSTEIN_DIFFERENCES
    )
    assert all(label.strip() == cameo_code(code).label for code, label, _, _ in rows)


def test_every_gdelt_event_code_is_in_the_code_book(shared: Path) -> None:
    """Every EventCode, EventBaseCode and EventRootCode of the GDELT sample is a known code."""
    rows = _gdelt_rows(shared)
    assert len(rows) == 1200
    for column in ("EventCode", "EventBaseCode", "EventRootCode"):
        unknown = {row[column] for row in rows if not is_cameo_code(row[column])}
        assert unknown == set(), column
    assert len({row["EventCode"] for row in rows}) == 92


def test_gdelt_quad_class_is_the_roots(shared: Path) -> None:
    """GDELT's QuadClass column equals the quad class of each row's root code."""
    for row in _gdelt_rows(shared):
        assert int(row["QuadClass"]) == cameo_code(row["EventCode"]).quad_class
        assert row["EventRootCode"] == cameo_code(row["EventCode"]).root


def test_gdelt_goldstein_differs_on_022_and_164(shared: Path) -> None:
    """GDELT scores "022" 3.2 (code book 3.4) and "164" -7.0 (code book -6.5); all else agrees."""
    seen: dict[str, set[float]] = defaultdict(set)
    for row in _gdelt_rows(shared):
        seen[row["EventCode"]].add(float(row["GoldsteinScale"]))
    assert all(len(scores) == 1 for scores in seen.values())  # one score per code in GDELT
    differing = {
        code: (cameo_code(code).goldstein, score)
        for code, (score,) in seen.items()
        if score != cameo_code(code).goldstein
    }
    assert differing == GDELT_GOLDSTEIN_DIFFERENCES
