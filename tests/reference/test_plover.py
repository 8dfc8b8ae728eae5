"""Tests for the PLOVER code book: categories, modes, contexts, old names, the CAMEO table."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt.reference.plover import (
    OLD_PLOVER_NAMES,
    PLOVER_AUXILIARY_MODES,
    PLOVER_CONTEXTS,
    PLOVER_QUADS,
    PloverCategory,
    PloverMapping,
    cameo_to_plover,
    current_plover_name,
    is_plover_category,
    is_plover_context,
    is_plover_mode,
    plover_categories,
    plover_category,
)
from tests.conftest import ROOT, load_script, python_output

CATEGORIES = (
    "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "request",
    "accuse", "reject", "threaten", "protest", "sanction", "mobilize", "coerce", "assault",
)  # fmt: skip
DATA = ROOT / "src" / "geostmt" / "reference" / "data" / "cameo_plover.json"


def test_sixteen_categories_in_the_manuals_order() -> None:
    """There are exactly the 16 current categories, keyed by their lower-case names."""
    table = plover_categories()
    assert tuple(table) == CATEGORIES
    assert all(name == row.name for name, row in table.items())


def test_category_lookup_in_either_case() -> None:
    """ASSAULT and assault are the same row; unknown and old names are KeyErrors."""
    assault = plover_category("ASSAULT")
    assert assault is plover_category("assault")
    assert assault.quad == "material conflict"
    assert assault.needs_recipient is False
    assert assault.modes[:3] == ("abduct", "beat", "torture")
    for name in ("FIGHT", "crime", "", "assault "):
        with pytest.raises(KeyError):
            plover_category(name)
    assert is_plover_category("Consult")
    assert not is_plover_category("DEMAND")


def test_quads_as_each_category_section_gives_them() -> None:
    """Each category's quad is its own section's (SANCTION is material conflict there)."""
    quads = {name: row.quad for name, row in plover_categories().items()}
    assert {name for name, quad in quads.items() if quad == "verbal cooperation"} == {
        "agree", "consult", "support", "concede"}  # fmt: skip
    assert {name for name, quad in quads.items() if quad == "material cooperation"} == {
        "cooperate", "aid", "retreat"}  # fmt: skip
    assert {name for name, quad in quads.items() if quad == "verbal conflict"} == {
        "request", "accuse", "reject", "threaten"}  # fmt: skip
    assert quads["sanction"] == "material conflict"
    assert dict(PLOVER_QUADS) == {
        "verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3,
        "material conflict": 4,
    }  # fmt: skip


def test_only_cooperate_aid_and_sanction_need_a_recipient() -> None:
    """The three categories whose sections say "Requires recipient: Yes"."""
    needing = {row.name for row in plover_categories().values() if row.needs_recipient}
    assert needing == {"cooperate", "aid", "sanction"}


def test_modes_per_category() -> None:
    """Each category has the modes its table lists (67 in all), none twice."""
    counts = {name: len(row.modes) for name, row in plover_categories().items()}
    assert counts == {
        "agree": 0, "consult": 4, "support": 0, "concede": 0, "cooperate": 0, "aid": 0,
        "retreat": 6, "request": 4, "accuse": 3, "reject": 4, "threaten": 6, "protest": 7,
        "sanction": 4, "mobilize": 4, "coerce": 10, "assault": 15,
    }  # fmt: skip
    assert plover_category("request").modes == ("assist", "change", "yield", "meet")
    assert plover_category("reject").modes == plover_category("request").modes
    assert plover_category("protest").modes == (
        "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize")  # fmt: skip
    for row in plover_categories().values():
        assert len(set(row.modes)) == len(row.modes)
        assert all(mode == mode.lower() and " " not in mode for mode in row.modes)


@pytest.mark.parametrize(
    ("category", "mode", "allowed"),
    [
        ("assault", "aerial", True),
        ("ASSAULT", "heavy-weapons", True),
        ("assault", "demo", False),
        ("assault", "Aerial", False),
        ("assault", "massacre", False),  # commented out of the manual's table
        ("consult", "visit", True),
        ("consult", "host", False),  # a 0.5 mode, gone
        ("agree", "visit", False),
        ("retreat", "return", False),
        ("coerce", "martial-law", True),
        ("threaten", "arrest", True),
        ("fight", "firearms", False),
        ("", "", False),
    ],
)
def test_is_plover_mode(category: str, mode: str, allowed: bool) -> None:
    """A mode counts only for a category whose table lists it."""
    assert is_plover_mode(category, mode) is allowed


def test_contexts() -> None:
    """The 37 general contexts, as the manual spells them; the auxiliary modes are apart."""
    assert len(PLOVER_CONTEXTS) == 37
    for name in ("military", "migration", "human_rights", "pro_democracy", "cbrn", "lgbt"):
        assert is_plover_context(name)
    for name in ("refugees", "humanitarian", "democracy", "Military", "historical"):
        assert not is_plover_context(name)
    assert frozenset({"historical", "future", "hypothetical", "negation"}) == (
        PLOVER_AUXILIARY_MODES
    )
    assert not PLOVER_AUXILIARY_MODES & PLOVER_CONTEXTS


def test_old_names() -> None:
    """The 0.5 names map to a current category, with a mode only where the name fixes it."""
    assert dict(OLD_PLOVER_NAMES) == {
        "DEMAND": ("request", None),
        "DISAPPROVE": ("accuse", None),
        "FIGHT": ("assault", None),
        "INVESTIGATE": ("accuse", "investigate"),
    }
    assert current_plover_name("DEMAND") == ("request", None)
    assert current_plover_name("investigate") == ("accuse", "investigate")
    assert current_plover_name("Fight") == ("assault", None)
    assert current_plover_name("ASSAULT") == ("assault", None)
    assert current_plover_name("protest") == ("protest", None)
    for name in ("DOCUMENT", "CRIME", "", "ﬁght"):
        assert current_plover_name(name) is None


def test_every_old_name_maps_to_a_current_category() -> None:
    """Each old name is not a current one, and maps to a current category and a valid mode."""
    for old, (category, mode) in OLD_PLOVER_NAMES.items():
        assert not is_plover_category(old)
        assert category in plover_categories()
        assert mode is None or is_plover_mode(category, mode)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("190", PloverMapping("assault", None, ("military",))),
        ("0312", PloverMapping("agree", None, ("military",))),
        ("042", PloverMapping("consult", "visit", ())),
        ("091", PloverMapping("accuse", "investigate", ("crime", "corruption"))),
        ("196", PloverMapping("assault", None, ("legal", "military"))),
        ("1832", PloverMapping("assault", "explosives", ())),
        ("163", PloverMapping("coerce", "restrict", ("diplomatic",))),
        ("1724", PloverMapping("coerce", "martial-law", ("pro_autocracy",))),
        ("0842", PloverMapping("retreat", None, ("legal",))),  # "return" left out
        ("073", PloverMapping("aid", None, ())),  # "humanitarian" left out
        ("1712", PloverMapping("assault", None, ("human_security",))),  # "seize" left out
        ("0861", PloverMapping("retreat", "access", ("peacekeeping",))),
        ("2042", PloverMapping("assault", "unconventional", ("cbrn",))),
    ],
)
def test_cameo_to_plover(code: str, expected: PloverMapping) -> None:
    """CAMEO codes get the draft table's category, mode and contexts, lower-cased."""
    assert cameo_to_plover(code) == expected


@pytest.mark.parametrize("code", ["010", "020", "03", "08", "19", "312", " 190", "190 ", "", "x"])
def test_codes_outside_the_table(code: str) -> None:
    """CAMEO 01 and 02, two-digit roots and malformed codes have no mapping."""
    assert cameo_to_plover(code) is None


def test_committed_table_is_valid() -> None:
    """All 256 codes map to a current category with valid modes and contexts."""
    codes = json.loads(DATA.read_text(encoding="utf-8"))["codes"]
    assert len(codes) == 256
    for code in codes:
        found = cameo_to_plover(code)
        assert found is not None, code
        assert found.category in plover_categories()
        assert found.mode is None or is_plover_mode(found.category, found.mode), code
        assert all(is_plover_context(context) for context in found.contexts), code


def test_committed_table_records_its_source() -> None:
    """The data file names its source, commit, licence and draft, and lists what it left out."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    source = data["_source"]
    assert (source["repository"], source["commit"]) == ("openeventdata/PLOVER", "5e0c24f")
    assert source["file"] == "CAMEO2PLOVER-2021.txt"
    assert source["licence"].startswith("CC BY-SA 4.0")
    assert (source["version"], source["date"]) == ("Draft 0.8", "2021-09-17")
    assert len(data["_dropped"]) == 23
    assert {d["field"] for d in data["_dropped"]} == {"mode", "context"}


def test_the_table_loads_on_first_use_only() -> None:
    """Importing the module reads no data; the first lookup reads it once."""
    code = (
        "import geostmt.reference.plover as p; "
        "before = p._CAMEO._value is None; p.cameo_to_plover('190'); "
        "print(before, p._CAMEO._value is not None)"
    )
    assert python_output(code) == "True True"
    assert cameo_to_plover("190") is cameo_to_plover("190")


def test_tables_are_read_only() -> None:
    """The shared tables cannot be changed by a caller."""
    with pytest.raises(TypeError):
        plover_categories()["crime"] = PloverCategory("crime", "x", (), False)  # type: ignore[index]
    with pytest.raises(TypeError):
        OLD_PLOVER_NAMES["X"] = ("agree", None)  # type: ignore[index]


@given(st.text(max_size=40), st.text(max_size=40))
def test_lookups_never_raise(name: str, mode: str) -> None:
    """Any text to the lookups gives an answer; plover_category raises only KeyError."""
    assert isinstance(is_plover_category(name), bool)
    assert isinstance(is_plover_mode(name, mode), bool)
    assert isinstance(is_plover_context(name), bool)
    found = current_plover_name(name)
    assert found is None or found[0] in plover_categories()
    mapping = cameo_to_plover(name)
    assert mapping is None or mapping.category in plover_categories()
    try:
        assert plover_category(name).name == name.lower()
    except KeyError:
        assert not is_plover_category(name)


NON_STRINGS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.text(max_size=5)),
    st.dictionaries(st.text(max_size=5), st.integers()), st.binary(max_size=10),
)  # fmt: skip


@given(NON_STRINGS)
def test_non_strings_are_never_names(value: object) -> None:
    """JSON values of the wrong type are no category, mode, context or code, never an error."""
    assert not is_plover_category(value)
    assert not is_plover_mode(value, value)
    assert not is_plover_mode("assault", value)
    assert not is_plover_context(value)
    assert current_plover_name(value) is None
    assert cameo_to_plover(value) is None


@given(st.sampled_from(CATEGORIES), st.booleans())
def test_any_current_name_is_its_own_current_name(name: str, upper: bool) -> None:
    """A current name, in either case, is returned as itself with no mode."""
    assert current_plover_name(name.upper() if upper else name) == (name, None)


# Over the PLOVER files in ../shared/corpora (skipped when the shared folder is absent).


def test_every_event_name_in_the_gold_standard_records_is_known(shared: Path) -> None:
    """Every `event` in PLOVER_GSR_CAMEO.txt is current, old and mapped, or DOCUMENT."""
    records = json.loads((shared / "corpora/plover/PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    assert len(records) == 323
    names = {record["event"] for record in records}
    unknown = {n for n in names if n != "DOCUMENT" and current_plover_name(n) is None}
    assert unknown == set()
    assert names - set(OLD_PLOVER_NAMES) - {c.upper() for c in CATEGORIES} == {"DOCUMENT"}
    assert set(OLD_PLOVER_NAMES) <= names  # every old name mapped here occurs in the file


def test_every_code_of_the_draft_table_maps_to_valid_names(shared: Path) -> None:
    """Each CAMEO code of the draft table maps to its category, with only valid modes/contexts."""
    text = (shared / "corpora/plover/CAMEO2PLOVER-2021.txt").read_text("utf-8")
    rows = re.findall(r"^(\d{3,4}):\s*([A-Z]+)\s*,", text, re.M)
    assert len(rows) == 257  # 256 codes; 175 is given twice, identically
    for code, category in rows:
        found = cameo_to_plover(code)
        assert found is not None, code
        assert found.category == category.lower(), code
        assert found.mode is None or is_plover_mode(found.category, found.mode), code
        assert all(is_plover_context(context) for context in found.contexts), code


def _build_script() -> ModuleType:
    return load_script("build_plover_data")


def test_committed_data_is_what_the_script_builds(shared: Path) -> None:
    """Rebuilding from the shared draft table gives the committed file, byte for byte."""
    script = _build_script()
    built = script.dump(script.parse(shared / "corpora/plover/CAMEO2PLOVER-2021.txt"))
    assert built == DATA.read_text(encoding="utf-8")
