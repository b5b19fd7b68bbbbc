"""What a clause of a compound question takes from the clause before it, as words: the comparison
(`少多少万元` after `2024年比其减少百分之几`), the figure pointed at (`比其` after `…2023年预算执行数是多少`), the head
(`面向小型、微型企业的又是多少` after `面向中小企业的政府采购项目是多少`) and the container (`服务多少万元` after
`政府采购预算里工程多少万元`)."""

from __future__ import annotations

import re

from assistant.cues import cue
from assistant.lexicon import YEAR, known_terms
from assistant.lists import head_for

_BARE_CHANGE = re.compile(r"^(增加|减少|增长|下降|多|少|涨|降)了?(多少|几)")
_COMPARISON = re.compile(r"^(?P<frame>[^,?]*?(比|较)[^,?]{0,20}?)(增加|减少|增长|下降|多|少|涨|降|变化|增减)")


def with_previous_comparison(clause: str, before: str) -> str:
    """`少多少万元` after `2024年比其减少百分之几、` asks the same comparison in an amount: `2024年比其少多少万元`."""
    frame = _COMPARISON.match(before) if _BARE_CHANGE.match(clause) else None
    return frame.group("frame") + clause if frame else clause


def against_before(clause: str, before: str) -> str:
    """`2024年比其减少百分之几` (比它, 比那个) after `…2023年预算执行数是多少`: 其 is the figure the clause before asked
    (its year and stage)."""
    year = next(
        (
            y
            for y in re.findall(r"20\d{2}年(?:当年)?(?:预算执行数|执行数|决算数|预算数)?", before)
            if y[:5] not in clause
        ),
        None,
    )
    return re.sub(_THAT_FIGURE, lambda m: m.group(1) + year, clause, count=1) if year else clause


def with_year_compared(clause: str, before: str) -> str:
    """`是不是比今年还多` after `2025年X是多少`: a clause comparing with the document's year and naming no year of its
    own compares the year the clause before asked (`2025年是不是比今年还多`), not the document's year with itself."""
    if not cue("base_current").search(clause) or YEAR.search(clause):
        return clause
    said = YEAR.findall(before)
    return f"{said[-1]}年{clause}" if said else clause


# the figure the clause before asked, pointed at (比其, 比它, 比那个, 比这个数): its year and stage
_THAT_FIGURE = "(比|较)(?:其|它|那个数?字?|这个数字?|那个数额|上面那个数?)(?![\u4e00-\u9fff]{0,2}(?:项|科目|款|类))"


def with_previous_head(clause: str, before: str) -> str:
    """`面向小型、微型企业的又是多少万元` after `面向中小企业的政府采购项目是多少万元` asks 面向小型、微型企业的
    政府采购项目: a clause naming only a modifier before 的 takes the head the clause before named after its 的
    (in place of the head's own modifier when they open alike: 地上建筑面积…地下的 → 地下建筑面积)."""
    mine, theirs = cue("modifier_only").match(clause), cue("head_after_de").search(before)
    if not mine or not theirs or cue("container").match(mine.group("mod")):  # 事业编制中实际在编的: its own item
        return clause
    if re.match(cue("share_of_previous"), clause) and not re.search("比|较|增|减", before):  # 其中留给小微企业的:
        return clause  # a part of the item before (`lean_on`), not of its change
    mod, head, rest = mine.group("mod"), theirs.group("head"), clause[mine.end("mod") + 1 :]
    if len(mod) <= 3 and head[0] == mod[0] and len(head) >= len(mod) + 2:  # 地上建筑面积…地下的: 地下建筑面积
        return f"{mod}{head[len(mod) :]}{rest}"
    return f"{mod}的{head}{rest}"


# 工程类预算多少, 服务类（C）是多少: the short item (its code in brackets), then what of it is asked
_STAGE_ASKED = r"(?:类)?(?:\([A-Z]?\d{0,4}\))?(?:预算数|预算|决算数|决算|金额)?"
_CONTAINED_SHORT = re.compile(
    r"^(?P<container>[^,?;]{2,40}?(?:里面|当中|之中|里|中),?)(?P<item>[^,?;里中()]{2,4}?)"
    rf"(?={_STAGE_ASKED}(?:多少|几|是|有|为))"
)
_SHORT_ITEM = re.compile(rf"^(?P<item>[^,?;里中()]{{2,4}}?){_STAGE_ASKED}(?:又|呢)?(?=多少|几|是多少|有多少|为多少)")


def with_previous_container(clause: str, before: str, earlier: str = "") -> str:
    """`服务多少万元` after `政府采购预算里工程多少万元`: a short item said alone, after a clause asking a short item
    inside a container, is inside that container too (政府采购预算里服务多少万元); a container's sibling may be said in
    any clause before (`政府采购货物预算、工程预算和服务预算各…`: `earlier`, the clauses before the one before)."""
    theirs = _CONTAINED_SHORT.match(re.split("[:;]", before)[-1]) or _CONTAINED_SHORT.match(re.split(",", before)[-1])
    mine = _SHORT_ITEM.match(clause)
    if theirs and mine:
        return f"{head_for(theirs.group('container'), clause)}{clause}"
    container = _named_container(mine.group("item"), f"{earlier},{before}") if mine else ""
    return f"{container}{clause}" if container else clause


def _named_container(item: str, before: str) -> str:
    """`工程预算又是多少` after `政府采购：货物预算多少`: the container C of a name C+工程 the lexicon or the national
    classification knows, when the clause before said C then, within a few words, a sibling Z with C+Z a known name too
    (政府采购货物; 政府采购预算里买东西的货物)."""
    known = known_terms()
    if item in known:  # 收入总计…？支出总计…？: a name of its own
        return ""
    found = [
        container
        for name in known
        if name.endswith(item) and len(container := name[: -len(item)]) >= 2
        for m in re.finditer(re.escape(container) + r"[:]?(?:里面|里|中)?(?=[\u4e00-\u9fff]{2})", before)
        if not before.startswith(item, m.end())  # 一般公共服务支出…：支出决算多少: the same name, no sibling
        and any(container + before[k : k + n] in known for k in _near(m.end(), before) for n in (2, 3, 4))
    ]
    return max(found, key=len, default="")


def _near(at: int, text: str) -> range:
    """Where a sibling may start after its container: at once, or after a few words (政府采购预算里买东西的货物)."""
    return range(at, min(len(text), at + 10))
