"""Two requests at once, the first held inside its write: the harness the race tests share."""
from __future__ import annotations

import threading

from craftreview.db import _WRITING as WRITING

SETTLE_SECONDS = 0.5  # how long the second request is given to get past its lock if nothing stops it


def run_pair(app, first, second, reached: threading.Event, release: threading.Event) -> tuple[object, object]:
    """Run first(session) until it sets `reached` (held inside its write until `release`), then second(session)
    alongside; let the first go on once the second has had SETTLE_SECONDS. Each runs on its own session of the app's.
    Returns each one's result or exception."""
    results: dict[str, object] = {}

    def run(key, work):
        session = app.extensions["craftreview.sessions"]()
        try:
            results[key] = work(session)
        except Exception as exc:  # noqa: BLE001 - the test reads what each request ended with
            results[key] = exc
        finally:
            session.close()
    one = threading.Thread(target=run, args=("first", first))
    one.start()
    assert reached.wait(10), "the first request never reached the point it is held at"
    two = threading.Thread(target=run, args=("second", second))
    two.start()
    two.join(SETTLE_SECONDS)
    release.set()
    one.join(20)
    two.join(40)
    return results["first"], results["second"]


def race(app, monkeypatch, module, hold_at: str, first, second):
    """Run first(session) until it returns from module.hold_at(session, ...) inside its write transaction (a check
    made before the write, as the forms' all-problems-at-once reads are, is not held), then second(session)
    alongside; let the first go on once the second has had SETTLE_SECONDS. Returns each one's result or exception."""
    real, reached, release, holder = getattr(module, hold_at), threading.Event(), threading.Event(), []

    def held(session, *args, **kwargs):
        result = real(session, *args, **kwargs)
        if not holder and session.info.get(WRITING):
            holder.append(threading.get_ident())
        if holder and holder[0] == threading.get_ident() and not release.is_set():
            reached.set()
            release.wait(10)
        return result
    monkeypatch.setattr(module, hold_at, held)
    return run_pair(app, first, second, reached, release)
