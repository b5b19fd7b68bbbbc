"""Shares over a sum: the share of items added together (`A和B加起来占Z的百分之几`), and a share whose whole is
the sum of items the question names (`人员经费占人员经费与公用经费之和的比例`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.analyze import Query, split_parts, total_row_names
from assistant.answer_types import Answer
from assistant.compose import decimals_of, describe, format_value, money_unit_for
from assistant.heads import sibling_kind
from assistant.names import operand_names
from assistant.operations.base import Context, abstain
from assistant.operations.computed import computed
from assistant.operations.operands import find_parts, rank_part
from index.model import Fact
from index.text import normalize

_THESE_KINDS = re.compile("这[两二三四五六七八九几]?(个|块|项|类|部分|笔)(项目)?$")


def share_of_sum(query: Query, ctx: Context, parts: Sequence[str]) -> Answer | None:
    """`A和B加起来占Z的百分之几` (and `A和B这两类占Z的比例`): the share of their sum, never of A alone; None when
    one item is asked, or each item's own share (`各占`), or the items are not all found (one name holding 和)."""
    items = split_parts(f"{parts[0]}加起来是多少", "sum") if len(parts) >= 2 else []
    if len(items) < 2 or re.search("各|分别", query.norm.split("|")[0]):
        return None
    places: list[Fact] = []
    facts = find_parts(query, ctx, [parts[1], *(_THESE_KINDS.sub("", i) for i in items)], places)
    if not facts or len({id(f) for f in facts}) < len(facts):
        return None  # 小型和微型企业的采购金额: one item whose name holds 和
    unit = money_unit_for(facts, None)
    whole, values = as_printed_alike(facts[0], unit, facts), [as_printed_alike(f, unit, facts) for f in facts[1:]]
    if not whole or any(v is None for v in values):
        return abstain(query)
    value = round(sum(v for v in values if v is not None) / whole * 100, 2 if query.round is None else query.round)
    names = operand_names(facts, ctx.departments)
    added = " + ".join(describe(f, unit, n) for f, n in zip(facts[1:], names[1:], strict=True))
    formula = f"（{added}）÷ {describe(facts[0], unit, names[0])} = {format_value(value, '%', places=query.round)}%"
    subject = f"{'、'.join(names[1:])}合计占{names[0]}"
    return computed(query, ctx, "share", facts, value, "%", formula, subject=subject, places=places)


def as_printed_alike(fact: Fact, unit: str, facts: Sequence[Fact]) -> float | None:
    """The fact's value in `unit`, to no more decimals than the coarsest operand printed in that unit has: a 元 row
    (12,121,164) beside a sentence's 950.12万元 is read as 1212.12, so one rounding does not carry into the other."""
    value = fact.in_unit(unit)
    printed = [decimals_of(f.text) for f in facts if f.unit == unit and f.text]
    return round(value, min(printed)) if value is not None and printed and fact.unit != unit else value


# a whole said as the sum of items (人员经费与公用经费之和, …两项合计, …加起来的总额)
_SUMMED = re.compile(
    r"(?:这?[两二三四几]项|两者|二者)?(?:之和|的和|之合|合计|总和|加起来|相加)(?:的)?(?:总额|总数|金额)?$"
)


def share_of_summed_whole(query: Query, ctx: Context, parts: Sequence[str]) -> Answer | None:
    """`人员经费占人员经费与公用经费之和的比例`: the part over the sum of the items the whole names (never over one of
    them, nor a row the whole's words happen to match); None when the whole names one item (社会保障和就业支出) or
    an item is not found."""
    if len(parts) < 2:
        return None
    whole = _SUMMED.sub("", parts[1]).replace("+", "和")  # “人员经费+公用经费”之和
    items = [sibling_kind(parts[0], i) for i in split_parts(f"{whole}加起来是多少", "sum")]  # 工程+货物
    if len(items) < 2:
        return None
    places: list[Fact] = []
    facts = find_parts(query, ctx, [parts[0], *items], places)
    if not facts or len({id(f) for f in facts[1:]}) < len(items):
        return None  # one item whose name holds 和
    unit = money_unit_for(facts, None)
    values = [as_printed_alike(f, unit, facts) for f in facts]
    total = sum(v for v in values[1:] if v is not None)
    if any(v is None for v in values) or not total or values[0] is None:
        return abstain(query)
    value = round(values[0] / total * 100, 2 if query.round is None else query.round)
    names = operand_names(facts, ctx.departments)
    added = " + ".join(describe(f, unit, n) for f, n in zip(facts[1:], names[1:], strict=True))
    formula = f"{describe(facts[0], unit, names[0])} ÷ （{added}）= {format_value(value, '%', places=query.round)}%"
    subject = f"{names[0]}占{'与'.join(names[1:])}之和"
    return computed(query, ctx, "share", facts, value, "%", formula, subject=subject, places=places)


def not_a_part(a: Fact, b: Fact, same: bool) -> bool:
    """Two figures of one printed item (one subject in one document: columns of one row), or a document's total
    taken for the part with the whole's very figure (`same`: 本年支出合计 ÷ 支出合计 is no share)."""
    subject = normalize(a.subject)
    return (same and subject in total_row_names()) or (
        a.source.doc_id == b.source.doc_id and subject == normalize(b.subject)
    )


# an amount the question says (`5,883万元的预算里`, `一共4644万`, `9628万多元里`): 多 after it, more than it by less
# than its last digit; digits with neither 万/亿 nor 元 are no amount
_STATED = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<d>\.\d+)?(?P<a>多)?(?P<u>亿|万)?(?P<b>多)?元?")


def _is_amount(m: re.Match[str]) -> bool:
    return bool(m.group("u")) or m.group(0).endswith("元")


def without_stated(part: str) -> str:
    """A part's words without an amount said in them (`部门支出预算9628万多` -> `部门支出预算`)."""
    return _STATED.sub(lambda m: "" if _is_amount(m) else m.group(0), part)


def whole_as_stated(
    query: Query, ctx: Context, part: Fact | None, whole: Fact | None, words: Sequence[str]
) -> Fact | None:
    """The whole a share question says by its amount (`项目那块一共4644万，政府投资项目占了百分之多少`): the fact
    printing that amount, ranked by the whole's words (`words`: none or one), when the whole found by its words
    prints another (支出总计 5,883 is not the 4644 said), or found by none (`5,883万元的预算里`). An amount that is
    the part's own, or that no fact prints, changes nothing."""
    asked = query.asked or query.norm.split("|")[0]
    said = [_Amount.of(m) for m in _STATED.finditer(asked[: asked.find("占")]) if _is_amount(m)]
    if part is None or not said or (whole is not None and any(a.printed_by(whole) for a in said)):
        return whole
    said = [a for a in said if not a.printed_by(part)]
    printing = [
        f
        for f in ctx.facts
        if f is not part and f.source.doc_id == part.source.doc_id and any(a.printed_by(f) for a in said)
    ]
    ranked = rank_part(query, replace(ctx, facts=printing), words[0]) if printing and words else []
    return ranked[0].fact if ranked else whole


@dataclass(frozen=True)
class _Amount:
    """An amount said, read once: its value in its unit, its last digit's step, and whether 多 follows it."""

    value: float
    unit: str
    step: float
    more: bool

    @classmethod
    def of(cls, m: re.Match[str]) -> _Amount:
        decimals = (m.group("d") or ".")[1:]
        return cls(
            value=float(m.group("n").replace(",", "") + (m.group("d") or "")),
            unit={"亿": "亿元", "万": "万元"}.get(m.group("u") or "", "元"),
            step=10.0 ** -len(decimals),
            more=bool(m.group("a") or m.group("b")),
        )

    def printed_by(self, fact: Fact) -> bool:
        """Does the fact print this amount (to its last digit; `9628万多`: 9628 and less than 9629)?"""
        value = fact.in_unit(self.unit) if fact.is_money else None
        if value is None:
            return False
        if self.more:
            return self.value <= value < self.value + self.step
        return abs(value - self.value) < self.step / 2
