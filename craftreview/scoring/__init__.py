"""Statistical scoring of makers from buyer reviews (pure numpy and the standard library, no web imports).

Public API:
    score_makers(signals, *, now, crafts=None) -> {maker_id: MakerScore}   fit + score everyone
    fit_model(signals, *, now, crafts=None) -> FittedModel                  learn the global parts
    FittedModel.score_maker(maker_signals, *, now, craft=None) -> MakerScore  rescore one maker (~1 ms)
    MakerScore.to_dict() / MakerScore.from_dict(d)                           JSON round trip
    tier_outlooks(model, signals, scores, now=...) -> {maker_id: {...}}      what would change each tier
Each Estimate is (mean, low, high): the expected 1-5 rating a buyer of the platform's average harshness would
give now, with a 90% credible interval (which also reaches toward the typical, median, reviewer where the two
clearly differ: ModelOptions.buyer_gap_interval). EXPLANATION_LEGEND describes the keys of MakerScore.explanation.
See bench/scoring/RESULTS.md for how the model works and how well.
"""
from .explain import LEGEND as EXPLANATION_LEGEND
from .model import MODEL_VERSION, FittedModel, ModelOptions, fit_model, score_makers
from .outlook import tier_outlooks
from .types import DIMENSIONS, MASTER_LINE, NOVICE_LINE, SKILLED_LINE, TIERS, Estimate, MakerScore, ReviewSignal
from .weights import WeightParams

__all__ = [
    "DIMENSIONS", "EXPLANATION_LEGEND", "MASTER_LINE", "MODEL_VERSION", "NOVICE_LINE", "SKILLED_LINE", "TIERS",
    "Estimate", "FittedModel", "MakerScore", "ModelOptions", "ReviewSignal", "WeightParams",
    "fit_model", "score_makers", "tier_outlooks",
]
