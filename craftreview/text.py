"""User text -> safe HTML. The only module that imports bleach."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bleach.linkifier import Linker
from markupsafe import Markup, escape

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Control characters (C0 and C1) other than tab/newline never belong in stored text; nor do bidirectional
# overrides, which can disguise a link's target as other text; nor do the invisible format characters
# (Unicode category Cf) that mean nothing in plain text: zero-width space, word joiner and invisible
# operators, deprecated format characters, byte order mark, interlinear annotations, language tag.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                      "\ufeff\ufff9-\ufffb\U000e0001]")
# Tag characters are kept only where they mean something: in an emoji flag sequence (England, Scotland …).
_TAGS = re.compile("(\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f)|[\U000e0020-\U000e007f]+")
# The other invisible format characters shape the letters around them: joiners (emoji sequences, Indic
# and Persian words), directional marks, the soft hyphen, script-specific format controls. One is kept
# inside a word; a run, or one beside a space or an edge, goes, so text of nothing but invisible
# characters cleans to "" and never passes a length check. (U+0600-0605, U+06DD, U+070F, U+0890-0891,
# U+08E2, U+110BD and U+110CD are Cf too but visible: prepended number signs, left as they are.)
# The combining grapheme joiner (U+034F, a mark, not Cf) is as invisible and is treated alike.
_IN_WORD_CHARS = ("\u00ad\u034f\u061c\u180e\u200c-\u200f\U00013430-\U0001343f\U0001bca0-\U0001bca3"
                  "\U0001d173-\U0001d17a")
_IN_WORD_FORMAT = re.compile(f"[{_IN_WORD_CHARS}]+")
# Letters drawn as blank space (Hangul fillers, the blank braille pattern): a title or a reason made of them looks
# empty, so they are spaces here, and text of nothing else cleans to "" like text of spaces.
_BLANK_LOOKING = re.compile("[\u115f\u1160\u2800\u3164\uffa0]")


def mark_ranges(categories: tuple[str, ...] = ("Mn", "Me")) -> str:
    """Every combining mark of the Basic Multilingual Plane (of `categories`: by default those that draw nothing
    of their own, Mn and Me) as a regex class body of ranges."""
    marks = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in categories]
    ranges, start = [], marks[0]
    for previous, current in zip(marks, marks[1:] + [None], strict=True):
        if current != previous + 1:
            ranges.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = current
    return "".join(ranges)


# A mark with nothing to sit on (at the start, or after a space) draws nothing, or draws on nothing: a name of
# variation selectors or of stacked accents looked empty. A mark on a letter, an emoji's selector, stays. The marks
# are the BMP's and the variation selectors beyond it; those of historic scripts on other planes are left, as a class
# of their hundreds of ranges made cleaning ten times slower (clean_input runs on every render). The BMP's are one
# class of their own: Python's re tests such a class in one step, and one that also holds other planes' ranges not.
_MARKS_BMP = mark_ranges()
_ONE_MARK = f"[{_MARKS_BMP}]|[\U000e0100-\U000e01ef]"
_MARK = re.compile(_ONE_MARK)
_MARK_BMP = re.compile(f"[{_MARKS_BMP}]")
_STRANDED_MARKS = re.compile(f"(?:^|(?<=\\s))(?:{_ONE_MARK})+")
# Any of these at all: most text has none, and skips the slower passes (clean_input runs on every render). Tag
# characters and the variation selectors beyond the BMP are one range here.
_ANY_FORMAT = re.compile(f"[{_IN_WORD_CHARS}\U000e0020-\U000e01ef\u115f\u1160\u2800\u3164\uffa0]")


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
    """Normalise submitted text: strip control and stray invisible characters, and surrounding space."""
    if not value:
        return ""
    # NEL (U+0085) is a line break; the other C1 controls go with the C0 ones.
    text = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n"))
    if text.isascii():
        return text.strip()
    formats = _ANY_FORMAT.search(text)
    if formats:
        text = _BLANK_LOOKING.sub(" ", text)
        text = _TAGS.sub(lambda match: match.group(1) or "", text)
        text = _IN_WORD_FORMAT.sub(lambda match: _in_word(match, text), text)
    if formats or _MARK_BMP.search(text):
        text = _STRANDED_MARKS.sub("", text)
    return text.strip()


def one_line(value: str | None) -> str:
    """clean_input for text shown on one line (a name, a title, an order's item, a place): every run of spaces, tabs
    and line breaks is one space. A single-line field cannot be typed with a line break, only sent with one, and a
    line break in a maker's name or an item would end the Subject header of every mail that names it."""
    return " ".join(clean_input(value).split())


def fold_key(value: str | None) -> str:
    """What identifies submitted text under any case or width: cleaned, NFKC-normalised and case-folded (full-width
    letters, ß = ss)."""
    folded = unicodedata.normalize("NFKC", clean_input(value)).casefold()
    return unicodedata.normalize("NFKC", folded)  # casefold can undo NFKC (e.g. ǰ)


def label_key(value: str | None) -> str:
    """`fold_key` with every run of spaces one space: "Walnut  BOWL" and "walnut bowl" are one item, one name."""
    return " ".join(fold_key(value).split())


def _in_word(match: re.Match, text: str) -> str:
    """A run of format characters: its first if it sits between two visible characters, else nothing. Marks beside
    it are looked past to the letters they sit on: "❤\ufe0f\u200d🔥" keeps its joiner, and a joiner between two
    stray marks ("\ufe0f\u200d\ufe0f") goes, so the marks are left stranded and go too."""
    start, end = match.span()
    while start > 0 and _MARK.match(text, start - 1):
        start -= 1
    while end < len(text) and _MARK.match(text, end):
        end += 1
    inside = start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
    return match.group()[0] if inside else ""


def render_user_text(value: str | None) -> Markup:
    """Escape user text, keep its paragraphs (each taking the direction of its own text) and line breaks, link bare URLs."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(clean_input(value)) if p.strip()]
    html = "".join(f'<p dir="auto">{_render_paragraph(p)}</p>' for p in paragraphs)
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
