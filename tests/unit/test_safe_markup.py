"""Only craftreview/text.py turns user text into markup: nothing else builds Markup or imports bleach."""
from __future__ import annotations

import ast
from pathlib import Path

from craftreview import text

PACKAGE = Path(text.__file__).parent
# Markup(...) calls, `|safe`-like helpers and bleach anywhere but text.py would mark something safe.
UNSAFE_NAMES = {"Markup", "safe"}


def _marks_safe(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in UNSAFE_NAMES:
                found.append(f"line {node.lineno}: {name}(...)")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"line {node.lineno}: imports {m}" for m in modules if m.split(".")[0] == "bleach"]
    return found


def test_only_text_py_marks_user_text_safe():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == Path(text.__file__):
            continue
        found = _marks_safe(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(PACKAGE))] = found
    assert offenders == {}


def test_templates_never_mark_anything_safe():
    templates = PACKAGE.parent / "templates"
    offenders = [str(p.relative_to(templates)) for p in templates.rglob("*.html")
                 if "|safe" in p.read_text(encoding="utf-8").replace(" ", "")
                 or "autoescape false" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_the_check_finds_a_markup_call():
    assert _marks_safe(ast.parse("from markupsafe import Markup\nx = Markup(user_text)")) == ["line 2: Markup(...)"]
    assert _marks_safe(ast.parse("import bleach")) == ["line 1: imports bleach"]


def test_marked_pieces_are_escaped_and_only_matches_are_marked():
    html = str(text.render_marked([("<b>", False), ("oak", True), (" & <i>", False), ("<x>", True)]))
    assert html == "&lt;b&gt;<mark>oak</mark> &amp; &lt;i&gt;<mark>&lt;x&gt;</mark>"
