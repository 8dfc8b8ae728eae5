"""A small AST mutation runner: which changes to a module does a test selection fail to notice?

Usage (from the repository root)::

    .venv/bin/python scripts/mutation_check.py src/geostmt/model/rules.py \\
        -- tests/model tests/wire -k "not corpora"

    # a few at a time, several modules, two workers, only some lines:
    .venv/bin/python scripts/mutation_check.py src/geostmt/model/rules.py \\
        src/geostmt/wire/structure.py --jobs 2 --only-lines 300-420 --max 40 -- tests/model

    # just list the mutants, run nothing:
    .venv/bin/python scripts/mutation_check.py src/geostmt/model/fields.py --list

Everything after ``--`` is handed to pytest (default: ``tests``); ``-x -q -p no:cacheprovider``
is always added. The project rule: a surviving mutant in a validator, parser or reader is a
missing test (or, argued case by case, an equivalent mutant).

How it works. ``src/`` is copied once per worker into a temporary directory; the real tree is
never written. Each module is parsed and its mutants enumerated:

* comparisons ``<``/``<=``, ``>``/``>=``, ``==``/``!=``, ``is``/``is not``, ``in``/``not in``;
* ``and``/``or``; ``not x`` -> ``x``;
* ``True``/``False``; an int ``n`` -> ``n + 1``; a message string ``s`` -> ``"XX" + s`` (a
  string in a ``raise``, in a call such as ``Problem(...)``/``_problem(...)``/``expected(...)``,
  or returned by a message helper);
* ``return x`` -> ``return None``; ``raise ...`` -> ``pass`` (``--no-raise`` turns this off).

Docstrings, annotations, ``__all__``/``__slots__`` and lines marked ``pragma: no cover`` are not
mutated (``--include-no-cover`` mutates those lines too). Each mutant is written into the copy as
a splice of the original text (only the mutated expression changes), pytest runs on the copy with
``PYTHONPATH=<copy>/src`` first (the editable install's ``.pth`` entry comes after PYTHONPATH on
``sys.path``; checked before anything runs: ``geostmt.__file__`` must be in the copy, in a plain
subprocess and again inside pytest), and the file is restored. Compiled files go to a cache
under the temporary directory (``PYTHONPYCACHEPREFIX``), the mutated module's dropped each time,
so nothing is written into the repository or the venv. A mutant is
killed when pytest fails, errors or times out (``--timeout``, default three times the unmutated
run plus ten seconds); it survives when every selected test passes.

Hypothesis runs derandomized, without its example database and with ``--examples`` examples a
test (default 10) unless a test sets its own count, so a run is repeatable and bounded.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import contextlib
import copy
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "geostmt"

COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
MESSAGE_CALLS = frozenset(
    {
        "Problem",
        "ValidationError",
        "single",
        "_problem",
        "_wrong",
        "expected",
        "TypeError",
        "ValueError",
        "KeyError",
        "LookupError",
    }
)
"""Calls whose string arguments are messages (``Problem(path, "...")``, ``_problem("...")``)."""
MESSAGE_FUNCTIONS = frozenset({"expected", "noun", "_wrong", "_problem"})
"""Functions whose returned strings are messages."""
SKIPPED_NAMES = frozenset({"__all__", "__slots__"})
NO_COVER = "pragma: no cover"
OUTCOMES = ("killed", "timeout", "error", "survived")

PLUGIN = '''\
"""Loaded by scripts/mutation_check.py with -p: a bounded, repeatable hypothesis profile, and a
check that the package under test is the mutated copy."""

import os

import pytest


def pytest_sessionstart(session):
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "mutation",
        max_examples=int(os.environ["MUTATION_EXAMPLES"]),
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("mutation")
    import {package}

    where = os.path.realpath({package}.__file__)
    if not where.startswith(os.environ["MUTATION_COPY"]):
        pytest.exit("mutation_check: tests import " + where + ", not the copy", returncode=3)
'''


@dataclass(frozen=True)
class Mutant:
    """One change to one module: the byte span of the original text and what replaces it."""

    path: Path
    """The module, relative to the repository root."""
    line: int
    start: int
    end: int
    original: str
    replacement: str
    kind: str

    def apply(self, source: bytes) -> bytes:
        """The module's text with this change made."""
        return source[: self.start] + self.replacement.encode() + source[self.end :]

    def describe(self) -> str:
        """``file:line: original -> mutant``."""
        return f"{self.path}:{self.line}: {_short(self.original)} -> {_short(self.replacement)}"


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


class _Finder(ast.NodeVisitor):
    """Walks a module and yields its mutants, in source order."""

    def __init__(self, path: Path, source: bytes, *, raises: bool, no_cover: bool) -> None:
        self.path = path
        self.source = source
        self.lines = source.decode().splitlines()
        self.starts = [0]
        for line in source.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.raises = raises
        self.no_cover = no_cover
        self.found: list[Mutant] = []
        self.message_depth = 0
        self.functions: list[str] = []

    # helpers

    def _span(self, node: ast.AST) -> tuple[int, int]:
        start = self.starts[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]
        end = self.starts[node.end_lineno - 1] + node.end_col_offset  # type: ignore[attr-defined]
        return start, end

    def _add(self, node: ast.AST, replacement: str, kind: str) -> None:
        line: int = node.lineno  # type: ignore[attr-defined]
        if not self.no_cover and NO_COVER in self.lines[line - 1]:
            return
        start, end = self._span(node)
        original = self.source[start:end].decode()
        self.found.append(Mutant(self.path, line, start, end, original, replacement, kind))

    def _expression(self, node: ast.expr, new: ast.expr, kind: str) -> None:
        self._add(node, f"({ast.unparse(new)})", kind)

    # statements whose parts are not mutated

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return  # a docstring (of a module, class, function or attribute)
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(t, ast.Name) and t.id in SKIPPED_NAMES for t in node.targets):
            return
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if isinstance(node.target, ast.Name) and node.target.id in SKIPPED_NAMES:
            return
        if node.value is not None:
            self.visit(node.value)

    def visit_arg(self, node: ast.arg) -> None:
        return  # annotations only

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.visit(node.args)
        self.functions.append(node.name)
        for statement in node.body:
            self.visit(statement)
        self.functions.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._function(node)

    # message context

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        message = name in MESSAGE_CALLS
        self.visit(func)
        self.message_depth += message
        for argument in [*node.args, *node.keywords]:
            self.visit(argument)
        self.message_depth -= message

    def visit_Raise(self, node: ast.Raise) -> None:
        if self.raises:
            self._add(node, "pass", "raise")
        self.message_depth += 1
        self.generic_visit(node)
        self.message_depth -= 1

    def visit_Return(self, node: ast.Return) -> None:
        value = node.value
        if value is not None and not (isinstance(value, ast.Constant) and value.value is None):
            self._add(node, "return None", "return")
        message = bool(self.functions) and self.functions[-1] in MESSAGE_FUNCTIONS
        self.message_depth += message
        self.generic_visit(node)
        self.message_depth -= message

    # the mutations

    def visit_Compare(self, node: ast.Compare) -> None:
        for index, op in enumerate(node.ops):
            swap = COMPARE_SWAPS.get(type(op))
            if swap is not None:
                new = copy.deepcopy(node)
                new.ops[index] = swap()
                self._expression(node, new, "compare")
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        new = copy.deepcopy(node)
        new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self._expression(node, new, "boolean")
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            self._expression(node, node.operand, "not")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        if value is True or value is False:
            self._add(node, repr(not value), "constant")
        elif type(value) is int:
            self._add(node, repr(value + 1), "constant")
        elif type(value) is str and self.message_depth:
            self._add(node, repr("XX" + value), "message")

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if self.message_depth:
            start, end = self._span(node)
            self._add(node, f'("XX" + {self.source[start:end].decode()})', "message")
        # nothing inside an f-string is mutated


def find_mutants(path: Path, *, raises: bool = True, no_cover: bool = False) -> list[Mutant]:
    """Every mutant of the module at ``path`` (relative to the repository root)."""
    source = (ROOT / path).read_bytes()
    finder = _Finder(path, source, raises=raises, no_cover=no_cover)
    finder.visit(ast.parse(source, filename=str(path)))
    for mutant in finder.found:  # every mutant must still be Python
        compile(mutant.apply(source), str(path), "exec", dont_inherit=True)
    return sorted(finder.found, key=lambda m: (str(m.path), m.start, m.end, m.replacement))


@dataclass
class Result:
    """What running the tests against one mutant gave."""

    mutant: Mutant
    outcome: str
    """``killed``, ``timeout``, ``error`` (pytest could not run: killed too) or ``survived``."""
    seconds: float


class Workspace:
    """One worker's copy of ``src`` and the pytest plugin, under ``base``."""

    def __init__(self, base: Path, examples: int) -> None:
        self.base = base
        self.src = base / "src"
        shutil.copytree(
            ROOT / "src", self.src, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
        plugin = base / "plugin"
        plugin.mkdir()
        (plugin / "mutation_plugin.py").write_text(PLUGIN.replace("{package}", PACKAGE))
        self.env = dict(os.environ)
        self.env["PYTHONPATH"] = os.pathsep.join(
            [str(self.src), str(plugin), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
        self.env["MUTATION_COPY"] = os.path.realpath(self.src) + os.sep
        self.env["MUTATION_EXAMPLES"] = str(examples)
        # compiled files go under base (written once, not into the repository or the venv)
        self.pycache = base / "pycache"
        self.env["PYTHONPYCACHEPREFIX"] = str(self.pycache)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.process: subprocess.Popen[str] | None = None

    def target(self, mutant: Mutant) -> Path:
        """The copy of the mutant's module (``path`` starts with ``src/``)."""
        return self.base / mutant.path

    def check_import(self) -> str:
        """Where a plain subprocess imports the package from; raises unless it is the copy."""
        found = subprocess.run(
            [sys.executable, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not os.path.realpath(found).startswith(self.env["MUTATION_COPY"]):
            raise SystemExit(f"{PACKAGE} is imported from {found}, not the copy in {self.src}")
        return found

    def pytest(self, args: list[str], timeout: float) -> tuple[int | None, str]:
        """Run pytest on the copy: its return code (None on timeout) and output."""
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "mutation_plugin",
            "-p",
            "no:cacheprovider",
            "-x",
            "-q",
            *args,
        ]
        process = subprocess.Popen(
            command,
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.process = process
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            output, _ = process.communicate()
            return None, output
        finally:
            self.process = None
        return process.returncode, output

    def stop(self) -> None:
        """Kill the pytest run under way, if any (its whole process group)."""
        process = self.process
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

    def write(self, path: Path, data: bytes) -> None:
        """Write a module and drop its compiled form, which a same-size same-second edit could
        otherwise leave looking current."""
        path.write_bytes(data)
        cached = self.pycache / path.parent.resolve().relative_to(path.anchor)
        for folder in (path.parent / "__pycache__", cached):
            for stale in folder.glob(f"{path.stem}.*.pyc"):
                stale.unlink(missing_ok=True)

    def run(self, mutant: Mutant, original: bytes, args: list[str], timeout: float) -> Result:
        """Write the mutant into the copy, run the tests, put the original back."""
        target = self.target(mutant)
        began = time.monotonic()
        try:
            self.write(target, mutant.apply(original))
            code, output = self.pytest(args, timeout)
        finally:
            self.write(target, original)
        seconds = time.monotonic() - began
        if code is None:
            outcome = "timeout"
        elif code == 0:
            outcome = "survived"
        elif code == 1:
            outcome = "killed"
        elif "mutation_check: tests import" in output:
            raise SystemExit(output)
        else:  # pytest could not run (an import failed, a plugin did not load): killed too
            outcome = "error"
        return Result(mutant, outcome, seconds)


def _lines(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    return int(low), int(high or low)


def _selected(mutants: list[Mutant], only: list[tuple[int, int]], kinds: set[str]) -> list[Mutant]:
    return [
        m
        for m in mutants
        if (not only or any(low <= m.line <= high for low, high in only))
        and (not kinds or m.kind in kinds)
    ]


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The options, and the pytest arguments after ``--``."""
    pytest_args: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, pytest_args = argv[:at], argv[at + 1 :]
    parser = argparse.ArgumentParser(
        description="Mutate a module's comparisons, booleans, constants, messages, returns and "
        "raises one at a time and report which mutants the tests let through.",
        epilog="Everything after -- goes to pytest (default: tests).",
    )
    parser.add_argument("modules", nargs="+", type=Path, help="modules, e.g. src/geostmt/x.py")
    parser.add_argument("--max", type=int, default=0, help="run at most N mutants (0: all)")
    parser.add_argument(
        "--only-lines",
        action="append",
        default=[],
        metavar="A-B",
        help="only mutants starting on lines A to B (repeatable)",
    )
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        choices=["compare", "boolean", "not", "constant", "message", "return", "raise"],
        help="only these kinds of mutant (repeatable)",
    )
    parser.add_argument("--timeout", type=float, default=0, help="seconds a mutant (0: auto)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once")
    parser.add_argument("--examples", type=int, default=10, help="hypothesis examples a test")
    parser.add_argument("--no-raise", action="store_true", help="do not turn raises into pass")
    parser.add_argument("--include-no-cover", action="store_true", help="mutate those lines too")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--json", type=Path, help="also write every result to this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="a line per mutant")
    return parser.parse_args(argv), pytest_args or ["tests"]


def main(argv: list[str] | None = None) -> int:
    """Run the mutants; exit 1 when any survived."""
    args, pytest_args = parse_args(sys.argv[1:] if argv is None else argv)
    only = [_lines(text) for text in args.only_lines]
    mutants: list[Mutant] = []
    for module in args.modules:
        module = (ROOT / module).resolve().relative_to(ROOT)
        if module.parts[0] != "src":
            raise SystemExit(f"{module} is not under src/")
        every = find_mutants(module, raises=not args.no_raise, no_cover=args.include_no_cover)
        mutants += _selected(every, only, set(args.kind))
    if args.max:
        mutants = mutants[: args.max]
    if args.list:
        for mutant in mutants:
            print(f"[{mutant.kind}] {mutant.describe()}")
        print(f"{len(mutants)} mutants")
        return 0

    originals = {m.path: (ROOT / m.path).read_bytes() for m in mutants}
    with tempfile.TemporaryDirectory(prefix="mutation-") as temp:
        spaces: queue.Queue[Workspace] = queue.Queue()
        every_space = [
            Workspace(Path(temp) / f"w{number}", args.examples)
            for number in range(max(1, args.jobs))
        ]
        for space in every_space:
            where = space.check_import()
            spaces.put(space)
        print(f"{PACKAGE} imports from the copy: {where}")
        first = spaces.get()
        began = time.monotonic()
        code, output = first.pytest(pytest_args, timeout=3600)
        baseline = time.monotonic() - began
        spaces.put(first)
        if code != 0:
            print(output)
            raise SystemExit(f"the tests fail without any mutant (exit {code})")
        timeout = args.timeout or 3 * baseline + 10
        print(
            f"unmutated run: {baseline:.1f}s ({' '.join(pytest_args)}); "
            f"timeout {timeout:.0f}s; {len(mutants)} mutants, {args.jobs} at once"
        )

        def one(mutant: Mutant) -> Result:
            space = spaces.get()
            try:
                return space.run(mutant, originals[mutant.path], pytest_args, timeout)
            finally:
                spaces.put(space)

        results: list[Result] = []
        pool = concurrent.futures.ThreadPoolExecutor(max(1, args.jobs))
        try:
            for index, result in enumerate(pool.map(one, mutants), 1):
                results.append(result)
                if args.verbose or result.outcome == "survived":
                    print(
                        f"[{index}/{len(mutants)}] {result.outcome:8} {result.seconds:5.1f}s "
                        f"{result.mutant.describe()}",
                        flush=True,
                    )
        except BaseException as error:  # Ctrl-C or a failure: drop the queue, stop the runs
            pool.shutdown(wait=False, cancel_futures=True)
            for space in every_space:
                space.stop()
            pool.shutdown(wait=True)
            if not isinstance(error, KeyboardInterrupt):
                raise
            print("interrupted; the results so far:")
        else:
            pool.shutdown(wait=True)
    return report(results, args.json)


def report(results: list[Result], json_path: Path | None) -> int:
    """Print the summary and the survivors; 1 if any survived."""
    counts = {o: sum(r.outcome == o for r in results) for o in OUTCOMES}
    survivors = [r.mutant for r in results if r.outcome == "survived"]
    total = sum(r.seconds for r in results)
    print()
    for module in sorted({str(r.mutant.path) for r in results}):
        mine = [r for r in results if str(r.mutant.path) == module]
        alive = sum(r.outcome == "survived" for r in mine)
        print(f"{module}: {len(mine)} mutants, {len(mine) - alive} killed, {alive} survived")
    print(
        f"total: {len(results)} mutants, {len(results) - counts['survived']} killed "
        f"({counts['killed']} by a failing test, {counts['error']} by an error, "
        f"{counts['timeout']} by a timeout), {counts['survived']} survived; "
        f"{total:.0f}s of test runs"
    )
    if survivors:
        print("\nsurvivors:")
        for mutant in survivors:
            print(f"  {mutant.describe()}")
    if json_path is not None:
        rows = [
            {
                "file": str(r.mutant.path),
                "line": r.mutant.line,
                "kind": r.mutant.kind,
                "original": r.mutant.original,
                "mutant": r.mutant.replacement,
                "outcome": r.outcome,
                "seconds": round(r.seconds, 2),
            }
            for r in results
        ]
        json_path.write_text(json.dumps(rows, indent=1) + "\n")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
