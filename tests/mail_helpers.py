"""Reading the mail outbox in tests: who got what, and the links inside."""
from __future__ import annotations

import re

from sqlalchemy import select

from craftreview.models import OutgoingMail
from tests.conftest import fresh


def mails_to(db, email: str) -> list[OutgoingMail]:
    """Mails queued for one address, oldest first."""
    fresh(db)
    return list(db.scalars(select(OutgoingMail).where(OutgoingMail.to_email == email).order_by(OutgoingMail.id)))


def link_in(mail: OutgoingMail, marker: str) -> str:
    """The path of the first link in the mail's text containing `marker` (e.g. '/confirm-email/')."""
    match = re.search(r"https?://[^/\s]+(/\S*" + re.escape(marker) + r"\S*)", mail.body) or re.search(
        r"https?://[^/\s]+(" + re.escape(marker) + r"\S*)", mail.body)
    assert match, f"no link containing {marker!r} in:\n{mail.body}"
    return match.group(1)
