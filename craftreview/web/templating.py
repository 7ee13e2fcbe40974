"""The app's Jinja environment: Flask's own, with template globals whose names compare cheaply.

At every `{% from "x.html" import m %}` Jinja compares the names of the importing template's globals with
the imported one's (`Template._get_default_module`: `ctx.globals_keys - self.globals.keys()`), to
tell whether the imported module it cached can be reused. A template's globals are a `ChainMap` (its own
over the environment's), whose `keys()` view answers each of those ~60 membership tests in Python:
about 55 µs an import alone (2 µs with this), and the score page imports four times (in-process on the
bench world: 2.77 -> 2.69 ms CPU a score page, `bench/web/RESULTS.md`). `keys()` here is a set built in
C: the same names, so the same answer.
"""
from __future__ import annotations

from collections import ChainMap
from typing import Any

from flask.templating import Environment as FlaskEnvironment


class TemplateGlobals(ChainMap):
    """A template's globals as Jinja makes them (its own over the environment's, which stay live), with
    `keys()` a set of the names at the time of the call instead of a view that looks each name up."""

    def keys(self) -> set[str]:  # type: ignore[override] - a set supports everything a keys view does here
        return set().union(*self.maps)


class Environment(FlaskEnvironment):
    """Flask's environment with `TemplateGlobals` for every template (set as `app.jinja_environment`)."""

    def make_globals(self, d: dict[str, Any] | None) -> TemplateGlobals:
        return TemplateGlobals({} if d is None else d, self.globals)
