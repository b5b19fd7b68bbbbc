"""Arithmetic over named items: share, sum, difference, comparison."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.analyze import Query, strip_filler
from assistant.answer_types import Answer
from assistant.check_rules import load_rules
from assistant.compose import (
    decimals_of,
    describe,
    exact,
    format_value,
    money_unit_for,
)
from assistant.cues import cue
from assistant.data import load_data
from assistant.heads import ordered_as_asked
from assistant.match import Scored, choose, confident, rank_facts
from assistant.measures import complete_parts
from assistant.names import candidate_names, display_name, operand_names, strip_endings, table_title, vocabulary
from assistant.operations import shares
from assistant.operations.base import Context, abstain, disagree
from assistant.operations.change import change
from assistant.operations.computed import computed, ratio_answer
from assistant.operations.lookup import lookup, parallel, rank_all
from assistant.operations.multiples import multiple_of_prior_year
from assistant.operations.operands import by_code_only, find_parts, printed_twice, rank_part
from assistant.operations.periods import asks_each, each_period, period_rows
from assistant.operations.places import agreeing
from assistant.operations.shares import as_printed_alike, not_a_part, share_of_sum, share_of_summed_whole
from assistant.operations.tables import pointed_table
from assistant.operations.under import kinds_counted, rows_under_named, scope_of_units
from assistant.pairs import asks_gap_too, with_gap
from assistant.stated import StatedShare, bare_name, stated_shares
from index.model import Fact
from index.text import bigrams, containment, normalize

_TOTAL = re.compile(load_data("intents.toml")["total_cue"])


_ALL_WORDS = frozenset(("全部", "全部合计", "全部总计", "合计", "总计", "总额", "总数", "整体", "所有"))


def share(query: Query, ctx: Context) -> Answer:
    # 占全部合计: no whole named; 9628万多元里，基本支出占: the amount said finds the whole (`whole_as_stated`)
    parts = [shares.without_stated(p) for i, p in enumerate(query.parts) if i != 1 or p not in _ALL_WORDS]
    table = pointed_table(query, ctx.facts)
    if len(parts) == 1 and table:  # 占部门支出预算总表合计的百分之几: the total of the table named
        parts.append(f"{table_title(table)}合计")
    elif len(parts) == 1:  # no whole named: the total of the part's side of the accounts (其他收入占比: 收入总计)
        parts.append("收入总计" if "收入" in parts[0] and "支出" not in parts[0] else "支出总计")
    summed = share_of_sum(query, ctx, parts) or share_of_summed_whole(query, ctx, parts)
    if summed is not None:
        return summed
    places: list[Fact] = []
    # the whole first: among equal matches the part is then read where the whole is (its table's scope)
    facts = find_parts(query, ctx, parts[1::-1], places)
    facts = facts[::-1] if facts else None
    if not facts and len(parts) >= 2:
        facts = _whole_with_parts_head(query, ctx, parts[0], parts[1], places)
    found = facts or find_parts(query, ctx, parts[:1], places)  # the part alone: the whole by its amount said
    part = found[0] if found else None
    whole = shares.whole_as_stated(query, ctx, part, found[1] if found and len(found) > 1 else None, parts[1:2])
    if part is None or whole is None:
        return abstain(query)
    facts = [part, whole]
    unit = money_unit_for(facts, None)
    vp, vw = (as_printed_alike(f, unit, facts) for f in facts)
    if vp is None or vw in (None, 0) or (not_a_part(part, whole, vp == vw) and vp >= vw):
        return abstain(query)  # a row's total over its own column is no share (社会保障和就业支出 ÷ its 一般公共预算)
    assert vw is not None
    digits = 2 if query.round is None else query.round  # 保留一位小数
    names = operand_names(facts, ctx.departments)
    if vp > vw > 0:  # a part is never more than its whole: the figure found is not the whole of this part
        return abstain(
            query,
            warning=f"找到的“{names[1]}”（{format_value(vw, unit)}{unit}）小于“{names[0]}”，不是它的总数，未作计算。",
        )
    stated = printed_share((part, names[0]), (whole, names[1]), ctx)
    if stated is not None:
        same = [f for f in [*facts, *places] if not (disagree(stated.part, f) and disagree(stated.whole, f))]
        return stated_share(query, ctx, stated, unit, names, same)
    value = round(vp / vw * 100, digits)
    shown = format_value(value, "%", places=query.round)
    formula = f"{describe(part, unit, names[0])} ÷ {describe(whole, unit, names[1])} = {shown}%"
    return computed(query, ctx, "share", facts, value, "%", formula, subject=f"{names[0]}占{names[1]}", places=places)


def rounded_away(facts: Sequence[Fact], unit: str, value: float) -> Fact | None:
    """The most roughly printed operand, when the difference is smaller than its last printed digit: a table's
    96,282,213.44元 less a sentence's 9628.22万元 is no difference, only the sentence's rounding (13.44元)."""
    steps = [_step(f, unit) for f in facts]
    if not value or len({f.unit for f in facts}) < 2 or None in steps:
        return None
    step, rough = max((s, f) for s, f in zip(steps, facts, strict=True) if s is not None)
    return rough if abs(value) < step / 2 else None


def _step(fact: Fact, unit: str) -> float | None:
    """The last printed digit of a fact, in `unit` (9628.22万元 in 元: 100)."""
    one = fact.in_unit(unit) if fact.value else None
    return abs(one / fact.value) * 10 ** -decimals_of(fact.text) if one and fact.value else None


def _whole_with_parts_head(query: Query, ctx: Context, part: str, whole: str, places: list[Fact]) -> list[Fact] | None:
    """A whole written without the head its part names (小微企业的政府采购 占 面向中小企业预留金额): the
    whole with the shortest ending of the part's item name that finds another item (面向中小企业预留 + 采购); a part
    named by its own word only (服务类预算占政府采购预算总额): the whole's head with it (政府采购服务)."""
    found = find_parts(query, ctx, [part])
    if not found:
        totals = vocabulary().default_measures
        head, own = (strip_endings(strip_filler(w), totals) for w in (whole, part))
        again = find_parts(query, ctx, [head + own, whole], places) if len(head) >= 2 and own not in head else None
        return again if again and again[0] is not again[1] else None
    words = [w for w in vocabulary().generic_suffixes if len(w) <= 2]  # 项目 is no head; 政府采购项目 holds one
    name = strip_endings(candidate_names(found[0], ctx.departments)[0], words)
    stem = strip_filler(whole)
    for size in range(2, min(len(name) - 1, 8) + 1):
        head = name[-size:]
        if head in stem or not bigrams(head) <= bigrams(part):
            continue
        again = find_parts(query, ctx, [part, stem + head], places)
        if again and again[1] is not again[0]:
            return again
    return None


def printed_share(part: tuple[Fact, str], whole: tuple[Fact, str], ctx: Context) -> StatedShare | None:
    """The share the document itself prints for `part` of `whole` (each a fact and its name in the answer):
    `住房保障支出（类）445.69万元，占15.16%` of the 一般公共预算财政拨款支出 stated before 主要用于, when the
    total it is of has the name and the amount of `whole`."""
    rule = next((r for r in load_rules() if r.kind == "stated_share"), None)
    if rule is None:
        return None
    (part_fact, part_name), (whole_fact, whole_name) = part, whole
    doc = [f for f in ctx.facts if f.source.doc_id == part_fact.source.doc_id]
    items = {bare_name(part_fact.subject), bare_name(part_name)}  # the 合计 row's column 项目支出: 项目支出
    totals = {bare_name(whole_fact.subject), bare_name(whole_name)} - {""}
    for found in stated_shares(doc, rule.params.get("parent_markers", []), rule.params["named"]):
        if bare_name(found.share.subject) not in items or found.share.year != part_fact.year:
            continue
        stated_total = bare_name(found.whole.subject)
        if not any(t in stated_total or stated_total in t for t in totals):
            continue  # 本年支出合计 is not 财政拨款收入, however equal the amounts
        if found.whole.in_unit(whole_fact.unit) is not None and not disagree(whole_fact, found.whole):
            return found
    return None


def stated_share(
    query: Query, ctx: Context, stated: StatedShare, unit: str, names: Sequence[str], places: Sequence[Fact]
) -> Answer:
    """Answer with the document's printed share, its sentence cited first; the formula shows the stated
    amounts, and says so when they give another figure than the one printed."""
    x, w = stated.part.in_unit(unit), stated.whole.in_unit(unit)
    value = stated.share.value if query.round is None else round(stated.share.value, query.round)
    formula = f"{describe(stated.part, unit, names[0])} ÷ {describe(stated.whole, unit, names[1])}"
    if x is not None and w:
        again = round(x / w * 100, 2)
        formula += f" = {format_value(again, '%')}%"
        if abs(again - stated.share.value) >= 0.005:
            formula += (
                f"；文件所印占比为{format_value(stated.share.value, '%', places=decimals_of(stated.share.text))}%"
            )
    sentence = [stated.share, *([stated.whole] if stated.whole.source.quote != stated.share.source.quote else [])]
    return computed(
        query, ctx, "share", sentence, value, "%", formula, subject=f"{names[0]}占{names[1]}", places=places
    )


def lookup_or_total(query: Query, ctx: Context) -> Answer:
    """A lookup, unless it asks a total (`实有在编人数一共多少`, or a number of people: `实际在编几个人`) of an item
    printed under parallel parents, none of them named."""
    if query.intent != "lookup":
        return lookup(query, ctx)
    asked = query.norm.split("|")[0]
    total, each = _TOTAL.search(asked), asks_each(query)
    whole = bool(total) or bool(cue("period_whole").search(asked))  # 全年用款计划: a year of quarters
    rows = period_rows(query, ctx, whole_year=whole) if whole or each else None
    if rows:  # 每个季度用款计划多少, 全年用款计划合计 (分季度安排的，全年合计: the total is what is asked)
        return each_period(query, ctx, rows) if each and not total else sum_of(query, ctx, rows)
    if total and (items := rows_under_named(query, ctx)):  # 把它下面各项的基本支出加起来: the rows under the row named
        return sum_of(query, ctx, items)
    if kinds := kinds_counted(query, ctx):  # 一共包括几家单位: 行政单位1家 + 参公单位1家 + 事业单位4家
        return sum_of(query, ctx, kinds, scope_of_units(kinds, ctx))
    if not total and query.unit != "人":  # 实际在编几个人: a department's staff are those of all its parts
        return lookup(query, ctx)
    ranked = rank_all(query, ctx)
    facts = siblings(ranked, query, ctx)
    return sum_of(query, ctx, facts) if facts else lookup(query, ctx, ranked)


def sum_of(query: Query, ctx: Context, facts: list[Fact] | None = None, places: list[Fact] | None = None) -> Answer:
    places = places or []  # other places stating the figures, cited too
    if facts is None and (kinds := kinds_counted(query, ctx)):  # 把本部和下属单位都算上，一共几家: every kind
        facts, places = kinds, scope_of_units(kinds, ctx)
    if facts is None and len(query.parts) < 2:
        facts = rows_under_named(query, ctx) or None  # 302商品和服务支出下各款加总: the rows under the row named
    if facts is None and len(query.parts) < 2:  # one item named: a total of it under its parallel parents
        ranked = rank_all(query, ctx)
        facts = siblings(ranked, query, ctx)
        if not facts:
            return lookup(query, ctx, ranked)
    if facts is None:
        facts = find_parts(query, ctx, query.parts, places)
    if not facts:  # a part not found: a total printed under the whole name, never one part's figure
        ranked = rank_all(query, ctx)
        named = [p for p in query.parts if ranked and _names_part(ranked[0], p, query.parts)]
        coded = by_code_only(query.parts)  # 201、206、299的支出总计: rows by code, one not printed
        if len(named) != 1 and not coded:  # 商品和服务支出 names both its parts: answered by a name holding all of them
            whole = [s for s in ranked if all(_names_part(s, p, query.parts) for p in query.parts)]
            return lookup(query, ctx, whole if named else ranked)
        missing = [p for p in query.parts if not find_parts(query, ctx, [p])]
        return abstain(query, warning=f"文件中没有找到“{'、'.join(missing)}”，未作合计。" if missing else None)
    if len({id(f) for f in facts}) < len(facts):  # two parts read as one row: never add a figure to itself
        return abstain(query)
    if printed_twice(facts):  # 机关本部和法律援助中心的机关运行经费: the figure of both, in a table and a sentence
        return lookup(query, ctx, rank_part(query, ctx, query.parts[0]))
    unit = money_unit_for(facts, query.unit)
    values = [f.in_unit(unit) for f in facts]
    if any(v is None for v in values):
        return abstain(query)
    total = exact(sum(v for v in values if v is not None))
    names = operand_names(facts, ctx.departments)
    formula = (
        " + ".join(describe(f, unit, n) for f, n in zip(facts, names, strict=True))
        + f" = {format_value(total, unit)}{unit}"
    )
    return computed(query, ctx, "sum", facts, total, unit, formula, subject="、".join(names), places=places)


def _names_part(best: Scored, part: str, parts: Sequence[str]) -> bool:
    """Does the best match name a part asked, by the part's own words (those no other part shares, nor the row's
    context)? 商品和服务支出 names 商品 and 服务支出; 第一季度用款计划 names 第一季度, not 第二季度 (季度用款 is both
    parts'); 行政单位医疗 (under 行政事业单位医疗) names 行政单位医疗, not 事业单位医疗."""
    others = set().union(*(bigrams(p) for p in parts if p != part))
    own = bigrams(part) - others or bigrams(part)
    what = own - bigrams(normalize(best.fact.context)) or own  # 新建工程 says where the row is, not which row
    # a part named with where it sits (司法款下行政运行) names the row printed whole inside it
    whole_name = len(best.name) >= 3 and best.name in part and not any(best.name in p for p in parts if p != part)
    return whole_name or containment(what, bigrams(best.name)) >= 0.5


def siblings(ranked: Sequence[Scored], query: Query, ctx: Context) -> list[Fact] | None:
    """An item asked in total whose name the document prints under several parallel parents, none or all
    of them named (`实有在编人员合计多少人（行政和事业加起来）`): the figures to add (see `parallel`), from
    the facts `ranked` for the question."""
    if not ranked or not confident(ranked[0], ctx.tun):
        return None
    return parallel(query, choose(ranked, tun=ctx.tun).fact, ranked) or None


def difference(query: Query, ctx: Context) -> Answer:
    # against another year (比2021年, 比去年, two years named) it is a year-on-year change; one year named
    # is the year of both figures (2024年行政运行决算比年初预算少了多少)
    # (当年/今年 is the document's own year: `比当年三公经费预算多出多少` compares two items of it)
    compared = query.base_years or query.base_relative is not None or query.relative_year not in (None, 0)
    if len(query.parts) < 2 or compared or len(set(query.years)) >= 2:
        return change(query, ctx)  # "比2021年多了多少", "比去年…": a year-on-year change
    if len(query.parts) > 2:  # X减去A和B: X less each
        return _less_parts(query, ctx)
    places: list[Fact] = []
    facts = find_parts(query, ctx, complete_parts(query.parts[:2]), places)
    if not facts or facts[0] is facts[1]:  # one of two items not found, or both read as one: no difference
        return abstain(query)
    # A与B相差多少（后者减前者）, …请用B减A: B − A (each part found as said, so both read alike)
    if _LATTER_FIRST.search(query.asked) or ordered_as_asked(query.asked, query.parts[:2]) != query.parts[:2]:
        facts = facts[::-1]
    unit = money_unit_for(facts, query.unit)
    va, vb = (f.in_unit(unit) for f in facts)
    if va is None or vb is None:
        return abstain(query)
    value = exact(va - vb)
    names = operand_names(facts, ctx.departments)
    formula = f"{describe(facts[0], unit, names[0])} − {describe(facts[1], unit, names[1])} = {format_value(value, unit)}{unit}"
    rough = rounded_away(facts, unit, value)
    if rough is not None:  # the operands agree to the digits printed
        formula += f"，不足{rough.text}的末位，按印出的精度两者相同"
        value = 0.0
    return computed(
        query,
        ctx,
        "difference",
        facts,
        value,
        unit,
        formula,
        subject=f"{names[0]}比{names[1]}" if value else f"{names[0]}与{names[1]}",
        gap="多" if value > 0 else "少" if value < 0 else "相差",
        places=places,
    )


_LATTER_FIRST = re.compile("后者减去?前者")


def _less_parts(query: Query, ctx: Context) -> Answer:
    """`项目支出减去信息化建设和财政委托业务支出`: the first part less every other, each found and cited, the formula
    shown; any part not found (or two read as one) declines."""
    places: list[Fact] = []
    facts = find_parts(query, ctx, complete_parts(query.parts), places)
    if not facts or len({id(f) for f in facts}) < len(facts):
        return abstain(query)
    unit = money_unit_for(facts, query.unit)
    values = [v for f in facts if (v := f.in_unit(unit)) is not None]
    if len(values) < len(facts):
        return abstain(query)
    value = exact(values[0] - sum(values[1:]))
    names = operand_names(facts, ctx.departments)
    formula = " − ".join(describe(f, unit, n) for f, n in zip(facts, names, strict=True))
    formula += f" = {format_value(value, unit)}{unit}"
    subject = f"{names[0]}减去{'、'.join(names[1:])}"
    return computed(query, ctx, "difference", facts, value, unit, formula, subject=subject, gap="后为", places=places)


def asks_less(query: Query) -> bool:
    """Does a comparison ask for the smaller (哪个少, 更低)? 多少 asks, it compares nothing."""
    return bool(re.search("(?<!多)少|低|小", query.norm.split("|")[0]))


def compare(query: Query, ctx: Context) -> Answer:
    """Compare one item across the documents in scope (or two named items)."""
    docs = sorted({f.source.doc_id for f in ctx.facts})
    picks: list[Fact] = []
    places: list[Fact] = []
    if len(docs) >= 2:
        for doc in docs:
            ranked = rank_facts(
                query,
                [f for f in ctx.facts if f.source.doc_id == doc],
                departments=ctx.departments,
                hits=ctx.hits,
                doc_years=ctx.doc_years,
                tun=ctx.tun,
            )
            if ranked and confident(ranked[0], ctx.tun):
                picks.append(ranked[0].fact)
                places.extend(agreeing(ranked[0].fact, ranked[0], ranked, limit=1, facts=ctx.facts))
    elif len(query.parts) >= 2:  # 行政运行那一行，人员经费和公用经费: both of 行政运行
        picks = find_parts(query, ctx, complete_parts(query.parts), places) or []
    if len(picks) < 2:
        return abstain(query)
    unit = money_unit_for(picks, query.unit)
    values = [(f.in_unit(unit) or 0.0, f) for f in picks]
    less = asks_less(query)
    value, winner = (min if less else max)(values, key=lambda vf: vf[0])
    # each item by its name, two columns of one row each with its column (城管执法基本支出, 城管执法项目支出)
    named = (
        [display_name(f, ctx.departments) for f in picks] if len(docs) >= 2 else operand_names(picks, ctx.departments)
    )
    titles = [ctx.titles.get(f.source.doc_id, "") if len(docs) >= 2 else "" for f in picks]
    at = picks.index(winner)
    label = titles[at] or named[at]
    formula = "；".join(f"{t}{describe(f, unit, n)}{unit}" for t, f, n in zip(titles, picks, named, strict=True))
    answer = computed(
        query,
        ctx,
        "compare",
        picks,
        value,
        unit,
        formula,
        subject="、".join(dict.fromkeys(named)),  # A、B、C：B更多
        winner=label,
        more="少" if less else "多",
        places=places,
    )
    if answer.abstained:
        return answer
    items = [  # each item compared, cited where its figure is (operands are cited first, in order)
        Answer(question=query.text, answer="", value=v, unit=unit, citations=[c], subject=n)
        for (v, _), c, n in zip(values, answer.citations, named, strict=False)
    ]
    answer.compared = sorted(items, key=lambda a: a.value or 0.0, reverse=not less)
    answer.year = winner.year  # the figure answered is the winner's, of its own document's year
    if len(docs) < 2 and len(items) == 2 and asks_gap_too(query.norm.split("|")[0]):  # 哪个多？多多少
        return with_gap(answer, less=less)
    return answer


def ratio_in_doc(query: Query, ctx: Context) -> Answer:
    """`A是B的几倍` within the documents in scope (B its own year before: `multiple_of_prior_year`)."""
    earlier = multiple_of_prior_year(query, ctx)
    if earlier is not None:
        return earlier
    places: list[Fact] = []  # the other places printing the operands (the narrative beside 表14), cited too
    facts = find_parts(query, ctx, query.parts[:2], places) if len(query.parts) >= 2 else None
    if not facts:
        return abstain(query)
    unit = money_unit_for(facts, None)
    va, vb = (f.in_unit(unit) for f in facts)
    if va is None or not vb:
        return abstain(query)
    value = round(va / vb, 2)
    names = operand_names(facts, ctx.departments)
    formula = f"{describe(facts[0], unit, names[0])} ÷ {describe(facts[1], unit, names[1])} = {value:g}"
    return ratio_answer(query, ctx, facts, value, formula, subject=f"{names[0]}与{names[1]}之比", places=places)
