"""Mail text reads as sentences: the template engine drops the line break after a block tag (trim_blocks), which ran
an invitation's "…on craftreview." into "Once it has arrived" as "craftreview.Once"."""
from __future__ import annotations

import re

import pytest

from craftreview.services.mail_render import render_mail

RUN_TOGETHER = re.compile(r"[a-z][.;:!?][A-Z]")  # a sentence's end and the next one's start with no space between


@pytest.mark.parametrize("renewed", [False, True])
def test_the_invitation_s_sentences_are_not_run_together(renewed):
    text, html = render_mail("invitation", subject="Review your order from Oak", maker_name="Oak Studio",
                             item="Walnut bowl", days=30, link="https://example.test/invite/abc", renewed=renewed)
    for body in (text, re.sub(r"<[^>]+>", " ", html)):
        assert not RUN_TOGETHER.search(body), RUN_TOGETHER.search(body)
        assert "Once it has arrived" in body


@pytest.mark.parametrize("how", ["changed", "reset"])
def test_the_password_notice_reads_as_sentences(how):
    text, html = render_mail("password_changed", subject="Your craftreview password was changed", how=how,
                             display_name="Ann", when="2026-12-06 20:00 UTC", reset="https://example.test/reset-password")
    for body in (text, re.sub(r"<[^>]+>", " ", html)):
        assert not RUN_TOGETHER.search(body) and not re.search(r"\. [a-z]", body)  # a sentence starts with a capital
        assert "https://example.test/reset-password" in body
