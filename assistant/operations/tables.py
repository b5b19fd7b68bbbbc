"""Tables a question names: an empty table it asks about (政府性基金预算支出表: 0, published empty), or a numbered
table the document does not print (表4《基本支出总表》 of a document whose tables stop short of it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from assistant.analyze import Query
from assistant.answer_types import Answer
from assistant.codes import ITEM_CODE
from assistant.compose import citation_for, cite_marks, load_templates
from assistant.data import load_data
from assistant.match import Scored, rank_facts
from assistant.measures import asked_measures, printed
from assistant.names import table_core, table_title, vocabulary
from assistant.operations.base import Context
from index import classification
from index.model import Fact
from index.text import bigrams, containment, normalize

_NUMBER = re.compile(r"^表(\d+)")


def named_table(hint: str | None, tables: Iterable[str]) -> str | None:
    """The table (as its facts name it) a question points into: by its number when the document numbers its tables
    (表7), else the one its title names most (at least 0.6 of the named title's bigrams, and more than any other)."""
    if not hint:
        return None
    tables = sorted(set(tables))
    named = normalize(hint)
    number = re.search(r"表(\d+)", named)
    numbers = {t: m.group(1) for t in tables if (m := _NUMBER.match(normalize(t)))}
    if number and numbers:
        return next((t for t, n in numbers.items() if n == number.group(1)), None)
    words = bigrams(re.sub(r"^.*?20\d{2}年度?|表\d+", "", named))
    fit = {t: containment(words, bigrams(table_title(t))) for t in tables}
    best = sorted(fit.items(), key=lambda kv: -kv[1])[:2]
    if not best or best[0][1] < 0.6 or (len(best) > 1 and best[1][1] == best[0][1]):
        return None
    return best[0][0]


def pointed_table(query: Query, facts: Iterable[Fact]) -> str | None:
    """The table of `facts` the question points into (表6《…预算表》中…), or None."""
    if not query.table_hint:
        return None
    return named_table(query.table_hint, {f.source.table for f in facts if f.source.table})


def placed_table(query: Query, facts: Iterable[Fact]) -> Query:
    """`表2` / `第二张表` of a document that prints no table numbers is its second table in page order, the order of
    its 目录 (1. 财务收支预算总表, 2. 收入预算总表…): the hint becomes that table's title. A question asking only the
    table's total (表3的合计是多少) asks its 合计 by the table's title, numbered or not. Unchanged when the question
    names no number alone; the hint stays when a document in scope numbers its tables or the documents' Nth differ."""
    hint = re.sub(r"^.*?20\d{2}年度?", "", normalize(query.table_hint or ""))
    number = re.fullmatch(r"表(\d+)", hint)
    if number is None:
        return query
    facts = list(facts)
    printed = named_table(hint, {f.source.table for f in facts if f.source.table})  # its number printed: the hint stays
    table = printed or _nth_table(int(number.group(1)), facts)
    if table is None:
        return query
    content = (f"{table_title(table)}合计",) if query.content == (hint,) else query.content  # 表3的合计是多少
    return replace(query, table_hint=query.table_hint if printed else table, content=content)


def _nth_table(n: int, facts: Iterable[Fact]) -> str | None:
    """The n-th table in page order of each document in scope, when none numbers its tables and all agree on it."""
    first: dict[str, dict[str, int]] = {}
    for f in facts:
        if f.source.table and f.source.page is not None:
            pages = first.setdefault(f.source.doc_id, {})
            pages[f.source.table] = min(pages.get(f.source.table, f.source.page), f.source.page)
    if not first or any(_NUMBER.match(normalize(t)) for pages in first.values() for t in pages):
        return None
    nth = {sorted(pages, key=pages.__getitem__)[n - 1] for pages in first.values() if 0 < n <= len(pages)}
    return nth.pop() if len(nth) == len(first) and len({table_title(t) for t in nth}) == 1 else None


def unprinted_column(query: Query, facts: Iterable[Fact]) -> str | None:
    """A column of income the question names (上年结转, 事业收入: answering.toml `part_columns`) that the documents in
    scope print nowhere, as a column or a row; None when every column named is printed."""
    facts, voc = list(facts), vocabulary()
    asked = replace(query, norm=query.norm.split("|")[0])  # as asked: the lexicon's readings name no column
    named = [m for m in asked_measures(asked) if m in voc.part_columns - voc.spending_parts]  # 人员支出 ~ 人员经费
    aliases = load_data("answering.toml")["column_aliases"]  # 上年结转 is printed as 上年结余 too
    return next((m for m in named if not any(printed(a, facts) for a in aliases.get(m, [m]))), None)


def unprinted_table(query: Query, facts: Iterable[Fact]) -> str | None:
    """The table the question names by number (表4《基本支出总表》) when its document numbers its tables and prints
    none with that number; None when it prints it, or the question names no numbered table."""
    hint = normalize(query.table_hint or "")
    tables = {f.source.table for f in facts if f.source.table}
    docs = {f.source.doc_id for f in facts}
    numbered = any(_NUMBER.match(normalize(t)) for t in tables)
    if len(docs) != 1 or not numbered or not re.search(r"表\d+", hint) or named_table(hint, tables):
        return None
    return re.sub(r"^.*?20\d{2}年度?", "", hint) or hint


def unprinted_code(query: Query, facts: Iterable[Fact]) -> str | None:
    """`品目编码“C99”的采购`: a 政府采购品目 code the question names that no row of its documents prints (their
    政府采购 total is no answer), or a 科目编码 none of its rows carries (a row of that name under another 款 is
    another row); None when a row prints it, or the question names none."""
    asked = ITEM_CODE.findall(query.norm.split("|")[0])
    national = [c for c in query.codes if classification.name_of(c)]  # a 科目编码, not 100 of 单价100万元
    if not asked and not national:  # most questions: the facts are not read
        return None
    facts = list(facts)
    printed = {m.group(1) for f in facts if (m := ITEM_CODE.match(f.source.row or ""))}
    missing = [c for c in asked if c not in printed]
    if missing:
        return f"品目编码为“{missing[0]}”的项目"
    # 2010301行政运行 where the document prints its 行政运行 as 2120101 only: another 款's row is no answer
    coded = {f.code for f in facts if f.code}
    unknown = [c for c in national if coded and not any(p.startswith(c) for p in coded)]
    return f"科目编码为“{unknown[0]}”的科目" if unknown else None


def fund_of(fact: Fact) -> str:
    """The fund or account a table is of (`2026年部门政府性基金预算支出功能分类预算表` -> 政府性基金预算), if that
    long (a table of 支出 or 预算 alone names none)."""
    fund = re.split("收入|支出", re.sub("^(预算单位|部门|单位)", "", table_core(fact.source.table)))[0]
    return fund if len(fund) >= 6 else ""


def names_fund(query: Query, table_fact: Fact) -> bool:
    """Does the question name the empty table's fund whole, and not the other side of it (国有资本经营预算收入 is no
    figure of an empty 国有资本经营预算支出表)?"""
    fund, asked = fund_of(table_fact), query.content[0] if query.content else ""
    title = normalize(table_fact.source.table or "")
    sides = [s for s in ("收入", "支出") if s in asked.replace(fund, "")]
    return bool(fund) and fund in asked and not (sides and not any(s in title for s in sides))


def of_fund(fact: Fact, fund: str) -> bool:
    src = fact.source
    return any(fund in normalize(x or "") for x in (src.table, src.column, fact.subject, fact.measure, fact.context))


def empty_table(query: Query, ctx: Context) -> Scored | None:
    """The empty table a question asks about: one whose fund it names whole (政府性基金预算的基本支出), or whose
    title it names (上级专项转移支付支出表的钱)."""
    empties = [f for f in ctx.facts if f.empty]
    if not empties:
        return None
    voc = vocabulary()
    ranked = rank_facts(
        query,
        empties,
        departments=ctx.departments,
        hits=ctx.hits,
        allow=frozenset(voc.special_measures | {normalize(f.measure) for f in empties}),
        tun=ctx.tun,
    )
    best = ranked[0] if ranked else None
    if best is None:
        return None
    asked = query.content[0] if query.content else ""
    # the fund or account an empty table is of, named whole (政府性基金预算财政拨款的年末结转和结余): its figures;
    # or the table itself pointed into (表6《部门政府性基金预算支出功能分类预算表》中，项目支出列的合计)
    pointed = pointed_table(query, ctx.facts)
    for scored in ranked:
        if names_fund(query, scored.fact) or (pointed and scored.fact.source.table == pointed):
            return scored
    title = normalize(best.fact.source.table or best.fact.subject)
    core = bigrams(asked)
    # the question must name the table's subject, not just "预算"
    if len(core) < 3 or best.score < ctx.tun.min_score or len(core & bigrams(title)) / len(core) < 0.6:
        return None
    return best


def answer_empty(query: Query, scored: Scored, ctx: Context) -> Answer:
    fact = scored.fact
    unit = query.unit if query.unit and fact.in_unit(query.unit) is not None else fact.unit
    cites = [citation_for(fact, ctx.titles, ctx.rows)]
    text = load_templates().render(
        "empty", subject=fact.source.table or fact.subject, value="0", unit=unit, cite=cite_marks(1, 1)
    )
    return Answer(question=query.text, answer=text, value=0.0, unit=unit, citations=cites, intent="empty")
