"""The shared search model: parsed query, filters, request. Both backends translate this.

Beside its words, a clause may carry other names of what they name (`Clause.related_names`: "chopping board" for the
"cutting" and "board" of "cutting board", variants.NAME_SAME), searched with it and ranked below it, and what a
negated predicate means (`Clause.meant`: "late" for the "arrive" and "time" of "didn't arrive on time", negation.py),
searched with it and ranked above its typed words. Both are set here, once the clauses are read, so both backends
search the same thing.
"""
from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import negation
from .folding import WORD, composed, fold
from .stemming import stem
from .stopwords import MESSAGE_WORDS, STOP_WORDS
from .variants import MAX_NAME_WORDS, PLACE_ALIASES, related, related_names, variants

MAX_QUERY_CHARS = 200
MAX_PAGE = 1000  # the deepest result page served (10,000 results at 10 a page); a deeper one is past the last
MAX_CLAUSES = 12
# Whoosh indexes no word shorter than this (its StopFilter's minimum size) while PostgreSQL indexes
# every digit: a lone digit or letter is dropped from the query so that both backends agree
# ('set of 6 bracelets' means 'set bracelets' on both, not a seventh of the reviews on one).
MIN_WORD_CHARS = 2
# A query with more words to look for than this reads as a pasted message: its conversational words
# (stopwords.MESSAGE_WORDS) are dropped, or they outweigh the few that name what is wanted.
MESSAGE_CLAUSES = 8
MAX_PHRASE_FORMS = 4  # spellings a phrase is searched in (query.phrase_forms)
# Field prefixes a user may type, mapped to the document field they search.
FIELD_ALIASES = {"name": "title", "title": "title", "maker": "title", "shop": "title", "craft": "craft",
                 "location": "location", "in": "location", "place": "location", "city": "location",
                 "country": "location", "where": "location", "text": "body", "review": "body"}
# Words that ask for the best-rated rather than name what is wanted ("best potter in kyoto"): not searched when the
# query names something else. Searched, "best" matched the makers who sign their replies "Best wishes", and with
# Sort: highest score the better potters of Kyoto were missing. The ranking already weighs each maker's standing.
RANKING_WORDS = frozenset({"best", "finest", "greatest", "highest", "highly", "rated", "recommended", "toprated",
                           # what every result is, or has: "leather wallet reviews" ranked first the reviews whose
                           # maker replied "thank you for the review"
                           "review", "reviews", "rating", "ratings"})
# A rating typed as words ("5 star potter", "five-star candles", "4.5 stars"): no text says it, and kept, "star"
# was a word every result had to hold. Left out as RANKING_WORDS are, when other words name something.
_RATING = re.compile(r"(?i)(?<![\w.\-])(?:[0-5](?:[.,]5)?|one|two|three|four|five)[\s-]*stars?(?:[\s-]*rated)?(?![\w\-])")
_LOW_RATING = re.compile(r"(?i)(?:[0-3](?![.,]5)|[0-2][.,]5|zero|one|two|three)\b")
TEXT_FIELDS = ("title", "craft", "location", "body")
KINDS = ("maker", "review")
TABS = {"makers": "maker", "reviews": "review"}
SORTS = ("relevance", "score", "reviews", "newest")
TIERS = ("master", "skilled", "developing", "novice", "unproven")
STAR_DIMENSIONS = ("craftsmanship", "consistency", "delivery")
MIN_SCORES = (4.5, 4.0, 3.5, 3.0)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_WORD = WORD
_CLAUSE = re.compile(r'([-!]?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))')  # "-late" and "!late" leave a word out
_OPERATORS = {"AND", "OR", "NOT", "&&", "||", "|", "&", "!"}
# Typed in capitals between words, as search boxes elsewhere take them: NOT excludes the next word or phrase (as a
# leading minus does), OR asks for any of the words. AND is what every query means already. In lower case they are
# words ("not late" is a buyer's phrase, and "or" a stop word).
_NOT, _OR = {"NOT", "!"}, {"OR"}
# Marks that separate words rather than join them into a phrase ("walnut/oak", "mug,vase", "salt+pepper");
# a hyphen or an apostrophe still joins ("hand-thrown", "maker's").
_SEPARATORS = re.compile(r"[/\\,;+&|()\[\]{}<>]")
# A field prefix typed with a space before its word ("craft: glass") takes that word; one with no word after it
# ("craft:" alone, or before an exclusion) is left out and the page says why.
_SPACED_FIELD = re.compile(r"(?<!\S)([-!]?([A-Za-z]+)):\s+(?=(?!(?:OR|NOT|AND)(?:\s|$))[^\s!-])")
_EMPTY_FIELD = re.compile(r"(?<!\S)[-!]?([A-Za-z]+):(?=\s|$)")
_FIELD_EXAMPLES = {"craft": "glass", "location": "york", "in": "york", "place": "york", "city": "york",
                   "country": "japan", "where": "york", "name": "oak", "maker": "oak", "shop": "oak", "title": "oak",
                   "text": "late", "review": "late"}
# "didn't", "won't", "wasn't": an auxiliary and "not", words neither backend searches ("did", "not"), but split at the
# apostrophe they left "didn" or "won" as a word every result had to hold ("clasp won't close" found nothing).
_NOT_CONTRACTED = re.compile(r"(?i)^[a-z]+n['\u2019]t[.,:;!?\u2026]*$")


# Irregular forms a stemmer cannot join ("thrown" never stems to "throw"); expanded at query time
# so both backends agree without custom index dictionaries. A verb's base form comes first.
_IRREGULAR_VERBS = (("throw", "threw", "thrown"), ("blow", "blew", "blown"), ("sew", "sewn"),
                    ("weave", "wove", "woven"), ("spin", "spun"), ("make", "made"), ("build", "built"),
                    ("break", "broke", "broken"), ("send", "sent"), ("bend", "bent"), ("sell", "sold"),
                    ("buy", "bought"), ("pay", "paid"), ("take", "took", "taken"))
# plurals the stemmer leaves apart (scarves stems to "scarv")
_IRREGULAR_PLURALS = (("scarf", "scarves"), ("knife", "knives"), ("shelf", "shelves"), ("leaf", "leaves"),
                      ("half", "halves"), ("loaf", "loaves"))
_IRREGULAR_GROUPS = _IRREGULAR_VERBS + _IRREGULAR_PLURALS
IRREGULAR = {w: group for group in _IRREGULAR_GROUPS for w in group}
# A verb's past forms typed ("thrown", "hand-built", "blown") find each other, not the base form: the index cannot tell
# "throw" from "throwing" (one stem), and the base form is a noun too (a candle's "scent throw", a "throw" blanket, the
# "build" quality, a "break"). "wheel thrown mugs" ranked candle reviews praising the scent throw first. The base form
# or its inflections typed ("throwing", "weaves") still find every form.
_PAST_FORMS = {w: group[1:] for group in _IRREGULAR_VERBS for w in group[1:]}
_PLURAL_OF = {w: group for group in _IRREGULAR_PLURALS for w in group}


def _irregular_forms(word: str) -> tuple[str, ...]:
    return _PAST_FORMS.get(word) or IRREGULAR.get(word) or IRREGULAR.get(stem(word)) or (word,)


def word_forms(word: str) -> tuple[str, ...]:
    """The word, its irregular inflections (regular ones are the stemmer's job), its UK/US
    spellings and synonyms (variants.py), then the other names of what it names (related_forms)."""
    forms = _irregular_forms(word)
    extra = variants(word)
    forms = forms + tuple(v for v in extra if v not in forms) if extra else forms
    weaker = related_forms(word)
    return forms + weaker if weaker else forms


@lru_cache(maxsize=10_000)
def related_forms(word: str) -> tuple[str, ...]:
    """What a buyer's word may be called in a maker's texts (variants.related, with their irregular forms: "blade"
    finds "knives"), not already among its own forms: searched with it, ranked below it (variants.RELATED_WEIGHT)."""
    own = set(_irregular_forms(word)) | set(variants(word))
    # Looked up by the noun typed, its spellings and an irregular plural's singular, not by a verb's forms: "throwing"
    # is no blanket.
    nouns = {word, *variants(word), *(_PLURAL_OF.get(word, ()))}
    found = dict.fromkeys(f for w in sorted(nouns) for r in related(w) for f in _irregular_forms(r))
    return tuple(f for f in found if f not in own)


def phrase_forms(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The phrase as typed, then with its words' UK/US spellings and synonyms ("colour work",
    "color work"): at most MAX_PHRASE_FORMS phrases."""
    options = [(w, *variants(w)) for w in words]
    return tuple(itertools.islice(itertools.product(*options), MAX_PHRASE_FORMS))


def words_of(text: str) -> tuple[str, ...]:
    """Lower-case, accent-folded letter/digit runs: the only characters that ever reach a backend. Lower-cased
    first, as Whoosh's analyzer does: lower-casing makes a word's last Σ a final ς, which folding then reads as σ."""
    return tuple(_WORD.findall(fold(text.lower())))


def as_typed(words: Collection[str], text: str) -> tuple[str, ...]:
    """Searched words (folded, lower-case) as the buyer typed them, in the order typed: folding can
    change a word beyond its accents (ボウル -> ホウル), so a message quoting it must not show that."""
    typed: dict[str, str] = {}
    for run in _WORD.findall(text):
        folded = words_of(run)
        for word in folded:
            typed.setdefault(word, run if len(folded) == 1 else word)
    order = list(typed)
    wanted = set(words)
    return tuple(typed[w] for w in order if w in wanted) + tuple(sorted(wanted - set(order)))


@dataclass(frozen=True)
class Clause:
    """One searched unit: a word or a phrase, optionally limited to a field, optionally excluded."""

    words: tuple[str, ...]
    field: str | None = None
    negate: bool = False
    # Typed in quotes: the words in that order were asked for (a hyphenated word is a phrase too, but never falls back
    # to its words apart; ParsedQuery.unphrased). Not part of equality: the same words search the same way.
    # (dataclasses.field by its module: in this class body `field` names the clause's field above)
    quoted: bool = dataclasses.field(default=False, compare=False)
    # Other names of the thing this word names with the words beside it (variants.related_names, each a tuple of
    # words): they match too, ranked below the words typed (variants.RELATED_WEIGHT).
    related_names: tuple[tuple[str, ...], ...] = ()
    # A predicate typed after a negation ("didn't arrive on time"): what a review says when it did not happen
    # (negation.meant). It matches as the words typed would, and the words typed only at variants.RELATED_WEIGHT.
    meant: tuple[tuple[str, ...], ...] = ()

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def expanded(self) -> bool:
        """Whether the clause carries other names or a negated predicate's meaning."""
        return bool(self.related_names or self.meant)

    def render(self) -> str:
        """The clause as the user would type it."""
        text = " ".join(self.words)
        text = f'"{text}"' if self.is_phrase else text
        prefix = f"{self.field}:" if self.field else ""
        return f"{'-' if self.negate else ''}{prefix}{text}"


@dataclass(frozen=True)
class ParsedQuery:
    """A normalised query: clauses ANDed together (or ORed when `any_of`), plus notes for the user."""

    clauses: tuple[Clause, ...] = ()
    any_of: bool = False
    notes: tuple[str, ...] = ()
    weights: tuple[int, ...] = ()  # any_of: each positive clause's weight (rarer words weigh more)
    seeds: tuple[bool, ...] = ()   # any_of: which positive clauses pick candidates (empty: all of them)
    # any_of: how many of the tab's `documents` each positive clause matches (the counts the weights came from; empty:
    # not known). A backend may use them to estimate which coverages reach the top hits (pg_sql.likely_floor).
    counts: tuple[int, ...] = ()
    documents: int = 0
    # Typed with OR between words: any of them is asked for, whatever the count of documents holding all of them
    # (search.service searches it relaxed from the start).
    any_asked: bool = False

    @property
    def positives(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negate)

    @property
    def negatives(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negate)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def unphrased(self) -> ParsedQuery:
        """The query with each hyphenated word searched as a phrase ("walnut-bowl") split into its words, in their
        fields; itself when it has none or the words would be more clauses than a query keeps. A phrase typed in
        quotes stays one: its words in that order were asked for."""
        clauses = tuple(part for c in self.clauses for part in (
            [Clause((w,), c.field) for w in c.words] if c.is_phrase and not (c.negate or c.quoted) else [c]))
        if clauses == self.clauses or len(clauses) > MAX_CLAUSES:
            return self
        return replace(self, clauses=names_marked(clauses))

    @property
    def denials(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each negated predicate read (`Clause.meant`), for the page to say so: (its words as searched, stop words
        between them kept and a leading "never" dropped, "arrive on time"; the first three wordings it is matched as, "late", "delayed", "delay")."""
        runs: list[tuple[list[str], tuple]] = []
        gap: list[str] = []  # words after the last marked clause, joined to the run if the same meaning follows
        for clause in self.clauses:
            if clause.meant and runs and runs[-1][1] == clause.meant and len(gap) <= 2:
                runs[-1][0].extend([*gap, *clause.words])
            elif clause.meant:
                runs.append((list(clause.words), clause.meant))
            gap = [] if clause.meant else [*gap, *clause.words]
        return tuple((" ".join(words[1:] if len(words) > 1 and negation.is_cue(words[0]) else words),
                      tuple(" ".join(m) for m in meant[:3])) for words, meant in runs)

    def words(self) -> set[str]:
        """Every positive word and its irregular forms, for highlighting; the other names and meanings searched too."""
        other = {w for c in self.positives for p in (*c.related_names, *c.meant) for w in p if w not in STOP_WORDS}
        return {f for c in self.positives for w in c.words for f in word_forms(w)} | other

    def render(self) -> str:
        """The query as text (used for 'did you mean' links)."""
        if self.any_asked:
            return " ".join([" OR ".join(c.render() for c in self.positives), *(c.render() for c in self.negatives)])
        return " ".join(c.render() for c in self.clauses)

    def relaxed(self, weights: tuple[int, ...] | None = None) -> ParsedQuery:
        """The same clauses, any of which may match; results rank by the summed `weights` (one per
        positive clause, all 1 by default) of the clauses they match, then by relevance."""
        return replace(self, any_of=True, weights=weights or (1,) * len(self.positives))

    def seeded(self) -> tuple[bool, ...]:
        """Per positive clause: does it pick candidates of a relaxed query."""
        return self.seeds or (True,) * len(self.positives)


def parse_query(raw: str | None) -> ParsedQuery:
    """Parse what a user typed; never raises, whatever the input."""
    text, notes = _normalise(raw or "")
    if text.count('"') % 2:
        # An unbalanced quote: treat the stray one as a space rather than failing.
        last = text.rfind('"')
        text = text[:last] + " " + text[last + 1:]
    text = _rating_dropped(text, notes)
    clauses, any_asked = _clauses(text)
    if raw and raw.strip() and not clauses and not notes:  # "(" or "|" is all separators: empty once normalised
        notes.append("Your search had no words to look for; try words like “walnut table”.")
    elif clauses and all(not c.negate and c.field != "craft" and set(c.words) <= STOP_WORDS for c in clauses):
        # Neither backend indexes stop words: "the" or "to be or not" can match nothing, and the page
        # said only "No makers found" (craft:other names the craft filter: its key is a stop word).
        notes.append("Words as common as “the” or “and” are not searched; try words like “walnut table”.")
        clauses = []
    clauses = _message_words_dropped(clauses)
    if not any_asked:  # "best OR top": either word was asked for
        clauses = _ranking_words_dropped(clauses, notes)
    if len(clauses) > MAX_CLAUSES:
        clauses = clauses[:MAX_CLAUSES]
        notes.append(f"Only the first {MAX_CLAUSES} words or phrases were used.")
    kept = names_marked(tuple(dict.fromkeys(clauses)))
    return ParsedQuery(kept, notes=tuple(notes), any_asked=any_asked and sum(not c.negate for c in kept) > 1)


def _clauses(text: str) -> tuple[list[Clause], bool]:
    """The clauses typed, a NOT applied to the clause after it; and whether an OR was typed between two of them."""
    clauses: list[Clause] = []
    cues: list[int] = []  # where a lower-case negation was typed: the index of the clause after it
    negate_next = any_asked = False
    for match in _CLAUSE.finditer(text):
        minus, prefix, quoted, bare = match.groups()
        if not minus and prefix is None and bare is not None and bare not in _OPERATORS and negation.is_cue(bare):
            cues.append(len(clauses) + (_clause(match) is not None))
        if not minus and prefix is None and bare in _NOT:
            negate_next = True
            continue
        if not minus and prefix is None and bare in _OR:
            any_asked = any_asked or bool(clauses)
            continue
        clause = _clause(match)
        if clause is None or (negate_next and set(clause.words) <= STOP_WORDS):
            continue  # "NOT the mug" leaves out "the mug": its stop word is not a word wanted
        if negate_next:
            clause, negate_next = replace(clause, negate=True), False
        clauses.append(clause)
    return _denials_marked(clauses, cues), any_asked


def _plain_word(clause: Clause) -> bool:
    """A word typed plainly: no field, not excluded, not in quotes, one word."""
    return not (clause.field or clause.negate or clause.quoted or clause.is_phrase)


def _denials_marked(clauses: list[Clause], cues: list[int]) -> list[Clause]:
    """Each known predicate typed after a negation marked with what it means (negation.py); a content word that is the
    negation itself ("never") with it."""
    for start in cues:
        span: list[int] = []
        for i in range(start, len(clauses)):
            if not _plain_word(clauses[i]) or clauses[i].meant:
                break
            if clauses[i].words[0] not in STOP_WORDS | negation.SKIPPED:
                span.append(i)
            if len(span) == negation.MAX_PREDICATE_WORDS:
                break
        taken = negation.longest_predicate([clauses[i].words[0] for i in span])
        if not taken:
            continue
        meant = negation.meant(tuple(clauses[i].words[0] for i in span[:taken]))
        cue = [start - 1] if start and _plain_word(clauses[start - 1]) and not set(clauses[start - 1].words) <= \
            STOP_WORDS and negation.is_cue(clauses[start - 1].words[0]) else []
        for i in cue + span[:taken]:
            clauses[i] = replace(clauses[i], meant=meant)
    return clauses


def names_marked(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Words typed plainly side by side that name a thing together ("cutting board", stop words between them skipped),
    or alone ("keyring"), marked with the thing's other names (variants.related_names), the longest name first."""
    found = list(clauses)
    content = [i for i, c in enumerate(clauses) if not set(c.words) <= STOP_WORDS or not _plain_word(c)]
    at = 0
    while at < len(content):
        run = list(itertools.takewhile(lambda i: _plain_word(clauses[i]) and not clauses[i].meant,
                                       content[at:at + MAX_NAME_WORDS]))
        for n in range(len(run), 0, -1):
            names = related_names(tuple(clauses[i].words[0] for i in run[:n]))
            if names:
                for i in run[:n]:
                    found[i] = replace(found[i], related_names=names)
                at += n
                break
        else:
            at += 1
    return tuple(found) if found != list(clauses) else clauses


def craft_clause(query: ParsedQuery, crafts: Collection[str]) -> tuple[ParsedQuery, str | None]:
    """A `craft:` clause naming one of `crafts` by its key (craft:glass, craft:other): the query
    without it, and the key (None, and the query unchanged, when there is none). Inside an OR it stays a
    clause like the others ("location:porto OR craft:glass" is either, not Porto glassmakers)."""
    if query.any_asked:
        return query, None
    named = [c for c in query.positives if c.field == "craft" and len(c.words) == 1 and c.words[0] in crafts]
    if not named:
        return query, None
    clause, notes = named[0], query.notes
    if len(named) > 1:  # "craft:glass craft:wood" asked for makers of both, and found none
        notes += (f"A maker has one craft, so no maker is both {' and '.join(c.render() for c in named)}; type "
                  f"{' OR '.join(c.render() for c in named)} for any of them.",)
    return replace(query, clauses=tuple(c for c in query.clauses if c != clause), notes=notes), clause.words[0]


def _message_words_dropped(clauses: list[Clause]) -> list[Clause]:
    """A pasted message spends no clause on stop words ("I", "a", "for") nor, past MESSAGE_CLAUSES
    words to look for, on conversational ones ("hello", "would", "really")."""
    content = [c for c in clauses if c.negate or not set(c.words) <= STOP_WORDS]
    if len(content) <= MESSAGE_CLAUSES:
        return content if len(clauses) > MAX_CLAUSES and content else clauses
    return [c for c in content if c.negate or not set(c.words) <= STOP_WORDS | MESSAGE_WORDS] or content


def _rating_dropped(text: str, notes: list[str]) -> str:
    """The text without its rating phrases ("5 star"), with a note, when the rest names something to look for and
    nothing is in quotes (a phrase asked for is searched as typed)."""
    found = _RATING.findall(text) if '"' not in text else []
    if not found:
        return text
    rest = _RATING.sub(" ", text)
    if not any(not c.negate and not set(c.words) <= STOP_WORDS | RANKING_WORDS for c in _clauses(rest)[0]):
        return text
    said = " ".join(found[0].split())
    # A low rating asks for the unhappy reviews, not the best-rated makers: the reviews' star filters list those.
    advice = ("The Reviews tab's star filters (craftsmanship, consistency, delivery) list reviews by their stars."
              if _LOW_RATING.match(said) else "Sort by highest score to see the best-rated first.")
    notes.append(f"“{said}” is not searched for as words: results are ranked by how well they match and by each "
                 f"maker's standing. {advice}")
    return rest


def _ranking_words_dropped(clauses: list[Clause], notes: list[str]) -> list[Clause]:
    """Unquoted RANKING_WORDS left out, with a note, when the query still names something to look for."""
    ranking = [c for n, c in enumerate(clauses) if _asks_for_the_best(c, clauses[n + 1:n + 2])]
    kept = [c for c in clauses if c not in ranking]
    if not ranking or not any(not c.negate and not set(c.words) <= STOP_WORDS for c in kept):
        return clauses
    words = list(dict.fromkeys(w for c in ranking for w in c.words))
    said = " and ".join(f"“{w}”" for w in words)
    notes.append(f"{said} {'is not searched for as a word' if len(words) == 1 else 'are not searched for as words'}: "
                 "results are ranked by how well they match and by each maker's standing. Sort by highest score to "
                 "see the best-rated first, or put a word in quotes to search for it.")
    return kept


def _asks_for_the_best(clause: Clause, after: list[Clause]) -> bool:
    """A clause of RANKING_WORDS, typed plainly; "top" too before one of them ("top rated"), or joined to one
    ("top-rated")."""
    if clause.negate or clause.quoted or clause.field:
        return False
    words = set(clause.words) - ({"top"} if clause.words[0] == "top" and len(clause.words) > 1 else set())
    if words == {"top"} and after:
        return not after[0].negate and not after[0].quoted and set(after[0].words) <= RANKING_WORDS
    return bool(words) and words <= RANKING_WORDS


def _normalise(raw: str) -> tuple[str, list[str]]:
    notes: list[str] = []
    text = _CONTROL.sub(" ", composed(raw)).replace("\u201c", '"').replace("\u201d", '"')
    text = _fields_joined(_SEPARATORS.sub(" ", text), notes)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notes.append(f"Your search was shortened to its first {MAX_QUERY_CHARS} characters.")
    return text.strip(), notes


def _fields_joined(text: str, notes: list[str]) -> str:
    """Field prefixes joined to the word typed after a space; those with no word left out, with a note."""
    text = _SPACED_FIELD.sub(lambda m: f"{m.group(1)}:" if m.group(2).lower() in FIELD_ALIASES else m.group(0), text)

    def _left_out(match: re.Match) -> str:
        name = match.group(1)
        if name.lower() not in FIELD_ALIASES:
            return match.group(0)
        note = (f"“{name}:” was left out: put the word to look for right after it, as in "
                f"{name}:{_FIELD_EXAMPLES[name.lower()]}.")
        if note not in notes:
            notes.append(note)
        return " "
    return _EMPTY_FIELD.sub(_left_out, text)


def _clause(match: re.Match) -> Clause | None:
    minus, prefix, quoted, bare = match.groups()
    if bare is not None and (bare in _OPERATORS or (not prefix and _NOT_CONTRACTED.match(bare))):
        return None  # lone boolean operators carry no words; all clauses must match anyway
    field_name = FIELD_ALIASES.get((prefix or "").lower())
    if not prefix and bare is not None and set(words_of(bare) or ("",)) <= PLACE_ALIASES:
        field_name = "location"  # "usa" finds "United States" there, and never "state" in a review's text
    body = quoted if quoted is not None else bare
    if prefix and field_name is None:
        body = f"{prefix} {body}"  # "foo:bar" with an unknown field is just two words
    words = words_of(body or "")
    if quoted is None:
        # A word joined by an apostrophe or hyphen drops its one-character parts too: "I'm" is the
        # letter m on PostgreSQL (in 5,175 of 10,000 maker bios) and nothing on Whoosh.
        words = tuple(w for w in words if len(w) >= MIN_WORD_CHARS)
    if not words or (len(words) == 1 and len(words[0]) < MIN_WORD_CHARS):
        return None  # a lone '6' or 'x' is searched nowhere (see MIN_WORD_CHARS)
    return Clause(words, field_name, negate=bool(minus), quoted=quoted is not None)


@dataclass(frozen=True)
class Filters:
    """Facet filters; each applies to the document kinds that carry the field."""

    craft: str | None = None
    location: str | None = None
    tier: str | None = None
    min_score: float | None = None
    accepts_custom: bool = False
    verified: bool = False
    stars: tuple[tuple[str, int, int], ...] = ()

    @property
    def active(self) -> bool:
        return self != Filters()

    def for_kind(self, kind: str) -> Filters:
        """Drop the review-only filters when counting makers."""
        return self if kind == "review" else replace(self, verified=False, stars=())

    def to_args(self) -> dict[str, str]:
        """URL query arguments that reproduce these filters."""
        args = {"craft": self.craft, "location": self.location, "tier": self.tier,
                "min_score": f"{self.min_score:g}" if self.min_score else None,
                "custom": "1" if self.accepts_custom else None,
                "verified": "1" if self.verified else None}
        for dim, lo, hi in self.stars:
            args[f"{dim}_min"], args[f"{dim}_max"] = str(lo), str(hi)
        return {k: v for k, v in args.items() if v}


def filters_from_args(args: Mapping[str, str]) -> Filters:
    """Read filters from request arguments, ignoring anything malformed."""
    tier = args.get("tier")
    return Filters(
        craft=_clean_value(args.get("craft")),
        location=_clean_value(args.get("location")),
        tier=tier if tier in TIERS else None,
        min_score=_half_stars(_float_in(args.get("min_score"), 1.0, 5.0)),
        accepts_custom=args.get("custom") == "1",
        verified=args.get("verified") == "1",
        stars=tuple(s for s in (_star_range(args, d) for d in STAR_DIMENSIONS) if s),
    )


def _clean_value(value: str | None) -> str | None:
    value = _CONTROL.sub("", composed(value or "")).strip()[:100]
    return value or None


def _page_number(value: str | None) -> int:
    """The page asked for: 1 for nonsense, MAX_PAGE + 1 (past the last, as the page then says) for a deeper one."""
    number = _float_in(value, 1, float("inf"))
    return 1 if number is None else int(min(number, MAX_PAGE + 1))


def _float_in(value: str | None, lo: float, hi: float) -> float | None:
    try:
        number = float(value or "")
    except ValueError:
        return None
    return number if lo <= number <= hi else None


def _half_stars(value: float | None) -> float | None:
    """Minimum scores are half stars, as the page offers them; a value in between counts from the
    half star below it. (So an index can answer from its half-star buckets alone.)"""
    return None if value is None else math.floor(value * 2) / 2


def _star_range(args: Mapping[str, str], dim: str) -> tuple[str, int, int] | None:
    lo = _float_in(args.get(f"{dim}_min"), 1, 5)
    hi = _float_in(args.get(f"{dim}_max"), 1, 5)
    if lo is None and hi is None:
        return None
    lo, hi = int(lo or 1), int(hi or 5)
    return (dim, lo, hi) if lo <= hi and (lo, hi) != (1, 5) else None


# Quote marks a phone or a keyboard layout types around a phrase, each with the marks that may close it.
_CLOSING_QUOTES = {'"': '"', "\u201c": "\u201d\u201c", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb", "\u00bb": "\u00ab",
                   "\u201d": "\u201d"}
_QUOTES = set("".join(_CLOSING_QUOTES)) | set(_CLOSING_QUOTES)


@dataclass(frozen=True)
class SearchRequest:
    """Everything one search page asks for."""

    q: str = ""
    filters: Filters = field(default_factory=Filters)
    tab: str = "makers"
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10

    @property
    def kind(self) -> str:
        return TABS[self.tab]

    @property
    def quoted(self) -> str:
        """The query as a sentence quotes it: a query that is one typed phrase loses its own quote marks (straight,
        curly or guillemets), so the page does not print “"oak table"”."""
        text = self.q.strip()
        if len(text) > 2 and text[-1] in _CLOSING_QUOTES.get(text[0], "") and not _QUOTES & set(text[1:-1]):
            return text[1:-1].strip()
        return text

    def to_args(self, **changes) -> dict[str, str]:
        """URL arguments for this request with some values changed (pagination, tabs, filters)."""
        req = replace(self, **changes)
        args = {"q": req.q, "tab": req.tab, **req.filters.to_args()}
        if req.sort != "relevance":
            args["sort"] = req.sort
        if req.page > 1:
            args["page"] = str(req.page)
        return {k: v for k, v in args.items() if v}


def request_from_args(args: Mapping[str, str], per_page: int = 10) -> SearchRequest:
    """Build a SearchRequest from URL arguments; bad values fall back to defaults."""
    tab = args.get("tab") if args.get("tab") in TABS else "makers"
    sort = args.get("sort") if args.get("sort") in SORTS else "relevance"
    page = _page_number(args.get("page"))
    # Composed (NFC) as the index is: the page quotes the words as typed (as_typed) from `q`.
    return SearchRequest(q=composed((args.get("q") or "")[:10 * MAX_QUERY_CHARS]), filters=filters_from_args(args),
                         tab=tab, sort=sort, page=page, per_page=per_page)
