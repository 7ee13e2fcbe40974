"""Jinja filters and globals: user text goes through craftreview.text only."""
from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

from flask import Flask, request, url_for

from .. import permissions
from ..models import CRAFTS, FLAG_REASONS, HIDE_REASONS, ORDER_TYPES, PRICE_BANDS, as_utc
from ..text import render_inline, render_user_text
from . import score_words
from .audit_words import audit_action, audit_reason
from .forms import STAR_WORDS
from .listing import listing_url
from .prices import price_band

TIER_WORDS = {
    "master": "Master", "skilled": "Skilled", "developing": "Developing",
    "novice": "Novice", "unproven": "Unproven",
}
# The listing's tier filter: the cards name an unproven maker's reason ("Too few reviews yet", "Mixed evidence"), and
# the filter that gathers both says what they share.
TIER_FILTER_WORDS = TIER_WORDS | {"unproven": "No tier yet (too few reviews or mixed evidence)"}


def init_app(app: Flask) -> None:
    """Register filters and template globals."""
    app.add_template_filter(render_user_text, "user_text")
    app.add_template_filter(render_inline, "user_inline")
    app.add_template_filter(format_date, "date")
    app.add_template_filter(stars, "stars")
    app.add_template_filter(percent, "percent")
    app.add_template_global(page_url, "page_url")
    app.add_template_global(form_action, "form_action")
    app.add_template_global(error_ids, "error_ids")
    app.add_template_filter(price_band, "price_band")
    app.add_template_filter(lateness, "lateness")
    app.add_template_filter(thousands, "thousands")
    app.add_template_filter(has_long_word, "has_long_word")
    app.add_template_global(listing_url, "listing_url")
    app.add_template_global(bar_position, "bar_position")
    app.add_template_global(audit_action, "audit_action")
    app.add_template_global(audit_reason, "audit_reason")
    for name in ("can_vote", "can_flag", "can_edit_review", "can_reply", "owns_maker", "maker_has_left", "MAKER_LEFT"):
        app.add_template_global(getattr(permissions, name), name)
    score_words.init_app(app)
    app.jinja_env.globals.update(
        CRAFTS=CRAFTS, FLAG_REASONS=FLAG_REASONS, HIDE_REASONS=HIDE_REASONS,
        ORDER_TYPES=ORDER_TYPES, PRICE_BANDS=PRICE_BANDS, TIER_WORDS=TIER_WORDS, TIER_FILTER_WORDS=TIER_FILTER_WORDS,
        STAR_WORDS=STAR_WORDS)


def error_ids(field) -> list[str]:
    """The ids of a form field's error lines (`_macros.error_lines`), for the aria-describedby of its control or
    group: a screen reader reads why it was refused."""
    return [f"{field.id}-error-{n}" for n in range(1, len(field.errors) + 1)]


def format_date(value: date | datetime | None, with_time: bool = False) -> str:
    """'12 Mar 2026' (UTC)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = as_utc(value)
        return value.strftime("%d %b %Y, %H:%M UTC" if with_time else "%d %b %Y").lstrip("0")
    return value.strftime("%d %b %Y").lstrip("0")


def stars(value: float | int | None) -> str:
    """A star string for a 1–5 rating, e.g. ★★★★☆."""
    if value is None:
        return ""
    full = max(0, min(5, round(float(value))))
    return "★" * full + "☆" * (5 - full)


def percent(value: float | None) -> str:
    """0.923 -> '92%'; a share short of all never reads '100%' (249 of 250: '>99%'), nor one above none '0%' ('<1%')."""
    if value is None:
        return "—"
    figure = round(value * 100)
    if figure == 100 and value < 1:
        return ">99%"
    if figure == 0 and value > 0:
        return "<1%"
    return f"{figure}%"


# About 6.5em of bold text: a longer word cannot fit a compare column's name and is broken inside anyway.
LONG_WORD = 10


def has_long_word(text: str | None, limit: int = LONG_WORD) -> bool:
    """Whether a word of `text` is longer than `limit` characters (a name that has to break inside a word)."""
    return any(len(word) > limit for word in (text or "").split())


def bar_position(value: float) -> float:
    """Position of a 1–5 rating on a 0–100% bar."""
    return round(max(0.0, min(100.0, (value - 1.0) / 4.0 * 100.0)), 1)


def form_action() -> str:
    """Where a form posts back to: this page's path and query, never a #fragment. A form with no action posts to the
    address bar, fragment and all (after a click on its error summary's link, say); the refused page then opens at
    that fragment, and browsers skip autofocus there, so the next error summary would not take the focus."""
    query = request.query_string.decode("latin-1")
    return f"{request.path}?{query}" if query else request.path


def page_url(page: int, anchor: str | None = None) -> str:
    """The current URL with another page number, keeping every other query argument (and landing on `anchor`)."""
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    # The query string is encoded here, never passed to url_for: argument names such as
    # `endpoint`, `_anchor` or a route's own `slug` are url_for's parameters, not query values.
    fragment = f"#{anchor}" if anchor else ""
    return f"{url_for(request.endpoint, **(request.view_args or {}))}?{urlencode(args, doseq=True)}{fragment}"


def lateness(promised: date | None, delivered: date | None) -> str:
    """How a delivery compares with its promise: 'on time', '1 day late', '3 days early' ('' if unknown)."""
    if promised is None or delivered is None:
        return ""
    days = (delivered - promised).days
    if days == 0:
        return "on time"
    unit = "day" if abs(days) == 1 else "days"
    return f"{abs(days)} {unit} {'late' if days > 0 else 'early'}"


def thousands(value: int | None) -> str:
    """12345 -> '12,345'."""
    return "" if value is None else f"{value:,}"
