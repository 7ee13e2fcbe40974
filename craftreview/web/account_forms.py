"""Forms for email, password reset, mail preferences and account deletion (shape checks only)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SelectChoice, SubmitField
from wtforms.validators import DataRequired, EqualTo

from ..models import NOTIFICATION_KINDS
from ..services.account_data import REVIEW_CHOICES, REVIEWS_CHOICE_MESSAGE
from ..services.passwords import MIN_LENGTH
from .forms import ADDRESS_VALIDATORS, LOOKUP_VALIDATORS, PASSWORD_LENGTH, PASSWORD_MESSAGE, passwords, trimmed


class EmailChangeForm(FlaskForm):
    email = EmailField("New email address", filters=[trimmed], validators=ADDRESS_VALIDATORS,
                       description="We send a confirmation link to the new address.")
    password = PasswordField("Current password",
                             validators=passwords("your current password to change your email address"))
    submit = SubmitField("Change email")


class ForgotPasswordForm(FlaskForm):
    email = EmailField("Email", filters=[trimmed], validators=LOOKUP_VALIDATORS)
    submit = SubmitField("Send reset link")


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(PASSWORD_MESSAGE), PASSWORD_LENGTH],
        description=f"At least {MIN_LENGTH} characters. Every other device will be logged out.")
    confirm = PasswordField("Repeat new password", validators=[EqualTo("password", "The passwords differ.")])
    submit = SubmitField("Set new password")


class MailPreferencesForm(FlaskForm):
    submit = SubmitField("Save mail preferences")


for _kind, _label in NOTIFICATION_KINDS.items():
    setattr(MailPreferencesForm, _kind, BooleanField(_label))


def preferences_form(enabled: set[str] | None = None, **kwargs) -> MailPreferencesForm:
    """The preferences form, ticked for the kinds mailed today (when given)."""
    data = {kind: kind in enabled for kind in NOTIFICATION_KINDS} if enabled is not None else None
    return MailPreferencesForm(prefix="mail", data=data, **kwargs)


class DeleteAccountForm(FlaskForm):
    reviews = RadioField("What should happen to what you wrote?",
                         choices=[SelectChoice(value=k, label=v) for k, v in REVIEW_CHOICES.items()],
                         validators=[DataRequired(REVIEWS_CHOICE_MESSAGE)], invalid_choice_message=REVIEWS_CHOICE_MESSAGE)
    password = PasswordField("Your password", validators=passwords("your password to confirm the deletion"))
    submit = SubmitField("Delete my account for good")
