"""Accounts."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, created_at_column, email_key_column, keeps_email_key


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    # emails.email_key(email), kept in step by `_keep_email_key`: accounts are unique on it, and logins
    # and invitations match on it (straße@ and strasse@ are one account). Migration 0021 filled it.
    email_key: Mapped[str] = email_key_column("email", unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    password_hash: Mapped[str] = mapped_column(String(256))
    is_moderator: Mapped[bool] = mapped_column(Boolean, default=False)
    is_suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bumped by "log out everywhere", password change or reset, suspension and deletion: it is part of the
    # login id, so every cookie carrying the old value stops authenticating (one browser's logout ends its
    # LoginSession row instead).
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    # Set when the owner of the address proved it (a confirmation link); cleared on
    # every change of email. Invitations and the verified mark need it.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = created_at_column()
    # Set when the owner deleted the account: personal fields are erased, the row stays
    # so that kept reviews ("former member") and the audit log still point somewhere.
    deleted_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # services/voices.py: keyed digests of the addresses the account confirmed (FormerAddressDigest) are kept when a
    # deletion keeps its reviews; an account that later confirms one of them points at the first deleted one, and the
    # model reads both as one reviewer.
    earlier_account_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    _keep_email_key = keeps_email_key("email", "email_key")

    # Flask-Login protocol, kept framework-free.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return not self.is_suspended

    @property
    def is_anonymous(self) -> bool:
        return False

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    def get_id(self) -> str:
        # What Flask-Login stores at login_user; web/session_end.begin replaces it with the login id of the
        # LoginSession it records (services/login_sessions.py), the only kind that authenticates.
        return f"{self.id}:{self.session_version}"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class FormerAddressDigest(Base):
    """A keyed digest of an address the account confirmed and then left (services/voices.py): recorded when a confirmed
    address is changed, and for the last address when a deletion keeps the account's reviews. Only a deleted account's
    digests link a new account to it; a deletion that keeps nothing erases them. Never the address itself."""

    __tablename__ = "former_address_digests"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class LoginSession(Base):
    """One browser's login: its login id (and remember-me cookie) authenticates while this row exists, so a logout
    in that browser ends it, copied cookies included, and leaves the account's other logins alone. Only the SHA-256
    of the random key in the login id is stored."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The account's session_version at login: a row of an older version is dead and is pruned at the next login.
    session_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = created_at_column()
