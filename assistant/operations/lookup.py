"""Plain lookups: one figure, an empty table, or a figure the document states twice."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation
from assistant.compose import (
    bounded_value,
    cite_marks,
    format_value,
    load_templates,
    measure_phrase,
    money_unit_for,
    year_phrase,
)
from assistant.data import load_data
from assistant.lexicon import EXCEPT_WORDS, costs_not_covered
from assistant.match import Scored, choose, confident, names_narrative, rank_facts
from assistant.names import fact_name, operand_names, vocabulary
from assistant.operations.base import Context, abstain, cite, counted_at_date, decimal_places, disagree, unit_compatible
from assistant.operations.change import derivable_prior_year, prior_year
from assistant.operations.places import cited_places, conflicts, item_under_container_first, total_row_first
from assistant.operations.tables import (
    answer_empty,
    empty_table,
    fund_of,
    names_fund,
    of_fund,
    pointed_table,
    unprinted_code,
    unprinted_column,
    unprinted_table,
)
from assistant.placing import container_said
from assistant.units import listed_units_first
from index.classification import national_names, note
from index.model import MONEY_UNITS, Fact, convert_money
from index.text import bigrams, containment, normalize


def printed_with_unit(fact: Fact) -> str:
    """The figure as printed, with its unit once (`201.50万元`, whether or not the print carries the unit)."""
    text = fact.text or format_value(fact.value, fact.unit)
    return text if text.endswith(fact.unit) else f"{text}{fact.unit}"


_EXCEPT = re.compile(EXCEPT_WORDS)


def rank_all(query: Query, ctx: Context) -> list[Scored]:
    """Every fact in scope scored for the whole question, best first (all the units asked: the units listed)."""
    ranked = rank_facts(
        query, ctx.facts, departments=ctx.departments, hits=ctx.hits, doc_years=ctx.doc_years, tun=ctx.tun
    )
    return listed_units_first(query, ranked, ctx.tun)


def lookup(query: Query, ctx: Context, ranked: Sequence[Scored] | None = None) -> Answer:
    """One figure; `ranked`: the facts already ranked for this question by the caller (not ranked again)."""
    missing = unprinted_table(query, ctx.facts)
    if missing:  # 表4《基本支出总表》中…: a table the document does not print answers nothing
        return abstain(query, warning=f"文件中没有“{missing}”这张表。")
    column = unprinted_column(query, ctx.facts)  # 行政运行的上年结转收入 where no 上年结转 is printed, or 品目编码C99
    if missing := (f"“{column}”这一栏" if column else unprinted_code(query, ctx.facts)):  # never the row's 合计
        return abstain(query, warning=f"文件中没有{missing}。")
    asked = query.norm.split("|")[0]  # said in other words (做咨询 -> 咨询费), and not ruled out (除了…公积金)
    ranked = rank_all(query, ctx) if ranked is None else ranked
    ranked = total_row_first(ranked, ctx.facts, asked)  # 本年支出合计中，基本支出
    ranked = item_under_container_first(ranked, asked)  # 公共安全支出下的司法
    empty = empty_table(query, ctx)
    best = ranked[0] if ranked else None
    if empty and (
        not confident(best, ctx.tun)
        or (best is not None and (empty.score >= best.score or best.fact.value == 0))
        or (best is not None and names_fund(query, empty.fact) and not of_fund(best.fact, fund_of(empty.fact)))
        or (bool(empty.fact.source.table) and pointed_table(query, ctx.facts) == empty.fact.source.table)
    ):
        return answer_empty(query, empty, ctx)
    everyday = [] if _EXCEPT.search(asked) else [t for t in query.terms if t not in asked]
    if not confident(best, ctx.tun, ranked, everyday, query.content[-1] if query.content else ""):
        if query.years and derivable_prior_year(query, ctx):
            return prior_year(query, ctx)
        return abstain(query)
    assert best is not None
    best = _exact_print(query, in_pointed_table(query, choose(ranked, tun=ctx.tun), ranked, ctx), ranked)
    if not_the_item(query, best, ctx):
        return abstain(query)
    fact = best.fact
    others = conflicts(best, ranked, ctx)
    if fact.origin != "table" and any(o.origin == "table" for o in others) and not names_narrative(query):
        # the document disagrees with itself: answer from the table, cite the text too
        table_fact = next(o for o in others if o.origin == "table")
        others = [fact, *(o for o in others if o is not table_fact)]
        fact = table_fact
    unit = money_unit_for([fact], query.unit)
    value = fact.in_unit(unit)
    if value is None or (query.unit and not unit_compatible(query.unit, unit)):
        return abstain(query)
    fact, also = counted_at_date(query, *cited_places(fact, best, ranked, ctx.facts))
    cites = cite([fact, *also, *others], ctx)
    if not cites or cites[0].locator != fact.source.locator:
        return abstain(query, warning="找到的数字无法在原文中核对，未作回答。")
    text, warnings = render_lookup(query, ctx, fact, value, unit, len(also), others, cites)
    split = [f for f in parallel(query, fact, ranked) if f is not fact] if fact.context and not others else []
    if split:  # 实有在编人数 asked plainly: the document prints one under each of its parents; say so
        text, warnings = with_parallel(text, warnings, fact, split, unit, cites, ctx)
    return Answer(
        question=query.text,
        answer=text,
        value=value,
        unit=unit,
        citations=cites,
        warnings=warnings,
        intent="lookup",
        comparison=fact.comparison,
        subject=shown_subject(fact, ctx),
    )


def _exact_print(query: Query, best: Scored, ranked: Sequence[Scored]) -> Scored:
    """A figure asked in 元 whose best match is the narrative's rounded 万元 (142.22万元): the same item's exact print in
    元 (a table's 1,422,233 元, which rounds to it), when the document has one; else `best`."""
    fact = best.fact
    if query.unit != "元" or fact.unit == "元" or not fact.is_money or fact.value is None:
        return best
    places = len(repr(fact.value).split(".")[1]) if "." in repr(fact.value) else 0
    for s in ranked[:_EXACT_WINDOW]:
        exact = s.fact.in_unit(fact.unit) if s.fact.unit == "元" and s.measure_ok else None
        if s.name == best.name and s.fact.year == fact.year and exact is not None:
            if abs(exact - fact.value) <= 0.5 * 10**-places:
                return s
    return best


_EXACT_WINDOW = 12  # runners-up looked at for the exact print of the best match


def in_pointed_table(query: Query, best: Scored, ranked: Sequence[Scored], ctx: Context) -> Scored:
    """The match printed in the table the question points into (…在经济分类表里，公车的运行费), when the best match is
    printed elsewhere (the 三公 table's 公务用车运行费) and that table prints the same amount for an item of a name
    alike (30210 车辆运行费): one sum, cited where the question looks. A container said as where the item is printed
    (公车的运行开销，三公经费里安排了多少) points into the table printing it."""
    if not best.fact.is_money or not best.fact.value:
        return best
    table = pointed_table(query, ctx.facts) or _container_table(query, ranked)
    if not table or best.fact.source.table == table:
        return best
    same = (
        s
        for s in ranked[:20]
        if s.fact.source.table == table
        and s.measure_ok
        and s.recall > 0
        and s.fact.is_money
        and not disagree(s.fact, best.fact)  # one sum, printed in 元 or in 万元
    )
    return next(same, best)


def _container_table(query: Query, ranked: Sequence[Scored]) -> str | None:
    """The table printing a container the question names as where its item is (…，三公经费里安排了多少), or None."""
    plain, columns = query.norm.split("|")[0], vocabulary().measure_words  # 在基本支出里: a column, no container
    holder = (
        s.fact.source.table
        for s in ranked[:20]
        if s.recall == 1.0 and s.name not in columns and container_said(plain, s.name)
    )
    return next((t for t in holder if t), None)


def shown_subject(fact: Fact, ctx: Context) -> str:
    """The item as a lookup's answer names it: its printed subject, or the fuller name it is known by."""
    name = fact_name(fact, ctx.departments)
    return fact.subject if name == normalize(fact.subject) else name


def render_lookup(
    query: Query,
    ctx: Context,
    fact: Fact,
    value: float,
    unit: str,
    also: int,
    others: Sequence[Fact],
    cites: Sequence[Citation],
) -> tuple[str, list[str]]:
    """The answer sentence of a lookup (marks for the figure and the `also` places agreeing with it), and a
    warning naming the `others` places printing another figure for the item."""
    name = fact_name(fact, ctx.departments)
    places = decimal_places(fact, unit) if query.round is None else query.round  # 请按万元保留四位小数
    printed = format_value(value, unit, places=places)
    text = load_templates().render(
        "lookup",
        subject=shown_subject(fact, ctx),
        year=year_phrase(fact),
        measure=measure_phrase(fact, name),
        value=bounded_value(printed, unit, fact.comparison),
        unit="",
        cite=cite_marks(1, 1 + also),
    )
    warnings: list[str] = []
    if others:
        listed = "；".join(
            f"{c.locator}：{o.subject}{printed_with_unit(o)}" for o, c in zip(others, cites[1 + also :], strict=False)
        )
        # the table's figure, or of two sentences disagreeing the one cited first
        basis = "表格数字" if fact.origin == "table" else "[1]处的数字"
        warnings.append(f"文件中同一项目另有不同数字（{listed}），以上按{basis}作答。")
        text += "另见" + cite_marks(2 + also, len(others)) + "：文件中该项数字不一致。"
    if query.intent == "yesno":
        verdict = _verdict(query.text, value, unit)
        text = load_templates().render(
            "yesno",
            verdict=verdict,
            subject=fact.subject,
            year=year_phrase(fact),
            measure=measure_phrase(fact, name),
            value=format_value(value, unit, places=places),
            unit=unit,
            cite=cite_marks(1, 1 + also),
        )
    return text, warnings


def with_parallel(
    text: str, warnings: list[str], fact: Fact, split: Sequence[Fact], unit: str, cites: list[Citation], ctx: Context
) -> tuple[str, list[str]]:
    """The answer with the same item's figures under its other parents added, each named and cited."""
    names = operand_names([fact, *split], ctx.departments)
    added = cite(split, ctx)
    start = len(cites) + 1
    cites.extend(added)
    listed = "；".join(
        f"{n}{format_value(v, unit)}{unit}"
        for n, f in zip(names[1:], split, strict=True)
        if (v := f.in_unit(unit)) is not None
    )
    if text.startswith(fact.subject):  # 行政编制实有在编人数2022年为9人
        text = names[0] + text[len(fact.subject) :]
    text += f"另见{cite_marks(start, len(added))}：{listed}。"
    warnings.append(f"文件中该项目分列于{'、'.join(names)}；问题未指明，以上首先给出{names[0]}的数字。")
    return text, warnings


def another_item(query: Query, best: Scored, ctx: Context) -> bool:
    """Is the figure matched only by a measure's name (项目支出: a column of the totals row) while the question names
    another item the document prints (住房公积金), which the figure is not of?"""
    if best.name not in vocabulary().measure_words:
        return False
    asked, fact = query.norm.split("|")[0], best.fact
    where = normalize(f"{fact.subject}{fact.context}{fact.source.table or ''}")
    voc = vocabulary()
    items = {normalize(f.subject) for f in ctx.facts} - {best.name, *voc.measure_words}
    # totals hold every column; a fund or column's own row (财政拨款收入) is the measure again
    totals = [i for i in items if re.search("合计|总计|小计", i) or any(w in i for w in voc.measure_words)]
    return any(len(i) >= 3 and i in asked and i not in where for i in items.difference(totals))


def parallel(query: Query, chosen: Fact, ranked: Sequence[Scored]) -> list[Fact]:
    """The chosen figure's item as printed under each of several parallel parents (实有在编人数 under
    行政编制总数 and under 事业编制总数), the chosen one among them, when the question names none of
    the parents or all of them; [] when the item has one parent, the parents are not parallel
    categories (one suffix, neither holding the other: not 车辆 and 安排购置车辆) or one is asked."""
    key = (chosen.source.doc_id, chosen.year, chosen.unit, normalize(chosen.measure), normalize(chosen.subject))
    found: dict[str, Fact] = {}
    for other in ranked[:40]:
        f = other.fact
        same = (f.source.doc_id, f.year, f.unit, normalize(f.measure), normalize(f.subject)) == key
        if same and f.code is None and f.context:
            found.setdefault(normalize(f.context), f)
    parents = list(found)
    suffix = 0
    while all(len(p) > suffix for p in parents) and len({p[-1 - suffix] for p in parents}) == 1:
        suffix += 1
    if len(found) < 2 or suffix < 2 or any(a != b and a in b for a in parents for b in parents):
        return []
    said = query.norm.split("|")[0]
    asked = bigrams(said)
    # a parent named by its words or by what sets it apart (实际在编的事业人员: 事业 of 事业编制总数)
    named = [containment(bigrams(p), asked) >= 0.5 or (len(p) - suffix >= 2 and p[:-suffix] in said) for p in found]
    if normalize(chosen.context) not in found or (any(named) and not all(named)):
        return []
    return list(found.values())


_CLAIMED = re.compile(r"(?:是不是|是否为|是否是|是否|有没有|等于)(\d[\d,]*(?:\.(\d+))?)\s*(亿元|万元|元|%)?")


def _verdict(question: str, value: float, unit: str) -> str:
    """有/没有 for `有没有安排…`; 是/不是 for a figure the asker states (`是不是55.34万元`), compared at the decimals
    the asker wrote, in the answer's unit."""
    claimed = _CLAIMED.search(normalize(question))
    if not claimed:
        return "有" if value else "没有"
    said, said_unit = float(claimed.group(1).replace(",", "")), claimed.group(3) or unit
    step = 10.0 ** -len(claimed.group(2) or "")  # the precision the asker wrote, in the unit written
    if said_unit in MONEY_UNITS and unit in MONEY_UNITS:
        said, step = convert_money(said, said_unit, unit), convert_money(step, said_unit, unit)
    return "是" if abs(value - said) <= step / 2 + 1e-9 else "不是"


def not_the_item(query: Query, best: Scored, ctx: Context) -> bool:
    """Is the best match not the item asked: another item named (`another_item`), a narrower share of it
    (`narrowed_away`), a national item named after it (`named_after`), another kind of cost (`other_cost`: 新购车的
    保险费 is never 公务用车购置费)?"""
    return (
        another_item(query, best, ctx)
        or narrowed_away(query, best.fact)
        or named_after(query, best)
        or other_cost(query, best)
    )


def other_cost(query: Query, best: Scored) -> bool:
    """Does the question ask a kind of cost (保险费) the item read from its words is not (新购车的保险费, read as
    公务用车购置费)? An item the question names is the item asked, whatever cost words are around it."""
    asked, fact = query.norm.split("|")[0], best.fact
    described = normalize(f"{fact.subject}{fact.context}{fact.measure}") + note(fact.code, fact.subject)
    return best.name not in asked and costs_not_covered(asked, described)


def narrowed_away(query: Query, fact: Fact) -> bool:
    """Does the question narrow the item to the share reserved for some suppliers (面向中小企业预留的采购金额) while the
    figure's own line says nothing of them (the whole 政府采购)?"""
    asked = query.norm.split("|")[0]
    line = normalize(f"{fact.subject}{fact.context}{fact.measure}{fact.source.quote}")
    groups: list[list[str]] = load_data("answering.toml")["narrowing"]
    group = next((g for g in groups if any(w in asked for w in g)), [])
    return bool(group) and not any(w in line for w in group)


def named_after(query: Query, best: Scored) -> bool:
    """Does the question name, after the figure's item, a national item that figure is not of (`一般公共预算基本支出，
    …资本性支出是多少`: the container's total is never the part the document does not print)?"""
    asked = query.norm.split("|")[0]
    at = asked.find(best.name)
    if len(best.name) < 3 or at < 0:
        return False
    where = normalize(f"{best.fact.subject}{best.fact.context}")
    after = re.sub(r"\([^()]*\)", "", asked[at + len(best.name) :])  # (不是上面那行行政运行): no item asked
    return any(len(n) >= 4 and n in after and n not in where and n not in best.name for n in national_names())
