"""Configuration: the only module that reads environment variables."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = PROJECT_ROOT / "instance"


class ConfigError(RuntimeError):
    """Raised when the environment does not describe a usable configuration."""


def _bool(value: str | None, default: bool = False) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_config(overrides: dict | None = None) -> dict:
    """Build the app config from the environment, then apply explicit overrides."""
    env = os.environ
    overrides = dict(overrides or {})
    instance = Path(overrides.get("INSTANCE_PATH") or env.get("CRAFTREVIEW_INSTANCE") or DEFAULT_INSTANCE)
    environment = overrides.get("ENV_NAME") or env.get("CRAFTREVIEW_ENV", "development")
    config = {
        "ENV_NAME": environment,
        "INSTANCE_PATH": str(instance),
        "SECRET_KEY": env.get("SECRET_KEY"),
        # Earlier secret keys, oldest first, separated by spaces or commas: what they signed (sessions, unsubscribe
        # links, device cookies, flag stamps, the address digests of services/voices.py) still verifies while everything
        # new is signed with SECRET_KEY
        # (web/signing.py; docs/OPERATIONS.md, *Rotating SECRET_KEY*). Flask 3.1 reads the same key for sessions.
        "SECRET_KEY_FALLBACKS": env.get("SECRET_KEY_FALLBACKS", "").replace(",", " ").split(),
        "DATABASE_URL": env.get("DATABASE_URL") or f"sqlite:///{instance / 'craftreview.db'}",
        "SEARCH_BACKEND": env.get("CRAFTREVIEW_SEARCH_BACKEND", "whoosh"),
        "SEARCH_INDEX_DIR": env.get("CRAFTREVIEW_SEARCH_INDEX") or str(instance / "search-index"),
        # How long the after-commit drain waits for the single index writer before leaving its rows
        # to the holder (which looks at the outbox again after releasing the lock): by default not at all.
        "SEARCH_LOCK_TIMEOUT": float(env.get("CRAFTREVIEW_SEARCH_LOCK_TIMEOUT", "0")),
        # Whoosh rebuild: postings each of its (three) worker processes holds in memory before
        # spilling to disk; lower it on a small machine, at the cost of a slower rebuild.
        "SEARCH_REBUILD_WORKER_MB": int(env.get("CRAFTREVIEW_SEARCH_REBUILD_WORKER_MB", "512")),
        # Whoosh: decoded postings and columns kept per worker process (see docs/SEARCH.md).
        "SEARCH_CACHE_MB": float(env.get("CRAFTREVIEW_SEARCH_CACHE_MB", "32")),
        # A gunicorn worker runs a full garbage collection after a request once its resident memory
        # grew this much since the last one (Whoosh readers and writers leave large reference cycles).
        "WORKER_GC_GROWTH_MB": int(env.get("CRAFTREVIEW_WORKER_GC_GROWTH_MB", "48")),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), True),
        # Named abuse limits (Flask-Limiter syntax); web/limits.py applies them, OPERATIONS.md explains them.
        "RATELIMIT_LOGIN_ADDRESS": env.get("RATELIMIT_LOGIN_ADDRESS", "10 per minute;50 per hour"),
        "RATELIMIT_LOGIN_ACCOUNT": env.get("RATELIMIT_LOGIN_ACCOUNT", "10 per 15 minutes"),
        "RATELIMIT_REGISTER": env.get("RATELIMIT_REGISTER", "10 per hour"),
        "RATELIMIT_PASSWORD_RESET": env.get("RATELIMIT_PASSWORD_RESET", "5 per hour"),
        "RATELIMIT_REVIEW": env.get("RATELIMIT_REVIEW", "10 per day"),
        "RATELIMIT_FLAG": env.get("RATELIMIT_FLAG", "20 per day"),
        "RATELIMIT_CONFIRMATION_MAIL": env.get("RATELIMIT_CONFIRMATION_MAIL", "5 per hour"),
        "RATELIMIT_CONFIRMATION_RESEND": env.get("RATELIMIT_CONFIRMATION_RESEND", "5 per hour"),
        "RATELIMIT_PASSWORD_CHECK": env.get("RATELIMIT_PASSWORD_CHECK", "10 per hour"),
        "RATELIMIT_INVITATION": env.get("RATELIMIT_INVITATION", "50 per day"),
        "RATELIMIT_SEARCH": env.get("RATELIMIT_SEARCH", "60 per minute"),
        # Reverse proxies in front of the app; X-Forwarded-For/-Proto are trusted for exactly this many hops.
        "PROXY_COUNT": int(env.get("CRAFTREVIEW_PROXY_COUNT", "0")),
        "MAIL_BACKEND": env.get("CRAFTREVIEW_MAIL_BACKEND", "outbox"),
        # smtp://host:port (or smtps://user:password@host:465, ?starttls=1): deliver queued mail
        # through that relay after each commit; empty keeps mail in the outbox for an operator.
        "MAIL_URL": env.get("CRAFTREVIEW_MAIL_URL", ""),
        "MAIL_FROM": env.get("CRAFTREVIEW_MAIL_FROM", "craftreview <no-reply@localhost>"),
        # The site's address: the base of every link in mail and of invitation links (web.mailing.public_link),
        # never the Host header a request came with. Required outside development and tests.
        "PUBLIC_URL": env.get("CRAFTREVIEW_PUBLIC_URL", ""),
        "SESSION_COOKIE_SECURE": _bool(env.get("SESSION_COOKIE_SECURE"), False),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": _bool(env.get("SESSION_COOKIE_SECURE"), False),
        "WTF_CSRF_TIME_LIMIT": None,
        "TESTING": False,
        "PER_PAGE": 10,
        # Forms are small; anything larger is refused with 413 before it is parsed.
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "INVITATION_DAYS": 90,
        # Currency of the price bands shown to buyers (ISO 4217 code).
        "CURRENCY": env.get("CRAFTREVIEW_CURRENCY", "USD").strip().upper() or "USD",
        # Rendered fragments that are the same for every visitor, kept per worker process (LRU).
        "FRAGMENT_CACHE_ENTRIES": int(env.get("CRAFTREVIEW_FRAGMENT_CACHE_ENTRIES", "2000")),
        "FRAGMENT_CACHE_MB": float(env.get("CRAFTREVIEW_FRAGMENT_CACHE_MB", "16")),
    }
    if env.get("CRAFTREVIEW_SEARCH_DRAIN_SYNC") is not None:
        # Drain inside the request instead of after the response (default: only under TESTING).
        config["SEARCH_DRAIN_SYNC"] = _bool(env.get("CRAFTREVIEW_SEARCH_DRAIN_SYNC"))
    config.update(overrides)
    _require_secret(config)
    _require_public_url(config)
    return config


def _require_public_url(config: dict) -> None:
    """Outside development and tests the site's public address must be supplied (the links a mail carries are built
    on it); in them it defaults to the development server's. It must be an http(s) URL with a host."""
    if not config.get("PUBLIC_URL"):
        if config["ENV_NAME"] not in {"development", "test"} and not config.get("TESTING"):
            raise ConfigError("CRAFTREVIEW_PUBLIC_URL (the site's address, e.g. https://craftreview.example) must be "
                              "set when CRAFTREVIEW_ENV is not development or test")
        config["PUBLIC_URL"] = "http://127.0.0.1:5000"
    parts = urlsplit(config["PUBLIC_URL"])
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(f"CRAFTREVIEW_PUBLIC_URL must be an http(s) address such as https://craftreview.example, "
                          f"not {config['PUBLIC_URL']!r}")


def _require_secret(config: dict) -> None:
    """Outside development and tests a real SECRET_KEY must be supplied."""
    if config.get("SECRET_KEY"):
        return
    if config["ENV_NAME"] in {"development", "test"} or config.get("TESTING"):
        config["SECRET_KEY"] = "dev-only-not-secret"
        return
    raise ConfigError("SECRET_KEY must be set when CRAFTREVIEW_ENV is not development or test")


def redis_test_url() -> str | None:
    """URL of the Redis database the multi-host tests may use, if any."""
    return os.environ.get("CRAFTREVIEW_TEST_REDIS_URL") or None


def postgres_test_url() -> str | None:
    """URL of the PostgreSQL database the test suite may use, if any."""
    return os.environ.get("CRAFTREVIEW_TEST_POSTGRES_URL") or None
