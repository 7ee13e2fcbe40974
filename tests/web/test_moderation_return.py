"""A moderator who hides a review comes back to the page they opened it from, told which review with a way to it;
the ring signals' kind filters are a list of links, not a run of text."""
from __future__ import annotations

import html
import json
import re

import pytest

from craftreview.models import Review, RingSignal, RingSignalReview, utcnow
from tests.conftest import fresh, login

SIGNALS = "/moderation/signals?kind=burst"


@pytest.fixture
def world(db, make_user, make_maker, make_review):
    """A moderator, logged in, and a public review a burst signal names."""
    review = make_review(make_user("author"), make_maker(name="Fern Kiln"), title="Five stars <b>best</b> kiln")
    signal = RingSignal(kind="burst", maker_id=review.maker_id, strength=3.0, summary="Four reviews in a day",
                        evidence_json="[]", user_ids_json=json.dumps([review.author_id]), detected_at=utcnow())
    db.add(signal)
    db.flush()
    db.add(RingSignalReview(signal_id=signal.id, review_id=review.id))
    db.commit()
    return {"review": review, "moderator": make_user("mod", moderator=True)}


def _hide(client, review: Review, **extra):
    return client.post(f"/moderation/reviews/{review.id}/hide", data={"hide-reason": "spam", "hide-note": "", **extra})


def _flash(page: str) -> str:
    return re.search(r'<p class="flash[^"]*" role="status">(.*?)</p>', page, re.S).group(1)


def test_hiding_a_review_opened_from_the_ring_signals_returns_there_and_links_to_the_review(client, db, world):
    review = world["review"]
    login(client, world["moderator"])
    signals = client.get(SIGNALS).get_data(as_text=True)
    opened = html.unescape(re.search(rf'href="(/moderation/reviews/{review.id}[^"]*)"', signals).group(1))
    assert opened != f"/moderation/reviews/{review.id}"  # it says where it was opened from
    form = client.get(opened).get_data(as_text=True)
    assert f'name="next" value="{html.escape(SIGNALS)}"' in form
    response = _hide(client, review, next=SIGNALS)
    assert response.status_code == 302 and response.headers["Location"] == SIGNALS
    fresh(db)
    assert db.get(Review, review.id).hidden_at is not None
    flash = _flash(client.get(SIGNALS).get_data(as_text=True))
    assert "Review hidden. The author can see why." in flash
    assert f'<a href="/moderation/reviews/{review.id}">Review #{review.id} “Five stars &lt;b&gt;best&lt;/b&gt; kiln”</a>' in flash
    assert "restore it there to undo" in flash


@pytest.mark.parametrize("came_from", ["/moderation/accounts/{author}", "/makers/{slug}", "/moderation"])
def test_hiding_returns_to_the_local_page_the_review_page_was_opened_from(client, db, world, came_from):
    """Without a ?next= the Referer says where from (an account, the maker page, the queue)."""
    review = world["review"]
    came_from = came_from.format(author=review.author_id, slug=review.maker.slug)
    login(client, world["moderator"])
    page = client.get(f"/moderation/reviews/{review.id}", headers={"Referer": f"http://localhost{came_from}"})
    assert f'name="next" value="{came_from}"' in page.get_data(as_text=True)
    assert _hide(client, review, next=came_from).headers["Location"] == came_from


@pytest.mark.parametrize("away", ["https://evil.example/moderation", "//evil.example/x", "/\\evil.example",
                                  "/moderation/reviews/1/hide", "/no/such/page", None])
def test_hiding_never_returns_off_the_site_or_to_a_page_a_get_cannot_show(client, db, world, away):
    review = world["review"]
    login(client, world["moderator"])
    response = _hide(client, review, **({"next": away} if away else {}))
    assert response.status_code == 302 and response.headers["Location"] == "/moderation"
    assert f'href="/moderation/reviews/{review.id}"' in _flash(client.get("/moderation").get_data(as_text=True))


def test_hiding_from_the_review_page_itself_says_so_without_a_link_to_the_same_page(client, db, world):
    review = world["review"]
    login(client, world["moderator"])
    own = f"/moderation/reviews/{review.id}"
    assert _hide(client, review, next=own).headers["Location"] == own
    page = client.get(own).get_data(as_text=True)
    assert _flash(page) == "Review hidden. The author can see why." and "Restore review" in page


def test_a_refused_hide_keeps_where_the_moderator_came_from(client, db, world):
    review = world["review"]
    login(client, world["moderator"])
    refused = client.post(f"/moderation/reviews/{review.id}/hide", data={"hide-reason": "", "next": SIGNALS})
    assert refused.status_code == 400
    assert f'name="next" value="{html.escape(SIGNALS)}"' in refused.get_data(as_text=True)


def test_the_ring_signal_kinds_are_a_list_of_links_not_a_run_of_text_between_dots(client, db, world):
    login(client, world["moderator"])
    page = client.get(SIGNALS).get_data(as_text=True)
    nav = re.search(r'<nav class="filter-links"[^>]*>(.*?)</nav>', page, re.S).group(1)
    items = re.findall(r"<li><a [^>]*>(.*?)</a></li>", nav)
    assert len(items) == 8 and items[0].startswith("All (") and items[1] == "Burst of reviews (1)"
    assert "·" not in nav and re.sub(r"<li>.*?</li>|<ul>|</ul>|\s", "", nav, flags=re.S) == ""
    assert nav.count('aria-current="page"') == 1


@pytest.mark.parametrize("came_from, label", [(SIGNALS, "Ring signals"), ("/moderation/accounts/{author}", "The account"),
                                              ("/makers/{slug}", "The maker page"), ("/search?q=kiln", "Search results")])
def test_the_review_page_leads_back_to_the_page_it_was_opened_from_beside_the_queue(client, db, world, came_from,
                                                                                      label):
    review = world["review"]
    came_from = came_from.format(author=review.author_id, slug=review.maker.slug)
    login(client, world["moderator"])
    page = client.get(f"/moderation/reviews/{review.id}", headers={"Referer": f"http://localhost{came_from}"})
    back = re.search(r"<p>(.*?)</p>", page.get_data(as_text=True), re.S).group(1)
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', back) == [(html.escape(came_from), f"← {label}"),
                                                                  ("/moderation", "Moderation queue")]


@pytest.mark.parametrize("came_from", ["/moderation", None, "https://evil.example/moderation"])
def test_opened_from_the_queue_or_nowhere_the_review_page_leads_back_to_the_queue_alone(client, db, world, came_from):
    review = world["review"]
    login(client, world["moderator"])
    headers = {"Referer": came_from if "//" in (came_from or "") else f"http://localhost{came_from}"} if came_from else {}
    page = client.get(f"/moderation/reviews/{review.id}", headers=headers).get_data(as_text=True)
    back = re.search(r"<p>(.*?)</p>", page, re.S).group(1)
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', back) == [("/moderation", "← Moderation queue")]
