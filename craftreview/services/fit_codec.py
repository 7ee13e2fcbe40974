"""Store a fitted model generically: any (nested) dataclass of plain values <-> compact bytes.

No pickle: the payload lives in the database, and unpickling a row would run whatever code a
database intruder put there. Dataclasses are rebuilt only from the scoring package, by name.
Fields whose names start with "_" are training caches (e.g. the batch the fit was made from),
not parameters: they are left out and come back as their defaults.
Large dicts of numbers (per-reviewer biases, per reviewer-maker sums) are stored as columns of
numpy arrays, so a worker decodes a 100,000-review fit in milliseconds rather than seconds, and
keeps them as arrays (`column_map.ColumnMap`, read-only) rather than as dicts.
"""
from __future__ import annotations

import base64
import dataclasses
import gc
import importlib
import json
import zlib
from datetime import date, datetime
from typing import Any

import numpy as np

from .column_map import ColumnMap

ALLOWED_MODULE = "craftreview.scoring"
COLUMNAR_MIN = 16  # smaller dicts stay readable JSON


class FitDecodeError(ValueError):
    """The stored payload does not describe a model this code can rebuild."""


def encode(obj: Any) -> bytes:
    """Compressed tagged JSON of a dataclass tree."""
    return zlib.compress(json.dumps(_plain(obj), separators=(",", ":")).encode(), 6)


def decode(payload: bytes) -> Any:
    """Inverse of encode; raises FitDecodeError when the classes no longer match."""
    # Hundreds of thousands of small tuples: the cyclic GC would rescan them all, repeatedly.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _rebuild(json.loads(zlib.decompress(payload)))
    except (TypeError, KeyError, AttributeError, ImportError, ValueError, zlib.error) as exc:
        raise FitDecodeError(f"stored fit cannot be rebuilt: {exc}") from exc
    finally:
        if paused:
            gc.enable()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _dataclass_plain(value)
    if isinstance(value, np.ndarray):
        return _array_plain(value)
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return _columns(value) or {"$map": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {"$tuple": [_plain(v) for v in value]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return {"$set": [_plain(v) for v in value]}
    if isinstance(value, datetime | date):
        return {"$" + type(value).__name__: value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in a fitted model")


def _dataclass_plain(value: Any) -> dict:
    cls = type(value)
    fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    return {"$dc": f"{cls.__module__}:{cls.__qualname__}", "fields": fields}


def _array_plain(array: np.ndarray) -> dict:
    if array.dtype.hasobject:
        raise TypeError("cannot store an object array in a fitted model")
    data = base64.b64encode(np.ascontiguousarray(array).tobytes()).decode()
    return {"$nd": array.dtype.str, "shape": list(array.shape), "data": data}


def _numeric_matrix(items: list) -> np.ndarray | None:
    """Ints or floats, or equal-length tuples of them, as one 1- or 2-D array (else None)."""
    width = len(items[0]) if isinstance(items[0], tuple) else 0
    flat: list = []
    for item in items:
        if isinstance(item, tuple) != bool(width) or (width and len(item) != width):
            return None
        if width:
            flat.extend(item)
        else:
            flat.append(item)
    kinds = {type(p) for p in flat}
    if kinds not in ({int}, {float}):
        return None
    array = np.array(flat, dtype=np.int64 if int in kinds else np.float64)
    return array.reshape(len(items), width) if width else array


def _columns(value: dict) -> dict | None:
    """A big dict of numbers as two arrays (keys, values), or None when it is not one."""
    if len(value) < COLUMNAR_MIN:
        return None
    keys, values = _numeric_matrix(list(value)), _numeric_matrix(list(value.values()))
    if keys is None or values is None:
        return None
    return {"$columns": [_array_plain(keys), _array_plain(values)]}


def _rebuild(value: Any) -> Any:
    if isinstance(value, list):
        return [_rebuild(v) for v in value]
    if not isinstance(value, dict):
        return value
    (tag, payload), *_ = value.items()
    if tag == "$dc":
        return _rebuild_dataclass(payload, value["fields"])
    if tag == "$nd":
        raw = base64.b64decode(value["data"])
        return np.frombuffer(raw, dtype=np.dtype(payload)).reshape(value["shape"]).copy()
    if tag == "$columns":
        keys, values = (_rebuild(part) for part in payload)
        # Kept as arrays (a tenth of a dict's memory in every worker) when the keys allow it.
        compact = ColumnMap.from_columns(keys, values)
        return compact if compact is not None else dict(zip(_rows(keys), _rows(values), strict=True))
    simple = {"$map": lambda p: {_rebuild(k): _rebuild(v) for k, v in p},
              "$tuple": lambda p: tuple(_rebuild(v) for v in p), "$set": lambda p: {_rebuild(v) for v in p},
              "$datetime": datetime.fromisoformat, "$date": date.fromisoformat}
    return simple[tag](payload)


def _rows(array: np.ndarray) -> list:
    """Python values back from a column: scalars, or tuples for 2-D columns."""
    return array.tolist() if array.ndim == 1 else list(zip(*array.T.tolist(), strict=True))


def _rebuild_dataclass(name: str, fields: dict) -> Any:
    module_name, _, qualname = name.partition(":")
    if not (module_name == ALLOWED_MODULE or module_name.startswith(ALLOWED_MODULE + ".")):
        raise FitDecodeError(f"refusing to rebuild {name}: not part of the scoring package")
    cls = importlib.import_module(module_name)
    for part in qualname.split("."):
        cls = getattr(cls, part)
    if not dataclasses.is_dataclass(cls):
        raise FitDecodeError(f"{name} is not a dataclass")
    known = {f.name: f.init for f in dataclasses.fields(cls)}
    values = {key: _rebuild(v) for key, v in fields.items() if key in known}  # fields since removed: dropped
    obj = cls(**{k: v for k, v in values.items() if known[k]})
    for key in (k for k in values if not known[k]):
        object.__setattr__(obj, key, values[key])
    return obj
