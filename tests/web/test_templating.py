"""The app's Jinja environment (web/templating.py): template globals whose keys() is a plain set keep Jinja's
meaning of globals and of `{% from ... import %}`."""
from __future__ import annotations

from collections import ChainMap

from flask import Flask
from jinja2 import DictLoader

from craftreview.web.templating import Environment, TemplateGlobals

TEMPLATES = {
    "macros.html": "{% macro hello(name) %}{{ greeting }}, {{ name }}{{ mark | default('') }}{% endmacro %}"
                   "{% set _ = built.append(1) %}",
    "page.html": '{% from "macros.html" import hello %}{{ hello("maker") }}',
}


def _env() -> Environment:
    env = Environment(Flask(__name__), loader=DictLoader(TEMPLATES))
    env.globals.update(greeting="Hello", built=[])
    return env


def test_the_app_uses_it(app):
    assert isinstance(app.jinja_env, Environment)
    assert isinstance(app.jinja_env.get_template("makers/score.html").globals, TemplateGlobals)


def test_keys_are_the_chain_maps_and_follow_later_globals():
    env = _env()
    page = env.get_template("page.html")
    assert page.globals.keys() == set(ChainMap(*page.globals.maps).keys())
    env.globals["added_later"] = 1  # the environment's globals stay live in every template's
    assert "added_later" in page.globals.keys()
    own = env.get_template("macros.html", globals={"greeting": "Hi"})
    assert own.globals["greeting"] == "Hi" and env.globals["greeting"] == "Hello"


def test_an_imported_module_is_built_once_and_sees_the_globals():
    env = _env()
    page = env.get_template("page.html")
    assert [page.render() for _ in range(3)] == ["Hello, maker"] * 3
    assert env.globals["built"] == [1]  # the imported template's module was kept, not rebuilt per import


def test_an_importing_templates_own_globals_reach_the_imported_macros():
    env = _env()
    page = env.get_template("page.html", globals={"mark": "!"})  # a name the imported template lacks
    assert page.render() == "Hello, maker!"  # Jinja builds a module that sees it (not the kept one)
    assert env.get_template("page.html").render() == "Hello, maker!"  # (cached template, its globals kept)
