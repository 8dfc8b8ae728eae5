"""Russian and Ukrainian case endings of place names, undone to the nominative.

News text names a place in whatever case the sentence needs: "в Курской области", "під
Бахмутом", "из Курска", "у Харкові". :func:`nominatives` gives the nominative forms a folded
word or phrase may come from; the place tables are looked up with each. The rules are a short
table of endings (longest first), each with the nominative endings it may stand for, and the
Ukrainian vowel alternation of a closed last syllable (Харкова, Харкові -> Харків; Києва ->
Київ). They over-generate on purpose: the caller tries the forms longest first and keeps the
first that names a known place.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["has_cyrillic", "nominatives"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CLOSED = re.compile(r"^(.*[^оеє])([оеє])([бвгґджзклмнпрстфхцчшщ]+)$")
_ALTERNATE = {"о": "і", "е": "і", "є": "ї"}

ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ами", ("а", "")), ("ові", ("",)), ("ого", ("ий", "ый", "ое")), ("ому", ("ий", "ый")),
    ("ской", ("ская",)), ("ській", ("ська",)), ("ської", ("ська",)), ("ську", ("ська",)),
    ("скую", ("ская",)), ("ською", ("ська",)), ("ой", ("ая", "а", "")), ("ою", ("ая", "а")),
    ("ую", ("ая",)), ("ий", ("ий",)), ("ій", ("а", "ий", "ь")), ("ої", ("а",)), ("ом", ("", "о")),
    ("ем", ("", "ь", "е")), ("ей", ("а", "я", "ь")), ("ью", ("ь",)), ("ею", ("я", "ь")),
    ("ах", ("ы", "и", "")),
    ("е", ("а", "", "я", "ь")), ("і", ("а", "", "я", "ь")), ("и", ("а", "ь", "я", "")),
    ("ы", ("а", "")), ("у", ("а", "")), ("ю", ("я", "ь")), ("а", ("",)), ("я", ("ь", "й", "")),
)  # fmt: skip
"""Oblique ending -> the nominative endings it may stand for, longest ending first."""

MAX_WORDS = 4
"""Phrases longer than this are not inflected (no place name is longer)."""


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def _word(word: str) -> list[str]:
    """The nominatives a folded word may come from, itself first."""
    found = [word]
    if not has_cyrillic(word):
        return found
    for ending, replacements in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            found.extend(stem + replacement for replacement in replacements)
    for form in list(found):
        closed = _CLOSED.match(form)
        if closed:
            found.append(closed.group(1) + _ALTERNATE[closed.group(2)] + closed.group(3))
    return list(dict.fromkeys(found))


def nominatives(phrase: str) -> list[str]:
    """Nominative forms of a folded phrase (the phrase itself not included).

    >>> "курская область" in nominatives("курской области")
    True
    >>> "харків" in nominatives("харкові")
    True
    """
    words = phrase.split(" ")
    if len(words) > MAX_WORDS or not has_cyrillic(phrase):
        return []
    forms = (" ".join(combo) for combo in itertools.product(*(_word(w) for w in words)))
    # longest first: "харків" before "харк" (a town in Iran), "курская область" before "курск"
    return sorted((form for form in forms if form != phrase), key=len, reverse=True)
