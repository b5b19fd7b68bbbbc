"""Rank facts against a question: subject overlap, measure, year, source and retrieval evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from assistant.analyze import Query, _data
from assistant.normalize import bigrams, containment, normalize
from index.model import Fact, Hit

# A fact must match at least this well to be answered from.
MIN_SCORE = 0.62
MIN_RECALL = 0.75


@dataclass(frozen=True, slots=True)
class Vocabulary:
    total_labels: frozenset[str]
    default_measures: frozenset[str]
    change_measures: frozenset[str]
    rate_measures: frozenset[str]
    special_measures: frozenset[str]
    measure_words: tuple[str, ...]
    generic_suffixes: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    d = _data("answering.toml")

    def norm_set(key: str) -> frozenset[str]:
        return frozenset(normalize(x) for x in d[key])

    return Vocabulary(
        total_labels=norm_set("total_labels"),
        default_measures=norm_set("default_measures"),
        change_measures=norm_set("change_measures"),
        rate_measures=norm_set("rate_measures"),
        special_measures=norm_set("special_measures"),
        measure_words=tuple(sorted((normalize(x) for x in d["measure_words"]), key=len, reverse=True)),
        generic_suffixes=tuple(normalize(x) for x in d["generic_suffixes"]),
    )


@dataclass(frozen=True, slots=True)
class Scored:
    fact: Fact
    score: float
    recall: float  # share of the fact's name found in the question
    name: str  # the name the fact was matched by


def fact_name(fact: Fact, departments: frozenset[str]) -> str:
    """The name a question would use: the row label, or the measure for a total row."""
    subject = normalize(fact.subject)
    voc = vocabulary()
    if not subject or subject in voc.total_labels or subject in departments or subject.endswith(("合计", "总计")):
        return normalize(fact.measure)
    for suffix in voc.generic_suffixes:
        if subject.endswith(suffix) and len(subject) > len(suffix) + 1:
            return subject[: -len(suffix)]
    return subject


def asked_measures(query: Query) -> list[str]:
    """Measure words the question uses (longest first, non-overlapping)."""
    found: list[str] = []
    rest = query.norm
    for word in vocabulary().measure_words:
        if word in rest:
            found.append(word)
            rest = rest.replace(word, "\u0000")
    return found


def hit_keys(hits: Sequence[Hit]) -> dict[tuple[str, str], float]:
    """(doc_id, table-or-heading + row) -> best retrieval weight, for boosting facts that were retrieved."""
    keys: dict[tuple[str, str], float] = {}
    for rank, hit in enumerate(hits):
        weight = 1.0 / (1 + rank)
        meta = hit.metadata
        key = normalize(f"{meta.get('table') or meta.get('heading') or ''}|{meta.get('row') or ''}")
        keys[(hit.doc_id, key)] = max(keys.get((hit.doc_id, key), 0.0), weight)
    return keys


def _fact_key(fact: Fact) -> str:
    src = fact.source
    return normalize(f"{src.table or src.section or ''}|{src.row or ''}")


def score_fact(
    query: Query,
    fact: Fact,
    *,
    text: str,
    departments: frozenset[str],
    hits: dict[tuple[str, str], float],
    measures: Sequence[str],
) -> Scored:
    """Score one fact for the question text `text` (the whole question or one named part)."""
    voc = vocabulary()
    name = fact_name(fact, departments)
    measure = normalize(fact.measure)
    q_bigrams = bigrams(text)
    recall = containment(bigrams(name), q_bigrams)
    if name and name in text:
        recall = 1.0
    described = bigrams(name + measure + normalize(fact.context) + normalize(fact.source.table or ""))
    content = bigrams(text)
    coverage = containment(content, described)
    score = 0.6 * recall + 0.4 * coverage
    if name and name in text:
        score += 0.1 + min(len(name), 12) * 0.01  # longer exact names are more specific
    # Measures: a named measure must match; otherwise prefer the total/default column.
    if measures:
        if any(m == measure or m in measure or m in name for m in measures):
            score += 0.15
        else:
            score -= 0.25
    elif measure not in voc.default_measures and measure != name:
        score -= 0.12
    if query.years:
        if fact.year is not None and fact.year not in query.years:
            score -= 1.0
        elif fact.year in query.years:
            score += 0.05
    score += 0.04 if fact.origin == "table" else 0.0
    score += 0.08 * hits.get((fact.source.doc_id, _fact_key(fact)), 0.0)
    return Scored(fact=fact, score=score, recall=recall, name=name)


def rank_facts(
    query: Query,
    facts: Iterable[Fact],
    *,
    text: str | None = None,
    departments: frozenset[str] = frozenset(),
    hits: Sequence[Hit] = (),
    allow: frozenset[str] | None = None,
) -> list[Scored]:
    """Facts scored for the question (or one named part), best first.

    `allow` limits measures (e.g. only change measures); special measures
    (changes, rates, empty-table records) are excluded unless allowed.
    """
    voc = vocabulary()
    target = normalize(text) if text is not None else query.norm
    measures = [m for m in asked_measures(query) if text is None or m in target]
    keys = hit_keys(hits)
    scored = []
    for fact in facts:
        measure = normalize(fact.measure)
        if allow is not None:
            if measure not in allow:
                continue
        elif measure in voc.special_measures and not fact.empty:
            continue
        scored.append(score_fact(query, fact, text=target, departments=departments, hits=keys, measures=measures))
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored


def confident(best: Scored | None) -> bool:
    return best is not None and best.score >= MIN_SCORE and best.recall >= MIN_RECALL
