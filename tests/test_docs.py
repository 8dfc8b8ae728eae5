"""The docs match the code: docs/schema.md's tables, and the pages whose code blocks run."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import geostmt as g
from tests.conftest import ROOT

SCHEMA = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
CLASSES = [
    g.Actor, g.Source, g.Statement, g.Deployment, g.AidPackage, g.Quantity, g.Money, g.Place,
    g.Alias, g.Role, g.Evidence, g.Allocation, g.Item, g.Period, g.Event, g.PloverCoding,
    g.AcledCoding,
]  # fmt: skip


def _section(title: str) -> str:
    match = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", SCHEMA, re.S | re.M)
    assert match, f"docs/schema.md has no section for {title}"
    return match.group(1)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_schema_page_lists_every_field(cls: type) -> None:
    """Each class's table lists exactly its fields, in order, with the right required flag."""
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| (yes|no) \|", _section(cls.__name__), re.M)
    expected = [(f.name, "yes" if f.default is attrs.NOTHING else "no") for f in attrs.fields(cls)]
    assert rows == expected


def test_schema_page_lists_every_speech_act() -> None:
    """The speech-act table gives each act's codes as the code does."""
    rows = re.findall(r"^\| `(\w+)` \| (\d+) \| ?(\w*) ?\|", _section("Speech acts"), re.M)
    assert rows == [(a.value, a.cameo, a.plover or "") for a in g.SpeechAct]


def test_schema_page_lists_every_enum_value() -> None:
    """Every enum value of the schema appears on the page."""
    from geostmt.model import ENUMS

    for enum in ENUMS:
        for member in enum:
            assert f"`{member.value}`" in SCHEMA, member


def test_describe_page_lists_every_leniency() -> None:
    """Each place where the JSON Schema is more lenient than the library is on the page."""
    from geostmt.wire import schema_leniencies

    page = (ROOT / "docs" / "describe.md").read_text(encoding="utf-8")
    for _, what in schema_leniencies():
        assert f"| {what} |" in page, what


# Pages whose every code block runs: Python blocks in order in one namespace, each ``text``
# block right after one being what it prints, and ``console`` blocks of ``$ geostmt ...``
# commands with their output; all in an empty working directory.
RUNNABLE_PAGES = ["cookbook.md"]
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)


def _run_console(block: str, cwd: Path) -> list[tuple[str, str, str]]:
    """Each ``$ command`` of a console block with the output shown and the output it gives."""
    results = []
    for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
        command, _, shown = chunk.partition("\n")
        words = shlex.split(command)
        assert words[0] == "geostmt", f"only geostmt commands run in the docs: {command}"
        done = subprocess.run(
            [sys.executable, "-m", "geostmt", *words[1:]], cwd=cwd, capture_output=True, text=True
        )
        results.append((command, shown.strip(), (done.stdout + done.stderr).strip()))
    return results


@pytest.mark.parametrize("page", RUNNABLE_PAGES)
def test_page_code_blocks_run(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every code block of the page runs and prints what the page shows after it."""
    pytest.importorskip("pyarrow", reason="the page's last recipe needs the arrow extra")
    pytest.importorskip("pandas", reason="the page's last recipe needs pandas")
    monkeypatch.chdir(tmp_path)
    blocks = _BLOCK.findall((ROOT / "docs" / page).read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": f"docs.{page}"}
    printed: str | None = None
    ran = 0
    for language, code in blocks:
        if language == "python":
            output = io.StringIO()
            with contextlib.redirect_stdout(output):
                exec(compile(code, f"docs/{page}", "exec"), namespace)
            printed = output.getvalue().strip()
        elif language == "text":
            assert printed is not None, "a text block shows what the Python block before prints"
            assert printed == code.strip()
            printed = None
        elif language == "console":
            for command, shown, given in _run_console(code, tmp_path):
                assert given == shown, command
        else:
            pytest.fail(f"docs/{page} has a {language} block, which the test cannot run")
        ran += 1
    assert ran >= 8, f"docs/{page} has fewer code blocks than expected: {ran}"


def test_versions_page_example_runs() -> None:
    """The Python example of docs/versions.md (a 1.0 record read and written as 1.1) runs."""
    page = (ROOT / "docs" / "versions.md").read_text(encoding="utf-8")
    blocks = [code for language, code in _BLOCK.findall(page) if language == "python"]
    assert blocks
    for code in blocks:
        exec(compile(code, "docs/versions.md", "exec"), {"__name__": "docs.versions"})
