"""The English stemmer of both backends: Snowball English ("Porter2"), the algorithm PostgreSQL's
`english` text search configuration stems with. Whoosh's default, the original Porter algorithm,
keeps a doubled consonant and a final -y ("shipping" -> "shipp", "cutting" -> "cutt", "badly" ->
"badli"), so on Whoosh "shipping" did not find "ships", nor "cutting board" "cut", while PostgreSQL
found both. The index, the query, highlighting and the spelling variants all stem with this."""
from __future__ import annotations

from functools import lru_cache

from whoosh.lang.porter2 import stem as snowball_english

# Review text repeats the same few thousand words: caching the (pure Python) stemmer makes
# snippets for a page of long maker documents cheap.
stem = lru_cache(maxsize=100_000)(snowball_english)
