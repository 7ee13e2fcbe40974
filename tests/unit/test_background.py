"""The per-process background thread (search drain, mail delivery): wakes during a drain coalesce into one more drain; a failure stops nothing."""
from __future__ import annotations

import threading

from craftreview.background import Drainer

WAIT = 30.0  # generous: only a broken drainer ever waits this long


def test_wakes_during_a_drain_are_served_by_one_more_drain():
    started, release, calls = threading.Event(), threading.Event(), []

    def drain():
        calls.append(threading.current_thread().name)
        started.set()
        release.wait(WAIT)

    drainer = Drainer(drain, "search-outbox-drain")
    drainer.wake()
    assert started.wait(WAIT)
    for _ in range(3):  # three commits while the first drain runs
        drainer.wake()
    assert not drainer.wait_idle(timeout=0)
    release.set()
    assert drainer.wait_idle(WAIT)
    assert calls == ["search-outbox-drain"] * 2


def test_a_failing_drain_does_not_stop_later_ones():
    calls = []

    def drain():
        calls.append(len(calls))
        if len(calls) == 1:
            raise RuntimeError("index disk full")

    drainer = Drainer(drain)
    drainer.wake()
    assert drainer.wait_idle(WAIT)
    drainer.wake()
    assert drainer.wait_idle(WAIT)
    assert calls == [0, 1]


def test_an_idle_drainer_has_nothing_to_wait_for():
    calls = []
    drainer = Drainer(lambda: calls.append(1))
    assert drainer.wait_idle(timeout=0) and calls == []


def test_a_started_thread_idles_until_woken_and_one_thread_serves_every_wake():
    calls = []
    drainer = Drainer(lambda: calls.append(threading.current_thread().ident), "warm")
    assert not drainer.started
    drainer.start()
    drainer.start()  # starting twice keeps the one thread
    assert drainer.started and drainer.wait_idle(timeout=0)
    assert calls == []  # started, not woken: nothing drained
    drainer.wake()
    assert drainer.wait_idle(WAIT)
    drainer.wake()
    assert drainer.wait_idle(WAIT)
    assert len(calls) == 2 and len(set(calls)) == 1
