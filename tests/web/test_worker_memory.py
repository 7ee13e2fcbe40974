"""Workers collect reference cycles after a request once their memory grew (gunicorn post_request hook)."""
from __future__ import annotations

import gc
import importlib.util

from craftreview.config import PROJECT_ROOT
from craftreview.web import memory


def _gunicorn_conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", PROJECT_ROOT / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    return conf


def _fake_memory(monkeypatch, readings: list[float]) -> list[str]:
    collected = []
    monkeypatch.setattr(memory, "resident_mb", lambda: readings[0])
    monkeypatch.setattr(memory.gc, "collect", lambda *a: collected.append("full"))
    monkeypatch.setattr(memory, "_last_mb", [100.0])
    return collected


def test_no_collection_until_memory_grew_by_the_setting(monkeypatch):
    readings = [130.0]
    collected = _fake_memory(monkeypatch, readings)
    assert memory.collect_if_grown(48) is False
    readings[0] = 149.0
    assert memory.collect_if_grown(48) is True
    assert collected == ["full"]
    assert memory._last_mb == [149.0]  # the new baseline: the next collection waits for 48 MB more
    assert memory.collect_if_grown(48) is False


def test_zero_growth_setting_turns_collection_off(monkeypatch):
    collected = _fake_memory(monkeypatch, [900.0])
    assert memory.collect_if_grown(0) is False
    assert collected == []


def test_gunicorn_hook_collects_with_the_apps_setting(app, monkeypatch):
    app.config["WORKER_GC_GROWTH_MB"] = 10
    collected = _fake_memory(monkeypatch, [111.0])
    _gunicorn_conf().post_request(type("Worker", (), {"wsgi": app})(), None, {}, None)
    assert collected == ["full"]


def test_cycles_are_freed_by_a_collection_after_growth(monkeypatch):
    class Node:
        pass

    def make_cycle():
        a, b = Node(), Node()
        a.other, b.other = b, a

    gc.collect()
    before = sum(isinstance(o, Node) for o in gc.get_objects())
    gc.disable()  # only the collection under test may free them
    try:
        for _ in range(100):
            make_cycle()
        assert sum(isinstance(o, Node) for o in gc.get_objects()) >= before + 200
        monkeypatch.setattr(memory, "resident_mb", lambda: 500.0)
        monkeypatch.setattr(memory, "_last_mb", [100.0])
        assert memory.collect_if_grown(48) is True
        assert sum(isinstance(o, Node) for o in gc.get_objects()) == before
    finally:
        gc.enable()


def test_resident_memory_is_read_from_proc():
    assert memory.resident_mb() is None or memory.resident_mb() > 1
