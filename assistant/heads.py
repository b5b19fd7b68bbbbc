"""Heads said once for several items: a kind of 政府采购 said bare after one said with its head (`政府采购工程预算是
货物预算的几倍`), and modifiers listed after a topic (`行政事业单位医疗这块，行政单位的加上事业单位的`)."""

from __future__ import annotations

import re

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


# the order of a difference asked for (请按决算数减年初预算数来算): the first named less the second
_ORDER_ASKED = re.compile(
    r"按(?:照)?(?P<a>[^,?;减]{1,12}?)减去?(?P<b>[^,?;减]{1,12}?)(?:的顺序)?(?:来|去)?(?:算|计算)(?=[,。.?;]|$)"
)


def ordered_as_asked(asked: str, parts: list[str]) -> list[str]:
    """A difference's two parts in the order the question asks them taken (`…年初预算数和决算数之间差多少？请按决算数减
    年初预算数来算`: 决算数 first); `parts` as they are otherwise."""
    m = _ORDER_ASKED.search(asked)
    if m is None or len(parts) != 2:
        return parts
    a, b = m.group("a"), m.group("b")
    return parts[::-1] if parts[1].endswith(a) and parts[0].endswith(b) else parts
