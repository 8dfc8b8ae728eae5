"""The forms of ids in the schemes ``identifiers`` knows: ``wikidata`` is ``Q`` and digits.

A key of :data:`SCHEMES` holds only ids written as that data set writes them; any other scheme
(``cameo``, ``plover``, ``acled:admin1``, a project's own) takes any non-blank text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from geostmt.errors import shown, with_article

__all__ = ["SCHEMES", "Scheme", "identifier_problem"]


class Scheme(NamedTuple):
    """How one scheme writes its ids: a pattern (ECMA 262 and Python alike), in words, and an
    example."""

    pattern: str
    form: str
    example: str


SCHEMES: Mapping[str, Scheme] = MappingProxyType(
    {
        "wikidata": Scheme(r"^Q[1-9][0-9]*$", "Q followed by digits", "Q3874799"),
        "geonames": Scheme(r"^[1-9][0-9]*$", "digits", "486050"),
        "gdelt": Scheme(r"^[0-9]+$", "a GLOBALEVENTID: digits", "588604779"),
        "acled": Scheme(
            r"^[A-Z]+[0-9]+$",
            "an event_id_cnty: the country's ISO alpha-3 code and digits",
            "UKR12345",
        ),
    }
)
"""Each scheme whose ids have a known form; the JSON Schema states the same patterns."""

_COMPILED = {name: re.compile(scheme.pattern) for name, scheme in SCHEMES.items()}


def identifier_problem(scheme: str, ident: str) -> str | None:
    """What is wrong with ``ident`` as an id of ``scheme`` (None: fine, or a free scheme)."""
    pattern = _COMPILED.get(scheme)
    if pattern is None or pattern.fullmatch(ident):
        return None
    form = SCHEMES[scheme]
    return f"{shown(ident)} is not {with_article(scheme)} id ({form.form}, like {form.example!r})"
