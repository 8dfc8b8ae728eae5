"""Sphinx configuration: MyST Markdown pages, built with -W (warnings are errors) in CI."""

from __future__ import annotations

project = "geostmt"
author = "geostmt developers"
copyright = "2026, geostmt developers"  # Sphinx's own setting name
extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
nitpicky = True
