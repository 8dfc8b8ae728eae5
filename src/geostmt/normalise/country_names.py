"""Country names as statistical tables write them: inversions, abbreviations, acronyms, typos.

``parse_place`` asks here only after every exact name table has failed, and only for a short
text (a country's name is at most :data:`MAX_CHARS` characters). The text and every English
name of every country (CLDR, ISO, and the hand-kept forms) are cut into words, and the text's
words are matched to a name's words in any order ("Korea, Dem. Rep.", "Congo Rep.",
"Palestinian territory, occupied"):

- a word matches itself; an abbreviated word (written with a full stop, a single letter, or a
  word the name does not hold) matches a name word it begins ("Dem." democratic, "N." north)
  or contracts ("Isds" islands, "St." saint);
- a word in capitals matches a run of the name's words by their initials ("DPR of Korea",
  "DROC", "TFYR of Macedonia", "HKSAR": a word in capitals in the name counts whole); the run
  starts the name ("KGB" is not the United Kingdom of Great Britain and Northern Ireland), and
  counts as distinctive only where it spells a word of the name that not every other country
  has ("DPR" alone spells "Democratic People's Republic": no answer; "DPRK" is North Korea);
  a word in capitals is read by its initials only, never as the word ("MAN" is not the "Man"
  of "Isle of Man"), and standing alone it must have three letters or more and spell the whole
  name but one word ("HKSAR", "IOM"; not "DC", "NM");
- a word of five letters or more may differ by one letter, of six or more by two
  ("Herzegowina", "moldovia", "Faeroe");
- a name fits only when a word besides those that the names of :data:`GENERIC_SHARE` or more
  countries share ("Republic", "Democratic", "Saint", "Republik") matches, or an acronym of
  three letters or more (an abbreviated word does not count): "Democratic Republic" and
  "Dem. Rep." are no answer;
- "of", "the", "and" are ignored on both sides; a word naming a kind of place ("Islands",
  "Republic") may be left over in the text, at a cost;
- "X excluding Y" is X; "A: B" and "A/B" are read as "A B" and "A and B"; text read as
  Latin-1 after UTF-8 ("CÃ´te") is repaired.

Each name's cost adds up its abbreviations, typos and skipped words; the cheapest name wins
when no other country's name costs as little. Otherwise there is no answer: never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from geostmt.reference._text import plain

__all__ = ["MAX_CHARS", "country_names", "match_country", "repair"]

MAX_CHARS = 120
"""Texts longer than this are not read as a country's name."""

_STOP = frozenset({"of", "the", "and", "d", "s", "de", "la", "le", "du", "des"})
_KINDS = frozenset({
    "islands", "island", "isds", "is", "isl", "republic", "rep", "kingdom", "state", "states",
    "territory", "terr", "federation", "union", "sar", "province", "region",
})  # fmt: skip
_FORMS_OF_STATE = frozenset({
    "people", "peoples", "democratic", "socialist", "federal", "federative", "islamic", "arab",
    "united", "popular", "plurinational", "bolivarian", "commonwealth", "principality",
    "grand", "duchy", "sultanate", "independent", "cooperative", "hashemite",
})  # fmt: skip
"""Words naming a form of state: generic however few countries' names hold them, so that "DPR"
(Democratic People's Republic) names no country alone, nor "Islamic Republic"."""
GENERIC_SHARE = 6
"""A word in the names of this many countries or more ("Republic", "Democratic", "Saint",
"Republik") is generic: it never makes a match alone."""
_EXCLUDING = re.compile(r"\s+(?:excluding|excl\.?|except|without|ex\.)\s.*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+\.?")
_ACRONYM_DOTS = re.compile(r"\b(?:[^\W\d_]\.){2,}")


class _Word(NamedTuple):
    text: str
    abbreviated: bool
    capitals: bool


class _Name(NamedTuple):
    code: str
    words: tuple[str, ...]
    capitals: tuple[bool, ...]
    stop: tuple[bool, ...]
    english: bool  # acronyms are read against English names only


class Names(NamedTuple):
    """Every country name to match against, and its words indexed."""

    names: tuple[_Name, ...]
    by_word: dict[str, tuple[int, ...]]
    by_initial: dict[str, tuple[str, ...]]
    generic: frozenset[str]


def repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("CÃ´te" -> "Côte"), up to three times."""
    for _ in range(3):
        if "Ã" not in text and "Â" not in text:
            break
        try:
            text = text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            break
    return text


def _words(text: str, *, keep_stop: bool = False) -> list[_Word]:
    text = _ACRONYM_DOTS.sub(lambda m: m.group().replace(".", "") + " ", text)
    found = []
    for match in _WORD.finditer(text.replace("'", " ").replace("\u2019", " ")):
        raw = match.group()
        bare = raw.rstrip(".")
        word = plain(bare)
        if word in _STOP and not keep_stop:
            continue
        capitals = bare.isupper() and len(bare) >= 2
        found.append(_Word(word, raw.endswith(".") or len(bare) == 1, capitals))
    return found


def country_names(
    forms: Iterable[tuple[str, str]], english: Iterable[tuple[str, str]] = ()
) -> Names:
    """The names to match against, from ``(name, code)`` pairs, indexed by word: ``english``
    the English names (the only ones an acronym is read against: "IDF" spells the Romansh
    "Inslas dal Falkland", which no English text means), ``forms`` those of other languages."""
    found: list[_Name] = []
    tagged = [(name, code, True) for name, code in english]
    tagged += [(name, code, False) for name, code in forms]
    for name, code, is_english in tagged:
        words = _words(name, keep_stop=True)
        if any(w.text not in _STOP for w in words):
            found.append(_Name(
                code,
                tuple(w.text for w in words),
                tuple(w.capitals for w in words),
                tuple(w.text in _STOP for w in words),
                is_english,
            ))  # fmt: skip
    # the same words under one code once, English where any language has them so
    seen: dict[tuple[str, tuple[str, ...]], _Name] = {}
    for entry in found:
        seen.setdefault((entry.code, entry.words), entry)
    names = tuple(seen.values())
    by_word: dict[str, list[int]] = {}
    for index, entry in enumerate(names):
        for word in set(entry.words):
            by_word.setdefault(word, []).append(index)
    by_initial: dict[str, list[str]] = {}
    for word in by_word:
        by_initial.setdefault(word[0], []).append(word)
    generic = {
        word
        for word, found in by_word.items()
        if len({names[i].code for i in found}) >= GENERIC_SHARE
    }
    return Names(
        names,
        {word: tuple(found) for word, found in by_word.items()},
        {initial: tuple(words) for initial, words in by_initial.items()},
        frozenset(generic | _KINDS | _FORMS_OF_STATE),
    )


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is beyond ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char != other)))  # fmt: skip
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _contracts(short: str, word: str) -> bool:
    """Whether ``short`` begins ``word`` or is a contraction of it (same first letter, the
    rest in order: "isds" -> "islands", "st" -> "saint")."""
    if word.startswith(short):
        return True
    if len(short) < 2 or short[0] != word[0] or short[-1] != word[-1]:
        return False
    rest = iter(word[1:])
    return all(char in rest for char in short[1:])


def _word_cost(word: _Word, name_word: str) -> int | None:
    if word.capitals:  # "KBS", "NATO", "MAN": an acronym, read only by its initials
        return None
    if word.text == name_word:
        return 0
    if (word.abbreviated or len(word.text) <= 4) and _contracts(word.text, name_word):
        return 1
    size = min(len(word.text), len(name_word))
    limit = 2 if size >= 6 else 1 if size >= 4 else 0
    if limit:
        distance = _distance(word.text, name_word, limit)
        if distance <= limit:
            return 2 * distance
    return None


def _initials(name: _Name, start: int, acronym: str) -> int:
    """How many of the name's words from ``start`` spell ``acronym`` by their initials (a word
    in capitals counts whole), or 0."""
    at, index = 0, start
    while at < len(acronym) and index < len(name.words):
        word = name.words[index]
        piece = word if name.capitals[index] else word[0]
        if acronym.startswith(piece, at):
            at += len(piece)
        elif not name.stop[index] or index == start:
            return 0
        index += 1
    return index - start if at == len(acronym) else 0


def _acronym_starts(name: _Name, used: list[bool]) -> Iterable[int]:
    """Where an acronym may start in a name: where every word before is "the", "of" or "and",
    or matched by another word of the text ("TFYR", "HKSAR", "Lao PDR"). An acronym spelling
    words from the middle of a name is another body's: "KGB" is not the United Kingdom of
    Great Britain and Northern Ireland."""
    for index in range(len(name.words)):
        yield index
        if not (name.stop[index] or used[index]):
            return


def _cost(words: list[_Word], name: _Name, generic: frozenset[str]) -> int | None:
    used = [False] * len(name.words)
    cost = 0
    distinctive = False
    # acronyms last, so that the words they follow are matched first ("Lao PDR")
    for word in sorted(words, key=lambda w: w.capitals):
        best: tuple[int, list[int]] | None = None
        if word.capitals and len(word.text) >= 2 and name.english:
            for start in _acronym_starts(name, used):
                size = _initials(name, start, word.text)
                run = list(range(start, start + size))
                if size >= 2 and not any(used[i] for i in run):
                    best = (0, run)  # distinctive below only if it spells a word not generic
                    break
        for index, name_word in enumerate(name.words):
            if used[index] or name.stop[index] or (best is not None and best[0] == 0):
                continue
            found = _word_cost(word, name_word)
            if found is not None and (best is None or found < best[0]):
                best = (found, [index])
        if best is None:
            if word.text not in _KINDS:
                return None
            cost += 3
            continue
        cost += best[0]
        for index in best[1]:
            used[index] = True
        distinctive = distinctive or (
            best[0] != 1  # an abbreviation ("Dem.") never makes a match alone
            and word.text not in generic
            and any(name.words[i] not in generic for i in best[1])
        )
    if not distinctive:
        return None
    skipped = sum(1 for index, done in enumerate(used) if not done and not name.stop[index])
    if len(words) == 1 and words[0].capitals and (len(words[0].text) < 3 or skipped > 1):
        return None  # an acronym alone spells (nearly) a whole name: not "DC", "END", "HIM"
    return cost + 2 * skipped


def _candidates(text: str) -> list[list[_Word]]:
    text = repair(unicodedata.normalize("NFC", text))
    text = _EXCLUDING.sub("", text)
    text = text.replace("/", " and ").replace("&", " and ").replace(":", " ")
    variants = [text]
    outer = re.sub(r"\s*\(.*?\)\s*", " ", text).strip()
    if outer != text and outer:
        variants.append(outer)
    return [w for w in (_words(v) for v in variants) if w]


def _shortlist(words: list[_Word], names: Names) -> Iterable[_Name]:
    """The names that may match: those holding one of the text's full words, or a word a
    letter or two away from one; every name when the text has only abbreviations."""
    found: set[int] = set()
    full = [w.text for w in words if not (w.abbreviated or w.capitals or len(w.text) <= 4)]
    for word in full:
        if word in _KINDS:
            continue
        found.update(names.by_word.get(word, ()))
        limit = 2 if len(word) >= 6 else 1
        for other in names.by_initial.get(word[0], ()):
            if abs(len(other) - len(word)) <= limit and _distance(word, other, limit) <= limit:
                found.update(names.by_word[other])
    if not full or all(w in _KINDS for w in full):
        return names.names
    return (names.names[index] for index in sorted(found))


def match_country(text: str, names: Names) -> str | None:
    """The code of the one country ``text`` names by the module's rules, or None."""
    if len(text) > MAX_CHARS:
        return None
    for words in _candidates(text):
        scores: dict[str, int] = {}
        for name in _shortlist(words, names):
            cost = _cost(words, name, names.generic)
            if cost is not None and cost < scores.get(name.code, 1 << 30):
                scores[name.code] = cost
        if not scores:
            continue
        ranked = sorted(scores.items(), key=lambda item: item[1])
        if len(ranked) == 1 or ranked[0][1] < ranked[1][1]:
            return ranked[0][0]
    return None
