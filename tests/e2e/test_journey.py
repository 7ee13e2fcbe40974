"""Issue #2's "done means" journey, through the UI only: labelled fields, links and buttons."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from sqlalchemy import update

from craftreview.models import User, utcnow
from tests.mail_helpers import link_in, mails_to

from .conftest import MODERATOR_EMAIL, MODERATOR_PASSWORD
from .ui import PASSWORD, days_ago, fill_registration, log_in, nav, rate, register, review_card, unique


def section(page: Page, heading: str):
    """The <section> headed `heading` (the app's sections are unnamed, so they are not ARIA regions)."""
    return page.locator("section").filter(has=page.get_by_role("heading", name=heading, exact=True))


def create_maker_profile(page: Page, name: str, slug: str) -> None:
    """Maker dashboard → Create your maker profile → fill → the public profile page."""
    nav(page, "Maker dashboard")
    expect(page.get_by_text("You don't have a maker profile yet.")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="Create your maker profile").click()
    page.get_by_label("Maker or studio name").fill(name)
    page.get_by_label("Profile address").fill(slug)
    page.get_by_label("Craft").select_option(label="Ceramics & pottery")
    page.get_by_label("Location").fill("Leeds, United Kingdom")
    page.get_by_label("About your work").fill("Wheel-thrown stoneware dinner sets, glazed in small batches.")
    page.get_by_label("Website").fill("https://example.com/studio")
    page.get_by_label("I accept custom orders").check()
    page.get_by_label("Typical lead time (days)").fill("21")
    page.get_by_role("button", name="Save profile").click()
    expect(page).to_have_url(re.compile(rf"/makers/{slug}$"))
    expect(page.get_by_text("Your maker profile is live.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    expect(page.get_by_text("Accepts custom orders")).to_be_visible()
    expect(page.get_by_text("No reviews yet, so no score.")).to_be_visible()


def find_maker_by_search(page: Page, query: str, name: str) -> None:
    """Search from the header box and open the maker; the index is fed after the response, so retry briefly."""
    for attempt in range(10):
        page.goto("/")
        box = page.get_by_role("search").get_by_label("Search makers and reviews")
        box.fill(query)
        box.press("Enter")
        expect(page.get_by_role("heading", name="Search", exact=True)).to_be_visible()
        hit = page.get_by_role("link", name=name, exact=True)
        if hit.count():
            hit.first.click()
            break
        page.wait_for_timeout(200 * (attempt + 1))
    else:
        raise AssertionError(f"search for {query!r} never listed {name!r}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)


def write_review(page: Page, title: str, body: str) -> None:
    """From the maker page: Write a review, three star ratings, text and the order facts."""
    page.get_by_role("link", name="Write a review").click()
    rate(page, craftsmanship=5, consistency=4, delivery=2)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Your review").fill(body)
    page.get_by_label("Order type").select_option(label="Custom order")
    page.get_by_label("Price band").select_option(label="$100–300")
    page.get_by_label("Ordered on").fill(days_ago(60))
    page.get_by_label("Promised by").fill(days_ago(30))
    page.get_by_label("Delivered on").fill(days_ago(20))
    page.get_by_role("button", name="Publish review").click()
    expect(page.get_by_text("Thank you! Your review is published.")).to_be_visible()


def test_review_reply_flag_hide_journey(new_actor):
    maker, buyer, flagger, moderator = new_actor(), new_actor(), new_actor(), new_actor()
    maker_name, slug = unique("Riverside Pottery "), unique("riverside-pottery-")
    buyer_name, title = unique("Buyer "), unique("Beautiful glaze but ten days late ")
    reply_text = "Thank you! The kiln broke in March; we now quote longer lead times."

    # A maker signs up and creates a profile from the nav.
    register(maker.page, f"{slug}@example.com", unique("Maker "))
    create_maker_profile(maker.page, maker_name, slug)

    # A buyer signs up in another browser, finds the maker and reviews them.
    register(buyer.page, f"{unique('buyer')}@example.com", buyer_name)
    find_maker_by_search(buyer.page, "riverside pottery", maker_name)
    write_review(buyer.page, title, "The glaze is beautiful and even across all six plates.\n\nIt arrived ten days late.")
    buyer.page.get_by_role("link", name=re.compile("All reviews of")).click()
    card = review_card(buyer.page, title)
    expect(card).to_be_visible()
    expect(card.get_by_label("5 of 5")).to_be_visible()
    expect(card).to_contain_text(f"by {buyer_name}")
    expect(card).to_contain_text("Custom order · $100–300")

    # The maker replies from the dashboard.
    nav(maker.page, "Maker dashboard")
    section(maker.page, "Reviews waiting for your reply").locator("p").filter(has_text=title).get_by_role("link", name="Reply publicly").click()
    expect(maker.page.get_by_role("heading", name="Reply publicly")).to_be_visible()
    maker.page.get_by_label("Your public reply").fill(reply_text)
    maker.page.get_by_role("button", name="Publish reply").click()
    expect(maker.page.get_by_text("Your reply is published.")).to_be_visible()

    # The buyer sees the reply under the review.
    buyer.page.reload()
    card = review_card(buyer.page, title)
    expect(card.get_by_text(f"Reply from {maker_name}")).to_be_visible()
    expect(card.get_by_text(reply_text)).to_be_visible()

    # The maker edits the reply: the flash says it is updated, not published again.
    maker.page.get_by_role("link", name="Edit reply").click()
    expect(maker.page.get_by_role("heading", name="Edit your reply")).to_be_visible()
    expect(maker.page).to_have_title("Edit your reply · craftreview")
    maker.page.get_by_label("Your public reply").fill(reply_text + " Thank you for waiting.")
    maker.page.get_by_role("button", name="Save reply").click()
    expect(maker.page.get_by_text("Your reply is updated.")).to_be_visible()

    # A third user reports the review.
    register(flagger.page, f"{unique('flagger')}@example.com", unique("Flagger "))
    flagger.page.goto(f"/makers/{slug}")
    review_card(flagger.page, title).get_by_role("link", name="Report").click()
    expect(flagger.page.get_by_role("heading", name="Report this review")).to_be_visible()
    flagger.page.get_by_role("group", name="What is wrong with this review?").get_by_label(
        "Conflict of interest").check()
    flagger.page.get_by_label("Note for the moderators").fill("The reviewer sells pottery at the same market.")
    flagger.page.get_by_role("button", name="Send to moderators").click()
    expect(flagger.page.get_by_text("Thank you. A moderator will look at this review.")).to_be_visible()

    # The moderator hides it for a policy reason.
    log_in(moderator.page, MODERATOR_EMAIL, MODERATOR_PASSWORD)
    nav(moderator.page, "Moderation")
    expect(moderator.page.get_by_role("heading", name="Moderation queue")).to_be_visible()
    row = moderator.page.get_by_role("row").filter(has=moderator.page.get_by_role("link", name=title))
    expect(row.get_by_role("cell").first).to_have_text("1")
    row.get_by_role("link", name=title).click()
    expect(moderator.page.get_by_text("The reviewer sells pottery at the same market.")).to_be_visible()
    hide = section(moderator.page, "Hide")  # every moderation form names its note field the same way
    hide.get_by_label("Policy reason").select_option(label="Undisclosed conflict of interest")
    hide.get_by_label("Note (shown in the audit log)").fill("Competing seller at the same market.")
    hide.get_by_role("button", name="Hide review").click()
    expect(moderator.page.get_by_text("Review hidden. The author can see why.")).to_be_visible()
    moderator.page.get_by_role("link", name="Audit log").click()
    expect(moderator.page.get_by_role("row").filter(has_text="Competing seller at the same market.")).to_be_visible()

    # The maker page no longer shows it, to anyone.
    for person in (buyer, maker, flagger):
        person.page.goto(f"/makers/{slug}")
        expect(person.page.get_by_role("heading", name=title)).to_have_count(0)
    expect(buyer.page.get_by_role("heading", name=re.compile(r"^Reviews \(0\)"))).to_be_visible()

    # The buyer sees it is hidden, and why.
    nav(buyer.page, "My reviews")
    # exact: the entry's "Edit or withdraw" link names the review too (for screen readers)
    mine = buyer.page.locator("article").filter(has=buyer.page.get_by_role("link", name=title, exact=True))
    expect(mine).to_contain_text("Hidden by a moderator: Undisclosed conflict of interest")
    mine.get_by_role("link", name=title, exact=True).click()
    notice = buyer.page.get_by_role("status").filter(has_text="This review is hidden by a moderator")
    expect(notice).to_contain_text("Reason: Undisclosed conflict of interest")
    expect(notice).to_contain_text("Competing seller at the same market.")

    for person in (maker, buyer, flagger, moderator):
        assert person.problems.all() == []


def record_order(page: Page, buyer_email: str, item: str) -> str:
    """On the dashboard: record an order; returns the invitation link shown once on the page."""
    nav(page, "Maker dashboard")
    page.get_by_label("Buyer's email").fill(buyer_email)
    page.get_by_label("Item").fill(item)
    page.get_by_label("Order type").select_option(label="Stock item")
    page.get_by_label("Price band").select_option(label="$25–100")
    page.get_by_label("Ordered on").fill(days_ago(14))
    page.get_by_label("Promised by").fill(days_ago(7))
    page.get_by_role("button", name="Record order and create invitation").click()
    expect(page.get_by_text(re.compile("^Order recorded."))).to_be_visible()
    return page.get_by_label("Invitation link").input_value()


def confirm_email(live_server, email: str) -> None:
    """Mark an address confirmed directly in the database (the confirmation flow is tested on its own)."""
    with live_server.app.extensions["craftreview.sessions"]() as db:
        db.execute(update(User).where(User.email == email.lower()).values(email_confirmed_at=utcnow()))
        db.commit()


def test_verified_review_through_invitation_link(new_actor, live_server):
    maker, buyer, friend = new_actor(), new_actor(), new_actor()
    maker_name, slug = unique("Linden Leather "), unique("linden-leather-")
    buyer_email, title = f"{unique('customer')}@example.com", unique("Wallet exactly as pictured ")
    friend_email = f"{unique('friend')}@example.com"

    register(maker.page, f"{slug}@example.com", unique("Leatherworker "))
    create_maker_profile(maker.page, maker_name, slug)
    confirm_email(live_server, f"{slug}@example.com")  # a maker mails invitations only from a confirmed address
    register(friend.page, friend_email, unique("Friend "))
    confirm_email(live_server, friend_email)

    # The maker records the order and copies the one-time link shown on the page.
    link = record_order(maker.page, buyer_email, "Bridle leather wallet, hand-stitched")
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/invite/\S+", link), link
    expect(maker.page.get_by_role("row").filter(has_text="Bridle leather wallet")).to_contain_text("Open until")

    # Handed to someone else, the link is refused with a clear page; the order stays private and open.
    response = friend.page.goto(link)
    assert response is not None and response.status == 403, response and response.status
    expect(friend.page.get_by_role("heading", name="This invitation is for someone else")).to_be_visible()
    expect(friend.page.get_by_text("belongs to another email address")).to_be_visible()
    expect(friend.page.get_by_text("Bridle leather wallet")).to_have_count(0)
    nav(maker.page, "Maker dashboard")
    expect(maker.page.get_by_role("row").filter(has_text="Bridle leather wallet")).to_contain_text("Open until")

    # The buyer has no account yet: the link asks them to log in, they create an account from there and
    # open the confirmation link from their mail in the same browser, which brings them back to the invitation.
    buyer.page.goto(link)
    buyer.page.get_by_role("main").get_by_role("link", name="Create an account").click()
    fill_registration(buyer.page, buyer_email, unique("Customer "))
    expect(buyer.page.get_by_role("heading", name="Confirm your email address first")).to_be_visible()
    with live_server.app.extensions["craftreview.sessions"]() as db:
        buyer.page.goto(link_in(mails_to(db, buyer_email)[-1], "/confirm-email/"))
    buyer.page.get_by_role("button", name="Confirm my email address").click()
    expect(buyer.page).to_have_url(link)

    # There they write a verified review: the order facts come from the maker.
    expect(buyer.page.get_by_role("heading", name=f"Verified review of {maker_name}")).to_be_visible()
    expect(buyer.page.get_by_text("Item: Bridle leather wallet, hand-stitched")).to_be_visible()
    expect(buyer.page.get_by_label("Order type")).to_have_count(0)
    rate(buyer.page, craftsmanship=5, consistency=5, delivery=4)
    buyer.page.get_by_label("Title").fill(title)
    buyer.page.get_by_label("Your review").fill("Stitching is tight and even; the colour matches the photos.")
    buyer.page.get_by_label("Delivered on").fill(days_ago(6))
    buyer.page.get_by_role("button", name="Publish verified review").click()
    expect(buyer.page.get_by_text("Thank you! Your verified review is published.")).to_be_visible()

    buyer.page.goto(f"/makers/{slug}")
    card = review_card(buyer.page, title)
    expect(card.get_by_text("Verified order")).to_be_visible()
    expect(card).to_contain_text("Stock item · $25–100")
    expect(buyer.page.get_by_text("1 review, 1 from verified orders")).to_be_visible()

    # The maker's dashboard shows the link as spent.
    nav(maker.page, "Maker dashboard")
    expect(maker.page.get_by_role("row").filter(has_text="Bridle leather wallet")).to_contain_text("Reviewed")

    # The link works once: a second visit says it has done its work (the way to the review), not a server error.
    response = buyer.page.goto(link)
    assert response is not None and response.status == 404, response and response.status
    expect(buyer.page.get_by_role("heading", name="Nothing left to do with this link")).to_be_visible()
    expect(buyer.page.get_by_text("This invitation link has already been used.")).to_be_visible()

    assert maker.problems.all() == []
    assert buyer.problems.all(allow=(link,)) == []
    assert friend.problems.all(allow=(link,)) == []


def test_reloading_the_dashboard_after_recording_an_order_does_not_record_it_twice(new_actor, live_server):
    maker = new_actor()
    slug = unique("reload-check-")
    register(maker.page, f"{slug}@example.com", unique("Reloader "))
    create_maker_profile(maker.page, unique("Reload Studio "), slug)
    confirm_email(live_server, f"{slug}@example.com")
    record_order(maker.page, f"{unique('once')}@example.com", "Linen apron")
    maker.page.reload()  # what a maker does to see the table refresh; Chromium re-sends the POST
    expect(maker.page.get_by_role("row").filter(has_text="Linen apron")).to_have_count(1, timeout=2_000)


def ask_to_change_email(page: Page, new_email: str) -> None:
    """On the account page: ask to move the account to new_email, as its owner does."""
    page.goto("/account")
    form = section(page, "Email address")
    form.get_by_label("New email address").fill(new_email)
    form.get_by_label("Current password").fill(PASSWORD)
    form.get_by_role("button", name="Change email").click()


def test_email_change_answers_alike_and_changes_only_through_the_mailed_link(new_actor, live_server):
    owner, mover = new_actor(), new_actor()
    owner_email, mover_email = f"{unique('owner')}@example.com", f"{unique('mover')}@example.com"
    new_email = f"{unique('moved')}@example.com"
    register(owner.page, owner_email, unique("Owner "))
    register(mover.page, mover_email, unique("Mover "))

    # A taken address and a free one get the same answer: the form tells nobody who has an account here.
    for address in (owner_email, new_email):
        ask_to_change_email(mover.page, address)
        expect(mover.page.get_by_text(f"We sent a confirmation link to {address}. Your address changes when you "
                                      "open it.")).to_be_visible()
        expect(mover.page.get_by_text(f"Signed in as {mover_email}.")).to_be_visible()
    with live_server.app.extensions["craftreview.sessions"]() as db:
        to_owner = mails_to(db, owner_email)[-1].body
        link = link_in(mails_to(db, new_email)[-1], "/confirm-email-change/")
    assert "/confirm-email-change/" not in to_owner and "nothing was changed" in to_owner

    # The link mailed to the new address makes the change, once.
    mover.page.goto(link)
    mover.page.get_by_role("button", name=f"Use {new_email}").click()
    expect(mover.page.get_by_text(f"Your account now uses {new_email}, and it is confirmed.")).to_be_visible()
    expect(mover.page.get_by_text(f"Signed in as {new_email}.")).to_be_visible()
    # Opened again, the spent link says its change is made (nothing to ask for again), not merely "used".
    mover.page.goto(link)
    expect(mover.page.get_by_role("heading", name="Nothing left to do with this link")).to_be_visible()
    expect(mover.page.get_by_text(f"This link has done its work: your account uses {new_email} already.")).to_be_visible()
