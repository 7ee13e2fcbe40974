"""Every form speaks in its own words: no WTForms default message ("This field is required.", "Not a valid integer
value.") reaches a page, whichever validator or coercion a submission trips.

The default messages are read from WTForms' own source at test time (every gettext/ngettext literal), so a
validator or field type added later is covered without listing its message here.
"""
from __future__ import annotations

import ast
import html
import inspect
import re
import secrets
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
import wtforms
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, DateField, DecimalField, FloatField, HiddenField, IntegerField, SubmitField
from wtforms.fields.choices import SelectFieldBase
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, NumberRange, Optional

from craftreview.models import Order, utcnow
from craftreview.services.orders import hash_token
from craftreview.services.tokens import issue_token
from craftreview.web import account_forms, forms
from tests.conftest import PASSWORD, login

FORM_MODULES = (forms, account_forms)


@cache
def wtforms_default_messages() -> dict[str, re.Pattern]:
    """Every message WTForms writes itself: the string literals passed to gettext/ngettext in its source, as
    patterns in which a %(min)d or %s placeholder matches any text."""
    found = set()
    for path in Path(wtforms.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
                    "gettext", "ngettext"}:
                found.update(arg.value for arg in node.args
                             if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return {message: re.compile(re.sub(r"%(?:\\\(\w+\\\))?[sd]", ".+?", re.escape(message))) for message in found}


def default_messages_in(text: str) -> list[str]:
    """The WTForms default messages found in `text` (a page, or a form's error messages)."""
    text = html.unescape(text)
    return sorted(message for message, pattern in wtforms_default_messages().items() if pattern.search(text))


def test_the_default_messages_are_read_from_wtforms():
    for default in ("This field is required.", "Not a valid integer value.", "Not a valid date value.",
                    "Not a valid choice.", "Invalid email address.", "Number must be between 0 and 730.",
                    "Field must be between 10 and 5000 characters long.", "Field cannot be longer than 1 character."):
        assert default_messages_in(default), default
    assert not default_messages_in("Write your review in 10 to 5,000 characters.")


def form_classes() -> list[type[FlaskForm]]:
    """Every form class the web layer defines."""
    return sorted({cls for module in FORM_MODULES for _name, cls in inspect.getmembers(module, inspect.isclass)
                   if issubclass(cls, FlaskForm) and cls.__module__ == module.__name__}, key=lambda c: c.__name__)


def bad_values(field) -> list[str]:
    """Values that trip each of the field's validators and its coercion (several per field)."""
    values = []
    if isinstance(field, (IntegerField, DecimalField, FloatField)):
        values += ["abc", "1.5", "9" * 20]
    if isinstance(field, DateField):
        values += ["2026-02-30", "03/11/2026"]
    if isinstance(field, SelectFieldBase):
        values += ["not-a-choice"]
    for validator in field.validators:
        if isinstance(validator, (DataRequired, InputRequired)):
            values.append("")
        elif isinstance(validator, Length):
            values += (["x" * (validator.min - 1)] if validator.min > 0 else []) + (
                ["x" * (validator.max + 1)] if validator.max >= 0 else [])
        elif isinstance(validator, NumberRange):
            values += [str(v) for v in (validator.min - 1 if validator.min is not None else None,
                                        validator.max + 1 if validator.max is not None else None) if v is not None]
        elif isinstance(validator, Email):
            values.append("name@nowhere")
        elif isinstance(validator, EqualTo):
            values.append("not the other field")
        elif isinstance(validator, Optional) or inspect.isfunction(validator):
            continue  # nothing to trip / our own validator, with our own message
        else:
            pytest.fail(f"{type(validator).__name__} on {field.name}: teach bad_values() how to trip it")
    return values


def submissions(form: FlaskForm) -> list[MultiDict]:
    """Bodies that together give every field each of its bad values (field by field, the i-th bad value)."""
    cases = {field.name: bad_values(field) for field in form
             if not isinstance(field, (SubmitField, HiddenField, BooleanField)) and field.name != "csrf_token"}
    rounds = max((len(values) for values in cases.values()), default=0)
    return [MultiDict({name: values[i % len(values)] for name, values in cases.items() if values})
            for i in range(rounds)]


def _bound(app, cls, data=None):
    prefix = {"PasswordForm": "pw", "DisplayNameForm": "nm", "EmailChangeForm": "em"}.get(cls.__name__, "")
    return cls(formdata=data, prefix=prefix, meta={"csrf": False}) if data is not None else cls(
        prefix=prefix, meta={"csrf": False})


@pytest.mark.parametrize("cls", form_classes(), ids=lambda cls: cls.__name__)
def test_no_validator_or_coercion_of_any_form_gives_a_wtforms_default_message(app, cls):
    with app.test_request_context(method="POST"):
        for body in submissions(_bound(app, cls)):
            form = _bound(app, cls, body)
            assert not form.validate()
            messages = [m for errors in form.errors.values() for m in errors]
            assert messages and default_messages_in(" ".join(messages)) == [], (dict(body), form.errors)


@pytest.fixture
def pages(db, make_user, make_maker, make_review):
    """Where each form is submitted, and by whom: form class name -> (user or None, path)."""
    buyer, owner, moderator = make_user("buyer"), make_user("owner"), make_user("moderator", moderator=True)
    invited, newcomer = make_user("invited"), make_user("newcomer")
    maker = make_maker(owner)
    review = make_review(buyer, maker)
    invited.email_confirmed_at = utcnow()
    token = secrets.token_urlsafe(16)
    db.add(Order(maker_id=maker.id, token_hash=hash_token(token), buyer_email=invited.email, item="Vase",
                 order_type="stock", price_band="25-100", ordered_on=date.today() - timedelta(days=20),
                 expires_at=utcnow() + timedelta(days=30)))
    db.commit()
    reset = issue_token(db, buyer, "reset_password", utcnow())
    db.commit()
    return {
        "RegisterForm": [(None, "/register")], "LoginForm": [(None, "/login")],
        "ForgotPasswordForm": [(None, "/reset-password")], "ResetPasswordForm": [(None, f"/reset-password/{reset}")],
        "PasswordForm": [(buyer, "/account/password")], "DisplayNameForm": [(buyer, "/account/name")],
        "EmailChangeForm": [(buyer, "/account/email")], "DeleteAccountForm": [(buyer, "/account/delete")],
        "MakerForm": [(newcomer, "/makers/new"), (owner, f"/makers/{maker.slug}/edit")],
        "ReviewForm": [(newcomer, f"/makers/{maker.slug}/review"), (buyer, f"/reviews/{review.id}/edit")],
        "VerifiedReviewForm": [(invited, f"/invite/{token}")],
        "ReplyForm": [(owner, f"/reviews/{review.id}/reply")], "FlagForm": [(newcomer, f"/reviews/{review.id}/flag")],
        "OrderForm": [(owner, "/dashboard")],
        "HideForm": [(moderator, f"/moderation/reviews/{review.id}/hide")],
        "NoteForm": [(moderator, f"/moderation/reviews/{review.id}/dismiss")],
        "RestoreForm": [(moderator, f"/moderation/reviews/{review.id}/restore")],
        "SuspendForm": [(moderator, f"/moderation/users/{buyer.id}/suspend")],
    }


def _prefixed(body: MultiDict, path: str) -> MultiDict:
    prefix = {"/account/password": "pw-", "/account/name": "nm-", "/account/email": "em-", "/hide": "hide-",
              "/restore": "restore-", "/dismiss": "dismiss-", "/suspend": "suspend-"}
    found = next((p for end, p in prefix.items() if path.endswith(end)), "")
    return MultiDict({f"{found}{key}": value for key, value in body.items()})


def test_no_page_shows_a_wtforms_default_message_whatever_is_submitted(app, pages):
    for cls in form_classes():
        with app.test_request_context(method="POST"):
            bodies = [MultiDict({k.split("-", 1)[-1]: v for k, v in b.items()}) for b in submissions(_bound(app, cls))]
        if not bodies:
            continue  # buttons and check boxes only: nothing can be refused
        assert cls.__name__ in pages, f"{cls.__name__}: add the page it is submitted on"
        for user, path in pages[cls.__name__]:
            for body in bodies:
                client = app.test_client()
                if user is not None:
                    login(client, user)
                response = client.post(path, data=_prefixed(body, path))
                page = response.get_data(as_text=True)
                assert response.status_code == 400, (path, dict(body), response.status_code)
                assert default_messages_in(page) == [], (path, dict(body))


def test_the_error_summary_ends_a_question_label_without_an_extra_full_stop(client, db, make_user, make_maker,
                                                                          make_review):
    """The summary at the top of a refused form ends its list of labels with a full stop; the report form's only
    field is the question 'What is wrong with this review?', which read 'What is wrong with this review?.'."""
    review = make_review(make_user("author"), make_maker())
    login(client, make_user("reader"))
    response = client.post(f"/reviews/{review.id}/flag", data={"note": "hm", "revision": "0"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "What is wrong with this review?</a>" in page
    assert "review?</a>." not in page


@pytest.mark.parametrize(("url", "extra"), [
    ("/register", {"display_name": "Long Address", "password": "a long enough passphrase",
                   "confirm": "a long enough passphrase"}),
    ("/login", {"password": "a long enough passphrase"}),
    ("/reset-password", {}),
])
def test_an_overlong_address_gets_one_reason_not_two(client, url, extra):
    """Over the length limit, the length is the reason; 'Enter an email address in the form ...' beside it said the
    same address was also malformed."""
    page = client.post(url, data={"email": "a" * 300 + "@example.com", **extra}).get_data(as_text=True)
    errors = re.findall(r'id="email-error-\d+"[^>]*>([^<]*)<', page)
    assert errors == [f"An email address has at most {forms.MAX_EMAIL} characters."], errors
    assert f'maxlength="{forms.MAX_EMAIL}"' in page  # the browser still stops typing at the limit


@pytest.mark.parametrize("typed", ["buyer.example.com", "buyer at example dot com"])
def test_a_typed_address_without_an_at_sign_is_told_what_an_address_looks_like(client, make_user, typed):
    """The account page's change of address said "Enter an email address." to someone who had typed one (without its
    @), as if the field were empty; registration and the account page now both say what an address looks like."""
    shape = "Enter an email address in the form name@example.com."
    register = client.post("/register", data={"email": typed, "display_name": "Typed Address",
                                              "password": PASSWORD, "confirm": PASSWORD}).get_data(as_text=True)
    login(client, make_user("Typist"))
    account = client.post("/account/email", data={"em-email": typed, "em-password": PASSWORD}).get_data(as_text=True)
    for page in (register, account):
        assert re.findall(r'id="(?:em-)?email-error-\d+"[^>]*>([^<]*)<', page) == [shape]
    empty = client.post("/account/email", data={"em-email": " ", "em-password": PASSWORD}).get_data(as_text=True)
    assert re.findall(r'id="em-email-error-\d+"[^>]*>([^<]*)<', empty) == ["Enter an email address."]
