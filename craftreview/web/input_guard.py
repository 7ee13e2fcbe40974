"""Malformed requests end in a 4xx with a reason before any view (or database) sees them."""
from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

# Ids are INTEGER columns: 32-bit on PostgreSQL (a larger parameter is an error there), so a larger path id names nothing.
MAX_ID = 2**31 - 1
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class IdConverter(IntegerConverter):
    """`<int:...>` in routes: a non-negative id that fits the database, else the route does not match (404)."""

    # At most 10 digits (MAX_ID has 10): a longer run never reaches int(), which refuses over 4,300 digits.
    regex = r"\d{1,10}"

    def __init__(self, map, *args, **kwargs):  # noqa: A002 - werkzeug's signature
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def form_id(name: str) -> int | None:
    """A form field naming a row by its id (a hidden field a page sends back), or None when it could name none."""
    value = request.form.get(name, "")
    if not (value.isascii() and value.isdigit() and len(value) <= 10):
        return None
    return int(value) if int(value) <= MAX_ID else None


def init_app(app: Flask) -> None:
    """Bound path ids (before any blueprint registers its rules) and refuse bodies no form can hold."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(_refuse_nul_in_path)
    app.before_request(_refuse_foreign_bodies)


def _refuse_nul_in_path():
    # No slug or id holds a NUL byte, and PostgreSQL refuses one in any text parameter.
    if "\x00" in request.path:
        abort(404)
    return None


def _refuse_foreign_bodies():
    # Flask-WTF would feed uploaded files and JSON values into text fields, which expect strings.
    if request.method not in WRITE_METHODS:
        return None
    if request.is_json:
        abort(415, "Send this form from the page, not as JSON.")
    if request.files:
        abort(400, "This form takes no file uploads.")
    return None
