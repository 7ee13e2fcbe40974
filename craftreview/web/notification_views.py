"""The on-site notification list and the unread count in the header."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..services import mail, notifications
from .context import get_db
from .forms import ActionForm
from .helpers import actor, moderator_required, page_arg, paginate

bp = Blueprint("notifications", __name__)


@bp.app_template_global()
def unread_notifications() -> int:
    """Unread notifications of the logged-in user (0 for visitors); one COUNT query."""
    if not current_user.is_authenticated:
        return 0
    return notifications.unread_count(get_db(), current_user.id)


@bp.get("/notifications")
@login_required
def index():
    """The user's notifications, newest first."""
    db = get_db()
    page = paginate(db, notifications.notifications_query(actor().id), per_page=20)
    return render_template("notifications/index.html", page=page, form=ActionForm(),
                           withheld=notifications.withheld_notices(db, page.items))


@bp.post("/notifications/read")
@login_required
def read_all():
    """Mark every notification read."""
    if ActionForm().validate_on_submit():
        notifications.mark_read(get_db(), actor())
    return redirect(url_for("notifications.index"))


@bp.post("/notifications/<int:notification_id>/read")
@login_required
def read_one(notification_id: int):
    """Mark one notification read."""
    if ActionForm().validate_on_submit():
        notifications.mark_read(get_db(), actor(), notification_id)
    return redirect(url_for("notifications.index", page=page_arg() if page_arg() > 1 else None))  # the page it was on


@bp.get("/moderation/mail")
@login_required
@moderator_required
def outbox():
    """Moderators: every queued or sent mail, newest first, as text with its HTML source; link tokens hidden."""
    page = paginate(get_db(), mail.outbox_query(), per_page=20)
    shown = replace(page, items=[mail.for_moderators(m) for m in page.items])
    return render_template("moderation/mail.html", page=shown)
