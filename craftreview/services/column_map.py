"""A read-only mapping over two numpy columns: what a decoded model fit keeps per reviewer.

A stored fit holds per-reviewer and per reviewer-and-maker numbers for every review on the site
(at 100,000 reviews: four dicts with ~150,000 entries). As Python dicts of int keys and float
tuples they took ~30 MB in every web worker; as sorted arrays they take ~3 MB, and a write only
looks up the few dozen reviewers of one maker (a binary search each; ~0.3 ms more per maker scored).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

_PAIR_LIMIT = 2**31  # pair keys are packed as first << 32 | second: both must be small non-negative ints


class ColumnMap(Mapping):
    """Keys (ints, or pairs of ints) -> values (numbers, or equal-length tuples of numbers)."""

    __slots__ = ("_keys", "_values", "_pairs")

    def __init__(self, keys: np.ndarray, values: np.ndarray, pairs: bool) -> None:
        order = np.argsort(keys, kind="stable")
        self._keys, self._values, self._pairs = keys[order], values[order], pairs

    @classmethod
    def from_columns(cls, keys: np.ndarray, values: np.ndarray) -> ColumnMap | None:
        """The mapping of key rows to value rows, or None when the keys do not fit (use a dict)."""
        if keys.dtype.kind != "i" or len(np.unique(keys, axis=0)) != len(keys):
            return None
        if keys.ndim == 1:
            return cls(keys.astype(np.int64), values, pairs=False)
        if keys.shape[1] != 2 or len(keys) and (keys.min() < 0 or keys.max() >= _PAIR_LIMIT):
            return None
        return cls((keys[:, 0].astype(np.int64) << 32) | keys[:, 1].astype(np.int64), values, pairs=True)

    def _find(self, key: Any) -> int:
        """Row of `key`, or -1."""
        try:
            if self._pairs:
                first, second = key
                if not (0 <= first < _PAIR_LIMIT and 0 <= second < _PAIR_LIMIT):
                    return -1
                packed = (int(first) << 32) | int(second)
            else:
                packed = int(key)
                if packed != key or not -2**63 <= packed < 2**63:
                    return -1
        except (TypeError, ValueError, OverflowError):
            return -1
        row = int(self._keys.searchsorted(packed))
        return row if row < len(self._keys) and self._keys[row] == packed else -1

    def _value(self, row: int) -> Any:
        value = self._values[row]
        return tuple(value.tolist()) if self._values.ndim == 2 else value.item()

    def __getitem__(self, key: Any) -> Any:
        row = self._find(key)
        if row < 0:
            raise KeyError(key)
        return self._value(row)

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def get(self, key: Any, default: Any = None) -> Any:
        row = self._find(key)
        return default if row < 0 else self._value(row)

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator:
        if self._pairs:
            return iter(zip((self._keys >> 32).tolist(), (self._keys & 0xFFFFFFFF).tolist(), strict=True))
        return iter(self._keys.tolist())

    def __repr__(self) -> str:
        return f"ColumnMap({len(self)} entries)"

    @property
    def nbytes(self) -> int:
        """Memory held by the two columns."""
        return self._keys.nbytes + self._values.nbytes
