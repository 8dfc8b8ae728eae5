"""Unit words as news text writes them, in six languages, and the pint unit each means.

Written after a number with a space, a hyphen or nothing between: "80 percent", "155mm",
"a 1,000-kilometre front line", "20 nautical miles". A word that could as well be an
ordinary word after a number ("in", "tons", which may be short or metric) is left out:
precision before recall.
"""

from __future__ import annotations

__all__ = ["UNITS"]

_PERCENT = (
    "percent|per cent|pct|%|prozent|pour cent|por ciento|процентов|процента|процент|"
    "відсотків|відсотка|відсоток"
)
_KILOMETER = (
    "km kilometres kilometers kilometre kilometer kilometern kilomètres kilomètre kilómetros "
    "kilómetro км километров километра километр кілометрів кілометра кілометр"
)
_METER = "m metres meters metre meter metern mètres mètre metros metro метров метра метрів"
_SQUARE_KM = (
    "square kilometres|square kilometers|square kilometre|square kilometer|sq km|sq. km|km2|"
    "km²|quadratkilometer|quadratkilometern|kilomètres carrés|kilómetros cuadrados|кв. км|"
    "кв км|км²|квадратных километров|квадратних кілометрів"
)
_NAUTICAL = (
    "nautical miles|nautical mile|nmi|seemeilen|seemeile|milles nautiques|mille nautique|"
    "millas náuticas|milla náutica|морских миль|морские мили|морських миль|морські милі"
)

_CUBIC_METER = (
    "cubic metres|cubic meters|cubic metre|cubic meter|m³|kubikmeter|kubikmetern|"
    "mètres cubes|mètre cube|metros cúbicos|metro cúbico|кубометров|кубометра|кубометр|"
    "кубических метров|кубометрів|кубічних метрів"
)
_DATA = (
    "bit", "byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte", "exabyte",
    "kibibyte", "mebibyte", "gibibyte", "tebibyte",
)  # fmt: skip

UNITS: dict[str, str] = {
    **dict.fromkeys(_PERCENT.split("|"), "percent"),
    **dict.fromkeys(_KILOMETER.split(), "kilometer"),
    **dict.fromkeys(_METER.split(), "meter"),
    **dict.fromkeys(_SQUARE_KM.split("|"), "kilometer ** 2"),
    **dict.fromkeys(_NAUTICAL.split("|"), "nautical_mile"),
    **dict.fromkeys(["square miles", "square mile", "sq mi", "sq. mi"], "mile ** 2"),
    **dict.fromkeys(
        ["mm", "millimetres", "millimeters", "millimetre", "millimeter", "мм"], "millimeter"
    ),
    **dict.fromkeys(
        ["cm", "centimetres", "centimeters", "centimetre", "centimeter", "см"], "centimeter"
    ),
    **dict.fromkeys(["miles", "mile"], "mile"),
    **dict.fromkeys(
        [
            "hectares",
            "hectare",
            "ha",
            "hektar",
            "hectáreas",
            "hectárea",
            "гектаров",
            "гектара",
            "гектар",
            "га",
            "гектарів",
        ],
        "hectare",
    ),
    **dict.fromkeys(
        [
            "tonnes",
            "tonne",
            "t",
            "tonnen",
            "toneladas",
            "tonelada",
            "тонн",
            "тонны",
            "тонна",
            "тонни",
        ],
        "metric_ton",
    ),
    **dict.fromkeys(
        ["kg", "kilograms", "kilogram", "kilogramm", "kilogrammes", "kilogramos", "кг"], "kilogram"
    ),
    **dict.fromkeys(["mg", "milligrams", "milligram"], "milligram"),
    **dict.fromkeys(["barrels", "barrel"], "barrel"),
    **dict.fromkeys(["lbs", "lb"], "pound"),
    **dict.fromkeys(["oz", "ounces", "ounce", "onzas", "onza", "onces", "unzen"], "ounce"),
    **dict.fromkeys(["ml", "millilitres", "milliliters", "millilitre", "milliliter"], "milliliter"),
    **dict.fromkeys(["litres", "liters", "litre", "liter", "l"], "liter"),
    **dict.fromkeys(["gallons", "gallon"], "gallon"),
    **dict.fromkeys(["inches", "inch"], "inch"),
    **dict.fromkeys(["feet", "foot", "ft"], "foot"),
    **dict.fromkeys(["km/h", "kph"], "kilometer / hour"),
    **dict.fromkeys(["mph"], "mile / hour"),
    **dict.fromkeys(["mw", "megawatts", "megawatt"], "megawatt"),
    **dict.fromkeys(["gw", "gigawatts", "gigawatt"], "gigawatt"),
    **dict.fromkeys(["°c", "degrees celsius", "degree celsius"], "degree_Celsius"),
    **dict.fromkeys(["rad", "radians", "radian"], "radian"),
    **dict.fromkeys(["years", "year"], "year"),
    **dict.fromkeys(["months", "month"], "month"),
    **dict.fromkeys(["weeks", "week"], "week"),
    **dict.fromkeys(["days", "day"], "day"),
    **dict.fromkeys(["hours", "hour"], "hour"),
    **dict.fromkeys(_CUBIC_METER.split("|"), "meter ** 3"),
    **dict.fromkeys(
        ["cubic kilometres", "cubic kilometers", "cubic kilometre", "cubic kilometer", "km³"],
        "kilometer ** 3",
    ),
    **dict.fromkeys(["cubic feet", "cubic foot"], "foot ** 3"),
    # amounts of data, by their full names only ("GB" is as often Great Britain)
    **{word: name for name in _DATA for word in (name, f"{name}s")},
}
"""Unit words (lower case) and the pint unit each means."""
