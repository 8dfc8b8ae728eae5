"""Time of every public find_*/parse_* normaliser on repetitive hostile text (issue 13).

Run by hand: ``python benchmarks/hostile.py [--sizes 100000 1000000] [--only NAME]``. Each
function reads each pattern repeated to each size; the table gives the time at each size and
the ratio of the last to the first. Linear time means a ratio near the size ratio (10 for
100 kB -> 1 MB); the promise is at most 12 and under 5 s at 1 MB. A call that runs past
``--skip-after`` seconds at one size is not run at the next (its time would only be longer);
an exception other than ParseError is printed in place of a time.

``--no-gc`` pauses the garbage collector around each timed call, to tell its share apart: a
``find_*`` that returns one match every few characters builds hundreds of thousands of result
objects at 1 MB, and CPython's full collections (none at 100 kB, several at 1 MB) walk them.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import time
from collections.abc import Callable

import geostmt.normalise as normalise
from geostmt.errors import ParseError

PATTERNS: dict[str, tuple[str, str]] = {
    "between 1 and ": ("between 1 and ", "en"),
    "€1 ": ("€1 ", "en"),
    "A ": ("A ", "en"),
    "a": ("a", "en"),
    "a ": ("a ", "en"),
    "twenty-": ("twenty-", "en"),
    "fünf": ("fünf", "de"),
    "один": ("один", "ru"),
    "один ": ("один ", "ru"),
    "digits": ("1234567890", "en"),
    "1,": ("1,", "en"),
    "1 000 ": ("1 000 ", "fr"),
    "$1 million ": ("$1 million ", "en"),
    "about 5 km ": ("about 5 km ", "en"),
    "Su-34 ": ("Su-34 ", "en"),
}
"""Name -> (the text repeated, the locale it is read in)."""

FUNCTIONS: dict[str, Callable[..., object]] = {
    name: getattr(normalise, name)
    for name in normalise.__all__
    if name.startswith(("find_", "parse_"))
}
"""Every public find_*/parse_* of :mod:`geostmt.normalise`, so a new one is measured too."""
FAST = 0.05
"""Below this many seconds at the largest size, a ratio says more about the processor's caches
(a 1 MB text does not fit where a 100 kB one does) than about the work done: marked ``*``."""


def _once(function: Callable[..., object], text: str, locale: str, *, collect: bool) -> float:
    gc.collect()  # the last call's garbage is not this call's cost
    if not collect:
        gc.disable()
    try:
        start = time.perf_counter()
        with contextlib.suppress(ParseError):
            function(text, locale=locale)
        return time.perf_counter() - start
    finally:
        gc.enable()


def timed(
    function: Callable[..., object], text: str, locale: str, *, collect: bool = True
) -> float | str:
    """Seconds one call takes (a ParseError is a normal answer; the best of three where a call
    is short, so that noise does not swamp the ratio), or the exception's name.
    ``collect=False`` pauses the garbage collector during the call."""
    try:
        _once(function, text[:1000], locale, collect=collect)  # first use loads tables
        best = _once(function, text, locale, collect=collect)
        for _ in range(2 if best < 1 else 0):
            best = min(best, _once(function, text, locale, collect=collect))
    except Exception as error:  # the table reports it; anything but ParseError is a bug
        return type(error).__name__
    return best


def _cell(value: float | str | None) -> str:
    if value is None:
        return "skipped"
    return value if isinstance(value, str) else f"{value:.3f} s"


def main(argv: list[str] | None = None) -> None:
    """Print the table: function, pattern, a time per size, and the last-to-first ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", action="append", help="only this function (repeatable)")
    parser.add_argument("--pattern", action="append", help="only this pattern (repeatable)")
    parser.add_argument("--skip-after", type=float, default=2.0)
    parser.add_argument("--no-gc", action="store_true", help="pause the garbage collector")
    args = parser.parse_args(argv)
    sizes = args.sizes
    heads = " ".join(f"{f'{size // 1000} kB':>10}" for size in sizes)
    print(f"{'function':16} {'pattern':14} {heads} {'ratio':>7}")
    for name, function in FUNCTIONS.items():
        if args.only and name not in args.only:
            continue
        for label, (piece, locale) in PATTERNS.items():
            if args.pattern and label not in args.pattern:
                continue
            times: list[float | str | None] = []
            for size in sizes:
                last = times[-1] if times else 0.0
                if last is None or isinstance(last, str) or last > args.skip_after:
                    times.append(None)
                    continue
                text = (piece * (size // len(piece) + 1))[:size]
                times.append(timed(function, text, locale, collect=not args.no_gc))
            first, final = times[0], times[-1]
            ratio = f"{'-':>7}"
            if isinstance(first, float) and isinstance(final, float) and first > 0:
                mark = "*" if final < FAST else " "
                ratio = f"{final / first:6.1f}{mark}"
            cells = " ".join(f"{_cell(t):>10}" for t in times)
            print(f"{name:16} {label!r:14} {cells} {ratio}", flush=True)
    print(f"* under {FAST * 1000:.0f} ms at the largest size: the ratio reflects caches, not work")


if __name__ == "__main__":
    main()
