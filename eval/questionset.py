"""Question sets: load JSONL files of eval questions and find the documents they name.

One JSON object per line (blank lines and lines starting with `#` are skipped)::

    {"id": "dapeng-001", "docs": ["shenzhen_dapeng_data_bureau_2022_dept_budget.txt"],
     "question": "政府投资项目预算多少？", "kind": "text",
     "answer": {"value": 2008, "unit": "万元"}, "evidence": ["政府投资项目 2,008 万元"],
     "page": null, "note": "..."}

`answer` is null for `absent` questions; it may carry `comparison` (targets),
`tolerance` and `round` (rounded or computed figures), `empty: true` (a table
published empty) and the question may carry `conflict_values` (conflict questions).
A `compound` question's answer is `{"parts": [{"value", "unit", ...} | null, ...]}`,
one entry per sub-question in the order asked (null: the document does not give it).
An optional `year` names the year whose figure is asked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.errors import BudgetQAError

KINDS = (
    "table",
    "text",
    "target",
    "paraphrase",
    "change",
    "rate",
    "computed",
    "absent",
    "empty",
    "conflict",
    "cross_doc",
    "compound",
    "prior_year_long",
    "count",
    "final_columns",
)
COMPARISONS = ("≥", "≤", ">", "<")
# kinds whose expected answer may be null (abstain): the document is silent / gives no way to derive it
MAY_ABSTAIN = ("absent", "prior_year_long")

REPO_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_DIR = Path(__file__).resolve().parent / "questions"


class QuestionSetError(BudgetQAError):
    """A question file is malformed or names a document that cannot be found."""


@dataclass(frozen=True, slots=True)
class Part:
    """One sub-question's expected answer in a compound question."""

    value: float
    unit: str | None
    tolerance: float | None = None
    round: int | None = None
    comparison: str | None = None
    evidence: tuple[str, ...] = ()  # the part's own evidence, when the question gives it


@dataclass(frozen=True, slots=True)
class Question:
    """One eval question with its expected answer."""

    id: str
    docs: tuple[str, ...]
    question: str
    kind: str
    value: float | None  # None: the document is silent (absent)
    unit: str | None
    evidence: tuple[str, ...] = ()
    page: int | None = None
    note: str = ""
    comparison: str | None = None
    tolerance: float | None = None
    empty: bool = False
    conflict_values: tuple[float, ...] = ()
    source: str = ""  # the JSONL file it came from
    extra: dict[str, Any] = field(default_factory=dict)
    round: int | None = None  # decimals the expected value is rounded to
    year: int | None = None  # the year whose figure is asked, when the question file says
    parts: tuple[Part | None, ...] = ()  # compound questions: expected parts in order (None: not given)

    @property
    def expects_abstention(self) -> bool:
        return self.value is None and not self.parts


def _float(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise QuestionSetError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _int(value: Any, where: str, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise QuestionSetError(f"{where}: {name!r} must be a whole number, got {value!r}")
    return value


def _comparison(value: Any, where: str) -> str | None:
    if value is not None and value not in COMPARISONS:
        raise QuestionSetError(f"{where}: comparison must be one of {', '.join(COMPARISONS)}, got {value!r}")
    return value if value is None else str(value)


def _part(obj: Any, where: str) -> Part | None:
    if obj is None:
        return None
    if not isinstance(obj, dict) or obj.get("value") is None:
        raise QuestionSetError(f"{where}: each answer part must be null or an object with a value")
    tol = obj.get("tolerance")
    evidence = obj.get("evidence") or []
    return Part(
        value=_float(obj["value"], where),
        unit=obj.get("unit"),
        tolerance=_float(tol, where) if tol is not None else None,
        round=_int(obj.get("round"), where, "round"),
        comparison=_comparison(obj.get("comparison"), where),
        evidence=tuple(str(e) for e in ([evidence] if isinstance(evidence, str) else evidence) if str(e).strip()),
    )


def parse_question(obj: dict[str, Any], where: str = "") -> Question:
    """Build a `Question` from one decoded JSON object, checking the fields the scorer needs."""
    for key in ("id", "docs", "question", "kind"):
        if key not in obj:
            raise QuestionSetError(f"{where}: missing field {key!r}")
    docs = obj["docs"]
    if isinstance(docs, str):
        docs = [docs]
    answer = obj.get("answer")
    kind = str(obj["kind"])
    value: float | None = None
    unit: str | None = None
    comparison = tolerance = None
    rounding: int | None = None
    empty = False
    parts: tuple[Part | None, ...] = ()
    if answer is not None:
        if not isinstance(answer, dict):
            raise QuestionSetError(f"{where}: 'answer' must be an object or null")
        if answer.get("parts") is not None:
            if not isinstance(answer["parts"], list) or len(answer["parts"]) < 2:
                raise QuestionSetError(f"{where}: 'parts' must list two or more expected answers")
            parts = tuple(_part(p, where) for p in answer["parts"])
            first = next((p for p in parts if p is not None), None)
            if first is not None:  # the top-level figure is the first part given
                answer = {"value": first.value, "unit": first.unit, **answer}
        if answer.get("value") is not None:
            value = _float(answer["value"], where)
        unit = answer.get("unit")
        comparison = _comparison(answer.get("comparison"), where)
        tol = answer.get("tolerance", obj.get("tolerance"))
        tolerance = _float(tol, where) if tol is not None else None
        rounding = _int(answer.get("round"), where, "round")
        empty = bool(answer.get("empty", False))
    if value is None and kind not in MAY_ABSTAIN and not parts:
        raise QuestionSetError(
            f"{where}: kind {kind!r} needs an answer value (only {' and '.join(MAY_ABSTAIN)} questions may have none)"
        )
    evidence = obj.get("evidence") or []
    if isinstance(evidence, str):
        evidence = [evidence]
    conflicts = obj.get("conflict_values") or (answer or {}).get("conflict_values") or []
    known = {
        "id", "docs", "question", "kind", "answer", "evidence", "page", "note", "conflict_values", "tolerance", "year"
    }  # fmt: skip
    return Question(
        id=str(obj["id"]),
        docs=tuple(str(d) for d in docs),
        question=str(obj["question"]),
        kind=kind,
        value=value,
        unit=unit,
        evidence=tuple(str(e) for e in evidence if str(e).strip()),
        page=obj.get("page"),
        note=str(obj.get("note") or ""),
        comparison=comparison,
        tolerance=tolerance,
        empty=empty,
        conflict_values=tuple(_float(v, where) for v in conflicts),
        source=where.rsplit(":", 1)[0],
        extra={k: v for k, v in obj.items() if k not in known},
        round=rounding,
        year=_int(obj.get("year"), where, "year"),
        parts=parts,
    )


def load_questions(path: Path) -> list[Question]:
    """Read one JSONL question file."""
    out: list[Question] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{path.name}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise QuestionSetError(f"{where}: not valid JSON ({err.msg})") from err
            q = parse_question(obj, where)
            if q.id in seen:
                raise QuestionSetError(f"{where}: duplicate id {q.id!r}")
            seen.add(q.id)
            out.append(q)
    return out


BLIND_PREFIX = "blind_"


def default_files() -> list[Path]:
    """The question sets shipped in eval/questions/, except the blind sets (`blind_*.jsonl`).

    A blind set is measured once, on purpose, by naming its file; it never runs by default
    so that no tuning loop sees it.
    """
    return sorted(p for p in QUESTIONS_DIR.glob("*.jsonl") if not p.name.startswith(BLIND_PREFIX))


def search_dirs(question_file: Path, extra: list[Path] | None = None) -> list[Path]:
    """Where a question file's documents are looked for, in order."""
    here = question_file.resolve().parent
    dirs = [*(extra or []), here, here / "docs", REPO_ROOT / "tests" / "fixtures", REPO_ROOT / "index" / "data"]
    return [d for d in dirs if d.is_dir()]


def resolve_doc(name: str, dirs: list[Path]) -> Path:
    """The file a question names: an existing path, or a file name found in one of `dirs`."""
    direct = Path(name).expanduser()
    if direct.is_absolute() and direct.is_file():
        return direct
    for d in dirs:
        cand = d / name
        if cand.is_file():
            return cand.resolve()
    looked = ", ".join(str(d) for d in dirs) or "(no folders)"
    raise QuestionSetError(
        f"document {name!r} not found; looked in {looked}. Put it beside the JSONL file or pass --docs DIR."
    )
