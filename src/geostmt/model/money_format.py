"""``Money.format``: babel's currency formatting, made unambiguous so it parses back exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geostmt.model.enums import Qualifier
from geostmt.reference.currency_names import currency_for_symbol

if TYPE_CHECKING:
    from geostmt.model.values import Money

__all__ = ["QUALIFIER_WORDS", "format_money"]

QUALIFIER_WORDS: dict[str, dict[Qualifier, str]] = {
    "en": {Qualifier.APPROXIMATELY: "about", Qualifier.AT_LEAST: "at least",
           Qualifier.MORE_THAN: "more than", Qualifier.AT_MOST: "up to",
           Qualifier.LESS_THAN: "less than"},
    "de": {Qualifier.APPROXIMATELY: "etwa", Qualifier.AT_LEAST: "mindestens",
           Qualifier.MORE_THAN: "mehr als", Qualifier.AT_MOST: "bis zu",
           Qualifier.LESS_THAN: "weniger als"},
    "fr": {Qualifier.APPROXIMATELY: "environ", Qualifier.AT_LEAST: "au moins",
           Qualifier.MORE_THAN: "plus de", Qualifier.AT_MOST: "jusqu'à",
           Qualifier.LESS_THAN: "moins de"},
    "es": {Qualifier.APPROXIMATELY: "aproximadamente", Qualifier.AT_LEAST: "al menos",
           Qualifier.MORE_THAN: "más de", Qualifier.AT_MOST: "hasta",
           Qualifier.LESS_THAN: "menos de"},
    "ru": {Qualifier.APPROXIMATELY: "около", Qualifier.AT_LEAST: "не менее",
           Qualifier.MORE_THAN: "более", Qualifier.AT_MOST: "до", Qualifier.LESS_THAN: "менее"},
    "uk": {Qualifier.APPROXIMATELY: "близько", Qualifier.AT_LEAST: "щонайменше",
           Qualifier.MORE_THAN: "понад", Qualifier.AT_MOST: "до", Qualifier.LESS_THAN: "менше"},
}  # fmt: skip
"""The word written before an amount for each qualifier, per language."""


def format_money(money: Money, locale: str) -> str:
    """See :meth:`geostmt.Money.format`."""
    from babel import Locale
    from babel.numbers import format_currency, get_currency_symbol

    parsed = Locale.parse(locale)
    pattern = parsed.currency_formats["standard"].pattern
    symbol = get_currency_symbol(money.currency, locale)
    if symbol != money.currency and currency_for_symbol(symbol, locale) != money.currency:
        pattern = pattern.replace("¤", "¤¤")
    text: str = format_currency(
        money.amount,
        money.currency,
        format=pattern,
        locale=parsed,
        currency_digits=False,
        decimal_quantization=False,
    )
    if money.qualifier is not Qualifier.EXACT:
        words = QUALIFIER_WORDS.get(parsed.language, QUALIFIER_WORDS["en"])
        text = f"{words[money.qualifier]} {text}"
    return text
