"""A question's everyday words read as the terms documents print: each reading of a word that stands for several
terms (`substitute`, `content_variants`: the first, the last, the one whose qualifier the question says), the terms
the words stand for (`expand`), and the document's totals a side said alone names (`side_totals`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from assistant.cues import cue, organisations
from assistant.filler import strip_filler
from assistant.lexicon import glossed, inside_other_name, said_in_full, stands_for, synonyms


@cache
def synonym_table() -> dict[str, list[str]]:
    """Everyday word -> the document terms it stands for (callers must not change it)."""
    return dict(synonyms())


@cache
def _synonym_pattern() -> re.Pattern[str]:
    """Every everyday word, longest first: at each place the longest one there is matched."""
    return re.compile("|".join(re.escape(word) for word, _ in synonyms()))


def substitute(norm: str, pick: int = 0) -> str:
    """The question with everyday words replaced by a document term they stand for (the first, or `pick`; the one whose
    qualifier the question says, when one is: 给事业单位职工交医保 is 事业单位医疗). Words are
    found as asked, left to right: a replacement never joins the text beside it into another word (新买几辆车 is
    购置 + 车辆, not 新买 + 车辆 read again as 买车)."""
    table = synonym_table()

    def replace(m: re.Match[str]) -> str:
        targets = table[m.group(0)]
        qualified = qualified_targets(targets, norm.replace(m.group(0), "\u0000"))
        target = qualified[0] if qualified else targets[pick]  # 给事业单位职工交医保: 事业单位医疗
        kept = said_in_full(norm, *m.span(), targets, target) or inside_other_name(norm, *m.span(), targets)
        return m.group(0) if kept or not stands_for(norm, m.start()) else target

    return _synonym_pattern().sub(replace, norm)


_QUALIFIER_CHARS = 3  # a term's opening words said this long qualify the everyday word (事业单位…医保: 事业单位医疗)


def qualified_targets(targets: Sequence[str], norm: str) -> list[str]:
    """Of the document terms an everyday word stands for, those whose qualifier the question says (the longest
    opening of the term, short of the whole and at least `_QUALIFIER_CHARS` long: 事业单位 of 事业单位医疗), or []."""
    said = {t: _said_qualifier(t, norm) for t in targets}
    longest = max(map(len, said.values()), default=0)
    return [t for t in targets if longest and len(said[t]) == longest]


def _said_qualifier(term: str, norm: str) -> str:
    return next((term[:k] for k in range(len(term) - 1, _QUALIFIER_CHARS - 1, -1) if term[:k] in norm), "")


def content_variants(norm: str) -> tuple[str, ...]:
    """The question's content words with each reading of its everyday words (first and last document term)."""
    readings = [strip_filler(substitute(norm, pick)) for pick in (0, -1)]
    gloss = strip_filler(glossed(norm))  # 花在员工身上的钱（人员经费）: also read as the term alone
    plain = strip_filler(substitute(_ASIDE.sub("", norm)))  # 信息技术服务（短信平台、网络出口那一摊）: the item alone
    return tuple(
        dict.fromkeys([*readings, strip_filler(norm), gloss, plain])
    )  # as asked: 基本工资 is not 基本工资福利支出


_ASIDE = re.compile(r"\((?=[^()]*[\u4e00-\u9fff]{4})(?![^()]*\d{3})[^()]{4,}\)")  # in words: no code, no （含）


def side_totals(content: str) -> list[str]:
    """The printed totals a question asking the department's whole income or spending by its side alone means
    (`财政局收入决算` -> 收入合计, 收入总计); [] for any other item (事业收入, 项目支出)."""
    m = cue("side_total").search(content)
    strong, weak, _ = organisations()
    if not m or (m.start() and not content[: m.start()].endswith((*strong, *weak))):
        return []
    side = m.group("side")
    return [f"{side}合计", f"{side}总计"]


def side_of_total(name: str) -> str | None:
    """The side a name of the department's whole income or spending names (`收入`, `本年收入合计`, `收入总计` ->
    收入), else None (`事业收入`)."""
    m = cue("side_total").fullmatch(name)
    return m.group("side") if m else None


def expand(norm: str) -> list[str]:
    """Document terms the question's everyday words stand for (and the totals its side alone names)."""
    terms: list[str] = side_totals(strip_filler(norm))
    rest = norm
    for word, targets in synonyms():
        at = rest.find(word)
        if at >= 0 and not inside_other_name(rest, at, at + len(word), targets) and stands_for(rest, at):
            rest = rest.replace(word, "\u0000")
            terms.extend(t for t in (qualified_targets(targets, rest) or targets) if t not in terms)
    return terms
