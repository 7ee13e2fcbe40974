"""Statistical scoring of makers from buyer reviews (pure numpy/scipy, no web imports)."""
from .model import MODEL_VERSION, FittedModel, fit_model, score_makers
from .types import (DIMENSIONS, MASTER_LINE, NOVICE_LINE, SKILLED_LINE, TIERS, Estimate,
                    MakerScore, ReviewSignal)

__all__ = [
    "DIMENSIONS", "MASTER_LINE", "MODEL_VERSION", "NOVICE_LINE", "SKILLED_LINE", "TIERS",
    "Estimate", "FittedModel", "MakerScore", "ReviewSignal", "fit_model", "score_makers",
]
