"""Tests for the geostmt command line: output format and exit codes."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import geostmt as g
from geostmt.cli import main, validate

KBS = g.Actor(id="kbs", name="KBS", kind="media")


def test_validate_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid file prints nothing on stdout and exits 0."""
    path = tmp_path / "ok.jsonl"
    g.write_jsonl(path, [KBS])
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "1 valid record(s) in 1 file(s): valid\n"


def test_validate_reports_file_line_path_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each problem is printed as file:line: path: message, and the exit status is 1."""
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"type":"actor","id":"kbs","name":"KBS","kind":"media"}\n'
        '{"type":"statement","id":"s","speaker":"nobody","text":"hi","act":"mumble"}\n'
        '{"type":"statement","id":"t","speaker":"nobody","text":"hi"}\n',
        encoding="utf-8",
    )
    assert main(["validate", "-q", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{path}:2: act: 'mumble' is not one of: " + ", ".join(a.value for a in g.SpeechAct),
        f"{path}:3: speaker: no actor has id 'nobody' (in statement 't')",
    ]
    assert err == ""


def test_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read is a problem, not a traceback."""
    missing = tmp_path / "missing.jsonl"
    assert main(["validate", str(missing)]) == 1
    assert capsys.readouterr().out == f"{missing}: cannot read: No such file or directory\n"


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    """Progress goes to stderr only when it is a terminal."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = tmp_path / "many.jsonl"
    g.write_jsonl(path, (g.Actor(id=f"a{i}", name="A", kind="person") for i in range(20_000)))
    out, terminal, pipe = io.StringIO(), Terminal(), io.StringIO()
    assert validate([str(path)], out=out, err=terminal) == 0
    assert f"\r{path}: 20,000 records read\n" in terminal.getvalue()
    assert validate([str(path)], out=out, err=pipe) == 0
    assert "records read" not in pipe.getvalue()


def test_console_script_runs() -> None:
    """python -m geostmt runs the same main, with argparse's usage on bad arguments."""
    done = subprocess.run(
        [sys.executable, "-m", "geostmt", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"geostmt {g.__version__}"
    bad = subprocess.run([sys.executable, "-m", "geostmt"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "usage: geostmt" in bad.stderr


def _bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"type":"actor","id":"kbs","name":"KBS, Seoul\\n","kind":"tv"}\n')
    return path


def test_validate_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format github prints one Actions error annotation per problem."""
    path = _bad_file(tmp_path)
    assert main(["validate", "--format", "github", str(path)]) == 1
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert capsys.readouterr().out == (
        f"::error file={escaped},line=1::kind: 'tv' is not one of: "
        + ", ".join(k.value for k in g.ActorKind)
        + "\n"
    )


def test_validate_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints one machine-readable report."""
    import json

    path = _bad_file(tmp_path)
    assert main(["validate", "--format", "json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["records"] == 0
    assert report["problems"][0]["path"] == "kind"
    assert report["problems"][0]["line"] == 1
    assert report["problems"][0]["file"] == str(path)


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    """geostmt schema [TYPE] prints the JSON Schema; an unknown type exits 2."""
    import json

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == g.json_schema()
    assert main(["schema", "aid_package"]) == 0
    assert json.loads(capsys.readouterr().out) == g.json_schema(g.AidPackage)
    assert main(["schema", "Money"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "money"
    assert main(["schema", "Nonsense"]) == 2
    assert "unknown type 'Nonsense'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "printed"),
    [
        (["money", "a $425 million package"], {"amount": "425000000", "currency": "USD"}),
        (["money", "1,2 Mrd. Euro", "--locale", "de"], {"amount": "1200000000", "currency": "EUR"}),
        (["quantity", "around 10,000 soldiers"],
         {"value": "10000", "qualifier": "approximately", "of": "soldiers"}),
        (["place", "Odessa", "--country", "US"],
         {"name": "Odessa", "kind": "city", "country": "US", "subdivision": "US-TX",
          "lat": 31.8457, "lon": -102.3676}),
    ],
)  # fmt: skip
def test_parse_command(
    argv: list[str], printed: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    """geostmt parse prints the value as the wire format's JSON."""
    import json

    assert main(["parse", *argv]) == 0
    assert json.loads(capsys.readouterr().out) == printed


def test_parse_command_without_a_value(capsys: pytest.CaptureFixture[str]) -> None:
    """Text with no such value exits 1 with the ParseError on stderr."""
    assert main(["parse", "place", "NATO"]) == 1
    assert capsys.readouterr().err == "geostmt parse: no place found: 'NATO'\n"
