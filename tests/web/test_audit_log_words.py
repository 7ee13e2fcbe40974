"""The moderation audit log speaks in words: every stored action and reason goes through one mapping
(web/audit_words.py), so no internal value ("keep", "dismiss_flags", "off_topic") reaches the page."""
from __future__ import annotations

import re

import pytest

from craftreview.models import AuditEntry
from tests.conftest import login

# (action, reason) as the services store them -> what the log's Action and Reason columns say.
CASES = [
    ("hide", "off_topic", "Hid the review", "Not about the maker's work or service"),
    ("restore", "", "Restored the review", ""),
    ("dismiss_flags", "", "Dismissed the reports and kept the review", ""),
    ("suspend", "", "Suspended the account", ""),
    ("reinstate", "", "Reinstated the account", ""),
    ("delete_account", "keep", "Deleted their account and kept their reviews, without their name", ""),
    ("delete_account", "remove", "Deleted their account and removed their reviews", ""),
]


def _cells(page: str, label: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", cell).strip().replace("&#39;", "'")
            for cell in re.findall(rf'data-label="{label}">(.*?)</td>', page, re.S)]


@pytest.mark.parametrize("action, reason, action_words, reason_words", CASES, ids=[f"{a}-{r}" for a, r, *_ in CASES])
def test_the_audit_log_says_each_action_in_words(client, db, make_user, action, reason, action_words, reason_words):
    moderator = make_user("mod", moderator=True)
    db.add(AuditEntry(actor_id=moderator.id, action=action, target_type="user", target_id=moderator.id,
                      reason=reason, note=""))
    db.commit()
    login(client, moderator)
    page = client.get("/moderation/log").get_data(as_text=True)
    assert _cells(page, "Action") == [action_words]
    assert _cells(page, "Reason") == [reason_words]
