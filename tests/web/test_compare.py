"""/compare: up to four makers side by side, unknown and surplus makers named, the list kept without script."""
from __future__ import annotations

import re

import pytest

from tests.conftest import DATABASES
from tests.web.maker_world import add_review, rescore
from tests.web.test_maker_page import hidden_sentence, text_of

pytestmark = pytest.mark.parametrize("database_url", DATABASES, indirect=True)


def column_names(response) -> list[str]:
    return re.findall(r'<h2 id="cmp-[^"]+"><a href="/makers/[^"]+">([^<]+)</a></h2>', response.get_data(as_text=True))


@pytest.fixture
def three(db, make_maker, make_user):
    """Three makers with different records."""
    makers = [make_maker(name=name) for name in ("Ash Loom", "Birch Forge", "Cedar Glass")]
    add_review(db, makers[0], make_user(), stars=(5, 5, 5), verified=True, order_type="custom", late_days=3,
               reply_hours=5)
    add_review(db, makers[0], make_user(), stars=(4, 5, 5), order_type="custom", late_days=0)
    add_review(db, makers[1], make_user(), stars=(2, 3, 1), order_type="stock", late_days=6)
    rescore(db)
    return makers


def test_compare_shows_each_maker_with_estimates_histograms_delivery_and_counts(client, three):
    slugs = ",".join(m.slug for m in three)
    page = client.get(f"/compare?makers={slugs}")
    assert page.status_code == 200
    assert column_names(page) == ["Ash Loom", "Birch Forge", "Cedar Glass"]
    text = text_of(page)
    assert "2 reviews, 1 from verified orders" in text and "1 review, 0 from verified orders" in text
    assert "Custom orders 1 of 2 on time; the 1 late one was 3 days late." in text
    assert "Stock items 0 of 1 on time; the 1 late one was 6 days late." in text
    assert "1 of 2 reviews answered (50%); median reply time 5 hours." in text
    assert hidden_sentence(page, f"cmp-{three[0].slug}-craftsmanship-text").startswith("1 gave 5 stars, 1 gave 4 stars")
    score = three[0].score
    assert f"{score.craftsmanship:.1f} ({score.craftsmanship_low:.1f}–{score.craftsmanship_high:.1f})" in text
    assert "No reviews yet, so no estimate." in text  # Cedar Glass


def test_unknown_slugs_are_named(client, three):
    page = client.get(f"/compare?makers={three[0].slug},no-such-maker,Bad%20Slug!")
    assert column_names(page) == ["Ash Loom"]
    assert "No maker found for: <bdi>bad slug!</bdi>, <bdi>no-such-maker</bdi>." in page.get_data(as_text=True)


def test_control_characters_in_a_link_are_not_echoed_into_the_page(client, three):
    page = client.get(f"/compare?makers={three[0].slug},ev%00il%07,%01").get_data(as_text=True)
    assert "\x00" not in page and "\x07" not in page and "\x01" not in page
    assert "No maker found for: <bdi>evil</bdi>." in page


def test_an_unknown_name_in_another_script_direction_is_isolated_from_the_sentence(client, three):
    """A right-to-left override typed into the address would otherwise reverse the rest of the warning."""
    page = client.get(f"/compare?makers={three[0].slug},%E2%80%AEevil").get_data(as_text=True)
    assert "<bdi>evil</bdi>." in page and "\u202e" not in page  # the override is dropped, the name isolated

def test_more_than_four_makers_shows_four_and_says_which_were_left_out(client, db, make_maker, three):
    extra = [make_maker(name=f"Extra {n}") for n in range(2)]
    slugs = ",".join(m.slug for m in three + extra)
    page = client.get(f"/compare?makers={slugs}")
    assert len(column_names(page)) == 4
    # Named as buyers know it, not by its address ("maker-7 was left out").
    assert f"You can compare up to 4 makers at a time, so {extra[1].name} was left out." in text_of(page)


def add(client, maker_slug: str, referrer: str | None = None, **headers):
    """The "Add to compare" button: a POST from a page of this site (its Referer, when given)."""
    if referrer:
        headers["Referer"] = referrer
    return client.post("/compare/add", data={"maker": maker_slug}, headers=headers)


def form_fields(html: str, button: str) -> dict[str, str]:
    """The hidden fields of the form whose button reads `button`."""
    form = next(f for f in re.findall(r"<form .*?</form>", html, re.S) if button in f)
    return dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))


def test_add_to_compare_remembers_the_list_in_a_cookie(client, three):
    for maker in three:
        response = add(client, maker.slug)
        assert response.status_code == 303
        client.get(response.headers["Location"])
    page = client.get("/compare")
    assert column_names(page) == ["Ash Loom", "Birch Forge", "Cedar Glass"]
    remaining = form_fields(page.get_data(as_text=True), "Remove Birch Forge")["makers"]
    removed = client.post("/compare/list", data={"makers": remaining}, follow_redirects=True)
    assert column_names(removed) == ["Ash Loom", "Cedar Glass"]
    assert column_names(client.get("/compare")) == ["Ash Loom", "Cedar Glass"]


def test_an_empty_list_leaves_no_cookie_and_emptying_a_list_removes_it(client, three):
    """Any cookie keeps maker pages and listings from being served stored: an empty compare page sets none."""
    assert client.get("/compare").headers.getlist("Set-Cookie") == [] and client.get_cookie("compare") is None
    client.get(add(client, three[0].slug).headers["Location"])
    assert client.get_cookie("compare").value == three[0].slug
    emptied = client.post("/compare/list", data={"makers": ""})
    assert emptied.status_code == 303 and client.get_cookie("compare") is None
    assert column_names(client.get("/compare")) == []


def test_adding_from_a_page_returns_to_it_and_the_header_counts_the_list(client, db, make_maker, three):
    browse = "http://localhost/makers?sort=reviews"
    response = add(client, three[0].slug, browse)
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/makers?sort=reviews#maker-{three[0].slug}")
    page = client.get("/makers?sort=reviews").get_data(as_text=True)
    assert "Added Ash Loom to your compare list (1 of 4)." in page
    assert re.search(r'href="/compare">Compare <span class="badge compare-count">1<', page)
    assert '>1<span class="visually-hidden"> maker</span>' in page  # "Compare 1 maker", not "1 makers"
    add(client, three[0].slug, browse)
    assert "Ash Loom is already on your compare list (1 of 4)." in client.get("/makers").get_data(as_text=True)
    for maker in three[1:] + [make_maker(name="Dune Kiln")]:
        add(client, maker.slug, browse)
    assert '>4<span class="visually-hidden"> makers</span>' in client.get("/makers").get_data(as_text=True)
    fifth = make_maker(name="Elm Works")
    add(client, fifth.slug, browse)
    page = client.get("/makers").get_data(as_text=True)
    assert "Your compare list is full (4 makers): remove one on the compare page to add Elm Works." in page
    assert column_names(client.get("/compare")) == ["Ash Loom", "Birch Forge", "Cedar Glass", "Dune Kiln"]


def test_adding_from_a_listing_returns_to_the_card_pressed(client, three):
    """On a phone the list came back at its top, screens away from the card pressed: the redirect now names the card
    (#maker-<address>, an id every visitor's cached card carries), and a fragment the page had is not kept."""
    listing = client.get("/makers?sort=newest").get_data(as_text=True)
    for maker in three:
        card = re.search(rf'<article class="card maker-card" id="maker-{maker.slug}">.*?</article>', listing, re.S)
        assert card and f'name="maker" value="{maker.slug}"' in card.group(0)
    response = add(client, three[1].slug, "http://localhost/makers?sort=newest&craft=wood#maker-elsewhere")
    assert response.headers["Location"].endswith(f"/makers?sort=newest&craft=wood#maker-{three[1].slug}")


def test_adding_never_returns_to_another_site_or_loops_on_the_compare_page(client, three):
    for referrer in ("http://localhost/compare?makers=x", None):
        response = add(client, three[0].slug, referrer)
        assert response.headers["Location"].endswith(f"/compare?makers={three[0].slug}")


@pytest.mark.parametrize("sender", [{"Origin": "https://evil.example"}, {"Origin": "null"},
                                    {"Referer": "https://evil.example/makers"}])
def test_a_compare_edit_sent_from_another_site_is_refused_and_changes_nothing(client, three, sender):
    """The edits carry no CSRF token (maker cards are cached for every visitor), so the sender's origin is checked:
    a page elsewhere cannot fill or empty a visitor's list."""
    add(client, three[0].slug)
    for response in (add(client, three[1].slug, **sender),
                     client.post("/compare/list", data={"makers": three[2].slug}, headers=sender)):
        assert response.status_code == 403
        assert "Compare lists are changed only from this site&#39;s own pages." in response.get_data(as_text=True)
        assert "compare=" not in response.headers.get("Set-Cookie", "")
    assert column_names(client.get("/compare")) == ["Ash Loom"]
    assert add(client, three[1].slug, Origin="http://localhost").status_code == 303


def test_behind_a_proxy_that_passes_its_own_host_the_public_address_counts_as_this_site(app, client, three):
    app.config["PUBLIC_URL"] = "https://craftreview.example"
    response = add(client, three[0].slug, Origin="https://craftreview.example", Host="backend:8000")
    assert response.status_code == 303
    assert add(client, three[1].slug, Origin="https://elsewhere.example", Host="backend:8000").status_code == 403


def test_following_an_old_add_link_shows_the_maker_beside_the_list_and_saves_nothing(client, three):
    """Pages cached before the buttons POSTed linked to /compare?add=slug: a GET, which must not edit the list."""
    add(client, three[0].slug)
    response = client.get(f"/compare?add={three[1].slug}")
    assert response.status_code == 302 and "compare=" not in response.headers.get("Set-Cookie", "")
    page = client.get(response.headers["Location"])
    assert column_names(page) == ["Ash Loom", "Birch Forge"] and "came from a link" in text_of(page)
    assert column_names(client.get("/compare")) == ["Ash Loom"]


def test_adding_a_maker_that_does_not_exist_is_a_404_and_remembers_nothing(client):
    response = add(client, "no-such-maker", "http://localhost/makers")
    assert response.status_code == 404
    assert "compare=" not in response.headers.get("Set-Cookie", "")


def test_maker_page_and_cards_offer_add_to_compare(client, three):
    for page in (client.get(f"/makers/{three[0].slug}"), client.get("/makers")):
        html = page.get_data(as_text=True)
        assert form_fields(html, "to compare</button>") == {"maker": three[0].slug}
        assert 'action="/compare/add"' in html and 'href="/compare?add=' not in html


def test_empty_compare_explains_how_to_start(client):
    assert "Nothing to compare yet." in text_of(client.get("/compare?makers="))


def test_adding_something_that_is_not_a_maker_address_is_a_clear_400(client):
    for response in (add(client, "<script>"), client.get("/compare?add=%3Cscript%3E"),
                     client.post("/compare/list", data={"makers": "ash-loom,<b>"})):
        assert response.status_code == 400 and "That is not a maker&#39;s address." in response.get_data(as_text=True)
        assert "compare=" not in response.headers.get("Set-Cookie", "")


def test_an_at_a_glance_table_puts_the_key_figures_of_every_maker_side_by_side(client, three):
    page = client.get(f"/compare?makers={','.join(m.slug for m in three)}").get_data(as_text=True)
    table = page[page.index('<table class="data compact glance">'):page.index("</table>")]
    rows = {re.sub(r"<[^>]+>", "", row.split("</th>")[0]).strip(): re.findall(r"<td>(.*?)</td>", row, re.S)
            for row in re.findall(r'<tr><th scope="row">(.*?)</tr>', table, re.S)}
    cells = {label: [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in values]
             for label, values in rows.items()}
    assert re.findall(r'<th scope="col"><a href="#cmp-[^"]+">([^<]+)</a></th>', table) == [
        "Ash Loom", "Birch Forge", "Cedar Glass"]
    assert cells["Reviews"] == ["2 1 verified", "1 0 verified", "0 0 verified"]
    assert cells["Custom orders on time"] == ["1 of 2", "—", "—"]
    assert cells["Stock items on time"] == ["—", "0 of 1", "—"]
    assert cells["Reviews answered"] == ["50%", "0%", "—"]
    assert cells["Overall"][2] == "—" and re.fullmatch(r"\d\.\d \d\.\d–\d\.\d", cells["Overall"][0])


def test_unknown_makers_take_no_place_among_the_four(client, db, make_maker, three):
    extra = make_maker(name="Dune Kiln")
    slugs = ",".join(["gone-1", "gone-2", "gone-3", "gone-4"] + [m.slug for m in three] + [extra.slug])
    page = client.get(f"/compare?makers={slugs}")
    assert column_names(page) == ["Ash Loom", "Birch Forge", "Cedar Glass", "Dune Kiln"]
    text = text_of(page)
    assert "No maker found for: gone-1 , gone-2 , gone-3 , gone-4 ." in text  # each name in its own <bdi>
    assert "left out" not in text


def test_a_link_naming_no_known_maker_keeps_the_visitors_own_list(client, three):
    # A mistyped or stale shared link replaced the visitor's remembered list with nothing at all.
    for maker in three[:2]:
        add(client, maker.slug)
    page = client.get("/compare?makers=no-such-maker,Bad%20Slug!")
    assert "No maker found for: <bdi>bad slug!</bdi>, <bdi>no-such-maker</bdi>." in page.get_data(as_text=True)
    assert column_names(client.get("/compare")) == ["Ash Loom", "Birch Forge"]


def test_a_shared_link_shows_its_makers_and_keeps_the_visitors_own_list(client, three):
    # A shared comparison used to replace the list the visitor had built, without a word.
    for maker in three[:2]:
        add(client, maker.slug)
    page = client.get(f"/compare?makers={three[2].slug}")
    assert column_names(page) == ["Cedar Glass"]
    assert re.search(r'href="/compare">Compare <span class="badge compare-count">2<', page.get_data(as_text=True))
    assert "compare=" not in page.headers.get("Set-Cookie", "")
    text = text_of(page)
    assert "This comparison came from a link. Your own compare list (2 makers) is kept as it was" in text
    html = page.get_data(as_text=True)
    # Removing a maker from a shared comparison edits that view only.
    assert 'href="/compare?makers=">Remove Cedar Glass' in html
    assert column_names(client.get("/compare")) == ["Ash Loom", "Birch Forge"]
    saved = client.post("/compare/list", data=form_fields(html, "make these makers your list"))
    # Saved, then shown at the list's plain address, which shared on is a shared link again.
    assert saved.status_code == 303 and saved.headers["Location"] == f"/compare?makers={three[2].slug}"
    assert column_names(client.get(saved.headers["Location"])) == ["Cedar Glass"]
    assert column_names(client.get("/compare")) == ["Cedar Glass"]
    assert "came from a link" not in text_of(client.get(f"/compare?makers={three[2].slug}"))


def test_a_shared_link_becomes_the_list_of_a_visitor_who_had_none(client, three):
    adopted = client.get(f"/compare?makers={three[1].slug},{three[0].slug}").get_data(as_text=True)
    # The header counts the list the page leaves (it showed no "Compare" until the next page).
    assert re.search(r'href="/compare">Compare <span class="badge compare-count">2<', adopted)
    page = client.get("/compare")
    assert column_names(page) == ["Birch Forge", "Ash Loom"]
    assert "came from a link" not in text_of(page)
    removed = client.post("/compare/list", data=form_fields(page.get_data(as_text=True), "Remove Birch Forge"))
    assert removed.status_code == 303 and removed.headers["Location"] == f"/compare?makers={three[0].slug}"
    assert column_names(client.get("/compare")) == ["Ash Loom"]
    emptied = client.post("/compare/list", data={"makers": ""})
    assert emptied.headers["Location"] == "/compare" and "Nothing to compare yet." in text_of(client.get("/compare"))


def test_an_address_copied_after_an_own_edit_does_not_replace_its_receiver_s_list(app, client, three):
    client.get(f"/compare?makers={three[0].slug},{three[1].slug}")  # the sender's list
    removed = client.post("/compare/list", data={"makers": three[1].slug})  # the sender removes Ash Loom
    copied = removed.headers["Location"]
    receiver = app.test_client()
    add(receiver, three[2].slug)
    assert "came from a link" in text_of(receiver.get(copied))
    assert column_names(receiver.get("/compare")) == ["Cedar Glass"]


def test_a_glance_table_wider_than_a_phone_says_it_scrolls(client, three, make_maker):
    """Three makers fit 360 px; a fourth makes the table scroll inside its region, which nothing else showed (the
    hint is shown only on narrow screens: tests/e2e checks the layout)."""
    slugs = ",".join(m.slug for m in three)
    hint = "swipe it sideways, or select it and use the arrow keys, to see every maker"
    assert hint not in client.get(f"/compare?makers={slugs}").get_data(as_text=True)
    fourth = make_maker(name="Dune Pottery")
    assert hint in client.get(f"/compare?makers={slugs},{fourth.slug}").get_data(as_text=True)


def test_removing_a_maker_says_which_one_went_and_how_many_are_left(client, three):
    """The remove button sits at the foot of a maker's column (screens down on a phone); the page it reloads opened at
    its top with one column fewer and no word of what happened, where adding says "Added … (2 of 4)"."""
    for maker in three:
        client.get(add(client, maker.slug).headers["Location"])
    page = client.get("/compare").get_data(as_text=True)
    removed = client.post("/compare/list", data=form_fields(page, "Remove Birch Forge"), follow_redirects=True)
    assert column_names(removed) == ["Ash Loom", "Cedar Glass"]
    assert "Removed Birch Forge from your compare list (2 of 4)." in text_of(removed)
    page = removed.get_data(as_text=True)
    removed = client.post("/compare/list", data=form_fields(page, "Remove Ash Loom"), follow_redirects=True)
    page = removed.get_data(as_text=True)
    emptied = client.post("/compare/list", data=form_fields(page, "Remove Cedar Glass"), follow_redirects=True)
    assert "Removed Cedar Glass from your compare list; it is empty now." in text_of(emptied)
    assert "Nothing to compare yet." in text_of(emptied)


def test_removing_a_maker_makes_room_for_the_one_left_out(client, make_maker, three):
    """A full list and a fifth maker added: the page said "Elm Works was left out. Remove a maker below to make room",
    but each remove button sent only the other shown makers, so Elm Works was thrown away instead of taking the place."""
    for maker in three + [make_maker(name="Dune Kiln")]:
        add(client, maker.slug)
    full = add(client, make_maker(name="Elm Works").slug)  # sent without a page to go back to: the compare page
    page = client.get(full.headers["Location"])
    assert "Elm Works was left out. Remove a maker below to make room." in text_of(page)
    removed = client.post("/compare/list", data=form_fields(page.get_data(as_text=True), "Remove Birch Forge"),
                          follow_redirects=True)
    assert column_names(removed) == ["Ash Loom", "Cedar Glass", "Dune Kiln", "Elm Works"]
    assert "left out" not in text_of(removed)
    # Not "Removed Birch Forge from your compare list (4 of 4).", which read as if nothing had changed.
    assert "Removed Birch Forge from your compare list; Elm Works takes its place (4 of 4)." in text_of(removed)
    assert column_names(client.get("/compare")) == ["Ash Loom", "Cedar Glass", "Dune Kiln", "Elm Works"]


def test_a_maker_still_left_out_after_a_removal_is_still_named(client, make_maker, three):
    """Six makers from a link, one removed: the fifth takes the freed place and the sixth is still named, not lost."""
    extra = [make_maker(name=name) for name in ("Dune Kiln", "Elm Works", "Fir Studio")]
    page = client.get("/compare?makers=" + ",".join(m.slug for m in three + extra))  # adopted: the visitor had none
    removed = client.post("/compare/list", data=form_fields(page.get_data(as_text=True), "Remove Ash Loom"),
                          follow_redirects=True)
    assert column_names(removed) == ["Birch Forge", "Cedar Glass", "Dune Kiln", "Elm Works"]
    assert "so Fir Studio was left out." in text_of(removed)


def test_on_a_shared_link_removing_a_maker_shows_the_one_left_out(client, make_maker, three):
    """A shared link's remove links change only the view; they too make room for the maker left out."""
    add(client, three[0].slug)  # the visitor's own list, which the link does not replace
    extra = [make_maker(name=name) for name in ("Dune Kiln", "Elm Works")]
    html = client.get("/compare?makers=" + ",".join(m.slug for m in three + extra)).get_data(as_text=True)
    href = re.search(r'<a href="([^"]+)">Remove Birch Forge from comparison', html).group(1).replace("&amp;", "&")
    assert column_names(client.get(href)) == ["Ash Loom", "Cedar Glass", "Dune Kiln", "Elm Works"]


def test_a_maker_without_reviews_says_so_instead_of_empty_histograms(client, three):
    """Cedar Glass has no reviews: its column drew three histograms of fifteen zero bars ("0 reviews, 0 from verified
    orders"), where the maker page says "No reviews yet"."""
    page = client.get(f"/compare?makers={three[0].slug},{three[2].slug}")
    html = page.get_data(as_text=True)
    assert f'id="cmp-{three[0].slug}-craftsmanship-caption"' in html  # a maker with reviews keeps its histograms
    assert f"cmp-{three[2].slug}-craftsmanship" not in html
    cedar = html[html.index(f'<h2 id="cmp-{three[2].slug}">'):]
    assert "No reviews yet, so no ratings to show." in cedar and "0 reviews, 0 from verified orders" not in cedar
