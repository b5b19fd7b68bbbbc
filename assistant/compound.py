"""Compound questions: two or more questions in one, each answered on its own and joined.

`…部门收入是多少万元，比上年增长多少？` gets both figures, each cited; a part the document does not
answer says so on its own line, so no part is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from assistant.analyze import Query, analyze
from assistant.answer_types import Answer, Citation
from assistant.backrefs import by_items_before, of_row_before, with_previous_ranking, without_request
from assistant.cues import cue
from assistant.data import load_data
from assistant.inherit import inherit_frame
from assistant.leaning import (
    against_before,
    with_previous_comparison,
    with_previous_container,
    with_previous_head,
    with_year_compared,
)
from assistant.lexicon import GENERIC_CHARS, known_terms, names_item
from assistant.llm_route import merge_grounding
from assistant.names import stage_cue_words, stage_terms, strip_endings, vocabulary
from assistant.operations import Context, abstain
from assistant.operations import answer as answer_in
from assistant.operations.completion import completed_item
from assistant.readings import side_of_total
from assistant.years import keep_to_year, resolve_years
from index.facts.table import column_named, column_names
from index.model import Fact


def item_of(clause: Query) -> str:
    """The item a clause asks about, without the stage words it ends with (`公共法律服务当年预算执行数` →
    `公共法律服务`; `部门预算支出` keeps its 预算); of a comparison, the item compared (`信息化建设预算比
    预算执行数增长` → `信息化建设`)."""
    if clause.intent == "share" and clause.parts:  # …占…的比例是多少？它的决算金额: the part
        return clause.parts[0]
    gloss = _GLOSS.search(clause.norm.split("|")[0])  # 那个搞卫生的钱（城乡社区环境卫生）: the term it glosses
    if gloss and gloss.group(1) in known_terms():
        return gloss.group(1)
    content = clause.content[-1] if clause.content else ""  # as asked: leaning re-reads everyday words
    if clause.intent == "open":  # 为什么信息化建设今年涨了277%？: the term it asks about; of two as long, the later
        # (一般公共服务支出决算中财政委托业务支出: the head said last); a name said after its container (项目支出中数据管理
        # 事务主要用来做什么) is asked, printed in the document if not in the national classification
        inside = _ASKED_INSIDE.search(content)
        if inside:
            return inside.group("item")
        return max(
            (t for t in known_terms() if len(t) >= 3 and t in content),
            key=lambda t: (len(t), content.rfind(t)),
            default=content,
        )
    compared = re.search("比|较", content[2:])  # 信息技术服务较2021年预算变化了多少: 信息技术服务
    return strip_endings(content[: compared.start() + 2] if compared else content, (*stage_terms(), "当年"))


_ASKED_INSIDE = re.compile(
    "(?:中|里)(?P<item>[^中里]{2,20}?)(?:这个项目|这一?项)?(?:主要)?(?:是)?(?:用来|用于|用在|干什么|做什么|指什么)"
)
_GLOSS = re.compile(r"\(([^()\d,、]{4,})(?:,(?:亿元|万元|元))?\)")  # (收入预算,万元): the term, then the unit asked


def own_item(clause: Query) -> str:
    """What a clause names besides stages and words that lean back (`支出决算是多少` -> `支出`)."""
    item = clause.content[0] if clause.content else ""
    for word in (*stage_terms(), *stage_cue_words()):  # 比去年实际多了百分之几: 实际 is a stage, not an item
        item = item.replace(word, "")
    return re.sub(cue("elliptical"), "", item)


def is_elliptical(clause: Query) -> bool:
    """A clause naming no item of its own (`2026年又安排了多少万元`, `比2021年预算增长了百分之几`)."""
    return not own_item(clause)


def lean_on(clause: Query, item: str, analyze: Callable[[str], Query]) -> Query:
    """A later clause that names no item, or only the other half of a share, asks about `item` (the one
    the clause before it asked about): re-read with the item written in."""
    if not item or _DERIVED.search(item):  # 收入减财政拨款…？占…的百分之几: no figure of the document to lean on
        return clause
    body = clause.norm.split("|")[0]  # framed: 该局/它 and the document reference are gone
    table = clause.table_hint or ""
    if table and table in body and clause.content and clause.content[0] == re.sub("[()]", "", table):
        return analyze(body.replace(table, f"{table}里{item}", 1))  # …？支出决算表里是多少: the item before, there
    share = _share_asked(clause, item, body) if clause.intent == "share" else None
    if share:
        return analyze(share)
    bare = re.match(cue("asked_bare"), re.sub(r",?\((?:亿元|万元|元)\)$", "", body.rstrip("?")))  # …？（万元）
    if bare and bare.group("base"):  # 比上年？ / 和上年比呢: the change of the item before on that year
        return analyze(f"{item}比{bare.group('base')}增减了多少")
    # 决算数相当于年初预算的百分之几: the completion rate of the item before
    if clause.intent == "completion" and not completed_item(clause):
        return analyze(f"{item}{body}")
    plural = re.match(cue("plural_anaphor"), body)
    if plural:  # 这些项目一共涉及多少资金: the 编报绩效目标的项目 counted before
        noun = plural.group("noun") or ""
        return analyze(f"{item if item.endswith(noun) else f'{item}的{noun}'}{body[plural.end() :]}")
    own = own_item(clause)
    if own and re.fullmatch(cue("period_only"), own):  # 四个季度加起来: the item before, over its periods
        return analyze(f"{cue('period_named').sub('', item)}{body}")
    # `政府采购预算总额是多少？其中预留给小型和微型企业的有多少`: a part of the item before
    within = re.match(cue("share_of_previous"), body) or (_HEADCOUNT.match(body) if "编制" in item else None)
    if within and len(own) >= 2:  # 事业编制总数…其中实有在编 (…，实际在编的): of 事业编制, not a total of every group
        return analyze(f"{re.sub('(总数|总额|合计|总计)$', '', item)}中{body[within.end() :]}")
    # `…支出的年初预算是多少，支出决算是多少`: a clause naming only the head of the item before it;
    pair = re.match(cue("measure_pair"), body)  # …的基本支出和项目支出各多少？基本支出比项目支出多多少
    if pair and all(_is_measure(pair.group(k)) for k in ("a", "b")):
        of = strip_endings(item, (*vocabulary().measure_words, *stage_terms()))  # 社会福利事业单位的项目支出: its item
        return analyze(f"{of}{pair.group('a')}比{of}{pair.group('b')}{pair.group('rest')}")
    said = item_of(clause)  # 财政拨款收入是多少？这笔财政拨款比上年增加了多少: the side said before is meant
    if len(said) >= 2 and item.endswith((f"{said}收入", f"{said}支出")) and said in body:
        return analyze(body.replace(said, item[len(item) - len(said) - 2 :], 1))
    sibling = _sibling(item, own)  # 公务用车购置费是多少？运行费是多少: 公务用车运行费, its sibling
    if sibling:
        return analyze(body.replace(own, sibling, 1))
    # `…，比当年三公经费预算多出多少`: the item before compared with another
    against_year = cue("base_relative").match(body) or cue("base_year").match(body)  # 比上年, 比2025年: a change
    compared = re.match("比|较", body) and not against_year
    if len(own) < 2 or item.endswith(own) or re.search(cue("continues"), body) or compared:  # 只有多少: 只 names none
        return analyze(f"{item}{body}")
    if _stage_of_item(own, body) and side_of_total(item) is None:  # 实际决算支出: the item before, at its 决算
        return analyze(f"{item}{body}")
    if _LEVEL_ANAPHOR.search(clause.text) and side_of_total(own) is not None:  # 这一款的收入合计: of the 款 before
        return analyze(f"{item}{body}")
    if _only_measures(own):  # …指的是什么？它的财政拨款预算金额是多少: a column of the item before (它 is gone)
        return analyze(f"{item}{body}")
    tail = _tail_said(item, body) if clause.intent in _AVERAGED else ""  # …运行费多少？平均下来每辆车一年运行费多少
    return analyze(body.replace(tail, item, 1)) if tail else clause


_AVERAGED = ("per_vehicle", "per_person", "per_project")  # an amount averaged: the amount of the clause before
_TAIL_CHARS = 3  # the shortest end of the item before a clause may name it by (运行费 of 公务用车运行费)


def _tail_said(item: str, body: str) -> str:
    """The longest end of `item` (short of the whole, at least `_TAIL_CHARS` long) said in `body` and not inside a
    longer name there, or ""."""
    for k in range(1, len(item) - _TAIL_CHARS + 1):
        tail = item[k:]
        at = body.find(tail)
        if (
            at >= 0
            and _BEFORE_TAIL.search(body[:at])
            and not any(len(t) > len(tail) and t.endswith(tail) and t in body for t in known_terms())
        ):
            return tail
    return ""


# what may stand before the end of the item said alone (…一年运行费, …每辆车运行费): no word of another name (事业编制总数
# after 行政编制总数, 数据管理事务 after 综合管理事务, 年末… after 年初… name items of their own)
_BEFORE_TAIL = re.compile("(?:^|年|的|每辆车|每人|每个|下来|[,:])$")


_HEADCOUNT = re.compile("(?=实际在编|实有在编|实有人数|在编人数)")  # the people a 编制 asked before has in post
_LEVEL_ANAPHOR = re.compile("(这一?|该|此|本)(款|项|类)(?!目)|(这个|该|此)科目")
_AMOUNT_WORDS = ("金额", "资金", "数额", "总额", "预算", "决算")


@cache
def _measure_endings() -> tuple[str, ...]:
    """Funds, stages and amounts, longest first: what a clause naming no item ends with."""
    return tuple(sorted(("财政拨款", *vocabulary().fund_words, *stage_terms(), *_AMOUNT_WORDS), key=len, reverse=True))


def _only_measures(own: str) -> bool:
    """Does a clause name only funds, stages and amounts (财政拨款预算金额), no item (本年支出合计 is one)?"""
    words = _measure_endings()
    while own and (word := next((w for w in words if own.endswith(w)), None)):
        own = own[: -len(word)]
    return not own


_DERIVED = re.compile("(?<![增递])减(?![少半免持])|加上|加起来|合起来")  # an item the clause computes


def _sibling(item: str, own: str) -> str:
    """The item a clause names by its last words only (运行费 after 公务用车购置费): the item before's opening words
    with them, when that is a name the lexicon or the national classification knows and the words alone are not."""
    if len(own) < 3 or item.endswith(own) or _is_measure(own):  # 支出决算: a measure of the item, no sibling
        return ""
    column = column_names().get(own, "")  # 运行费, a column of the 三公 table: 公务用车运行费 (after 购置车辆 too)
    if (
        column
        and column != item
        and (column.startswith(item[:2]) or set(column) - set(own) & set(item) - GENERIC_CHARS)
    ):
        return column
    terms = known_terms()
    if own in terms:
        return ""
    return next((item[:i] + own for i in range(2, len(item) - 1) if item[:i] + own in terms), "")


def _is_measure(word: str) -> bool:
    """A column or stage word alone (基本支出, 项目支出, 决算, 年初预算数), naming no item."""
    return word in vocabulary().measure_words or word in stage_terms()


def _stage_of_item(own: str, body: str) -> bool:
    """Does a clause name a stage and, besides it, only a generic head (`实际决算支出`, `年初安排的经费`)?"""
    cues = stage_cue_words()
    bare = own
    for word in cues:
        bare = bare.replace(word, "")
    named = any(w in body for w in (*cues, *stage_terms()))
    return named and re.fullmatch(cue("bare_head"), bare) is not None


# A clause asking the same of another item (…服务呢, …服务又是多少): after 其中…, of the same whole.
_PARALLEL = re.compile("呢$|又是?(多少|几)")


def clause_query(query: Query, i: int, item: str) -> Query:
    """The i-th clause of a compound question as a question of its own, with what it leans on: the item of
    the clause before (`item`, see `lean_on`), the reason asked of it (`borrow_subject`), the whole's frame."""
    clause = column_named(without_request(query.clauses[i]), query.table_hint)  # the 三公 table's 购置费: an item
    if i:
        clause = of_row_before(clause, strip_endings(item, vocabulary().measure_words))
        before = against_before(query.clauses[i - 1], query.clauses[i - 2]) if i >= 2 else query.clauses[i - 1]
        clause = with_previous_head(with_previous_container(clause, before, ",".join(query.clauses[: i - 1])), before)
        clause = with_previous_comparison(against_before(with_year_compared(clause, before), before), before)
        clause = with_previous_ranking(clause, before)
        parallel = _PARALLEL.search(clause) and not names_item(clause)  # (货物的政府采购预算又是多少: its own whole)
        if parallel and query.clauses[i - 1].startswith("其中"):  # 其中货物多少？另外服务呢: 其中服务
            clause = "其中" + re.sub("^其中", "", clause)
    named = by_items_before(clause, [item_of(analyze(c)) for c in query.clauses[:i]]) if i >= 2 else clause
    clause, whole_items = named, named != clause  # both items written in full: it leans on nothing
    alone = analyze(clause)
    within = cue("share_of_previous")
    if i and within.match(clause) and within.match(query.clauses[i - 1]) and "中" in item:
        item = item.rsplit("中", 1)[0]  # 其中A、B各多少: B is of the item A is of, not of A
    # `…，比2021年增长了百分之几` / `…，占本年收入的百分之几`: the item of the clause before
    leaning = lean_on(alone, item, analyze) if i and alone.intent != "open" and not whole_items else alone
    sub = leaning if leaning is not alone else analyze(clause, tuple(query.clauses[:i]))
    previous = query.clauses[i - 1] if i else ""
    if sub.intent == "lookup" and not sub.years and sub.relative_year is None and "执行" not in previous:
        # 2023年政府采购货物是多少？服务的预算多少: 2023年's too (a change after it is the document year's; so is a
        # figure after a year's 执行数, the base it is set against)
        sub = replace(sub, years=asked) if previous and (asked := analyze(previous).years) else sub
    if alone.table_hint and not sub.table_hint:  # 表1收支总表里的本年收入合计, read leaning on the item before: 表1's
        sub = replace(sub, table_hint=alone.table_hint)
    if i and sub.intent == "open":  # `…增长了多少，原因是什么`: the reason of the clause before
        sub = borrow_subject(sub, analyze(query.clauses[i - 1]))
    return inherit_frame(sub, query)


def _share_asked(clause: Query, item: str, body: str) -> str | None:
    """A share clause leaning on the item before, as a question of its own: `占X的百分之几` (the item's share of X),
    `其中A占多少` (A's share of the item), `X中，Y是多少、占比多少` (Y's share of the X it is in); else None."""
    whole = re.search(cue("share_in"), body)  # 占X的百分之几, 在所属的X款里占多大比重
    if whole and (whole.group("whole") or whole.group("container")):
        return f"{item}占{whole.group('whole') or whole.group('container')}的比例是多少"
    if re.search(cue("share_of_previous"), body) and len(clause.parts) == 1:
        return f"{clause.parts[0]}占{item}的比例是多少"
    outer, held, part = item.rpartition("中")  # 本年支出合计中，基本支出是多少、占比多少: of the whole it is in
    carried = all(p.removesuffix("中") in outer for p in clause.parts)  # (本年支出中, the container carried)
    return f"{part}占{outer}的比例是多少" if held and len(part) >= 2 and carried else None


def borrow_subject(clause: Query, before: Query) -> Query:
    """A why-clause with no subject of its own (`原因是什么`) asks about the clause before it: its words are
    searched and shown with the clause's (`机关运行经费…，原因是什么`)."""
    return replace(
        clause,
        text=f"{before.text}，{clause.text}",
        norm=f"{before.norm}|{clause.norm}",
        content=tuple(f"{b}{c}" for b in before.content[:1] for c in clause.content) or before.content,
    )


def repeated_off(clause: str, part: Answer, before: Sequence[Answer]) -> Answer:
    """A later clause answered with the very figure an earlier clause got, without naming that figure's item
    (…留给小型和微型企业的是多少？还有进口产品的采购预算是多少 → that row again): no figure of the document answers it."""
    if part.abstained or part.intent != "lookup" or not part.citations:
        return part

    def key(a: Answer) -> tuple[object, ...]:
        return (a.subject, a.value, a.unit, a.citations[0].locator if a.citations else None)

    if not any(e.intent == "lookup" and key(e) == key(part) for e in before):
        return part
    asked = analyze(clause)
    if (part.subject or "") in asked.norm.split("|")[0]:
        return part  # a clause naming the figure's item asks it, whatever was asked before
    return abstain(asked, warning=f"“{part.subject}”已在前面回答；文件中没有这一问所问项目的数字。")


def renumber(text: str, offset: int) -> str:
    """Shift citation marks [n] by `offset` when answers are joined."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", text)


def _restated_off(pairs: list[tuple[str, Answer]]) -> list[tuple[str, Answer]]:
    """`哪个多？多的那项是多少`: the comparison already gives the larger figure; the second clause is one question
    with the first, not a part of its own."""
    kept: list[tuple[str, Answer]] = []
    for clause, part in pairs:
        before = kept[-1][1] if kept else None
        if before and before.compared and part.intent == "compare" and part.value == before.value and not part.formula:
            kept[-1] = (f"{kept[-1][0]}，{clause}", before)
        else:
            kept.append((clause, part))
    return kept


@cache
def _why() -> re.Pattern[str]:
    """The words asking why (intents.toml `reason_cue`)."""
    return re.compile(load_data("intents.toml")["reason_cue"])


def join_parts(query: Query, parts: Sequence[Answer]) -> Answer:
    """One answer of numbered lines, one per part; citations renumbered; value/unit/year of the first part giving a
    figure (a why asked before it, `为什么…少了？…今年安排了多少`, gives none)."""
    lines: list[str] = []
    cites: list[Citation] = []
    warnings: list[str] = []
    parts = [repeated_off(c, p, parts[:i]) for i, (c, p) in enumerate(zip(query.clauses, parts, strict=True))]
    pairs = _restated_off(list(zip(query.clauses, parts, strict=True)))
    parts = [part for _, part in pairs]
    for i, (clause, part) in enumerate(pairs, 1):
        text = renumber(part.answer, len(cites))
        lines.append(f"{i}. {clause}：{text}" if part.abstained else f"{i}. {text}")
        cites.extend(part.citations)
        warnings.extend(w for w in part.warnings if w not in warnings)
    asked = [p for c, p in pairs if p.value is not None and not _why().search(c)]  # 为啥…少了？: no figure asked
    first = next(iter(asked), next((p for p in parts if p.value is not None), parts[0]))
    formulas = [p.formula for p in parts if p.formula]
    return Answer(
        question=query.text,
        answer="\n".join(lines),
        value=first.value,
        unit=first.unit,
        abstained=all(p.abstained for p in parts),
        citations=cites,
        formula="；".join(formulas) if formulas else None,
        warnings=warnings,
        intent="compound",
        year=first.year,
        parts=list(parts),
        grounding=merge_grounding(parts),
    )


def per_document(
    query: Query, ctx: Context, doc_ids: Sequence[str], facts_of: Callable[[Sequence[str]], list[Fact]]
) -> Answer:
    """A question that names no document, with several loaded: answer from each that has it."""
    answers = []
    for doc_id in doc_ids:
        own = replace(ctx, facts=facts_of([doc_id]))
        # 去年 / 比上年 mean another year in each document; each answer is kept to its own document's year
        own_query = resolve_years(query, [doc_id], [{"doc_id": doc_id, "year": ctx.doc_years.get(doc_id)}])
        answer = keep_to_year(own_query, answer_in(own_query, own), own)
        if not answer.abstained:
            answers.append((doc_id, answer))
    if not answers:
        return abstain(query)
    if len(answers) == 1:  # `Assistant.ask` says whose figure it is (name_document)
        return answers[0][1]
    lines: list[str] = []
    cites: list[Citation] = []
    warnings: list[str] = []
    for doc_id, answer in answers:
        text = renumber(answer.answer, len(cites))
        lines.append(f"{ctx.titles.get(doc_id, doc_id)}：{text}")
        cites.extend(answer.citations)
        warnings.extend(answer.warnings)
    values = {(a.value, a.unit) for _, a in answers}
    value, unit = next(iter(values)) if len(values) == 1 else (None, None)
    return Answer(
        question=query.text,
        answer="\n".join(lines),
        value=value,
        unit=unit,
        citations=cites,
        warnings=[*warnings, "问题没有指明文件，以上按每份已载入文件分别作答。"],
        intent=answers[0][1].intent,
    )


def name_document(answer: Answer, titles: dict[str, str]) -> Answer:
    """Say whose figure it is when the question named no document and several are loaded.

    An answer already naming its document(s) line by line is left as it is.
    """
    docs = list(dict.fromkeys(c.doc for c in answer.citations))
    if answer.abstained or len(docs) != 1 or titles.get(docs[0], "") in answer.answer:
        return answer
    answer.answer = f"{titles.get(docs[0], docs[0])}：{answer.answer}"
    return answer
