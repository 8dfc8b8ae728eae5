"""``Money.format``: babel's currency formatting, made unambiguous so it parses back exactly."""

from __future__ import annotations

import decimal
from typing import TYPE_CHECKING

from geostmt.errors import ValidationError, written
from geostmt.locales import locale_id
from geostmt.model.enums import Qualifier
from geostmt.model.qualifier_words import written_qualifier
from geostmt.reference.currency_names import currency_for_symbol

if TYPE_CHECKING:
    from geostmt.model.values import Money

__all__ = ["MAX_DIGITS", "format_money"]

MAX_DIGITS = 1000
"""The most digits :meth:`~geostmt.Money.format` writes; a larger amount (``1E+999999999``) is
a ValidationError, not a gigabyte of text."""


def format_money(money: Money, locale: str) -> str:
    """See :meth:`geostmt.Money.format`."""
    from babel import Locale
    from babel.numbers import format_currency, get_currency_symbol

    amount = money.amount
    width = max(amount.adjusted() + 1, 1) - min(amount.as_tuple().exponent, 0)  # type: ignore[operator]
    if width > MAX_DIGITS:
        raise ValidationError.single(
            "amount",
            f"{written(amount)} has {width:,} digits; Money.format writes at most {MAX_DIGITS:,}",
        )
    parsed = Locale.parse(locale_id(locale))
    pattern = parsed.currency_formats["standard"].pattern
    symbol = get_currency_symbol(money.currency, parsed)
    if symbol != money.currency and currency_for_symbol(symbol, str(parsed)) != money.currency:
        pattern = pattern.replace("¤", "¤¤")
    with decimal.localcontext() as context:
        context.prec = max(context.prec, width + 2)  # babel works in the context: every digit kept
        text: str = format_currency(
            amount,
            money.currency,
            format=pattern,
            locale=parsed,
            currency_digits=False,
            decimal_quantization=False,
        )
    if money.qualifier is not Qualifier.EXACT:
        text = f"{written_qualifier(parsed.language, money.qualifier)} {text}"
    return text
