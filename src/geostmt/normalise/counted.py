"""What a count counts: the noun phrase after a number, stopping where the clause goes on.

"500 troops to Poland" counts "troops"; "around 10,000 North Korean soldiers have been
deployed" counts "North Korean soldiers" (English stops at a clause word, at most five words).
Russian and Ukrainian stop at a preposition or conjunction, at a verb form (past tense
"-ли", "-ла", infinitive "-ть", reflexive "-ся", present "-ют", "-ят", "-ет"), and after the
head noun: adjective forms ("-ых", "-их", "-ого"...) run on to the first word that is not one,
so "10 тысяч северокорейских военных прибыли в Курскую область" counts "северокорейских
военных". Reading looks only at the words after the number, so it is linear in the text.
"""

from __future__ import annotations

import re

__all__ = ["STOP_WORDS", "counted"]

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset((
        "have", "has", "had", "are", "were", "is", "was", "be", "been", "will", "would", "in",
        "to", "for", "at", "on", "with", "and", "or", "that", "which", "who", "from", "by",
        "as", "than", "into", "since", "after", "before", "but", "if", "against", "near",
        "across", "along", "inside", "outside", "through", "per", "via", "of", "during",
        "until", "while", "when", "where", "there", "here", "said", "says"
    )),
    "de": frozenset((
        "haben", "hat", "hatten", "sind", "waren", "ist", "war", "wird", "werden", "wurden",
        "in", "im", "nach", "zu", "zum", "zur", "für", "auf", "an", "am", "mit", "und", "oder",
        "dass", "die", "der", "das", "den", "dem", "des", "bei", "aus", "von", "vom", "über",
        "unter", "gegen", "seit", "als", "wie"
    )),
    "fr": frozenset((
        "ont", "a", "avaient", "sont", "étaient", "est", "était", "sera", "seront", "été", "à",
        "au", "aux", "en", "dans", "pour", "par", "avec", "et", "ou", "qui", "que", "le", "la",
        "les", "l'", "sur", "sous", "contre", "depuis", "vers", "selon"
    )),
    "es": frozenset((
        "han", "ha", "habían", "son", "eran", "es", "era", "será", "serán", "sido", "en", "a",
        "al", "para", "por", "con", "y", "o", "que", "el", "la", "los", "las", "sobre",
        "contra", "desde", "hacia", "según"
    )),
    "ru": frozenset((
        "в", "во", "на", "из", "с", "со", "к", "ко", "по", "у", "за", "под", "над", "от", "до",
        "для", "и", "или", "что", "которые", "который", "а", "но", "не", "это", "как", "при",
        "о", "об", "около", "через", "были", "был", "была", "было", "будут"
    )),
    "uk": frozenset((
        "в", "у", "на", "з", "із", "зі", "до", "від", "для", "та", "і", "й", "або", "що", "які",
        "який", "а", "але", "не", "це", "як", "при", "о", "об", "біля", "через", "були", "був",
        "була", "було", "будуть"
    )),
}  # fmt: skip
"""Words that end what is counted, per language (English for others)."""

_LEADING = {"fr": ("de", "d'", "d’", "des"), "es": ("de",)}
_SLAVIC = frozenset({"ru", "uk"})
_VERB = re.compile(r"(?:ли|лись|лася|лося|ла|ло|ть|ться|тись|ся|ют|ят|ет|ит|ут|ує|ють)\Z")
_ADJECTIVE = re.compile(r"(?:ых|их|іх|ой|ый|ий|ій|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ими|ыми)\Z")
_WORD = re.compile(r"[ \u00a0]*([^\W\d_][\w'\u2019-]*)")
_MAX_WORDS = 5


REACH = 100
"""How many characters after the number the counted noun phrase may reach."""


def counted(text: str, position: int, language: str, *, skip_of: bool = False) -> str | None:
    """The noun phrase counted by the number that ends at ``position``, or None.

    ``skip_of``: the number is a share or a vague amount, whose noun follows "of" ("80
    percent of these troops", "dozens of drones"). The phrase ends within :data:`REACH`
    characters.
    """
    text = text[position : position + REACH]
    position = 0
    stop = STOP_WORDS.get(language, STOP_WORDS["en"])
    slavic = language in _SLAVIC
    words: list[str] = []
    cursor = position
    leading = _LEADING.get(language, ())
    if skip_of and language not in _LEADING:
        leading = ("of",)
    match = _WORD.match(text, cursor)
    if match is not None and match.group(1).casefold() in leading:  # "milliers de soldats"
        cursor = match.end()
    elif leading and text.startswith((" d'", " d’"), cursor):
        cursor += 3
    while len(words) < _MAX_WORDS:
        match = _WORD.match(text, cursor)
        if match is None:
            break
        word = match.group(1)
        folded = word.casefold()
        if folded in stop or (slavic and _VERB.search(folded) and words):
            break
        if not slavic and folded.endswith("ed") and words and _ends_clause(text, match.end(), stop):
            break  # "500 troops arrived in Poland"
        words.append(word)
        cursor = match.end()
        if slavic and not _ADJECTIVE.search(folded):
            break  # the head noun ends the phrase
        if cursor >= len(text) or text[cursor] not in " \u00a0":
            break
    return " ".join(words) or None


def _ends_clause(text: str, position: int, stop: frozenset[str]) -> bool:
    following = _WORD.match(text, position)
    return following is None or following.group(1).casefold() in stop
