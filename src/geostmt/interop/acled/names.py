"""The names in ACLED's actor and source cells, and the ids of the records they become."""

from __future__ import annotations

from geostmt.interop.ids import slug_id

__all__ = ["actor_id", "names", "source_id"]


def actor_id(name: str) -> str:
    """The id of the ACLED actor called ``name``: ``acled-actor-<slug>-<hash>``."""
    return slug_id("acled-actor-", name)


def source_id(name: str) -> str:
    """The id of the ACLED source called ``name``: ``acled-source-<slug>-<hash>``."""
    return slug_id("acled-source-", name)


def names(text: str) -> list[str]:
    """The distinct names of a ``; ``-separated cell, in order."""
    found: list[str] = []
    for part in text.split(";"):
        name = part.strip()
        if name and name not in found:
            found.append(name)
    return found
