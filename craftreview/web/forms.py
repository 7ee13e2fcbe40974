"""WTForms: shape checks only; services enforce the rules."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
)

from ..emails import address_problem, normalise_email
from ..models import CRAFTS, DIMENSIONS, FLAG_REASONS, HIDE_REASONS, ORDER_TYPES
from ..services.makers import MAX_LEAD_DAYS
from ..services.passwords import MAX_LENGTH, MIN_LENGTH
from ..services.reviews import RATING_MESSAGE
from .prices import price_choices

STAR_WORDS = {5: "excellent", 4: "good", 3: "acceptable", 2: "poor", 1: "very poor"}
STARS = [SelectChoice(value=n, label=f"{n} star{'s' if n > 1 else ''} – {STAR_WORDS[n]}") for n in range(5, 0, -1)]
_password_length = Length(min=MIN_LENGTH, max=MAX_LENGTH,
                          message=f"Use {MIN_LENGTH} to {MAX_LENGTH} characters.")


class BoundedIntegerField(IntegerField):
    """An integer field that refuses numbers too long to be meant (validators compare them as floats)."""

    max_digits = 9

    def process_formdata(self, valuelist):
        if valuelist and not str(valuelist[0]).strip():
            # Left blank: nothing to read. IntegerField would call "" unreadable, and pre_validate below would then
            # stop the chain before Optional() could accept the empty field.
            self.data = None
            return
        if valuelist and len(str(valuelist[0]).strip().lstrip("+-")) > self.max_digits:
            self.data = None
            raise ValueError(self.gettext("Not a valid integer value."))
        super().process_formdata(valuelist)

    def pre_validate(self, form):
        if self.process_errors:  # unreadable: its one message is there; a range check of None would add a second
            raise StopValidation()


class PlainTextAreaField(TextAreaField):
    """A textarea whose line breaks count as one character each, as the browser's maxlength counted them.

    Browsers send every line break as CR LF: a text at the textarea's maxlength would otherwise fail Length.
    """

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if isinstance(self.data, str):
            self.data = self.data.replace("\r\n", "\n")


def trimmed(value):
    """Field filter: an address typed or pasted with spaces around it is that address (browsers trim them too)."""
    return value.strip() if isinstance(value, str) else value


def storable_email(form, field) -> None:
    """Validator: the services' own address check (emails.address_problem), so the form gives their reason first."""
    problem = address_problem(normalise_email(field.data))
    if problem:
        raise StopValidation(problem)


# An address someone gives as theirs or a buyer's (not a login or reset lookup, which only match stored ones).
ADDRESS_VALIDATORS = (DataRequired(), Length(max=254), storable_email, Email())


def _choices(mapping: dict[str, str], blank: str | None = None) -> list[SelectChoice]:
    items = [SelectChoice(value=key, label=label) for key, label in mapping.items()]
    return ([SelectChoice(value="", label=blank)] + items) if blank is not None else items


class ActionForm(FlaskForm):
    """A CSRF-protected button (votes, withdraw, logout)."""


class RegisterForm(FlaskForm):
    email = EmailField("Email", filters=[trimmed], validators=ADDRESS_VALIDATORS)
    display_name = StringField("Display name", validators=[DataRequired(), Length(min=2, max=60)],
                               description="Shown next to your reviews.")
    password = PasswordField("Password", validators=[DataRequired(), _password_length],
                             description=f"At least {MIN_LENGTH} characters. A passphrase works well.")
    confirm = PasswordField("Repeat password", validators=[EqualTo("password", "The passwords differ.")])
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    email = EmailField("Email", filters=[trimmed], validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=MAX_LENGTH)])
    remember = BooleanField("Remember me on this device")
    submit = SubmitField("Log in")


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField("New password", validators=[DataRequired(), _password_length])
    confirm = PasswordField("Repeat new password", validators=[EqualTo("new_password", "The passwords differ.")])
    submit = SubmitField("Change password")


class DisplayNameForm(FlaskForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(min=2, max=60)])
    submit = SubmitField("Save name")


class MakerForm(FlaskForm):
    name = StringField("Maker or studio name", validators=[DataRequired(), Length(min=2, max=100)])
    slug = StringField("Profile address", validators=[DataRequired(), Length(min=3, max=80)],
                       description="Lowercase letters, digits and hyphens: craftreview/makers/your-address")
    craft = SelectField("Craft", choices=_choices(CRAFTS), validators=[DataRequired()])
    location = StringField("Location", validators=[Optional(), Length(max=100)], description="City, Country")
    bio = PlainTextAreaField("About your work", validators=[Optional(), Length(max=5000)])
    website = StringField("Website", validators=[Optional(), Length(max=300)], description="https://…")
    accepts_custom = BooleanField("I accept custom orders")
    lead_time_days = BoundedIntegerField("Typical lead time (days)",
                                         validators=[Optional(), NumberRange(0, MAX_LEAD_DAYS)])
    submit = SubmitField("Save profile")


class StarField(RadioField):
    """1 to 5 stars: a missing, unreadable or out-of-range value all get the one message, once."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None  # reported by pre_validate, like any other value that is not 1 to 5

    def pre_validate(self, form):
        if self.data not in STAR_WORDS:
            raise StopValidation(RATING_MESSAGE)


def _star_field(name: str) -> StarField:
    # DataRequired only marks the radios `required` for the browser; pre_validate has refused bad values already.
    return StarField(name.capitalize(), choices=STARS, coerce=int, validators=[DataRequired(RATING_MESSAGE)],
                     description=DIMENSIONS[name])


class _RatingsMixin:
    craftsmanship = _star_field("craftsmanship")
    consistency = _star_field("consistency")
    delivery = _star_field("delivery")
    title = StringField("Title", validators=[DataRequired(), Length(min=3, max=120)])
    body = PlainTextAreaField("Your review", validators=[DataRequired(), Length(min=10, max=5000)],
                         description="Plain text, up to 5,000 characters. Blank lines start new paragraphs.")
    delivered_on = DateField("Delivered on", validators=[Optional()])


class ReviewForm(_RatingsMixin, FlaskForm):
    order_type = SelectField("Order type", choices=_choices(ORDER_TYPES, "Not stated"), validators=[Optional()])
    price_band = SelectField("Price band", choices=price_choices("Not stated"), validators=[Optional()])
    ordered_on = DateField("Ordered on", validators=[Optional()])
    promised_by = DateField("Promised by", validators=[Optional()])
    submit = SubmitField("Publish review")


class VerifiedReviewForm(_RatingsMixin, FlaskForm):
    submit = SubmitField("Publish verified review")


class ReplyForm(FlaskForm):
    body = PlainTextAreaField("Your public reply", validators=[DataRequired(), Length(min=2, max=3000)])
    submit = SubmitField("Publish reply")


class FlagForm(FlaskForm):
    reason = RadioField("What is wrong with this review?", choices=_choices(FLAG_REASONS),
                        validators=[DataRequired("Choose a reason.")])
    note = PlainTextAreaField("Note for the moderators", validators=[Optional(), Length(max=1000)])
    # The review's revision_count when the report page was drawn: the flag is about the text it showed.
    revision = HiddenField()
    submit = SubmitField("Send to moderators")

    def seen_revision(self) -> int | None:
        """The version the page showed, when the hidden field reads as one (never an error: nobody types it)."""
        value = (self.revision.data or "").strip()
        return int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else None


class HideForm(FlaskForm):
    reason = SelectField("Policy reason", choices=_choices(HIDE_REASONS, "Choose a reason…"),
                         validators=[DataRequired("Choose the policy reason.")])
    note = PlainTextAreaField("Note (shown in the audit log)", validators=[Optional(), Length(max=1000)])
    submit = SubmitField("Hide review")


class NoteForm(FlaskForm):
    note = PlainTextAreaField("Note (shown in the audit log)", validators=[Optional(), Length(max=1000)])
    submit = SubmitField("Confirm")

    def __init__(self, *args, label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.note.label.text = label


class OrderForm(FlaskForm):
    buyer_email = EmailField("Buyer's email", filters=[trimmed], validators=ADDRESS_VALIDATORS)
    item = StringField("Item", validators=[DataRequired(), Length(min=2, max=200)])
    order_type = SelectField("Order type", choices=_choices(ORDER_TYPES, "Choose…"),
                             validators=[DataRequired("Choose stock or custom order.")])
    price_band = SelectField("Price band", choices=price_choices("Choose…"),
                             validators=[DataRequired("Choose a price band.")])
    # InputRequired, not DataRequired: an impossible date (2026-02-30) keeps its "Not a valid date value." message
    ordered_on = DateField("Ordered on", validators=[InputRequired("Enter the order date.")])
    promised_by = DateField("Promised by", validators=[Optional()])
    submit = SubmitField("Record order and create invitation")
