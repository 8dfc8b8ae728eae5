"""Numbers that are never quantities, told by their neighbours: precision before recall.

A number that is part of a date ("24 February 2022", "2022-02-24"), a year ("in 2024"), a
time ("10:30", "5 pm"), a model or product name ("Su-34", "F-16", "COVID-19", "T-72"), an
ordinal ("34th", "3-й", "2e"), a phone number ("+1 202 555 0123") or an id ("No. 5",
"Resolution 2334") is not a quantity. Each rule looks at a few characters around the number
only, so checking is linear in the text.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "WINDOW",
    "YEAR_WORDS",
    "dated_or_named",
    "is_year_like",
    "looks_like_year",
    "part_of_something_else",
]

WINDOW = 40
"""How many characters on each side of a number the rules look at."""

YEAR_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("in", "since", "by", "until", "till", "before", "after", "during", "year", "early",
           "late", "mid", "circa", "c.", "the", "from"),
    "de": ("im", "in", "seit", "bis", "vor", "nach", "jahr", "jahre", "jahres", "anfang",
           "ende", "mitte", "von"),
    "fr": ("en", "depuis", "avant", "après", "année", "an", "fin", "début", "mi"),
    "es": ("en", "desde", "hasta", "antes", "después", "año", "finales", "principios",
           "mediados"),
    "ru": ("в", "во", "с", "со", "до", "после", "году", "года", "год", "от", "по"),
    "uk": ("у", "в", "з", "із", "до", "після", "році", "року", "рік", "від", "по"),
}  # fmt: skip
"""Words that make a following four-digit number a year ("in 2024", "seit 2014", "в 2022")."""

ID_WORDS = (
    "no.", "nr.", "n°", "nº", "núm.", "#", "№", "number", "resolution", "article", "flight",
    "route", "highway", "page", "chapter", "section", "paragraph", "room", "id", "code",
    "version", "level", "gate", "platform", "case", "file", "item", "serial", "unit", "line",
    "nummer", "resolution", "artikel", "seite", "numéro", "résolution", "vol", "número",
    "resolución", "artículo", "номер", "резолюция", "резолюція", "статья", "стаття",
    "рейс",
)  # fmt: skip
"""Words after which a number is an id ("Resolution 2334", "Flight 17", "№ 5")."""

_TIME_AFTER = re.compile(r"\s?(?:[ap]\.?m\b\.?|o'clock|uhr\b|h\d\d|gmt\b|utc\b|cet\b|msk\b)", re.I)
# a letter or digit right after, or one after a mark; after a hyphen only a Cyrillic ending
# ("3-й", "24-го") or a short Latin one ("1-st"): "12-Pfund-Tasse", "6.0-sigma" are measures
_GLUED_AFTER = re.compile(
    r"[^\W_]|[.:,'’][^\W_]|[-‐](?:\d|[а-яёіїєґ]|[^\W\d_]{1,3}(?![^\W\d_]))|/\d|\(|\^", re.I
)
_CLOCK = re.compile(r"\d{1,2}(?:[.:]\d\d)?\Z")
_GLUED_BEFORE = re.compile(r"[^\W\d_][-‐]?\Z|\d[-‐–/.:]\Z|[+#№^]\s?\Z|\(\d{1,5}\)\s?\Z")
_PHONE_BEFORE = re.compile(r"\+[\d\s().-]{0,20}\Z")
_PAREN_AFTER = re.compile(r"\)\s?\d")
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,?\Z")
_NEXT_WORD = re.compile(r"\.?\s?(?:(?:of|de)\s+)?([^\W\d_][\w]*)")
_ID_WORDS = frozenset(word.casefold() for word in ID_WORDS)


@functools.lru_cache(maxsize=16)
def _months(language: str) -> frozenset[str]:
    """Month names and abbreviations of ``language`` and English, from CLDR (babel), as
    written and capitalised, never lower-cased: "May" is a month, "may" a verb."""
    from babel import Locale

    names: set[str] = set()
    for code in {"en", language}:
        try:
            months = Locale.parse(code).months
        except Exception:  # a language babel does not know: English only
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for name in months[context][width].values():
                    bare = name.rstrip(".")
                    names.update({bare, bare.capitalize()})
    return frozenset(names)


def _is_date(before: list[str], after: str, language: str) -> bool:
    """A month name right before (with a day between) or right after the number."""
    months = _months(language)
    last = before[-1].rstrip(".,") if before else ""
    if last in months:
        return True  # "February 24", "February 2022", "im Februar 2022"
    if len(before) >= 2 and _DAY.match(before[-1]) and before[-2].rstrip(".,") in months:
        return True  # "February 24, 2022"
    if len(before) >= 2 and last in {"de", "del"} and before[-2].rstrip(".,") in months:
        return True  # "febrero de 2022"
    following = _NEXT_WORD.match(after)
    return following is not None and following.group(1).rstrip(".") in months


def part_of_something_else(
    text: str, start: int, end: int, language: str, *, number_end: int | None = None
) -> bool:
    """Whether the number written at ``text[start:end]`` belongs to a date, time, name,
    ordinal, phone number or id, rather than being a quantity.

    ``end`` is where the whole match ends (after its unit); ``number_end`` where the number
    itself does, for the dates and times that follow it ("5 tonnes de julio" is no date).
    """
    if _GLUED_AFTER.match(text, end) or _GLUED_BEFORE.search(text, max(0, start - 8), start):
        return True  # Su-34, COVID-19, 2022-02-24, 10:30, 34th, 3-й, 5G, #5
    if _PHONE_BEFORE.search(text, max(0, start - 24), start):
        return True
    if start and text[start - 1] == "(" and _PAREN_AFTER.match(text, end):
        return True
    if _TIME_AFTER.match(text, end) and _CLOCK.match(text, start, end):
        return True  # "5 pm", "10.30 am"; "2.123 pm" is picometres
    before = text[max(0, start - WINDOW) : start]
    unit_follows = number_end is not None and number_end < end  # then no month can
    after = "" if unit_follows else text[end : end + WINDOW]
    words = before.split()
    if words and words[-1].casefold() in _ID_WORDS:
        return True
    return _is_date(words[-3:], after, language)


def dated_or_named(text: str, start: int, end: int, language: str) -> bool:
    """Whether the number at ``text[start:end]`` is part of a date, a year after a year word,
    a name glued before it ("Su-34") or an id: the checks that apply to money too."""
    if _GLUED_BEFORE.search(text, max(0, start - 8), start):
        return True
    words = text[max(0, start - WINDOW) : start].split()
    if words and words[-1].casefold() in _ID_WORDS:
        return True
    if looks_like_year(text[start:end], text, start, language) == "year":
        return True
    return _is_date(words[-3:], text[end : end + WINDOW], language)


def is_year_like(digits: str) -> bool:
    """Whether ``digits`` is written like a year: four digits, no marks, 1000 to 2100."""
    return len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2100


def looks_like_year(digits: str, text: str, start: int, language: str) -> str:
    """``"year"`` if ``digits`` (at ``text[start:]``) is a bare 1000-2100 after a year word,
    ``"maybe"`` if it is a bare 1000-2100 elsewhere, ``""`` if it cannot be a year."""
    if not is_year_like(digits):
        return ""
    words = text[max(0, start - WINDOW) : start].split()
    last = words[-1].casefold().rstrip("-") if words else ""
    return "year" if last in _year_words(language) else "maybe"


@functools.lru_cache(maxsize=16)
def _year_words(language: str) -> frozenset[str]:
    return frozenset(YEAR_WORDS.get(language, YEAR_WORDS["en"]))
