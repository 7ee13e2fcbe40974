"""The stored global fit of the scoring model: written by `flask rescore`, read by every write.

Requests never fit. Each process keeps the newest stored fit of the running model version in
memory and checks, with one indexed query per scoring call, whether a newer one was stored (by
any host). With none stored yet (a fresh database) it scores with the prior-only default fit.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import scoring
from ..models import StoredFit, utcnow
from . import fit_codec

log = logging.getLogger(__name__)
KEEP_FITS = 3  # older rows are deleted when a new fit is stored
DEFAULT_FIT = 0  # cache key of the prior-only fit (no row stored yet)
_cache: dict[str, tuple[int, object]] = {}
_lock = threading.Lock()


def _key(session: Session) -> str:
    return str(session.get_bind().engine.url)  # (an Engine, or a Connection: warm-up binds one)


def latest_fit_id(session: Session) -> int | None:
    """Id of the newest stored fit of the running model version (one index lookup)."""
    return session.scalar(select(StoredFit.id).where(StoredFit.model_version == scoring.MODEL_VERSION)
                          .order_by(StoredFit.id.desc()).limit(1))


def default_fit(now: datetime | None = None):
    """The prior-only model: what scoring knows before any fit is stored (constant time)."""
    return scoring.fit_model([], now=now or utcnow())


def current_fit(session: Session):
    """The newest stored fit (cached per process), or the default fit when none is stored."""
    fit_id = latest_fit_id(session) or DEFAULT_FIT
    with _lock:
        cached = _cache.get(_key(session))
        if cached and cached[0] == fit_id:
            return cached[1]
    model = _load(session, fit_id) if fit_id != DEFAULT_FIT else default_fit()
    with _lock:
        cached = _cache.get(_key(session))
        if cached and cached[0] == fit_id:  # another thread decoded it meanwhile: one object per fit, so a score
            return cached[1]                # prepared with it is kept (scores._same_inputs compares by identity)
        _cache[_key(session)] = (fit_id, model)  # replaces, never accumulates, older fits
    return model


def _load(session: Session, fit_id: int):
    payload = session.scalar(select(StoredFit.payload).where(StoredFit.id == fit_id))
    try:
        return fit_codec.decode(payload)
    except fit_codec.FitDecodeError:
        log.warning("stored model fit %s cannot be read by this version; scoring with the default fit "
                    "until `flask rescore` stores a new one", fit_id, exc_info=True)
        return default_fit()


def store_fit(session: Session, model, now: datetime | None = None) -> int:
    """Save a fit inside the caller's transaction, drop old ones; returns the new row's id."""
    row = StoredFit(model_version=model.model_version, fitted_at=now or utcnow(), n_signals=model.n_signals,
                    payload=fit_codec.encode(model))
    session.add(row)
    session.flush()
    keep = select(StoredFit.id).order_by(StoredFit.id.desc()).limit(KEEP_FITS).scalar_subquery()
    old_ids = list(session.scalars(select(StoredFit.id).where(StoredFit.id.not_in(keep))))
    if old_ids:
        session.execute(delete(StoredFit).where(StoredFit.id.in_(old_ids)))
    return row.id  # not cached here: the next read decodes it, as every other process will


def forget() -> None:
    """Drop cached fits (tests)."""
    with _lock:
        _cache.clear()
