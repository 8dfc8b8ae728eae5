"""Text -> values: quantities, money and places from news text, exact and offline."""

from geostmt.normalise.money import MoneyMatch, find_money, parse_money
from geostmt.normalise.places import PlaceMatch, find_places, parse_place
from geostmt.normalise.quantities import QuantityMatch, find_quantities, parse_quantity

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
