"""A second tab of the same author: its review lands between a request's checks and that request's own write."""
from __future__ import annotations

import html

from sqlalchemy import select

from craftreview.models import Review
from tests.conftest import fresh, review_input

FIRST_TITLE = "From the first tab"
TYPED_TITLE = "Typed in the second tab"


def lands_first(monkeypatch, module, name: str) -> None:
    """Make the write service `module.name(session, actor, target, data, ...)` first publish another review for the
    same author and target, as the other tab would, then try this request's own."""
    submit = getattr(module, name)

    def other_tab_first(session, actor, target, data, *args, **kwargs):
        submit(session, actor, target, review_input(title=FIRST_TITLE))
        return submit(session, actor, target, data, *args, **kwargs)

    monkeypatch.setattr(module, name, other_tab_first)


def check_edit_form_with_typed_text(db, response, message: str) -> None:
    """The 409 edit form of the other tab's review, holding this tab's text; only the other tab's review stored."""
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 409 and message in page
    assert TYPED_TITLE in page
    fresh(db)
    assert db.scalars(select(Review.title)).all() == [FIRST_TITLE]
