"""WTForms: shape checks only; services enforce the rules."""
from __future__ import annotations

import calendar
import re
from datetime import date

from flask_wtf import FlaskForm
from itsdangerous import BadSignature, URLSafeSerializer
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
    ValidationError,
)

from ..emails import ADDRESS_SHAPE, address_problem, normalise_email
from ..emails import MAX_LENGTH as MAX_EMAIL
from ..models import CRAFTS, DIMENSIONS, FLAG_REASONS, HIDE_REASONS, ORDER_TYPES
from ..services import drawn
from ..services.accounts import DISPLAY_NAME_MESSAGE
from ..services.engagement import REASON_MESSAGE
from ..services.makers import CRAFT_MESSAGE, LEAD_TIME_MESSAGE, MAX_LEAD_DAYS, NAME_MESSAGE, SLUG_MESSAGE
from ..services.moderation import HIDE_REASON_MESSAGE
from ..services.orders import ITEM_MESSAGE
from ..services.passwords import MAX_LENGTH, MIN_LENGTH
from ..services.replies import MAX_REPLY, REPLY_MESSAGE
from ..services.reviews import (
    BODY_MESSAGE,
    MAX_BODY,
    MAX_TITLE,
    ORDER_TYPE_MESSAGE,
    PRICE_BAND_MESSAGE,
    RATING_MESSAGE,
    TITLE_MESSAGE,
)
from .prices import price_choices
from .signing import serializer

# Every validator and every field that reads its value (a number, a date, a choice) says in plain words what to
# enter: WTForms' own wording ("This field is required.", "Not a valid integer value.") never names the field or
# the limit. tests/web/test_form_messages.py trips each one.
STAR_WORDS = {5: "excellent", 4: "good", 3: "acceptable", 2: "poor", 1: "very poor"}
STARS = [SelectChoice(value=n, label=f"{n} star{'s' if n > 1 else ''} – {STAR_WORDS[n]}") for n in range(5, 0, -1)]
PASSWORD_MESSAGE = f"Use {MIN_LENGTH} to {MAX_LENGTH} characters."
PASSWORD_LENGTH = Length(min=MIN_LENGTH, max=MAX_LENGTH, message=PASSWORD_MESSAGE)
DATE_EXAMPLE = "as YYYY-MM-DD, e.g. 2026-11-03"


def between(low: int, high: int, message: str) -> list:
    """Required text of `low` to `high` characters: blank or not, one message, the same as the service's."""
    return [DataRequired(message), Length(min=low, max=high, message=message)]


def at_most(limit: int, what: str) -> Length:
    """An optional text's upper limit, said with the field's name."""
    return Length(max=limit, message=f"{what} can be at most {limit:,} characters.")


NOTE_LENGTH = at_most(1000, "The note")


_DATE_SHAPE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


class TypedDateField(DateField):
    """A hand-typed YYYY-MM-DD date. Spaces around it are ignored; a value in the right shape that names no day
    (2026-02-30, month 13, year 0000) says so, rather than asking for a format it already has."""

    def __init__(self, label=None, validators=None, *, what: str = "date", **kwargs):
        kwargs.setdefault("invalid_value_message", f"Enter the {what} {DATE_EXAMPLE}.")
        super().__init__(label, validators, **kwargs)
        self.what = what

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        typed = " ".join(valuelist).strip()
        self.raw_data, self.data = [typed], None  # blank once trimmed: InputRequired asks for the date
        if typed:
            self.data = self._read(typed)

    def _read(self, typed: str) -> date:
        shape = _DATE_SHAPE.fullmatch(typed)
        if shape is None:
            raise ValueError(self.invalid_value_message)
        year, month, day = (int(part) for part in shape.groups())
        if year < 1:
            raise ValueError(f"There is no year 0000: enter the {self.what} {DATE_EXAMPLE}.")
        if not 1 <= month <= 12:
            raise ValueError(f"There is no month {month}: enter the {self.what} {DATE_EXAMPLE}.")
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise ValueError(f"{typed} is not a date: {calendar.month_name[month]} {year} has {days} days.")
        return date(year, month, day)


def date_field(label: str, what: str, validators) -> DateField:
    """A YYYY-MM-DD date whose unreadable value is refused with the format and an example (TypedDateField)."""
    return TypedDateField(label, validators, what=what)


def passwords(what: str = "your password") -> list:
    """A password typed to prove who you are: required, and no longer than any stored one can be."""
    return [DataRequired(f"Enter {what}."), Length(max=MAX_LENGTH, message=f"Passwords are at most {MAX_LENGTH} "
                                                                            "characters.")]


class BoundedIntegerField(IntegerField):
    """An integer field that refuses numbers too long to be meant (validators compare them as floats)."""

    max_digits = 9

    def __init__(self, label=None, validators=None, *, invalid_value_message: str, range_message: str | None = None,
                 **kwargs):
        super().__init__(label, validators, invalid_value_message=invalid_value_message, **kwargs)
        # A whole number with too many digits is out of range, not unreadable: it gets the range's message.
        self.range_message = range_message or invalid_value_message

    def process_formdata(self, valuelist):
        if valuelist and not str(valuelist[0]).strip():
            # Left blank: nothing to read. IntegerField would call "" unreadable, and pre_validate below would then
            # stop the chain before Optional() could accept the empty field.
            self.data = None
            return
        digits = str(valuelist[0]).strip().lstrip("+-") if valuelist else ""
        if len(digits) > self.max_digits:
            self.data = None
            raise ValueError(self.range_message if digits.isascii() and digits.isdigit() else self.invalid_value_message)
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


class _EmailLength(Length):
    """Length that stops the chain: an overlong address gets that one reason, not also a format complaint (the field
    keeps Length's maxlength attribute)."""

    def __call__(self, form, field) -> None:
        try:
            super().__call__(form, field)
        except ValidationError as problem:
            raise StopValidation(str(problem)) from problem


EMAIL_LENGTH = _EmailLength(max=MAX_EMAIL, message=f"An email address has at most {MAX_EMAIL} characters.")
# An address someone gives as theirs or a buyer's (not a login or reset lookup, which only match stored ones).
ADDRESS_VALIDATORS = (DataRequired("Enter an email address."), EMAIL_LENGTH, storable_email, Email(ADDRESS_SHAPE))


def address_shaped(form, field) -> None:
    """Validator for a looked-up address: text on both sides of an @, nothing stricter (an address stored under an
    older check must still find its account); it says nothing about whether any account uses the address."""
    local, at, domain = (field.data or "").rpartition("@")
    if not (at and local and domain):
        raise StopValidation(ADDRESS_SHAPE)


# An address looked up among the stored ones (login, password reset).
LOOKUP_VALIDATORS = (DataRequired("Enter your email address."), EMAIL_LENGTH, address_shaped)


def _choices(mapping: dict[str, str], blank: str | None = None) -> list[SelectChoice]:
    items = [SelectChoice(value=key, label=label) for key, label in mapping.items()]
    return ([SelectChoice(value="", label=blank)] + items) if blank is not None else items


class ActionForm(FlaskForm):
    """A CSRF-protected button (votes, withdraw, logout)."""


class RegisterForm(FlaskForm):
    email = EmailField("Email", filters=[trimmed], validators=ADDRESS_VALIDATORS)
    display_name = StringField("Display name", validators=between(2, 60, DISPLAY_NAME_MESSAGE),
                               description="Shown next to your reviews.")
    password = PasswordField("Password", validators=[DataRequired(PASSWORD_MESSAGE), PASSWORD_LENGTH],
                             description=f"At least {MIN_LENGTH} characters. A passphrase works well.")
    confirm = PasswordField("Repeat password", validators=[EqualTo("password", "The passwords differ.")])
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    email = EmailField("Email", filters=[trimmed], validators=LOOKUP_VALIDATORS)
    password = PasswordField("Password", validators=passwords())
    remember = BooleanField("Remember me on this device")
    submit = SubmitField("Log in")


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=passwords("your current password"))
    new_password = PasswordField("New password", validators=[DataRequired(PASSWORD_MESSAGE), PASSWORD_LENGTH])
    confirm = PasswordField("Repeat new password", validators=[EqualTo("new_password", "The passwords differ.")])
    submit = SubmitField("Change password")


class DisplayNameForm(FlaskForm):
    display_name = StringField("Display name", validators=between(2, 60, DISPLAY_NAME_MESSAGE))
    submit = SubmitField("Save name")


class _DrawnMixin:
    """The text an edit form was drawn from (services/drawn.py): a tab opened before another tab saved is told so."""

    drawn = HiddenField()

    def show_drawn(self, version: int | None) -> None:
        """Stamp the form with the version of what it shows (a revision_count, a profile's version; None: none yet)."""
        self.drawn.data = drawn.stamp(version)

    def drawn_from(self) -> drawn.Drawn:
        return drawn.read_stamp(self.drawn.data)


class MakerForm(_DrawnMixin, FlaskForm):
    name = StringField("Maker or studio name", validators=between(2, 100, NAME_MESSAGE))
    slug = StringField("Profile address", validators=between(3, 80, SLUG_MESSAGE),
                       description="Lowercase letters, digits and hyphens: craftreview/makers/your-address")
    craft = SelectField("Craft", choices=_choices(CRAFTS), validators=[DataRequired(CRAFT_MESSAGE)],
                        invalid_choice_message=CRAFT_MESSAGE)
    location = StringField("Location", validators=[Optional(), at_most(100, "The location")],
                           description="City, Country")
    bio = PlainTextAreaField("About your work", validators=[Optional(), at_most(5000, "About your work")])
    website = StringField("Website", validators=[Optional(), at_most(300, "The website address")],
                          description="https://…")
    accepts_custom = BooleanField("I accept custom orders")
    lead_time_days = BoundedIntegerField("Typical lead time (days)",
                                         validators=[Optional(), NumberRange(0, MAX_LEAD_DAYS, LEAD_TIME_MESSAGE)],
                                         invalid_value_message="Lead time must be a whole number of days, e.g. 14.",
                                         range_message=LEAD_TIME_MESSAGE)
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


class _RatingsMixin(_DrawnMixin):
    craftsmanship = _star_field("craftsmanship")
    consistency = _star_field("consistency")
    delivery = _star_field("delivery")
    title = StringField("Title", validators=between(3, MAX_TITLE, TITLE_MESSAGE))
    body = PlainTextAreaField("Your review", validators=between(10, MAX_BODY, BODY_MESSAGE),
                         description="Plain text, up to 5,000 characters. Blank lines start new paragraphs.")


def _delivery_dates() -> tuple[DateField, DateField]:
    """Promised by, then delivered on: made in the order the form shows them, which is the order WTForms lists
    fields in (and so the order the error summary names them)."""
    return (date_field("Promised by", "promised date", [Optional()]),
            date_field("Delivered on", "delivery date", [Optional()]))


class ReviewForm(_RatingsMixin, FlaskForm):
    order_type = SelectField("Order type", choices=_choices(ORDER_TYPES, "Not stated"), validators=[Optional()],
                             invalid_choice_message=ORDER_TYPE_MESSAGE)
    price_band = SelectField("Price band", choices=price_choices("Not stated"), validators=[Optional()],
                             invalid_choice_message=PRICE_BAND_MESSAGE)
    ordered_on = date_field("Ordered on", "order date", [Optional()])
    promised_by, delivered_on = _delivery_dates()
    submit = SubmitField("Publish review")


class VerifiedReviewForm(_RatingsMixin, FlaskForm):
    # The buyer's date is the one counted (services.reviews.with_order_facts); its hint says what the field holds.
    promised_by, delivered_on = _delivery_dates()
    submit = SubmitField("Publish verified review")

    def describe_promise(self, recorded: date | None, editing: bool) -> VerifiedReviewForm:
        """Set the promised date's hint: true to what the field was filled in with and to what leaving it empty does."""
        if recorded is None:
            hint = ("The maker recorded no promised date. If you were promised one, enter it: it shows whether your "
                    "order came on time.")
        else:
            from .filters import format_date  # filters reads this module's STAR_WORDS: imported when used
            kept = f"the maker's ({format_date(recorded)})"
            hint = (f"Your date is the one that counts; it may be earlier than {kept}, not later. Left empty, the "
                    "maker's is used." if editing else
                    "Filled in from the maker's record. If you were told an earlier date, enter that one: your date "
                    "is the one that counts.")
        self.promised_by.description = hint
        return self


class ReplyForm(_DrawnMixin, FlaskForm):
    body = PlainTextAreaField("Your public reply", validators=between(2, MAX_REPLY, REPLY_MESSAGE))
    submit = SubmitField("Publish reply")


class FlagForm(FlaskForm):
    reason = RadioField("What is wrong with this review?", choices=_choices(FLAG_REASONS),
                        validators=[DataRequired("Choose a reason.")], invalid_choice_message=REASON_MESSAGE)
    note = PlainTextAreaField("Note for the moderators", validators=[Optional(), NOTE_LENGTH])
    # The review, its revision_count when the report page was drawn and the reader it was drawn for, signed: the flag
    # is about the text that reader was shown, and nobody can claim a version the page never showed them.
    revision = HiddenField()
    submit = SubmitField("Send to moderators")

    def show_revision(self, review_id: int, revision: int, reader_id: int) -> None:
        """Stamp the form with the version the page shows this reader."""
        self.revision.data = _revision_stamps().dumps([review_id, revision, reader_id])

    def seen_revision(self, review_id: int, reader_id: int) -> int | None:
        """The version the page showed, when the stamp is intact and was drawn for this review and this reader; else
        None, which the service reads as the current text (never an error: nobody types it)."""
        try:
            stamped_id, revision, stamped_reader = _revision_stamps().loads(self.revision.data or "")
        except (BadSignature, TypeError, ValueError):
            return None
        mine = stamped_id == review_id and stamped_reader == reader_id
        return revision if mine and type(revision) is int else None


def _revision_stamps() -> URLSafeSerializer:
    return serializer("craftreview.flag-revision")


class HideForm(FlaskForm):
    reason = SelectField("Policy reason", choices=_choices(HIDE_REASONS, "Choose a reason…"),
                         validators=[DataRequired("Choose the policy reason.")],
                         invalid_choice_message=HIDE_REASON_MESSAGE)
    note = PlainTextAreaField("Note (shown in the audit log)", validators=[Optional(), NOTE_LENGTH])
    submit = SubmitField("Hide review")


class NoteForm(FlaskForm):
    note = PlainTextAreaField("Note (shown in the audit log)", validators=[Optional(), NOTE_LENGTH])
    submit = SubmitField("Confirm")

    def __init__(self, *args, label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.note.label.text = label


RESTORE_CONFIRM_MESSAGE = "Tick the box to confirm the restore: the review becomes public again and its author is told."


class RestoreForm(NoteForm):
    """Restore a hidden review: the box must be ticked, so that a stray click republishes nothing a moderator judged
    against the rules (private information, say)."""

    confirm = BooleanField("Yes, make this review public again (its author is told)",
                           validators=[DataRequired(RESTORE_CONFIRM_MESSAGE)])


SUSPEND_CONFIRM_MESSAGE = "Tick the box to confirm the suspension: it logs the account out everywhere."


class SuspendForm(NoteForm):
    """Suspend or reinstate: a suspension also needs its reason (the note) and this box ticked, so that a stray
    click on the red button logs nobody out."""

    confirm = BooleanField("Yes, suspend this account: it is logged out everywhere and cannot log in until a "
                           "moderator reinstates it")


class OrderForm(FlaskForm):
    buyer_email = EmailField("Buyer's email", filters=[trimmed], validators=ADDRESS_VALIDATORS)
    item = StringField("Item", validators=between(2, 200, ITEM_MESSAGE))
    order_type = SelectField("Order type", choices=_choices(ORDER_TYPES, "Choose…"),
                             validators=[DataRequired(ORDER_TYPE_MESSAGE)], invalid_choice_message=ORDER_TYPE_MESSAGE)
    price_band = SelectField("Price band", choices=price_choices("Choose…"),
                             validators=[DataRequired("Choose a price band.")], invalid_choice_message=PRICE_BAND_MESSAGE)
    # InputRequired, not DataRequired: an impossible date (2026-02-30) keeps its own message, not "Enter the order date."
    ordered_on = date_field("Ordered on", "order date", [InputRequired("Enter the order date.")])
    promised_by = date_field("Promised by", "promised date", [Optional()])
    submit = SubmitField("Record order and create invitation")
