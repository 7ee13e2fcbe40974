"""A Host header werkzeug cannot read as a host name (a label over 63 characters fails its IDNA encoding) gets a 400
that says so, never a 500: the error page's links (url_for) cannot be built without a URL adapter for that host.

Found by an audit sending hostile headers to a running server: every page and form answered 500."""
from __future__ import annotations

import pytest

HOSTS = ["a" * 64, "x." + "b" * 70 + ".example"]


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("method, path", [("GET", "/"), ("GET", "/makers"), ("POST", "/login"), ("GET", "/nowhere")])
def test_an_unreadable_host_is_a_plain_400(client, host, method, path):
    response = client.open(path, method=method, headers={"Host": host}, data={"email": "a@example.com"})
    assert response.status_code == 400
    assert "The request could not be understood." in response.get_data(as_text=True)


def test_an_unreadable_host_asking_for_json_gets_json(client):
    response = client.get("/", headers={"Host": "a" * 64, "Accept": "application/json"})
    assert response.status_code == 400
    assert response.get_json() == {"error": "The request could not be understood."}
