"""The name a question calls a fact by: the one of its names the question holds most of, and the names it answers
to only in a table the question points into (`财政拨款收入支出决算总表中，收入“总计”`: a two-sided table's total row
by its half). Which table a question points into: its title, its number (`表7里`) or a lead (`表6…：那张表里的`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.analyze import Query
from assistant.names import candidate_names, table_title, vocabulary
from index.model import Fact
from index.text import bigrams, containment, normalize


def pointed_into(query: Query, fact: Fact, text: str) -> float:
    """How surely the question points into the fact's table: 1 when it names its title, else the share of the
    table it names (after its year: 财政局2024年收入决算表) found in this title, or 1 for its number (表7)."""
    titled = table_title(fact.source.table)
    if len(titled) >= 6 and titled in text:
        return 1.0
    if not (query.table_hint and fact.source.table):
        return 0.0
    number = re.search(r"表\d+$", query.table_hint)
    hint = bigrams(re.sub(r"^.*?20\d{2}年度?", "", normalize(query.table_hint)))
    share = containment(hint, bigrams(titled))  # 财政拨款收入支出决算总表 names 收入支出决算总表 less
    return 1.0 if number and fact.source.table.startswith(number[0]) else share if share >= 0.6 else 0.0


def side_total_names(fact: Fact) -> tuple[str, ...]:
    """A two-sided table's total row by its half and its printed label, or by both (收支总计): 收入总计 (the 总计 row under 收入 of
    财政拨款收入支出决算总表). Only for a question pointing into that table: elsewhere 收入合计 is the income
    table's own total, and a 总计 holds more than the 合计 of the year."""
    half = normalize((fact.source.column or "").split("/")[0])
    label = normalize(fact.source.row or fact.subject)
    if half not in ("收入", "支出") or label not in vocabulary().total_labels:
        return ()
    return (half + label, "收支" + label)  # 收支总计: either half's, the same figure


def best_name(
    fact: Fact,
    departments: frozenset[str],
    text: str,
    outside: str,
    named_titles: Sequence[str],
    extra: Sequence[str] = (),
) -> tuple[float, str]:
    """(recall, name): the fact's name (or an `extra` one) the question holds most of (ties: the longer name)."""
    best = (-1.0, "")
    for candidate in (*candidate_names(fact, departments), *extra):
        hay = text if any(t in candidate for t in named_titles) else outside
        bare, hay = candidate.replace("的", ""), hay.replace("的", "")  # 的 is said or left out at will
        r = 1.0 if bare and (bare in hay or _swapped(bare, hay)) else containment(bigrams(bare), bigrams(hay))
        if len(candidate) <= 2:
            r *= 0.85  # a two-character name is weak evidence
        if r > best[0] or (r == best[0] and len(candidate) > len(best[1])):
            best = (r, candidate)
    return best


def _swapped(name: str, hay: str) -> bool:
    """Is a name of two two-character words said with them the other way round (地上主楼 as 主楼地上)? Not a column's
    name (项目支出 is no 支出项目); a longer name's parts may read another thing reordered (编报绩效目标的项目 is no
    绩效目标编报 of 预算单位)."""
    return len(name) == 4 and name not in vocabulary().measure_words and name[2:] + name[:2] in hay
