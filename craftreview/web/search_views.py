"""Search pages. (Placeholder; the search work replaces this.)"""
from __future__ import annotations

from flask import Blueprint, render_template, request

bp = Blueprint("search", __name__)


@bp.get("/search")
def search():
    """Search makers and reviews."""
    return render_template("search/placeholder.html", q=request.args.get("q", ""))
