"""Registration, authentication and account settings."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..emails import address_problem, email_key, normalise_email
from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied, Problems, WrongPassword
from ..lookalike import name_key
from ..models import AuditEntry, User, utcnow
from ..text import one_line
from . import page_stamps
from .confirmation import prepare_confirmation, send_confirmation
from .moderation import check_decision_reason
from .names import check_not_a_maker_s_name, is_former_name, reads_as_staff
from .password_notice import prepare_password_notice, send_password_notice
from .passwords import dummy_hash, hash_password, password_problem, verify_password
from .still_there import lock_actor
from .tokens import SPENT_BY_NEW_PASSWORD, revoke_tokens
from .voices import link_earlier_account


def find_user_by_email(session: Session, email: str) -> User | None:
    """The user with this address under `emails.email_key` (straße@ finds strasse@), if any.

    An account whose stored address is exactly `email` comes first: after migration 0021 an old
    account that shared its key with an older one keeps only its exact address (see the migration).
    """
    exact = User.email == normalise_email(email)
    return session.scalar(select(User).where(exact | (User.email_key == email_key(email)))
                          .order_by(exact.desc(), User.id).limit(1))


def check_email(email: str, field: str = "email") -> None:
    """Refuse an address no account or order may have (emails.address_problem), on the form field it came from."""
    problem = address_problem(email)
    if problem:
        raise InvalidInput(problem, field=field)


def check_new_password(password: str, field: str = "password", personal: tuple[str, ...] = ()) -> None:
    """Refuse a password the policy does not allow (passwords.password_problem; personal: the account's address and
    display name), on the form field it came from."""
    problem = password_problem(password, personal)
    if problem:
        raise InvalidInput(problem, field=field)


def check_password_again(user: User, password: str, field: str = "password",
                         message: str = "The current password is incorrect.") -> None:
    """WrongPassword unless `password` is the account's own (a signed-in change or deletion proves who asks)."""
    if not verify_password(user.password_hash, password or ""):
        raise WrongPassword(message, field=field)


def personal_values(user: User) -> tuple[str, ...]:
    """What a password may not be: the account's address and display name (passwords.password_problem)."""
    return (user.email, user.display_name)


DISPLAY_NAME_MESSAGE = "Display names are 2 to 60 characters."


def _check_display_name(name: str, staff: bool = False) -> str:
    name = one_line(name)
    if not 2 <= len(name) <= 60:
        raise InvalidInput(DISPLAY_NAME_MESSAGE, field="display_name")
    if is_former_name(name):
        raise InvalidInput(f"“{name}” is what the site shows for deleted accounts: choose another name.",
                           field="display_name")
    if not staff and reads_as_staff(name):
        raise InvalidInput(f"“{name}” would read as the site's own staff: choose a name without words such as "
                           "moderator, admin or staff.", field="display_name")
    return name


REGISTERED_MESSAGE = "An account with this email already exists."
TAKEN_MESSAGE = "Another account uses this email."


def check_unregistered(session: Session, email: str) -> None:
    """Conflict on the email field when an account has this address (any spelling find_user_by_email finds)."""
    if find_user_by_email(session, email):
        raise Conflict(REGISTERED_MESSAGE, field="email")


def validated_registration(session: Session, email: str, display_name: str, password: str,
                           staff: bool = False) -> tuple[str, str]:
    """The address and name an account stores; InvalidInput naming every field with a problem at once, a taken
    address among them (read here to be reported with the rest; register_user checks it again under the lock)."""
    email = normalise_email(email)
    with Problems() as problems:
        problems.check(check_email, email)
        if not problems.on("email"):
            problems.check(check_unregistered, session, email)
        name = problems.check(_check_display_name, display_name, staff)
        if name is not None:
            problems.check(check_not_a_maker_s_name, session, name)
        problems.check(check_new_password, password, "password", (email, display_name))
    return email, name


def register_user(session: Session, *, email: str, display_name: str, password: str,
                  is_moderator: bool = False, email_confirmed: bool = False) -> User:
    """Create an account and mail its confirmation link (unless created already confirmed, as by an operator)."""
    email, name = validated_registration(session, email, display_name, password, staff=is_moderator)
    now = utcnow()
    pw_hash = hash_password(password)  # slow: keep it outside the write lock
    link = None if email_confirmed else prepare_confirmation(session, name, email)
    try:
        with write_transaction(session):
            check_unregistered(session, email)  # as stored now: another registration may have taken it meanwhile
            user = User(email=email, display_name=name, password_hash=pw_hash, is_moderator=is_moderator,
                        email_confirmed_at=now if email_confirmed else None)
            session.add(user)
            session.flush()
            if email_confirmed:
                link_earlier_account(session, user)  # an operator vouched for the address (voices.py)
            else:
                send_confirmation(session, user, now, link)
    except IntegrityError as exc:
        raise Conflict(REGISTERED_MESSAGE, field="email") from exc
    return user


def authenticate(session: Session, email: str, password: str) -> User:
    """The user for these credentials; suspended users are refused with a clear reason."""
    user = find_user_by_email(session, email)
    if user is None:
        verify_password(dummy_hash(), password)  # as slow as a real check: the timing tells nothing
        raise InvalidInput("Email or password is incorrect.", field="password")
    if not verify_password(user.password_hash, password):
        raise InvalidInput("Email or password is incorrect.", field="password")
    if user.is_suspended:
        raise PermissionDenied("This account is suspended.")
    return user


def end_sessions(session: Session, user: User) -> None:
    """Revoke every session cookie of the user (logout everywhere)."""
    with write_transaction(session):
        lock_actor(session, user, exclusive=True)  # deleted meanwhile (another tab): its sessions ended with it
        user.session_version = User.session_version + 1
    session.refresh(user)


SAME_PASSWORD_MESSAGE = "The new password is the same as your current one: choose a different password."


def change_password(session: Session, user: User, *, current: str, new: str) -> None:
    """Change the password after re-checking the current one; revokes other sessions, unused reset links and a
    pending address change."""
    with Problems() as problems:
        problems.check(check_password_again, user, current, "current_password")
        problems.check(check_new_password, new, "new_password", personal_values(user))
        # Compared only once the current password is proven: otherwise this answer would confirm a guess at it
        # without counting as a refused password.
        if not problems.on("current_password", "new_password") and new == current:
            problems.add(SAME_PASSWORD_MESSAGE, "new_password")
    new_hash = hash_password(new)
    now = utcnow()
    notice = prepare_password_notice(session, user, now, "changed")
    with write_transaction(session):
        # deleted meanwhile (another tab): its password must stay one that matches nothing, and nobody is told
        lock_actor(session, user, exclusive=True)
        user.password_hash = new_hash
        user.session_version = User.session_version + 1
        for purpose in SPENT_BY_NEW_PASSWORD:
            revoke_tokens(session, user.id, purpose, now)
        send_password_notice(session, notice)
    session.refresh(user)


def validated_new_email(session: Session, user: User, new_email: str) -> str:
    """The address `user` may ask to change to; InvalidInput on the email field (no password check: the view runs
    this beside a form that refused the password, and a password is only checked where refusals are counted). Whether
    another account has it is not said here: see services/email_change.py."""
    email = normalise_email(new_email)
    check_email(email)
    if email == user.email:
        raise InvalidInput("That is already your address.", field="email")
    return email


def check_free_for(session: Session, user: User, email: str) -> None:
    """Conflict on the email field when an account other than `user` has this address's key (respelling your own,
    ß -> ss, is fine)."""
    if session.scalar(select(User.id).where(User.email_key == email_key(email), User.id != user.id)) is not None:
        raise Conflict(TAKEN_MESSAGE, field="email")


def change_display_name(session: Session, user: User, display_name: str) -> None:
    """Rename the account."""
    name = _check_display_name(display_name, staff=user.is_moderator)
    if name_key(name) != name_key(user.display_name):  # a name kept from before the check is let be
        check_not_a_maker_s_name(session, name, user.id)
    with write_transaction(session):
        lock_actor(session, user, exclusive=True)  # deleted meanwhile: it stays "Former member"
        user.display_name = name
        page_stamps.touch_author(session, user.id)  # the name is on every review they wrote


SUSPENSION_REASON = "Write why you are suspending this account: the reason goes in the audit log."
REINSTATEMENT_REASON = "Write why you are reinstating this account: the reason goes in the audit log."


def check_suspension_reason(reason: str, suspended: bool = True) -> str:
    """A suspension, and its undoing, say why (in the audit log): the cleaned reason, or InvalidInput on the note."""
    return check_decision_reason(reason, SUSPENSION_REASON if suspended else REINSTATEMENT_REASON)


def set_suspended(session: Session, actor: User, target_id: int, suspended: bool, reason: str = "") -> User:
    """Suspend or reinstate a user, saying why (moderators only); suspension ends their sessions."""
    if not (actor.is_moderator and not actor.is_suspended):
        raise PermissionDenied("Only moderators can suspend accounts.")
    with write_transaction(session):
        # As stored now: the view loaded the account before the lock, and another moderator may have acted since.
        target = session.get(User, target_id, populate_existing=True, with_for_update={"key_share": True})
        if target is None:
            raise NotFound("No such user.")
        if target.id == actor.id:
            raise InvalidInput("You cannot suspend yourself.")
        if target.deleted_at is not None:  # nobody can log in to it: a suspension would only log a false action
            raise Conflict("This account was deleted: there is nothing to suspend or reinstate.")
        if target.is_suspended == suspended:  # e.g. another moderator's newer action: log nothing twice
            raise Conflict(f"{target.display_name} is {'already suspended' if suspended else 'not suspended'}: "
                           "another moderator may have acted first. Nothing was changed.")
        note = check_suspension_reason(reason, suspended)
        target.is_suspended = suspended
        target.session_version = User.session_version + 1
        session.add(AuditEntry(actor_id=actor.id, action="suspend" if suspended else "reinstate",
                               target_type="user", target_id=target.id, note=note))
    return target
