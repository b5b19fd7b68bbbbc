"""Score answers against expected values: value, unit, cited evidence, year, comparison, parts, abstention.

Rules (kept strict on purpose, so the benchmark can fail):

- **value_ok**: the answer's value equals the expected value after converting money
  between 元/万元/亿元 (relative 1e-9), or within the question's own `tolerance`; with a
  `round`, the answer's value rounded (half up) to that many decimals must equal the
  expected value. An amount given at least two decimals more precisely than the
  expected figure is written, as a 元 amount converted to 万元 is, must round to it at
  the expected figure's decimals; no other tolerance (8.1 never stands for a printed 8).
  Other units (%, 人, 辆, 个…) are never converted.
- **unit_ok**: the answer's unit is the expected unit (after folding ％→%, 万→万元…); an amount per the thing
  the question says (`每台…多少元`, answered 元/台) is in the unit asked; an amount the question asks in no unit
  (`…的钱是多少？`) may be in any money unit, the value compared converted.
- **cites_evidence**: every evidence string of the question is held by one of the
  answer's citations (quote + locator, see `eval.evidence.evidence_in`): the cell, the
  row or the sentence the question was written from. A right value cited from another
  row does not count.
- **comparison_ok** (targets with `≥`/`≤`…): the answer states the comparison (the symbol
  or a word for it, eval/data/scoring.toml).
- **wrong_year**: a figure whose year (the answer's `year`, else its citations') is not
  the year asked (eval/years.py).
- A value answer is **correct** only when value, unit, cited evidence, comparison and
  year all hold (and it did not abstain, except on `empty` questions).
- **compound** questions: every expected part answered right, in order, from the answer's
  `parts`, each citing evidence; a part the document does not give must be abstained on
  or said to be missing. Answered in part is wrong.
- **absent** questions: correct iff the engine abstains and gives no number; any
  number given is counted wrong and also as *hallucinated*.
- **empty**: correct iff the engine answers (no abstention) with 0. **conflict**: the
  table value; whether a warning was shown is recorded, not required.
- **citation_ok** (reported, not required): some citation prints the expected value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer_types import Answer, Citation
from eval.evidence import (
    REGION_MARK,
    citation_text,
    close,
    contains_all,
    decimals,
    evidence_cited,
    evidence_in,
    normalize_unit,
    numbers_in,
    quotes_part_of,
    squash,
    text_has_value,
    value_in_unit,
)
from eval.questionset import Part, Question
from eval.ranks import first_relevant_rank, first_value_rank, mrr, percentile, recall_at
from eval.regions import REGIONS
from eval.score_record import Score, as_variant, error_score
from eval.vocab import words
from eval.years import (
    answer_year,
    asked_year,
    is_wrong_year,
    named_after,
    only_dated,
    part_year,
    parts_said,
    year_carried,
    year_said,
)
from index.model import MONEY_UNITS

__all__ = [  # the matching helpers and the Score record are re-exported: callers import them from here
    "Score",
    "as_variant",
    "citation_text",
    "contains_all",
    "error_score",
    "evidence_in",
    "first_relevant_rank",
    "first_value_rank",
    "mrr",
    "numbers_in",
    "percentile",
    "recall_at",
    "score_answer",
    "squash",
    "text_has_value",
]

_EMPTY_WORDS = ("空表", "为空", "无数据", "没有数据", "本表无", "未安排")


def _expected(q: Question) -> Part:
    return Part(value=q.value, unit=q.unit, tolerance=q.tolerance, round=q.round, comparison=q.comparison)


def _half_up(value: float, places: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def value_matches(want: Part, got: float | None, got_unit: str | None, printed_in: str | None = None) -> bool:
    """The answered value equals the expected one (money converted; `round` / `tolerance` as given); `printed_in`:
    the unit the cited figure is printed in."""
    if got is None or want.value is None:
        return False
    conv = value_in_unit(got, got_unit, want.unit)
    if conv is None:
        return False
    if want.round is not None:
        return _half_up(conv, want.round) == _half_up(want.value, want.round)
    if want.tolerance is None and normalize_unit(want.unit) in MONEY_UNITS:
        places = decimals(want.value)
        # the same amount from a print in a smaller unit (16,726,725.44 元 for 1672.67 万元, two or more
        # extra decimals once converted; 8.1 for a printed 8 is a different figure, not a finer print):
        # it must round to the expected figure at the decimals that figure is written with
        if decimals(conv) >= places + 2:
            return round(conv, places) == round(want.value, places)
        # a figure cited from a print in a smaller unit (99,750 元 for 9.98 万元) rounds half up, as documents do
        if decimals(conv) > places and _SMALLER.get(normalize_unit(printed_in) or "", 0) > _SMALLER.get(
            normalize_unit(want.unit) or "", 0
        ):
            return _half_up(conv, places) == _half_up(want.value, places)
    return close(conv, want.value, want.tolerance)


_SMALLER = {"元": 3, "万元": 2, "亿元": 1}  # money units: the smaller the unit, the larger its number


# a question asking an amount in a money unit (多少元, 多少万, 几亿, 多少块钱); `花了多少钱` asks none
_MONEY_ASKED = re.compile("元|块钱|[多少几]万|亿")


def _unit_ok(q: Question, want: Part, got: float | None, got_unit: str | None) -> bool:
    """The answer's unit is the one expected; an amount asked in no unit (`…的钱是多少？`) may be given in the
    unit the document prints it in, the value then being compared converted."""
    w, have = normalize_unit(want.unit), normalize_unit(got_unit)
    if q.kind == "empty" and got == 0:
        return w is None or have is None or have == w or (have in MONEY_UNITS and w in MONEY_UNITS)
    if have in MONEY_UNITS and w in MONEY_UNITS and not _MONEY_ASKED.search(q.question):
        return True
    return w == have


def _answered_unit(q: Question, unit: str | None) -> str | None:
    """The unit an answer is in, as the question asks it: `每台最多能花多少元` expects 元 and the document prints
    8500元/台, an amount per the thing the question says (每台) in the unit asked (when the expected unit is no
    amount per thing itself)."""
    money, _, per = (unit or "").partition("/")
    return money if per and f"每{per}" in q.question and "/" not in (q.unit or "") else unit


def states_comparison(ans: Answer, comparison: str) -> bool:
    """The answer carries the comparison: a `comparison` attribute, the symbol, or a word for it."""
    own = getattr(ans, "comparison", None)
    if own is not None:
        return bool(own == comparison)
    spelled: list[str] = words()["comparison"].get(comparison, [comparison])
    return any(w in ans.answer for w in spelled)


def says_not_given(ans: Answer) -> bool:
    """A part answered without a number that says the document does not give it."""
    return ans.value is None and (ans.abstained or any(w in ans.answer for w in words()["not_given"]["words"]))


def _texts(citations: Sequence[Citation]) -> list[str]:
    """What each citation shows (quote and locator), then the lines its region prints on the page (eval/regions)."""
    return [citation_text(c) for c in citations] + [REGION_MARK + t for c in citations if (t := REGIONS.text(c))]


def _citation_ok(q: Question, texts: Sequence[str]) -> bool:
    # derived values (computed, across documents) are printed nowhere: the operands must be cited;
    # an empty table prints no figure: its note must be cited
    if q.kind in ("computed", "cross_doc", "empty") or q.derived or q.value is None:
        return evidence_cited(texts, q.evidence)
    return any(text_has_value(t, q.value, q.unit) for t in texts)


def _printed_in(ans: Answer) -> str | None:
    """The unit the answer's first citation that records one prints its figure in (a table cell's), if any."""
    return next((c.unit for c in ans.citations if c.unit), None)


def _judge_value(
    q: Question, want: Part, ans: Answer, asked: int | None, reasons: list[str], label: str = ""
) -> tuple[bool, bool]:
    """(right, wrong year) for one answered figure: value, unit, comparison, year; appends why not to `reasons`."""
    if ans.value is None:
        reasons.append(f"{label}abstained" if ans.abstained else f"{label}no number")
        return False, False
    ok = True
    unit = _answered_unit(q, ans.unit)
    if not value_matches(want, ans.value, unit, _printed_in(ans)):
        reasons.append(f"{label}wrong value")
        ok = False
    if not _unit_ok(q, want, ans.value, unit):
        reasons.append(f"{label}wrong unit ({ans.unit} for {want.unit})")
        ok = False
    if ans.abstained and q.kind != "empty":
        reasons.append(f"{label}abstained with a number")
        ok = False
    if want.comparison and want.comparison != "=" and not states_comparison(ans, want.comparison):
        reasons.append(f"{label}comparison {want.comparison} not stated")
        ok = False
    wrong_year = is_wrong_year(ans, asked)
    if wrong_year:
        reasons.append(f"{label}wrong year ({answer_year(ans, asked)} for {asked})")
    return ok and not wrong_year, wrong_year


@dataclass(slots=True)
class _Parts:
    right: list[bool] = field(default_factory=list)  # value, unit, comparison, year of each part
    cited: list[bool] = field(default_factory=list)  # each part's citations hold its evidence
    hallucinated: bool = False
    wrong_year: bool = False


def _score_parts(q: Question, ans: Answer, asked: int | None, reasons: list[str], doc_year: int | None) -> _Parts:
    """Each expected part against the answer's part in the same place."""
    out = _Parts()
    pieces = parts_said(q)
    for i, want in enumerate(q.parts):
        label = f"part {i + 1}: "
        got = ans.parts[i] if i < len(ans.parts) else None
        if got is None:
            reasons.append(f"{label}not answered")
            out.right.append(False)
            out.cited.append(False)
            continue
        if want.value is None:
            ok = says_not_given(got)
            if got.value is not None:
                out.hallucinated = True
                reasons.append(f"{label}gave a number the document does not give")
            elif not ok:
                reasons.append(f"{label}did not say the document does not give it")
            out.right.append(ok)
            out.cited.append(True)
            continue
        said = (year_said(pieces[i]) or year_carried(pieces, i, asked)) if pieces else None
        # …？顺便问下2025年…: that part's year only; a date named alone is the dated part's only
        later = bool(pieces) and named_after(pieces, i, doc_year)
        whole = doc_year if later or (doc_year is not None and only_dated(q.question, doc_year)) else asked
        part_asked = next(
            (y for y in (want.year, said) if y is not None),
            part_year(got.question, whole, doc_year) if got.question else whole,
        )
        ok, wrong_year = _judge_value(q, want, got, part_asked, reasons, label)
        out.wrong_year |= wrong_year
        texts = _texts(got.citations)
        cited = (
            not q.evidence
            or any(evidence_in(t, e) for t in texts for e in q.evidence)
            or any(quotes_part_of(t, e) and text_has_value(t, want.value, want.unit) for t in texts for e in q.evidence)
        )
        if not cited and got.value is not None:
            reasons.append(f"{label}evidence not cited")
        out.right.append(ok)
        out.cited.append(cited)
    return out


@dataclass(slots=True)
class _Verdict:
    """What the scorer found of one answer, before it becomes a `Score`."""

    correct: bool
    value_ok: bool
    unit_ok: bool
    citation_ok: bool | None = None
    cites_evidence: bool | None = None
    comparison_ok: bool | None = None
    parts_ok: list[bool] | None = None
    hallucinated: bool = False
    wrong_year: bool = False


def _judge_compound(
    q: Question, ans: Answer, asked: int | None, texts: list[str], reasons: list[str], doc_year: int | None
) -> _Verdict:
    """A compound question: every part right and cited, and the question's own evidence cited."""
    parts = _score_parts(q, ans, asked, reasons, doc_year)
    parts_ok = [r and c for r, c in zip(parts.right, parts.cited, strict=True)]
    cites_evidence = all(parts.cited)
    if q.evidence and not evidence_cited(texts, q.evidence):
        cites_evidence = False
        reasons.append("evidence not cited")
    right = all(parts.right)
    return _Verdict(
        correct=all(parts_ok) and cites_evidence,
        value_ok=right,
        unit_ok=right,
        cites_evidence=cites_evidence,
        parts_ok=parts_ok,
        hallucinated=parts.hallucinated,
        wrong_year=parts.wrong_year,
    )


def _judge_abstention(ans: Answer, reasons: list[str]) -> _Verdict:
    """A question the document is silent on: right only when the engine abstains and gives no number."""
    gave_number = ans.value is not None
    correct = ans.abstained and not gave_number
    if gave_number:
        reasons.append("gave a number where the document is silent")
    elif not ans.abstained:
        reasons.append("did not abstain")
    return _Verdict(correct=correct, value_ok=correct, unit_ok=correct, hallucinated=gave_number)


def _judge_single(
    q: Question, want: Part, ans: Answer, asked: int | None, texts: list[str], reasons: list[str]
) -> _Verdict:
    """A value question: value, unit and year right, the comparison stated, the evidence cited."""
    unit = _answered_unit(q, ans.unit)
    verdict = _Verdict(
        correct=False,
        value_ok=q.value is not None and value_matches(want, ans.value, unit, _printed_in(ans)),
        unit_ok=_unit_ok(q, want, ans.value, unit),
    )
    correct, verdict.wrong_year = _judge_value(q, want, ans, asked, reasons)
    if q.comparison and q.comparison != "=":  # "=" (a target met exactly) needs no wording
        verdict.comparison_ok = states_comparison(ans, q.comparison)
    if ans.value is not None:
        verdict.citation_ok = _citation_ok(q, texts)
        if q.evidence:
            verdict.cites_evidence = evidence_cited(texts, q.evidence)
            if verdict.cites_evidence is False:
                reasons.append("evidence not cited")
    verdict.correct = correct and verdict.cites_evidence is not False
    return verdict


def score_answer(q: Question, ans: Answer, *, latency_ms: float | None = None, doc_year: int | None = None) -> Score:
    """Score one answer against its question (see the module docstring); `doc_year`: its document's year."""
    got, got_unit = ans.value, ans.unit
    reasons: list[str] = []
    asked = asked_year(q, doc_year)
    all_cites = [*ans.citations, *(c for p in ans.parts for c in p.citations)]
    texts = _texts(all_cites)
    want = _expected(q)
    if q.parts:
        verdict = _judge_compound(q, ans, asked, texts, reasons, doc_year)
    elif q.expects_abstention:
        verdict = _judge_abstention(ans, reasons)
    else:
        verdict = _judge_single(q, want, ans, asked, texts, reasons)
    score = Score(
        id=q.id,
        kind=q.kind,
        docs=list(q.docs),
        question=q.question,
        expected=q.value,
        expected_unit=q.unit,
        got=got,
        got_unit=got_unit,
        answer=ans.answer,
        abstained=ans.abstained,
        correct=bool(verdict.correct),
        value_ok=verdict.value_ok,
        unit_ok=verdict.unit_ok,
        citation_ok=verdict.citation_ok,
        cites_evidence=verdict.cites_evidence,
        hallucinated=verdict.hallucinated,
        latency_ms=latency_ms if latency_ms is not None else float(ans.timings_ms.get("total", 0.0)),
        reasons=reasons,
        intent=ans.intent,
        timings_ms=dict(ans.timings_ms),
        grounding=dict(ans.grounding) if ans.grounding else None,
        comparison_ok=verdict.comparison_ok,
        asked_year=asked,
        answer_year=answer_year(ans, asked) if got is not None else None,
        wrong_year=verdict.wrong_year,
        parts_ok=verdict.parts_ok,
        cited_docs=list(dict.fromkeys(c.doc for c in all_cites)),
    )
    if q.kind == "conflict":
        score.warned = bool(ans.warnings)
    if q.kind == "empty":
        score.says_empty = any(w in ans.answer for w in _EMPTY_WORDS)
    return score
