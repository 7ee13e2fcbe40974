"""Start and stop gunicorn (2 sync workers on 127.0.0.1) for one bench target; read worker RSS."""
from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from craftreview.config import PROJECT_ROOT

from .dataset import Target
from .load import fetch

WORKERS = 2


@contextmanager
def gunicorn(target: Target, port: int, log_dir: Path, root: Path = PROJECT_ROOT, app: str = "bench.web.app:app",
             env: dict | None = None):
    """A running gunicorn serving `app` from the source tree `root` (extra `env` set); yields the master process."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log = open(log_dir / f"gunicorn-{port}.log", "ab")  # noqa: SIM115 - closed below
    master = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--worker-class", "sync",
         "--bind", f"127.0.0.1:{port}", "--backlog", "64", app],
        cwd=root, env={**target.env(), **(env or {})}, stdout=log, stderr=log)
    try:
        _wait_ready(port, master)
        yield master
    finally:
        master.terminate()
        master.wait(30)
        log.close()


def _wait_ready(port: int, master: subprocess.Popen, timeout: float = 60.0) -> None:
    """Until every worker has answered a request: a worker takes none before its warm-up ends, and one that is
    still warming up while the bench starts shares the two CPUs (and SQLite's write lock) with the first writes.
    (An app without /bench/pid, such as an older checkout served with --root: until one worker answers.)"""
    deadline, answered = time.monotonic() + timeout, set()
    while time.monotonic() < deadline:
        if master.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {master.returncode}; see its log")
        try:
            status, raw = fetch(port, "/bench/pid", timeout=2)
            pids = worker_pids(master)
            if status == 404 and len(pids) == WORKERS:
                return
            if status == 200:
                answered.add(int(raw.rsplit(b"\r\n\r\n", 1)[1]))
            if len(pids) == WORKERS and answered >= set(pids):
                return
        except OSError:
            pass
        time.sleep(0.05 if answered else 0.2)
    raise RuntimeError("gunicorn did not become ready")


def worker_pids(master: subprocess.Popen) -> list[int]:
    """The master's worker processes."""
    try:
        text = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text()
    except FileNotFoundError:
        return []
    return [int(p) for p in text.split()]


def rss_mb(pid: int) -> float:
    """Resident set size of a process (VmRSS), in MB."""
    return memory_mb(pid)["VmRSS"]


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS and its parts, RssAnon (the process's own memory) and RssFile (mapped files: code, libraries), and Pss
    (resident pages, each shared one divided among the processes mapping it: the Whoosh postings files that both
    workers map count half in each), in MB."""
    found = dict.fromkeys(("VmRSS", "RssAnon", "RssFile", "Pss"), float("nan"))
    for source in (f"/proc/{pid}/status", f"/proc/{pid}/smaps_rollup"):
        try:
            text = Path(source).read_text()
        except OSError:
            continue
        for line in text.splitlines():
            name, _, value = line.partition(":")
            if name in found:
                found[name] = int(value.split()[0]) / 1024
    return found
