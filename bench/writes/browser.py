"""A minimal browser for the write bench: cookies, CSRF tokens from forms, one connection per request.

It does what a person's browser does to write a review (log in through the form, open the review
form, post it with its CSRF token) and as little else as possible, so most CPU stays with the server.
"""
from __future__ import annotations

import http.client
import re
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

TOKEN = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"')


class Browser:
    """One client's cookie jar on one server."""

    def __init__(self, port: int, address: str = "127.0.0.1"):
        self.port, self.address, self.cookies = port, address, SimpleCookie()

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, bytes, float]:
        """(status, body, seconds) of one request; cookies kept."""
        headers = {"Connection": "close", "Cookie": "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())}
        body = urlencode(form).encode() if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        conn = http.client.HTTPConnection(self.address, self.port, timeout=120)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        elapsed = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        return response.status, data, elapsed

    def form_token(self, path: str) -> str:
        """GET a form page and return its CSRF token."""
        status, body, _ = self.request("GET", path)
        match = TOKEN.search(body)
        if status != 200 or not match:
            raise RuntimeError(f"GET {path} answered {status} without a CSRF token: {body[:300]!r}")
        return match.group(1).decode()

    def submit(self, path: str, fields: dict) -> tuple[int, float]:
        """Open the form at `path` and post it with its token: (status, seconds of the POST)."""
        token = self.form_token(path)
        status, _body, seconds = self.request("POST", path, {**fields, "csrf_token": token})
        return status, seconds

    def log_in(self, email: str, password: str) -> None:
        """Log in through the login form."""
        status, _ = self.submit("/login", {"email": email, "password": password})
        if status != 302:
            raise RuntimeError(f"login of {email} answered {status}")
