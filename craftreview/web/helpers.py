"""Small helpers shared by the blueprints."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from flask import abort, current_app, flash, g, redirect, request
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import Conflict, DomainError, Gone, InvalidInput, WrongPassword, problems_of
from ..permissions import can_moderate
from . import kept_text
from .context import get_db

MAX_PAGE = 10_000


@dataclass
class Page:
    """One page of results and where it sits."""

    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def first(self) -> int:
        """Position of the page's first item in the whole list (1-based)."""
        return (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        """Position of the page's last item in the whole list."""
        return self.first + len(self.items) - 1

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def page_arg() -> int:
    """The ?page= argument, clamped to a sane range."""
    page = request.args.get("page", 1, type=int) or 1
    return max(1, min(page, MAX_PAGE))


def paginate(session: Session, query, per_page: int | None = None, scalars: bool = True,
             page: int | None = None) -> Page:
    """Run a select for the requested page (or `page`, when ?page= belongs to another list) and count the whole."""
    per_page = per_page or current_app.config["PER_PAGE"]
    page = page or page_arg()
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.execute(query.limit(per_page).offset((page - 1) * per_page))
    items = list(rows.scalars().unique()) if scalars else list(rows)
    return Page(items=items, page=page, per_page=per_page, total=total or 0)


def form_error(form, exc: DomainError) -> None:
    """Put a service's error (each of its problems) on the matching form field, or on the form as a whole (a refused
    password re-check is also noted for the request, so limits.password_checks can count it)."""
    for problem in problems_of(exc):
        if isinstance(problem, WrongPassword):
            g.password_refused = True
        _place(form, problem)


def validate(form, check: Callable[[], Any] | None = None) -> bool:
    """validate_on_submit; when the form refuses some fields, the service's own checks of the submission (`check`:
    it writes nothing; it may read, e.g. whether an address is taken) still speak about the fields the form passed,
    so that one submit shows every problem. A field the form refused keeps its one message; a problem of no field
    goes on the form as a whole. A submission refused before the view ran (kept_text) is neither validated nor acted
    on: the form only shows again, as typed, with the reason."""
    if kept_text.note_refusal(form):
        return False
    if form.validate_on_submit():
        return True
    if check is not None and form.is_submitted():
        try:
            check()
        except (InvalidInput, Conflict) as exc:
            for problem in problems_of(exc):
                _place(form, problem, beside_refusal=True)
    return False


def _place(form, problem: DomainError, beside_refusal: bool = False) -> None:
    """The problem's message on its field, else on the form as a whole (once). beside_refusal: a field the form has
    refused already keeps that one message."""
    field = getattr(form, problem.field, None) if problem.field else None
    if field is None:
        if problem.message not in form.form_errors:
            form.form_errors.append(problem.message)
    elif not (beside_refusal and field.errors):
        field.errors = list(field.errors) + [problem.message]


def linked_message(text: str, link: str, href: str, name: str | None = None, after: str = "") -> dict[str, str]:
    """A flash message with a link to what it is about (base.html draws it, every part escaped; `name`, user text,
    inside the link as a title): for a form that returns elsewhere than the page of the thing it changed."""
    return {"text": text, "link": link, "href": href, "name": name or "", "after": after}


def handle_form(form, action: Callable[[], Any], message: str | dict | Callable[[Any], str | dict],
                target: Callable[[Any], str],
                check: Callable[[], Any] | None = None):
    """Validate `form` (with the service's `check`, see validate), run the service `action`; on success flash
    `message` (or `message(result)`, when what to say depends on what the service did) and redirect to
    `target(result)`.

    Returns the redirect, or None when the form must be shown again (its errors, including the
    service's domain errors, are on the form). Gone (what the form is about, or the account sending it, was deleted
    after the page was read) has no form to show again: its error page says why, with the typed text (views._typed_here).
    """
    if not validate(form, check):
        return None
    try:
        result = action()
    except Gone:
        raise
    except DomainError as exc:
        form_error(form, exc)
        return None
    flash(message(result) if callable(message) else message, "success")
    return redirect(target(result))


def stale_refusal(form, message: str, record, version: Callable[[Any], int | None]) -> bool:
    """Whether the service refused `form` as drawn from an older version of `record` (services/drawn.py, `message`
    its Conflict). Then the record is read again and the form stamped with its current `version(record)`: the page
    shows it as it now stands above the typed text, and the form, sent again, replaces it."""
    if message not in form.form_errors:
        return False
    get_db().refresh(record)
    form.show_drawn(version(record))
    return True


def form_status(form) -> int:
    """400 for a submitted form that is shown again with errors, else 200."""
    return 400 if form.is_submitted() and (form.errors or form.form_errors) else 200


def actor():
    """The logged-in user (views decorated with login_required only)."""
    return current_user._get_current_object()


def moderator_required(view):
    """403 unless the user is a moderator (after login_required)."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not can_moderate(actor()):
            abort(403, "Only moderators can open this page.")
        return view(*args, **kwargs)
    return wrapper
