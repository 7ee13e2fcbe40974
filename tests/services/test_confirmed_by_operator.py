"""Accounts an operator creates, and the demo world's people, count as having confirmed their address."""
from __future__ import annotations

from sqlalchemy import func, select

from craftreview.models import OutgoingMail, User
from tests.conftest import fresh


def test_create_user_makes_a_confirmed_account_without_a_confirmation_mail(app, db):
    result = app.test_cli_runner().invoke(args=["create-user", "ops@example.com", "--password",
                                                "an operator's long passphrase", "--moderator"])
    assert result.exit_code == 0, result.output
    fresh(db)
    user = db.scalar(select(User).where(User.email == "ops@example.com"))
    assert user.email_confirmed and user.is_moderator
    assert db.scalar(select(func.count()).select_from(OutgoingMail)) == 0


def test_demo_users_are_confirmed(app, db):
    result = app.test_cli_runner().invoke(args=["seed-demo", "--makers", "3", "--reviews", "10"])
    assert result.exit_code == 0, result.output
    fresh(db)
    assert db.scalar(select(func.count()).select_from(User)) > 3
    assert db.scalar(select(func.count()).select_from(User).where(User.email_confirmed_at.is_(None))) == 0
