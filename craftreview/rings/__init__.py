"""Ring signals: pure detectors over review, account and order facts (no Flask, no SQLAlchemy)."""
from .detect import (
    KINDS,
    ON_WRITE_KINDS,
    Facts,
    Finding,
    MakerFact,
    OrderFact,
    ReviewFact,
    detect_all,
    detect_for_maker,
)

__all__ = ["KINDS", "ON_WRITE_KINDS", "Facts", "Finding", "MakerFact", "OrderFact", "ReviewFact",
           "detect_all", "detect_for_maker"]
