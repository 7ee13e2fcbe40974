"""`python -m bench.search.agreement [SEED] [PER_FAMILY]`: do the two backends answer alike?

Searches queries drawn from the bench corpus's own text (10,000 makers / 100,000 reviews; build the
indexes first with `python -m bench.search`) on Whoosh and PostgreSQL, and prints every page where
they differ in what no ranking choice explains: both tabs' totals, the spelling correction or
suggestion, the unknown-word notice, best-partial-match, estimates, and for pages sorted by a column
the page's items themselves. Families:

- `words`: every distinct word of the sample texts; `inflected`: forms made from them (+s, +ing, +ed,
  +ly, a doubled consonant, -y to -ies/-ied/-ily; many are not English words, which is the point:
  a buyer's form need not be in the text);
- `shapes`: two words, a quoted bigram of the text, a word and an exclusion, a field prefix, five
  words, a word with a craft or country filter, three words with "verified";
- `sorted`: one or two words sorted by date, reviews or score, pages 1-3, with a score, tier,
  country, custom-order or star filter;
- `typos`: one or two slips (deletion, insertion, substitution, swap) in words of 5+ letters.

Prints only; RESULTS.md records dated findings by hand. The Whoosh and PostgreSQL figures of
2026-12-02 (section "Buyers' words, a third pass") came from these families."""
from __future__ import annotations

import random
import re
import sqlite3
import string
import sys
from collections import Counter

from craftreview import search
from craftreview.models import CRAFTS
from craftreview.search.query import TIERS, request_from_args
from craftreview.web.context import session_factory

from . import measure
from .corpus import PG_URL, SQLITE_URL, WORK

TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
SORTED_BY = ("newest", "reviews", "score")


def corpus_text() -> tuple[Counter, Counter, list[str]]:
    """Word and bigram counts of a sample of the corpus (every 11th review, every 3rd maker), and countries."""
    db = sqlite3.connect(WORK / "bench.db")
    words, bigrams = Counter(), Counter()
    texts = [*db.execute("SELECT title || '. ' || body FROM reviews WHERE id % 11 = 0"),
             *db.execute("SELECT name || ' ' || coalesce(bio, '') || ' ' || location FROM makers WHERE id % 3 = 0")]
    for (text,) in texts:
        tokens = TOKEN.findall(text.lower())
        words.update(tokens)
        bigrams.update(zip(tokens, tokens[1:], strict=False))
    countries = sorted({r[0] for r in db.execute("SELECT trim(substr(location, instr(location, ',') + 1)) FROM makers")})
    return words, bigrams, countries


def inflections(words: list[str]) -> list[str]:
    """Forms of the words the text may not hold (the `inflected` family of the module docstring, and -ly dropped)."""
    forms = set()
    for w in (w for w in words if w.isalpha() and len(w) >= 3):
        forms.update(w + end for end in ("s", "ing", "ed", "ly", "er", "ness", w[-1] + "ing", w[-1] + "ed"))
        if w.endswith("e"):
            forms.update({w[:-1] + "ing", w + "d"})
        if w.endswith("y"):
            forms.update({w[:-1] + "ies", w[:-1] + "ied", w[:-1] + "ily"})
        if w.endswith("ly"):
            forms.add(w[:-2])
    return sorted(forms - set(words))


def slip(rng: random.Random, word: str) -> str:
    i, kind = rng.randrange(len(word)), rng.randrange(4)
    letter = rng.choice(string.ascii_lowercase)
    if kind == 0 or i + 1 == len(word):
        return word[:i] + word[i + 1:]
    return (word[:i] + letter + word[i:], word[:i] + letter + word[i + 1:],
            word[:i] + word[i + 1] + word[i] + word[i + 2:])[kind - 1]


def shaped(rng: random.Random, words: list[str], bigrams: list[tuple[str, str]], countries: list[str]) -> dict:
    one, two, three = (rng.choice(words) for _ in range(3))
    pair = " ".join(rng.choice(bigrams))
    field = rng.choice(("title", "location", "name", "text", "craft", "in", "review"))
    shapes = ({"q": f"{one} {two}"}, {"q": f'"{pair}"'}, {"q": pair}, {"q": f"{one} -{two}"}, {"q": f"{field}:{one}"},
              {"q": " ".join(rng.choice(words) for _ in range(5))}, {"q": one, "craft": rng.choice(list(CRAFTS))},
              {"q": one, "location": rng.choice(countries)}, {"q": f"{one} {two} {three}", "verified": "1"})
    return rng.choice(shapes)


def sorted_page(rng: random.Random, words: list[str], countries: list[str]) -> dict:
    args = {"q": " ".join(rng.choice(words) for _ in range(rng.choice((1, 1, 2)))), "sort": rng.choice(SORTED_BY),
            "page": str(rng.choice((1, 1, 2, 3)))}
    extra = rng.randrange(6)
    extras = ({"min_score": rng.choice(("3", "3.5", "4", "4.5"))}, {"tier": rng.choice(TIERS)},
              {"location": rng.choice(countries)}, {"custom": "1"}, {"craftsmanship_min": "4", "verified": "1"}, {})
    return {**args, **extras[extra]}


def families(seed: int, per_family: int) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    counts, bigram_counts, countries = corpus_text()
    words, bigrams = sorted(counts), sorted(bigram_counts)
    long_words = [w for w in words if w.isalpha() and len(w) >= 5]

    def typo() -> str:
        wrong = slip(rng, rng.choice(long_words))
        wrong = slip(rng, wrong) if rng.random() < 0.3 else wrong
        return wrong if rng.random() < 0.6 else f"{rng.choice(long_words)} {wrong}"
    drawn = {"words": [{"q": w} for w in words], "inflected": [{"q": w} for w in inflections(words)],
             "shapes": [shaped(rng, words, bigrams, countries) for _ in range(per_family)],
             "sorted": [sorted_page(rng, words, countries) for _ in range(per_family)],
             "typos": [{"q": typo()} for _ in range(per_family)]}
    for name in ("words", "inflected"):
        if len(drawn[name]) > per_family:
            drawn[name] = rng.sample(drawn[name], per_family)
    return {name: [{**args, "tab": rng.choice(("makers", "reviews"))} for args in queries]
            for name, queries in drawn.items()}


def answer(factory, app, args: dict) -> tuple:
    with factory() as session:
        page = search.search(session, request_from_args(args), app)
    items = [(i.kind, i.review.id if i.review else i.maker.id) for i in page.items] if args.get("sort") else None
    return (page.totals["maker"], page.totals["review"], page.searched_for, page.suggestion, page.relaxed,
            tuple(sorted(page.estimated)), page.unknown, items)


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    per_family = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    apps = {"postgres": measure.make_app("postgres", PG_URL, WORK / "postgres-instance" / "index"),
            "whoosh": measure.make_app("whoosh", SQLITE_URL, WORK / "whoosh-instance" / "index")}
    factories = {name: session_factory(app) for name, app in apps.items()}
    for family, queries in families(seed, per_family).items():
        differ = 0
        for args in queries:
            answers = {name: answer(factories[name], app, args) for name, app in apps.items()}
            if answers["postgres"] != answers["whoosh"]:
                differ += 1
                print(f"  {family} {args}: postgres {answers['postgres'][:7]} whoosh {answers['whoosh'][:7]}", flush=True)
        print(f"{family}: {differ} of {len(queries)} pages differ", flush=True)


if __name__ == "__main__":
    main()
