"""Negated queries ("didn't arrive on time", "not as described", "never arrived", "wasn't happy with the glaze").

Neither index can tell "arrived on time" from "didn't arrive on time": "not", "no" and the first half of "didn't"
are stop words that neither backend indexes, so a negated query searched its predicate alone ("arrive time",
"described", "happy glaze") and ranked first the reviews saying the opposite. Demoting the documents that hold the
predicate un-negated is impossible for the same reason (the negation left no trace in the index).

So the query says what a review states when the thing did not happen: a negation typed in lower case (`not`, `no`,
`never`, a contraction with "n't", `cannot`) followed by a known predicate (`DENIED`, compared by the stems of its
words, stop words and a few adverbs between skipped: "wasn't very happy") marks the predicate's clauses (and a
"never" typed before them) with what the negative is written as (`Clause.meant`: "late", "delayed", "still waiting";
"nothing like", "misleading"; "disappointed" …). Each such clause then matches its typed words *or* that wording:
the wording counts as the typed words would (a match "by its own forms", which decides the order first, as for
related words), the typed words only at variants.RELATED_WEIGHT. Reviews stating the negative come first; those that
only hold the predicate (which may still be a negated one: "it did not arrive on time" reads as "arrive time") follow,
so nothing the query found before is lost. A predicate not in the table is searched as before; a NOT in capitals is
the operator, and a phrase in quotes ('"would not order again"') is searched as typed. A denied negative ("not late",
"wasn't damaged") is listed too, with the positive wording.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .stemming import stem
from .stopwords import STOP_WORDS

# Typed before a predicate, these deny it. ("NOT" in capitals is the query operator and never reaches here.)
CUES = frozenset({"not", "no", "never", "cannot", "nothing", "hardly", "barely"})
_CONTRACTED = re.compile(r"(?i)^[a-z]+n['\u2019]t[.,:;!?\u2026]*$")  # didn't, wasn't, won't, hasn't …
# Between the negation and its predicate: "wasn't very happy", "didn't really fit", "not quite as described".
SKIPPED = frozenset({"really", "quite", "exactly", "entirely", "completely", "totally", "particularly", "even",
                     "actually", "yet", "still", "ever", "at", "all", "that", "too", "so", "very", "much"})
MAX_PREDICATE_WORDS = 3

_LATE = ("late", "delayed", "delay", "overdue", "still waiting", "weeks late", "days late", "chase", "chasing",
         "missed", "took weeks", "took ages")
_NEVER_CAME = ("never arrived", "never came", "never received", "never turned up", "lost", "missing",
               "still waiting", "undelivered", "refund")
# Specific to a piece unlike its listing: a general "disappointed" would rank any unhappy review above the ones saying
# "not as described" in their title.
_NOT_AS_SHOWN = ("nothing like", "different", "way off", "misleading", "inaccurate", "misrepresented", "wrong",
                 "mismatched")
_UNHAPPY = ("disappointed", "disappointing", "disappointment", "unhappy", "dissatisfied", "let down", "upset",
            "regret", "returned")
_POOR = ("poor", "poorly", "shoddy", "flimsy", "cheap", "badly made", "bad quality", "low quality", "defect",
         "flaw", "flawed", "cracked", "broke", "broken", "disappointed", "disappointing")
_BROKE = ("broke", "broken", "faulty", "defective", "stopped working", "useless", "leaked", "leaks", "leaking",
          "cracked", "snapped", "fell apart")
_WORE = ("broke", "broken", "fell apart", "cracked", "snapped", "wore out", "worn", "faded", "frayed", "chipped",
         "peeling", "tarnished")
_MISFIT = ("tight", "loose", "wrong size", "smaller", "bigger", "larger", "narrow", "returned", "exchange")
_IGNORED = ("ignored", "unresponsive", "stopped answering", "chase", "chasing", "chased", "silence")
_DAMAGED = ("damaged", "broken", "smashed", "cracked", "chipped", "dented", "poorly packed", "badly packed")
_AVOID = ("avoid", "disappointed", "disappointing", "waste of money", "never again", "regret")
_OVERPRICED = ("overpriced", "waste of money", "expensive", "rip off", "disappointed")
_ON_TIME = ("prompt", "promptly", "quick", "quickly", "fast", "speedy", "early", "ahead of schedule",
            "promised date", "arrived on time")
_INTACT = ("intact", "safely", "safe and sound", "perfect condition", "well packed", "carefully packed")
_HAPPY = ("happy", "delighted", "pleased", "love", "lovely", "thrilled")

# A predicate as typed after the negation -> what a review says when it did not happen.
DENIED: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("arrive on time", "arrive in time", "deliver on time", "delivered on time", "come on time",
                     "turn up on time", "ship on time", "shipped on time", "dispatched on time", "on time",
                     "in time", "arrive when promised", "arrive on the promised date", "promised date",
                     "meet the deadline", "deadline"), _LATE),
    **dict.fromkeys(("arrive", "come", "turn up", "show up", "receive", "received", "deliver", "delivered",
                     "get it", "got it"), _NEVER_CAME),
    **dict.fromkeys(("as described", "as pictured", "as shown", "as advertised", "as expected", "as pictures",
                     "like the photo", "like the photos", "like the picture", "like the pictures",
                     "match the photo", "match the photos", "match the description", "match the listing",
                     "what i ordered", "what i expected", "what was described", "described"), _NOT_AS_SHOWN),
    **dict.fromkeys(("happy", "pleased", "satisfied", "impressed", "like it", "love", "love it", "thrilled",
                     "delighted"), _UNHAPPY),
    **dict.fromkeys(("good quality", "well made", "quality", "good", "great", "sturdy", "durable"), _POOR),
    **dict.fromkeys(("work", "working", "function"), _BROKE),
    **dict.fromkeys(("last", "hold up", "survive"), _WORE),
    **dict.fromkeys(("fit", "fits", "the right size"), _MISFIT),
    **dict.fromkeys(("reply", "respond", "answer", "get back"), _IGNORED),
    **dict.fromkeys(("well packed", "packed well", "packaged well", "well packaged", "protected"), _DAMAGED),
    **dict.fromkeys(("recommend", "order again", "buy again"), _AVOID),
    **dict.fromkeys(("worth", "worth it", "worth the money", "worth the price", "value"), _OVERPRICED),
    # a negative denied: "not late", "wasn't damaged", "not disappointed"
    **dict.fromkeys(("late", "delayed"), _ON_TIME),
    **dict.fromkeys(("damaged", "broken"), _INTACT),
    **dict.fromkeys(("disappointed", "disappointing"), _HAPPY),
}


def _key(words) -> tuple[str, ...]:
    return tuple(stem(w) for w in words if w not in STOP_WORDS)


_BY_KEY = {_key(p.split()): tuple(tuple(m.split()) for m in meant) for p, meant in DENIED.items()}
_MAX_KEY = max(len(k) for k in _BY_KEY)


def is_cue(token: str) -> bool:
    """Whether a token typed (as typed, in any case but "NOT") denies what follows it."""
    return token.lower() in CUES or bool(_CONTRACTED.match(token))


@lru_cache(maxsize=10_000)
def meant(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """What a review says when the predicate `words` (content words, as typed) did not happen; () if unknown."""
    return _BY_KEY.get(_key(words), ())


def longest_predicate(words: list[str]) -> int:
    """How many of `words` (content words after a negation) make the longest known predicate (0: none)."""
    for n in range(min(len(words), _MAX_KEY, MAX_PREDICATE_WORDS), 0, -1):
        if meant(tuple(words[:n])):
            return n
    return 0
