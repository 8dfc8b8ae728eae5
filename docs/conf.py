"""Sphinx configuration: MyST Markdown pages, built with -W (warnings are errors) in CI.

The API reference (docs/api*.md) comes from the docstrings through autodoc, read in Google
style by napoleon. The build is nitpicky and downloads nothing (no intersphinx): a reference
that cannot resolve here is either a geostmt name, which must resolve, or one of the targeted
exceptions below.
"""

from __future__ import annotations

import sys
from typing import Any

project = "geostmt"
author = "geostmt developers"
copyright = "2026, geostmt developers"  # Sphinx's own setting name
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "geostmt"
nitpicky = True

autodoc_member_order = "bysource"
autodoc_typehints_format = "short"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Types from the standard library and from geostmt's dependencies, in signatures: without
# intersphinx (the build downloads nothing) they have no page to link to.
_ELSEWHERE = (
    "collections", "datetime", "decimal", "enum", "io", "os", "pathlib", "re", "types", "typing",
    "attr", "attrs", "cattrs", "babel", "pint", "pycountry", "hypothesis", "pyarrow", "pandas",
    "dask", "distributed", "pyspark", "pydantic", "pydantic_core",
)  # fmt: skip
nitpick_ignore_regex = [
    ("py:(class|exc|obj|data|func|meth)", rf"({'|'.join(_ELSEWHERE)})(\..+)?"),
    # Internal modules the docstrings point into for the curious; they are not public API, so
    # the reference has no entry for them and the name is shown as code. Every public module
    # has its section, so a module reference left unresolved is to an internal one.
    ("py:mod", r"geostmt\..+"),
    ("py:(mod|func|class|data)", r"geostmt\.(inputs|dataset|partitions|reference)(\..+)?"),
    ("py:(mod|func|class|data)", r"geostmt\.model\.(records|fields|conversion)(\..+)?"),
    ("py:class", r"geostmt\.model\.(rules\.Rule|class_rules\.ClassRule)"),
    # The Literal aliases of the enums' strings (ActorKindName...) in signatures, until they are
    # exported and documented (then _short_names below links them).
    ("py:class", r"(geostmt\.model\.enums\.)?[A-Z][A-Za-z]*Name"),
    ("py:(mod|func|class|data)", r"geostmt\.interop\.(acled|plover)\.\w+(\..+)?"),
]
nitpick_ignore = [
    # Type variables in signatures (Sphinx documents no TypeVar).
    ("py:class", "geostmt.wire.codec.T"),
    ("py:class", "geostmt.dataset.R"),
    ("py:class", "dt.date"),  # an annotation written with `import datetime as dt`
]


def _defined_doc(name: str, value: object) -> list[str] | None:
    """The doc comment of a re-exported constant, read where it is defined (``#:`` or a string
    after the assignment), since autodoc reads only the module that re-exports it."""
    from sphinx.errors import PycodeError
    from sphinx.pycode import ModuleAnalyzer

    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("geostmt") or getattr(module, name, None) is not value:
            continue
        try:
            docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        except PycodeError:  # no source to analyse: look on
            continue
        if ("", name) in docs:
            return list(docs["", name])
    return None


def _constant_docs(
    app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """A constant's own doc, or none: never its type's docstring (``dict()``'s, ``str``'s)."""
    if what not in ("data", "attribute"):
        return
    type_doc = type(obj).__doc__
    type_doc = type_doc.strip() if isinstance(type_doc, str) else ""
    if lines and "\n".join(lines).strip() != type_doc:
        return
    found = None
    if what == "data":
        module_name, _, attribute = name.rpartition(".")
        found = _defined_doc(attribute, getattr(sys.modules[module_name], attribute, obj))
    lines[:] = found or []


def _google_style(
    app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Napoleon's Google-style sections, except on attributes, properties and constants: their
    docs read "What kind of actor: ...", which napoleon would take for a type before the colon."""
    from sphinx.ext.napoleon import _process_docstring

    if what not in ("attribute", "property", "data"):
        _process_docstring(app, what, name, obj, options, lines)


def _short_names(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """A bare name (``Row`` in a docstring, ``Line`` in a signature) that Sphinx cannot find
    from where it is written, linked to the one documented geostmt object of that name."""
    from sphinx.util.nodes import make_refnode

    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target or "." in target:
        return None
    objects = env.get_domain("py").objects
    found = [
        name
        for name, entry in objects.items()
        if name.startswith("geostmt") and name.endswith(f".{target}") and not entry.aliased
    ]
    front_door = f"geostmt.{target}"
    if front_door in found:
        found = [front_door]
    if len(found) != 1:
        return None
    entry = objects[found[0]]
    return make_refnode(
        app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, found[0]
    )


def setup(app: Any) -> None:
    from sphinx.ext.napoleon import _process_docstring

    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is _process_docstring:
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _google_style)
    app.connect("autodoc-process-docstring", _constant_docs)
    app.connect("missing-reference", _short_names)
