"""Consistency rules as data, and what a check returns: `Rule`, `Figure`, `Finding`, `CheckReport`.

Rules live in `assistant/data/check_rules.toml` (or a file given with `--rules`);
this module loads and validates them and holds the small number helpers every
check shares: a printed figure's precision, the rounding slack of a sum of
printed figures, and formatting a computed amount like the document prints it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from index.errors import RulesError
from index.lexicon import data_text
from index.model import Fact
from index.text import squash

SEVERITIES = ("error", "warning", "info")
KINDS = (
    "code_sums",
    "code_total",
    "code_parents",
    "row_identity",
    "change_row",
    "numbered_items",
    "row_sum",
    "cross_table",
    "cross_items",
    "narrative_table",
    "narrative_repeat",
    "stated_change",
    "stated_ratio",
    "stated_share",
    "direction_words",
    "tables_present",
    "empty_tables",
    "year_words",
    "placeholders",
)
_TOLERANCE_UNITS = ("digit", "pp")
# parameters each kind cannot do without
_REQUIRED = {
    "row_identity": ("total", "parts"),
    "numbered_items": ("level1", "level2", "totals"),
    "row_sum": ("side", "total", "parts"),
    "cross_table": ("left", "right"),
    "cross_items": ("left", "right"),
    "stated_ratio": ("ratio", "numerator", "denominator"),
    "stated_share": ("named",),
    "direction_words": ("pattern", "first", "second"),
    "year_words": ("patterns",),
    "placeholders": ("pattern",),
}
_COMMON = {"id", "kind", "description", "severity", "tolerance", "tolerance_unit", "tables", "measures", "stages"}


@dataclass(frozen=True, slots=True)
class Rule:
    """One consistency rule: what must hold, how strictly, and what it reads."""

    id: str
    kind: str
    description: str
    severity: str
    tolerance: float
    tolerance_unit: str  # "digit" (units of the last printed digit) or "pp" (percentage points)
    tables: tuple[str, ...]
    measures: tuple[str, ...]
    stages: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)  # the kind's own parameters, as written

    def applies_to(self, stage: str) -> bool:
        return not self.stages or stage in self.stages

    def reads(self, table_kind: str | None) -> bool:
        return "*" in self.tables or (table_kind or "") in self.tables


@dataclass(frozen=True, slots=True)
class Figure:
    """One printed figure a finding rests on, cited precisely enough for a person to find it."""

    role: str  # what the figure is in the rule: "合计", "款 20103", "文字", "表格", …
    value: float | None
    unit: str
    text: str  # as printed ("2,625", "8.1万元"); for a table without the figure, a note
    locator: str
    quote: str
    page: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    section: str | None = None

    @classmethod
    def of(cls, fact: Fact, role: str = "") -> Figure:
        """The figure a fact stands for, with the fact's provenance."""
        src = fact.source
        return cls(
            role=role or fact.subject,
            value=fact.value,
            unit=fact.unit,
            text=fact.text or format_amount(fact.value, 0, commas=False),
            locator=src.locator,
            quote=src.quote,
            page=src.page,
            table=src.table,
            row=src.row,
            column=src.column,
            section=src.section or (None if src.table else src.locator),
        )

    def cite(self) -> str:
        """`表7 … · 2010301 行政运行 · 支出总计 第15页`."""
        return self.locator + (f" 第{self.page}页" if self.page else "")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Finding:
    """One violated rule: the figures that disagree, each cited, and by how much."""

    rule: str
    kind: str
    severity: str  # "error" | "warning" | "info"
    description: str  # the rule's description
    message: str  # what is wrong here, in one Chinese sentence
    figures: tuple[Figure, ...]
    difference: float | None = None  # left − right (or stated − computed), in `unit`
    unit: str | None = None
    formula: str | None = None  # the computation behind the comparison ("849 + 1,461 + 315 = 2,625")
    rounding: bool = False  # the difference is within the printed figures' rounding

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["figures"] = [f.to_json() for f in self.figures]
        return out


@dataclass(slots=True)
class CheckReport:
    """Every rule run over one document, and what they found."""

    doc_id: str
    title: str
    rules_run: int
    findings: list[Finding]
    skipped: list[str] = field(default_factory=list)  # rules not applicable (stage) — ids
    elapsed_ms: float = 0.0

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "rules_run": self.rules_run,
            "findings": [f.to_json() for f in self.findings],
            "counts": self.counts(),
            "skipped": list(self.skipped),
            "elapsed_ms": round(self.elapsed_ms, 1),
        }


# ---- loading ---------------------------------------------------------------------------------------


def _rule(raw: dict[str, Any], where: str) -> Rule:
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise RulesError(f"{where}: a rule has no id")
    missing = [k for k in ("kind", "description", "severity") if not raw.get(k)]
    if missing:
        raise RulesError(f"{where}: rule {rid} lacks {', '.join(missing)}")
    if raw["kind"] not in KINDS:
        raise RulesError(f"{where}: rule {rid} has unknown kind {raw['kind']!r}; known kinds: {', '.join(KINDS)}")
    if raw["severity"] not in SEVERITIES:
        raise RulesError(f"{where}: rule {rid} has severity {raw['severity']!r}; use one of {', '.join(SEVERITIES)}")
    unit = raw.get("tolerance_unit", "digit")
    if unit not in _TOLERANCE_UNITS:
        raise RulesError(f"{where}: rule {rid} has tolerance_unit {unit!r}; use one of {', '.join(_TOLERANCE_UNITS)}")
    params = {k: v for k, v in raw.items() if k not in _COMMON}
    lacking = [k for k in _REQUIRED.get(raw["kind"], ()) if k not in params]
    if lacking:
        raise RulesError(f"{where}: rule {rid} (kind {raw['kind']}) lacks {', '.join(lacking)}")
    for key, value in params.items():
        for pattern in _patterns(value):
            try:
                re.compile(pattern)
            except re.error as err:
                raise RulesError(f"{where}: rule {rid}, {key}: bad regex {pattern!r} ({err})") from err
    return Rule(
        id=rid,
        kind=raw["kind"],
        description=raw["description"],
        severity=raw["severity"],
        tolerance=float(raw.get("tolerance", 0)),
        tolerance_unit=unit,
        tables=tuple(raw.get("tables", ())),
        measures=tuple(raw.get("measures", ())),
        stages=tuple(raw.get("stages", ())),
        params=params,
    )


def _patterns(value: Any) -> list[str]:
    """Strings under keys that hold regexes (anything with a regex metacharacter is compiled to check it)."""
    if isinstance(value, str):
        return [value] if re.search(r"[\^$\\|()\[\]]", value) else []
    if isinstance(value, list):
        return [p for v in value for p in _patterns(v)]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _patterns(v)]
    return []


def parse_rules(text: str, where: str = "check_rules.toml") -> tuple[list[Rule], dict[str, Any]]:
    """Rules and the file's other tables (severity labels, question words) from TOML text."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RulesError(f"{where}: not valid TOML ({err})") from err
    rules = [_rule(r, where) for r in raw.get("rules", [])]
    if not rules:
        raise RulesError(f"{where}: no [[rules]] entries")
    ids = [r.id for r in rules]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise RulesError(f"{where}: rule ids used twice: {', '.join(dup)}")
    return rules, {k: v for k, v in raw.items() if k != "rules"}


@cache
def _default() -> tuple[tuple[Rule, ...], dict[str, Any]]:
    rules, extra = parse_rules(data_text("assistant.data", "check_rules.toml"))
    return tuple(rules), extra


def load_rules(path: str | Path | None = None) -> list[Rule]:
    """The bundled rules, or those of `path` (RulesError naming the file and rule when unusable)."""
    if path is None:
        return list(_default()[0])
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as err:
        raise RulesError(f"{p}: cannot read the rules file ({err.strerror or err})") from err
    return parse_rules(text, str(p))[0]


def rules_settings() -> dict[str, Any]:
    """The bundled file's tables other than the rules: severity labels and question words."""
    return _default()[1]


# ---- numbers as printed ------------------------------------------------------------------------------


def decimals(text: str) -> int:
    """Digits after the decimal point of a printed figure (`2,106.66` -> 2, `5,883` -> 0)."""
    m = re.search(r"\d\.(\d+)", text)
    return len(m.group(1)) if m else 0


def half_step(fact: Fact) -> float:
    """Half a unit of the fact's last printed digit: how far rounding may have moved it."""
    return 0.5 * 10 ** -decimals(fact.text)


def format_amount(value: float, places: int, *, commas: bool) -> str:
    """`value` printed with `places` decimals, with thousands separators when the document uses them."""
    return f"{value:,.{places}f}" if commas else f"{value:.{places}f}"


def style_of(facts: list[Fact]) -> tuple[int, bool]:
    """(decimals, thousands separators) the facts are printed with, to show computed sums alike."""
    places = max((decimals(f.text) for f in facts), default=0)
    commas = any("," in f.text for f in facts)
    return places, commas


def name_key(text: str) -> str:
    """A row or item name reduced for regex matching and comparison (no spaces/quotes, ASCII brackets)."""
    return squash(text)


# ---- judging a difference ----------------------------------------------------------------------------

_EPS = 1e-6


def judge(rule: Rule, diff: float, slack: float, step: float) -> str | None:
    """None when two amounts agree; "rounding" when they differ by no more than the printed figures'
    rounding (`slack`) plus the rule's tolerance (in units of `step`, the last printed digit); "error" beyond."""
    if abs(diff) <= _EPS * max(1.0, step):
        return None
    if abs(diff) <= slack + rule.tolerance * step + _EPS:
        return "rounding"
    return "error"


def report(
    rule: Rule,
    verdict: str | None,
    message: str,
    figures: list[Figure],
    *,
    difference: float | None = None,
    unit: str | None = None,
    formula: str | None = None,
) -> list[Finding]:
    """The finding for a verdict: none when the figures agree, or rounding notes are not wanted."""
    if verdict is None or (verdict == "rounding" and not rule.params.get("report_rounding", False)):
        return []
    rounding = verdict == "rounding"
    if rounding:
        message += "（差额在四舍五入范围内）"
    return [
        Finding(
            rule=rule.id,
            kind=rule.kind,
            severity="info" if rounding else rule.severity,
            description=rule.description,
            message=message,
            figures=tuple(figures),
            difference=difference,
            unit=unit,
            formula=formula,
            rounding=rounding,
        )
    ]
