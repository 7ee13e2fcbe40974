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
