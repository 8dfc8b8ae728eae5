"""Text -> values: quantities from news text, exact and offline (money and places: to come)."""

from geostmt.normalise.quantities import QuantityMatch, find_quantities, parse_quantity

__all__ = ["QuantityMatch", "find_quantities", "parse_quantity"]
