"""Products over many rows (one per review or per maker), in numpy's own loops rather than BLAS.

A matrix product over a million rows makes OpenBLAS wake its second thread, which then spins between calls: in a
rescore of a million reviews that spin cost about 2 s of CPU out of 12 and no wall clock (docs/ARCHITECTURE.md).
einsum without `optimize` never calls BLAS, and with a handful of columns it is as fast.
"""
from __future__ import annotations

import numpy as np


def times(rows: np.ndarray, other: np.ndarray) -> np.ndarray:
    """rows @ other for rows (n, k) and other (k,) or (k, j)."""
    other = np.asarray(other, dtype=float)
    return np.einsum("nk,k->n" if other.ndim == 1 else "nk,kj->nj", rows, other)


def weighted_gram(x: np.ndarray, w: np.ndarray, y: np.ndarray | None = None) -> np.ndarray:
    """sum_n w_n x_n y_n^T (y = x by default): (k, j) from rows x (n, k), y (n, j) and weights w (n,)."""
    return np.einsum("n,nk,nj->kj", w, x, x if y is None else y)


def weighted_lstsq(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Coefficients of the weighted least-squares fit of y (n,) on the columns of x (n, k), with a tiny ridge so that
    a degenerate design still solves."""
    return np.linalg.solve(weighted_gram(x, w) + 1e-9 * np.eye(x.shape[1]), times(x.T, w * y))
