"""One normalisation of email addresses: the key accounts are unique on, and a maker's own mailbox."""
from __future__ import annotations

import random
import string

import pytest

from craftreview.emails import email_key, mailbox_key, masked, normalise_email, usable_address


@pytest.mark.parametrize("first, second", [
    ("straße@example.com", "strasse@example.com"),          # casefold: ß -> ss
    ("STRASSE@Example.COM", "strasse@example.com"),
    ("\uff4daker@example.com", "maker@example.com"),       # NFKC: full-width m
    ("  maker@example.com\t", "maker@example.com"),
    ("ＭＡＫＥＲ@ＥＸＡＭＰＬＥ.ＣＯＭ", "maker@example.com"),
])
def test_spellings_of_one_address_share_one_key(first, second):
    assert email_key(first) == email_key(second)


@pytest.mark.parametrize("ascii_form, unicode_form", [
    ("idn@xn--bcher-kva.example", "idn@bücher.example"),
    ("IDN@XN--BCHER-KVA.Example", "idn@BÜCHER.example"),
    ("a@xn--strae-oqa.de", "a@strasse.de"),               # IDNA 2008's ß, folded as a typed ß is
    ("a@mail.xn--bcher-kva.example", "a@mail.bücher\u3002example"),  # an ideographic full stop is a dot
])
def test_both_forms_of_an_internationalised_domain_share_one_key(ascii_form, unicode_form):
    assert email_key(ascii_form) == email_key(unicode_form)


@pytest.mark.parametrize("address", ["a@xn--abc-.example", "a@xn--.example", "a@xn--zz!.example",
                                     "a@xn--8acnrcxzp.example", "a@xn--f6jxa.example",  # punctuation, a full stop
                                     "a@xn--" + "b" * 30 + "-" + "c" * 30 + ".example",  # over 63: no DNS label
                                     "xn--bcher-kva@example.com"])
def test_labels_that_are_no_idna_form_and_local_parts_are_left_as_typed(address):
    assert email_key(address) == address
    assert email_key(address) != email_key(address.replace("xn--", ""))


def test_a_key_is_its_own_key_whatever_an_xn_label_decodes_to():
    """Keys are compared with keys computed later: an "xn--" label decoding to anything at all must not give a key
    whose own key differs (a decoded full stop or soft hyphen once did)."""
    rng = random.Random(20261206)
    for _ in range(20000):
        label = "xn--" + "".join(rng.choice(string.ascii_lowercase + string.digits + "-") for _ in range(rng.randint(1, 12)))
        key = email_key(f"a@{label}.example")
        assert email_key(key) == key, label


def test_different_addresses_keep_different_keys():
    assert email_key("maker+shop@example.com") != email_key("maker@example.com")
    assert email_key("m.aker@example.com") != email_key("maker@example.com")


def test_the_stored_address_is_only_trimmed_and_lower_cased():
    assert normalise_email("  Straße@Example.com ") == "straße@example.com"


@pytest.mark.parametrize("address", ["maker+shop@example.com", "MAKER+a+b@example.com", "\uff4daker+x@example.com",
                                     "maker@example.com", "maker+@example.com"])
def test_sub_addresses_share_the_mailbox_key(address):
    assert mailbox_key(address) == "maker@example.com"


def test_dots_are_not_folded_into_the_mailbox_key():
    assert mailbox_key("m.aker@example.com") != mailbox_key("maker@example.com")


def test_an_address_whose_key_outgrows_the_column_is_not_usable():
    assert usable_address("a@example.com")
    assert not usable_address("no-at-sign.example.com")
    assert not usable_address("\ufdfa" * 20 + "@example.com")  # NFKC expands each to 18 characters


@pytest.mark.parametrize(("address", "shown"), [
    ("jane.doe@example.com", "j***@example.com"),
    ("j@example.com", "j***@example.com"),
    ("straße@example.com", "s***@example.com"),
    ("no-at-sign", "***"),
])
def test_a_masked_address_shows_its_first_letter_and_its_domain(address, shown):
    assert masked(address) == shown


@pytest.mark.parametrize("typed, stored", [("idn@bücher。example", "idn@bücher.example"),
                                           ("A。B@Mail．Example｡com", "a。b@mail.example.com"),  # the local part as typed
                                           ("plain@example.com", "plain@example.com")])
def test_the_stored_address_has_plain_dots_in_its_domain(typed, stored):
    assert normalise_email(typed) == stored
    assert email_key(typed) == email_key(stored)
