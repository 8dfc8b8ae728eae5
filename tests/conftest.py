"""Shared test setup: hypothesis profiles chosen by HYPOTHESIS_PROFILE (dev by default)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


@pytest.fixture
def shared() -> Path:
    """The shared folder beside the checkout (seed article, corpora); skips when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here (a plain clone has no shared folder)")
    return SHARED


def load_script(name: str) -> ModuleType:
    """A script under scripts/ imported as a module (the build scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def python_output(code: str) -> str:
    """What ``code`` prints when run in a fresh Python process (for what importing loads)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()
