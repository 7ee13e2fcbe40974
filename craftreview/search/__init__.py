"""Search: interface, backends, outbox drain. (Placeholder; the search work fills this in.)"""
from __future__ import annotations


def init_app(app) -> None:
    """Attach the configured search backend and the post-commit outbox drain."""
