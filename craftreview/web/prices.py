"""Price bands in the site's currency (the CURRENCY setting), for templates and form choices alike."""
from __future__ import annotations

from flask import current_app
from wtforms import SelectChoice

from ..models import PRICE_BANDS

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$"}


def price_label(key: str | None, code: str) -> str:
    """'300-1000' in USD -> '$300–1,000'; 'under25' -> 'Under $25'; unknown symbols put the code after."""
    if not key:
        return ""
    label = PRICE_BANDS.get(key, key)
    symbol = CURRENCY_SYMBOLS.get(code)
    if symbol is None:
        return f"{label} {code}"
    words, _sep, amount = label.rpartition(" ")
    return f"{words} {symbol}{amount}" if words else f"{symbol}{label}"


def price_band(key: str | None) -> str:
    """A price band with the current app's currency (the `price_band` template filter)."""
    return price_label(key, current_app.config.get("CURRENCY", "USD"))


def price_choices(blank: str | None = None):
    """Form choices for the price bands, labelled when the form is built (so the currency setting applies)."""

    def choices() -> list[SelectChoice]:
        items = [SelectChoice(value=key, label=price_band(key)) for key in PRICE_BANDS]
        return ([SelectChoice(value="", label=blank)] + items) if blank is not None else items

    return choices
