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
  of the question's own document must print the expected value (its tolerance, or rounded for
  display) and its citations the evidence, of the year asked.
  An absent question not naming its department may be answered from another document, named;
  a number from its own document is a hallucination.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from assistant.answer_types import Answer
from assistant.assistant import Assistant
from eval.evidence import citation_text, decimals, evidence_cited, numbers_in, text_has_value
from eval.questionset import Part, Question
from eval.score import Score, as_variant, error_score, score_answer, value_matches
from eval.variants import DocMeta, find_mention, short_names
from eval.years import asked_year, years_in_text

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


def _line_has_value(line: str, q: Question) -> bool:
    """A line of a per-document answer prints the expected value (its tolerance / rounding, or rounded for display)."""
    if q.value is None:
        return False
    if text_has_value(line, q.value, q.unit):
        return True
    want = Part(value=q.value, unit=q.unit, tolerance=q.tolerance, round=q.round)
    for printed in numbers_in(line):
        n = float(printed.replace(",", ""))
        places = decimals(n)
        if value_matches(want, n, q.unit) or (places >= 2 and round(q.value, places) == n):
            return True
    return False


def _per_document(q: Question, ans: Answer, own: DocMeta, reasons: list[str]) -> tuple[bool, bool]:
    """(right, wrong year) for an answer given per document: judged on the own document's line and citations."""
    lines = [ln for ln in ans.answer.splitlines() if _names_document(ln, own)]
    cites = [c for c in ans.citations if c.doc == own.doc_id]
    asked = asked_year(q, own.year)
    # a compound's parts may each ask their own year (`…比重是多少？2023年度…又是多少`: the first part's is set)
    wanted = {asked, *(p.year for p in q.parts if p is not None and p.year is not None)}
    years = {c.year for c in cites if c.year is not None}
    # a line stating the asked year answers for it (a prior-year figure derived from a stated change cites
    # this year's figure and the change); otherwise the cited figures' years decide
    stated = any(asked in years_in_text(ln) for ln in lines)
    wrong_year = bool(years) and asked is not None and not years & wanted and not stated
    right = any(_line_has_value(ln, q) for ln in lines)
    cited = not q.evidence or evidence_cited([citation_text(c) for c in cites], q.evidence)
    if not right:
        reasons.append("per-document answer: the own document's line lacks the value")
    if not cited:
        reasons.append("per-document answer: evidence not cited")
    if wrong_year:
        reasons.append(f"per-document answer: wrong year ({sorted(years)} for {asked})")
    return right and cited and not wrong_year, wrong_year


def score_unscoped(q: Question, ans: Answer, score: Score, own: DocMeta, metas: Mapping[str, DocMeta]) -> Score:
    """Re-judge a scored unscoped answer by the scope rules (module docstring); returns the slice's score."""
    others = [m.department for m in metas.values() if m.doc_id != own.doc_id]
    named = find_mention(q.question, own.department, others) is not None
    by_id = {m.doc_id: m for m in metas.values()}
    cited = list(score.cited_docs)
    reasons = [r for r in score.reasons]
    correct, hallucinated, wrong_year = score.correct, score.hallucinated, score.wrong_year
    if named:
        scope_ok = all(d == own.doc_id for d in cited)
        if not scope_ok:
            reasons.append("named department, answered from another document")
    else:
        scope_ok = all(d in by_id and _names_document(ans.answer, by_id[d]) for d in cited)
        if not scope_ok:
            reasons.append("answer does not name the department it answered for")
        if q.expects_abstention:
            # another document may have the figure; a number from the question's own document is invented
            hallucinated = (own.doc_id in cited and not ans.abstained) or (ans.value is not None and not cited)
            correct = not hallucinated
        elif len(set(cited)) > 1 and own.doc_id in cited:
            reasons = []
            correct, wrong_year = _per_document(q, ans, own, reasons)
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
        wrong_year=wrong_year,
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
