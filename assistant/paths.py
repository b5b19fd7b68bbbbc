"""Names a question seems to say but does not: a name whose characters, in order, are those of a longer name it says
whole (行政单位医疗 inside 行政事业单位医疗), and the places of a 科目 path other than its last (卫生健康支出—行政事业单位医疗—
事业单位医疗 asks 事业单位医疗; the 行政运行 of another 款 is another item)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.names import vocabulary
from index import classification

if TYPE_CHECKING:
    from assistant.match import Scored


def not_said(scored: list[Scored], asked: str) -> list[Scored]:
    """A name the question does not say whose characters, in order, are those of a longer name it says whole
    (行政单位医疗 inside 行政事业单位医疗): another item, not said by it (a sibling the document prints while the one
    asked is not: never its figure). A 科目 path is read as `_off_path` says."""
    said = {s.name for s in scored if s.recall == 1.0 and len(s.name) >= 4 and s.name in asked}
    parents, last = _path(asked, scored)
    above = tuple(c for p in parents for c in classification.codes_of(p))
    return [
        replace(s, measure_ok=False)
        if (s.recall < 1.0 and s.name not in asked and any(len(n) > len(s.name) and _in_order(s.name, n) for n in said))
        or _off_path(s, parents, last, above)
        else s
        for s in scored
    ]


def _path(asked: str, scored: Sequence[Scored]) -> tuple[list[str], str]:
    """The parents and the last name of a 科目 path the question names (`卫生健康支出—行政事业单位医疗—事业单位医疗`:
    each the longest known name its part ends or begins with), or ([], "") for none or a column asked of the last
    (行政运行—项目支出)."""
    path = _PATH.search(asked)
    if not path:
        return [], ""
    *before, after = _PATH_SEP.split(path.group(0))
    known = {s.name for s in scored} | classification.national_names()
    last = max((n for n in known if after.startswith(n)), key=len, default="")
    if not last or last in vocabulary().measure_words:
        return [], ""
    return [max((n for n in known if part.endswith(n)), key=len, default=part) for part in before], last


def _off_path(s: Scored, parents: Sequence[str], last: str, above: tuple[str, ...]) -> bool:
    """In a 科目 path (`卫生健康支出—行政事业单位医疗—事业单位医疗`) the last name is asked: a parent only places it, and
    the last under another parent (行政运行 coded 2010601, 财政事务's, for `政府办公厅（室）及相关机构事务—行政运行`;
    `above`: the parents' national codes) is another item."""
    if s.name in parents and s.name != last:  # 城乡社区环境卫生—城乡社区环境卫生: the 项 named like its 款
        return True
    code = s.fact.code or ""
    return s.name == last and code in classification.codes_of(last) and bool(above) and not code.startswith(above)


def _in_order(name: str, longer: str) -> bool:
    chars = iter(longer)
    return all(c in chars for c in name)


# a 科目 path: names joined by dashes or slashes (卫生健康支出—行政事业单位医疗—事业单位医疗)
_PATH = re.compile(r"[\u4e00-\u9fff()]{2,}(?:(?:—{1,2}|-|/)[\u4e00-\u9fff()]{2,})+")
_PATH_SEP = re.compile("—{1,2}|-|/")
