"""Leave-one-document-out (LODO): pick the `Tunables` on four documents' questions, score the fifth.

The in-sample figure (every question answered with the default `Tunables`, which were picked
on these same questions) overstates how the engine does on a document it was not tuned on.
LODO measures that: for each document in turn, coordinate descent from the defaults over
`Tunables.search_space()` picks the values that answer the *other* documents' questions best
(cross-document questions count for training when they do not involve the held-out
document), and the held-out document's questions are scored with the values picked.

Affordable on two cores because every candidate `Tunables` is evaluated once, on all
questions, and cached: folds share the candidates they visit (all start from the defaults).
Coordinate descent: for each knob in turn, try each of its values with the others fixed and
keep a value only when it answers strictly more training questions right (ties keep the
current value, so the defaults win ties); sweep the knobs again until nothing changes or
`sweeps` is reached, or stop trying new candidates after `budget` distinct ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.score import Score
from eval.vocab import words
from index.settings import Tunables

# evaluate(tunables) -> one score per question, in a fixed question order
Evaluate = Callable[[Tunables], list[Score]]
Key = tuple[tuple[str, Any], ...]


def config_key(t: Tunables) -> Key:
    """A hashable identity for a `Tunables` value."""
    return tuple(sorted(t.model_dump().items()))


def changed_from(t: Tunables, base: Tunables) -> dict[str, Any]:
    """The knobs of `t` that differ from `base` (what a fold picked, for the report)."""
    b = base.model_dump()
    return {k: v for k, v in t.model_dump().items() if b.get(k) != v}


@dataclass
class Candidates:
    """Scores per candidate `Tunables`, each evaluated once (the answer cache shared by all folds)."""

    evaluate: Evaluate
    budget: int = 200
    cache: dict[Key, list[Score]] = field(default_factory=dict)
    order: list[Tunables] = field(default_factory=list)  # evaluation order, for the report

    def scores(self, t: Tunables) -> list[Score] | None:
        """The scores of `t` (None when it is new and the budget is spent)."""
        key = config_key(t)
        if key not in self.cache:
            if len(self.cache) >= self.budget:
                return None
            self.cache[key] = self.evaluate(t)
            self.order.append(t)
        return self.cache[key]

    def seed(self, t: Tunables, scores: list[Score]) -> None:
        """Register scores already measured for `t` (the main run's defaults)."""
        key = config_key(t)
        if key not in self.cache:
            self.cache[key] = scores
            self.order.append(t)


def _correct(scores: Sequence[Score], idx: Sequence[int]) -> int:
    return sum(scores[i].correct for i in idx)


def wrong_number(score: Score) -> bool:
    """A figure given that is not the right one: where the document is silent, of another year, or another value."""
    gave = score.got is not None and not score.abstained
    return score.hallucinated or score.wrong_year or (gave and not score.correct and score.value_ok is False)


def utility(scores: Sequence[Score], idx: Sequence[int]) -> float:
    """What the search maximises: right answers, less `wrong_number_cost` for each wrong number (scoring.toml)."""
    cost = float(words()["lodo"]["wrong_number_cost"])
    return sum(1.0 if scores[i].correct else (-cost if wrong_number(scores[i]) else 0.0) for i in idx)


def select(
    candidates: Candidates,
    train: Sequence[int],
    start: Tunables,
    space: Mapping[str, Sequence[Any]],
    *,
    sweeps: int = 2,
) -> tuple[Tunables, int]:
    """Coordinate descent from `start` over `space` on the question indices `train`, maximising `utility`
    (a wrong number costs more than an abstention): (picked, correct on train)."""
    current = start
    first = candidates.scores(current)
    if first is None:
        raise ValueError("LODO budget too small: the starting Tunables could not be evaluated")
    best = utility(first, train)
    for _ in range(sweeps):
        moved = False
        for name, values in space.items():
            for value in values:
                if value == getattr(current, name):
                    continue
                cand = current.model_copy(update={name: value})
                scores = candidates.scores(cand)
                if scores is None:
                    return current, _correct(candidates.scores(current) or first, train)
                value = utility(scores, train)
                if value > best:
                    current, best, moved = cand, value, True
        if not moved:
            break
    return current, _correct(candidates.scores(current) or first, train)


@dataclass(slots=True)
class Fold:
    """One held-out document: the values picked on the others, and the held-out scores with them."""

    document: str
    picked: Tunables
    train_n: int
    train_correct: int  # training questions right with the values picked
    train_start_correct: int  # … and with the starting (default) values
    test: list[Score]


def folds_of(
    questions_docs: Sequence[Sequence[str]], documents: Iterable[str]
) -> dict[str, tuple[list[int], list[int]]]:
    """document -> (training indices, held-out indices): held out are its single-document questions;
    training is every question not involving it."""
    out: dict[str, tuple[list[int], list[int]]] = {}
    for doc in documents:
        test = [i for i, d in enumerate(questions_docs) if list(d) == [doc]]
        train = [i for i, d in enumerate(questions_docs) if doc not in d]
        out[doc] = (train, test)
    return out


def run_lodo(
    candidates: Candidates,
    questions_docs: Sequence[Sequence[str]],
    documents: Sequence[str],
    start: Tunables,
    space: Mapping[str, Sequence[Any]] | None = None,
    *,
    sweeps: int = 2,
    on_fold: Callable[[int, str], None] | None = None,
) -> list[Fold]:
    """Every fold: pick on the other documents' questions, score the held-out document's with the pick."""
    space = space if space is not None else Tunables.search_space()
    folds: list[Fold] = []
    for n, (doc, (train, test)) in enumerate(folds_of(questions_docs, documents).items()):
        if on_fold:
            on_fold(n, doc)
        if not test:
            continue
        picked, right = select(candidates, train, start, space, sweeps=sweeps)
        scores, first = candidates.scores(picked), candidates.scores(start)
        assert scores is not None and first is not None  # `select` evaluated both
        folds.append(Fold(doc, picked, len(train), right, _correct(first, train), [scores[i] for i in test]))
    return folds


def lodo_summary(folds: Sequence[Fold], start: Tunables, defaults: Sequence[Score]) -> dict[str, Any]:
    """LODO accuracy (pooled over folds), beside the in-sample accuracy of the same questions with `start`."""
    by_id = {s.id: s for s in defaults}
    test = [s for f in folds for s in f.test]
    same = [by_id[s.id] for s in test if s.id in by_id]

    def acc(xs: Sequence[Score]) -> float | None:
        return sum(x.correct for x in xs) / len(xs) if xs else None

    def split(key: Callable[[Score], str]) -> dict[str, dict[str, Any]]:
        groups: dict[str, tuple[list[Score], list[Score]]] = {}
        for s in test:
            g = groups.setdefault(key(s), ([], []))
            g[0].append(s)
            if s.id in by_id:
                g[1].append(by_id[s.id])
        return {
            k: {"n": len(lo), "lodo": acc(lo), "in_sample": acc(ins), "lodo_correct": sum(x.correct for x in lo)}
            for k, (lo, ins) in sorted(groups.items())
        }

    return {
        "n": len(test),
        "correct": sum(s.correct for s in test),
        "accuracy": acc(test),
        "in_sample_accuracy": acc(same),
        "in_sample_correct": sum(s.correct for s in same),
        "wrong_year": sum(s.wrong_year for s in test),
        "hallucinated": sum(s.hallucinated for s in test),
        "by_kind": split(lambda s: s.kind),
        "by_doc": split(lambda s: s.docs[0]),
        "folds": [
            {
                "document": f.document,
                "n": len(f.test),
                "correct": sum(s.correct for s in f.test),
                "accuracy": acc(f.test),
                "in_sample_accuracy": acc([by_id[s.id] for s in f.test if s.id in by_id]),
                "train_n": f.train_n,
                "train_correct": f.train_correct,
                "train_start_correct": f.train_start_correct,
                "picked": changed_from(f.picked, start),
            }
            for f in folds
        ],
    }
