"""Signed values (unsubscribe links, device cookies, flag stamps) under SECRET_KEY and its fallbacks.

A value signed with a key in SECRET_KEY_FALLBACKS still verifies, so rotating SECRET_KEY does not end every link in
mail already sent; everything new is signed with SECRET_KEY. Flask's own session cookie reads the same setting.
"""
from __future__ import annotations

from collections.abc import Mapping

from flask import current_app
from itsdangerous import URLSafeSerializer


def signing_keys(config: Mapping) -> list[str]:
    """The keys that verify, oldest first: itsdangerous signs with the last one, SECRET_KEY."""
    return [*(config.get("SECRET_KEY_FALLBACKS") or ()), config["SECRET_KEY"]]


def serializer(salt: str, config: Mapping | None = None) -> URLSafeSerializer:
    """A serializer for `salt` under the app's keys (the current app's config unless one is given)."""
    return URLSafeSerializer(signing_keys(current_app.config if config is None else config), salt=salt)
