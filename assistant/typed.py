"""A question typed fast, spaces standing for punctuation: after the ask (`多少万 那车子运行的钱呢`,
`安排多少 25年执行数多少`: two questions; `占支出总计百分比 保留两位小数`), after where to read (`…具体情况里面 公用支出`),
between items listed before a sum (`基本工资 津贴补贴 绩效工资加起来`; `政采预算 货物 工程 服务`: the parts of the first),
after a 了 (`涨了还是降了 差多少万`)."""

from __future__ import annotations

import re

_SPACED_ASK = re.compile(
    r"((?:多少|几)[^\s?？,，。;；]{0,4}|吗|呢|百分比|比重|占比)[ \u3000]+(?=[\u4e00-\u9fff]|\d{2,4}年)(?!亿元|万元|元)"
)
# Typed on a phone with no punctuation at all, spaces for it: items listed before a sum (基本工资 津贴补贴 绩效工资加起来),
# a pause after 了 (涨了还是降了 差多少万)
_SPACED_LIST = re.compile(
    r"(?:[\u4e00-\u9fff]{2,10}[ \u3000]+){1,6}[\u4e00-\u9fff]{2,10}?(?=加起来|合计|一共|总共|共计|之和|分别|各是|各多少)"
)
_SPACED_PAUSE = re.compile(r"(?<=了)[ \u3000]+(?=[\u4e00-\u9fff])")
_SPACED_WHERE = re.compile(r"(?<=里面|里头|当中|之中)[ \u3000]+(?=[\u4e00-\u9fff])")


def spaced(text: str) -> str:
    """Spaces standing for punctuation read as it (see `_SPACED_ASK`); in a question typed with no other punctuation,
    spaces between items before a sum (`_SPACED_LIST`) and after a 了 (`_SPACED_PAUSE`) too."""
    text = _TABLE_THEN_CODE.sub(r"\1中", _SPACED_ASK.sub(r"\1？", text))  # 表7 2010302: no code 72010302
    text = _SPACED_WHERE.sub("，", text)  # …具体情况里面 公用支出写的是多少: where to read, then the item
    # spaces beside punctuation or figures are spaces (…住房公积金 和 2210203 购房补贴); a year's digits are no figure
    if _PUNCTUATED.search(_YEAR.sub("", text)):
        return text
    text = _SPACED_LIST.sub(_listed, text)
    return _SPACED_PAUSE.sub("，", text)


def _listed(m: re.Match[str]) -> str:
    """Items typed apart by spaces, listed (`基本工资、津贴补贴、绩效工资`); short words after a longer name
    (`政采预算 货物 工程 服务`) are parts of it, the first its container (`政采预算中货物、工程、服务`)."""
    first, *rest = re.split(r"[ \u3000]+", m.group(0))
    if len(rest) >= 2 and len(first) >= 3 and all(len(r) <= 2 for r in rest):
        return f"{first}中{'、'.join(rest)}"
    return "、".join([first, *rest])


_YEAR = re.compile(r"(?:20)?\d{2}年")  # 24年, 2024年: a year, no figure
_TABLE_THEN_CODE = re.compile(r"(表\d{1,2})[ \u3000]+(?=\d{3})")
_PUNCTUATED = re.compile(
    r"[，。！：；（）,.!:;()\d]|[?？](?!$)"
)  # punctuation, or figures, besides a last question mark
