"""The one way names are folded for lookup, shared by every name table."""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]


def fold(text: str) -> str:
    """The lookup key of a name: NFC, case-folded, one space between words, ’ as '."""
    return unicodedata.normalize("NFC", " ".join(text.replace("\u2019", "'").split())).casefold()
