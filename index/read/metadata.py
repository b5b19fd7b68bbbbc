"""Who published a disclosure, for which year, at which stage: read from its cover and first lines.

Patterns are data in index/data/metadata.toml. The department comes from a
labelled line ("预算主管部门：…", "预算单位：…") or from the cover title
("2022 年深圳市大鹏新区政务服务数据 管理局 部门预算",
"上海市普陀区社会福利院2024年单位预算", "上海市普陀区财政局 / 年度部门决算 / 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from index.lexicon import load_data
from index.model import Line
from index.read.sections import normalise_line

_TOC = re.compile(r"^目\s*录$")


@dataclass(slots=True)
class Metadata:
    """What a disclosure says about itself. `None`/"" when it does not say."""

    title: str  # canonical: "上海市普陀区司法局2026年部门预算"; the printed cover title when the department is unknown
    department: str
    year: int | None  # budget year; for 决算 the accounts year
    stage: str  # "预算" or "决算"
    scope: str  # "部门" or "单位"
    printed_title: str  # the cover title as printed (spaces between CJK removed)


@dataclass(frozen=True, slots=True)
class _Rules:
    labels: tuple[re.Pattern[str], ...]
    titles: tuple[re.Pattern[str], ...]
    org_min: int
    org_max: int
    org_suffixes: tuple[str, ...]
    place_only: re.Pattern[str]
    year: re.Pattern[str]
    cover_lines: int
    early_lines: int


@cache
def _rules() -> _Rules:
    raw = load_data("index.data", "metadata.toml")
    return _Rules(
        labels=tuple(re.compile(p) for p in raw["department_labels"]),
        titles=tuple(re.compile(p) for p in raw["titles"]),
        org_min=int(raw["org_min_chars"]),
        org_max=int(raw["org_max_chars"]),
        org_suffixes=tuple(sorted(raw["org_suffixes"], key=len, reverse=True)),
        place_only=re.compile(raw["place_only"]),
        year=re.compile(raw["year"]),
        cover_lines=int(raw["cover_lines"]),
        early_lines=int(raw["early_lines"]),
    )


def is_organisation(name: str) -> bool:
    """A plausible department/unit name: right length, an organisation's ending, not only a place."""
    rules = _rules()
    if not rules.org_min <= len(name) <= rules.org_max or re.search(r"[\d:：，。；]", name):
        return False
    if rules.place_only.fullmatch(name):
        return False
    return name.endswith(rules.org_suffixes)


def _cover(lines: list[Line]) -> list[str]:
    """The cover: lines before the table of contents (or page 2), at most `cover_lines` of them."""
    rules = _rules()
    out: list[str] = []
    first_page = next((ln.page for ln in lines if ln.text.strip()), None)
    for ln in lines:
        text = normalise_line(ln.text)
        if not text:
            continue
        if _TOC.match(text) or (first_page is not None and ln.page != first_page) or len(out) >= rules.cover_lines:
            break
        out.append(text)
    return out


def _candidates(cover: list[str]) -> list[str]:
    """Each cover line, then runs of two and three lines (a title printed over several lines)."""
    runs = [cover[i : i + n] for n in (2, 3) for i in range(len(cover) - n + 1)]
    return cover + ["".join(run) for run in runs]


@dataclass(slots=True)
class _TitleHit:
    text: str
    org: str | None
    year: int | None
    stage: str
    scope: str


def _match_title(cover: list[str]) -> _TitleHit | None:
    """The first cover candidate that reads as a title; prefer one that names an organisation."""
    fallback: _TitleHit | None = None
    for pattern in _rules().titles:
        for cand in _candidates(cover):
            m = pattern.search(cand)
            if not m:
                continue
            groups = m.groupdict()
            org = (groups.get("org") or "").strip()
            year = int(groups["year"]) if groups.get("year") else None
            hit = _TitleHit(cand, org if is_organisation(org) else None, year, groups["stage"], groups["scope"])
            if hit.org:
                return hit
            fallback = fallback or hit
    return fallback


def _labelled_department(lines: list[str]) -> str | None:
    for text in lines:
        for pattern in _rules().labels:
            m = pattern.match(text)
            if m and is_organisation(m.group("org").strip()):
                return m.group("org").strip()
    return None


def _first_year(texts: list[str]) -> int | None:
    for text in texts:
        m = _rules().year.search(text)
        if m:
            return int(m.group(1))
    return None


def detect_metadata(lines: list[Line]) -> Metadata:
    """Title, department, year, stage and scope from the cover and early narrative lines."""
    rules = _rules()
    cover = _cover(lines)
    early = [t for t in (normalise_line(ln.text) for ln in lines[: rules.early_lines * 3]) if t][: rules.early_lines]
    hit = _match_title(cover) or _match_title(early[: rules.cover_lines])
    department = (
        _labelled_department(cover) or (hit.org if hit and hit.org else None) or _labelled_department(early) or ""
    )
    year = (
        (hit.year if hit else None)
        or _first_year([hit.text] if hit else [])
        or _first_year(cover)
        or _first_year(early)
    )
    joined = "".join(cover)
    stage = hit.stage if hit else ("决算" if "决算" in joined else "预算")
    scope = hit.scope if hit else ("单位" if f"单位{stage}" in joined else "部门")
    printed = hit.text if hit else (cover[0] if cover else "")
    if department and year:
        title = f"{department}{year}年{'度' if stage == '决算' else ''}{scope}{stage}"
    else:
        title = printed
    return Metadata(title=title, department=department, year=year, stage=stage, scope=scope, printed_title=printed)
