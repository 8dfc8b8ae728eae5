"""JSON Lines: streaming reads that name the bad line, and atomic writes.

Reads take plain or gzip-compressed files (recognised by their first bytes, whatever their name)
and skip a UTF-8 byte-order mark at the start of a file, with a warning.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import warnings
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

import cattrs

from geostmt.errors import Problem, ValidationError, shown
from geostmt.model import RECORD_CLASSES, Record
from geostmt.wire.codec import MAX_RECORD_BYTES, loads, to_dict
from geostmt.wire.collector import gc_paused
from geostmt.wire.fastjson import encode, orjson_module
from geostmt.wire.files import atomic_binary, source_name
from geostmt.wire.textwriter import text_writer, writers

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_RECORD_CLASSES = frozenset(RECORD_CLASSES)

__all__ = [
    "GZIP_MAGIC",
    "Line",
    "numbered_lines",
    "open_binary",
    "read_jsonl",
    "scan_jsonl",
    "validate_jsonl",
    "write_jsonl",
]

Source = str | os.PathLike[str] | IO[bytes]
_TOO_LONG = f"line longer than {MAX_RECORD_BYTES} bytes; not read"
GZIP_MAGIC = b"\x1f\x8b"
"""The first two bytes of every gzip file: how a compressed input is recognised."""
_BOM = b"\xef\xbb\xbf"
_NOT_GZIP = "named .gz but not gzip-compressed (it does not start with the gzip bytes 1f 8b)"


class Line(NamedTuple):
    """One non-blank line of a JSON Lines file: its number and its record or its problems."""

    number: int
    record: Record | None
    problems: tuple[Problem, ...]


class _Prefixed(io.RawIOBase):
    """``head`` (bytes already read from ``rest``) followed by the rest of ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(view), len(self._head))
            view[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        read = getattr(self._rest, "read1", self._rest.read)
        data: bytes = read(len(view))
        view[: len(data)] = data
        return len(data)


def _head(stream: IO[bytes], size: int) -> tuple[bytes, IO[bytes]]:
    """The first ``size`` bytes of ``stream``, and a stream that still starts with them."""
    if stream.seekable():
        start = stream.tell()
        head = stream.read(size)
        stream.seek(start)
        return head, stream
    head = b""
    while len(head) < size:
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head, io.BufferedReader(_Prefixed(head, stream))


@contextmanager
def open_binary(source: Source) -> Iterator[IO[bytes]]:
    """The bytes of ``source`` (a path or a binary file), decompressed if they are gzip.

    Gzip is recognised by its first two bytes (:data:`GZIP_MAGIC`), so a compressed file named
    ``.jsonl`` reads too; a path named ``.gz`` that is not gzip is a ValidationError. Streams:
    nothing is read ahead beyond the first bytes.

    Raises ``TypeError`` for a source that is neither a path nor a binary file (a text file
    included), and ``OSError`` for a path that cannot be opened (no such file, or a name no file
    can have: a NUL byte, a lone surrogate).
    """
    with _open_path(source) if isinstance(source, str | os.PathLike) else _kept(source) as raw:
        head, stream = _head(raw, len(GZIP_MAGIC))
        if head == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
                yield cast(IO[bytes], unzipped)
            return
        name = source_name(source)
        if isinstance(source, str | os.PathLike) and name and name.lower().endswith(".gz"):
            raise ValidationError.single("", _NOT_GZIP)
        yield stream


def _open_path(path: str | os.PathLike[str]) -> IO[bytes]:
    """``path`` opened for reading bytes; a name no file can have is an ``OSError`` too."""
    try:
        return open(path, "rb")
    except ValueError as error:  # a NUL byte, a lone surrogate: as a missing file, not a bug
        name = shown(os.fspath(path))
        raise OSError(errno.EINVAL, f"cannot be a file name ({error})", name) from None


@contextmanager
def _kept(stream: IO[bytes]) -> Iterator[IO[bytes]]:
    """``stream`` itself, left open: the caller owns it."""
    if isinstance(stream, io.TextIOBase):
        raise TypeError(
            f"expected a path or a binary file, not a text file ({type(stream).__name__}); "
            "open it in binary mode ('rb')"
        )
    if not callable(getattr(stream, "read", None)):
        raise TypeError(
            "expected a path (a str or os.PathLike) or a binary file open for reading, "
            f"not {type(stream).__name__}"
        )
    yield stream


def _raw_lines(source: Source) -> Iterator[tuple[int, bytes | None]]:
    name = source_name(source) or "the input"
    with open_binary(source) as stream:
        number = 0
        try:
            for number, raw in numbered_lines(stream, name):
                yield number, raw
        except (EOFError, zlib.error, gzip.BadGzipFile) as error:
            if not isinstance(stream, gzip.GzipFile):
                raise
            message = f"not a readable gzip file: {error}"
            raise ValidationError.single("", message, number + 1) from None


def numbered_lines(
    stream: IO[bytes], name: str | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """Each line with its number, as :func:`scan_jsonl` numbers them; None for a line over
    ``MAX_RECORD_BYTES``, which is skipped without being held in memory.

    A UTF-8 byte-order mark at the start is dropped, with a UserWarning naming ``name`` unless
    ``name`` is None (a file read again, already warned about).
    """
    number = 0
    while True:
        # readline with a limit: a gigantic line is refused without being held in memory
        raw = stream.readline(MAX_RECORD_BYTES + 1)
        if not raw:
            return
        number += 1
        if number == 1 and raw.startswith(_BOM):
            if name is not None:
                warnings.warn(
                    f"{name} starts with a UTF-8 byte-order mark; read as UTF-8",
                    UserWarning,
                    stacklevel=2,
                )
            raw = raw[len(_BOM) :]
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
                raw = stream.readline(MAX_RECORD_BYTES + 1)
            yield number, None
            continue
        yield number, raw


def scan_jsonl(source: Source, *, converter: cattrs.Converter | None = None) -> Iterator[Line]:
    """Every non-blank line of ``source`` (a path or binary file): a :class:`~geostmt.wire.Line`.

    Reads a batch of lines at a time (256 lines or 1 MiB, decoded with the garbage collector
    held off), so files larger than memory are fine. Blank lines are skipped.
    Gzip is read transparently (see ``open_binary``). What spoils the whole file (a ``.gz``
    name on plain bytes, a broken gzip stream) raises ValidationError, after the lines before it.
    """
    lines = _raw_lines(source)
    while True:
        batch: list[tuple[int, bytes | None]] = []
        size = 0
        try:
            for number, raw in lines:
                batch.append((number, raw))
                size += len(raw) if raw is not None else MAX_RECORD_BYTES
                if len(batch) >= _BATCH_LINES or size >= _BATCH_BYTES:
                    break
        except ValidationError:
            yield from _decoded(batch, converter)  # the lines before what spoils the file
            raise
        if not batch:
            return
        yield from _decoded(batch, converter)


# Lines are decoded in batches with the garbage collector held off (geostmt.wire.collector):
# small enough to stay streaming, large enough that collections stop walking each batch.
_BATCH_LINES = 256
_BATCH_BYTES = 1 << 20


def _decoded(
    batch: list[tuple[int, bytes | None]], converter: cattrs.Converter | None
) -> list[Line]:
    decoded = []
    with gc_paused():
        for number, raw in batch:
            if raw is None:
                decoded.append(Line(number, None, (Problem("", _TOO_LONG, number),)))
                continue
            if not raw.strip():
                continue
            try:
                record = loads(raw.rstrip(b"\r\n"), converter=converter)
            except ValidationError as error:
                decoded.append(Line(number, None, error.at_line(number).problems))
            else:
                decoded.append(Line(number, record, ()))
    return decoded


def read_jsonl(source: Source, *, converter: cattrs.Converter | None = None) -> Iterator[Record]:
    """The records of a JSON Lines file, streamed; the first invalid line raises ValidationError,
    its problems naming the file (a path, or an open file's ``name``) and line."""
    name = source_name(source)
    try:
        for line in scan_jsonl(source, converter=converter):
            if line.problems:
                raise ValidationError(line.problems)
            assert line.record is not None
            yield line.record
    except ValidationError as error:
        raise error if name is None else error.in_file(name) from None


def validate_jsonl(source: Source, *, converter: cattrs.Converter | None = None) -> list[Problem]:
    """Every problem in every line of ``source`` (empty when all records are valid)."""
    problems: list[Problem] = []
    try:
        for line in scan_jsonl(source, converter=converter):
            problems.extend(line.problems)
    except ValidationError as error:
        problems.extend(error.problems)
    return problems


def write_jsonl(
    path: str | os.PathLike[str],
    records: Iterable[Any],
    *,
    converter: cattrs.Converter | None = None,
) -> int:
    """Write ``records`` one per line, atomically: a temp file renamed over ``path``.

    A write killed halfway leaves the old file (or none), never half a file. Returns the count.
    """
    count = 0
    # without orjson and a converter of one's own: each record's text straight from its
    # generated text writer (geostmt.wire.textwriter), the dict path only where it refuses
    by_text = converter is None and orjson_module() is None
    with atomic_binary(path) as stream:
        batch: list[bytes] = []
        for record in records:
            kind = type(record)
            if kind not in _RECORD_CLASSES:
                raise TypeError(
                    f"item {count} is not a geostmt record: {shown(record)}; "
                    f"{os.fspath(path)} is left as it was"
                )
            line = _text_line(record, kind) if by_text else None
            if line is None:
                line = encode(to_dict(record, converter=converter))
            batch.append(line)
            count += 1
            if len(batch) >= _BATCH_LINES:
                batch.append(b"")
                stream.write(b"\n".join(batch))
                batch.clear()
        if batch:
            batch.append(b"")
            stream.write(b"\n".join(batch))
    return count


def _text_line(record: Any, kind: type[Any]) -> bytes | None:
    """``record``'s line by its text writer; None where the writer refuses (the dict path then
    writes it, or raises, as ever)."""
    write = writers.get(kind) or text_writer(kind)
    try:
        text = write(record)
    except Exception:  # whatever it is, the dict path meets it again and answers as it did
        return None
    return text.encode("utf-8")
