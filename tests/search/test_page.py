"""The /search page: what a buyer sees."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from .helpers import names, run


def _get(app, **args):
    response = app.test_client().get("/search", query_string=args)
    return response.status_code, response.get_data(as_text=True)


def test_results_show_both_tabs_with_counts_and_marked_snippets(corpus, search_app):
    status, html = _get(search_app, q="walnut")
    assert status == 200
    assert re.search(r"Makers\s*<span class=\"badge\">1</span>", html)
    assert re.search(r"Reviews\s*<span class=\"badge\">1</span>", html)
    assert "Oakhaven Woodworks" in html and "<mark>walnut</mark>" in html


def test_user_text_in_snippets_is_escaped(world, search_app):
    world.maker("Evil <b>Maker</b>", "wood", "York, UK", "<script>alert(1)</script> walnut bowls")
    world.drain()
    _status, html = _get(search_app, q="walnut")
    assert "<script>" not in html and "alert(1)&lt;/script&gt;" in html
    assert "<b>Maker</b>" not in html and "Evil &lt;b&gt;Maker&lt;/b&gt;" in html


@pytest.mark.parametrize("q", ['"unbalanced quote', "-", "OR AND NOT", "x" * 10_000, "walnut\x00\x1b[31m",
                               "craft:", ":::", "((walnut", "walnut -", "'; DROP TABLE makers; --", "\\", "*",
                               "location:\"", "ünïcødé 漢字 walnut"])
def test_malformed_queries_get_results_or_a_message_never_an_error(corpus, search_app, q):
    status, html = _get(search_app, q=q)
    assert status == 200
    assert "<h1>Search</h1>" in html


def test_a_very_long_query_says_it_was_shortened(corpus, search_app):
    _status, html = _get(search_app, q="walnut " * 2000)
    assert "shortened to its first 200 characters" in html


@pytest.mark.parametrize("q", ["- :: ||", "(", "()", "\x00"])
def test_a_query_with_no_words_explains_itself(corpus, search_app, q):
    _status, html = _get(search_app, q=q)
    assert "no words to look for" in html


@pytest.mark.parametrize("q", ["the", "The and of", '"to be or not to be"', "title:the"])
def test_a_query_of_only_stop_words_explains_itself(corpus, search_app, q):
    # Stop words are indexed nowhere: the page said only "No makers found for “the”".
    status, html = _get(search_app, q=q)
    assert status == 200 and "Words as common as “the” or “and” are not searched" in html
    assert "No makers found" not in html


def test_a_blank_query_is_the_search_page_without_a_complaint(corpus, search_app):
    assert "no words to look for" not in _get(search_app, q="   ")[1]


def test_a_corrected_query_is_announced_with_a_link(corpus, search_app):
    _status, html = _get(search_app, q="stonewrae")
    assert "Showing results for" in html and "stoneware" in html and "Fern and Flame Pottery" in html


@pytest.mark.parametrize("q", ["tier:master", "price:cheap"])  # an unknown field: its words are searched apart
def test_words_searched_instead_that_find_nothing_either_are_not_announced_as_shown(corpus, search_app, q):
    # The page said "No results for tier:master. Showing results for tier master." above no results at all.
    _status, html = _get(search_app, q=q)
    assert "No makers found" in html and "Showing results for" not in html


def test_no_results_page_suggests_removing_filters(corpus, search_app):
    _status, html = _get(search_app, q="walnut", craft="glass")
    assert "No makers found" in html and "remove the filters" in html


def _active_filters(html: str) -> list[tuple[str, str]]:
    """(label, link) of each filter the panel shows as chosen."""
    return [(re.sub(r"<[^>]+>", "", label).strip(), href.replace("&amp;", "&")) for href, label in re.findall(
        r'<a href="([^"]+)" aria-current="true" title="Remove this filter">\s*(.*?)</a>', html, re.S)]


def test_a_chosen_filter_that_matches_nothing_stays_in_the_panel_to_be_removed_alone(corpus, search_app):
    # The panel listed only values with matches, so the filter that emptied the page vanished from it:
    # the buyer could not see which one it was, only 'Clear all filters'.
    _status, html = _get(search_app, q="walnut", craft="wood", location="Leeds")
    assert "No makers found" in html
    assert _active_filters(html) == [
        ("Woodworking", "/search?q=walnut&tab=makers&location=Leeds"),
        ("Leeds", "/search?q=walnut&tab=makers&craft=wood")]
    assert re.search(r"Country or city</h2>.*?Leeds</bdi></a> <span class=\"muted\">\(0\)", html, re.S)
    _status, html = _get(search_app, q="walnut", tier="novice")
    assert _active_filters(html) == [("Novice", "/search?q=walnut&tab=makers")]


@pytest.mark.parametrize(("typed", "filed"), [("bristol", "Bristol"), ("Bristol, UK", "Bristol"), ("BRISTOL,uk", "Bristol"),
                                             ("uk", "UK")])
def test_a_typed_location_is_searched_as_the_filter_s_own_links_write_it(corpus, search_app, typed, filed):
    """?location=bristol used to find nothing: the filter matches the city or country as filed, exactly."""
    response = search_app.test_client().get("/search", query_string={"q": "walnut", "location": typed})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/search?q=walnut&tab=makers&location={filed}"
    assert "Oakhaven Woodworks" in _get(search_app, q="walnut", location=filed)[1]


def test_a_city_of_a_location_with_a_region_is_read_as_filed(world, search_app):
    """'Hebden Bridge, West Yorkshire, UK' is filed as the city Hebden Bridge: its name typed finds it."""
    world.maker("Calder Looms", "textiles", "Hebden Bridge, West Yorkshire, UK", "Woven throws.")
    world.drain()
    response = search_app.test_client().get("/search", query_string={"q": "throws", "location": "hebden bridge"})
    assert response.headers["Location"] == "/search?q=throws&tab=makers&location=Hebden+Bridge"


def test_a_location_as_filed_or_naming_no_place_is_searched_as_it_is(corpus, search_app):
    for location in ("Bristol", "Atlantis"):
        assert search_app.test_client().get("/search", query_string={"q": "walnut", "location": location}).status_code == 200


def test_the_reviews_tab_shows_a_chosen_makers_tier_score_or_custom_filter(corpus, search_app):
    # Reviews are filtered by their maker's tier and score too (a link from the makers tab keeps them),
    # but the reviews tab's panel had no such group: the page said '(filtered)' and never said by what.
    _status, html = _get(search_app, q="walnut", tab="reviews", tier="skilled", min_score="4")
    assert "Oakhaven Woodworks" in html
    assert _active_filters(html) == [("Skilled", "/search?q=walnut&tab=reviews&min_score=4"),
                                     ("4 and up", "/search?q=walnut&tab=reviews&tier=skilled")]
    assert re.search(r"Maker&#39;s tier</h2>.*?Skilled</bdi></a> <span class=\"muted\">\(1\)", html, re.S)
    _status, html = _get(search_app, q="walnut", tab="reviews", custom="1")
    assert _active_filters(html) == [("Accepts custom orders", "/search?q=walnut&tab=reviews")]


def test_pagination_links_keep_query_filters_and_tab(world, search_app):
    maker = world.maker("Spoon Shed", "wood", "York, UK", "Spoons.")
    for i in range(12):
        world.review(maker, f"Spoon {i}", "A carved spoon.", verified=True, days=i)
    world.drain()
    _status, html = _get(search_app, q="spoon", tab="reviews", verified="1")
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert all(part in next_link for part in ("q=spoon", "tab=reviews", "verified=1", "page=2"))


def test_facet_links_toggle_a_filter(corpus, search_app):
    _status, html = _get(search_app, q="leeds")
    assert 'href="/search?q=leeds&amp;tab=makers&amp;craft=glass"' in html
    _status, filtered = _get(search_app, q="leeds", craft="glass")
    assert "Glassbrook Studio" in filtered and "Fern and Flame Pottery" not in filtered


def test_a_craft_typed_in_the_box_shows_as_the_chosen_craft_filter(corpus, search_app):
    _status, html = _get(search_app, q="craft:glass leeds")
    assert 'name="q" value="leeds"' in html and '<input type="hidden" name="craft" value="glass">' in html
    assert "Glassbrook Studio" in html and "Fern and Flame Pottery" not in html


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids_needing_label, self.labelled = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.ids_needing_label.append(a.get("id"))
        if tag == "label" and a.get("for"):
            self.labelled.add(a["for"])


def test_every_form_control_is_labelled(corpus, search_app):
    _status, html = _get(search_app, q="walnut")
    parser = _Controls()
    parser.feed(html)
    assert parser.ids_needing_label and all(i in parser.labelled for i in parser.ids_needing_label)


def test_blank_search_shows_how_to_search(search_app):
    status, html = _get(search_app)
    assert status == 200 and "“custom walnut table”" in html and "<code>-exclude</code>" in html
    assert "craft:" not in html  # no maker yet: no craft or place example that would find nothing


def test_blank_search_examples_are_a_craft_and_a_place_makers_here_have(corpus, search_app):
    status, html = _get(search_app)
    example = re.search(r"“custom walnut table”, <code>(craft:\w+) (location:\w+)</code>", html)
    assert status == 200 and example is not None
    for query in example.groups():
        assert names(run(search_app, query)), query


def test_an_index_outage_shows_a_message_not_an_error_page(corpus, search_app, monkeypatch):
    from craftreview import search

    def broken(*_args, **_kwargs):
        raise OSError("index directory vanished")
    monkeypatch.setattr(search.get_backend(search_app), "search", broken)
    status, html = _get(search_app, q="walnut")
    assert status == 503 and "Search is unavailable for a moment" in html


def test_verified_only_leaves_out_reviews_whose_authors_address_is_unconfirmed(world, search_app):
    """The filter means the mark: an order redeemed by a confirmed address (a changed email loses it)."""
    maker = world.maker("Spoon Shed", "wood", "York, UK", "Spoons.")
    world.review(maker, "Spoon kept its mark", "A carved spoon.", verified=True)
    lapsed = world.review(maker, "Spoon by a changed address", "A carved spoon.", verified=True)
    world.unconfirm_author(lapsed)
    world.drain()
    _status, html = _get(search_app, q="spoon", tab="reviews", verified="1")
    assert "kept its mark" in html and "by a changed address" not in html  # "Spoon" is highlighted


def test_a_page_past_the_last_says_so_instead_of_nothing_found(corpus, search_app):
    # "No makers found for “walnut”" under a Makers tab counting 1 read as a contradiction.
    _status, html = _get(search_app, q="walnut", page=99)
    assert "No makers found" not in html and "Check the spelling" not in html
    assert "No more makers: this page is past the last one." in html
    assert '<a href="/search?q=walnut&amp;tab=makers">Back to page 1</a>' in html


@pytest.mark.parametrize("tab, heading", [("makers", "Makers found"), ("reviews", "Reviews found")])
def test_the_results_have_their_own_heading_before_the_result_titles(corpus, search_app, tab, heading):
    """On a phone the facet headings wait behind "Filter results": the h3 result titles still follow an h2."""
    _status, html = _get(search_app, q="walnut", tab=tab)
    results = html[html.index('<section class="search-results"'):]
    assert f'<h2 id="results-heading" class="visually-hidden">{heading}</h2>' in results
    assert results.index("<h2") < results.index("<h3")


def test_a_maker_hit_says_so_beside_a_claim_from_fewer_than_three_trusted_reviews(world, search_app):
    from tests.search.conftest import Score
    for name, trusted in (("Thin Walnut Studio", 2.0), ("Solid Walnut Studio", 6.0)):
        world.maker(name, "wood", "York, UK", "walnut bowls", score=Score("skilled", 0.95, 4.4, 8, trusted))
    world.drain()
    status, html = _get(search_app, q="walnut")
    assert status == 200
    hits = dict(re.findall(r'>(Thin|Solid) <mark>Walnut</mark> Studio</a></h3>\s*<span class="badge tier-skilled"[^>]*>Skilled</span>'
                           r'\s*(<span class="badge-note"[^>]*>under 3 trusted reviews</span>)?', html))
    assert set(hits) == {"Thin", "Solid"}
    assert hits["Thin"] and not hits["Solid"]


def test_the_tier_facet_names_unproven_makers_as_the_rest_of_the_site_does(corpus, search_app):
    # The cards say "Too few reviews yet" or "Mixed evidence" and the browse filter "No tier yet (…)"; the search
    # facet alone said the bare "Unproven" the score panel stopped using.
    _status, html = _get(search_app, q="notebooks")
    facet = re.search(r'href="[^"]*tier=unproven">\s*<bdi>([^<]*)</bdi>', html)
    assert facet is not None, "no unproven maker in the tier facet"
    assert facet.group(1) == "No tier yet"
    # Chosen on the makers tab, it shows on the reviews tab under the same name.
    _status, reviews = _get(search_app, q="notebooks", tab="reviews", tier="unproven")
    assert "Unproven" not in reviews and "No tier yet" in reviews


def test_a_search_finding_nothing_offers_no_filters_to_open(corpus, search_app):
    """With nothing found and no filter chosen there is nothing to filter by: the phone's "Filter results" button
    opened an empty panel, and wide screens kept an empty "Filters" region beside the message."""
    _status, html = _get(search_app, q="zzzxqq")
    assert "No makers found" in html
    assert "Filter results" not in html and 'aria-label="Filters"' not in html
    assert '<div class="search-layout without-facets">' in html  # the message takes the whole width
    _status, html = _get(search_app, q="walnut", craft="glass")  # a chosen filter stays, to be removed
    assert "No makers found" in html and "Filter results (filtered)" in html and "Clear all filters" in html
    _status, html = _get(search_app, q="walnut")
    assert "Filter results" in html and '<div class="search-layout">' in html


def test_a_very_long_unknown_word_is_shortened_in_the_spelling_hint_as_in_the_heading(corpus, search_app):
    """The heading cut a 150-letter query at 80 characters, but "Check the spelling of" repeated all of it: nine lines
    of one word on a phone."""
    _status, html = _get(search_app, q="q" * 150)
    message = html[html.index('<div class="empty">'):]
    message = message[:message.index("</div>")]
    assert "No makers found" in message and "Check the spelling of" in message
    assert "q" * 81 not in message
