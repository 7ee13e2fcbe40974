"""craftreview: reviews and reputation for makers of handmade goods."""
from __future__ import annotations

from flask import Flask

from .config import PROJECT_ROOT, load_config


def create_app(config: dict | None = None) -> Flask:
    """Build the app; each subsystem attaches itself through its init_app."""
    settings = load_config(config)
    app = Flask(
        __name__,
        instance_path=settings["INSTANCE_PATH"],
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.update(settings)
    from .web.templating import Environment
    app.jinja_environment = Environment  # before anything reads app.jinja_env (web/templating.py)

    from . import cli, search
    from .web import context, mailing, security, stored_pages, views

    context.init_app(app)    # database engine + per-request session
    security.init_app(app)   # login manager, CSRF, rate limits, headers
    search.init_app(app)     # search backend + post-commit outbox drain
    mailing.init_app(app)    # mail backend on every session; SMTP delivery after commit
    stored_pages.init_app(app)  # maker pages' shared parts rendered after the commits that change them
    views.init_app(app)      # blueprints, template filters, error pages
    cli.init_app(app)        # flask seed-demo / search / rescore / create-user
    return app
