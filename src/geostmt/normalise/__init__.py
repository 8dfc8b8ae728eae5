"""Text -> values: quantities, money and places from news text, exact and offline.

Each normaliser loads on first use, so reading quantities never loads the place tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geostmt._exports import lazy_getattr

if TYPE_CHECKING:
    from geostmt.normalise.money import MoneyMatch, find_money, parse_money
    from geostmt.normalise.places import PlaceMatch, find_places, parse_place
    from geostmt.normalise.quantities import QuantityMatch, find_quantities, parse_quantity

_WHERE = {
    "MoneyMatch": "money",
    "find_money": "money",
    "parse_money": "money",
    "PlaceMatch": "places",
    "find_places": "places",
    "parse_place": "places",
    "QuantityMatch": "quantities",
    "find_quantities": "quantities",
    "parse_quantity": "quantities",
}

__all__ = [
    "MoneyMatch",
    "PlaceMatch",
    "QuantityMatch",
    "find_money",
    "find_places",
    "find_quantities",
    "parse_money",
    "parse_place",
    "parse_quantity",
]


__getattr__ = lazy_getattr(__name__, _WHERE)
