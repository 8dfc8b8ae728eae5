"""The ``geostmt`` command: a thin layer over the library.

``geostmt validate INPUT...`` prints ``file:line: path: message`` for every problem (each record's
own and the dataset's: ids used for different records, references that do not resolve) and
exits 1 if any. An input is a file (JSON Lines, gzip or not, or Parquet), a directory, a glob or
``-`` for standard input (:func:`geostmt.inputs.expand`).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from geostmt._version import __version__

if TYPE_CHECKING:
    from geostmt.errors import Problem
    from geostmt.wire import Line

__all__ = ["main"]

PROGRESS_EVERY = 10_000
MAX_PROBLEMS = 1_000
"""How many problems ``geostmt validate`` prints a file by default; the rest are counted."""


def _count(text: str) -> int:
    """An argument that must be a whole number >= 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, not {text!r}")
    return value


def _engine_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--jobs", "-j", type=int, metavar="N",
        help="check on a local Dask cluster of N worker processes (needs geostmt[dask])",
    )  # fmt: skip
    command.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="check on a running Dask cluster (tcp://host:8786; needs geostmt[dask])",
    )  # fmt: skip


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geostmt", description="Validate and inspect geostmt datasets."
    )
    parser.add_argument("--version", action="version", version=f"geostmt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate", help="check records: every record and the dataset's integrity"
    )
    validate.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help="JSON Lines files (.jsonl, .jsonl.gz), Parquet datasets, directories, globs, "
        "or - for standard input",
    )
    validate.add_argument(
        "--quiet", "-q", action="store_true", help="print problems only, no summary"
    )
    validate.add_argument(
        "--max-problems", type=_count, default=MAX_PROBLEMS, metavar="N",
        help=f"print at most N problems a file, then how many more (default {MAX_PROBLEMS:,}; "
        "0: every one)",
    )  # fmt: skip
    _engine_options(validate)
    validate.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text: file:line: path: message; github: Actions annotations; json: one report",
    )
    parse = commands.add_parser("parse", help="read a value from text and print it as JSON")
    parse.add_argument("kind", choices=("money", "quantity", "place"))
    parse.add_argument("text", help="the text to read, such as '$425 million'")
    parse.add_argument("--locale", default="en", help="separators and words (default: en)")
    parse.add_argument("--country", help="places only: limit to this ISO 3166-1 alpha-2 code")
    parse.add_argument(
        "--to", metavar="CURRENCY", help="money only: convert to this ISO 4217 code (needs --on)"
    )
    parse.add_argument(
        "--on", metavar="DATE", help="the date of the rate: 2024-10-31, or 2024-10 for its average"
    )
    importer = commands.add_parser(
        "import", help="read GDELT, ACLED or PLOVER files into geostmt JSON Lines"
    )
    importer.add_argument("format", choices=("gdelt", "acled", "plover"))
    importer.add_argument(
        "inputs",
        nargs="+",
        metavar="IN",
        help="files in that format (gzip or not), directories, globs, or - for standard input",
    )
    importer.add_argument("-o", "--output", required=True, metavar="OUT", help="JSON Lines")
    converter = commands.add_parser(
        "convert", help="JSON Lines (plain or .gz) to a Parquet directory, or back, validated"
    )
    converter.add_argument("inputs", nargs="+", metavar="IN", help="as for validate")
    converter.add_argument(
        "-o", "--output", required=True, metavar="OUT",
        help="OUT.jsonl or OUT.jsonl.gz for JSON Lines; anything else is a Parquet directory",
    )  # fmt: skip
    _engine_options(converter)
    exporter = commands.add_parser("export", help="write geostmt JSON Lines as ACLED or PLOVER")
    exporter.add_argument("format", choices=("acled", "plover"))
    exporter.add_argument("inputs", nargs="+", metavar="IN", help="geostmt JSON Lines files")
    exporter.add_argument("-o", "--output", required=True, metavar="OUT", help="the file")
    schema = commands.add_parser("schema", help="print the JSON Schema of a type or of records")
    schema.add_argument(
        "type", nargs="?", help="a type tag (actor, aid_package...) or class name (Money)"
    )
    return parser


def _progress(name: str, lines: Iterator[Line], stream: TextIO) -> Iterator[Line]:
    """Pass ``lines`` through, reporting a running count on ``stream`` if it is a terminal."""
    if not stream.isatty():
        yield from lines
        return
    count = 0
    for count, line in enumerate(lines, 1):  # count is read after the loop
        if count % PROGRESS_EVERY == 0:
            stream.write(f"\r{escape_text(name)}: {count:,} records read")
            stream.flush()
        yield line
    if count >= PROGRESS_EVERY:
        stream.write(f"\r{escape_text(name)}: {count:,} records read\n")


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _render(
    problems: Sequence[Problem],
    records: int,
    files: int,
    fmt: str,
    notes: Sequence[str] = (),
    distinct: int | None = None,
    more: Mapping[str | None, int] | None = None,
) -> str:
    """The problems in the chosen output format (text and github: one line each), then how
    many ``more`` each file had that are not shown."""
    more = {file: count for file, count in (more or {}).items() if count}
    if fmt == "json":
        report = {
            "valid": not problems and not more,
            "files": files,
            "records": records,
            "distinct": distinct,
            "problems": [p._asdict() for p in problems],
            "more_problems": [{"file": file, "count": count} for file, count in more.items()],
            "warnings": list(notes),
        }
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for problem in problems:
        if fmt == "github":
            where = f"file={_github_escape(problem.file or '', property_value=True)}"
            if problem.line is not None:
                where += f",line={problem.line}"
            message = f"{problem.path}: {problem.message}" if problem.path else problem.message
            lines.append(f"::error {where}::{_github_escape(message)}\n")
        else:
            lines.append(f"{escape_text(str(problem))}\n")
    for file, count in more.items():
        name = file if file is not None else "no file"
        message = f"... and {count:,} more problem{'s' if count != 1 else ''} in {name}"
        if fmt == "github":
            where = _github_escape(file or "", property_value=True)
            lines.append(f"::error file={where}::{_github_escape(message)}\n")
        else:
            lines.append(f"{escape_text(message)}\n")
    return "".join(lines)


def escape_text(text: str) -> str:
    """``text`` with control characters, line and paragraph separators and format characters
    (ANSI escapes, newlines, bidi overrides) shown as escapes, so a hostile file name or key
    cannot forge lines or recolour the terminal."""
    if text.isprintable():
        return text
    out = []
    for character in text:
        if character.isprintable() or character == " ":
            out.append(character)
        else:
            code = ord(character)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


def validate(
    files: Sequence[str],
    *,
    out: TextIO,
    err: TextIO,
    quiet: bool = False,
    fmt: str = "text",
    jobs: int | None = None,
    scheduler: str | None = None,
    max_problems: int = MAX_PROBLEMS,
) -> int:
    """Run ``geostmt validate``; returns the exit status. With ``jobs`` or ``scheduler`` the
    checks run on Dask, with the same output. At most ``max_problems`` problems a file are
    printed (0: all), then how many more it has; one process holds no record and no more
    problems than it prints, so memory stays bounded whatever the input."""
    from geostmt.checking import validate_inputs
    from geostmt.errors import ValidationError
    from geostmt.inputs import Input, expand
    from geostmt.integrity import ProblemStore, sort_problems

    def follow(name: str, lines: Iterator[Line]) -> Iterator[Line]:
        return _progress(name, lines, err)

    inputs: list[Input] = []
    missing: list[Problem] = []
    for argument in files:  # one at a time: a missing one is reported, the others still read
        try:
            inputs.extend(expand([argument]))
        except ValidationError as error:
            missing.extend(error.problems)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        if jobs is not None or scheduler is not None:
            try:
                from geostmt.engines import dask as engine
            except ImportError as error:
                err.write(f"geostmt validate: {escape_text(str(error))}\n")
                return 2
            if err.isatty():
                err.write(f"checking {len(inputs)} input(s) on Dask...\n")
            report = engine.check([i.name for i in inputs], scheduler=scheduler, jobs=jobs)
            records, distinct = report.records, report.distinct
            uncapped, capped, more = [*missing, *report.problems], [], {}
        else:
            checked = validate_inputs(inputs, follow=follow, report_unreadable=True,
                                      max_problems=max_problems or None)  # fmt: skip
            records, distinct = checked.records, checked.distinct
            uncapped, capped, more = missing, list(checked.problems), dict(checked.more)
    store = ProblemStore(max_problems or None)  # what validate_inputs has not capped already
    for problem in uncapped:
        store.add(problem)
    for file, count in store.more.items():
        more[file] = more.get(file, 0) + count
    notes = [str(warning.message) for warning in caught]
    kept = [*(problem for problem, _ in store.entries()), *capped]
    problems = sort_problems(kept, [item.name for item in inputs])
    out.write(_render(problems, records, len(inputs), fmt, notes, distinct, more))
    if fmt != "json":
        for note in notes:
            err.write(f"geostmt validate: warning: {escape_text(note)}\n")
    total = len(problems) + sum(more.values())
    if not quiet and fmt != "json":
        verdict = "valid" if not total else f"{total:,} problem(s)"
        merged = f", {distinct} distinct," if distinct is not None and distinct != records else ""
        err.write(f"{records} valid record(s){merged} in {len(inputs)} file(s): {verdict}\n")
    return 1 if total else 0


def parse(
    kind: str,
    text: str,
    locale: str,
    country: str | None,
    *,
    out: TextIO,
    err: TextIO,
    to: str | None = None,
    on: str | None = None,
) -> int:
    """Run ``geostmt parse KIND TEXT``; prints the value as JSON, exit 1 if none is found.

    With ``--to CURRENCY --on DATE`` (money only) it prints the conversion instead: the parsed
    amount (``original``), the converted one (``amount``), the ``rate``, the ``rate_date`` it
    was published on and its ``source``.
    """
    from geostmt.errors import GeostmtError, ParseError, UnknownLocaleError
    from geostmt.normalise import parse_money, parse_place, parse_quantity
    from geostmt.wire import to_dict

    if (to is None) != (on is None) or (to is not None and kind != "money"):
        err.write("geostmt parse: --to and --on go together, and only with money\n")
        return 2
    try:
        if kind == "money":
            value: object = parse_money(text, locale=locale)
        elif kind == "quantity":
            value = parse_quantity(text, locale=locale)
        else:
            value = parse_place(text, locale=locale, country=country)
    except UnknownLocaleError as error:
        err.write(f"geostmt parse: --locale: {escape_text(str(error))}\n")
        return 2
    except ParseError as error:
        err.write(f"geostmt parse: {escape_text(str(error))}\n")
        return 1
    if to is not None and on is not None:
        from geostmt.model.conversion import convert

        try:
            value = convert(value, to, on=on)  # type: ignore[arg-type]  # money, checked above
        except (GeostmtError, ImportError) as error:
            err.write(f"geostmt parse: {escape_text(str(error))}\n")
            return 1
    out.write(json.dumps(to_dict(value), ensure_ascii=False) + "\n")
    return 0


def schema(name: str | None, *, out: TextIO, err: TextIO) -> int:
    """Run ``geostmt schema [TYPE]``; returns the exit status."""
    from geostmt import model
    from geostmt.wire import json_schema

    cls = None
    if name is not None:
        cls = model.RECORD_TYPES.get(name) or getattr(model, name, None)
        if not isinstance(cls, type) or not hasattr(cls, "__attrs_attrs__"):
            known = ", ".join([*model.RECORD_TYPES, "Quantity", "Money", "Place", "..."])
            err.write(
                f"geostmt schema: unknown type {escape_text(repr(name))}; try one of: {known}\n"
            )
            return 2
    out.write(json.dumps(json_schema(cls), ensure_ascii=False, indent=2) + "\n")
    return 0


def import_command(fmt: str, inputs: Sequence[str], output: str, *, err: TextIO) -> int:
    """Run ``geostmt import FORMAT IN... -o OUT``; exit 1 if any row was refused, 2 if an
    input is missing or cannot be read."""
    from geostmt.convert import import_files
    from geostmt.errors import ValidationError

    def follow(name: str, rows: int) -> None:
        if err.isatty() and rows % PROGRESS_EVERY == 0:
            err.write(f"\r{escape_text(name)}: {rows:,} rows read")
            err.flush()

    try:
        summary = import_files(fmt, inputs, output, follow=follow)
    except OSError as error:
        err.write(f"geostmt import: cannot read: {escape_text(str(error))}\n")
        return 2
    except ValidationError as error:  # an input that is missing or matches nothing
        for problem in error.problems:
            err.write(f"geostmt import: {escape_text(str(problem))}\n")
        return 2
    for problem in summary.problems:
        err.write(f"{escape_text(str(problem))}\n")
    err.write(
        f"{summary.rows} row(s) read, {summary.records} record(s) written to "
        f"{escape_text(output)}, {summary.refused} row(s) refused\n"
    )
    return 1 if summary.problems else 0


def export_command(fmt: str, inputs: Sequence[str], output: str, *, err: TextIO) -> int:
    """Run ``geostmt export FORMAT IN... -o OUT``; the records are validated first."""
    from geostmt.convert import export_file
    from geostmt.dataset import check_jsonl

    dataset, problems = check_jsonl(inputs, report_unreadable=True)
    if dataset is None or problems:
        for problem in problems:
            err.write(f"{escape_text(str(problem))}\n")
        err.write(f"geostmt export: {len(problems)} problem(s); nothing written\n")
        return 1
    summary = export_file(fmt, dataset, output)
    for ident, reason in summary.skipped:
        err.write(f"skipped {escape_text(ident)}: {escape_text(reason)}\n")
    err.write(
        f"{summary.written} row(s) written to {escape_text(output)}, "
        f"{len(summary.skipped)} record(s) skipped\n"
    )
    return 0


def convert_command(
    inputs: Sequence[str],
    output: str,
    *,
    err: TextIO,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> int:
    """Run ``geostmt convert IN... -o OUT``: read and validate every input as one dataset,
    then write it; nothing is written if any problem is found (exit 1). With ``jobs`` or
    ``scheduler`` it runs on Dask (problems also go to ``OUT.rejects.jsonl``)."""
    if jobs is not None or scheduler is not None:
        return _convert_on_dask(inputs, output, err=err, jobs=jobs, scheduler=scheduler)
    from geostmt.convert import convert_dataset
    from geostmt.dataset import check_inputs
    from geostmt.errors import ValidationError
    from geostmt.inputs import expand

    try:
        found = expand(inputs)
    except ValidationError as error:
        for problem in error.problems:
            err.write(f"geostmt convert: {escape_text(str(problem))}\n")
        return 2

    def follow(name: str, lines: Iterator[Line]) -> Iterator[Line]:
        return _progress(name, lines, err)

    dataset, problems = check_inputs(found, follow=follow, report_unreadable=True)
    if dataset is None or problems:
        for problem in problems:
            err.write(f"{escape_text(str(problem))}\n")
        err.write(f"geostmt convert: {len(problems)} problem(s); nothing written\n")
        return 1
    count = convert_dataset(dataset, output)
    err.write(f"{count} record(s) written to {escape_text(output)}\n")
    return 0


def _convert_on_dask(
    inputs: Sequence[str], output: str, *, err: TextIO, jobs: int | None, scheduler: str | None
) -> int:
    from geostmt.errors import ValidationError

    try:
        from geostmt.engines import dask as engine
    except ImportError as error:
        err.write(f"geostmt convert: {escape_text(str(error))}\n")
        return 2
    if output.endswith(".jsonl.gz"):
        err.write("geostmt convert: --jobs writes .jsonl or a Parquet directory, not .jsonl.gz\n")
        return 2
    try:
        report = engine.convert(inputs, output, scheduler=scheduler, jobs=jobs)
    except ValidationError as error:
        for problem in error.problems:
            err.write(f"geostmt convert: {escape_text(str(problem))}\n")
        return 2
    for problem in report.problems:
        err.write(f"{escape_text(str(problem))}\n")
    if report.problems:
        err.write(
            f"geostmt convert: {len(report.problems)} problem(s), listed in "
            f"{escape_text(output)}.rejects.jsonl; nothing written\n"
        )
        return 1
    err.write(f"{report.records} record(s) written to {escape_text(output)}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geostmt`` console script."""
    args = _build_parser().parse_args(argv)
    if args.command == "validate":
        return validate(
            args.files, out=sys.stdout, err=sys.stderr, quiet=args.quiet, fmt=args.format,
            jobs=args.jobs, scheduler=args.scheduler, max_problems=args.max_problems,
        )  # fmt: skip
    if args.command == "parse":
        return parse(
            args.kind, args.text, args.locale, args.country, out=sys.stdout, err=sys.stderr,
            to=args.to, on=args.on,
        )  # fmt: skip
    if args.command == "schema":
        return schema(args.type, out=sys.stdout, err=sys.stderr)
    if args.command == "import":
        return import_command(args.format, args.inputs, args.output, err=sys.stderr)
    if args.command == "convert":
        return convert_command(
            args.inputs, args.output, err=sys.stderr, jobs=args.jobs, scheduler=args.scheduler
        )
    if args.command == "export":
        return export_command(args.format, args.inputs, args.output, err=sys.stderr)
    raise AssertionError(f"unhandled command {args.command!r}")  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
