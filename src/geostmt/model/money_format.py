"""``Money.format``: babel's currency formatting, made unambiguous so it parses back exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geostmt.locales import locale_id
from geostmt.model.enums import Qualifier
from geostmt.model.qualifier_words import written_qualifier
from geostmt.reference.currency_names import currency_for_symbol

if TYPE_CHECKING:
    from geostmt.model.values import Money

__all__ = ["format_money"]


def format_money(money: Money, locale: str) -> str:
    """See :meth:`geostmt.Money.format`."""
    from babel import Locale
    from babel.numbers import format_currency, get_currency_symbol

    parsed = Locale.parse(locale_id(locale))
    pattern = parsed.currency_formats["standard"].pattern
    symbol = get_currency_symbol(money.currency, parsed)
    if symbol != money.currency and currency_for_symbol(symbol, str(parsed)) != money.currency:
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
        text = f"{written_qualifier(parsed.language, money.qualifier)} {text}"
    return text
