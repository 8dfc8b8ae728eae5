"""Tests for the geostmt command line: output format and exit codes."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from pathlib import Path

import pytest

import geostmt as g
from geostmt.cli import main, validate

KBS = g.Actor(id="kbs", name="KBS", kind="media")
KBS_LINE = b'{"type":"actor","id":"kbs","name":"KBS","kind":"media"}\n'
STATEMENT_LINE = b'{"type":"statement","id":"s","speaker":"kbs","text":"hi"}\n'


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
    """A missing path is a problem naming it, not a traceback; the other inputs are still read."""
    missing = tmp_path / "missing.jsonl"
    present = tmp_path / "ok.jsonl"
    g.write_jsonl(present, [KBS])
    assert main(["validate", str(missing), str(present)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{missing}: no such file or directory\n"
    assert err == "1 valid record(s) in 1 file(s): 1 problem(s)\n"


def test_validate_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory's JSON Lines files (plain and gzip) are validated together."""
    folder = tmp_path / "data"
    folder.mkdir()
    g.write_jsonl(folder / "a.jsonl", [KBS])
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(STATEMENT_LINE))
    (folder / "notes.md").write_text("# not data\n")
    assert main(["validate", str(folder)]) == 0
    assert capsys.readouterr().err == "2 valid record(s) in 2 file(s): valid\n"


@pytest.mark.parametrize("name", ["records.jsonl.gz", "records.jsonl"])
def test_validate_a_gzip_file(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gzip file validates whether its name ends in .gz or not."""
    path = tmp_path / name
    path.write_bytes(gzip.compress(KBS_LINE + STATEMENT_LINE))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().err == "2 valid record(s) in 1 file(s): valid\n"


def test_validate_a_gz_name_on_plain_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file named .gz that is not gzip is one problem naming it."""
    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(KBS_LINE)
    assert main(["validate", "-q", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}: named .gz but not gzip-compressed (it does not start with the gzip bytes 1f 8b)\n"
    )


def test_validate_standard_input(tmp_path: Path) -> None:
    """``geostmt validate -`` reads standard input, plain or gzip; problems name <stdin>."""
    command = [sys.executable, "-m", "geostmt", "validate", "-"]
    done = subprocess.run(command, input=KBS_LINE + STATEMENT_LINE, capture_output=True)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        b"",
        b"2 valid record(s) in 1 file(s): valid\n",
    )
    done = subprocess.run(command, input=gzip.compress(KBS_LINE), capture_output=True)
    assert done.returncode == 0
    done = subprocess.run(command, input=STATEMENT_LINE, capture_output=True)
    assert done.returncode == 1
    assert done.stdout == b"<stdin>:1: speaker: no actor has id 'kbs' (in statement 's')\n"


def test_validate_a_glob(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quoted pattern is expanded by geostmt; one matching nothing is a problem."""
    for name in ("a.jsonl", "b.jsonl"):
        g.write_jsonl(tmp_path / name, [KBS])
    assert main(["validate", f"{tmp_path}/*.jsonl"]) == 0
    assert capsys.readouterr().err == "2 valid record(s), 1 distinct, in 2 file(s): valid\n"
    assert main(["validate", "-q", f"{tmp_path}/*.csv"]) == 1
    assert capsys.readouterr().out == f"{tmp_path}/*.csv: no file matches this pattern\n"


def test_validate_a_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file starting with a BOM validates, with a warning on stderr."""
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + KBS_LINE)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().err == (
        f"geostmt validate: warning: {path} starts with a UTF-8 byte-order mark; read as UTF-8\n"
        "1 valid record(s) in 1 file(s): valid\n"
    )


def test_validate_names_file_and_line_across_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Equal records in two files are one; different ones and dangling references name file:line."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_bytes(KBS_LINE + STATEMENT_LINE)
    second.write_bytes(
        KBS_LINE
        + b'{"type":"actor","id":"s","name":"S","kind":"person"}\n'
        + b'{"type":"statement","id":"t","speaker":"nobody","text":"hi"}\n'
    )
    assert main(["validate", "-q", str(first), str(second)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{second}:2: id: duplicate id 's', first used at {first}:2; differs in: type",
        f"{second}:3: speaker: no actor has id 'nobody' (in statement 't')",
    ]


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
          "lat": 31.8457, "lon": -102.3676, "geonames_id": 5527554}),
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


PLOVER_LINE = (
    b'{"id": "e1", "date": "2024-10-31", "event": "ASSAULT", "mode": "aerial", '
    b'"actor": [{"name": "Russia", "code": "RUS"}], '
    b'"recipient": [{"name": "Ukraine", "code": "UKR"}]}\n'
)


def test_import_reads_directories_gzip_and_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """geostmt import takes a directory (its files in the format, gzip too) and -; a missing
    input exits 2 naming it."""
    folder = tmp_path / "plover"
    folder.mkdir()
    (folder / "a.jsonl.gz").write_bytes(gzip.compress(PLOVER_LINE))
    (folder / "readme.md").write_text("# not data\n")
    out = tmp_path / "out.jsonl"
    assert main(["import", "plover", str(folder), "-o", str(out)]) == 0
    assert capsys.readouterr().err == (
        f"1 row(s) read, 3 record(s) written to {out}, 0 row(s) refused\n"
    )
    assert main(["import", "plover", str(tmp_path / "gone.jsonl"), "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"geostmt import: {tmp_path}/gone.jsonl: no such file or directory\n"
    )
    command = [sys.executable, "-m", "geostmt", "import", "plover", "-", "-o", str(out)]
    done = subprocess.run(command, input=PLOVER_LINE, capture_output=True)
    assert (done.returncode, done.stderr) == (
        0,
        f"1 row(s) read, 3 record(s) written to {out}, 0 row(s) refused\n".encode(),
    )
    assert main(["validate", str(out)]) == 0


def test_import_reports_a_spoiled_input_and_reads_the_rest(tmp_path: Path) -> None:
    """An input named .gz that is not gzip is one problem; the other inputs are still imported."""
    from geostmt.convert import import_files

    plain = tmp_path / "a.jsonl.gz"
    plain.write_bytes(PLOVER_LINE)
    good = tmp_path / "b.jsonl"
    good.write_bytes(PLOVER_LINE)
    summary = import_files("plover", [plain, good], tmp_path / "out.jsonl")
    assert (summary.rows, summary.records, summary.refused) == (1, 3, 0)
    assert [str(p) for p in summary.problems] == [
        f"{plain}: named .gz but not gzip-compressed (it does not start with the gzip bytes 1f 8b)"
    ]


def _many_bad_lines(path: Path, count: int) -> Path:
    path.write_text(
        "".join(f'{{"type":"actor","id":"a{i}","name":"A","kind":"tv"}}\n' for i in range(count)),
        "utf-8",
    )
    return path


def test_validate_prints_at_most_max_problems_a_file_then_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--max-problems N prints each file's first N problems and how many more it has; the
    summary and the exit status count them all; 0 prints every one."""
    first = _many_bad_lines(tmp_path / "a.jsonl", 30)
    second = _many_bad_lines(tmp_path / "b.jsonl", 2)
    assert main(["validate", "--max-problems", "5", str(first), str(second)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [line.split(": ")[0] for line in lines[:5]] == [f"{first}:{n}" for n in range(1, 6)]
    assert lines[5:] == [
        f"{second}:1: kind: 'tv' is not one of: {', '.join(k.value for k in g.ActorKind)}",
        f"{second}:2: kind: 'tv' is not one of: {', '.join(k.value for k in g.ActorKind)}",
        f"... and 25 more problems in {first}",
    ]
    assert err == "0 valid record(s) in 2 file(s): 32 problem(s)\n"
    assert main(["validate", "-q", "--max-problems", "0", str(first)]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 30
    assert main(["validate", "-q", "--max-problems", "29", str(first)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"... and 1 more problem in {first}"
    with pytest.raises(SystemExit):
        main(["validate", "--max-problems", "-1", str(first)])
    assert "expected a whole number >= 0, not '-1'" in capsys.readouterr().err


def test_validate_max_problems_in_json_and_github(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON lists the counts not shown under more_problems; GitHub adds one annotation."""
    import json

    path = _many_bad_lines(tmp_path / "a.jsonl", 4)
    assert main(["validate", "--format", "json", "--max-problems", "1", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["valid"], len(report["problems"])) == (False, 1)
    assert report["more_problems"] == [{"file": str(path), "count": 3}]
    assert main(["validate", "--format", "github", "--max-problems", "1", str(path)]) == 1
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == f"::error file={escaped}::... and 3 more problems in {path}"


def test_the_default_limit_is_1000_problems_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --max-problems a file of 1,005 bad lines prints 1,000 and the count of 5."""
    path = _many_bad_lines(tmp_path / "a.jsonl", 1005)
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 1001
    assert lines[-1] == f"... and 5 more problems in {path}"
    assert err == "0 valid record(s) in 1 file(s): 1,005 problem(s)\n"


def test_stored_problems_are_capped_in_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 100,000-character unknown key and value are shown in a bounded line, not echoed."""
    path = tmp_path / "big.jsonl"
    key, value = "k" * 100_000, "v" * 100_000
    path.write_text(
        f'{{"type":"actor","id":"a","name":"A","kind":"state","{key}":1}}\n'
        f'{{"type":"source","id":"s","title":"t","published":"{value}"}}\n',
        "utf-8",
    )
    assert main(["validate", "-q", str(path)]) == 1
    first, second = capsys.readouterr().out.splitlines()
    assert first == f"{path}:1: {'k' * 197}...: unknown field"
    assert second.startswith(f"{path}:2: published: '{'v' * 50}")
    assert len(second) < len(str(path)) + 200


def test_text_output_escapes_file_names_and_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name with a newline and an ANSI escape is escaped in problems, warnings (a
    byte-order mark) and the count of more problems; JSON keeps it exact."""
    import json

    path = tmp_path / "evil\nFAKE.jsonl:9: forged\x1b[2J.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + KBS_LINE.replace(b"media", b"tv") * 2)
    assert main(["validate", "--max-problems", "1", str(path)]) == 1
    out, err = capsys.readouterr()
    shown = str(path).replace("\n", "\\x0a").replace("\x1b", "\\x1b")
    assert out.count("\n") == 2
    assert "\x1b" not in out
    assert out.splitlines()[1] == f"... and 1 more problem in {shown}"
    assert err.count("\n") == 2
    assert "\x1b" not in err
    assert f"geostmt validate: warning: {shown} starts with a UTF-8 byte-order mark" in err
    assert main(["validate", "--format", "json", str(path)]) == 1
    assert json.loads(capsys.readouterr().out)["problems"][0]["file"] == str(path)


def test_other_commands_escape_what_they_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """export and convert print problems and names escaped too."""
    path = tmp_path / "bad\x1b[31m.jsonl"
    path.write_bytes(STATEMENT_LINE)
    assert main(["export", "acled", str(path), "-o", str(tmp_path / "out.csv")]) == 1
    assert "\x1b" not in capsys.readouterr().err
    assert main(["convert", str(path), "-o", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "bad\\x1b[31m.jsonl:1: speaker" in err
    assert main(["schema", "x\x1b[2Jy"]) == 2
    assert "'x\\x1b[2Jy'" in capsys.readouterr().err


def test_validate_standard_input_says_how_a_duplicate_differs() -> None:
    """Standard input is read again (from a spooled copy) to name the fields that differ."""
    command = [sys.executable, "-m", "geostmt", "validate", "-q", "-"]
    other = KBS_LINE.replace(b'"name":"KBS"', b'"name":"KBS World"')
    done = subprocess.run(command, input=KBS_LINE + other, capture_output=True)
    assert done.returncode == 1
    assert done.stdout == (
        b"<stdin>:2: id: duplicate id 'kbs', first used at <stdin>:1; differs in: name\n"
    )
