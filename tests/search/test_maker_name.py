"""Contract: the reviews tab finds a maker's reviews by the maker's name, below what reviews say."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from whoosh import index
from whoosh.fields import Schema

from craftreview import search
from craftreview.errors import Conflict, PermissionDenied
from craftreview.models import Maker, User
from craftreview.search.documents import Doc
from craftreview.search.outbox import pending_count
from craftreview.search.query import Filters, parse_query
from craftreview.search.whoosh_backend import KINDS, SCHEMA, WhooshBackend
from craftreview.search.whoosh_build import doc_fields
from craftreview.services.makers import MakerInput, update_maker
from craftreview.web.context import session_factory

from .conftest import T0, Score
from .helpers import names, review_titles, run


@pytest.fixture
def marta(world):
    """A maker whose name no review of hers says, and a review elsewhere that says it."""
    ids = {"marta": world.maker("Marta Lindqvist", "wood", "Umeå, Sweden", "Turned bowls.",
                                score=Score("master", 0.97, 4.7, 40)),
           "birch": world.maker("Birch Row", "wood", "York, UK", "Spoons.", score=Score("novice", 0.1, 3.0, 6))}
    world.review(ids["marta"], "Walnut bowl", "Deep and even, oiled well.", days=1)
    world.review(ids["marta"], "Oak spoon", "Sturdy and smooth.", days=2)
    world.review(ids["birch"], "Walnut tray", "Good tray for the price.", days=3)
    world.review(ids["birch"], "Nice ladle", "Not quite as fine as the one Marta turned for my sister.", days=4)
    world.drain()
    return ids


def test_a_makers_name_and_a_word_find_her_reviews_holding_the_word(marta, search_app):
    # The one review holding both comes first; those holding one follow as partial matches.
    assert review_titles(run(search_app, "Marta walnut", tab="reviews"))[0] == "Walnut bowl"
    assert review_titles(run(search_app, '"marta lindqvist" walnut', tab="reviews"))[0] == "Walnut bowl"


def test_a_stop_word_beside_a_makers_name_leaves_the_match_strict(marta, search_app):
    # Sorted by date a tab relaxes only when nothing matches every word: "for" must not count as one.
    page = run(search_app, "walnut for marta", tab="reviews", sort="newest")
    assert review_titles(page) == ["Walnut bowl"] and not page.relaxed


def test_a_makers_name_alone_finds_every_review_of_hers(marta, search_app):
    assert set(review_titles(run(search_app, "lindqvist", tab="reviews"))) == {"Walnut bowl", "Oak spoon"}


def test_a_review_that_says_the_name_ranks_above_one_that_only_belongs_to_the_maker(marta, search_app):
    # The maker is a master and the reviewer's maker a novice: the words said still come first.
    titles = review_titles(run(search_app, "marta", tab="reviews"))
    assert titles[0] == "Nice ladle" and set(titles[1:]) == {"Walnut bowl", "Oak spoon"}


def test_a_review_found_by_its_makers_name_says_so(marta, search_app):
    page = run(search_app, "lindqvist", tab="reviews")
    assert {str(item.snippet) for item in page.items} == {"Matched the maker&#39;s name: Marta <mark>Lindqvist</mark>"}


@pytest.mark.parametrize("query", ["text:marta", "title:lindqvist", "location:lindqvist", "craft:lindqvist"])
def test_a_field_search_does_not_reach_the_makers_name(marta, search_app, query):
    assert review_titles(run(search_app, query, tab="reviews")) == (["Nice ladle"] if query == "text:marta" else [])


def test_the_makers_tab_is_unchanged_by_the_name_in_review_documents(marta, search_app):
    assert names(run(search_app, "lindqvist")) == ["Marta Lindqvist"]


def _edit(app, maker_id: int, actor_id: int | None = None, **changes) -> None:
    with session_factory(app)() as session:
        maker = session.get(Maker, maker_id)
        actor = session.get(User, actor_id or maker.owner_id)
        data = MakerInput(name=maker.name, slug=maker.slug, craft=maker.craft, location=maker.location,
                          bio=maker.bio)
        for key, value in changes.items():
            setattr(data, key, value)
        update_maker(session, actor, maker, data)


def test_renaming_a_maker_moves_her_reviews_to_the_new_name(marta, world, search_app):
    _edit(search_app, marta["marta"], name="Marta Holm")
    world.drain()
    assert set(review_titles(run(search_app, "holm", tab="reviews"))) == {"Walnut bowl", "Oak spoon"}
    assert review_titles(run(search_app, "lindqvist", tab="reviews")) == []
    assert search.check(search_app).ok


def _search_state(app) -> tuple[dict[str, str], int]:
    return search.get_backend(app).fingerprints(), pending_count(app.extensions["craftreview.engine"])


@pytest.mark.parametrize("rejection", ["not the owner", "address taken"])
def test_a_rejected_rename_changes_no_search_document(marta, world, search_app, rejection):
    before = _search_state(search_app)
    with session_factory(search_app)() as session:
        birch = session.get(Maker, marta["birch"])
        actor_id, taken = birch.owner_id, birch.slug
    with pytest.raises((PermissionDenied, Conflict)):
        if rejection == "not the owner":
            _edit(search_app, marta["marta"], actor_id=actor_id, name="Marta Holm")
        else:
            _edit(search_app, marta["marta"], name="Marta Holm", slug=taken)
    world.drain()
    assert _search_state(search_app) == before
    assert review_titles(run(search_app, "holm", tab="reviews")) == []
    with session_factory(search_app)() as session:
        assert session.scalar(select(Maker.name).where(Maker.id == marta["marta"])) == "Marta Lindqvist"


def _doc(kind: str, entity_id: int, title: str, maker_name: str = "") -> Doc:
    return Doc(kind=kind, entity_id=entity_id, maker_id=1, title=title, craft="wood", craft_text="wood Woodworking",
               location="York, UK", body="Turned by hand.", city="York", country="UK", tier="", score_bucket="",
               review_count=0, accepts_custom=False, created=T0, maker_name=maker_name)


def test_a_whoosh_index_written_before_maker_names_answers_and_takes_writes(tmp_path):
    # Until `flask search rebuild`, the index a release before wrote (no maker_name field) must keep
    # answering, and a drain must not fail on the new field: its writer adds it.
    directory = tmp_path / "index"
    older = Schema(**{name: SCHEMA[name] for name in SCHEMA.names() if name != "maker_name"})
    for kind, doc in zip(KINDS, (_doc("maker", 1, "Marta Lindqvist"), _doc("review", 2, "Walnut bowl")), strict=True):
        (directory / "gen-1" / kind).mkdir(parents=True)
        writer = index.create_in(str(directory / "gen-1" / kind), older).writer()
        writer.add_document(**{k: v for k, v in doc_fields(doc).items() if k in older})
        writer.commit()
    (directory / "CURRENT").write_text("gen-1")
    backend = WhooshBackend(str(directory))
    assert [h.entity_id for h in backend.search(parse_query("walnut"), Filters(), "review", "relevance", 10).hits] == [2]
    backend.apply([_doc("review", 3, "Oak spoon", maker_name="Marta Lindqvist")], [])
    assert [h.entity_id for h in backend.search(parse_query("marta"), Filters(), "review", "relevance", 10).hits] == [3]
