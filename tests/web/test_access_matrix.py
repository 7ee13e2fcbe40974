"""Who may do what: every state-changing route x every role, then the sensitive GET pages.

Each cell logs in as one role, sends one request and checks the outcome against the table.
A refused request answers 403/404 (an anonymous or suspended visitor is sent to /login)
and leaves every row of every table exactly as it was; an allowed request succeeds and
makes exactly its change. Roles are relative to one review under test: `buyer` wrote it,
`maker_owner` owns the reviewed maker, `other_maker` owns a different maker profile, and
`suspended` is a suspended *moderator* account whose session cookie must count for nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from itsdangerous import URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import object_session

from craftreview.db import write_transaction
from craftreview.models import (
    MAKER_NOTIFICATION_KINDS,
    NOTIFICATION_KINDS,
    Base,
    Maker,
    Notification,
    Review,
    User,
    utcnow,
)
from craftreview.services import engagement, moderation, orders
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.reviews import set_withdrawn, submit_review
from craftreview.services.tokens import issue_token
from craftreview.web.mailing import UNSUBSCRIBE_SALT
from tests.conftest import PASSWORD, login, review_input

ROLES = ("anonymous", "buyer", "other_buyer", "maker_owner", "other_maker", "moderator", "suspended")
LOGGED_IN = ROLES[1:-1]
# Derived rows a successful write may also touch (search work queue, stored maker scores and their trends,
# ring signals); writes that concern someone else also notify them (on site and, per preference, by mail).
INCIDENTAL = {"index_outbox", "maker_scores", "maker_trends", "maker_pages", "listing_stamp", "ring_signals",
              "ring_signal_reviews", "notifications", "mail_outbox"}
TODAY = date.today()
TODAY_UTC = datetime.now(UTC)


# ---------------------------------------------------------------------------------------------
# The world every cell starts from, and whole-database snapshots
# ---------------------------------------------------------------------------------------------

@dataclass
class World:
    """Users by role plus the objects the routes act on."""

    users: dict[str, User | None]
    maker: Maker          # the reviewed maker, owned by maker_owner
    other_maker: Maker    # owned by other_maker
    review: Review        # public, by buyer, about maker; one open flag from a bystander
    withdrawn: Review     # verified, by buyer, about maker, withdrawn by its author
    hidden: Review        # verified, by buyer, about maker, hidden by a moderator
    order_id: int         # an open invitation for maker
    token: str


def _verified_review(db, owner: User, maker: Maker, author: User, title: str) -> Review:
    # one purchase per verified review: the same order recorded again would only renew its one link
    _order, token = _record_order(db, owner, maker, item=f"Oak serving board: {title}", buyer=author)
    return orders.submit_verified_review(db, author, token, review_input(title=title))


def _record_order(db, owner: User, maker: Maker, item: str, buyer: User):
    data = orders.OrderInput(buyer_email=buyer.email, item=item, order_type="custom",
                             price_band="100-300", ordered_on=TODAY - timedelta(days=20))
    return orders.record_order(db, owner, maker, data, OutboxMailBackend(),
                               invite_url=lambda t: f"http://localhost/invite/{t}")


def build_world(db, make_user, make_maker) -> World:
    """Six roles, two makers, a public/withdrawn/hidden review by the buyer, an open invitation."""
    users: dict[str, User | None] = {
        "anonymous": None,
        "buyer": make_user("buyer"),
        "other_buyer": make_user("otherbuyer"),
        "maker_owner": make_user("makerowner"),
        "other_maker": make_user("othermaker"),
        "moderator": make_user("moderator", moderator=True),
        "suspended": make_user("suspended", moderator=True, suspended=True),
    }
    bystander, buyer, owner = make_user("bystander"), users["buyer"], users["maker_owner"]
    for user in users.values():  # every account confirmed its address: invitations bind to the address alone
        if user is not None:
            user.email_confirmed_at = TODAY_UTC
    db.commit()
    maker = make_maker(owner, name="Hollow Oak Woodworks")
    other_maker = make_maker(users["other_maker"], name="Northern Glass", craft="glass")
    review = submit_review(db, buyer, maker, review_input(title="Lovely bowl, slightly late"))
    engagement.flag_review(db, bystander, review, "spam", "Bystander note: looks like an advert")
    withdrawn = _verified_review(db, owner, maker, buyer, "Withdrawn verified review")
    set_withdrawn(db, buyer, withdrawn, True)
    hidden = _verified_review(db, owner, maker, buyer, "Hidden verified review")
    moderation.hide_review(db, users["moderator"], hidden, "spam", "Private moderator note from setup")
    order, token = _record_order(db, owner, maker, item="Secret commission: walnut desk", buyer=buyer)
    return World(users, maker, other_maker, review, withdrawn, hidden, order.id, token)


def snapshot(engine) -> dict[str, list[dict]]:
    """Every row of every table, in primary-key order."""
    with engine.connect() as conn:
        return {table.name: [dict(row._mapping) for row in
                             conn.execute(select(table).order_by(*table.primary_key.columns))]
                for table in Base.metadata.sorted_tables}


def changed_tables(before: dict, after: dict) -> set[str]:
    """Names of the tables whose rows differ between two snapshots."""
    return {name for name in before if before[name] != after[name]}


def rows(snap: dict, table: str, **where) -> list[dict]:
    """Rows of one table in a snapshot matching every column=value given."""
    return [r for r in snap[table] if all(r[k] == v for k, v in where.items())]


def one(snap: dict, table: str, **where) -> dict:
    found = rows(snap, table, **where)
    assert len(found) == 1, f"expected one {table} row matching {where}, found {found}"
    return found[0]


@pytest.fixture
def world(db, make_user, make_maker) -> World:
    return build_world(db, make_user, make_maker)


@pytest.fixture
def engine(app):
    return app.extensions["craftreview.engine"]


def act_as(client, world: World, role: str) -> User | None:
    user = world.users[role]
    if user is not None:
        login(client, user)
    return user


# ---------------------------------------------------------------------------------------------
# Expected outcomes
# ---------------------------------------------------------------------------------------------

ALLOW, DENY, LOGIN = "allow", "deny", "login"


@dataclass(frozen=True)
class Noop:
    """Not an error, not a change: e.g. 'you already have a profile' redirects to its edit page."""

    status: int

    def __str__(self) -> str:
        return f"noop{self.status}"


def table(**by_role) -> dict:
    """Outcome per role; anonymous and suspended visitors default to the login redirect."""
    outcome = {"anonymous": LOGIN, "suspended": LOGIN}
    outcome.update(by_role)
    assert set(outcome) == set(ROLES), f"missing roles: {set(ROLES) - set(outcome)}"
    return outcome


def only(role_or_roles, otherwise=DENY, logged_out=LOGIN) -> dict:
    """ALLOW for the given logged-in roles, `otherwise` for the rest; `logged_out` for anonymous/suspended."""
    allowed = {role_or_roles} if isinstance(role_or_roles, str) else set(role_or_roles)
    return table(anonymous=logged_out, suspended=logged_out,
                 **{r: (ALLOW if r in allowed else otherwise) for r in LOGGED_IN})


def assert_login_redirect(response) -> None:
    assert response.status_code == 302, response.status_code
    assert response.headers["Location"].startswith("/login"), response.headers["Location"]


# ---------------------------------------------------------------------------------------------
# State-changing routes: what to send and what an allowed request must change
# ---------------------------------------------------------------------------------------------

def _review_form(title: str) -> dict:
    return {"craftsmanship": "5", "consistency": "4", "delivery": "4", "title": title,
            "body": "Sturdy joinery and a smooth oiled finish; it came on the promised day."}


def _maker_form(name: str, slug: str) -> dict:
    return {"name": name, "slug": slug, "craft": "wood", "location": "York, United Kingdom",
            "bio": "Chairs.", "website": "https://example.com", "lead_time_days": "14"}


@dataclass
class Route:
    id: str
    request: Callable[[World], tuple[str, dict]]
    expected: dict
    tables: set[str]                                       # tables an allowed request may change
    check: Callable[[World, User, dict, dict], None] = field(repr=False)


def _check_logout(w, actor, before, after):
    """This browser's login ends; the account's session version (every other login) stays."""
    assert len(rows(before, "login_sessions", user_id=actor.id)) == 1
    assert rows(after, "login_sessions", user_id=actor.id) == []
    assert one(after, "users", id=actor.id)["session_version"] == actor.session_version


def _check_logout_everywhere(w, actor, before, after):
    assert one(after, "users", id=actor.id)["session_version"] == actor.session_version + 1


def _check_password(w, actor, before, after):
    row = one(after, "users", id=actor.id)
    assert row["password_hash"] != actor.password_hash
    assert row["session_version"] == actor.session_version + 1


def _check_name(w, actor, before, after):
    assert one(after, "users", id=actor.id)["display_name"] == "Renamed Person"


def _check_maker_new(w, actor, before, after):
    assert one(after, "makers", owner_id=actor.id)["slug"] == "brand-new-studio"


def _check_maker_edit(w, actor, before, after):
    assert one(after, "makers", id=w.maker.id)["name"] == "Renamed Woodworks"


def _check_order(w, actor, before, after):
    own = one(after, "makers", owner_id=actor.id)
    new = [r for r in after["orders"] if r not in before["orders"]]
    assert [(r["maker_id"], r["item"]) for r in new] == [(own["id"], "Matching teacups")]
    assert len(after["mail_outbox"]) == len(before["mail_outbox"]) + 1


def _check_write(w, actor, before, after):
    new = one(after, "reviews", author_id=actor.id, maker_id=w.maker.id, order_id=None)
    assert new["title"] == "A new review"


def _check_edit(w, actor, before, after):
    assert one(after, "reviews", id=w.review.id)["title"] == "Edited title"
    assert one(after, "review_revisions", review_id=w.review.id)["title"] == "Lovely bowl, slightly late"


def _check_withdraw(w, actor, before, after):
    assert one(after, "reviews", id=w.review.id)["withdrawn_at"] is not None


def _check_republish(w, actor, before, after):
    assert one(after, "reviews", id=w.withdrawn.id)["withdrawn_at"] is None


def _check_reply(w, actor, before, after):
    assert one(after, "replies", review_id=w.review.id)["author_id"] == actor.id


def _check_helpful(w, actor, before, after):
    one(after, "helpful_votes", review_id=w.review.id, user_id=actor.id)
    assert one(after, "reviews", id=w.review.id)["helpful_count"] == 1


def _check_flag(w, actor, before, after):
    assert one(after, "flags", review_id=w.review.id, user_id=actor.id)["status"] == "open"


def _check_invitation(w, actor, before, after):
    assert one(after, "reviews", order_id=w.order_id)["author_id"] == actor.id
    assert one(after, "orders", id=w.order_id)["used_at"] is not None


def _link_version(w) -> str:
    """What the dashboard's "Send a new link" form names: the order's current link (orders.link_version)."""
    return orders.link_version(SimpleNamespace(token_hash=orders.hash_token(w.token)))


def _check_new_link(w, actor, before, after):
    assert one(after, "orders", id=w.order_id)["token_hash"] != one(before, "orders", id=w.order_id)["token_hash"]


def _check_hide(w, actor, before, after):
    assert one(after, "reviews", id=w.review.id)["hidden_reason"] == "spam"
    assert one(after, "audit_log", action="hide", target_id=w.review.id)["actor_id"] == actor.id


def _check_restore(w, actor, before, after):
    assert one(after, "reviews", id=w.hidden.id)["hidden_at"] is None
    assert one(after, "audit_log", action="restore", target_id=w.hidden.id)["actor_id"] == actor.id


def _check_dismiss(w, actor, before, after):
    assert [f["status"] for f in rows(after, "flags", review_id=w.review.id)] == ["dismissed"]
    assert one(after, "audit_log", action="dismiss_flags")["actor_id"] == actor.id


def _check_suspend(w, actor, before, after):
    target = w.users["buyer"]
    row = one(after, "users", id=target.id)
    assert row["is_suspended"] is True and row["session_version"] == target.session_version + 1
    assert one(after, "audit_log", action="suspend", target_id=target.id)["actor_id"] == actor.id


def _check_reinstate(w, actor, before, after):
    target = w.users["suspended"]
    assert one(after, "users", id=target.id)["is_suspended"] is False
    assert one(after, "audit_log", action="reinstate", target_id=target.id)["actor_id"] == actor.id


NEW_PASSWORD = "a different long passphrase"
ROUTES = [
    Route("logout", lambda w: ("/logout", {}), table(**{r: ALLOW for r in LOGGED_IN}), {"login_sessions"},
          _check_logout),
    Route("logout-everywhere", lambda w: ("/logout-everywhere", {}), table(**{r: ALLOW for r in LOGGED_IN}),
          {"users", "login_sessions"}, _check_logout_everywhere),
    Route("account-password",
          lambda w: ("/account/password", {"pw-current_password": PASSWORD, "pw-new_password": NEW_PASSWORD,
                                           "pw-confirm": NEW_PASSWORD}),
          table(**{r: ALLOW for r in LOGGED_IN}), {"users", "login_sessions"}, _check_password),
    Route("account-name", lambda w: ("/account/name", {"nm-display_name": "Renamed Person"}),
          table(**{r: ALLOW for r in LOGGED_IN}), {"users"}, _check_name),
    Route("maker-new", lambda w: ("/makers/new", _maker_form("Brand New Studio", "brand-new-studio")),
          only({"buyer", "other_buyer", "moderator"}, otherwise=Noop(302)), {"makers"}, _check_maker_new),
    Route("maker-edit", lambda w: (f"/makers/{w.maker.slug}/edit", _maker_form("Renamed Woodworks", w.maker.slug)),
          only("maker_owner"), {"makers"}, _check_maker_edit),
    Route("dashboard-record-order",
          lambda w: ("/dashboard", {"buyer_email": "cups@example.com", "item": "Matching teacups",
                                    "order_type": "stock", "price_band": "25-100",
                                    "ordered_on": (TODAY - timedelta(days=3)).isoformat()}),
          only({"maker_owner", "other_maker"}, otherwise=Noop(200)), {"orders", "mail_outbox"}, _check_order),
    Route("dashboard-new-link", lambda w: (f"/dashboard/orders/{w.order_id}/new-link", {"replaces": _link_version(w)}),
          only("maker_owner"), {"orders", "mail_outbox"}, _check_new_link),
    Route("review-write", lambda w: (f"/makers/{w.maker.slug}/review", _review_form("A new review")),
          table(buyer=Noop(409),  # already reviewed: the edit form, with the text typed
                other_buyer=ALLOW, maker_owner=DENY, other_maker=ALLOW, moderator=ALLOW),
          {"reviews"}, _check_write),
    Route("review-edit", lambda w: (f"/reviews/{w.review.id}/edit", _review_form("Edited title")),
          only("buyer"), {"reviews", "review_revisions"}, _check_edit),
    Route("review-withdraw", lambda w: (f"/reviews/{w.review.id}/withdraw", {}), only("buyer"), {"reviews"},
          _check_withdraw),
    Route("review-republish", lambda w: (f"/reviews/{w.withdrawn.id}/republish", {}), only("buyer"), {"reviews"},
          _check_republish),
    Route("review-reply", lambda w: (f"/reviews/{w.review.id}/reply", {"body": "Thank you for the kind words."}),
          only("maker_owner"), {"replies"}, _check_reply),
    Route("review-helpful", lambda w: (f"/reviews/{w.review.id}/helpful", {}),
          only({"other_buyer", "other_maker", "moderator"}), {"helpful_votes", "reviews"},
          _check_helpful),
    Route("review-flag", lambda w: (f"/reviews/{w.review.id}/flag", {"reason": "spam", "note": "An advert."}),
          only(set(LOGGED_IN) - {"buyer"}), {"flags"}, _check_flag),
    # Only the invited buyer (the order's address, confirmed) redeems; every other account is refused.
    Route("invitation", lambda w: (f"/invite/{w.token}", _review_form("Verified and happy")),
          only("buyer"), {"reviews", "orders"}, _check_invitation),
    Route("moderation-hide",
          lambda w: (f"/moderation/reviews/{w.review.id}/hide", {"hide-reason": "spam", "hide-note": "Advert."}),
          only("moderator"), {"reviews", "flags", "audit_log"}, _check_hide),
    Route("moderation-restore",
          lambda w: (f"/moderation/reviews/{w.hidden.id}/restore", {"restore-note": "Fine after all.", "restore-confirm": "y"}),
          only("moderator"), {"reviews", "audit_log"}, _check_restore),
    Route("moderation-dismiss",
          lambda w: (f"/moderation/reviews/{w.review.id}/dismiss", {"dismiss-note": "Not spam."}),
          only("moderator"), {"flags", "audit_log"}, _check_dismiss),
    Route("moderation-suspend",
          lambda w: (f"/moderation/users/{w.users['buyer'].id}/suspend", {"action": "suspend",
                                                                          "suspend-note": "Fake reviews.",
                                                                          "suspend-confirm": "y"}),
          only("moderator"), {"users", "audit_log"}, _check_suspend),
    Route("moderation-reinstate",
          lambda w: (f"/moderation/users/{w.users['suspended'].id}/suspend", {"action": "reinstate",
                                                                              "suspend-note": "Appeal upheld."}),
          only("moderator"), {"users", "audit_log"}, _check_reinstate),
]


# --- accounts: email confirmation, password reset, preferences, unsubscribe, deletion, notifications ---
ANYONE = {role: ALLOW for role in ROLES}   # the token in the URL is the credential, not the session


def _session_of(w):
    return object_session(w.maker)


def _confirm_token(w) -> str:
    db = _session_of(w)
    with write_transaction(db):
        return issue_token(db, w.users["buyer"], "confirm_email", utcnow())


def _reset_token(w) -> str:
    db = _session_of(w)
    with write_transaction(db):
        return issue_token(db, w.users["buyer"], "reset_password", utcnow())


def _buyer_notification(w) -> int:
    return _session_of(w).scalar(select(Notification.id).where(Notification.user_id == w.users["buyer"].id))


def _check_email(w, actor, before, after):
    # Only asked for: the account keeps its address until the link mailed to the new one is opened.
    assert one(after, "users", id=actor.id) == one(before, "users", id=actor.id)
    assert one(after, "account_tokens", user_id=actor.id, purpose="change_email", email="renamed@example.com")


def _change_token(w) -> str:
    db = _session_of(w)
    with write_transaction(db):
        return issue_token(db, w.users["buyer"], "change_email", utcnow(), email="moved.buyer@example.com")


def _check_email_changed(w, actor, before, after):
    row = one(after, "users", id=w.users["buyer"].id)
    assert row["email"] == "moved.buyer@example.com" and row["email_confirmed_at"] is not None


def _check_resend(w, actor, before, after):
    # Every account of this world has confirmed its address, so a resend has nothing to send
    # (tests/web/test_email_confirmation.py covers the unconfirmed case).
    assert one(before, "users", id=actor.id)["email_confirmed_at"] is not None
    assert not rows(after, "account_tokens", user_id=actor.id, purpose="confirm_email", used_at=None)


def _check_preferences(w, actor, before, after):
    # Only the kinds the page offers are saved: a maker's own kinds are offered to the owner of a maker profile only.
    offered = set(NOTIFICATION_KINDS)
    if not rows(after, "makers", owner_id=actor.id):
        offered -= MAKER_NOTIFICATION_KINDS
    assert {r["kind"] for r in rows(after, "mail_opt_outs", user_id=actor.id)} == offered - {"reply"}


def _check_delete(w, actor, before, after):
    row = one(after, "users", id=actor.id)
    assert row["deleted_at"] is not None and row["email"].endswith("@deleted.invalid")
    owns_a_profile = any(m["owner_id"] == actor.id for m in before["makers"])
    assert (len(after["released_names"]) > len(before["released_names"])) is owns_a_profile  # its name held back


def _check_confirmed(w, actor, before, after):
    assert one(after, "users", id=w.users["buyer"].id)["email_confirmed_at"] is not None


def _check_reset_request(w, actor, before, after):
    assert one(after, "account_tokens", user_id=w.users["buyer"].id, purpose="reset_password")


def _check_reset(w, actor, before, after):
    buyer = w.users["buyer"]
    assert one(after, "users", id=buyer.id)["session_version"] == buyer.session_version + 1


def _check_unsubscribed(w, actor, before, after):
    one(after, "mail_opt_outs", user_id=w.users["buyer"].id, kind="reply")


def _check_read_all(w, actor, before, after):
    assert not rows(after, "notifications", user_id=actor.id, read_at=None)


def _check_read_one(w, actor, before, after):
    assert one(after, "notifications", id=_buyer_notification(w))["read_at"] is not None


LOGGED_IN_ALLOWED = table(**{r: ALLOW for r in LOGGED_IN})
ROUTES += [
    Route("account-email", lambda w: ("/account/email", {"em-email": "renamed@example.com", "em-password": PASSWORD}),
          LOGGED_IN_ALLOWED, {"users", "account_tokens"}, _check_email),
    Route("account-confirm-resend", lambda w: ("/account/confirm/resend", {}), LOGGED_IN_ALLOWED,
          {"account_tokens"}, _check_resend),
    Route("account-mail-preferences", lambda w: ("/account/mail-preferences", {"mail-reply": "y"}),
          LOGGED_IN_ALLOWED, {"mail_opt_outs"}, _check_preferences),
    Route("account-delete", lambda w: ("/account/delete", {"reviews": "keep", "password": PASSWORD}),
          LOGGED_IN_ALLOWED, {"users", "audit_log", "helpful_votes", "reviews", "flags", "orders", "makers",
                              "account_tokens", "mail_opt_outs", "released_names", "login_sessions",
                              "former_address_digests"}, _check_delete),
    # The link's account, logged in, confirms: a stranger given the mail must not confirm a squatter's account.
    Route("confirm-email", lambda w: (f"/confirm-email/{_confirm_token(w)}", {}), only("buyer"),
          {"users", "account_tokens"}, _check_confirmed),
    # The link's account, logged in, makes the change: a mistyped address's mailbox must not take the account.
    Route("confirm-email-change", lambda w: (f"/confirm-email-change/{_change_token(w)}", {}), only("buyer"),
          {"users", "account_tokens", "mail_outbox", "former_address_digests"}, _check_email_changed),
    Route("reset-request", lambda w: ("/reset-password", {"email": w.users["buyer"].email}), ANYONE,
          {"account_tokens"}, _check_reset_request),
    Route("reset-password", lambda w: (f"/reset-password/{_reset_token(w)}", {"password": NEW_PASSWORD,
                                                                            "confirm": NEW_PASSWORD}),
          ANYONE, {"users", "account_tokens", "login_sessions"}, _check_reset),
    Route("unsubscribe", lambda w: (f"/unsubscribe/{_unsubscribe_token(w)}", {}), ANYONE, {"mail_opt_outs"},
          _check_unsubscribed),
    Route("notifications-read-all", lambda w: ("/notifications/read", {}), LOGGED_IN_ALLOWED, {"notifications"},
          _check_read_all),
    Route("notifications-read-one", lambda w: (f"/notifications/{_buyer_notification(w)}/read", {}),
          only("buyer"), {"notifications"}, _check_read_one),
]


def _unsubscribe_token(w) -> str:
    return URLSafeSerializer("test-secret", salt=UNSUBSCRIBE_SALT).dumps([w.users["buyer"].id, "reply"])


POST_CELLS = [pytest.param(route, role, id=f"{role}-{str(route.expected[role])}-POST-{route.id}")
              for route in ROUTES for role in ROLES]


@pytest.mark.parametrize(("route", "role"), POST_CELLS)
def test_post_route_allows_only_permitted_roles(client, engine, world, route, role):
    actor = act_as(client, world, role)
    url, data = route.request(world)
    before = snapshot(engine)
    response = client.post(url, data=data)
    after = snapshot(engine)
    expected = route.expected[role]
    assert response.status_code < 500, response.get_data(as_text=True)[:2000]
    if expected == ALLOW:
        assert response.status_code in (200, 302, 303), response.status_code
        assert not response.headers.get("Location", "").startswith("/login")
        route.check(world, actor, before, after)
        unexpected = changed_tables(before, after) - route.tables - INCIDENTAL
        assert not unexpected, f"{route.id} also changed {unexpected}"
        return
    if expected == LOGIN:
        assert_login_redirect(response)
    elif expected == DENY:
        assert response.status_code in (403, 404), response.status_code
    else:
        assert response.status_code == expected.status, response.status_code
    assert changed_tables(before, after) == set(), "a refused request changed the database"
    assert after == before


ENDPOINTS = {
    "logout": "auth.logout", "logout-everywhere": "auth.logout_everywhere", "account-password": "auth.change_password", "account-name": "auth.change_name",
    "maker-new": "makers.new", "maker-edit": "makers.edit", "dashboard-record-order": "makers.dashboard",
    "dashboard-new-link": "makers.renew_invitation",
    "review-write": "reviews.write", "review-edit": "reviews.edit", "review-withdraw": "reviews.withdraw",
    "review-republish": "reviews.republish", "review-reply": "reviews.reply", "review-helpful": "reviews.helpful",
    "review-flag": "reviews.flag", "invitation": "reviews.invitation", "moderation-hide": "moderation.hide",
    "moderation-restore": "moderation.restore", "moderation-dismiss": "moderation.dismiss",
    "moderation-suspend": "moderation.suspend", "moderation-reinstate": "moderation.suspend",
    "account-email": "accounts.change_email", "account-confirm-resend": "accounts.resend_confirmation",
    "account-mail-preferences": "accounts.mail_preferences", "account-delete": "accounts.delete_account",
    "confirm-email": "accounts.confirm_email", "confirm-email-change": "accounts.confirm_email_change",
    "reset-request": "accounts.forgot_password",
    "reset-password": "accounts.reset_password", "unsubscribe": "accounts.unsubscribe_confirm",
    "notifications-read-all": "notifications.read_all", "notifications-read-one": "notifications.read_one",
}


def test_matrix_covers_every_post_route(app):
    """A new POST route must be added to the matrix above."""
    assert set(ENDPOINTS) == {route.id for route in ROUTES}
    # Registration and login create sessions for strangers by design; they are not role-gated. The compare edits
    # change only the sender's own cookie, for anyone (tests/web/test_compare.py), and write no table.
    public = {"auth.register", "auth.login", "compare.add", "compare.save"}
    posting = {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods}
    assert posting - set(ENDPOINTS.values()) - public == set()


def test_suspended_user_cookie_is_not_a_login(client, world):
    """The suspended account (a moderator) is anonymous to the site, not merely refused."""
    act_as(client, world, "suspended")
    response = client.get("/")
    assert b"Log in" in response.data
    assert b"Moderation" not in response.data


# ---------------------------------------------------------------------------------------------
# Sensitive GET pages: who sees them, and that nobody else sees what they contain
# ---------------------------------------------------------------------------------------------

SHOWN, HIDDEN_200 = "shown", "hidden200"   # HIDDEN_200: the page renders, without the secret


@dataclass
class Page:
    id: str
    url: Callable[[World], str]
    secret: str              # text only permitted viewers may see
    expected: dict


PAGES = [
    Page("moderation-queue", lambda w: "/moderation", "Moderation queue", only("moderator")),
    Page("moderation-log", lambda w: "/moderation/log", "Private moderator note from setup", only("moderator")),
    Page("moderation-review", lambda w: f"/moderation/reviews/{w.review.id}", "Bystander note: looks like an advert",
         only("moderator")),
    Page("dashboard", lambda w: "/dashboard", "Secret commission: walnut desk",
         only("maker_owner", otherwise=HIDDEN_200)),
    Page("dashboard-replies", lambda w: "/dashboard/replies", "Lovely bowl, slightly late",
         only("maker_owner", otherwise=HIDDEN_200)),
    Page("maker-edit-form", lambda w: f"/makers/{w.maker.slug}/edit", "Edit your maker profile", only("maker_owner")),
    Page("review-edit-form", lambda w: f"/reviews/{w.review.id}/edit", "Edit your review of", only("buyer")),
    Page("reply-form", lambda w: f"/reviews/{w.review.id}/reply", "Reply publicly", only("maker_owner")),
    Page("withdrawn-review", lambda w: f"/reviews/{w.withdrawn.id}", "Withdrawn verified review",
         only({"buyer", "moderator"}, logged_out=DENY)),
    Page("hidden-review", lambda w: f"/reviews/{w.hidden.id}", "Hidden verified review",
         only({"buyer", "moderator"}, logged_out=DENY)),
    Page("my-reviews", lambda w: "/me/reviews", "Withdrawn verified review", only("buyer", otherwise=HIDDEN_200)),
    Page("account", lambda w: "/account", "Your account", table(**{r: ALLOW for r in LOGGED_IN})),
    Page("invitation-form", lambda w: f"/invite/{w.token}", "Secret commission: walnut desk", only("buyer")),
    Page("moderation-signals", lambda w: "/moderation/signals", "Ring signals", only("moderator")),
    Page("moderation-account", lambda w: f"/moderation/accounts/{w.users['buyer'].id}", "Hidden verified review",
         only("moderator")),
    Page("mail-outbox", lambda w: "/moderation/mail", "Secret commission: walnut desk", only("moderator")),
    Page("notifications", lambda w: "/notifications", 'Reason: Spam or advertising',
         only("buyer", otherwise=HIDDEN_200)),
    Page("data-export", lambda w: "/account/export", '"withdrawn_at": "2', only("buyer", otherwise=HIDDEN_200)),
]


def _get_problem(response, page: Page, expected) -> str | None:
    """What is wrong with one GET cell's response, or None."""
    body, status = response.get_data(as_text=True), response.status_code
    if expected == ALLOW:
        if status != 200 or page.secret not in body:
            return f"expected 200 showing {page.secret!r}, got {status}"
        return None
    if expected == LOGIN:
        ok = status == 302 and response.headers["Location"].startswith("/login")
    elif expected == HIDDEN_200:
        ok = status == 200
    else:
        ok = status in (403, 404)
    if not ok:
        return f"expected {expected}, got {status} {response.headers.get('Location', '')}"
    if page.secret in body:
        return f"leaked {page.secret!r}"
    return None


# One world per page: every role visits it with its own client (GETs change nothing, which is asserted).
@pytest.mark.parametrize("page", [pytest.param(p, id=f"GET-{p.id}") for p in PAGES])
def test_sensitive_page_shows_only_to_permitted_roles(app, engine, world, page):
    clients = {role: app.test_client() for role in ROLES}
    for role, client in clients.items():
        act_as(client, world, role)  # a login writes its login_sessions row: before the snapshot
    before = snapshot(engine)
    problems = []
    for role, client in clients.items():
        problem = _get_problem(client.get(page.url(world)), page, page.expected[role])
        if problem:
            problems.append(f"{role} x GET {page.id}: {problem}")
    assert problems == []
    assert snapshot(engine) == before, "a GET changed the database"
