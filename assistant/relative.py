"""Years said relative to another: to the document's (去年, 下一年度), or to a year the question names before them."""

from __future__ import annotations

import re

from assistant.lexicon import YEAR
from assistant.question import without_bases

# Years named relative to the document's: the year asked (not one compared against: 比上年 is a base).
_NOT_COMPARED = r"(?<!比)(?<!较)(?<!与)(?<!同)(?<!跟)"
RELATIVE_YEARS = (
    # 减去年初预算 is 减去 + 年初预算, not 去年; 结转到下一年 is an item
    (_NOT_COMPARED + r"((?<![减除扣刨])去年|上年度?(?!预算执行|结转|结余)|上一年度?|前一年|上一个?年度)", -1),
    (_NOT_COMPARED + r"(?<!结转到)(?<!结转至)(?<!转入)(明年|下一年度?|下年度?|下一个?年度|来年)", 1),
    (r"(今年|本年度(?!预算)|当年)", 0),
)


def relative_years(norm: str, years: list[int], *, joined: bool) -> tuple[list[int], int | None]:
    """(years asked, offset from the document's year): 去年 is the document's year −1; in one question, a year said
    before it is what it counts from (`2024年三公经费，上一年是多少`: 2023, not the 2024 figure)."""
    plain = without_bases(norm)
    for pattern, offset in RELATIVE_YEARS:
        said = re.search(pattern, plain)
        if not said:
            continue
        if not years:
            return years, offset
        named = [int(y) for y in YEAR.findall(plain[: said.start()])] if offset and not joined else []
        if named and not YEAR.search(plain, said.end()):
            return [named[-1] + offset], None
    return years, None
