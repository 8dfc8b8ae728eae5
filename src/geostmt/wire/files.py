"""What every reader and writer does alike with files (JSON Lines here, the field's formats in
:mod:`geostmt.interop`): open what they are given (a path or an open file), name it in errors,
and write a path atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_binary", "atomic_text", "open_text", "source_name"]


def source_name(source: str | os.PathLike[str] | IO[Any]) -> str | None:
    """The file name errors give for ``source``: the path, an open file's ``name``, or None."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


@contextlib.contextmanager
def open_text(
    source: str | os.PathLike[str] | IO[str], *, encoding: str = "utf-8"
) -> Iterator[IO[str]]:
    """``source`` as a text stream: a path opened with ``newline=""`` (and closed after), an
    open file as it is."""
    if isinstance(source, str | os.PathLike):
        with open(source, encoding=encoding, newline="") as stream:
            yield stream
    else:
        yield source


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], *, newline: str = "\n") -> Iterator[IO[str]]:
    """A UTF-8 text stream whose content replaces ``path`` only when the block ends well.

    The stream writes a temp file beside ``path``, synced and renamed over it (as
    :func:`geostmt.wire.write_jsonl` does); an exception removes the temp file, so a failed or
    killed write leaves the old file (or none), never half a file.
    """
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_binary(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Like :func:`atomic_text`, a binary stream (for gzip and other encoded output)."""
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
