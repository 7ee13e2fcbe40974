"""Reading the mail outbox in tests: who got what, and the links inside."""
from __future__ import annotations

import re

from sqlalchemy import select

from craftreview.emails import normalise_email
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


def change_email(client, db, new_email: str, password: str) -> None:
    """Change the logged-in account's address as its owner does: ask on the account page, then use the link mailed
    to the new address (the address changes only then: services/email_change.py)."""
    asked = client.post("/account/email", data={"em-email": new_email, "em-password": password})
    assert asked.status_code == 302, asked.get_data(as_text=True)
    done = client.post(link_in(mails_to(db, normalise_email(new_email))[-1], "/confirm-email-change/"))
    assert done.status_code == 302, done.get_data(as_text=True)
