"""What an edit form was drawn from, so that a tab opened before another tab saved does not silently replace it.

A form for a text its author may edit (a review, a maker's reply, a maker's profile) carries the version of what it
showed (a revision_count, or for a profile a digest of its fields: makers.profile_version), or "new" for none yet.
The write service compares it with the stored text under its write lock and refuses a mismatch with a Conflict; the
view then shows the text as it now reads beside what was typed, and the form, stamped afresh, replaces it when sent
again. The stamp only spares an author overwriting their own other tab (it is not a permission), so a form without
one, or with one that is not ours, is saved as before.
"""
from __future__ import annotations

from typing import Literal

from ..errors import Conflict

ANY: Literal["any"] = "any"  # no stamp: the caller drew no form (a script), or the stamp is not one of ours
Drawn = int | None | Literal["any"]  # a revision_count, None for "no text yet", or ANY


def stamp(revision: int | None) -> str:
    """The form's value for a text at `revision` (None: no text yet)."""
    return "new" if revision is None else str(revision)


def read_stamp(value: str | None) -> Drawn:
    """The Drawn a form sent back (ANY when missing or not one of ours: nobody types it)."""
    value = value or ""
    if value == "new":
        return None
    return int(value) if value.isascii() and value.isdigit() and len(value) < 12 else ANY


def check_drawn(drawn: Drawn, current: int | None, message: str) -> None:
    """Conflict(message) when the form was drawn from another version than the stored one (`current`)."""
    if drawn != ANY and drawn != current:
        raise Conflict(message)
