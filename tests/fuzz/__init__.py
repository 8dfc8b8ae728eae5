"""Fuzz targets: hypothesis-driven inputs for the readers and every normaliser (issue 13).

Each target runs :data:`FUZZ_EXAMPLES` examples, 50 by default and derandomized, so the normal
test run (and CI) runs them briefly and the same way every time. Set ``GEOSTMT_FUZZ_EXAMPLES``
(``GEOSTMT_FUZZ_EXAMPLES=100000 pytest tests/fuzz``) for a long run with fresh random inputs;
``docs/ci.md`` says how.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_EXAMPLES = int(os.environ.get("GEOSTMT_FUZZ_EXAMPLES", "50"))
"""How many examples each fuzz target runs."""

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize="GEOSTMT_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=list(HealthCheck),
)
"""The settings of every fuzz target."""
