"""Domain exceptions raised by services and mapped to responses by the web layer."""
from __future__ import annotations


class DomainError(Exception):
    """Base class: `message` is safe to show to the user; `field` names a form field."""

    status = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    status = 404


class PermissionDenied(DomainError):
    status = 403


class InvalidInput(DomainError):
    status = 400


class WrongPassword(InvalidInput):
    """A signed-in account's password re-check failed (changing the address or password, deleting the account)."""


class Conflict(DomainError):
    status = 409
