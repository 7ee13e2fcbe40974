"""Cached page fragments follow every write at once, never carry one reader's controls to another, stay bounded."""
from __future__ import annotations

import pytest

from craftreview.services.engagement import toggle_helpful
from craftreview.services.makers import MakerInput, update_maker
from craftreview.services.moderation import hide_review
from craftreview.services.replies import save_reply
from craftreview.services.reviews import edit_review
from tests.conftest import DATABASES, fresh, login, review_input

pytestmark = pytest.mark.parametrize("database_url", DATABASES, indirect=True)


def fragments(app):
    return app.extensions["craftreview.fragments"]


def cached_page(app, client, url: str) -> str:
    """The page, asked for twice: the second answer must come from cached fragments."""
    client.get(url)
    hits = fragments(app).stats.hits
    html = client.get(url).get_data(as_text=True)
    assert fragments(app).stats.hits > hits
    return html


@pytest.fixture
def world(db, make_maker, make_user, make_review):
    """A maker with one review by `author`; `reader` and a moderator who have not written one."""
    maker = make_maker(name="Fern Kiln")
    author, reader = make_user("Author Ann"), make_user("Reader Rob")
    review = make_review(author, maker, title="First bowl review")
    return {"maker": maker, "author": author, "reader": reader, "review": review,
            "moderator": make_user("Mod", moderator=True)}


def test_a_new_review_shows_at_once(app, client, db, world, make_user, make_review):
    url = f"/makers/{world['maker'].slug}"
    before = cached_page(app, client, url)
    assert "Reviews (1)" in before and "1 gave 4 stars" in before
    make_review(make_user(), world["maker"], title="Second mug review", craftsmanship=2)
    after = client.get(url).get_data(as_text=True)
    assert "Second mug review" in after and "Reviews (2)" in after
    assert "1 gave 2 stars" in after  # the histogram (a cached fragment) moved too
    assert "2 reviews, 0 from verified orders" in after  # and the score panel


def test_an_edit_a_reply_and_a_vote_show_at_once(app, client, db, world):
    url, review = f"/makers/{world['maker'].slug}", world["review"]
    cached_page(app, client, url)
    edit_review(db, world["author"], review, review_input(title="Edited bowl review"))
    assert "Edited bowl review" in client.get(url).get_data(as_text=True)
    cached_page(app, client, url)
    save_reply(db, world["maker"].owner, review, "Thank you for the kind words.")
    replied = client.get(url).get_data(as_text=True)
    assert "Thank you for the kind words." in replied and "1 of 1</strong> review answered" in replied
    cached_page(app, client, url)
    toggle_helpful(db, world["reader"], review)
    assert "1 found this helpful" in client.get(url).get_data(as_text=True)


def test_a_hidden_review_leaves_the_page_at_once(app, client, db, world):
    url = f"/makers/{world['maker'].slug}"
    assert "First bowl review" in cached_page(app, client, url)
    hide_review(db, world["moderator"], world["review"], "spam")
    after = client.get(url).get_data(as_text=True)
    assert "First bowl review" not in after and "No reviews yet" in after


def test_profile_edits_reach_the_cached_reply_heading(app, client, db, world):
    url, maker = f"/makers/{world['maker'].slug}", world["maker"]
    save_reply(db, maker.owner, world["review"], "Thanks.")
    assert "Reply from <bdi>Fern Kiln</bdi>" in cached_page(app, client, url)
    update_maker(db, maker.owner, maker, MakerInput(name="Fern Kiln Studio", slug=maker.slug, craft=maker.craft,
                                                    location=maker.location, bio=maker.bio, website="",
                                                    accepts_custom=True, lead_time_days=None))
    assert "Reply from <bdi>Fern Kiln Studio</bdi>" in client.get(url).get_data(as_text=True)


def test_one_readers_controls_never_reach_another(app, client, db, world):
    url, review_id = f"/makers/{world['maker'].slug}", world["review"].id
    edit_link = f'href="/reviews/{review_id}/edit"'
    login(client, world["author"])
    own = cached_page(app, client, url)
    assert edit_link in own and "Edit your review" in own and "Author Ann" in own
    client.post("/logout")
    anonymous = cached_page(app, client, url)
    assert edit_link not in anonymous and "Edit your review" not in anonymous
    assert "csrf_token" not in anonymous and "Helpful</button>" not in anonymous
    login(client, world["reader"])
    other = cached_page(app, client, url)
    assert edit_link not in other and "Helpful</button>" in other and "Reader Rob" in other
    toggle_helpful(db, world["reader"], world["review"])
    assert "Remove helpful vote" in client.get(url).get_data(as_text=True)
    login(client, world["maker"].owner)
    assert "Remove helpful vote" not in client.get(url).get_data(as_text=True)
    assert "Reply publicly" in client.get(url).get_data(as_text=True)


def test_the_cache_is_bounded_by_entries_and_bytes(app, client, db, make_maker, make_user, make_review):
    app.config.update(FRAGMENT_CACHE_ENTRIES=4, FRAGMENT_CACHE_MB=1)
    makers = [make_maker(name=f"Maker {n}") for n in range(4)]
    for maker in makers:
        make_review(make_user(), maker)
        client.get(f"/makers/{maker.slug}")
    cache = fragments(app)
    assert len(cache) == 4 and cache.stats.evictions >= 8  # three fragments a page, four kept
    assert cache.bytes <= 2**20


def test_home_sections_follow_their_data(app, client, db, world, make_user, make_review):
    cached_page(app, client, "/")
    make_review(make_user(), world["maker"], title="A brand new review")
    app.extensions.pop("craftreview.home_cache")  # the view model's own 30-second copy, as if it expired
    assert "A brand new review" in client.get("/").get_data(as_text=True)


def test_browse_cards_follow_their_data(app, client, db, world):
    cached_page(app, client, "/makers")
    maker = world["maker"]
    update_maker(db, maker.owner, maker, MakerInput(name="Renamed Kiln", slug=maker.slug, craft=maker.craft,
                                                    location=maker.location, bio=maker.bio, website="",
                                                    accepts_custom=True, lead_time_days=None))
    fresh(db)
    assert "Renamed Kiln" in client.get("/makers").get_data(as_text=True)
