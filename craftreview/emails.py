"""Email addresses: the form we store and mail to, and the one key that says two addresses are the same.

Pure (no framework): models, services and migrations share these functions, so the unique key of an
account, the login lookup and invitation binding can never disagree about which addresses are equal.
"""
from __future__ import annotations

import unicodedata

from .text import clean_input, fold_key

MAX_LENGTH = 254  # RFC 5321's limit on a forward path, and the width of the email columns
# Deletion gives an account deleted-<id>@ and its erased orders erased-buyer-<id>@ this domain: nobody else may take
# an address there (a taken deleted-<id>@ made that account's deletion fail; an erased-buyer-<id>@ would own orders).
ERASED_DOMAIN = "deleted.invalid"


_LABEL_MAX = 63  # a DNS label's longest
# What IDNA reads as the dot between a domain's labels: the ideographic, full-width and half-width full stops.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def normalise_email(email: str | None) -> str:
    """The address as stored and mailed to: trimmed, control characters removed, NFKC-normalised (a full-width or
    ligature letter is its plain one), lower case, and the domain's dots plain ones (bücher。example is mailed as
    bücher.example). Its key reads those forms as one address: kept as typed, an account registered as ｆiona@ held
    fiona@'s key, and the reset meant to let fiona@ take the address back was mailed to ｆiona@."""
    local, at, domain = unicodedata.normalize("NFKC", clean_input(email)).lower().rpartition("@")
    return f"{local}{at}{domain.translate(_DOTS)}"


def email_key(email: str | None) -> str:
    """What identifies an address: NFKC-normalised and case-folded (full-width letters, ß = ss), trimmed, and an
    internationalised domain in one form whichever way it was typed (bücher.example = xn--bcher-kva.example)."""
    local, at, domain = fold_key(email).strip().rpartition("@")
    return f"{local}{at}{_domain_key(domain)}" if at else domain


def _domain_key(domain: str) -> str:
    """The domain with every label in Unicode: an "xn--" label decoded (IDNA's ASCII form) and folded as typed
    labels are; the ideographic full stops IDNA reads as dots read as dots."""
    labels = domain.translate(_DOTS).split(".")
    return ".".join(_label_key(label) for label in labels)


def _label_key(label: str) -> str:
    """A label in Unicode. Only a label that decodes to letters, marks, digits and hyphens, not all ASCII, is IDNA's
    form of another: no encoder writes "xn--" for a plain label ("xn--abc-" names its own host, not abc), nor for
    punctuation, spaces or invisible characters."""
    if not label.startswith("xn--") or len(label) > _LABEL_MAX:  # longer is no DNS name, and slow to decode
        return label
    try:
        decoded = label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label
    if decoded.isascii() or not all(c == "-" or unicodedata.category(c)[0] in "LMN" for c in decoded):
        return label
    return fold_key(decoded)


def mailbox_key(email: str | None) -> str:
    """`email_key` without a "+tag" sub-address: every address that reaches one mailbox the same way.

    Dots in the local part are left alone: only some providers ignore them.
    """
    local, at, domain = email_key(email).rpartition("@")
    if not at:
        return domain
    return f"{local.split('+', 1)[0]}@{domain}"


def masked(email: str) -> str:
    """The address with its local part hidden but for the first character (j***@example.com): enough for its
    owner to recognise it, too little for anyone else to write to it."""
    local, at, domain = email.rpartition("@")
    return f"{local[:1]}***{at}{domain}" if at else "***"


def usable_address(email: str) -> bool:
    """A stored address: has an @, and fits the columns both as written and as its key."""
    return "@" in email and len(email) <= MAX_LENGTH and len(email_key(email)) <= MAX_LENGTH


def erased_address(kind: str, owner_id: int) -> str:
    """The address deletion gives an account ("deleted") or the orders of its address ("erased-buyer")."""
    return f"{kind}-{owner_id}@{ERASED_DOMAIN}"


def is_erased(email: str | None) -> bool:
    """Whether `email` is an address deletion gave (an account's or its erased orders'), not anybody's mailbox."""
    return email_key(email).rpartition("@")[2] == ERASED_DOMAIN


# What a typed address that is not one is told (the forms' Email validator says the same).
ADDRESS_SHAPE = "Enter an email address in the form name@example.com."


def address_problem(email: str) -> str | None:
    """Why `email` cannot be stored as someone's address, or None: the one check the forms and services share."""
    if not email.strip():
        return "Enter an email address."
    # Something was typed: say what an address looks like. One @ only: normalised, a small or full-width at (﹫, ＠)
    # typed in the local part had become a second one, which the form's own check, on the text as typed, let through.
    if not usable_address(email) or email.count("@") != 1:
        return ADDRESS_SHAPE
    if is_erased(email):
        return f"Addresses at {ERASED_DOMAIN} stand for deleted accounts and erased orders: enter another address."
    return None
