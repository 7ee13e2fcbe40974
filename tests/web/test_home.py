"""The home page: crafts with maker counts, top makers per craft (proven first), recent reviews."""
from __future__ import annotations

import re

from craftreview.services.moderation import hide_review

from .test_browse import add_maker


def test_home_lists_crafts_with_maker_counts_linking_to_browse(client, db, make_user):
    for _ in range(3):
        add_maker(db, make_user, craft="glass")
    add_maker(db, make_user, craft="paper", tier=None)
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'href="/makers\?craft=glass">Glass</a> <span class="muted nowrap">3 makers', html)
    assert re.search(r'href="/makers\?craft=paper">Paper &amp; bookbinding</a> <span class="muted nowrap">1 maker<', html)
    assert "Woodworking" not in html  # a craft without makers is not offered
    assert "Browse 4 makers" in html


def test_home_shows_each_crafts_top_makers_proven_before_unproven(client, db, make_user):
    add_maker(db, make_user, name="One Glowing Review", craft="glass", tier="unproven", rank=14.9, reviews=1)
    add_maker(db, make_user, name="Proven Master", craft="glass", tier="master", rank=24.6)
    add_maker(db, make_user, name="Proven Skilled", craft="glass", tier="skilled", rank=24.1)
    add_maker(db, make_user, name="Fourth Best", craft="glass", tier="developing", rank=13.0)
    add_maker(db, make_user, name="Wood Star", craft="wood", tier="skilled", rank=24.0)
    html = client.get("/").get_data(as_text=True)
    glass = html[html.index('id="shelf-glass"'):]
    glass = glass[:glass.index("</section>")]
    shown = re.findall(r'<li><a href="/makers/[^"]+">([^<]+)</a>', glass)
    assert shown == ["Proven Master", "Proven Skilled", "One Glowing Review"]
    assert "Wood Star" in html[html.index('id="shelf-wood"'):]


def test_home_shows_recent_visible_reviews_newest_first(client, db, make_user, make_maker, make_review):
    maker = make_maker(name="Kiln & Co", craft="ceramics")
    older = make_review(make_user("Ann"), maker, title="Older bowl review")
    make_review(make_user("Bo"), maker, title="Newer mug review")
    hidden = make_review(make_user("Cy"), maker, title="Hidden rant")
    hide_review(db, make_user("Mod", moderator=True), hidden, "abusive")
    html = client.get("/").get_data(as_text=True)
    recent = html[html.index("Recent reviews"):]
    assert recent.index("Newer mug review") < recent.index("Older bowl review")
    assert "Hidden rant" not in html
    assert f'href="/reviews/{older.id}"' in recent and "about <a href=\"/makers/" in recent and "by <bdi>Ann</bdi>" in recent


def test_empty_site_home_invites_the_first_maker(client):
    html = client.get("/").get_data(as_text=True)
    assert "No makers yet." in html


def test_a_shelf_of_one_maker_links_to_it_in_the_singular(client, db, make_user):
    add_maker(db, make_user, name="Lone Glassblower", craft="glass", tier="skilled", rank=24.0)
    html = client.get("/").get_data(as_text=True)
    shelf = html[html.index('id="shelf-glass"'):]
    shelf = shelf[:shelf.index("</section>")]
    assert "The 1 glass maker →" in shelf and "All 1" not in shelf
