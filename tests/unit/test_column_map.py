"""A decoded model fit keeps its per-reviewer numbers as arrays that read like the dicts they replace."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from craftreview.services import fit_codec
from craftreview.services.column_map import ColumnMap


def _decoded(value: dict):
    return fit_codec.decode(fit_codec.encode({"m": value}))["m"]


def test_int_keys_read_like_the_dict():
    original = {r * 7 + 3: r / 9 for r in range(200)}
    back = _decoded(original)
    assert isinstance(back, ColumnMap)
    assert back == original and original == back and len(back) == 200
    assert back[10] == original[10] and type(back[10]) is float
    assert back.get(11) is None and back.get(11, -1.0) == -1.0 and 11 not in back
    assert 10 in back and 10.0 in back  # a dict finds 10.0 under 10 too
    assert "10" not in back and None not in back and (1, 2) not in back and True not in back
    with pytest.raises(KeyError):
        back[11]
    assert sorted(back) == sorted(original) and dict(back.items()) == original


def test_pair_keys_and_tuple_values_read_like_the_dict():
    original = {(r, m): (r * 0.5, m * 0.25) for r in range(30) for m in (1, 5, 9)}
    back = _decoded(original)
    assert isinstance(back, ColumnMap) and back == original
    assert back[(3, 5)] == (1.5, 1.25) and type(back[(3, 5)]) is tuple
    assert back.get((3, 6), (0.0, 0.0)) == (0.0, 0.0) and (3, 6) not in back
    assert (-1, 5) not in back and (2**40, 5) not in back and 3 not in back and ("a", 1) not in back
    assert set(back) == set(original)


def test_int_values_come_back_as_ints():
    back = _decoded({r: r * 3 for r in range(50)})
    assert back[4] == 12 and type(back[4]) is int


def test_keys_that_do_not_fit_stay_a_dict():
    negative_pairs = {(-r, r): 1.0 for r in range(1, 40)}
    assert type(_decoded(negative_pairs)) is dict and _decoded(negative_pairs) == negative_pairs


def test_the_arrays_take_a_fraction_of_the_dicts_memory():
    original = {(r, r % 97): (r * 0.5, 1.0) for r in range(20_000)}
    back = _decoded(original)
    dict_bytes = sys.getsizeof(original) + sum(
        sys.getsizeof(k) + sys.getsizeof(v) + 2 * 24 + 2 * 28 for k, v in original.items())
    assert back.nbytes * 5 < dict_bytes


def test_from_columns_refuses_float_or_repeated_keys():
    assert ColumnMap.from_columns(np.array([1.5, 2.5]), np.array([1.0, 2.0])) is None
    assert ColumnMap.from_columns(np.array([1, 1]), np.array([1.0, 2.0])) is None
