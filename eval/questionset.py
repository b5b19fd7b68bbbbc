"""Question sets: load JSONL files of eval questions and find the documents they name.

One JSON object per line (blank lines and lines starting with `#` are skipped)::

    {"id": "dapeng-001", "docs": ["shenzhen_dapeng_data_bureau_2022_dept_budget.txt"],
     "question": "政府投资项目预算多少？", "kind": "text",
     "answer": {"value": 2008, "unit": "万元"}, "evidence": ["政府投资项目 2,008 万元"],
     "page": null, "note": "..."}

`answer` is null for `absent` questions (and for `prior_year_long` /
`final_columns` questions the document gives no way to answer); it may carry
`comparison` (targets), `tolerance` (rounded or computed figures), `round`
(decimals), `empty: true` (a table published empty) and the question may carry
`conflict_values` (conflict questions). A `compound` question (two or more
questions in one) has `"answer": {"parts": [...]}`, one entry per sub-question in
question order, each shaped like an answer or null (the document does not give
that part). An optional `"year"` names the year whose figure is asked; an
optional `"derived": true` (on the question or on a part) marks a value printed
nowhere (a sum, difference, share, or a prior-year figure from a stated change).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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
# kinds whose expected answer may be null: the right response is to abstain
NULL_ANSWER_KINDS = ("absent", "prior_year_long", "final_columns")

REPO_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_DIR = Path(__file__).resolve().parent / "questions"


class QuestionSetError(BudgetQAError):
    """A question file is malformed or names a document that cannot be found."""


@dataclass(frozen=True, slots=True)
class Part:
    """One sub-question's expected answer in a compound question (value None: the document does not give it)."""

    value: float | None
    unit: str | None = None
    comparison: str | None = None
    tolerance: float | None = None
    round: int | None = None
    year: int | None = None
    derived: bool = False

    @property
    def expects_abstention(self) -> bool:
        return self.value is None


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
    parts: tuple[Part, ...] = ()  # compound questions: one per sub-question, in question order
    year: int | None = None  # the year whose figure is asked, when given
    round: int | None = None
    derived: bool = False  # the value is printed nowhere (sum, difference, share, prior year from a change)

    @property
    def expects_abstention(self) -> bool:
        """True when the whole question should be declined (compound: every part)."""
        if self.parts:
            return all(p.value is None for p in self.parts)
        return self.value is None


def _float(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise QuestionSetError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _int(value: Any, where: str, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise QuestionSetError(f"{where}: {what} must be an integer, got {value!r}")
    return value


def _year(value: Any, where: str) -> int | None:
    year = _int(value, where, "'year'")
    if year is not None and not 1949 <= year <= 2100:
        raise QuestionSetError(f"{where}: 'year' {year} is not a plausible budget year")
    return year


def _part(entry: Any, where: str) -> Part:
    """One entry of a compound answer's `parts`: null, or an object with a number `value` and a `unit`."""
    if entry is None:
        return Part(value=None)
    if not isinstance(entry, dict):
        raise QuestionSetError(f"{where}: each entry of 'answer.parts' must be an object or null")
    if entry.get("value") is None:
        raise QuestionSetError(f"{where}: a part needs a 'value' (write null for the whole part instead)")
    unit = entry.get("unit")
    if not isinstance(unit, str) or not unit:
        raise QuestionSetError(f"{where}: a part needs a 'unit'")
    tol = entry.get("tolerance")
    return Part(
        value=_float(entry["value"], where),
        unit=unit,
        comparison=entry.get("comparison"),
        tolerance=_float(tol, where) if tol is not None else None,
        round=_int(entry.get("round"), where, "'round'"),
        year=_year(entry.get("year"), where),
        derived=bool(entry.get("derived", False)),
    )


def _parts(answer: dict[str, Any], where: str) -> tuple[Part, ...]:
    raw = answer.get("parts")
    if not isinstance(raw, list) or len(raw) < 2:
        raise QuestionSetError(f"{where}: a compound question needs 'answer.parts' with two or more entries")
    parts = tuple(_part(entry, f"{where} part {n}") for n, entry in enumerate(raw, 1))
    if all(p.value is None for p in parts):
        raise QuestionSetError(f"{where}: every part is null; ask it as an 'absent' question instead")
    return parts


def expected_answer(obj: dict[str, Any], kind: str, where: str) -> tuple[Part, bool, tuple[Part, ...]]:
    """The question's expected answer: its value, unit, comparison, tolerance and rounding as a `Part`,
    whether the table is published empty, and a compound question's parts (the first part's figures on top,
    as in the engine's answer JSON)."""
    answer = obj.get("answer")
    if answer is not None and not isinstance(answer, dict):
        raise QuestionSetError(f"{where}: 'answer' must be an object or null")
    if kind == "compound":
        if answer is None:
            raise QuestionSetError(f"{where}: a compound question needs 'answer.parts'")
        parts = _parts(answer, where)
        first = parts[0]
        return Part(first.value, first.unit, first.comparison, first.tolerance, first.round), False, parts
    if answer is None:
        return Part(value=None), False, ()
    if "parts" in answer:
        raise QuestionSetError(f"{where}: only compound questions have 'answer.parts'")
    tol = answer.get("tolerance", obj.get("tolerance"))
    top = Part(
        value=_float(answer["value"], where) if answer.get("value") is not None else None,
        unit=answer.get("unit"),
        comparison=answer.get("comparison"),
        tolerance=_float(tol, where) if tol is not None else None,
        round=_int(answer.get("round"), where, "'round'"),
    )
    return top, bool(answer.get("empty", False)), ()


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
    top, empty, parts = expected_answer(obj, kind, where)
    value = top.value
    if value is None and kind not in NULL_ANSWER_KINDS and kind != "compound":
        allowed = ", ".join(repr(k) for k in NULL_ANSWER_KINDS)
        raise QuestionSetError(f"{where}: kind {kind!r} needs an answer value (only {allowed} questions may have none)")
    if kind == "absent" and answer is not None:
        raise QuestionSetError(f"{where}: an 'absent' question has a null answer")
    evidence = obj.get("evidence") or []
    if isinstance(evidence, str):
        evidence = [evidence]
    conflicts = obj.get("conflict_values") or (answer or {}).get("conflict_values") or []
    known = {"id", "docs", "question", "kind", "answer", "evidence", "page", "note", "conflict_values", "tolerance"}
    known |= {"year", "derived"}
    return Question(
        id=str(obj["id"]),
        docs=tuple(str(d) for d in docs),
        question=str(obj["question"]),
        kind=kind,
        value=value,
        unit=top.unit,
        evidence=tuple(str(e) for e in evidence if str(e).strip()),
        page=obj.get("page"),
        note=str(obj.get("note") or ""),
        comparison=top.comparison,
        tolerance=top.tolerance,
        empty=empty,
        conflict_values=tuple(_float(v, where) for v in conflicts),
        source=where.rsplit(":", 1)[0],
        extra={k: v for k, v in obj.items() if k not in known},
        parts=parts,
        year=_year(obj.get("year", (answer or {}).get("year")), where),  # on the question or in its answer
        round=top.round,
        derived=bool(obj.get("derived", (answer or {}).get("derived", False))),
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


def load_sets(files: Sequence[Path], docs_dirs: Sequence[Path] = ()) -> tuple[list[Question], dict[str, Path]]:
    """All questions of `files` and the path of every document they name (file name -> path)."""
    if not files:
        raise QuestionSetError("no question files: pass JSONL files or add some to eval/questions/")
    questions: list[Question] = []
    paths: dict[str, Path] = {}
    seen: set[str] = set()
    for f in files:
        if not f.is_file():
            raise QuestionSetError(f"question file not found: {f}")
        dirs = search_dirs(f, list(docs_dirs))
        for q in load_questions(f):
            if q.id in seen:
                raise QuestionSetError(f"{f.name}: id {q.id!r} also appears in another file")
            seen.add(q.id)
            for name in q.docs:
                if name not in paths:
                    paths[name] = resolve_doc(name, dirs)
            questions.append(q)
    return questions, paths
