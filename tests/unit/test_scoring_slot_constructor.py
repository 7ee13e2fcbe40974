"""types.slot_constructor builds the same frozen instances as the dataclasses' own __init__, only faster."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from craftreview.scoring.types import Estimate, MakerScore, new_estimate, new_maker_score


def _fields() -> dict:
    est = Estimate(3.9, 3.4, 4.3)
    return dict(craftsmanship=est, consistency=Estimate(4.0, 3.0, 4.8), delivery=est, overall=Estimate(4.1, 3.7, 4.4),
                p_skilled=0.42, p_master=0.07, p_novice=0.01, tier="unproven", review_count=7, verified_count=3,
                on_time_rate=None, typical_slip_days=None, maker_id=11, model_version="v", explanation={"a": 1},
                unproven_reason="mixed_evidence", trusted_reviews=5.5)


def test_the_fast_constructors_build_equal_hashable_frozen_instances():
    assert new_estimate(mean=4.0, low=3.5, high=4.4) == Estimate(4.0, 3.5, 4.4)
    assert hash(new_estimate(mean=4.0, low=3.5, high=4.4)) == hash(Estimate(4.0, 3.5, 4.4))
    fast, slow = new_maker_score(**_fields()), MakerScore(**_fields())
    assert fast == slow and repr(fast) == repr(slow)
    assert dataclasses.astuple(fast) == dataclasses.astuple(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.tier = "master"
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_estimate(mean=4.0, low=3.5, high=4.4).mean = 5.0


def test_every_field_must_be_named_so_none_is_left_unset_or_set_by_position():
    partial = _fields()
    del partial["trusted_reviews"]  # a field with a default in the dataclass: here it must still be given
    with pytest.raises(TypeError):
        new_maker_score(**partial)
    with pytest.raises(TypeError):
        new_estimate(4.0, 3.5, 4.4)  # noqa -- by position: a reordered field could not slip through
