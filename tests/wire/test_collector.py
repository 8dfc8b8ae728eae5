"""``gc_paused`` holds the garbage collector off and always gives it back as it found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from geostmt.wire.collector import gc_paused


@pytest.fixture(autouse=True)
def _collector_enabled() -> Iterator[None]:
    """Each test starts and ends with the collector on and nothing frozen."""
    gc.enable()
    yield
    gc.unfreeze()
    gc.enable()


def test_the_collector_is_off_inside_and_on_after() -> None:
    """Inside the block the collector is disabled; after it, enabled again."""
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_gives_the_collector_back() -> None:
    """An exception in the block still enables the collector again."""
    with pytest.raises(KeyError), gc_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    """A caller who turned the collector off keeps it off; nested pauses keep it off too."""
    gc.disable()
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_freeze_moves_what_was_made_to_the_permanent_generation() -> None:
    """With freeze=True, what is alive when the block ends is frozen; nothing is on error."""
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError, match="x"), gc_paused(freeze=True):
        raise ValueError("x")
    assert gc.get_freeze_count() == 0
    with gc_paused(freeze=True):
        kept = [[i] for i in range(100)]
    assert gc.get_freeze_count() >= len(kept)
    assert gc.isenabled()
