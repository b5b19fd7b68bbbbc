"""Question sets: load JSONL files of eval questions and find the documents they name.

One JSON object per line (blank lines and lines starting with `#` are skipped)::

    {"id": "dapeng-001", "docs": ["shenzhen_dapeng_data_bureau_2022_dept_budget.txt"],
     "question": "政府投资项目预算多少？", "kind": "text",
     "answer": {"value": 2008, "unit": "万元"}, "evidence": ["政府投资项目 2,008 万元"],
     "page": null, "note": "..."}

`answer` is null for `absent` questions (and for `prior_year_long` ones the document
gives no way to derive); it may carry `comparison` (targets), `tolerance` (rounded or
computed figures), `empty: true` (a table published empty) and the question may carry
`conflict_values` (conflict questions) and `year` (the year whose figure is asked).
`compound` questions give `answer.parts` instead of a value: one entry per sub-question,
in question order, `null` where the document does not give that part.
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
# kinds whose answer may be null: the right response is to abstain
NULL_ANSWER_KINDS = ("absent", "prior_year_long")

REPO_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_DIR = Path(__file__).resolve().parent / "questions"


class QuestionSetError(BudgetQAError):
    """A question file is malformed or names a document that cannot be found."""


@dataclass(frozen=True, slots=True)
class Part:
    """One sub-question's expected answer in a compound question; `value` None: the document is silent."""

    value: float | None
    unit: str | None = None
    comparison: str | None = None
    tolerance: float | None = None
    year: int | None = None


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
    parts: tuple[Part, ...] = ()  # compound questions: value/unit above are the first part's
    year: int | None = None  # the year whose figure is asked, when given

    @property
    def expects_abstention(self) -> bool:
        if self.parts:
            return all(p.value is None for p in self.parts)
        return self.value is None


def _float(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise QuestionSetError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _year(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise QuestionSetError(f"{where}: 'year' must be an integer year, got {value!r}")
    return value


def _parts(answer: dict[str, Any], where: str) -> tuple[Part, ...]:
    """The sub-answers of a compound question: at least two, each an object with a value or null."""
    raw = answer.get("parts")
    if not isinstance(raw, list) or len(raw) < 2:
        raise QuestionSetError(f"{where}: a compound answer needs 'parts', a list of two or more entries")
    parts: list[Part] = []
    for n, item in enumerate(raw, 1):
        if item is None:
            parts.append(Part(None))
            continue
        if not isinstance(item, dict):
            raise QuestionSetError(f"{where}: part {n} must be an object or null")
        if item.get("value") is None:
            parts.append(Part(None, item.get("unit")))
            continue
        tol = item.get("tolerance")
        parts.append(
            Part(
                value=_float(item["value"], f"{where} part {n}"),
                unit=item.get("unit"),
                comparison=item.get("comparison"),
                tolerance=_float(tol, where) if tol is not None else None,
                year=_year(item.get("year"), where),
            )
        )
    if all(p.value is None for p in parts):
        raise QuestionSetError(f"{where}: a compound answer needs at least one part with a value")
    return tuple(parts)


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
    empty = False
    parts: tuple[Part, ...] = ()
    if kind == "compound":
        if not isinstance(answer, dict):
            raise QuestionSetError(f"{where}: a compound question needs an answer object with 'parts'")
        parts = _parts(answer, where)
        value, unit, comparison, tolerance = parts[0].value, parts[0].unit, parts[0].comparison, parts[0].tolerance
    elif answer is not None:
        if not isinstance(answer, dict):
            raise QuestionSetError(f"{where}: 'answer' must be an object or null")
        if answer.get("value") is not None:
            value = _float(answer["value"], where)
        unit = answer.get("unit")
        comparison = answer.get("comparison")
        tol = answer.get("tolerance", obj.get("tolerance"))
        tolerance = _float(tol, where) if tol is not None else None
        empty = bool(answer.get("empty", False))
    if value is None and kind not in NULL_ANSWER_KINDS and not parts:
        raise QuestionSetError(
            f"{where}: kind {kind!r} needs an answer value (only {', '.join(NULL_ANSWER_KINDS)} questions may have none)"
        )
    evidence = obj.get("evidence") or []
    if isinstance(evidence, str):
        evidence = [evidence]
    conflicts = obj.get("conflict_values") or (answer or {}).get("conflict_values") or []
    known = {
        "id",
        "docs",
        "question",
        "kind",
        "answer",
        "evidence",
        "page",
        "note",
        "conflict_values",
        "tolerance",
        "year",
    }
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
        parts=parts,
        year=_year(obj.get("year"), where),
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


def default_files() -> list[Path]:
    """The question sets shipped in eval/questions/, without the blind sets (`blind_*.jsonl`).

    A blind set is measured once, at the end of a piece of work, so it is run only when named.
    """
    return sorted(p for p in QUESTIONS_DIR.glob("*.jsonl") if not p.name.startswith("blind_"))


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
