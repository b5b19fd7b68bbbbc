"""Questions asking how many units a department's disclosure covers in all (`部门预算一共包括几家单位`,
`纳入…部门决算的单位一共有几家`), and the figure that answers them where no sentence counts the units by kind: the
count of the units the document lists by name (index.facts.units: 部门决算单位构成, `序号 | 单位名称`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.analyze import Query
from assistant.match import Scored
from index.facts.units import UNITS_COLUMN
from index.model import Fact
from index.settings import Tunables

# all its units, not the 下属…预算单位 besides the department's own office, nor one kind
_ALL_UNITS = re.compile(
    r"(一共|总共|共|包括|包含|含|涵盖|合计|总计).{0,6}(几|多少)家(预算)?单位"
    r"|(几|多少)家(预算)?单位.{0,4}(一共|总共|合计|算在|包括在)"  # 把几家单位算在里面
    # …涵盖的单位，把本部和下属单位都算上，一共是几家; 纳入…的单位一共有几个（本级加下属）
    r"|单位[^?]{0,30}(一共|总共|合计)(是|有)?(几|多少)(家|个(?![\u4e00-\u9fff]))"
)
_KIND = re.compile(r"(行政|参公|事业|下属)单位|下属[^,?]{0,4}预算单位")


def asks_all_units(query: Query) -> bool:
    """Does the question ask how many units there are in all, naming no kind of its own (本部 named with the 下属
    units is all of them: 本部加上下属预算单位)?"""
    asked = query.norm.split("|")[0]
    return bool(_ALL_UNITS.search(asked)) and not (_KIND.search(asked) and "本部" not in asked)


def is_listed_units(fact: Fact) -> bool:
    """Is the fact the count of the units a document lists by name, or says it comprises in all (本部门具体包括…共1家
    基层单位; never the 下属 units besides the department's own office)?"""
    if fact.unit != "家":
        return False
    said = fact.origin == "text" and fact.subject.endswith("单位") and not _KIND.search(fact.subject)
    return fact.source.locator.endswith(UNITS_COLUMN) or (
        said and "包括" in fact.source.quote and "下属" not in fact.source.quote
    )


def listed_units_first(query: Query, ranked: Sequence[Scored], tun: Tunables) -> list[Scored]:
    """`ranked` with the count of the listed units first, as matched outright, when the question asks all the units
    (the kinds counted, where a sentence gives them, are added up before any lookup: operations.under)."""
    if not asks_all_units(query):
        return list(ranked)
    listed = next((s for s in ranked if is_listed_units(s.fact)), None)
    if listed is None:
        return list(ranked)
    outright = replace(
        listed,
        score=max(listed.score, tun.min_score),
        recall=max(listed.recall, tun.min_recall),
        coverage=max(listed.coverage, tun.min_coverage),
        measure_ok=True,
    )
    return [outright, *(s for s in ranked if s is not listed)]
