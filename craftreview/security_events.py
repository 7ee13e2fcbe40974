"""Security events: one JSON line each on the `craftreview.security` logger (no Flask; never secrets)."""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

LOGGER_NAME = "craftreview.security"
logger = logging.getLogger(LOGGER_NAME)
# Detail keys that could carry a secret are dropped, whatever the caller passes.
SECRET_WORDS = ("password", "token", "secret", "csrf", "cookie", "session")


def log_event(event: str, *, outcome: str, user_id: int | None = None, address: str | None = None,
              **details) -> dict:
    """Write one event line; returns the record (for tests and callers that want it)."""
    record = {"time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
              "event": event, "outcome": outcome, "user_id": user_id, "address": address}
    record.update({k: v for k, v in details.items() if not any(w in k.lower() for w in SECRET_WORDS)})
    logger.info(json.dumps(record, ensure_ascii=False, default=str, sort_keys=False))
    return record
