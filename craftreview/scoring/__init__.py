"""Statistical scoring of makers from buyer reviews (pure numpy/scipy, no web imports)."""
from .model import MODEL_VERSION, FittedModel, ModelOptions, fit_model, score_makers
from .types import DIMENSIONS, MASTER_LINE, NOVICE_LINE, SKILLED_LINE, TIERS, Estimate, MakerScore, ReviewSignal
from .weights import WeightParams

__all__ = [
    "DIMENSIONS", "MASTER_LINE", "MODEL_VERSION", "NOVICE_LINE", "SKILLED_LINE", "TIERS",
    "Estimate", "FittedModel", "MakerScore", "ModelOptions", "ReviewSignal", "WeightParams",
    "fit_model", "score_makers",
]
