"""Clauses of a compound question that name the items asked before them rather than naming their own:
`前者是后者的几倍`, `年末较年初增加了多少` (two items by the words they open with), `三项加总是多少`, `这两部分各占
本年支出合计的百分之几` (one question per item). `each_of_before` writes the last two out when the question is split;
`by_items_before` the first two when a clause is answered, from the items the clauses before it asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.lexicon import PLACE

# `…，并说明年末较年初增加了多少`, `再帮我算一下这三项合计多少`: the request to work a figure out names no item
_REQUEST = re.compile(r"^(并且?|再|也)?(请|麻烦)?(帮我|帮忙)?(说明|指出|算出|算算|算|计算|告诉我)(一下)?")
_HEADS_COMPARED = re.compile(
    r"^(?P<a>[^比较,?]{1,4}?)(?:比|较)(?P<b>[^比较,?]{1,4}?)(?P<rest>(?:多|少|高|低|增加|减少|增长|下降|相差|差).*)$"
)
_UNIT_END = re.compile(r"(平方米|亿元|万元|元|人|辆|个|台|项)$")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
_THESE = r"(?:这|以上|上述|前面|上面|这几)?(?P<n>[两二三四五几])?(?:项|个|部分|者|笔|类|块)?"
# `三项加总是多少`, `以上两项合计多少万元`: the items asked before, added up
_SUM_OF_THESE = re.compile(
    _THESE + r"(?:的)?(?:决算数|预算数|金额|数)?(?:加总|合计|加起来|一共|总共|之和|相加|总和|合起来)(?P<ask>.*)$"
)
# `这两部分各占本年支出合计的百分之几`: each item asked before, as a share of the whole named
_EACH_SHARE = re.compile(_THESE + r"(?:各|分别|各自)占(?P<whole>[^,?]+?)的?(?P<ask>百分之几|比例|比重|占比|多少).*$")
_ASKED = re.compile(r"(又|各|分别|一共|共)?(是|为|有)?(多少|几)[^,?]*$")


def without_request(clause: str) -> str:
    return _REQUEST.sub("", clause)


def by_items_before(clause: str, items: Sequence[str]) -> str:
    """`A和B各多少？前者是后者的几倍` and `年初结转和结余、年末结转和结余各多少？年末较年初增加了多少`: the two items
    just asked, by 前者/后者, or by the words they begin with and the rest they share, written in full."""
    if re.search("前者|后者", clause) and len(items) >= 2:
        return clause.replace("前者", items[-2]).replace("后者", items[-1])
    m = _HEADS_COMPARED.match(re.sub("^(还有|另外|那么|那|并且?)", "", clause))  # 还有年末比年初多了多少
    if not m:
        return _shortened(clause, items)
    a, b = m.group("a"), m.group("b")
    tails = {_UNIT_END.sub("", x.split(a, 1)[1]) for x in items if a in x}
    shared = tails & {_UNIT_END.sub("", y.split(b, 1)[1]) for y in items if b in y}
    tail = max(shared, key=lambda t: (len(t), t), default="")  # of two as long, one chosen the same on every run
    return f"{a}{tail}比{b}{tail}{m.group('rest')}" if len(tail) >= 2 else clause


_SHORTEST_TAIL = 3  # 购置费 (of 公务用车购置费); a shorter tail (费, 支出) names no item


def _shortened(clause: str, items: Sequence[str]) -> str:
    """`购置费比2023年预算增加了多少` after `公务用车购置费是多少…公务用车运行费是多少`: a clause opening with the
    end of an item just asked (and of no other) asks that item, written in full."""
    for item in reversed(items):
        for n in range(len(item) - 2, _SHORTEST_TAIL - 1, -1):
            tail = item[-n:]
            if clause.startswith(tail) and sum(x.endswith(tail) for x in set(items)) == 1:
                return item + clause[n:]
    return clause


def each_of_before(clauses: Sequence[str]) -> list[str]:
    """The clauses with those naming the items asked before them written out: `三项加总是多少` as the sum of the
    last three items asked, `这两部分各占X的百分之几` as one share question per item."""
    out: list[str] = []
    for clause in clauses:
        total, share = _SUM_OF_THESE.match(without_request(clause)), _EACH_SHARE.match(clause)
        found = total or share
        n = _COUNT.get(found.group("n") or "", len(out)) if found else 0
        items = [_item(c) for c in out[-n:]] if found and 2 <= n <= len(out) else []
        if total and items and all(items):
            head = _common_head(items)  # the table or container they were asked in, said once
            rest = [i[len(head) :] for i in items]
            out.append(f"{head}{'、'.join(rest[:-1])}和{rest[-1]}加起来{total.group('ask') or '是多少'}")
        elif share and items and all(items):
            out += [f"{item}占{share.group('whole')}的{share.group('ask')}" for item in items]
        else:
            out.append(clause)
    return out


def _item(clause: str) -> str:
    """What a clause asked for (`本年支出合计中基本支出是多少万元` → `本年支出合计中基本支出`), or "" for one asking
    no figure of an item."""
    item = _ASKED.sub("", clause)
    return item if len(item) >= 2 and item != clause else ""


def _common_head(items: Sequence[str]) -> str:
    shortest = min(items, key=len)
    return next(
        (shortest[:k] for k in range(len(shortest), 0, -1) if all(i.startswith(shortest[:k]) for i in items)), ""
    )


# `…最多的一项是多少万元？最少的一项是多少万元？`: a place in the order asked with no item, after a ranking
_PLACE_ONLY = re.compile(
    rf"^(?:那么?|而|还有)?,?(?P<place>{PLACE})(?P<word>[多少大小高低])的"
    r"(?:一|那)?(?:个|项|款|类|笔|项目)?(?:又|呢)?(?:是|为|有)?(?:多少|几|哪)"
)
_PLACE = re.compile(PLACE + "[多少大小高低](?=的)")


def with_previous_ranking(clause: str, before: str) -> str:
    """A clause asking only another place in the order (`最少的一项是多少万元`) after a clause ranking items (`在司法
    （款）下的六个项级科目中，最多的一项是多少万元`): that clause again, at this place; unchanged otherwise."""
    mine = _PLACE_ONLY.match(clause)
    if mine is None or not _PLACE.search(before):
        return clause
    return _PLACE.sub(mine.group("place") + mine.group("word"), before, count=1)


def of_row_before(clause: str, row: str) -> str:
    """`…的合计是多少？同一行的财政拨款收入是多少`: a column of the row the clause before asked (`row`)."""
    same = _SAME_ROW.match(clause)
    return f"{row}的{clause[same.end() :]}" if same and row else clause


_SAME_ROW = re.compile("(?:同一|这一|那一|该|本|此|同)行(?:里|中|上)?的?")
