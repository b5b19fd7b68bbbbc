"""Rank facts against a question: subject overlap, measure, year, source and retrieval evidence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant import measures as ms
from assistant.analyze import Query, beside_total
from assistant.codes import said_by_code
from assistant.confidence import confident as confident  # answered from: the thresholds
from assistant.fact_names import best_name, pointed_into, side_total_names
from assistant.names import (
    any_count,
    other_amount,
    other_flow,
    other_side,
    qualified_total,
    residual,
    same_count_unit,
    side,
    table_title,
    vocabulary,
)
from assistant.paths import not_said
from assistant.placing import glossed_name, modifies_another, names_shortened_then_other, placed_elsewhere
from assistant.readings import content_variants, expand
from assistant.specific import specific_first
from assistant.stages import document_stages, fact_stage
from index import classification
from index.model import MONEY_UNITS, Fact, Hit
from index.settings import Tunables
from index.text import bigrams, containment, normalize

COUNT_UNITS = frozenset("人 辆 个 份 次 家 台 条 期 项 件 套 户 场 平方米 米 公里 批次 人次 分".split())


@dataclass(frozen=True, slots=True)
class Scored:
    fact: Fact
    score: float
    recall: float  # share of the fact's name found in the question
    coverage: float  # share of the question's content words found in the fact's description
    name: str  # the name the fact was matched by
    unit_match: bool = False  # the question asks for a count in exactly the fact's unit (份, 个, 辆…)
    measure_ok: bool = True  # False when the fact is of another budget stage or another count unit than asked


def hit_keys(hits: Sequence[Hit]) -> dict[tuple[str, str], float]:
    """(doc_id, table-or-heading + row) -> best retrieval weight, for boosting facts that were retrieved."""
    keys: dict[tuple[str, str], float] = {}
    for rank, hit in enumerate(hits):
        weight = 1.0 / (1 + rank)
        meta = hit.metadata
        key = normalize(f"{meta.get('table') or meta.get('heading') or ''}|{meta.get('row') or ''}")
        keys[(hit.doc_id, key)] = max(keys.get((hit.doc_id, key), 0.0), weight)
    return keys


def _fact_key(fact: Fact) -> str:
    src = fact.source
    return normalize(f"{src.table or src.section or ''}|{src.row or ''}")


def score_fact(
    query: Query,
    fact: Fact,
    *,
    text: str,
    content: Sequence[str] = (),
    departments: frozenset[str],
    hits: dict[tuple[str, str], float],
    measures: Sequence[str],
    doc_year: int | None = None,
    named_titles: Sequence[str] = (),
    beside: tuple[str, frozenset[str]] = ("", frozenset()),
    doc_stage: int | None = None,
) -> Scored:
    """Score one fact for the question text `text` (the whole question or one named part). Names are looked for
    outside a table title the question names (…财政拨款支出决算表中… names no row 一般公共预算财政拨款)."""
    # names are also looked for in the content words, fillers taken out (给小城镇搞基础设施 holds 小城镇基础设施)
    asked, outside, words = text.split("|")[0], text, [c for c in content if c]
    for title in named_titles:
        outside, words = outside.replace(title, "\u0000"), [w.replace(title, "\u0000") for w in words]
    pointed = pointed_into(query, fact, text)  # 财政拨款收入支出决算总表中，收入“总计”: that table's 收入 half
    halves = side_total_names(fact) if pointed else ()
    said = asked + "|" + (content[-1] if content else "") if halves else ""  # as asked, fillers out
    recall, name = best_name(
        fact,
        departments,
        "|".join([text, *content]),
        "|".join([outside, *words]),
        named_titles,
        [n for n in halves if n in said],  # as said: 总计 is no 合计
    )
    measure = normalize(fact.measure)
    # what the national classification says the item covers describes it too (劳务费: 临时聘用人员的报酬)
    national = classification.note(fact.code, fact.subject)
    # the printed name's bracketed qualifier describes it too (政府采购金额（以合同签订为准）, named 政府采购)
    qualifier = "".join(q for q in _QUALIFIER.findall(normalize(fact.subject)) if q not in name)
    table = normalize(fact.source.table or "")
    described = bigrams(name + measure + normalize(fact.context) + table + national + qualifier)
    coverage = max(containment(bigrams(c), described) for c in content or (text,))
    coded = bool(fact.code) and fact.code in query.codes
    by_code, elsewhere = said_by_code(query.codes, fact, text)
    coded = coded or by_code or glossed_name(asked, fact)
    if coded:  # the 科目编码 names the row as well as its name does (科目2010399: 其他…事务支出 itself)
        recall, coverage, name = 1.0, 1.0, normalize(fact.subject)
    score = 0.6 * recall + 0.4 * coverage + _name_bonus(query, text, name, recall, described, fact.subject)
    rest = [c.replace(name, "") for c in content if name in c]  # 电费的公用经费: 公用经费 is the column asked
    unread = rest and all(containment(bigrams(r), described) < 0.5 for r in rest)
    score -= 0.3 if unread and ms.of_measures(name, measures) else 0  # 一般公共预算基本支出: columns named together
    score -= 0.3 if elsewhere else 0
    delta, measure_ok = _measure_terms(query, fact, name, measures, outside, bool(named_titles), doc_stage)
    score += delta + _year_term(query, fact, doc_year)
    delta, unit_match, unit_ok = _unit_terms(query, fact, asked)
    score += delta + _place_terms(query, fact, text, outside, hits, pointed)
    # another item: the rest of it (其他…), a qualified total, another amount in its name (单价100万元以上)
    other = residual(name, text) or qualified_total(name, described, beside) or other_amount(fact.subject, text)
    other = (not coded and other) or ms.narrower(query, fact, name, measures, rest, described)
    other = other or placed_elsewhere(outside.split("|")[0], name, fact.subject, described, coded)
    ok = measure_ok and unit_ok and not other and not elsewhere and not ms.alone(text, described)  # 光加油: one thing
    return Scored(fact, score, recall, coverage, name, unit_match=unit_match, measure_ok=ok)


_QUALIFIER = re.compile(r"\(([^()\d]{2,})\)")
_NAMED = re.compile(r"\(((?:(?!的)[\u4e00-\u9fff]){2,8})\)")  # a name in brackets (货物), not a description (单位缴的…)


def _name_bonus(query: Query, text: str, name: str, recall: float, described: frozenset[str], subject: str) -> float:
    if not name or recall != 1.0:
        return 0.0
    if names_shortened_then_other(text.split("|")[0], name, subject):  # 离退休人员福利费: not 离退休人员经费
        return -0.3
    bonus = 0.1 + min(len(name), 12) * 0.01  # longer exact names are more specific
    # Chinese puts the head last (纳入部门预算的政府采购, 三公经费中的公务接待费): of two names the
    # question holds whole, the later one is what it asks about
    plain = text.split("|")[0]
    if name in plain:
        bonus += 0.04 * (plain.rfind(name) + len(name)) / max(len(plain), 1)
        if query.intent in ("lookup", "yesno") and modifies_another(plain, name, described):
            bonus -= 0.3
    return bonus


def _measure_terms(
    query: Query,
    fact: Fact,
    name: str,
    measures: Sequence[str],
    outside: str,
    titled: bool,
    doc_stage: int | None,
) -> tuple[float, bool]:
    """(score change, measure_ok) from the measures, funds, container and stage the question names."""
    voc = vocabulary()
    measure = normalize(fact.measure)
    asked = outside.split("|")[0]
    delta, measure_ok = 0.0, True
    # 一般公共预算拨款收入 is not 一般公共预算拨款支出, however alike the names (nor 一般公共预算资金, an income)
    wrong_side = other_side(asked, fact) and (len(name) < 4 or other_side(asked.replace(name, ""), fact))
    # Measures: a named measure must match; otherwise prefer the total/default column. A measure met on the other
    # side (财政拨款支出里… by a 财政拨款收入 column) is not met.
    if measures and query.unit not in COUNT_UNITS:  # measure words name money columns, not counts
        # or the table all of whose figures are of the measure (一般公共预算基本支出…经济分类预算表)
        title = normalize(table_title(fact.source.table)) if fact.source.table else normalize(fact.source.section or "")
        column = normalize(fact.source.column or "")  # 基本支出/人员经费: a column under its group
        implied = {q for item, q in voc.implied if item in name}  # 财政拨款安排的机关运行经费: every one is
        met = [
            m
            for m in measures
            if not wrong_side
            and (any(m in w for w in (measure, name, title, column)) or ms.said_with_name(fact, m) or m in implied)
        ]
        delta += 0.15 if len(met) == len(measures) else 0.0 if met else -0.4  # every measure named, or some
        measure_ok = not any(m in voc.part_columns for m in measures if m not in met)  # 基本支出的年初预算
    elif measure not in voc.default_measures and not measure.endswith(name):
        delta -= 0.12
    # a fund the question names (政府性基金预算财政拨款的年末结转和结余) must be the fact's: its table, column or name
    funds = [w for w in voc.fund_words if w in asked]
    if funds:
        where = measure + name + normalize(fact.source.table or "") + normalize(fact.source.column or "")
        if not all(w in where for w in funds):
            delta -= 0.3
    head = ms.asked_head(asked) if not titled else None  # X中的Y asks Y: a figure not naming Y answers X
    said = [head, *ms.head_terms(asked, head)] if head and len(head) >= 2 else []  # 买公车的钱: 公务用车购置费
    said += [q for q in _NAMED.findall(asked) if said and q in said[0]]  # 买东西（货物）: a row named in brackets
    own = bigrams(name + measure + ms.item_context(fact) + normalize(fact.source.table or fact.source.section or ""))
    if said and all(containment(bigrams(w), own) < 0.5 for w in said):  # own words (or its section's), not the note's
        measure_ok = False
        delta -= 0.6  # below the items naming Y; Y is named by the figure, not by X's national note (燃料费)
    if wrong_side:  # not its name's 支出
        measure_ok = False
        delta -= 0.3
    # budget vs outturn: a figure of another stage (决算数 for 年初预算, 预算数 for 实际花了) is another figure
    if not ms.same_stage(measures, fact_stage(fact, doc_stage), asked, doc_stage):
        measure_ok = False
        delta -= 0.4
    return delta, measure_ok


def _year_term(query: Query, fact: Fact, doc_year: int | None) -> float:
    if query.years:
        if fact.year is not None and fact.year not in query.years:
            return -1.0
        return 0.05 if fact.year in query.years else 0.0
    if fact.year is not None and doc_year is not None and fact.year != doc_year:
        return -0.1  # no year asked: the document's own year
    return 0.0


def _unit_terms(query: Query, fact: Fact, asked_text: str) -> tuple[float, bool, bool]:
    """(score change, unit_match, unit_ok): the unit asked against the fact's. Whether a count asks what is added or
    what is held is read in `asked_text`, the words of the item scored for (one part of a sum: 现有的车辆，加上新购置的
    车辆 asks one of each)."""
    if query.intent in ("share", "ratio", "rate"):
        return 0.0, False, True
    asked = query.unit
    per_item = fact.unit.startswith(("元/", "万元/"))  # a unit price (≤8500 元/台) is money too
    if asked and "/" in asked:  # a unit price: 元/台, or 元 for an item named 每台…
        unit_match = fact.unit == asked or (fact.is_money and f"每{asked.split('/')[1]}" in fact.subject)
        return (0.15 if unit_match else 0.0), unit_match, True
    if asked in COUNT_UNITS:
        unit_match = same_count_unit(asked, fact.unit)
        # "几辆" is never answered in 万元 or %; 个 is the general measure word (实际在编的有几个: 人)
        unit_ok = unit_match or any_count(asked, fact.unit) or fact.empty
        if other_flow(asked_text, fact, query.as_of):
            return -0.5, False, False  # 新增几辆: what is added, never what is held
        return (0.15 if unit_match else (0.0 if unit_ok else -0.5)), unit_match, unit_ok
    if asked == "%" and fact.unit != "%" and not fact.empty:
        return -0.5, False, True  # 百分之几 is never answered by a sum of money or a count
    if (asked in MONEY_UNITS or query.money) and not (fact.is_money or per_item or fact.unit == "%" or fact.empty):
        return -0.3, False, True
    return 0.0, False, True


def _place_terms(
    query: Query, fact: Fact, text: str, outside: str, hits: dict[tuple[str, str], float], pointed: float
) -> float:
    """Where the fact is printed: the code, table or hint the question names, tables, retrieval."""
    delta = 0.04 if fact.origin == "table" else 0.0
    if query.codes and fact.code:  # another 科目 than the one named (one under it, 组织事务（20132）…, is not)
        delta += 0.3 if fact.code in query.codes else 0.0 if any(fact.code.startswith(c) for c in query.codes) else -0.3
    elif query.codes and fact.origin != "table" and set(query.codes) & set(classification.codes_of(fact.subject)):
        delta += 0.3  # a sentence naming the 项 whose code is named (社会福利事业单位（项） of 2081005)
    if "收入" not in outside.split("|")[0] and side(fact) == "收入":
        delta -= 0.1  # 行政运行 asked plainly is its spending, not its row in 收入决算表
    if names_narrative(query) or query.narrative is False:  # 编制说明中… / 以表中数字为准: of two prints
        delta += 0.2 if (fact.origin != "table") == bool(query.narrative) else -0.2
    delta += 0.2 * pointed  # the question points into this table
    return delta + 0.08 * hits.get((fact.source.doc_id, _fact_key(fact)), 0.0)


def names_narrative(query: Query) -> bool:
    """Does the question say to read the figure in the narrative (编制说明中, 说明第4项) and name no table?"""
    return bool(query.narrative) and not query.table_hint


def rank_facts(
    query: Query,
    facts: Iterable[Fact],
    *,
    text: str | None = None,
    departments: frozenset[str] = frozenset(),
    hits: Sequence[Hit] = (),
    allow: frozenset[str] | None = None,
    doc_years: Mapping[str, int | None] | None = None,
    tun: Tunables,
) -> list[Scored]:
    """Facts scored for the question (or one named part), best first. `allow` limits measures (e.g. only change
    measures); special measures (changes, rates, empty-table records) are excluded unless allowed."""
    if text is None:
        target, core = query.norm, query.content
    else:
        target = normalize(text)
        core = content_variants(target)
        target += "".join(f"|{t}" for t in expand(target))
    facts = list(facts)
    titles = {table_title(f.source.table) for f in facts if f.source.table}
    measures = [m for m in ms.asked_measures(query, titles) if (text is None or m in target) and ms.printed(m, facts)]
    named_titles = sorted((t for t in titles if len(t) >= 6 and t in target), key=len, reverse=True)
    keys = hit_keys(hits)
    stages = document_stages(facts) if ms.asked_stages(measures, target.split("|")[0]) else {}  # for same_stage only
    # a single item asked (not a share's whole beside its part): a total beside item words is theirs
    beside = beside_total(core[-1]) if core and query.intent in ("lookup", "yesno") else ("", frozenset[str]())
    scored = []
    for fact in facts:
        measure = normalize(fact.measure)
        if allow is not None:
            if measure not in allow:
                continue
        elif ms.unasked(query, fact, measures, (doc_years or {}).get(fact.source.doc_id)):
            continue
        doc_year = (doc_years or {}).get(fact.source.doc_id)
        scored.append(
            score_fact(
                query,
                fact,
                text=target,
                content=core,
                departments=departments,
                hits=keys,
                measures=measures,
                doc_year=doc_year,
                named_titles=named_titles,
                beside=beside,
                doc_stage=stages.get(fact.source.doc_id),
            )
        )
    asked = target.split("|")[0]
    scored = _by_code_path(not_said(scored, asked), asked)
    scored.sort(key=lambda s: s.score, reverse=True)
    return specific_first(scored, (asked, *core), tun)


# How much a 科目 named under its named parent gains, and the parent loses (the parent then only qualifies).
_PATH_BONUS = 0.2


def _by_code_path(scored: list[Scored], asked: str) -> list[Scored]:
    """A question naming a 科目 and its parent (`政府办公厅（室）及相关机构事务—行政运行`, `司法（06款）行政运行`)
    asks for the child: the child under the named parent goes up, the parent (a qualifier here) goes down.

    Works on the document's own code hierarchy (类 3 / 款 5 / 项 7 digits; economic classes 301 / 30101):
    named codes are those of facts whose printed subject the question contains whole.
    """
    named = {
        s.fact.code: s.name for s in scored if s.fact.code and s.recall == 1.0 and s.name == normalize(s.fact.subject)
    }
    # a name said only inside a longer one named (事业单位医疗 in 行政事业单位医疗) is not named itself
    named = {c: n for c, n in named.items() if not _only_within(n, named.values(), asked)}
    if len(named) < 2:
        return scored
    out = []
    for s in scored:
        code = s.fact.code
        if code in named:
            # a 项 named like its 款 (其他科学技术支出 under 其他科学技术支出) is one name said once, not a path
            others = [o for o in named if o != code and named[o] != named[code]]
            if any(o.startswith(code) for o in others):
                s = replace(s, score=s.score - _PATH_BONUS)
            elif any(code.startswith(o) for o in others):
                s = replace(s, score=s.score + _PATH_BONUS)
        out.append(s)
    return out


def _only_within(name: str, names: Iterable[str], asked: str) -> bool:
    """Is `name` said in the question only inside a longer name also named there (事业单位医疗 in 行政事业单位医疗)?"""
    spans = [(m.start(), m.end()) for o in names if o != name and name in o for m in re.finditer(re.escape(o), asked)]
    ats = [m.start() for m in re.finditer(re.escape(name), asked)]
    return bool(ats) and all(any(a <= at and at + len(name) <= b for a, b in spans) for at in ats)


def choose(
    ranked: Sequence[Scored], *, tun: Tunables, anchor: Fact | None = None, margin: float | None = None
) -> Scored:
    """The best match; among near-equal matches of the same name prefer the anchor's source
    (figures compared like with like), else a table (tables are the authority)."""
    best = ranked[0]
    margin = tun.choose_margin if margin is None else margin
    # the same figure printed elsewhere: same name and unit (not the item's 占比 beside its 年初预算数)
    near = [
        s
        for s in ranked[:20]
        if s.name == best.name
        and s.score >= best.score - margin
        and (s.fact.unit == best.fact.unit or (s.fact.is_money and best.fact.is_money))
    ]
    if anchor is not None:
        where = anchor.source.section or anchor.source.table
        same = [s for s in near if (s.fact.source.section or s.fact.source.table) == where]
        if same:
            return same[0]
    if best.fact.origin != "table":
        tabled = [s for s in near if s.fact.origin == "table"]
        if tabled:
            return tabled[0]
    return best
