"""Plain data types of the scoring package: inputs, estimates and scores."""
from __future__ import annotations

import math
from collections.abc import Hashable, MutableMapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

DIMENSIONS: tuple[str, str, str] = ("craftsmanship", "consistency", "delivery")
OVERALL_WEIGHTS: tuple[float, float, float] = (0.5, 0.25, 0.25)
MASTER_LINE = 4.5
SKILLED_LINE = 4.0
NOVICE_LINE = 3.5
# The overall's band each claim depends on (low, high; None: open on that side): a skilled claim counts master too.
CLAIM_EDGES: dict[str, tuple[float | None, float | None]] = {
    "master": (MASTER_LINE, None), "skilled": (SKILLED_LINE, None), "developing": (NOVICE_LINE, SKILLED_LINE),
    "novice": (None, NOVICE_LINE)}
TIER_CONFIDENCE = 0.8  # a skilled or master claim is made when at least this likely
# A developing or novice claim warns buyers away from a maker, so it needs stronger evidence. At 80% the
# simulated worlds' novice and developing claims were right for 0.93 and 0.81 of makers, at 90% the claims
# overall for a median 0.96 (bench/scoring/RESULTS.md, "Claims that warn buyers away").
WARNING_CONFIDENCE = 0.9
# How likely each claim must be before it is made: master, skilled, developing, novice.
CLAIM_CONFIDENCE: tuple[float, float, float, float] = (TIER_CONFIDENCE, TIER_CONFIDENCE,
                                                        WARNING_CONFIDENCE, WARNING_CONFIDENCE)
INTERVAL_LEVEL = 0.9
TIERS: tuple[str, ...] = ("master", "skilled", "developing", "novice", "unproven")
# Why a maker is unproven: too little trusted evidence yet, or enough evidence that disagrees or sits
# on a tier line. MIXED_MIN_EVIDENCE is in fully trusted reviews (1 = a fresh verified order).
UNPROVEN_REASONS: tuple[str, ...] = ("too_few_reviews", "mixed_evidence")
MIXED_MIN_EVIDENCE = 5.0
# A tier, either way, rests on at least this much of the maker's own evidence, in fully trusted reviews (1 = a fresh
# verified order from an established account; 1.0 until model 2.8). With less, the claim is mostly the platform's
# prior speaking: one buyer's experience is not yet a pattern, and a claim that rests on the prior moves whenever the
# platform's statistics do (a ring's camouflage elsewhere flipped such claims). bench/scoring/RESULTS.md, "Model 2.9".
MIN_CLAIM_EVIDENCE = 2.0


@dataclass(frozen=True, slots=True)
class ReviewSignal:
    """One buyer review of one maker, reduced to what the scorer needs.

    Naive datetimes are taken as UTC. Stars outside 1-5 are clipped. review_id keys the
    per-review explanation (as str); without one the key is "#<position in the input>".
    """

    maker_id: Hashable
    reviewer_id: Hashable
    craftsmanship: int
    consistency: int
    delivery: int
    created_at: datetime
    verified: bool = False
    reviewer_joined_at: datetime | None = None
    promised_on: date | None = None
    delivered_on: date | None = None
    review_id: Hashable | None = None
    order_type: str | None = None  # "custom" or "stock"; None when unknown (no order)
    ring_flagged: bool = False  # implicated in a moderator ring signal: weaker provenance, never removal


@dataclass(frozen=True, slots=True)
class Estimate:
    """Posterior mean rating (1-5) with a 90% credible interval [low, high]."""

    mean: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float]:
        """Plain-dict form for JSON."""
        return {"mean": self.mean, "low": self.low, "high": self.high}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Estimate:
        """Inverse of to_dict."""
        return cls(float(data["mean"]), float(data["low"]), float(data["high"]))


_ESTIMATE_FIELDS = ("craftsmanship", "consistency", "delivery", "overall")


@dataclass(frozen=True, slots=True)
class MakerScore:
    """Everything the site shows about one maker's standing."""

    craftsmanship: Estimate
    consistency: Estimate
    delivery: Estimate
    overall: Estimate
    p_skilled: float
    p_master: float
    p_novice: float
    tier: str
    review_count: int
    verified_count: int
    on_time_rate: float | None
    typical_slip_days: float | None
    maker_id: Any = None
    model_version: str = ""
    explanation: MutableMapping[str, Any] = field(default_factory=dict)  # score_makers: built on first read
    unproven_reason: str | None = None  # one of UNPROVEN_REASONS when tier is "unproven", else None
    trusted_reviews: float = 0.0  # evidence in fully trusted reviews (sum of review weights)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable dict (inverse of from_dict). The explanation is shared, not copied:
        dataclasses.asdict deep-copied it and was two thirds of rescoring 10,000 makers."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in _ESTIMATE_FIELDS:
            out[name] = getattr(self, name).to_dict()
        explanation = self.explanation
        if not isinstance(explanation, dict):  # pack.LazyExplanation, built on first read (and not kept by this)
            explanation = out["explanation"] = explanation.plain() if hasattr(explanation, "plain") else dict(explanation)
        factors = explanation.get("review_factors")
        if factors is not None and not isinstance(factors, dict):  # pack.ReviewColumns, cut on demand
            out["explanation"] = explanation | {"review_factors": dict(factors)}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MakerScore:
        """Rebuild a MakerScore stored with to_dict."""
        kwargs = dict(data)
        for name in _ESTIMATE_FIELDS:
            kwargs[name] = Estimate.from_dict(data[name])
        return cls(**kwargs)


def slot_constructor(cls: type) -> Any:
    """A constructor for the frozen, slotted dataclass cls taking every field by name, none defaulted, that sets each
    slot directly. The dataclass's own __init__ sets a frozen field through object.__setattr__ by name, which took
    about twice as long for the five objects packed per maker (a MakerScore and its four Estimates; a hundred thousand
    makers at a million reviews). Same instances: equal, hashed, pickled and printed alike
    (tests/unit/test_scoring_slot_constructor.py)."""
    names = [f.name for f in fields(cls)]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    namespace.update({f"_set_{name}": cls.__dict__[name].__set__ for name in names})
    body = "".join(f"    _set_{name}(obj, {name})\n" for name in names)
    exec(f"def build(*, {', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n", namespace)  # noqa: S102
    return namespace["build"]


new_estimate = slot_constructor(Estimate)
new_maker_score = slot_constructor(MakerScore)


def clean_float(value: float) -> float | None:
    """Python float, or None for NaN (JSON has no NaN)."""
    value = float(value)
    return None if math.isnan(value) else value


def unproven_reason(tier: str, trusted: float, changed: bool) -> str | None:
    """'too_few_reviews' or 'mixed_evidence' for an unproven maker (None for a proven one). Under MIN_CLAIM_EVIDENCE
    no tier is made at all, so that is the reason even after a detected change or a withheld claim."""
    if tier != "unproven":
        return None
    if trusted < MIN_CLAIM_EVIDENCE:
        return "too_few_reviews"
    return "mixed_evidence" if trusted >= MIXED_MIN_EVIDENCE or changed else "too_few_reviews"
