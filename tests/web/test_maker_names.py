"""A maker's name is its own: a profile may not take another maker's name in any case, spacing or width, or with
letters of another script drawn alike; nor a name that reads as the site's staff.

An audit copied an established maker's name, craft and place onto a new profile; search listed the copy above the
original and its invitation mails read "Review your order from" the original's name.
"""
from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from craftreview.errors import InvalidFields, InvalidInput
from craftreview.models import Maker, User
from craftreview.services import makers as maker_service
from tests.conftest import PASSWORD, login

PROFILE = {"slug": "my-new-studio", "craft": "ceramics", "location": "Kyoto, Japan", "bio": "Our new official page.",
           "lead_time_days": "14"}


@pytest.mark.parametrize("copy", ["Crooked Kiln Ceramics", "crooked  kiln CERAMICS", " Ｃrooked Kiln Ceramics ",
                                  # a Cyrillic "о" and "С", a Greek "Ι": drawn exactly as the Latin letters
                                  "Cro\u043eked Kiln Ceramics", "\u0421rooked K\u0399ln Ceramics",
                                  "Crooked Ki\u00adln Ceramics", "crooked-kiln-ceramics", "Crooked Kiln Ceramics!"])
def test_a_new_profile_with_another_maker_s_name_is_refused_and_nothing_is_created(client, db, make_user, make_maker,
                                                                                 copy):
    make_maker(name="Crooked Kiln Ceramics", craft="ceramics", location="Kyoto, Japan")
    login(client, make_user("copycat"))
    response = client.post("/makers/new", data={"name": copy, **PROFILE})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "A maker called “Crooked Kiln Ceramics” is already on craftreview: choose a name buyers can tell apart" in page
    assert db.scalar(select(func.count(Maker.id))) == 1


def test_renaming_to_another_maker_s_name_is_refused_and_keeping_one_s_own_is_not(client, db, make_user, make_maker):
    make_maker(name="Crooked Kiln Ceramics")
    owner = make_user("owner")
    mine = make_maker(owner, name="Blue Moth Knits", craft="textiles")
    login(client, owner)
    edit = {"slug": mine.slug, "craft": "textiles", "location": "Leeds, United Kingdom", "bio": "Knits."}
    refused = client.post(f"/makers/{mine.slug}/edit", data={"name": "Crooked Kiln Ceramics", **edit})
    assert refused.status_code == 400
    assert client.post(f"/makers/{mine.slug}/edit", data={"name": "blue moth knits", **edit}).status_code == 302
    db.expire_all()
    assert db.get(Maker, mine.id).name == "blue moth knits"


def test_the_service_refuses_the_name_too_and_names_every_field_at_once(db, make_maker):
    make_maker(name="Crooked Kiln Ceramics")
    with pytest.raises(InvalidFields) as refused:
        maker_service.validated_maker(maker_service.MakerInput(
            name="Crooked Kiln Ceramics", slug="Bad Slug", craft="ceramics"), db)
    assert [p.field for p in refused.value.problems] == ["name", "slug"]
    with pytest.raises(InvalidInput, match="already on craftreview"):
        maker_service.check_name_free(db, "CROOKED KILN CERAMICS")
    maker_service.check_name_free(db, "Crooked Kiln Pottery")  # a different name is free


def test_a_profile_sharing_its_name_from_before_the_check_can_still_be_edited(client, db, make_user, make_maker):
    """Two profiles named alike before names were checked: each owner may keep the name while editing the rest."""
    make_maker(name="Oak Studio")
    owner = make_user("owner")
    mine = make_maker(owner, name="Oak Studio")
    login(client, owner)
    response = client.post(f"/makers/{mine.slug}/edit", data={
        "name": "Oak Studio", "slug": mine.slug, "craft": "wood", "location": "York, United Kingdom", "bio": "Chairs."})
    assert response.status_code == 302
    db.expire_all()
    assert db.get(Maker, mine.id).location == "York, United Kingdom"


@pytest.mark.parametrize("name", ["Craftreview Official Store", "Moderator's Picks", "The Admin Shop",
                                  "Craftre\u0475iew Picks"])
def test_a_shop_name_that_reads_as_the_site_s_staff_is_refused(client, db, make_user, name):
    login(client, make_user("someone"))
    response = client.post("/makers/new", data={"name": name, **PROFILE})
    assert response.status_code == 400
    assert "would read as the site's own staff" in html.unescape(response.get_data(as_text=True))
    assert db.scalar(select(func.count(Maker.id))) == 0


def test_a_shop_may_be_named_for_the_staffs_it_makes(client, db, make_user):
    """A woodturner's walking staffs are not the site's staff: that one word is free in shop names."""
    login(client, make_user("turner"))
    assert client.post("/makers/new", data={"name": "Oak Staff Co.", **PROFILE}).status_code == 302
    assert db.scalar(select(Maker.name)) == "Oak Staff Co."


def test_a_profile_named_before_the_staff_words_check_can_still_be_edited(client, db, make_user, make_maker):
    owner = make_user("owner")
    mine = make_maker(owner, name="Craftreview Fan Pottery")
    login(client, owner)
    response = client.post(f"/makers/{mine.slug}/edit", data={
        "name": "Craftreview Fan Pottery", "slug": mine.slug, "craft": "ceramics", "location": "York, United Kingdom",
        "bio": "Mugs."})
    assert response.status_code == 302
    db.expire_all()
    assert db.get(Maker, mine.id).bio == "Mugs."


@pytest.mark.parametrize("name", ["Crooked Kiln Ceramics", "crooked kiln  CERAMICS", "Cro\u043eked Kiln Ceramics",
                                  # punctuation and symbols got through (found by an audit): "✓" read as verified
                                  "Crooked Kiln Ceramics \u2713", "Crooked Kiln Ceramics.", "Crooked-Kiln-Ceramics",
                                  "crooked_kiln_ceramics", "Crooked Kiln Ceramics \u2122"])
def test_a_member_may_not_sign_as_a_maker_they_are_not(client, db, make_user, make_maker, name):
    """A review or a report signed "Crooked Kiln Ceramics" by a buyer reads as written by that maker (an audit posted
    one on the maker's own page)."""
    make_maker(name="Crooked Kiln Ceramics")
    user = make_user("Mara")
    login(client, user)
    renamed = client.post("/account/name", data={"nm-display_name": name})
    assert renamed.status_code == 400
    assert "is the name of a maker on craftreview" in html.unescape(renamed.get_data(as_text=True))
    db.expire_all()
    assert db.get(User, user.id).display_name == "Mara"
    client.post("/logout")
    registered = client.post("/register", data={"email": "new@example.com", "display_name": name,
                                                "password": PASSWORD, "confirm": PASSWORD})
    assert registered.status_code == 400
    assert db.scalar(select(func.count(User.id))) == 2  # the maker's owner and Mara


def test_a_maker_s_owner_may_sign_with_the_shop_s_name(client, db, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner, name="Crooked Kiln Ceramics")
    login(client, owner)
    assert client.post("/account/name", data={"nm-display_name": "Crooked Kiln Ceramics"}).status_code == 302
    db.expire_all()
    assert db.get(User, owner.id).display_name == "Crooked Kiln Ceramics"


def _new_profile(client, name: str, **fields):
    return client.post("/makers/new", data={"name": name, **PROFILE, "slug": "", **fields})


def test_a_new_profile_sent_without_an_address_gets_one_made_from_its_name(app, client, db, make_user, make_maker):
    """An empty address was refused with "Use 3–80 lowercase letters…" (found by an audit): a new profile now gets a
    free one made from its name, and is told so; a taken one gets the next free suffix."""
    holder = make_maker(name="Holder")
    holder.slug = "ash-elm-woodworks"
    db.commit()
    login(client, make_user("new maker"))
    response = _new_profile(client, "Ash & Élm  Woodworks")
    assert response.status_code == 302 and response.headers["Location"] == "/makers/ash-elm-woodworks-2"
    page = html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Its address, made from its name, is /makers/ash-elm-woodworks-2: you can change it on the edit page." in page
    # One of the site's own addresses is not taken: the next suffix is.
    second = app.test_client()
    login(second, make_user("second maker"))
    assert _new_profile(second, "New").headers["Location"] == "/makers/new-2"


@pytest.mark.parametrize("name", ["Мастер Иван", "Former Maker 12", "!!"])
def test_a_name_that_gives_no_free_address_asks_for_one_and_creates_nothing(client, db, make_user, name):
    """A name in another script, or punctuation alone, gives no letters for an address, and one that reads as a
    deleted profile's gives none it may have (no suffix helps there): the form asks for an address, as before, and
    nothing is written."""
    login(client, make_user("new maker"))
    response = _new_profile(client, name)
    assert response.status_code == 400 and 'id="slug-error' in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Maker.id))) == 0


def test_names_of_symbols_alone_are_told_apart_and_other_punctuation_still_makes_a_new_name(db, make_maker):
    """Punctuation is left out when names are compared, but a name of symbols alone is compared as it is seen, and a
    name with other letters or digits is another name."""
    make_maker(name="\u2605\u2605")
    maker_service.check_name_free(db, "\u2606\u2606")  # would be refused if both read as nothing
    make_maker(name="Crooked Kiln Ceramics")
    maker_service.check_name_free(db, "Crooked Kiln Ceramics 2")
    with pytest.raises(InvalidInput):
        maker_service.check_name_free(db, "Crooked.Kiln.Ceramics")


@pytest.mark.parametrize(("name", "address"), [("Ørsted Glass Studio", "orsted-glass-studio"),
                                               ("Łódź Ceramics", "lodz-ceramics"), ("Straße Leather", "strasse-leather"),
                                               ("Æble & Søn Woodworks", "aeble-son-woodworks"), ("Þór Knits", "thor-knits")])
def test_an_address_made_from_a_name_spells_its_letters_plain_rather_than_dropping_them(client, make_user, name, address):
    """"Ørsted Glass Studio" got "rsted-glass-studio" (found by an audit)."""
    login(client, make_user("maker"))
    assert _new_profile(client, name).headers["Location"] == f"/makers/{address}"


def test_only_the_new_profile_form_says_an_empty_address_is_made_from_the_name(client, make_user, make_maker):
    owner = make_user("owner")
    maker = make_maker(owner)
    login(client, owner)
    assert "Left empty, it is made from the name." not in client.get(f"/makers/{maker.slug}/edit").get_data(as_text=True)
    other = make_user("other")
    login(client, other)
    assert "Left empty, it is made from the name." in client.get("/makers/new").get_data(as_text=True)


def test_a_name_taken_under_the_lock_is_refused_for_the_name_and_its_made_address_is_not_kept(
        client, db, make_user, monkeypatch):
    """Six look-alike profiles sent at once with their address left empty: the losers were told their address (made
    from the name, which they never typed) was taken, and the form came back holding it, so a new name would have
    kept the old name's address."""
    from craftreview.services import makers as service
    real, calls, quicker = service.check_name_free, [], make_user("quicker").id

    def taken_meanwhile(session, name, *args, **kwargs):
        calls.append(name)
        if len(calls) == 2:  # the check under the lock: another profile took the name and its address meanwhile
            session.add(Maker(owner_id=quicker, name="Amber Kestrel", slug="amber-kestrel", craft="glass"))
            session.flush()
        return real(session, name, *args, **kwargs)
    monkeypatch.setattr(service, "check_name_free", taken_meanwhile)
    login(client, make_user("slower"))
    response = client.post("/makers/new", data={"name": "amber  kestrel", "slug": "", "craft": "glass"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and "A maker called “Amber Kestrel” is already on craftreview" in page
    assert "That address is taken" not in page and 'value="amber-kestrel"' not in page
