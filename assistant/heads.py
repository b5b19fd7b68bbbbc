"""Heads said once for several items: a kind of 政府采购 said bare after one said with its head (`政府采购工程预算是
货物预算的几倍`), modifiers listed after a topic (`行政事业单位医疗这块，行政单位的加上事业单位的`), and the other side, end
or stage of an item said bare after the item (`一般公共预算拨款收入和支出`, `X的年初预算和决算数`)."""

from __future__ import annotations

import re

from assistant.names import vocabulary
from index.classification import kind_words


def sibling_kind(first: str, second: str) -> str:
    """`政府采购工程预算是货物预算的几倍`, `政府采购里工程采购占工程+货物之和`: a bare kind of 政府采购 (货物) said after a
    name holding a kind with its head is that head's kind (政府采购货物预算); any other name as said."""
    kinds = list(kind_words().values())
    stem = re.sub("类?(?:预算|采购|支出|金额)*$", "", second)
    said = stem if stem in first else next((k for k in kinds if k in first), None)
    if stem not in kinds or said is None or len(first) <= len(said):
        return second
    return first.replace(said, stem, 1)


def with_topic(modifier: str, topic: str) -> str:
    """A modifier said of a topic (行政单位的 of 行政事业单位医疗): the modifier with what the topic says after the
    modifier's longest end it holds (单位: 行政单位医疗; 事业单位: 事业单位医疗), or before the whole topic when the topic
    holds no end of it (行政单位的 of 离退休: 行政单位离退休)."""
    for start in range(len(modifier) - 1):
        at = topic.find(modifier[start:])
        if at >= 0 and at + len(modifier) - start < len(topic):
            return modifier + topic[at + len(modifier) - start :]
    return f"{modifier}{topic}"


# the order of a difference asked for (请按决算数减年初预算数来算, 请用决算数减去年初预算数): the first named less the second
_ORDER_ASKED = re.compile(
    r"(?:按|用|以)(?:照)?(?P<a>[^,?;减]{1,12}?)减去?(?P<b>[^,?;减]{1,12}?)(?:的顺序)?(?:来|去)?(?:算|计算)?(?=[,。.?;]|$)"
)


def ordered_as_asked(asked: str, parts: list[str]) -> list[str]:
    """A difference's two parts in the order the question asks them taken (`…年初预算数和决算数之间差多少？请按决算数减
    年初预算数来算`: 决算数 first); `parts` as they are otherwise."""
    m = _ORDER_ASKED.search(asked)
    if m is None or len(parts) != 2:
        return parts
    a, b = m.group("a").removesuffix("数"), m.group("b").removesuffix("数")  # 决算数 names the part 决算
    first, second = (p.removesuffix("数") for p in parts)
    return parts[::-1] if second.endswith(a) and first.endswith(b) else parts


# A topic said before the items (离退休这块，…; 离退休里…), and a modifier said without a head of its own (行政单位的加上…)
_TOPIC = re.compile(r"^(?P<topic>[^,?;]{2,12}?)(?:(?:这一块|这块|那一块|那块|这部分|方面|里面|当中|里|中),?|,)")
_BARE_MODIFIER = r"的(?=加上|加|和|与|及|、|跟|一共|总共|合计|共计|加起来|合起来|加在一起|是|有|为|,|\?|$)"


def heads_of_topic(core: str, pieces: list[str]) -> list[str]:
    """`离退休这块，行政单位的加上事业单位的一共多少`: modifiers listed without a head (each followed by 的 and no name)
    after a topic are of the topic (行政单位离退休, 事业单位离退休); other lists are returned as they are."""
    m = _TOPIC.match(core)
    if m is None or len(pieces) < 2:
        return pieces
    said, rest = m.group(0).rstrip(",").replace("的", ""), core[m.end() :]  # 2026年的政府采购预算中: 的 said or not
    own = [_KIND.sub("", _COUNTED.sub("", p.removeprefix(said).lstrip(","))) for p in pieces]
    if all(o and re.search(re.escape(o) + _BARE_MODIFIER, rest) for o in own):
        return [with_topic(o, m.group("topic")) for o in own]
    # 政府采购预算中，货物和服务两类: short names after a container are inside it (政府采购预算中服务)
    if m.group(0).rstrip(",").endswith(_WITHIN) and pieces[0].startswith(said) and all(0 < len(o) <= 4 for o in own):
        return [f"{said}{o}" for o in own]
    return pieces


_WITHIN = ("里面", "当中", "里", "中")
_COUNTED = re.compile("(这|那)?[两二三四几](类|项|个|块|部分)$")  # 货物和服务两类: the items, not their count
_KIND = re.compile("(?<=[\u4e00-\u9fff]{2})类(?:预算|采购|支出)?$")  # 政府采购里，工程类预算: the kind 工程


def other_side(first: str, second: str) -> str:
    """`一般公共预算拨款收入和支出相差多少`: a bare 支出 after X收入 is X支出 (and 收入 after X支出); a bare 年初
    after X's 年末 (年末结转和结余比年初多了多少) is X's 年初; a stage alone after X's stage is X's, and a column of
    spending alone after X's column (城乡社区支出的基本支出是项目支出的几倍) is X's."""
    staged = stage_of_first(first, second)
    if staged != second:
        return staged
    columns = vocabulary().spending_parts  # 城乡社区支出的基本支出是项目支出的几倍: the row's 项目支出
    own = next((c for c in columns if first.endswith(c) and c != second and len(first) - len(c) >= 2), None)
    if second in columns and own:
        return first[: -len(own)] + second
    for side, other in (("收入", "支出"), ("支出", "收入")):
        if second == other and first.endswith(side) and len(first) > len(side):
            return first[: -len(side)] + other
    for end, other in _ENDS:  # 年末结转和结余比年初多了多少: the 年初 of the same item
        if second == other and end in first and len(first) > len(end) + 1:
            return first[first.index(end) :].replace(end, other, 1)
    return second


def stage_of_first(first: str, second: str) -> str:
    """A stage alone after an item's stage (X的年初预算 … 支出决算) is the same item's."""
    if _STAGE_ONLY.fullmatch(second) and _STAGE_ONLY.search(first):
        return _STAGE_ONLY.sub("", first).removesuffix("的") + second
    return second


def columns_of_one_item(core: str, pieces: list[str]) -> list[str]:
    """`X的年初预算和决算数哪个多`, `X这一项，年初预算和决算数哪个多`: stages compared alone are the item's said first."""
    if len(pieces) < 2 or not all(_STAGE_ONLY.fullmatch(p) for p in pieces[1:]):
        return pieces
    if _STAGE_ONLY.fullmatch(pieces[0]):
        item = re.sub("(?:这|那)一?(?:项|款|类|行)$", "", core[: core.find(pieces[0])].rstrip(",的"))
        return [f"{item}{p}" for p in pieces] if len(item) >= 2 else pieces
    return [pieces[0], *(stage_of_first(pieces[0], p) for p in pieces[1:])]


_STAGE_ONLY = re.compile("(?:实际)?(?:支出)?(?:年初预算|全年预算|调整预算|预算执行|决算|执行|预算)数?$")
# the two ends of a year said of one item (年初结转和结余, 年末结转和结余)
_ENDS = (("年末", "年初"), ("年初", "年末"))
