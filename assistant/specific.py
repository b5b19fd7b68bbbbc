"""A more specific name the question supports, put before the name its exact words score higher.

"政府采购里买服务的预算" names 政府采购服务, not the 政府采购 total; "预留给中小企业的政府采购" names 面向中小企业预留政府采购
(项目), a name holding one the question says whole, with most of the words it adds said in the asker's own order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.lexicon import EXCEPT_WORDS
from index.settings import Tunables
from index.text import YEAR_IN_TEXT, bigrams, containment, normalize

if TYPE_CHECKING:
    from assistant.match import Scored

SPECIFIC_WINDOW = 20  # runners-up looked at for a more specific name the question supports
_NEGATED = re.compile(f"不是|并非|非专门|不属于|{EXCEPT_WORDS}")


def specific_first(ranked: list[Scored], question: Sequence[str], tun: Tunables) -> list[Scored]:
    """Put first a near runner-up whose name is the best name made more specific by words the question says.

    "政府采购里买服务的预算" names 政府采购服务, not the 政府采购 total its exact substring scores higher;
    "财政拨款年末结转和结余" names 年末财政拨款结转和结余, not 年末结转和结余."""
    if len(ranked) < 2 or not ranked[0].name:
        return ranked
    asked, read = bigrams(question[0]), frozenset().union(*(bigrams(q) for q in question))  # as asked; and read
    wholes = [s.name for s in ranked[:SPECIFIC_WINDOW] if s.recall == 1.0 and len(s.name) >= 3]
    ranked = [_said_qualified(ranked[0], wholes, read, question[0], tun), *ranked[1:]]
    best = ranked[0]
    best_b = bigrams(best.name)
    for i, s in enumerate(ranked[1:SPECIFIC_WINDOW], 1):
        if s.score < best.score - tun.specific_margin:
            break
        if len(s.name) <= len(best.name) or not s.measure_ok or _parent_of(s, best.name, ranked):
            continue
        whole = best.name in s.name  # a year in the name (2022年政府采购项目) makes it no more specific
        s = _said_qualified(s, [best.name], read, question[0], tun) if whole else s
        if s.recall < tun.min_recall:
            continue
        name_b = bigrams(s.name)
        # the words it adds (公务用车 + 购置费), which may be said in everyday words (买公车: 购置, never 车购)
        says = adds_said(s.name, best.name, read) if whole else containment(name_b - best_b, asked) >= 0.5
        # unless the question also says what the best's full name has beyond it (购置和运行: the whole)
        beyond = (bigrams(normalize(best.fact.subject)) - best_b - name_b) & asked
        if containment(best_b, name_b) >= 0.8 and says and not beyond:
            return [s, *ranked[:i], *ranked[i + 1 :]]
    return ranked


def _parent_of(s: Scored, name: str, ranked: Sequence[Scored]) -> bool:
    """Is `s` the 科目 above the one named `name` (行政事业单位医疗, the 款 of 事业单位医疗, by the codes the document
    prints), so no more specific a name but its parent?"""
    code = s.fact.code or ""
    return bool(code) and any(
        r.name == name and (r.fact.code or "").startswith(code) and len(r.fact.code or "") > len(code)
        for r in ranked[:SPECIFIC_WINDOW]
    )


def _said_qualified(s: Scored, wholes: Sequence[str], read: frozenset[str], asked: str, tun: Tunables) -> Scored:
    """A name that is another name the question says whole, with words on either side the question says (most of
    them, in its own order: 预留给中小企业的政府采购 for 面向中小企业预留政府采购), counts as said: it clears min_recall.
    Otherwise `s` unchanged."""
    if s.recall >= tun.min_recall or s.recall == 0 or _NEGATED.search(asked):
        return s  # 不是专门留给中小企业的采购项目: the qualifier said is denied
    said = any(whole in s.name and whole != s.name and adds_said(s.name, whole, read) for whole in wholes)
    return replace(s, recall=tun.min_recall) if said else s


def adds_said(name: str, whole: str, read: frozenset[str]) -> bool:
    """Does the question say most of what `name` adds to `whole` (a year aside), each side of it apart, and some
    of every side (行政 + 事业单位 + 养老: its 养老 unsaid, never 行政事业单位养老 for 行政单位医疗)?"""
    pieces = [bigrams(p) - bigrams(whole) for p in YEAR_IN_TEXT.sub("", name).split(whole)]
    extra = frozenset().union(*pieces)
    return bool(extra) and containment(extra, read) >= 0.5 and all(containment(p, read) >= 0.5 for p in pieces if p)
