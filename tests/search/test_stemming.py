"""Both backends stem English alike: the Python stemmer (Whoosh's index, the query, highlighting)
against PostgreSQL's `english` configuration."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from craftreview.search.query import IRREGULAR
from craftreview.search.stemming import stem
from craftreview.search.variants import GROUPS
from craftreview.search.whoosh_backend import TEXT_ANALYZER

# Inflections of every shape review text has: doubled consonants, -ly, -y, -ies, -ness, -ful,
# -ation, -ise/-ize, past tenses, plurals, and words the original Porter algorithm stems otherwise.
WORDS = ("shipping ships shipped cutting cut knitting knitted knits wrapped wrapping chopping fitted "
         "setting sets badly exactly honestly generously beautifully quickly happily dry dried drying "
         "delay delayed earrings holiday enjoy days glazing glazed glazes stoneware pottery potteries "
         "carefully careful carelessness packaging packed arrived arrival disappointing disappointment "
         "organisation organization personalised personalized colourful recommend recommended "
         "craftsmanship consistency delivery commissioned commissions engraving engraved hammered "
         "stitching stitched dovetailed lacquered sanding polished polishing leather leathers").split()


@pytest.mark.postgres
def test_the_stemmer_is_postgresqls_english_stemmer(search_pg_engine):
    if search_pg_engine is None:
        pytest.skip("CRAFTREVIEW_TEST_POSTGRES_URL is not set")
    words = sorted({*WORDS, *IRREGULAR, *(w for group in GROUPS for w in group if w.isalpha())})
    with search_pg_engine.connect() as conn:
        rows = conn.execute(text("SELECT w, (ts_lexize('english_stem', w))[1] FROM unnest(CAST(:w AS text[])) AS w"),
                            {"w": words}).all()
    differ = {w: (stem(w), pg) for w, pg in rows if pg is not None and stem(w) != pg}
    assert not differ


def test_the_whoosh_analyzer_stems_with_it():
    assert [t.text for t in TEXT_ANALYZER(" ".join(WORDS))] == [stem(w) for w in WORDS]
    assert stem("shipping") == stem("ship") and stem("badly") == stem("bad")
