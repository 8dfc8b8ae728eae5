"""What every reader and writer does alike with files (JSON Lines here, the field's formats in
:mod:`geostmt.interop`): open what they are given (a path or an open file), name it in errors,
and write a path atomically."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import stat
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


def _target(path: str | os.PathLike[str]) -> tuple[Path, int]:
    """Where an atomic write really goes (a symlink is followed to its target), and the mode
    the file gets: the existing file's, else what the umask gives a new file."""
    if not os.fspath(path):
        raise ValueError("cannot write to an empty path")
    target = Path(os.path.realpath(path))
    try:
        status = target.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return target, 0o666 & ~umask
    if not stat.S_ISREG(status.st_mode):
        raise ValueError(f"{os.fspath(path)} is not a regular file; geostmt will not replace it")
    return target, stat.S_IMODE(status.st_mode)


_HOST = hashlib.blake2b(socket.gethostname().encode(), digest_size=4).hexdigest()
_TEMP = re.compile(r"\.geostmt-([0-9a-f]{8})-(\d+)-[^.]+\.tmp\Z")


def _temp_prefix(target: Path) -> str:
    """The start of the name of a temp file beside ``target``: ``.data.jsonl.geostmt-``, then
    this host, the writing process and a random part (the name kept short enough)."""
    return f".{target.name[:120]}.geostmt-"


def _remove_stale(target: Path) -> None:
    """Remove the temp files of earlier writes to ``target`` from this host whose process is
    gone (a write killed by SIGKILL cannot remove its own); only names this module makes."""
    prefix = _temp_prefix(target)
    try:
        names = [entry.name for entry in os.scandir(target.parent) if entry.name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        found = _TEMP.match(name, len(prefix) - len(".geostmt-"))
        if found is None or found[1] != _HOST or _alive(int(found[2])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(target.parent / name)


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs here (one that cannot be signalled counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


@contextlib.contextmanager
def _atomic(path: str | os.PathLike[str], mode: str, newline: str | None) -> Iterator[IO[Any]]:
    target, permissions = _target(path)
    _remove_stale(target)
    prefix = f"{_temp_prefix(target)}{_HOST}-{os.getpid()}-"
    handle, temp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    try:
        os.chmod(temp_name, permissions)
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(handle, mode, encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], *, newline: str = "\n") -> Iterator[IO[str]]:
    """A UTF-8 text stream whose content replaces ``path`` only when the block ends well.

    The stream writes a temp file beside ``path``, synced and renamed over it; an exception
    removes the temp file, so a failed write leaves the old file (or none), never half a file.
    A symlink is written through to its target; an existing file keeps its mode, a new one gets
    the umask's; a target that is not a regular file (a FIFO, a device) is refused. A write
    killed outright (SIGKILL, power loss) leaves its temp file, named
    ``.NAME.geostmt-HOST-PID-XXXX.tmp``; the next write to ``path`` removes it once that
    process is gone.
    """
    with _atomic(path, "w", newline) as stream:
        yield stream


@contextlib.contextmanager
def atomic_binary(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Like :func:`atomic_text`, a binary stream (for gzip and other encoded output)."""
    with _atomic(path, "wb", None) as stream:
        yield stream
