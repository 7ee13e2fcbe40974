"""A path holding a NUL byte is refused (404) before the CSRF check: a marked form refused for its token is drawn again
by running its view (kept_text), and that view looked the NUL slug up, which PostgreSQL refuses in any text parameter.

Found by an audit sending POSTs without a token to every route with hostile path segments on PostgreSQL: a 500."""
from __future__ import annotations

import pytest

from tests.conftest import login


@pytest.mark.parametrize("path", ["/makers/%00/review", "/makers/%00/edit", "/makers/a%00b/review"])
def test_a_form_address_with_a_nul_byte_and_no_token_is_a_404(app, make_user, path):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    login(client, make_user("reader"))
    response = client.post(path, data={"title": "Kept", "body": "Typed text."}, headers={"Origin": "http://localhost"})
    assert response.status_code == 404
