"""A deleted maker's name and addresses are held back from other makers for a while (services/released_names.py).

An audit deleted a maker's account and, the next minute, opened a shop under the same name at the same address from
another account: a buyer following an old link, or searching the name, met the newcomer as that maker."""
from __future__ import annotations

import html
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from craftreview.lookalike import name_key
from craftreview.models import Maker, ReleasedName, utcnow
from craftreview.services import account_data
from craftreview.services import makers as maker_service
from craftreview.services.released_names import HOLD_DAYS
from tests.conftest import PASSWORD, login

PROFILE = {"craft": "ceramics", "location": "Kyoto, Japan", "bio": "Our new official page.", "lead_time_days": "14"}


@pytest.fixture
def departed(db, make_user, make_maker):
    """A maker who moved its address once, then deleted its account."""
    owner = make_user("leaving")
    maker = make_maker(owner, name="Crooked Kiln Ceramics", craft="ceramics")
    first = maker.slug
    maker_service.update_maker(db, owner, maker, maker_service.MakerInput(
        name=maker.name, slug="crooked-kiln", craft="ceramics", location="Kyoto, Japan", bio="Pots."))
    account_data.delete_account(db, owner, password=PASSWORD, reviews="keep")
    return first, "crooked-kiln"


def _new_profile(client, **fields):
    response = client.post("/makers/new", data={**PROFILE, **fields})
    return response, html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize("name", ["Crooked Kiln Ceramics", "crooked-kiln CERAMICS", "Cro\u043eked Kiln Ceramics"])
def test_the_name_is_held_in_any_spelling_that_reads_the_same(client, db, make_user, departed, name):
    login(client, make_user("newcomer"))
    before = db.scalar(select(func.count(Maker.id)))
    response, page = _new_profile(client, name=name, slug="my-new-studio")
    assert response.status_code == 400
    assert "A maker who left craftreview recently went by" in page and "the name is free again from" in page
    assert db.scalar(select(func.count(Maker.id))) == before


def test_every_address_it_had_is_held_and_another_is_suggested(client, db, make_user, departed):
    login(client, make_user("newcomer"))
    for address in departed:
        response, page = _new_profile(client, name="Sparrow Pots", slug=address)
        assert response.status_code in (400, 409)
        assert "That address belonged to a maker who left craftreview recently; it is free again from" in page
    # A profile whose address is left empty is given one from its name, past the held one.
    assert maker_service.suggested_address(db, "Crooked Kiln") == "crooked-kiln-2"


def test_renaming_a_live_profile_to_the_held_name_is_refused_too(client, db, make_user, make_maker, departed):
    owner = make_user("owner")
    mine = make_maker(owner, name="Blue Moth Knits", craft="textiles")
    login(client, owner)
    refused = client.post(f"/makers/{mine.slug}/edit", data={
        "name": "Crooked Kiln Ceramics", "slug": mine.slug, "craft": "textiles", "location": "Leeds", "bio": "Knits."})
    assert refused.status_code == 400 and "went by" in html.unescape(refused.get_data(as_text=True))
    db.expire_all()
    assert db.get(Maker, mine.id).name == "Blue Moth Knits"


def test_the_hold_ends_and_only_digests_are_kept(client, db, make_user, departed):
    rows = db.scalars(select(ReleasedName)).all()
    assert {r.kind for r in rows} == {"name", "address"} and len(rows) == 3
    # nothing kept reads as the name or an address: not the text, not the key a check compares
    readable = {"Crooked Kiln Ceramics", name_key("Crooked Kiln Ceramics"), *departed}
    assert all(len(r.digest) == 64 and r.digest not in readable for r in rows)
    held = max(r.held_until for r in rows)
    assert timedelta(days=HOLD_DAYS - 1) < held.replace(tzinfo=held.tzinfo or utcnow().tzinfo) - utcnow() \
        <= timedelta(days=HOLD_DAYS)
    db.execute(update(ReleasedName).values(held_until=utcnow() - timedelta(minutes=1)))
    db.commit()
    login(client, make_user("newcomer"))
    response, _page = _new_profile(client, name="Crooked Kiln Ceramics", slug="crooked-kiln")
    assert response.status_code == 302
    assert db.scalar(select(Maker.name).where(Maker.slug == "crooked-kiln")) == "Crooked Kiln Ceramics"


def test_a_different_name_and_address_are_free(client, db, make_user, departed):
    login(client, make_user("newcomer"))
    response, _page = _new_profile(client, name="Crooked Kiln Pottery", slug="crooked-kiln-pottery")
    assert response.status_code == 302
