"""Word lists as prefix-tree regexes, so matching a list costs its words' length, not its size.

Python's ``re`` tries the branches of ``a|b|c`` one after the other at every position; a list
of 200 unit words written that way costs 200 tries at each word of the text. Written as a
prefix tree (``k(?:m|g|ilo(?:metres?|grams?))``) it costs a few character checks. The longest
word still wins, as with an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["key", "starts_with", "word_regex"]

_END = ""
_Node = dict[str, "_Node"]


def word_regex(words: Iterable[str], *, space: str = r"\s+", fold: bool = True) -> str:
    """A regex matching any of ``words``, longest first; a space in a word matches ``space``.

    ``fold``: each word also matches in lower case, capitalised and in capitals ("about",
    "About", "ABOUT"), without ``re.IGNORECASE``, which makes every character check several
    times slower. An empty list matches nothing.
    """
    trie: _Node = {}
    variants = {v for w in words if w for v in _cases(w, fold)}
    for word in variants:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    body = _render(trie, space)
    if not body:
        return "(?!)"
    firsts = sorted(trie)
    if len(firsts) > 3 and " " not in firsts:  # one check of the first character, not one a branch
        return f"(?=[{''.join(re.escape(c) for c in firsts)}]){body}"
    return body


def _cases(word: str, fold: bool) -> set[str]:
    if not fold:
        return {word}
    lower = word.lower()
    titled = " ".join(part[:1].upper() + part[1:] for part in lower.split(" "))
    first, _, rest = titled.partition(" ")
    inner = f"{first.lower()} {rest}" if rest else lower  # "ein Drittel"
    forms = {word, lower, lower[0].upper() + lower[1:], titled, inner}
    if word.upper().lower() == lower:  # "ß" has no capital of its own: "SS" reads back as "ss"
        forms.add(word.upper())
    return {form for form in forms if key(form) == key(word)}


def _render(node: _Node, space: str) -> str:
    ends = _END in node
    branches = []
    for char, child in sorted((c, n) for c, n in node.items() if c != _END):
        written = space if char == " " else re.escape(char)
        branches.append(written + _render(child, space))
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def starts_with(words: Iterable[str], runs_on: Iterable[str] = (), *, also: str = "") -> str:
    """A lookahead: the text here starts with one of ``words`` as a whole word, or with one of
    ``runs_on`` (which may continue into a longer word), or matches the regex ``also``.

    Put first in a pattern, it turns away most positions with one check of a prefix tree
    before the full pattern (many alternations) is tried there.
    """
    options = [f"(?:{word_regex(words)})(?![^\\W\\d_])"]
    runs = list(runs_on)
    if runs:
        options.append(word_regex(runs))
    if also:
        options.append(also)
    return f"(?={'|'.join(options)})"


def key(written: str) -> str:
    """The table key of a word or phrase matched by :func:`word_regex`: lower case, one space
    between words ("Per  Cent" -> "per cent")."""
    return " ".join(written.lower().split())
