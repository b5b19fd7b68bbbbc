"""Score answers against expected values: value, unit, citation, abstention, retrieval rank.

Rules (kept strict on purpose, so the benchmark can fail):

- **value_ok**: the answer's value equals the expected value after converting money
  between 元/万元/亿元 (relative 1e-9), or within the question's own `tolerance`. An
  amount given at least two decimals more precisely than the expected figure is written,
  as a 元 amount converted to 万元 is (the table prints 16,726,725.44 元, the text and the
  question's answer 1672.67 万元), must round to it at the expected figure's decimals;
  no other tolerance (8.1 never stands for a printed 8).
  Other units (%, 人, 辆, 个…) are never converted.
- **unit_ok**: the answer's unit is the expected unit (after folding ％→%, 万→万元…).
  An answer is **correct only if both hold**: 20,080,000 元 for a question whose
  expected answer is 2,008 万元 has the right value but the wrong unit and counts wrong;
  2,008 元 has the right number in the wrong unit and counts wrong too.
- **absent** questions: correct iff the engine abstains and gives no number; any
  number given is counted wrong and also as *hallucinated*.
- **empty** questions: correct iff the engine answers (no abstention) with 0.
- **conflict** questions: correct iff the value is the table value; whether a
  warning was shown is recorded, not required.
- **citation_ok**: some citation's quote (or quote + locator) prints the expected
  value in some form ("2,008", "2008", "2,087,959.00" for 208.80 万元…). For
  `computed` and `cross_doc` questions, whose value is derived and printed nowhere, and
  for `empty` questions, whose table prints no figure, the citations must instead contain
  every evidence string (thousands separators and whitespace ignored). `cites_evidence` records whether the evidence strings are
  all found in the citations.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from assistant.answer_types import Answer, Citation
from eval.questionset import Question
from index.model import MONEY_UNITS, convert_money

_UNIT_ALIASES = {"％": "%", "百分比": "%", "万": "万元", "亿": "亿元", "元人民币": "元", "人民币元": "元"}
_NUMBER = re.compile(r"(?<![\d.])[-−]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|(?<![\d.])[-−]?\d+(?:\.\d+)?")
_SPACE = re.compile(r"\s+")
# figures (with a trailing %) and quotation marks: what some PDF text layers print on the line below
_LIFTED = re.compile(r"[-−]?\d[\d,.]*%?|[“”\"‘’]")
_EMPTY_WORDS = ("空表", "为空", "无数据", "没有数据", "本表无", "未安排")
_REL = 1e-9


def normalize_unit(unit: str | None) -> str | None:
    """Fold unit spellings: `％`→`%`, `万`→`万元`; empty string → None."""
    if unit is None:
        return None
    u = unicodedata.normalize("NFKC", unit).strip()
    if not u:
        return None
    return _UNIT_ALIASES.get(u, u)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")


def squash(text: str) -> str:
    """Text compared for containment: NFKC-folded, whitespace and thousands separators removed."""
    return _THOUSANDS.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def contains_all(text: str, needles: Iterable[str]) -> bool:
    """True when every needle occurs in `text` after `squash` (False when there are no needles)."""
    hay = squash(text)
    wanted = [squash(n) for n in needles if squash(n)]
    return bool(wanted) and all(n in hay for n in wanted)


def numbers_in(text: str) -> list[str]:
    """Numbers as printed in `text` ("2,087,959.00", "208.8", "-3"), thousands separators kept."""
    folded = unicodedata.normalize("NFKC", text).replace("，", ",")
    return [m.group(0).replace("−", "-") for m in _NUMBER.finditer(folded)]


def _decimals(value: float) -> int:
    """Decimal places a number was written with (2008 → 0, 208.8 → 1)."""
    try:
        exp = Decimal(repr(value)).normalize().as_tuple().exponent
    except InvalidOperation:
        return 0
    return max(0, -exp) if isinstance(exp, int) else 0


def _close(a: float, b: float, tolerance: float | None = None) -> bool:
    if tolerance is not None:
        return abs(a - b) <= tolerance + 1e-12
    return math.isclose(a, b, rel_tol=_REL, abs_tol=1e-9)


def value_in_unit(value: float, unit: str | None, to: str | None) -> float | None:
    """`value` (in `unit`) expressed in `to`; None when the units cannot be converted."""
    u, t = normalize_unit(unit), normalize_unit(to)
    if u == t:
        return value
    if u in MONEY_UNITS and t in MONEY_UNITS:
        return convert_money(value, u, t)
    if u is None or t is None:
        return value  # a bare number: compared as is, the unit check decides
    return None


def text_has_value(text: str, value: float, unit: str | None) -> bool:
    """Does `text` print `value` (in `unit`) in some form?

    Within the same unit the printed number must equal the value exactly (so
    8.1 does not stand for 8); a money figure printed in another money unit
    counts when, converted, it rounds to the value's own decimals
    (2,087,959.00 元 stands for 208.8 万元).
    """
    u = normalize_unit(unit)
    target_dec = _decimals(value)
    for printed in numbers_in(text):
        n = float(printed.replace(",", ""))
        for cand in (n, -n) if value < 0 else (n,):
            if _close(cand, value):
                return True
            if u in MONEY_UNITS:
                for other in MONEY_UNITS:
                    if other == u:
                        continue
                    conv = convert_money(cand, other, u)
                    if conv != 0 and round(conv, target_dec) == round(value, target_dec) and abs(conv - value) < 1:
                        return True
    return False


def citation_text(c: Citation | dict[str, Any]) -> str:
    """What a person sees at a citation: its quote and its locator."""
    if isinstance(c, dict):
        return f"{c.get('quote', '')} {c.get('locator', '')}"
    return f"{c.quote} {c.locator}"


@dataclass(slots=True)
class Score:
    """The verdict on one question."""

    id: str
    kind: str
    docs: list[str]
    question: str
    expected: float | None
    expected_unit: str | None
    got: float | None
    got_unit: str | None
    answer: str
    abstained: bool
    correct: bool
    value_ok: bool
    unit_ok: bool
    citation_ok: bool | None  # None: not applicable (abstained, or no value expected)
    cites_evidence: bool | None
    hallucinated: bool = False  # gave a number where the document is silent
    warned: bool | None = None  # conflict questions: a warning was shown
    says_empty: bool | None = None  # empty questions: the text says the table is empty
    retrieval_rank: int | None = None  # 1-based rank of the first relevant chunk, None if not found
    retrieval_scored: bool = False
    latency_ms: float = 0.0
    error: str | None = None  # the engine raised instead of answering
    reasons: list[str] = field(default_factory=list)
    intent: str | None = None  # what the engine took the question for
    timings_ms: dict[str, float] = field(default_factory=dict)  # the engine's own stage timings
    grounding: dict[str, Any] | None = None  # LLM mode: the written answer's grounding counts (Answer.grounding)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _value_ok(q: Question, got: float | None, got_unit: str | None) -> bool:
    if got is None or q.value is None:
        return False
    conv = value_in_unit(got, got_unit, q.unit)
    if conv is None:
        return False
    if q.tolerance is None and normalize_unit(q.unit) in MONEY_UNITS and _decimals(conv) >= _decimals(q.value) + 2:
        # the same amount from a print in a smaller unit (16,726,725.44 元 for 1672.67 万元, two or more
        # extra decimals once converted; 8.1 for a printed 8 is a different figure, not a finer print):
        # it must round to the expected figure at the decimals that figure is written with
        places = _decimals(q.value)
        return round(conv, places) == round(q.value, places)
    return _close(conv, q.value, q.tolerance)


def _unit_ok(q: Question, got: float | None, got_unit: str | None) -> bool:
    want, have = normalize_unit(q.unit), normalize_unit(got_unit)
    if q.kind == "empty" and got == 0:
        return want is None or have is None or have == want or (have in MONEY_UNITS and want in MONEY_UNITS)
    return want == have


def _citation_ok(q: Question, citations: Sequence[Citation | dict[str, Any]]) -> bool:
    texts = [citation_text(c) for c in citations]
    # derived values (computed, across documents) are printed nowhere: the operands must be cited;
    # an empty table prints no figure: its note must be cited
    if q.kind in ("computed", "cross_doc", "empty") or q.value is None:
        return bool(q.evidence) and contains_all(" ".join(texts), q.evidence)
    return any(text_has_value(t, q.value, q.unit) for t in texts)


def score_answer(q: Question, ans: Answer, *, latency_ms: float | None = None) -> Score:
    """Score one answer against its question (see the module docstring for the rules)."""
    got, got_unit = ans.value, ans.unit
    gave_number = got is not None
    reasons: list[str] = []
    value_ok = _value_ok(q, got, got_unit)
    unit_ok = _unit_ok(q, got, got_unit)
    citation_ok: bool | None = None
    cites_evidence: bool | None = None
    hallucinated = False
    if q.kind == "absent" or q.value is None:
        correct = ans.abstained and not gave_number
        hallucinated = gave_number
        value_ok = unit_ok = correct
        if hallucinated:
            reasons.append("gave a number where the document is silent")
        elif not ans.abstained:
            reasons.append("did not abstain")
    else:
        if ans.abstained and not gave_number:
            reasons.append("abstained")
        elif not gave_number:
            reasons.append("no number")
        else:
            if not value_ok:
                reasons.append("wrong value")
            if not unit_ok:
                reasons.append(f"wrong unit ({got_unit} for {q.unit})")
        if gave_number:
            citation_ok = _citation_ok(q, ans.citations)
            if q.evidence:
                cites_evidence = contains_all(" ".join(citation_text(c) for c in ans.citations), q.evidence)
        correct = gave_number and value_ok and unit_ok and not (ans.abstained and q.kind != "empty")
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
        correct=bool(correct),
        value_ok=value_ok,
        unit_ok=unit_ok,
        citation_ok=citation_ok,
        cites_evidence=cites_evidence,
        hallucinated=hallucinated,
        latency_ms=latency_ms if latency_ms is not None else float(ans.timings_ms.get("total", 0.0)),
        reasons=reasons,
        intent=ans.intent,
        timings_ms=dict(ans.timings_ms),
        grounding=dict(ans.grounding) if ans.grounding else None,
    )
    if q.kind == "conflict":
        score.warned = bool(ans.warnings)
    if q.kind == "empty":
        score.says_empty = any(w in ans.answer for w in _EMPTY_WORDS)
    return score


def error_score(q: Question, message: str, latency_ms: float = 0.0) -> Score:
    """A question the engine failed on (raised): counted wrong, never as an abstention."""
    return Score(
        id=q.id,
        kind=q.kind,
        docs=list(q.docs),
        question=q.question,
        expected=q.value,
        expected_unit=q.unit,
        got=None,
        got_unit=None,
        answer="",
        abstained=False,
        correct=False,
        value_ok=False,
        unit_ok=False,
        citation_ok=None,
        cites_evidence=None,
        latency_ms=latency_ms,
        error=message,
        reasons=[f"error: {message}"],
    )


# ---- retrieval --------------------------------------------------------------------------


def _find_token(hay: str, token: str, start: int) -> int:
    """End index of the first occurrence of `token` in `hay` at or after `start`, -1 if none.

    A number token must stand whole: "106" does not match inside "1,060" or "2106".
    """
    numeric = _NUMBER.fullmatch(token) is not None
    pos = hay.find(token, start)
    while pos >= 0:
        end = pos + len(token)
        before = hay[pos - 1] if pos > 0 else ""
        after = hay[end] if end < len(hay) else ""
        if not numeric or (
            not (before.isdigit() or before in ",.")
            and not (after.isdigit() or (after in ",." and hay[end + 1 : end + 2].isdigit()))
        ):
            return end
        pos = hay.find(token, pos + 1)
    return -1


def _without_lifted(text: str) -> str:
    """`squash(text)` without figures (with their %) and quotation marks: what a layout that lifts them off the line leaves."""
    return _LIFTED.sub("", squash(text))


def evidence_in(text: str, evidence: str) -> bool:
    """Does `text` hold one evidence string?

    Either the string itself with whitespace removed ("政府投资项目 2,008 万元" in
    "政府投资项目2,008万元"), or — for table rows, whose chunk puts column names
    between the cells — its whitespace-separated parts in order, numbers whole
    ("2210201 住房公积金 106" in "科目编码 2210201 | 科目名称 住房公积金 | 合计 106"),
    or — for an evidence string with no digits, copied from a text layer that prints
    a sentence's figures and quotation marks on the line below — the string in the
    text once its figures and quotation marks are removed ("年度收入支出总计万元" in
    "2024年度收入支出总计2995.39万元"; the figures are separate evidence strings).
    """
    needle = squash(evidence)
    if needle and needle in squash(text):
        return True
    if needle and not any(ch.isdigit() for ch in needle) and _without_lifted(evidence) in _without_lifted(text):
        return True
    parts = [squash(p) for p in evidence.split() if squash(p)]
    if len(parts) < 2:
        return False
    hay, at = squash(text), 0
    for part in parts:
        at = _find_token(hay, part, at)
        if at < 0:
            return False
    return True


def is_relevant(chunk_text: str, evidence: Sequence[str]) -> bool:
    """A chunk is relevant when it holds every evidence string (see `evidence_in`)."""
    return bool(evidence) and all(evidence_in(chunk_text, e) for e in evidence)


def first_relevant_rank(texts: Sequence[str], evidence: Sequence[str]) -> int | None:
    """Smallest rank r such that the top r chunks hold every evidence string (each in some chunk); None if never.

    With one evidence string this is the rank of the first chunk holding it; a
    computed question whose two figures stand in two places needs both retrieved.
    """
    if not evidence:
        return None
    worst = 0
    for e in evidence:
        rank = next((i for i, t in enumerate(texts, 1) if evidence_in(t, e)), None)
        if rank is None:
            return None
        worst = max(worst, rank)
    return worst


def first_value_rank(texts: Sequence[str], q: Question) -> int | None:
    """1-based rank of the first chunk that prints the expected value (an upper bound for a reader)."""
    if q.value is None:
        return None
    for i, t in enumerate(texts, 1):
        if text_has_value(t, q.value, q.unit):
            return i
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose first relevant chunk is within the top k."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def mrr(ranks: Sequence[int | None], k: int | None = None) -> float:
    """Mean reciprocal rank (0 for a miss or a rank beyond k)."""
    if not ranks:
        return 0.0
    return sum(1.0 / r for r in ranks if r is not None and (k is None or r <= k)) / len(ranks)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank-with-interpolation percentile (p in 0..100); 0 for no values."""
    if not values:
        return 0.0
    xs = sorted(values)
    pos = (len(xs) - 1) * p / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
