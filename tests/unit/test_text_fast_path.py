"""Skipping linkify for paragraphs that cannot hold a link never changes the rendered HTML."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from craftreview import text

_pieces = st.sampled_from(["walnut", " ", ".", "com", "org", "example", "http://", "https://", "www", "-",
                           "a.b", "É", "&", "<b>", "'", '"', "\n", "co.uk", "1", "x.io", "/path?q=1", "é.fr",
                           "日本", ".net", "_", "mailto:", "@", "end. Next"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=12).map("".join))
def test_fast_path_renders_exactly_what_linkify_renders(paragraph):
    escaped = str(escape(paragraph)).replace("\n", "<br>\n")
    assert text._render_paragraph(paragraph) == text._linker.linkify(escaped)


def test_links_are_still_linked():
    html = str(text.render_user_text("See example.com and https://a.org/x for photos."))
    assert html.count('rel="nofollow ugc noopener"') == 2
