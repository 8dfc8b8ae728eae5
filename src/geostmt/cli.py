"""The ``geostmt`` command: a thin layer over the library.

``geostmt validate FILE...`` prints ``file:line: path: message`` for every problem (each record's
own and the dataset's: duplicate ids, references that do not resolve) and exits 1 if any.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from geostmt._version import __version__

__all__ = ["main"]

PROGRESS_EVERY = 10_000


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geostmt", description="Validate and inspect geostmt datasets."
    )
    parser.add_argument("--version", action="version", version=f"geostmt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate", help="check JSON Lines files: every record and the dataset's integrity"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="JSON Lines files")
    validate.add_argument(
        "--quiet", "-q", action="store_true", help="print problems only, no summary"
    )
    return parser


def _progress(name: str, lines: Iterator[object], stream: TextIO) -> Iterator[object]:
    """Pass ``lines`` through, reporting a running count on ``stream`` if it is a terminal."""
    if not stream.isatty():
        yield from lines
        return
    count = 0
    for count, line in enumerate(lines, 1):  # count is read after the loop
        if count % PROGRESS_EVERY == 0:
            stream.write(f"\r{name}: {count:,} records read")
            stream.flush()
        yield line
    if count >= PROGRESS_EVERY:
        stream.write(f"\r{name}: {count:,} records read\n")


def validate(files: Sequence[str], *, out: TextIO, err: TextIO, quiet: bool = False) -> int:
    """Run ``geostmt validate``; returns the exit status."""
    from geostmt.dataset import Dataset, Origin
    from geostmt.errors import Problem, ValidationError
    from geostmt.model import Record
    from geostmt.wire import Line, scan_jsonl

    problems: list[Problem] = []
    records: list[Record] = []
    origins: list[Origin] = []
    for name in files:
        try:
            for line in _progress(name, scan_jsonl(name), err):
                assert isinstance(line, Line)
                if line.record is None:
                    problems.extend(p._replace(file=name) for p in line.problems)
                else:
                    records.append(line.record)
                    origins.append(Origin(name, line.number))
        except OSError as error:
            problems.append(Problem("", f"cannot read: {error.strerror or error}", None, name))
    try:
        Dataset(records, origins=origins)
    except ValidationError as error:
        problems.extend(error.problems)
    for problem in problems:
        out.write(f"{problem}\n")
    if not quiet:
        verdict = "valid" if not problems else f"{len(problems)} problem(s)"
        err.write(f"{len(records)} valid record(s) in {len(files)} file(s): {verdict}\n")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geostmt`` console script."""
    args = _build_parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.files, out=sys.stdout, err=sys.stderr, quiet=args.quiet)
    raise AssertionError(f"unhandled command {args.command!r}")  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
