"""BCP 47 language tags checked for real: the language subtag must be an ISO 639 code.

The shape is RFC 5646's ``langtag`` (language, extlang, script, region, variants, extensions,
private use), a private-use tag (``x-private``) or one of RFC 5646's grandfathered tags
(``i-klingon``). The language subtag (case-insensitive) must be an ISO 639-1, 639-2/B, 639-3 or
639-5 code as pycountry has them, or in ISO 639-2's private-use range ``qaa``-``qtz``. English
names are recognised for a did-you-mean: ``language="english"`` suggests ``'en'``.

pycountry's tables load on first use (about 40 ms), once.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Mapping

from geostmt.errors import shown

__all__ = [
    "GRANDFATHERED",
    "LANGTAG_PATTERN",
    "PRIVATE_USE_PATTERN",
    "language_codes",
    "language_problem",
    "language_tag_pattern",
]

_AFTER_LANGUAGE = (
    r"(?:-[A-Za-z]{3}){0,3}"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
)
LANGTAG_PATTERN = rf"^[A-Za-z]{{2,3}}{_AFTER_LANGUAGE}$"
"""RFC 5646 ``langtag`` with a 2 or 3 letter language subtag (4 to 8 letters are reserved or
registered only in theory: the IANA registry holds none)."""
PRIVATE_USE_PATTERN = r"^[Xx](?:-[A-Za-z0-9]{1,8})+$"
"""RFC 5646 ``privateuse`` as a whole tag: ``x-private``."""
GRANDFATHERED: tuple[str, ...] = (
    "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux",
    "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL",
    "sgn-CH-DE", "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka",
    "zh-min", "zh-min-nan", "zh-xiang",
)  # fmt: skip
"""RFC 5646's grandfathered tags (irregular and regular), valid whole as they are."""

_LANGTAG = re.compile(LANGTAG_PATTERN)
_PRIVATE_USE = re.compile(PRIVATE_USE_PATTERN)
_GRANDFATHERED = frozenset(tag.lower() for tag in GRANDFATHERED)
_EXAMPLES = "such as 'en', 'uk', 'zh-Hant-TW' or 'x-private'"


@functools.cache
def language_codes() -> frozenset[str]:
    """Every lower-case ISO 639 code a language subtag may be."""
    import pycountry

    private_use = "abcdefghijklmnopqrst"  # ISO 639-2 reserves qaa-qtz for local use
    codes = {f"q{second}{third}" for second in private_use for third in string.ascii_lowercase}
    for language in pycountry.languages:
        for key in ("alpha_2", "alpha_3", "bibliographic"):
            code = getattr(language, key, None)
            if code:
                codes.add(code.lower())
    for family in pycountry.language_families:
        codes.add(family.alpha_3.lower())
    return frozenset(codes)


@functools.cache
def _by_name() -> Mapping[str, str]:
    """Each language's English name (case-folded) -> its shortest code: ``english`` -> ``en``."""
    import pycountry

    names: dict[str, str] = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None) or language.alpha_3
        for key in ("name", "common_name", "inverted_name"):
            name = getattr(language, key, None)
            if name:
                names.setdefault(name.casefold(), code)
    return names


@functools.lru_cache(maxsize=1024)
def _hint(tag: str) -> str:
    if len(tag) > 40:  # no language's name is this long: no search through them all
        return ""
    from geostmt.reference.acled import suggest

    names = _by_name()
    code = names.get(tag.casefold())
    if code is None and len(tag) > 3:  # a misspelt name: "engish"
        near = suggest(tag, names, cutoff=0.8)  # the names are folded already
        code = names[near] if near else None
    return f" (did you mean {code!r}?)" if code else ""


def language_problem(tag: str) -> str | None:
    """What is wrong with the language tag ``tag`` (None when it is valid)."""
    lowered = tag.lower()
    if lowered in _GRANDFATHERED or _PRIVATE_USE.fullmatch(tag):
        return None
    if not _LANGTAG.fullmatch(tag):
        return f"{shown(tag)} is not a BCP 47 language tag {_EXAMPLES}{_hint(tag)}"
    primary = lowered.split("-", 1)[0]
    if primary not in language_codes():
        return (
            f"{shown(tag)} is not a BCP 47 language tag: {primary!r} is not an ISO 639 "
            f"language code{_hint(tag)}"
        )
    return None


def _either_case(letters: Iterable[str]) -> str:
    """A regex class matching each of ``letters`` in either case: ``[aAbB]`` for ``ab``."""
    return "[" + "".join(f"{c.lower()}{c.upper()}" for c in sorted(set(letters))) + "]"


def _trie(codes: Iterable[str]) -> str:
    """A regex matching exactly ``codes`` (lower-case letters), in either case, compactly."""
    tree: dict[str, dict[str, set[str]]] = {}
    short: dict[str, set[str]] = {}
    for code in codes:
        if len(code) == 2:
            short.setdefault(code[0], set()).add(code[1])
        else:
            tree.setdefault(code[0], {}).setdefault(code[1], set()).add(code[2])
    branches = []
    for first in sorted(set(tree) | set(short)):
        options = []
        if first in short:
            options.append(_either_case(short[first]))
        for second, thirds in sorted(tree.get(first, {}).items()):
            options.append(_either_case(second) + _either_case(thirds))
        branches.append(_either_case(first) + "(?:" + "|".join(options) + ")")
    return "(?:" + "|".join(branches) + ")"


@functools.cache
def language_tag_pattern() -> str:
    """The JSON Schema (ECMA 262) pattern of a valid language tag: the ``langtag`` shape with
    its language subtag one of :func:`language_codes`, a private-use tag, or a grandfathered
    tag (each letter in either case, as BCP 47 tags are case-insensitive)."""
    grandfathered = "|".join(
        "".join(_either_case(c) if c.isalpha() else c for c in tag) for tag in GRANDFATHERED
    )
    private = PRIVATE_USE_PATTERN.removeprefix("^").removesuffix("$")
    return f"^(?:{_trie(language_codes())}{_AFTER_LANGUAGE}|{private}|{grandfathered})$"
