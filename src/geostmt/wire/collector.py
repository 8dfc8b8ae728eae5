"""``gc_paused()``: the cyclic garbage collector held off while many records are made.

Decoding makes millions of small objects and no reference cycles, so every collection the
allocations trigger finds nothing to free; while the records are kept, each one walks a growing
heap. Holding the collector off while a batch is decoded (as :func:`geostmt.scan_jsonl` does)
or while a whole dataset loads saves that work; freezing what was loaded (``freeze=True``)
keeps later collections from walking it again. Reference counting still frees everything that
is not in a cycle, at once, as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """Hold the cyclic garbage collector off inside the block; restore it on exit and on error.

    With ``freeze=True``, every object alive when the block ends well is moved to the
    collector's permanent generation (:func:`gc.freeze`), so later collections skip the records
    just loaded: for a process that keeps them to the end. Nested uses are fine: only the
    outermost one that found the collector enabled enables it again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
