"""An immutable, hashable string-to-string mapping, so records holding one stay hashable."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping
from typing import Any

from geostmt.errors import shown

__all__ = ["FrozenMap", "to_frozen_map"]


class FrozenMap(Mapping[str, str]):
    """A read-only ``dict[str, str]`` with a hash; equal to any mapping with the same items."""

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items: dict[str, str] = dict(items or {})
        self._hash: int | None = None

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def items(self) -> ItemsView[str, str]:
        """The key-value pairs (the inner dict's own view: fast to walk)."""
        return self._items.items()

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[dict[str, str]]]:
        return (FrozenMap, (self._items,))


def to_frozen_map(value: Mapping[str, str] | None) -> FrozenMap:
    """Converter: any mapping (or None) -> :class:`FrozenMap`; anything else passes through."""
    if value is None:
        return FrozenMap()
    if isinstance(value, FrozenMap):
        return value
    if isinstance(value, Mapping):
        return FrozenMap(value)
    return value  # reported by the validator


def check_string_map(value: Any) -> list[tuple[str, str]]:
    """The (path, message) problems of a map whose keys and values must be non-blank strings."""
    if not isinstance(value, FrozenMap):
        return [("", f"expected an object of strings, got {type(value).__name__}")]
    problems = []
    for key, item in value.items():
        if type(key) is not str or not key.strip():
            problems.append(("", f"key {shown(key)} must be a non-blank string"))
        elif type(item) is not str or not item.strip():
            problems.append((key, f"expected a non-blank string, got {shown(item)}"))
    return problems
