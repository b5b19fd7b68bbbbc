"""The eval's slices: long-form variants (asked scoped, like the short forms) and unscoped questions.

- **long_form**: every single-document question's generated long forms (eval/variants.py),
  asked with its document selected and scored like the original. The *gap* is long-form
  accuracy minus the accuracy of the short forms they were made from (each short form
  counted once per long form, so both sides weigh the same questions).
- **unscoped**: the same single-document questions asked with every document loaded and
  none selected (`doc=None`). A question that names its department (`variants.find_mention`)
  must be answered from that department's document only (the citations' documents). One that
  does not must name, in the answer text, the department (or document title) of every document
  it cites; when the engine answers per document (one line each, no single value), the line
  of the question's own document must print the expected value and its citations the evidence.
  An absent question not naming its department may be answered from another document, named;
  a number from its own document is a hallucination.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from assistant.answer_types import Answer
from assistant.assistant import Assistant
from eval.evidence import citation_text, evidence_cited, text_has_value
from eval.questionset import Question
from eval.score import Score, as_variant, error_score, score_answer
from eval.variants import DocMeta, find_mention, short_names

# step(message): one question asked
Step = Callable[[str], None]


def ask_scored(
    qa: Assistant, q: Question, doc: Sequence[str] | None, doc_year: int | None
) -> tuple[Score, Answer | None]:
    """Ask one question (scoped to `doc`, or unscoped with None) and score it; an engine error scores wrong."""
    t = time.perf_counter()
    try:
        ans = qa.ask(q.question, doc=list(doc) if doc is not None else None)
    # Benchmark boundary: one failing question is scored wrong with its error, the run goes on.
    except Exception as err:
        return error_score(q, f"{type(err).__name__}: {err}", (time.perf_counter() - t) * 1000), None
    wall = (time.perf_counter() - t) * 1000
    return score_answer(q, ans, latency_ms=wall, doc_year=doc_year), ans


def run_long_forms(
    qa: Assistant, variants: Sequence[Question], metas: Mapping[str, DocMeta], step: Step | None = None
) -> list[Score]:
    """Ask every long-form variant with its document selected; scores labelled slice=long_form."""
    out: list[Score] = []
    for q in variants:
        meta = metas[q.docs[0]]
        score, _ = ask_scored(qa, q, [meta.doc_id], meta.year)
        out.append(
            as_variant(score, slice_name="long_form", form=str(q.extra["form"]), base_id=str(q.extra["base_id"]))
        )
        if step:
            step(q.id)
    return out


def _names_document(text: str, meta: DocMeta) -> bool:
    return bool(meta.title and meta.title in text) or any(n in text for n in short_names(meta.department)[:1])


def score_unscoped(q: Question, ans: Answer, score: Score, own: DocMeta, metas: Mapping[str, DocMeta]) -> Score:
    """Re-judge a scored unscoped answer by the scope rules (module docstring); returns the slice's score."""
    others = [m.department for m in metas.values() if m.doc_id != own.doc_id]
    named = find_mention(q.question, own.department, others) is not None
    by_id = {m.doc_id: m for m in metas.values()}
    cited = [d for d in score.cited_docs]
    reasons = list(score.reasons)
    correct = score.correct
    hallucinated = score.hallucinated
    if named:
        scope_ok = all(d == own.doc_id for d in cited)
        if not scope_ok:
            reasons.append("named department, answered from another document")
    else:
        scope_ok = all(d in by_id and _names_document(ans.answer, by_id[d]) for d in cited)
        if not scope_ok:
            reasons.append("answer does not name the department it answered for")
        if q.expects_abstention:
            hallucinated = ans.value is not None and (own.doc_id in cited or not cited)
            correct = not hallucinated and (ans.abstained or bool(cited))
        elif ans.value is None and not ans.abstained and own.doc_id in cited and q.value is not None:
            # per-document answer: the own document's line must print the value, its citations the evidence
            lines = [ln for ln in ans.answer.splitlines() if _names_document(ln, own)]
            own_texts = [citation_text(c) for c in ans.citations if c.doc == own.doc_id]
            correct = any(text_has_value(ln, q.value, q.unit) for ln in lines) and (
                not q.evidence or evidence_cited(own_texts, q.evidence)
            )
            if not correct:
                reasons.append("per-document answer: own document's line lacks the value or its evidence")
        elif own.doc_id not in cited and not ans.abstained:
            correct = False
            reasons.append("answered from another document")
    return replace(
        score,
        slice="unscoped",
        form="named" if named else "not_named",
        base_id=q.id,
        correct=bool(correct and scope_ok),
        scope_ok=scope_ok,
        hallucinated=hallucinated,
        reasons=reasons,
    )


def run_unscoped(
    qa: Assistant, questions: Sequence[Question], metas: Mapping[str, DocMeta], step: Step | None = None
) -> list[Score]:
    """Ask every single-document question with no document selected; score answer and scope."""
    out: list[Score] = []
    for q in questions:
        own = metas[q.docs[0]]
        score, ans = ask_scored(qa, q, None, own.year)
        if ans is None:
            out.append(replace(score, slice="unscoped", form="error", base_id=q.id))
        else:
            out.append(score_unscoped(q, ans, score, own, metas))
        if step:
            step(q.id)
    return out


def single_doc(questions: Sequence[Question], metas: Mapping[str, DocMeta]) -> list[Question]:
    """The questions asked about one document whose metadata is known (the slices' base set)."""
    return [q for q in questions if len(q.docs) == 1 and q.docs[0] in metas]
