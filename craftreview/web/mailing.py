"""Wires mail into the app: the Mailer every session carries, signed unsubscribe links, SMTP delivery."""
from __future__ import annotations

from functools import partial
from urllib.parse import quote, urlsplit

import click
from flask import Flask, current_app, g
from flask.cli import with_appcontext
from itsdangerous import BadSignature
from sqlalchemy.orm import Session

from ..background import Drainer, process_drainer
from ..emails import email_key
from ..models import OutgoingMail
from ..services.mail import MAILER, QUEUED, Mailer, make_mail_backend, outbox_query
from ..services.mail_delivery import deliver_pending, hide_sent_secrets
from .signing import serializer

UNSUBSCRIBE_SALT = "craftreview.unsubscribe"
DELIVERER = "craftreview.mail.deliverer"
EXIT_WAIT_SECONDS = 10.0  # a worker exiting normally waits this long for the delivery it started


def init_app(app: Flask) -> None:
    """Attach the configured mail backend to every session the app's factory makes."""
    backend = make_mail_backend(app.config["MAIL_BACKEND"], app.config["MAIL_URL"], app.config["MAIL_FROM"])
    app.extensions["craftreview.mail"] = backend
    signer = serializer(UNSUBSCRIBE_SALT, app.config)
    mailer = Mailer(backend=backend, link=partial(public_link, app),
                    unsubscribe_token=lambda user_id, kind: signer.dumps([user_id, kind]))
    factory = app.extensions["craftreview.sessions"]
    factory.configure(info={**(factory.kw.get("info") or {}), MAILER: mailer})
    if getattr(backend, "delivers", False):
        app.after_request(_deliver_after_response)
    app.cli.add_command(deliver_mail_command)
    app.cli.add_command(read_mail_command)


def public_link(app: Flask, endpoint: str, **values) -> str:
    """An absolute link on the site's configured address (PUBLIC_URL), for mail and for links handed to someone else.
    Never built from the Host header of the request that wrote it: anyone can send that header, and a reset or
    confirmation link pointed at their host would hand them its token when the recipient clicks it."""
    base = urlsplit(app.config["PUBLIC_URL"])
    adapter = app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme or "http")
    anchor = values.pop("_anchor", None)  # url_for's fragment; the map's builder would make it a query argument
    url = adapter.build(endpoint, values, force_external=True)
    return url if anchor is None else f"{url}#{quote(str(anchor), safe='')}"


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) from a signed unsubscribe token, or None when it was not signed by us."""
    try:
        user_id, kind = serializer(UNSUBSCRIBE_SALT).loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    return (user_id, kind) if isinstance(user_id, int) and isinstance(kind, str) else None


def deliver(app: Flask | None = None) -> int:
    """Send queued mail through the configured relay (0 with the outbox backend)."""
    app = app or current_app._get_current_object()
    backend = app.extensions["craftreview.mail"]
    if not getattr(backend, "delivers", False):
        return 0
    return deliver_pending(app.extensions["craftreview.engine"], backend)


def _deliver_after_response(response):
    session = g.get("db_session")
    if session is None or not session.info.pop(QUEUED, False):
        return response
    app = current_app._get_current_object()
    if app.config.get("MAIL_DELIVER_SYNC", app.testing):
        deliver(app)  # tests read the sink right after the request
    else:
        deliverer(app).wake()  # neither the user nor the worker waits for the relay
    return response


def deliverer(app: Flask) -> Drainer:
    """This process's background mail delivery (queued mail stays queued if the process dies first)."""
    return process_drainer(app.extensions, DELIVERER, lambda: deliver(app), "mail-delivery", EXIT_WAIT_SECONDS)


@click.command("deliver-mail")
@with_appcontext
def deliver_mail_command() -> None:
    """Send mail still queued (e.g. after the relay was down) through CRAFTREVIEW_MAIL_URL."""
    sent = total = deliver()
    while sent:
        sent = deliver()
        total += sent
    click.echo(f"delivered {total} mails")
    hidden = hide_sent_secrets(current_app.extensions["craftreview.engine"])
    if hidden:
        click.echo(f"hid the link tokens of {hidden} mails marked sent")


@click.command("read-mail")
@click.option("--to", "to", default="", help="only mail to this address (any spelling of it)")
@click.option("--limit", default=3, show_default=True, help="how many mails, newest first")
@with_appcontext
def read_mail_command(to: str, limit: int) -> None:
    """Print the newest mails in the outbox as sent, links included (e.g. your own confirmation link
    while developing without a relay). Moderators' /moderation/mail hides every link's token."""
    query = outbox_query().limit(limit)
    if to:
        query = query.where(OutgoingMail.to_email_key == email_key(to))
    with Session(current_app.extensions["craftreview.engine"]) as session:
        mails = list(session.scalars(query))
        for mail in mails:
            sent = f"sent {mail.sent_at:%Y-%m-%d %H:%M}" if mail.sent_at else "not sent"
            click.echo(f"--- To: {mail.to_email} · {mail.subject} · {sent}\n{mail.body}")
    if not mails:
        click.echo("no mail" + (f" to {to}" if to else ""))
