"""Home page and health check."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template
from sqlalchemy import text

from ..services.home import home_page
from .context import get_db
from .listing import home_cache

bp = Blueprint("site", __name__)


@bp.get("/")
def home():
    """Landing page: what craftreview is, crafts with their best makers, recent reviews."""
    return render_template("home.html", home=home_page(get_db(), home_cache()))


@bp.get("/healthz")
def healthz():
    """Liveness and database reachability."""
    try:
        get_db().execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
