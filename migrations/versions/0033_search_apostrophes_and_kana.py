"""search: PostgreSQL's accent folding also joins Ukrainian words at their apostrophe and reads half-width katakana.

Queries are folded in Python (search/folding.py) as craftreview_unaccent folds the indexed text. A Ukrainian word
written with U+02BC (мʼясо) was one word on Whoosh and two on PostgreSQL (unaccent turns U+02BC and U+2019 into an ASCII
apostrophe, a word break), and one written with ' or ’ two words on both: each form found only some of the others.
Half-width katakana (ｶﾞﾗｽ) found only themselves on both backends. The wrapper now drops ', U+2019 and U+02BC between
two Cyrillic letters, and, in text holding a half-width kana, translates each to its full-width form (the voiced marks
to the combining ones) and composes it (NFC), as folding.fold does. Run `flask search rebuild` after upgrading (index
format 6 asks for it anyway): documents indexed before keep the old forms until rewritten.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-07 17:00:00
"""
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

# folding's lists as they stand at this revision (a later change of them needs a migration of its own)
VOWEL_MARKS = "\u0591\u0592\u0593\u0594\u0595\u0596\u0597\u0598\u0599\u059a\u059b\u059c\u059d\u059e\u059f\u05a0\u05a1\u05a2\u05a3\u05a4\u05a5\u05a6\u05a7\u05a8\u05a9\u05aa\u05ab\u05ac\u05ad\u05ae\u05af\u05b0\u05b1\u05b2\u05b3\u05b4\u05b5\u05b6\u05b7\u05b8\u05b9\u05ba\u05bb\u05bc\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
HALF_WIDTH_KANA = "\uff66\uff67\uff68\uff69\uff6a\uff6b\uff6c\uff6d\uff6e\uff6f\uff70\uff71\uff72\uff73\uff74\uff75\uff76\uff77\uff78\uff79\uff7a\uff7b\uff7c\uff7d\uff7e\uff7f\uff80\uff81\uff82\uff83\uff84\uff85\uff86\uff87\uff88\uff89\uff8a\uff8b\uff8c\uff8d\uff8e\uff8f\uff90\uff91\uff92\uff93\uff94\uff95\uff96\uff97\uff98\uff99\uff9a\uff9b\uff9c\uff9d\uff9e\uff9f"
FULL_WIDTH_KANA = "\u30f2\u30a1\u30a3\u30a5\u30a7\u30a9\u30e3\u30e5\u30e7\u30c3\u30fc\u30a2\u30a4\u30a6\u30a8\u30aa\u30ab\u30ad\u30af\u30b1\u30b3\u30b5\u30b7\u30b9\u30bb\u30bd\u30bf\u30c1\u30c4\u30c6\u30c8\u30ca\u30cb\u30cc\u30cd\u30ce\u30cf\u30d2\u30d5\u30d8\u30db\u30de\u30df\u30e0\u30e1\u30e2\u30e4\u30e6\u30e8\u30e9\u30ea\u30eb\u30ec\u30ed\u30ef\u30f3\u3099\u309a"
JOINED = "regexp_replace($1, '(?<=[\u0400-\u04ff])[''\u2019\u02bc](?=[\u0400-\u04ff])', '', 'g')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # Whoosh folds in its analyzer
    op.execute("CREATE OR REPLACE FUNCTION craftreview_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
               "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, "
               f"CASE WHEN $1 ~ '[{HALF_WIDTH_KANA}]' "
               f"THEN normalize(translate({JOINED}, 'ς{HALF_WIDTH_KANA}{VOWEL_MARKS}', 'σ{FULL_WIDTH_KANA}'), NFC) "
               f"ELSE translate({JOINED}, 'ς{VOWEL_MARKS}', 'σ') END) $$")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE OR REPLACE FUNCTION craftreview_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
               "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, "
               f"translate($1, 'ς{VOWEL_MARKS}', 'σ')) $$")
