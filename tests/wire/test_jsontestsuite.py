"""Every JSONTestSuite parser case, read as a record, ends in ValidationError."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest

from geostmt import ValidationError, loads, read_jsonl
from tests.conftest import CORPORA

CASES = CORPORA / "jsontestsuite" / "test_parsing"
FILES = sorted(CASES.glob("*.json")) if CASES.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"JSONTestSuite corpus not found at {CASES}")
def test_corpus_is_complete() -> None:
    """The corpus holds the 318 cases its README promises."""
    assert len(FILES) == 318


@pytest.mark.skipif(not FILES, reason=f"JSONTestSuite corpus not found at {CASES}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_parser_case_is_a_validation_error(path: Path) -> None:
    """No parser case is a geostmt record: loads raises ValidationError, and so does read_jsonl
    (a blank file is an empty JSON Lines file, so it reads as no records; read_jsonl skips a
    UTF-8 byte-order mark with a warning)."""
    data = path.read_bytes()
    with pytest.raises(ValidationError):
        loads(data)
    body = data.removeprefix(b"\xef\xbb\xbf")
    bom = pytest.warns(UserWarning, match="byte-order mark") if body != data else nullcontext()
    with bom:
        if not body.strip():
            assert list(read_jsonl(path)) == []
            return
        with pytest.raises(ValidationError):
            list(read_jsonl(path))
