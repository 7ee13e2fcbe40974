"""The SMTP mail backend delivers queued mail to a relay after commit (a local aiosmtpd sink)."""
from __future__ import annotations

import email
import re
import smtplib
import socket
import threading
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from craftreview import create_app
from craftreview.models import OutgoingMail
from craftreview.services.mail import SmtpSettings, make_mail_backend
from craftreview.services.mail_delivery import deliver_pending
from craftreview.web import mailing
from tests.conftest import fresh


class Sink:
    """An SMTP handler that keeps every message it receives."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def sink():
    handler = Sink()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


@pytest.fixture
def smtp_app(database_url, tmp_path, sink):
    _handler, port = sink
    application = create_app({
        "ENV_NAME": "test", "TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(tmp_path / "instance"), "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "MAIL_URL": f"smtp://127.0.0.1:{port}",
        "MAIL_FROM": "craftreview <no-reply@craftreview.test>",
    })
    yield application
    application.extensions["craftreview.engine"].dispose()


def test_a_registration_mail_reaches_the_relay_as_text_and_html(smtp_app, sink):
    handler, _port = sink
    client = smtp_app.test_client()
    client.post("/register", data={"email": "ana@example.com", "display_name": "Ana",
                                   "password": "a long enough passphrase", "confirm": "a long enough passphrase"})
    [message] = handler.messages
    assert message["To"] == "ana@example.com" and message["From"] == "craftreview <no-reply@craftreview.test>"
    assert "Confirm your email" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "/confirm-email/" in text and "Confirm my email address" in html
    session = smtp_app.extensions["craftreview.sessions"]()
    assert session.scalar(select(OutgoingMail.sent_at)) is not None  # marked delivered
    session.close()


def test_outside_tests_the_relay_is_called_from_the_background_thread_not_the_request(smtp_app, sink, monkeypatch):
    handler, _port = sink
    smtp_app.config["MAIL_DELIVER_SYNC"] = False
    threads, real = [], mailing.deliver
    monkeypatch.setattr(mailing, "deliver", lambda app=None: threads.append(threading.current_thread().name)
                        or real(app))
    response = smtp_app.test_client().post("/register", data={
        "email": "bo@example.com", "display_name": "Bo", "password": "a long enough passphrase",
        "confirm": "a long enough passphrase"})
    assert response.status_code == 302
    assert mailing.deliverer(smtp_app).wait_idle(timeout=30)
    assert threads == ["mail-delivery"]
    assert [m["To"] for m in handler.messages] == ["bo@example.com"]


def test_mail_stays_queued_while_the_relay_is_down_and_goes_out_later(smtp_app, sink, db_for):
    handler, port = sink
    session = db_for(smtp_app)
    backend = make_mail_backend("outbox", f"smtp://127.0.0.1:{_free_port()}")  # nobody listens there
    backend.send(session, to="later@example.com", subject="Queued", body="Hello", html="<p>Hello</p>")
    session.commit()
    engine = smtp_app.extensions["craftreview.engine"]
    assert deliver_pending(engine, backend) == 0
    fresh(session)
    assert session.scalar(select(OutgoingMail.sent_at)) is None and handler.messages == []
    assert mailing.deliver(smtp_app) == 1  # the configured relay is up
    assert [m["Subject"] for m in handler.messages] == ["Queued"]
    assert mailing.deliver(smtp_app) == 0  # never twice


@pytest.fixture
def db_for():
    sessions = []

    def factory(app):
        sessions.append(app.extensions["craftreview.sessions"]())
        return sessions[-1]
    yield factory
    for session in sessions:
        session.close()


@pytest.mark.parametrize(("url", "expected"), [
    ("smtp://mail.example.com:2525", SmtpSettings("mail.example.com", 2525)),
    ("smtps://bob:s%40cret@mail.example.com", SmtpSettings("mail.example.com", 465, ssl=True, username="bob",
                                                           password="s@cret")),
    ("smtp://relay?starttls=1", SmtpSettings("relay", 25, starttls=True)),
])
def test_mail_urls_are_parsed(url, expected):
    assert SmtpSettings.from_url(url) == expected


@pytest.mark.parametrize("url", ["http://example.com", "smtp://", "mail.example.com:25"])
def test_a_malformed_mail_url_is_refused(url):
    with pytest.raises(ValueError):
        SmtpSettings.from_url(url)


def test_the_stored_copy_of_a_sent_mail_keeps_no_live_link(smtp_app, sink, db_for):
    handler, _port = sink
    client = smtp_app.test_client()
    client.post("/register", data={"email": "ivo@example.com", "display_name": "Ivo",
                                   "password": "a long enough passphrase", "confirm": "a long enough passphrase"})
    [message] = handler.messages
    path = re.search(r"(/confirm-email/\S+)", message.get_body(("plain",)).get_content()).group(1)
    token = path.removeprefix("/confirm-email/")
    stored = db_for(smtp_app).scalar(select(OutgoingMail))
    assert stored.sent_at is not None and token not in stored.body and token not in stored.html_body
    assert "/confirm-email/[hidden]" in stored.body
    assert client.post(path).status_code == 302  # the recipient's copy still works


def test_a_mail_the_relay_refused_stays_queued_with_its_link(smtp_app, sink, db_for, monkeypatch):
    handler, _port = sink
    session = db_for(smtp_app)
    backend = smtp_app.extensions["craftreview.mail"]
    backend.send(session, to="later@example.com", subject="Reset", body="http://h/reset-password/tok3n-value")
    session.commit()

    def refuse(self, message):
        raise smtplib.SMTPRecipientsRefused({"later@example.com": (550, b"no")})
    monkeypatch.setattr(smtplib.SMTP, "send_message", refuse)
    assert deliver_pending(smtp_app.extensions["craftreview.engine"], backend) == 0
    fresh(session)
    mail = session.scalar(select(OutgoingMail))
    assert mail.sent_at is None and mail.body == "http://h/reset-password/tok3n-value"


def test_a_subject_stored_with_a_line_break_goes_out_on_one_line(smtp_app, sink, db_for):
    """Stored before names and items were cleaned to one line: the header must not end at the break."""
    handler, _port = sink
    session = db_for(smtp_app)
    backend = smtp_app.extensions["craftreview.mail"]
    backend.send(session, to="ana@example.com", subject='Order "Plate\r\nX-Injected: yes"', body="Hello")
    session.commit()
    assert deliver_pending(smtp_app.extensions["craftreview.engine"], backend) == 1
    [message] = handler.messages
    assert message["Subject"] == 'Order "Plate X-Injected: yes"' and message["X-Injected"] is None


def test_a_mail_that_cannot_be_built_stays_queued_and_the_rest_go_out(smtp_app, sink, db_for):
    """Not marked sent (so not lost with its links hidden), and the batch after it is not abandoned."""
    handler, _port = sink
    session = db_for(smtp_app)
    backend = smtp_app.extensions["craftreview.mail"]
    backend.send(session, to="broken@example.com\nBcc: x@example.com", subject="Broken", body="tok3n")
    backend.send(session, to="fine@example.com", subject="Fine", body="Hello")
    session.commit()
    assert deliver_pending(smtp_app.extensions["craftreview.engine"], backend) == 1
    assert [m["To"] for m in handler.messages] == ["fine@example.com"]
    fresh(session)
    broken = session.scalar(select(OutgoingMail).where(OutgoingMail.subject == "Broken"))
    assert broken.sent_at is None and broken.body == "tok3n"
