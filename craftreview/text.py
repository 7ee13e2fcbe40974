"""User text -> safe HTML. The only module that imports bleach."""
from __future__ import annotations

import re
from collections.abc import Iterable

from bleach.linkifier import Linker
from markupsafe import Markup, escape

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Control characters other than tab/newline never belong in stored text; nor do
# bidirectional overrides, which can disguise a link's target as other text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _link_attrs(attrs: dict, new: bool = False) -> dict | None:
    href = attrs.get((None, "href"), "")
    if not href.lower().startswith(("http://", "https://", "mailto:")):
        return None  # drop the link, keep the text
    attrs[(None, "rel")] = "nofollow ugc noopener"
    return attrs


_linker = Linker(callbacks=[_link_attrs], parse_email=False)
# Every link bleach finds has a "name." followed by a letter (its domain and TLD). A paragraph
# without one comes back from linkify unchanged, so it skips the html5lib round trip
# (most of a maker page's rendering time).
_MAYBE_LINK = re.compile(r"[\w-]\.[^\W\d_]")


def clean_input(value: str | None) -> str:
    """Normalise submitted text: strip control characters and surrounding space."""
    if not value:
        return ""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def render_user_text(value: str | None) -> Markup:
    """Escape user text, keep its paragraphs and line breaks, and link bare URLs."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(clean_input(value)) if p.strip()]
    html = "".join(f"<p>{_render_paragraph(p)}</p>" for p in paragraphs)
    return Markup(html)


def _render_paragraph(paragraph: str) -> str:
    escaped = str(escape(paragraph)).replace("\n", "<br>\n")
    return _linker.linkify(escaped) if _MAYBE_LINK.search(escaped) else escaped


def render_inline(value: str | None) -> Markup:
    """Escape a one-line user string (titles, names); no links, no markup."""
    return Markup(escape(clean_input(value)))


def render_marked(pieces: Iterable[tuple[str, bool]]) -> Markup:
    """Escape pieces of user text and wrap the marked ones in <mark> (search highlights)."""
    return Markup("".join(f"<mark>{escape(piece)}</mark>" if marked else str(escape(piece))
                          for piece, marked in pieces))
