"""The ways names are folded for lookup, shared by every name table."""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "plain"]


def fold(text: str) -> str:
    """The lookup key of a name: NFC, case-folded, one space between words, ’ as '."""
    return unicodedata.normalize("NFC", " ".join(text.replace("\u2019", "'").split())).casefold()


def plain(text: str) -> str:
    """:func:`fold` without accents or other combining marks: the gazetteer's key.

    ``plain("Sudža") == plain("Sudza") == "sudza"``; ``"Київ"`` and ``"Киев"`` keep their
    letters (``ї`` becomes ``і``, ``й`` becomes ``и``, the same on both sides of a lookup).
    """
    if text.isascii():
        return fold(text)  # nothing to take off
    decomposed = unicodedata.normalize("NFD", fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
