"""A flag remembers the revision its flagger saw; the moderator sees that text beside the current one."""
from __future__ import annotations

import re

import pytest
from itsdangerous import URLSafeSerializer
from sqlalchemy import select

from craftreview.models import Flag
from craftreview.services.engagement import flag_review
from craftreview.services.moderation import hide_review
from craftreview.services.reviews import edit_review
from tests.conftest import fresh, login, review_input


def _section(page: str) -> str:
    found = re.search(r'<section class="card flagged-version".*?</section>', page, re.S)
    return found.group(0) if found else ""


def test_flag_stores_the_revision_it_was_raised_against(db, make_user, make_maker, make_review):
    author = make_user("author")
    review = make_review(author, make_maker())
    edit_review(db, author, review, review_input(title="Second wording"))
    flag = flag_review(db, make_user("reader"), review, "spam", "An advert.")
    assert db.get(Flag, flag.id).review_revision == 1


def test_moderator_sees_flagged_text_beside_the_edited_current_text(client, db, make_user, make_maker,
                                                                    make_review):
    author = make_user("author")
    review = make_review(author, make_maker(), title="Buy cheap pots at example dot com",
                         body="Visit my shop for discount pottery, best prices anywhere, click now.")
    flag_review(db, make_user("reader"), review, "spam", "Advert for another shop.")
    edit_review(db, author, review, review_input(title="A fair mug", body="Sturdy mug with an even glaze."))
    login(client, make_user("mod", moderator=True))
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    section = _section(page)
    flagged, current = section.split("Current text (version 2)")
    assert "What the flagger saw (version 1)" in flagged
    assert "Visit my shop for discount pottery" in flagged and "Buy cheap pots" in flagged
    assert "Sturdy mug with an even glaze." in current and "Visit my shop" not in current
    assert 'class="side-by-side"' in section
    assert "about version 1 (edited since)" in page


def test_flag_on_the_current_text_shows_no_comparison(client, db, make_user, make_maker, make_review):
    review = make_review(make_user("author"), make_maker())
    flag_review(db, make_user("reader"), review, "abusive", "Rude.")
    login(client, make_user("mod", moderator=True))
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    assert _section(page) == "" and "about version 1" in page and "(edited since)" not in page


def test_flags_on_two_different_versions_each_show_their_own_text(client, db, make_user, make_maker,
                                                                  make_review):
    author = make_user("author")
    review = make_review(author, make_maker(), body="First wording of this review, with a phone number.")
    flag_review(db, make_user("first"), review, "private_info", "Phone number.")
    edit_review(db, author, review, review_input(body="Second wording of this review, now with an insult."))
    flag_review(db, make_user("second"), review, "abusive", "Insult.")
    edit_review(db, author, review, review_input(body="Third wording of this review, all calm now."))
    login(client, make_user("mod", moderator=True))
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    sections = re.findall(r'<section class="card flagged-version".*?</section>', page, re.S)
    assert len(sections) == 2
    assert "version 1)" in sections[0] and "First wording" in sections[0]
    assert "version 2)" in sections[1] and "Second wording" in sections[1]
    assert all("Third wording of this review" in s for s in sections)


def test_two_flagged_versions_are_headed_by_the_version_each_is_about(client, db, make_user, make_maker, make_review):
    """Both comparisons were headed 'Edited since 1 flag was raised': two identical headings on one page, neither
    saying which version it is about."""
    author = make_user("author")
    review = make_review(author, make_maker(), body="First wording of this review, with a phone number.")
    flag_review(db, make_user("first"), review, "private_info", "Phone number.")
    edit_review(db, author, review, review_input(body="Second wording of this review, now with an insult."))
    flag_review(db, make_user("second"), review, "abusive", "Insult.")
    flag_review(db, make_user("third"), review, "abusive", "Insult too.")
    edit_review(db, author, review, review_input(body="Third wording of this review, all calm now."))
    login(client, make_user("mod", moderator=True))
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    headings = re.findall(r'<h2 id="flagged-version-\d+">(.*?)</h2>', page, re.S)
    assert headings == ["Version 1, flagged once, was edited since", "Version 2, flagged 2 times, was edited since"]


def _queue_row(page: str, title: str) -> str:
    found = re.search(rf"<tr>(?:(?!</tr>).)*{re.escape(title)}.*?</tr>", page, re.S)
    return found.group(0) if found else ""


def test_queue_marks_a_review_edited_since_it_was_flagged(client, db, make_user, make_maker, make_review):
    author, maker = make_user("author"), make_maker()
    edited = make_review(author, maker, title="Flagged then reworded")
    flag_review(db, make_user("reader"), edited, "spam", "An advert.")
    edit_review(db, author, edited, review_input(title="Reworded after the flag"))
    unchanged = make_review(make_user("other"), maker, title="Flagged and left alone")
    edit_review(db, unchanged.author, unchanged, review_input(title="Edited before the flag"))
    flag_review(db, make_user("reader2"), unchanged, "abusive", "Rude.")
    login(client, make_user("mod", moderator=True))
    page = client.get("/moderation").get_data(as_text=True)
    assert "Edited since flagged" in _queue_row(page, "Reworded after the flag")
    assert _queue_row(page, "Edited before the flag") and "Edited since flagged" not in _queue_row(
        page, "Edited before the flag")


def test_queue_marks_the_review_when_any_open_flag_saw_an_older_version(client, db, make_user, make_maker,
                                                                         make_review):
    author = make_user("author")
    review = make_review(author, make_maker(), title="Twice flagged")
    flag_review(db, make_user("first"), review, "spam", "An advert.")
    edit_review(db, author, review, review_input(title="Twice flagged, reworded"))
    flag_review(db, make_user("second"), review, "abusive", "Still rude.")
    login(client, make_user("mod", moderator=True))
    assert "Edited since flagged" in _queue_row(client.get("/moderation").get_data(as_text=True), "reworded")


def _hidden(page: str, name: str) -> str:
    return re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page).group(1)


def test_a_flag_is_about_the_version_its_report_page_showed_even_if_edited_before_it_is_sent(
        client, db, make_user, make_maker, make_review):
    author = make_user("author")
    review = make_review(author, make_maker(), title="Call me on 0777 000 000",
                         body="My number is 0777 000 000, ring me for the real story about this potter.")
    login(client, make_user("reader"))
    form = client.get(f"/reviews/{review.id}/flag").get_data(as_text=True)
    assert "My number is 0777 000 000" in form  # the report page shows the text it reports
    edit_review(db, author, review, review_input(title="Disappointing mug", body="The handle cracked in a week."))
    sent = client.post(f"/reviews/{review.id}/flag", data={
        "reason": "private_info", "note": "A phone number.", "revision": _hidden(form, "revision")})
    assert sent.status_code == 302
    fresh(db)
    assert db.scalar(select(Flag.review_revision)) == 0
    login(client, make_user("mod", moderator=True))
    seen = _section(client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True))
    assert "What the flagger saw (version 1)" in seen and "My number is 0777 000 000" in seen


def _stamp(app, payload) -> str:
    return URLSafeSerializer(app.secret_key, salt="craftreview.flag-revision").dumps(payload)


@pytest.mark.parametrize("revision", [None, "", "abc", "-1", "0", "7", "²", "9" * 40, ["0", "1"],
                                      "stamp:other-review", "stamp:other-reader", "stamp:not-a-number", "stamp:boolean",
                                      "stamp:wrong-key", "stamp:no-reader"])
def test_a_missing_forged_or_tampered_version_binds_the_flag_to_the_current_text(app, client, db, make_user,
                                                                                 make_maker, make_review, revision):
    author, reader, friend = make_user("author"), make_user("reader"), make_user("friend")
    review = make_review(author, make_maker())
    other = make_review(make_user("author2"), make_maker())
    edit_review(db, author, review, review_input(title="Second wording"))
    forged = {"stamp:other-review": _stamp(app, [other.id, 0, reader.id]),
              "stamp:other-reader": _stamp(app, [review.id, 0, friend.id]),  # a version shown to someone else
              "stamp:not-a-number": _stamp(app, [review.id, "0", reader.id]),
              "stamp:boolean": _stamp(app, [review.id, False, reader.id]),
              "stamp:no-reader": _stamp(app, [review.id, 0]),
              "stamp:wrong-key": URLSafeSerializer("not the key", salt="craftreview.flag-revision").dumps(
                  [review.id, 0, reader.id])}
    login(client, reader)
    sent = forged[revision] if isinstance(revision, str) and revision.startswith("stamp:") else revision
    data = {"reason": "spam", "note": "An advert."} | ({} if sent is None else {"revision": sent})
    assert client.post(f"/reviews/{review.id}/flag", data=data).status_code == 302
    fresh(db)
    assert db.scalar(select(Flag.review_revision).where(Flag.review_id == review.id)) == 1


def test_a_report_page_shown_again_with_errors_is_stamped_with_the_text_it_shows_then(client, db, make_user,
                                                                                     make_maker, make_review):
    """Sent without a reason after an edit, the page comes back with the edited text: a flag sent from it is about
    that text, not the one the first page showed."""
    author = make_user("author")
    review = make_review(author, make_maker(), title="First wording")
    login(client, make_user("reader"))
    first = client.get(f"/reviews/{review.id}/flag").get_data(as_text=True)
    edit_review(db, author, review, review_input(title="Second wording"))
    again = client.post(f"/reviews/{review.id}/flag", data={"note": "hm", "revision": _hidden(first, "revision")})
    assert again.status_code == 400 and "Second wording" in again.get_data(as_text=True)
    sent = client.post(f"/reviews/{review.id}/flag", data={
        "reason": "spam", "note": "An advert.", "revision": _hidden(again.get_data(as_text=True), "revision")})
    assert sent.status_code == 302
    fresh(db)
    assert db.scalar(select(Flag.review_revision)) == 1


def test_a_report_sent_after_the_review_was_hidden_keeps_its_note_to_copy(client, db, make_user, make_maker,
                                                                          make_review):
    review = make_review(make_user("author"), make_maker())
    login(client, make_user("reader"))
    assert client.get(f"/reviews/{review.id}/flag").status_code == 200  # the reader starts writing
    hide_review(db, make_user("mod", moderator=True), review, "spam")
    note = "Same words as three other reviews of this maker: a ring?"
    response = client.post(f"/reviews/{review.id}/flag", data={"reason": "other", "note": note, "revision": "0"})
    assert response.status_code == 404 and note in response.get_data(as_text=True)
    fresh(db)
    assert db.scalars(select(Flag)).all() == []


def _flag_line(page: str, reason: str) -> str:
    found = re.search(rf"<p><strong>{reason}</strong>.*?</p>", page, re.S)
    return found.group(0) if found else ""


def test_a_report_by_the_reviewed_maker_says_so_and_each_reporter_links_to_their_account(
        client, db, make_user, make_maker, make_review):
    """A maker may report reviews of its own work; the flag read 'Conflict of interest — <display name>', the same as
    a stranger's, so the moderator could not tell the report came from the party the review criticises."""
    owner = make_user("Priya Bello")
    review = make_review(make_user("author"), make_maker(owner), body="Cracked on arrival and the maker never replied.")
    stranger = make_user("reader")
    flag_review(db, owner, review, "conflict", "This buyer is my competitor.")
    flag_review(db, stranger, review, "abusive", "Rude.")
    login(client, make_user("mod", moderator=True))
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    by_maker, by_stranger = _flag_line(page, "Conflict of interest"), _flag_line(page, "Abusive or harassing")
    assert "the reviewed maker" in by_maker and "the reviewed maker" not in by_stranger
    assert f'href="/moderation/accounts/{owner.id}"' in by_maker
    assert f'href="/moderation/accounts/{stranger.id}"' in by_stranger
