"""The words that qualify a number, per language: read by the normalisers, written by
``Money.format``. One table, so what geostmt writes it can always read back; the first word
of each qualifier is the one it writes."""

from __future__ import annotations

import functools

from geostmt.model.enums import Qualifier

__all__ = ["QUALIFIER_WORDS", "qualifier_of_word", "written_qualifier"]

_A = Qualifier.APPROXIMATELY
QUALIFIER_WORDS: dict[str, dict[Qualifier, tuple[str, ...]]] = {
    "en": {
        _A: ("about", "around", "some", "roughly", "approximately", "an estimated", "nearly",
             "almost", "approx."),
        Qualifier.AT_LEAST: ("at least", "no fewer than", "no less than"),
        Qualifier.MORE_THAN: ("more than", "over", "upwards of", "above"),
        Qualifier.AT_MOST: ("up to", "as many as", "at most"),
        Qualifier.LESS_THAN: ("less than", "fewer than", "under", "below"),
    },
    "de": {
        _A: ("etwa", "rund", "ungefähr", "circa", "ca.", "knapp", "fast"),
        Qualifier.AT_LEAST: ("mindestens",),
        Qualifier.MORE_THAN: ("mehr als", "über"),
        Qualifier.AT_MOST: ("bis zu", "höchstens"),
        Qualifier.LESS_THAN: ("weniger als", "unter"),
    },
    "fr": {
        _A: ("environ", "près de", "presque", "quelque"),
        Qualifier.AT_LEAST: ("au moins",),
        Qualifier.MORE_THAN: ("plus de", "supérieur à"),
        Qualifier.AT_MOST: ("jusqu'à", "au plus"),
        Qualifier.LESS_THAN: ("moins de", "inférieur à"),
    },
    "es": {
        _A: ("aproximadamente", "alrededor de", "unos", "unas", "cerca de", "casi"),
        Qualifier.AT_LEAST: ("al menos", "por lo menos"),
        Qualifier.MORE_THAN: ("más de", "más alto que", "más alta que"),
        Qualifier.AT_MOST: ("hasta",),
        Qualifier.LESS_THAN: ("menos de", "más bajo que", "más baja que"),
    },
    "ru": {
        _A: ("около", "примерно", "почти", "приблизительно"),
        Qualifier.AT_LEAST: ("не менее", "как минимум"),
        Qualifier.MORE_THAN: ("более", "больше"),
        Qualifier.AT_MOST: ("до",),
        Qualifier.LESS_THAN: ("менее", "меньше"),
    },
    "uk": {
        _A: ("близько", "приблизно", "майже"),
        Qualifier.AT_LEAST: ("щонайменше", "не менше"),
        Qualifier.MORE_THAN: ("понад", "більше"),
        Qualifier.AT_MOST: ("до",),
        Qualifier.LESS_THAN: ("менше",),
    },
}  # fmt: skip
"""Per language, each qualifier's words, the written one first; a new language is an entry."""


@functools.cache
def qualifier_of_word(language: str) -> dict[str, Qualifier]:
    """Each word of ``language`` (English if it has no table) and the qualifier it means."""
    table = QUALIFIER_WORDS.get(language, QUALIFIER_WORDS["en"])
    return {word: qualifier for qualifier, words in table.items() for word in words}


def written_qualifier(language: str, qualifier: Qualifier) -> str:
    """The word geostmt writes for ``qualifier`` in ``language`` (English if it has no table)."""
    return QUALIFIER_WORDS.get(language, QUALIFIER_WORDS["en"])[qualifier][0]
