"""The GeoNames gazetteer: every populated place of 500 people or more, by each of its names.

The committed ``data/gazetteer.bin`` (built by ``scripts/build_place_data.py``, whose docstring
gives the layout) holds the places and their names as zlib-compressed chunks of text. On first
use only the header and the table of name blocks are read; a chunk is decompressed the first
time a lookup needs it and kept. A name is found by a binary search over the first keys of
blocks of about 8 kB and one ``bytes.find`` inside its block, so a lookup costs microseconds
and nothing is split into Python objects until a place is found. Lookups take
:func:`~geostmt.reference._text.plain` keys.
"""

from __future__ import annotations

import bisect
import json
import threading
import zlib
from importlib import resources
from typing import Any, NamedTuple

from geostmt.reference._lazy import Lazy
from geostmt.reference._text import plain

__all__ = ["City", "Gazetteer", "gazetteer", "lookup"]


class City(NamedTuple):
    """A populated place from GeoNames."""

    name: str
    country: str
    subdivision: str | None
    lat: float
    lon: float
    population: int
    capital: bool
    geonames_id: int


class _Stream:
    """One uncompressed stream (rows or names), kept as compressed chunks until read."""

    __slots__ = ("_chunks", "_lock", "_open", "_raw", "_starts")

    def __init__(self, raw: bytes, base: int, chunks: list[list[int]]) -> None:
        self._raw = raw
        self._starts = [start for start, _, _ in chunks]
        self._chunks = [(base + offset, base + offset + length) for _, offset, length in chunks]
        self._open: dict[int, bytes] = {}
        self._lock = threading.Lock()

    def chunk(self, position: int) -> tuple[int, bytes]:
        """The start and the text of the chunk holding ``position``."""
        index = bisect.bisect_right(self._starts, position) - 1
        text = self._open.get(index)
        if text is None:
            with self._lock:
                first, last = self._chunks[index]
                text = self._open.setdefault(index, zlib.decompress(self._raw[first:last]))
        return self._starts[index], text

    def opened(self) -> int:
        """How many bytes have been decompressed so far."""
        return sum(map(len, self._open.values()))


class Gazetteer:
    """Places by name, read from the gazetteer file (see the module docstring)."""

    __slots__ = ("_firsts", "_names", "_rows", "_spans", "source")

    def __init__(self, raw: bytes) -> None:
        first = raw.index(b"\n")
        second = raw.index(b"\n", first + 1)
        header: dict[str, Any] = json.loads(raw[first + 2 : second])
        base = second + 1
        self.source: dict[str, Any] = header["source"]
        members = header["members"]
        offset, length = members["blocks"]
        table = zlib.decompress(raw[base + offset : base + offset + length]).decode()
        fields = table.strip("\n").replace("\n", "\t").split("\t")
        self._firsts: list[str] = fields[0::3]
        self._spans = list(zip(map(int, fields[1::3]), map(int, fields[2::3]), strict=True))
        self._rows = _Stream(raw, base, members["rows"])
        self._names = _Stream(raw, base, members["names"])

    def __len__(self) -> int:
        return int(self.source["places"])

    def opened(self) -> int:
        """How many bytes of places and names have been decompressed so far."""
        return self._rows.opened() + self._names.opened()

    def _search(self, block: int, needle: bytes) -> tuple[int, bytes] | None:
        """Where ``needle`` is in block ``block``, with the text of the chunk holding it."""
        start, end = self._spans[block]
        chunk_start, text = self._names.chunk(start)
        at = text.find(needle, start - chunk_start, end - chunk_start)
        return None if at < 0 else (at, text)

    def lookup(self, key: str) -> tuple[City, ...]:
        """Every place whose name has the lookup key ``key`` (a :func:`plain` key)."""
        if not key:
            return ()
        block = bisect.bisect_right(self._firsts, key) - 1
        needle = b"\n" + key.encode("utf-8", "surrogatepass") + b"\t"  # a lone surrogate: no name
        found = None if block < 0 else self._search(block, needle)
        if found is None:
            return ()
        at, text = found
        start = text.index(b"\t", at + 1) + 1
        end = text.find(b"\n", start)
        offsets = text[start : end if end >= 0 else len(text)].split(b",")
        return tuple(self._row(int(offset)) for offset in offsets)

    def begins_a_name(self, words: str) -> bool:
        """Whether some name starts with ``words`` followed by a space (``"chasiv"``)."""
        if not words:
            return False
        prefix = words + " "
        block = bisect.bisect_right(self._firsts, prefix) - 1
        needle = b"\n" + prefix.encode("utf-8", "surrogatepass")
        if block >= 0 and self._search(block, needle) is not None:
            return True
        return block + 1 < len(self._firsts) and self._firsts[block + 1].startswith(prefix)

    def capitals(self) -> list[City]:
        """The national capitals (the first rows)."""
        found: list[City] = []
        position = 0
        for _ in range(int(self.source["capitals"])):
            city, position = self._read_row(position)
            found.append(city)
        return found

    def _row(self, position: int) -> City:
        return self._read_row(position)[0]

    def _read_row(self, position: int) -> tuple[City, int]:
        """The place whose row starts at ``position``, and where the next row starts."""
        start, text = self._rows.chunk(position)
        at = position - start
        end = text.index(b"\n", at)
        geonames_id, name, country, subdivision, lat, lon, population, capital = (
            text[at:end].decode().split("\t")
        )
        city = City(
            name=name,
            country=country,
            subdivision=subdivision or None,
            lat=float(lat),
            lon=float(lon),
            population=int(population),
            capital=capital == "1",
            geonames_id=int(geonames_id),
        )
        return city, start + end + 1


def _load() -> Gazetteer:
    packed = resources.files("geostmt.reference").joinpath("data", "gazetteer.bin")
    return Gazetteer(packed.read_bytes())


_GAZETTEER: Lazy[Gazetteer] = Lazy(_load)


def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first use."""
    return _GAZETTEER.get()


def lookup(name: str) -> tuple[City, ...]:
    """Every place named ``name`` (any case, accents optional)."""
    return gazetteer().lookup(plain(name))
