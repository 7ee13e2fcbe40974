"""search: PostgreSQL's accent folding also removes Hebrew points and Arabic vowel signs.

Queries are folded in Python (search/folding.py) as craftreview_unaccent folds the indexed text. Whoosh removed these
marks and PostgreSQL kept them, so once queries were folded only as unaccent folds (index format 5), a word typed
without its vowels (كتاب, שלום) found the voweled text (كِتَابٌ, שָׁלוֹם) on neither backend. The wrapper now removes
them before unaccent, as folding.VOWEL_MARKS lists them, and reads Greek's final ς as σ (PostgreSQL lower-cases a
word's last Σ to σ, so ΟΔΟΣ and οδος were two words). Run `flask search rebuild` after upgrading (index format 5
asks for it anyway): documents indexed before keep their marks until rewritten.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-07 08:00:00
"""
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

# folding.VOWEL_MARKS as it stands at this revision (a later change of the list needs a migration of its own)
VOWEL_MARKS = "\u0591\u0592\u0593\u0594\u0595\u0596\u0597\u0598\u0599\u059a\u059b\u059c\u059d\u059e\u059f\u05a0\u05a1\u05a2\u05a3\u05a4\u05a5\u05a6\u05a7\u05a8\u05a9\u05aa\u05ab\u05ac\u05ad\u05ae\u05af\u05b0\u05b1\u05b2\u05b3\u05b4\u05b5\u05b6\u05b7\u05b8\u05b9\u05ba\u05bb\u05bc\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # Whoosh folds in its analyzer
    op.execute("CREATE OR REPLACE FUNCTION craftreview_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
               "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, "
               f"translate($1, 'ς{VOWEL_MARKS}', 'σ')) $$")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE OR REPLACE FUNCTION craftreview_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
               "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$")
