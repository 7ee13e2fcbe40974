"""The moderation audit log in words: what each entry did, and why, from the values the services store."""
from __future__ import annotations

from ..models import HIDE_REASONS

# (action, reason) -> what the log says was done. The reason is part of the key where it changes the outcome: an
# account deletion stores the author's choice about their reviews ("keep" / "remove"), which is the whole story.
AUDIT_ACTIONS: dict[tuple[str, str | None], str] = {
    ("hide", None): "Hid the review",
    ("restore", None): "Restored the review",
    ("dismiss_flags", None): "Dismissed the reports and kept the review",
    ("suspend", None): "Suspended the account",
    ("reinstate", None): "Reinstated the account",
    ("delete_account", "keep"): "Deleted their account and kept their reviews, without their name",
    ("delete_account", "remove"): "Deleted their account and removed their reviews",
    ("delete_account", None): "Deleted their account",
}


def audit_action(action: str, reason: str | None = None) -> str:
    """The words for an audit entry's action (an action added later reads as its name, never as a raw code)."""
    words = AUDIT_ACTIONS.get((action, reason or None)) or AUDIT_ACTIONS.get((action, None))
    return words or action.replace("_", " ").capitalize()


def audit_reason(action: str, reason: str | None) -> str:
    """The policy reason of a hide in words; other actions' stored reasons are in their action's words already."""
    if action == "hide" and reason:
        return HIDE_REASONS.get(reason, reason.replace("_", " "))
    return ""
