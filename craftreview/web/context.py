"""Per-app database engine and per-request session."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from ..db import make_engine, make_session_factory
from ..services import voices


def init_app(app: Flask) -> None:
    """Create the engine and session factory; close the request session on teardown."""
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["craftreview.engine"] = engine
    app.extensions["craftreview.sessions"] = make_session_factory(engine)
    voices.configure(app.extensions["craftreview.sessions"], app.config["SECRET_KEY"],
                     app.config.get("SECRET_KEY_FALLBACKS") or ())
    app.teardown_appcontext(_close_session)


def get_db() -> Session:
    """The current request's session (opened on first use)."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["craftreview.sessions"]()
    return g.db_session


def session_factory(app: Flask | None = None):
    """The app's session factory, for CLI commands and background work."""
    return (app or current_app).extensions["craftreview.sessions"]


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
