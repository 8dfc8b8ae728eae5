"""The JSON Schema makes working pydantic models with datamodel-code-generator, as
docs/schema.md shows, offline."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

pytest.importorskip(
    "datamodel_code_generator",
    reason="datamodel-code-generator is not installed (it is in the test extra)",
)
pydantic = pytest.importorskip("pydantic", reason="the generated models need pydantic")

SECTION = re.search(
    r"^## Code for other languages\n(.*?)(?=^## |\Z)",
    (ROOT / "docs" / "schema.md").read_text(encoding="utf-8"),
    re.S | re.M,
)
EXAMPLE = ROOT / "examples" / "data" / "seed-article.jsonl"
RECORD_MODELS = {
    "actor": "Actor",
    "source": "Source",
    "statement": "Statement",
    "deployment": "Deployment",
    "aid_package": "AidPackage",
    "event": "Event",
}


def _block(language: str) -> str:
    assert SECTION, "docs/schema.md has no section 'Code for other languages'"
    found = re.search(rf"^```{language}\n(.*?)^```$", SECTION.group(1), re.S | re.M)
    assert found, f"the section has no {language} block"
    return found.group(1)


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The models the page's two commands generate, imported."""
    folder = tmp_path_factory.mktemp("codegen")
    schema_command, codegen_command = re.findall(r"^\$ (.*)$", _block("console"), re.M)
    assert schema_command == "geostmt schema > geostmt.schema.json"
    schema = subprocess.run(
        [sys.executable, "-m", "geostmt", "schema"], capture_output=True, text=True, check=True
    )
    (folder / "geostmt.schema.json").write_text(schema.stdout, encoding="utf-8")
    words = shlex.split(codegen_command)
    assert words[0] == "datamodel-codegen"
    done = subprocess.run(
        [sys.executable, "-m", "datamodel_code_generator", *words[1:]],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    spec = importlib.util.spec_from_file_location("geostmt_models", folder / "geostmt_models.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["geostmt_models"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["geostmt_models"]


def test_generated_models_read_every_example_record(models: ModuleType) -> None:
    """Each record of the example dataset reads as the model of its type, and writes back as
    the same JSON."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for line in lines:
        model = getattr(models, RECORD_MODELS[json.loads(line)["type"]])
        record = model.model_validate_json(line)
        written = record.model_dump(mode="json", by_alias=True, exclude_unset=True)
        assert written == json.loads(line)
    assert len(lines) > 20


def test_generated_models_refuse_a_bad_record(models: ModuleType) -> None:
    """An actor of an unknown kind is refused, with one error, about that field."""
    with pytest.raises(pydantic.ValidationError) as error:
        models.Actor.model_validate({"type": "actor", "id": "x", "name": "X", "kind": "planet"})
    assert [problem["loc"] for problem in error.value.errors()] == [("kind",)]


def test_every_record_type_has_its_model(models: ModuleType) -> None:
    """The page's MODELS names the generated class of every record type, as the tests do."""
    import geostmt.model

    assert set(RECORD_MODELS) == {cls.TYPE for cls in geostmt.model.RECORD_CLASSES}
    for name in RECORD_MODELS.values():
        assert isinstance(getattr(models, name), type), name
    assert dict(re.findall(r'^    "(\w+)": (\w+),$', _block("python"), re.M)) == RECORD_MODELS


def test_page_example_runs(models: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's Python example prints what its comment says."""
    monkeypatch.chdir(ROOT)
    code = _block("python")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "docs/schema.md", "exec"), {"__name__": "docs_schema"})
    expected = re.search(r"# (\w+)$", code, re.M)
    assert expected
    assert printed.getvalue().strip() == expected.group(1)


def test_generated_module_is_offline_python(models: ModuleType) -> None:
    """The generated file imports only pydantic and the standard library."""
    source = Path(models.__file__ or "").read_text(encoding="utf-8")
    imported = set(re.findall(r"^(?:from|import) (\w+)", source, re.M))
    assert imported <= {"__future__", "enum", "typing", "pydantic", "datetime", "decimal"}
