"""A maker's reply, or a buyer's review edit, from a tab opened before another tab published or edited it is not
saved over it silently: the form comes back (409) with the text as it now reads above and the typed text below, and
sent again it replaces it.

An audit opened the reply form in two tabs, published from the first, then from the second: "Your reply is updated."
and the first tab's text was gone from the page (kept only in the history). Review edits did the same."""
from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from craftreview.models import Notification, Reply, ReplyRevision, Review, ReviewRevision
from craftreview.services.makers import PROFILE_CHANGED_MEANWHILE
from craftreview.services.replies import CHANGED_MEANWHILE
from craftreview.services.reviews import EDITED_MEANWHILE
from tests.conftest import fresh, login


def _stamp(page: str) -> str:
    return re.search(r'name="drawn"[^>]*value="([^"]*)"', page).group(1)


def _drawn(client, review, form: str = "reply") -> str:
    """Open the reply (or edit) form, as a tab does: the stamp of the text it shows."""
    return _stamp(client.get(f"/reviews/{review.id}/{form}").get_data(as_text=True))


def _refused_as_stale(response, message: str, heading: str, current: str) -> str:
    """A 409 saying why, with the text as it now stands under `heading`: the page, unescaped."""
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 409 and message in page
    assert heading in page and current in page
    return page


def _send(client, review, body: str, drawn: str):
    return client.post(f"/reviews/{review.id}/reply", data={"body": body, "drawn": drawn})


def _cast(make_user, make_maker, make_review, client):
    owner = make_user("owner")
    review = make_review(make_user("buyer"), make_maker(owner))
    login(client, owner)
    return review


def test_a_second_tab_s_first_reply_does_not_replace_the_one_published_meanwhile(client, db, make_user, make_maker,
                                                                                 make_review):
    review = _cast(make_user, make_maker, make_review, client)
    first_tab, second_tab = _drawn(client, review), _drawn(client, review)
    assert first_tab == second_tab == "new"
    assert _send(client, review, "Thank you, the kiln was late.", first_tab).status_code == 302
    page = _refused_as_stale(_send(client, review, "Thanks so much!", second_tab), CHANGED_MEANWHILE,
                             "Your reply as it now reads", "Thank you, the kiln was late.")
    assert re.search(r">\s*Thanks so much!</textarea>", page)  # the typed text, kept in the form
    fresh(db)
    assert db.scalar(select(Reply.body)) == "Thank you, the kiln was late."
    assert db.scalar(select(func.count(ReplyRevision.id))) == 0
    assert db.scalar(select(func.count(Notification.id)).where(Notification.kind == "reply")) == 1
    # The refused page is stamped with the reply it shows: sent again, the typed text replaces it, history kept.
    again = _stamp(page)
    assert _send(client, review, "Thanks so much!", again).status_code == 302
    fresh(db)
    assert db.scalar(select(Reply.body)) == "Thanks so much!"
    assert db.scalar(select(ReplyRevision.body)) == "Thank you, the kiln was late."


def test_an_edit_from_a_stale_tab_is_refused_and_one_from_a_fresh_tab_is_saved(client, db, make_user, make_maker,
                                                                               make_review):
    review = _cast(make_user, make_maker, make_review, client)
    assert _send(client, review, "Thank you.", _drawn(client, review)).status_code == 302
    stale, current = _drawn(client, review), None
    assert _send(client, review, "Thank you, the kiln was late.", stale).status_code == 302  # edited in one tab
    assert _send(client, review, "Thank you!", stale).status_code == 409  # the other still showed "Thank you."
    current = _drawn(client, review)
    assert current != stale
    assert _send(client, review, "Thank you!", current).status_code == 302
    fresh(db)
    assert db.scalar(select(Reply.body)) == "Thank you!"


def test_the_same_text_sent_twice_is_still_just_unchanged(client, db, make_user, make_maker, make_review):
    """A double click, or two tabs sending the same words, is one reply: no conflict for text that is already there."""
    review = _cast(make_user, make_maker, make_review, client)
    drawn = _drawn(client, review)
    assert _send(client, review, "Thank you.", drawn).status_code == 302
    again = client.post(f"/reviews/{review.id}/reply", data={"body": "Thank you.", "drawn": drawn},
                        follow_redirects=True)
    assert again.status_code == 200 and "Your reply is unchanged" in again.get_data(as_text=True)


def test_a_form_without_its_stamp_is_saved_as_before(client, db, make_user, make_maker, make_review):
    """The stamp only spares the maker overwriting their own other tab; a form without one (an old page) still saves."""
    review = _cast(make_user, make_maker, make_review, client)
    assert client.post(f"/reviews/{review.id}/reply", data={"body": "Thank you."}).status_code == 302
    assert client.post(f"/reviews/{review.id}/reply", data={"body": "Thanks!", "drawn": "x<1>"}).status_code == 302
    fresh(db)
    assert db.scalar(select(Reply.body)) == "Thanks!"


def _edit(client, review, title: str, drawn: str):
    return client.post(f"/reviews/{review.id}/edit", data={
        "craftsmanship": "4", "consistency": "4", "delivery": "3", "title": title,
        "body": "The joints are tight and the finish even all over.", "drawn": drawn})


def test_a_review_edit_from_a_stale_tab_is_refused_with_the_review_as_it_now_reads(client, db, make_user, make_maker,
                                                                                   make_review):
    author = make_user("author")
    review = make_review(author, make_maker(), title="Sturdy chair")
    login(client, author)
    first_tab, second_tab = _drawn(client, review, "edit"), _drawn(client, review, "edit")
    assert first_tab == second_tab == "0"
    assert _edit(client, review, "Sturdy chair, a week late", first_tab).status_code == 302
    page = _refused_as_stale(_edit(client, review, "Lovely chair", second_tab), EDITED_MEANWHILE,
                             "Your review as it now reads", "Sturdy chair, a week late")
    assert 'value="Lovely chair"' in page  # what was typed, kept in the form
    fresh(db)
    assert db.scalar(select(Review.title)) == "Sturdy chair, a week late"
    assert db.scalar(select(func.count(ReviewRevision.id))) == 1
    assert _edit(client, review, "Lovely chair", _stamp(page)).status_code == 302  # sent again: replaces it
    fresh(db)
    assert db.scalar(select(Review.title)) == "Lovely chair"


def test_a_review_typed_in_a_tab_opened_before_it_was_published_is_saved_from_the_form_it_comes_back_in(
        client, db, make_user, make_maker):
    """The new-review form sent after another tab published the review comes back as that review's edit form, with
    what was typed (tests/web/other_tab.py); that form, sent, replaces the review as its message says."""
    author, maker = make_user("author"), make_maker()
    login(client, author)
    form = {"craftsmanship": "4", "consistency": "4", "delivery": "3",
            "body": "The joints are tight and the finish even all over."}
    assert client.post(f"/makers/{maker.slug}/review", data={**form, "title": "First tab"}).status_code == 302
    again = client.post(f"/makers/{maker.slug}/review", data={**form, "title": "Second tab"})
    assert again.status_code == 409
    review = db.scalar(select(Review))
    assert client.post(f"/reviews/{review.id}/edit", data={**form, "title": "Second tab",
                                                           "drawn": _stamp(again.get_data(as_text=True))}
                       ).status_code == 302
    fresh(db)
    assert db.scalar(select(Review.title)) == "Second tab"


def _profile(maker, **changes) -> dict:
    return {"name": maker.name, "slug": maker.slug, "craft": maker.craft, "location": maker.location or "",
            "bio": maker.bio or "", "website": maker.website or "", "lead_time_days": "14", **changes}


def test_a_profile_saved_from_a_stale_tab_does_not_put_back_the_old_name_and_address(client, db, make_user,
                                                                                       make_maker):
    """An audit renamed and moved a profile in one tab, then saved the bio in another opened before: "Profile saved."
    and the old name and address were back, silently."""
    owner = make_user("owner")
    maker = make_maker(owner, name="Zoe Yarn")
    login(client, owner)
    first_tab = _stamp(client.get(f"/makers/{maker.slug}/edit").get_data(as_text=True))
    second_tab = _stamp(client.get(f"/makers/{maker.slug}/edit").get_data(as_text=True))
    old_slug, old_bio = maker.slug, maker.bio
    assert client.post(f"/makers/{old_slug}/edit", data={**_profile(maker, name="Zoe Yarn Studio",
                                                                     slug="zoe-yarn-studio"),
                                                          "drawn": first_tab}).status_code == 302
    refused = client.post("/makers/zoe-yarn-studio/edit", data={**_profile(maker, bio="Hand-dyed wool."),
                                                                "slug": old_slug, "drawn": second_tab})
    page = _refused_as_stale(refused, PROFILE_CHANGED_MEANWHILE, "Your profile as it now stands", "Zoe Yarn Studio")
    assert "/makers/zoe-yarn-studio" in page
    fresh(db)
    stored = db.get(type(maker), maker.id)
    assert (stored.name, stored.slug, stored.bio) == ("Zoe Yarn Studio", "zoe-yarn-studio", old_bio)
    # Saved again from the page it came back in, the typed profile replaces the stored one, as the message says.
    again = client.post("/makers/zoe-yarn-studio/edit", data={**_profile(stored, bio="Hand-dyed wool."),
                                                               "drawn": _stamp(page)})
    assert again.status_code == 302
    fresh(db)
    assert db.get(type(maker), maker.id).bio == "Hand-dyed wool."


def test_a_stale_profile_tab_shows_every_field_the_other_tab_saved(client, db, make_user, make_maker):
    """The stale page showed only the name, address, craft and place: a description, website or lead time saved in
    the other tab was not there to compare with what this tab was about to put back."""
    owner = make_user("owner")
    maker = make_maker(owner, name="Wren Clay")
    login(client, owner)
    first_tab = _stamp(client.get(f"/makers/{maker.slug}/edit").get_data(as_text=True))
    second_tab = _stamp(client.get(f"/makers/{maker.slug}/edit").get_data(as_text=True))
    saved = {"bio": "Wheel-thrown stoneware, fired twice <for strength>.", "website": "https://wren.example/shop",
             "lead_time_days": "30"}
    assert client.post(f"/makers/{maker.slug}/edit",
                       data={**_profile(maker, **saved), "drawn": first_tab}).status_code == 302
    refused = client.post(f"/makers/{maker.slug}/edit", data={**_profile(maker, name="Wren Clay Works"),
                                                              "drawn": second_tab})
    page = _refused_as_stale(refused, PROFILE_CHANGED_MEANWHILE, "Your profile as it now stands", saved["bio"])
    text = re.sub(r"\s+", " ", page)
    assert "Website: https://wren.example/shop" in text and "typical lead time 30 days" in text
    assert "What you sent" in text and 'value="Wren Clay Works"' in page
