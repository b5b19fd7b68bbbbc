"""Long-form variants of eval questions, generated from each document's own metadata, and department mentions.

A person asks "差旅费预算多少元？" as often as "请问，根据上海市普陀区司法局2026年部门预算，差旅费
预算是多少元？". Every single-document question gets such long forms, made in code from the
document's department, year and kind (部门预算 / 单位预算 / 部门决算) — never written by hand:

- `full_name`: the full department name and year in front (or in place of the short name the
  question uses): `上海市普陀区司法局2026年差旅费预算多少元？`;
- `according`: `根据{department}{year}年{kind}，…？`; `per_saying`: `按{short}{year}年{kind}的说法，…？`;
- `unit`: the unit made explicit when the expected unit is money and the question names none;
- `decimals`: `（保留两位小数）` on rate / share questions (expected unit %);
- `polite`: `请问…？`; `long`: all of the above that apply, at once.

Each variant keeps the original's expected answer and carries the year the original asks
(its `year`), so a year printed in the new prefix does not change what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from eval.evidence import normalize_unit
from eval.questionset import Question
from eval.vocab import words
from eval.years import asked_year, years_in_text
from index.model import MONEY_UNITS

FORMS = ("full_name", "according", "per_saying", "unit", "decimals", "polite", "long")
_LEADING_NOW = re.compile(r"^(今年|本年度|本年)")


@dataclass(frozen=True, slots=True)
class DocMeta:
    """What the long forms and the unscoped check need to know about one document."""

    doc_id: str
    department: str
    year: int | None
    kind: str  # 部门预算 / 单位预算 / 部门决算
    title: str

    @property
    def short(self) -> str:
        """The shortest everyday name of the department (`司法局`, `万里街道`)."""
        return short_names(self.department)[-1]


def doc_meta(summary: Mapping[str, object]) -> DocMeta:
    """A `DocMeta` from a store summary (`Assistant.documents()` entry)."""
    year = summary.get("year")
    return DocMeta(
        doc_id=str(summary.get("doc_id") or ""),
        department=str(summary.get("department") or ""),
        year=year if isinstance(year, int) else None,
        kind=f"{summary.get('scope') or ''}{summary.get('stage') or ''}" or "预算",
        title=str(summary.get("title") or ""),
    )


@cache
def short_names(department: str) -> tuple[str, ...]:
    """The department name, then shorter forms without its administrative prefixes (longest first).

    上海市普陀区人民政府万里街道办事处 -> …, 万里街道办事处, 万里街道; 上海市普陀区司法局 -> 普陀区司法局, 司法局.
    """
    vocab = words()["departments"]
    endings = sorted(vocab["prefix_endings"], key=len, reverse=True)
    names = [department] if department else []
    rest = department
    while True:
        cuts = [rest.find(e) + len(e) for e in endings if 0 <= rest.find(e) and len(rest) - rest.find(e) - len(e) >= 2]
        if not cuts:
            break
        rest = rest[min(cuts) :]
        names.append(rest)
    for ending in vocab["drop_endings"]:
        if rest.endswith(ending) and len(rest) - len(ending) >= 2:
            names.append(rest[: -len(ending)])
    return tuple(dict.fromkeys(names))


def _subsequence(short: str, name: str) -> bool:
    it = iter(name)
    return all(ch in it for ch in short)


def find_mention(text: str, department: str, others: Iterable[str] = ()) -> str | None:
    """The span of `text` that names `department`, if any (None when it names none or names it ambiguously).

    A mention is three or more characters ending in an organisation word (局, 院, 街道…), whose
    characters occur in order in the department name (大鹏数据局 for 深圳市大鹏新区政务服务数据管理局)
    and not in any other loaded department's name.
    """
    if not department:
        return None
    others = [o for o in others if o and o != department]
    endings = tuple(words()["departments"]["org_endings"])
    best: str | None = None
    for end in range(len(text), 2, -1):
        if not text[:end].endswith(endings):
            continue
        for start in range(max(0, end - len(department)), end - 2):
            span = text[start:end]
            if _subsequence(span, department) and not any(_subsequence(span, o) for o in others):
                if best is None or len(span) > len(best):
                    best = span
                break
    return best


def _body(question: str) -> str:
    marks = tuple(words()["long_form"]["question_marks"])
    body = question.strip()
    while body.endswith(marks):
        body = body[:-1].rstrip()
    return body


@cache
def _asked_unit() -> re.Pattern[str]:
    units = sorted(words()["units"]["named"], key=len, reverse=True)
    return re.compile(f"(多少|几|百分)({'|'.join(map(re.escape, units))})|百分")


def _names_unit(text: str) -> bool:
    """The question asks for its figure in a unit (…多少万元, 几辆, 百分之几)."""
    return _asked_unit().search(text) is not None


def _with_unit(body: str, unit: str) -> str:
    for ending in words()["long_form"]["how_much"]:
        if body.endswith(ending):
            return body[: -len(ending)] + "多少" + unit
    return f"{body}，是多少{unit}"


def _full_name(body: str, meta: DocMeta, has_year: bool) -> str:
    year = "" if has_year or meta.year is None else f"{meta.year}年"
    mention = find_mention(body, meta.department)
    if mention:
        return body.replace(mention, meta.department + year, 1)
    if year and _LEADING_NOW.match(body):
        return _LEADING_NOW.sub(meta.department + year, body, count=1)
    return meta.department + year + body


def long_forms(q: Question, meta: DocMeta) -> list[tuple[str, str]]:
    """(form, question text) for every long form that applies to `q` (see the module docstring).

    A question already framed (根据… / 请问…) does not get that frame twice; a form that
    would repeat the question or another form word for word is left out.
    """
    tpl = words()["long_form"]
    polite_word = tpl["polite"].split("{")[0]
    body = _body(q.question)
    framed = body.startswith(tuple(tpl["framed_prefixes"]))
    polite = body.startswith(polite_word)
    plain = body.removeprefix(polite_word).lstrip("，,")
    has_year = bool(years_in_text(body, meta.year))
    fields = {"department": meta.department, "short": meta.short, "year": meta.year or "", "kind": meta.kind}
    unit = normalize_unit(q.unit)
    money = not q.parts and unit in MONEY_UNITS and not _names_unit(body)
    rate = not q.parts and unit == "%"
    out = [("full_name", _full_name(body, meta, has_year) + "？")]
    if meta.year is not None and not framed:
        out.append(("according", tpl["according"].format(q=plain, **fields)))
        out.append(("per_saying", tpl["per_saying"].format(q=plain, **fields)))
    if money and unit:
        out.append(("unit", _with_unit(body, unit) + "？"))
    if rate:
        out.append(("decimals", tpl["decimals"].format(q=body)))
    if not polite:
        out.append(("polite", tpl["polite"].format(q=body)))
    longest = _with_unit(plain, unit) if money and unit else plain
    longest = tpl["decimals"].format(q=longest)[:-1] if rate else longest
    if meta.year is not None and not framed:
        longest = "，" + tpl["according"].format(q=longest, **fields)[:-1]
    out.append(("long", tpl["polite"].format(q=longest)))
    seen = {_body(q.question) + "？"}
    unique: list[tuple[str, str]] = []
    for form, text in out:
        if text not in seen:
            seen.add(text)
            unique.append((form, text))
    return unique


def long_form_questions(questions: Iterable[Question], metas: Mapping[str, DocMeta]) -> list[Question]:
    """Every long form of every single-document question (`metas`: document file name -> its metadata).

    A variant's id is `<id>~<form>`; `extra` records `base_id` and `form`; `year` is the year the
    original asks, so the document year put in front does not change it.
    """
    out: list[Question] = []
    for q in questions:
        if len(q.docs) != 1 or q.docs[0] not in metas:
            continue
        meta = metas[q.docs[0]]
        year = asked_year(q, meta.year)
        for form, text in long_forms(q, meta):
            out.append(
                replace(
                    q, id=f"{q.id}~{form}", question=text, year=year, extra={**q.extra, "base_id": q.id, "form": form}
                )
            )
    return out
