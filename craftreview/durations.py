"""Lengths of time in words, shared by the maker pages and the ring detectors (pure: no framework)."""
from __future__ import annotations


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def span_words(seconds: float) -> str:
    """A length of time, rounded to the unit that reads naturally: '40 seconds', '12 minutes', '5 hours', '3 days'."""
    if round(seconds) < 60:
        return _plural(max(1, round(seconds)), "second")
    if round(seconds / 60) < 60:
        return _plural(round(seconds / 60), "minute")
    if round(seconds / 3600) < 48:
        return _plural(round(seconds / 3600), "hour")
    return _plural(round(seconds / 86400), "day")
