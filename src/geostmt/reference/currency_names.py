"""Which currency a symbol, ISO code or name means, offline, from CLDR (babel) plus newsroom forms.

Ambiguous symbols are resolved by documented rules, in order:

1. an explicit form wins: ``US$``, ``C$``, ``A$``, ``CN¥``, ``JP¥``, ``HK$``...;
2. the locale's own CLDR symbol, where it names one currency (``¥`` is CNY in ``zh``);
3. the currency of the locale's territory (``$`` is CAD in ``en_CA``, AUD in ``en_AU``);
4. the most common reading: ``$`` USD, ``¥`` JPY, ``£`` GBP, ``kr`` SEK, ``Fr.`` CHF.
"""

from __future__ import annotations

import functools

from geostmt.reference._lazy import Lazy
from geostmt.reference._text import fold

__all__ = [
    "AMBIGUOUS",
    "EXPLICIT",
    "LANGUAGES",
    "NEWSROOM_NAMES",
    "currency_for_name",
    "currency_for_symbol",
    "symbols",
]

EXPLICIT: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "A$": "AUD",
    "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL",
    "MX$": "MXN", "CN¥": "CNY", "RMB": "CNY", "JP¥": "JPY", "￥": "JPY", "元": "CNY",
    "€": "EUR", "₩": "KRW", "₴": "UAH", "₹": "INR", "₽": "RUB", "zł": "PLN", "₺": "TRY",
    "₪": "ILS", "฿": "THB", "₫": "VND", "₦": "NGN", "₱": "PHP", "₸": "KZT", "₾": "GEL",
    "руб.": "RUB", "руб": "RUB", "грн.": "UAH", "грн": "UAH", "Kč": "CZK", "Ft": "HUF",
    "lei": "RON", "$US": "USD", "$CA": "CAD", "$AU": "AUD", "RM": "MYR", "Rp": "IDR",
    "Rp.": "IDR", "TL": "TRY", "đ": "VND", "₨": "INR", "р.": "RUB", "Br": "BYN",
    "лв": "BGN", "лв.": "BGN", "원": "KRW", "円": "JPY",
}  # fmt: skip
"""Symbols and abbreviations that name one currency wherever they appear."""

AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "$": ("USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "ARS", "CLP", "COP", "TWD"),
    "¥": ("JPY", "CNY"),
    "£": ("GBP", "EGP", "GIP", "FKP", "SHP"),
    "kr": ("SEK", "NOK", "DKK", "ISK"),
    "kr.": ("DKK", "ISK"),
    "Fr.": ("CHF",),
    "Fr": ("CHF",),
    "Rs": ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"),
    "Rs.": ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"),
}
"""Symbols several currencies use, each with its candidates, the most common reading first."""

NEWSROOM_NAMES: dict[str, str] = {
    "dollar": "$", "dollars": "$", "us dollars": "USD", "us dollar": "USD", "euro": "EUR",
    "euros": "EUR", "pound": "£", "pounds": "£", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "hryvnia": "UAH",
    "hryvnias": "UAH", "hryvnas": "UAH", "hryvnya": "UAH", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rupee": "INR", "rupees": "INR", "zloty": "PLN",
    "zlotys": "PLN", "złoty": "PLN", "lira": "TRY", "shekels": "ILS", "shekel": "ILS",
    "us-dollar": "USD", "dollar américain": "USD", "dollars américains": "USD",
    "gryvnia": "UAH", "rublos": "RUB", "dólares": "$", "dólar": "$", "рублей": "RUB",
    "рубля": "RUB", "рубль": "RUB", "долларов": "USD", "доларів": "USD", "гривень": "UAH",
    "гривні": "UAH", "гривня": "UAH", "евро": "EUR", "євро": "EUR", "dolares": "$",
    "yens": "JPY", "yenes": "JPY",
}  # fmt: skip
"""Names as newsrooms write them; a value that is a symbol resolves like that symbol."""

LANGUAGES = ("en", "de", "fr", "es", "ru", "uk", "it", "pl", "pt")
"""Languages whose CLDR currency names are read."""

_DEFAULT_TERRITORY = {"en": "US"}


@functools.lru_cache(maxsize=32)
def symbols(locale: str) -> dict[str, tuple[str, ...]]:
    """Symbol -> currencies whose CLDR symbol it is in ``locale`` (codes themselves left out)."""
    from babel import Locale

    table: dict[str, list[str]] = {}
    for code, symbol in Locale.parse(locale).currency_symbols.items():
        if symbol != code:
            table.setdefault(symbol, []).append(code)
    return {symbol: tuple(sorted(codes)) for symbol, codes in table.items()}


@functools.lru_cache(maxsize=32)
def _territory_currency(locale: str) -> str | None:
    from babel.core import Locale, get_global
    from babel.numbers import get_territory_currencies

    parsed = Locale.parse(locale)
    territory = parsed.territory
    if territory is None:
        likely = get_global("likely_subtags").get(parsed.language, "")
        territory = likely.split("_")[-1] if likely else None
    if not territory:
        return None
    found = get_territory_currencies(territory)
    return found[0] if found else None


def currency_for_symbol(symbol: str, locale: str) -> str | None:
    """The ISO 4217 code ``symbol`` means in ``locale`` by the module's rules, or None."""
    if symbol in EXPLICIT:
        return EXPLICIT[symbol]
    local = symbols(locale).get(symbol, ())
    if len(local) == 1:
        return local[0]
    candidates = local or AMBIGUOUS.get(symbol, ())
    if not candidates:
        return None
    territorial = _territory_currency(locale)
    if territorial in candidates:
        return territorial
    return AMBIGUOUS[symbol][0] if symbol in AMBIGUOUS else candidates[0]


def _load_names() -> dict[str, str]:
    from babel import Locale

    table: dict[str, str] = {}
    for language in LANGUAGES:
        data = Locale.parse(language)
        plurals = data._data.get("currency_names_plural", {})
        for code, name in data.currencies.items():
            forms = [name, *dict(plurals.get(code, {})).values()]
            for form in forms:
                table.setdefault(fold(form), code)
    for name, target in NEWSROOM_NAMES.items():
        table[fold(name)] = target
    return table


_NAMES: Lazy[dict[str, str]] = Lazy(_load_names)
_LONGEST: Lazy[int] = Lazy(lambda: max(len(name.split()) for name in _NAMES.get()))


def _names() -> dict[str, str]:
    return _NAMES.get()


def longest_name() -> int:
    """The most words any known currency name has."""
    return _LONGEST.get()


def currency_for_name(words: str, locale: str) -> str | None:
    """The code a currency name means (``"US dollars"``, ``"Euro"``, ``"hryvnias"``), or None."""
    target = _names().get(fold(words))
    if target is None:
        return None
    if len(target) == 3 and target.isupper() and target.isalpha():
        return target
    return currency_for_symbol(target, locale)
