"""A small closed-loop HTTP load generator: a few threads, raw sockets, almost no parsing.

gunicorn's sync workers close the connection after each response, so each request is one
connect / send / read-to-EOF. The client does as little as possible so that most of the two CPUs
stay with the server it measures; whatever it does cost is the same for the hello-world reference.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Run:
    """Latencies (seconds) and status counts of one timed load run."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        """Latency percentile in milliseconds (nearest rank)."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return 1000 * ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def fetch(port: int, path: str, method: str = "GET", body: bytes = b"", timeout: float = 30.0) -> tuple[int, bytes]:
    """One request; (status, whole response)."""
    head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
            f"Content-Length: {len(body)}\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.encode() + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    raw = b"".join(chunks)
    return int(raw[9:12] or 0), raw


def run(port: int, paths: Callable[[int], str], seconds: float, concurrency: int) -> Run:
    """Hit paths(i) from `concurrency` threads for `seconds`; each thread waits for its response."""
    result, lock, stop = Run(), threading.Lock(), time.perf_counter() + seconds
    counter = iter(range(10**9))

    def worker() -> None:
        local, statuses = [], {}
        while time.perf_counter() < stop:
            path = paths(next(counter))
            started = time.perf_counter()
            status, _ = fetch(port, path)
            local.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
        with lock:
            result.latencies.extend(local)
            for code, n in statuses.items():
                result.statuses[code] = result.statuses.get(code, 0) + n

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
