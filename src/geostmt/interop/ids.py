"""Record ids the readers make from what a file names: stable across reads, valid ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["ascii_folded", "id_text", "slug_id"]

_NOT_ID = re.compile(r"[^A-Za-z0-9._:-]+")
_WORD = re.compile(r"[a-z0-9]+")


def ascii_folded(text: str) -> str:
    """``text`` decomposed (NFKD) with what is not ASCII dropped: ``Kyïv`` is ``Kyiv``."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def id_text(text: str, *, strip: str = "-") -> str:
    """``text`` with each run of characters an id cannot hold made ``-``, then ``strip``'s
    characters taken off both ends."""
    return _NOT_ID.sub("-", text).strip(strip)


def slug_id(prefix: str, name: str) -> str:
    """``prefix`` + an ASCII slug of ``name`` + 8 hex digits of its hash: stable across reads,
    distinct for distinct names (``Protesters (Ukraine)`` and ``protesters ukraine`` differ)."""
    slug = "-".join(_WORD.findall(ascii_folded(name).lower()))[:120]
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{prefix}{slug}-{digest}" if slug else f"{prefix}{digest}"
