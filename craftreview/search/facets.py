"""Facet groups for the page: raw value counts from a backend turned into toggleable options."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..models import CRAFTS
from .query import MIN_SCORES, TIERS, Filters, SearchRequest

MAX_OPTIONS = 8
# Facets of a broad match (more than SAMPLE_ABOVE documents) are counted over a sample of about
# SAMPLE_SIZE of its documents and scaled to the total ("about N" on the page): grouping every match
# cost PostgreSQL 25-50 ms a page for "set" (26,000 reviews). Both backends pick the same documents:
# those whose creation second (Doc.created, whole seconds) hashes below sample_threshold(total).
# (A sample of makers was tried first: a few makers with many reviews then made a city's estimate
# three times too high.) Lowered from 5,000 and 2,000: grouping the 4,043 makers of 'finish -rush'
# was a quarter of its PostgreSQL statement (4.7 of 19 ms; its search call 18 -> 15 ms at these bounds). A
# value holding a tenth of a sample of 1,500 is estimated within about 8% (one standard deviation).
SAMPLE_ABOVE = 2500
SAMPLE_SIZE = 1500
HASH_MULTIPLIER = 2654435761  # Knuth's multiplicative hash, modulo HASH_RANGE
HASH_RANGE = 1 << 32
HASH_INPUT = 1 << 31  # the second is taken modulo this first, so the product fits a signed bigint
STAR_RANGES = ((5, 5, "5 stars"), (4, 5, "4 stars and up"), (1, 3, "3 stars or less"), (1, 2, "1–2 stars"))
DIMENSION_LABELS = {"craftsmanship": "Craftsmanship", "consistency": "Consistency", "delivery": "Delivery"}


@dataclass(frozen=True)
class FacetOption:
    """One clickable filter value with its count; `filters` is what clicking it applies."""

    label: str
    count: int
    filters: Filters
    active: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: str
    options: tuple[FacetOption, ...]


def sample_threshold(total: int) -> int:
    """Documents whose sample_hash is below this count toward facets (HASH_RANGE: every document).
    PostgreSQL computes the same integer in SQL (pg_sql.SAMPLE_SQL)."""
    return HASH_RANGE if total <= SAMPLE_ABOVE else HASH_RANGE * SAMPLE_SIZE // total


def sample_hash(created_second: int) -> int:
    """The hash deciding whether a document created at this (whole, Unix) second is sampled."""
    return created_second % HASH_INPUT * HASH_MULTIPLIER % HASH_RANGE


def scale_counts(counts: dict[str, dict[str, int]], total: int, sampled: int) -> dict[str, dict[str, int]]:
    """Facet counts taken over `sampled` of `total` matching documents, scaled to the total and
    rounded to two significant figures (never below what the sample itself holds)."""
    return {name: {value: about(n * total / sampled, n) for value, n in values.items()}
            for name, values in counts.items()} if sampled else {}


def about(estimate: float, floor: int) -> int:
    """An estimated count as the page shows it ("about 12,000"): two significant figures, never
    below `floor` (what was actually counted)."""
    step = 10 ** max(0, len(str(int(estimate))) - 2)
    return max(floor, int(round(estimate / step) * step))


def build_facets(req: SearchRequest, counts: dict[str, dict[str, int]], total: int = 0) -> list[FacetGroup]:
    """The facet groups shown beside results of the request's tab (`total`: how many it matched)."""
    f = req.filters
    countries, cities = counts.get("country", {}), counts.get("city", {})
    place = f.location if f.location in countries or f.location in cities else None
    groups = [
        _values("craft", "Craft", counts.get("craft", {}), f.craft, lambda v: replace(f, craft=v),
                lambda v: CRAFTS.get(v, v), keep=True),
        _values("country", "Country", countries, place, lambda v: replace(f, location=v)),
        _values("city", "City", cities, place, lambda v: replace(f, location=v)),
        # A chosen place no match holds could be a country or a city: it keeps a group of its own.
        _values("location", "Country or city", {}, f.location if place is None else None,
                lambda v: replace(f, location=v), keep=True),
    ]
    if req.kind == "maker":
        groups += _maker_groups(f, counts)
    else:
        groups += _chosen_maker_filters(f, total) + _review_groups(f, counts)
    return [g for g in groups if g.options]


def _tier_words(tier: str) -> str:
    """A tier as the facet names it: an unproven maker has "No tier yet", as on its card and the browse filter."""
    return "No tier yet" if tier == "unproven" else tier.capitalize()


def _maker_groups(f: Filters, counts: dict[str, dict[str, int]]) -> list[FacetGroup]:
    tiers = counts.get("tier", {})
    tier_group = _values("tier", "Tier", {t: tiers[t] for t in TIERS if t in tiers}, f.tier,
                         lambda v: replace(f, tier=v), _tier_words, sort=False, keep=True)
    buckets = counts.get("score_bucket", {})
    score_options = tuple(
        FacetOption(f"{m:g} and up", sum(n for b, n in buckets.items() if float(b) >= m),
                    replace(f, min_score=None if f.min_score == m else m), f.min_score == m)
        for m in MIN_SCORES)
    custom = _flag("accepts_custom", "Orders", "Accepts custom orders", counts, f.accepts_custom,
                   replace(f, accepts_custom=not f.accepts_custom))
    return [tier_group, FacetGroup("min_score", "Minimum score", _nonzero(score_options)), custom]


def _chosen_maker_filters(f: Filters, total: int) -> list[FacetGroup]:
    """A maker's tier, minimum score or custom orders chosen on the makers tab filter reviews too; the
    index counts none of them per review, but every match holds the chosen one, so each shows, to be
    removed, with the total."""
    tier = FacetOption(_tier_words(f.tier), total, replace(f, tier=None), True) if f.tier else None
    score = FacetOption(f"{f.min_score:g} and up", total, replace(f, min_score=None), True) if f.min_score else None
    custom = (FacetOption("Accepts custom orders", total, replace(f, accepts_custom=False), True)
              if f.accepts_custom else None)
    return [FacetGroup(name, label, (option,)) for name, label, option in (
        ("tier", "Maker's tier", tier), ("min_score", "Maker's minimum score", score),
        ("accepts_custom", "Maker's orders", custom)) if option]


def _review_groups(f: Filters, counts: dict[str, dict[str, int]]) -> list[FacetGroup]:
    groups = [_flag("verified", "Evidence", "Verified orders only", counts, f.verified,
                    replace(f, verified=not f.verified))]
    for dim, label in DIMENSION_LABELS.items():
        per_star = {int(k): n for k, n in counts.get(dim, {}).items() if k.isdigit()}
        current = next(((lo, hi) for d, lo, hi in f.stars if d == dim), None)
        options = tuple(
            FacetOption(text, sum(n for s, n in per_star.items() if lo <= s <= hi),
                        _with_stars(f, dim, None if current == (lo, hi) else (lo, hi)), current == (lo, hi))
            for lo, hi, text in STAR_RANGES)
        groups.append(FacetGroup(dim, label, _nonzero(options)))
    return groups


def _with_stars(f: Filters, dim: str, span: tuple[int, int] | None) -> Filters:
    others = tuple(s for s in f.stars if s[0] != dim)
    return replace(f, stars=others + ((dim, *span),) if span else others)


def _values(name, label, counts, current, apply, show=lambda v: v, sort=True, keep=False) -> FacetGroup:
    """The group's options, most matches first; with `keep`, the chosen value stays listed even when
    no match holds it (count 0), so the filter that emptied the page can be seen and removed alone."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if sort else list(counts.items())
    items = items[:MAX_OPTIONS]
    if keep and current and current not in dict(items):
        items.append((current, counts.get(current, 0)))
    options = tuple(FacetOption(show(v), n, apply(None if v == current else v), v == current) for v, n in items)
    return FacetGroup(name, label, options)


def _flag(name, label, text, counts, active, toggled) -> FacetGroup:
    option = FacetOption(text, counts.get(name, {}).get("1", 0), toggled, active)
    return FacetGroup(name, label, _nonzero((option,)))


def _nonzero(options: tuple[FacetOption, ...]) -> tuple[FacetOption, ...]:
    return tuple(o for o in options if o.count or o.active)
