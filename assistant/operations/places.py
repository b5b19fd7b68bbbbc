"""Where one figure is printed: the other places a lookup cites beside its figure (the narrative beside the table,
the income table beside the spending table), and the places printing the same item with another figure (a
disagreement the answer warns of). A sentence and the paragraph holding it are one place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compose import cite_checked
from assistant.match import Scored
from assistant.names import is_residual, side, vocabulary
from assistant.operations.base import Context, disagree
from assistant.placing import container_said
from assistant.readings import side_of_total
from assistant.stages import stage_of
from index.classification import counterpart
from index.model import Fact
from index.text import bigrams, normalize


def conflicts(best: Scored, ranked: Sequence[Scored], ctx: Context) -> list[Fact]:
    """Other facts naming the same thing with a value that disagrees (not just rounding)."""
    found: list[Fact] = []
    for f in same_item(best, ranked):
        if f.source.table and f.source.table == best.fact.source.table:
            continue  # two rows of one table are two items (本年支出合计, and the 总计 with 结转和结余)
        if disagree(best.fact, f) and all(disagree(f, g) for g in found):
            found.append(f)
    return found[:2]


def agreeing(
    chosen: Fact, best: Scored, ranked: Sequence[Scored], limit: int = 3, facts: Sequence[Fact] = ()
) -> list[Fact]:
    """Other places printing the same figure for the same item (the narrative beside the table, and among
    `facts` the item under its other name, `printed_again`): cited too, so a reader sees every place the
    document states it. Other-origin places first, the other side's (收入预算总表 for a spending) last."""
    return _agreeing(chosen, [*same_item(best, ranked, across_tables=True), *printed_again(chosen, facts)], limit)


def cited_places(
    chosen: Fact, best: Scored, ranked: Sequence[Scored], facts: Sequence[Fact] = ()
) -> tuple[Fact, list[Fact]]:
    """The chosen figure as cited (`_fullest`) and the other places agreeing with it, the runners-up printing the
    item read once for both."""
    same = same_item(best, ranked, across_tables=True)
    chosen = _fullest(chosen, same)
    return chosen, _agreeing(chosen, [*same, *printed_again(chosen, facts)], 3)


def printed_again(chosen: Fact, facts: Sequence[Fact], *, same_name: bool = False) -> list[Fact]:
    """Facts of the chosen figure's document and year printing it, in its stage, under another name of the same
    money: its counterpart in the other classification (30110 职工基本医疗保险缴费 and 2101101 行政单位医疗; the
    三公 table's 公务用车运行费 and 30231 公务用车运行维护费: classification.toml `counterparts`), or its name
    printed shorter (公务用车运行费 of 公务用车运行维护费) or, with `same_name`, again as it is (a row of a ranking, also
    printed where no code says its level: 八、城乡社区支出). A figure of 0 is never matched by its value."""
    if not facts or not chosen.is_money or not chosen.value:
        return []
    group = counterpart(chosen.code, chosen.subject)
    stage = stage_of(chosen.measure)
    found = []
    for f in facts:
        if f is chosen or not f.is_money or f.source.doc_id != chosen.source.doc_id or f.year != chosen.year:
            continue
        if disagree(chosen, f) or disagree(f, chosen) or len({stage, stage_of(f.measure)} - {None}) > 1:
            continue  # 预算数 and 决算数 of one item are two figures
        if group is not None and counterpart(f.code, f.subject) == group and f.code != chosen.code:
            found.append(f)
        elif (not f.code or not chosen.code or f.code == chosen.code) and (
            _shortened(f.subject, chosen.subject) or (same_name and normalize(f.subject) == normalize(chosen.subject))
        ):
            found.append(f)
    return found


_JOINED = frozenset("及和与、含并或")  # a longer name adding one of these names more than the item


def _shortened(a: str, b: str) -> bool:
    """One of two names is the other printed shorter: same first two and last characters, every character of
    the shorter in order in the longer, none of the left-out ones joining another item (购置及运行费 is two)."""
    short, long = sorted((normalize(a), normalize(b)), key=len)
    if len(short) < 4 or short == long or short[:2] != long[:2] or short[-1] != long[-1]:
        return False
    extra, at = [], 0
    for ch in long:
        if at < len(short) and ch == short[at]:
            at += 1
        else:
            extra.append(ch)
    return at == len(short) and not _JOINED & set(extra)


def _agreeing(chosen: Fact, same_places: Sequence[Fact], limit: int) -> list[Fact]:
    same = [f for f in same_places if f is not chosen and not disagree(chosen, f) and cite_checked(f)]
    own = side(chosen)
    same.sort(key=lambda f: (f.origin == chosen.origin, side(f) not in (None, own)))  # the other side's last
    picked: list[Fact] = []
    for f in same:
        inner = next((i for i, g in enumerate(picked) if _nested(f, g)), None)
        if inner is not None:  # a sentence and its paragraph: the paragraph, once
            if len(f.source.quote) > len(picked[inner].source.quote):
                picked[inner] = f
        elif all(place(f) != place(g) for g in picked) and place(f) != place(chosen) and not _nested(f, chosen):
            picked.append(f)
    return picked[:limit]


def _fullest(chosen: Fact, same_places: Sequence[Fact]) -> Fact:
    """The chosen sentence's figure as quoted with the rest of its paragraph, when the document states it there
    again (…（项）”53.84万元，主要用于…。2023年当年预算执行数为54.60万元，2024年预算安排53.84万元…): one place,
    cited once, in full; else the chosen fact."""
    if chosen.origin != "text":
        return chosen
    key = (chosen.value, chosen.unit, chosen.year, normalize(chosen.measure))
    longer = [
        f
        for f in same_places
        if _nested(f, chosen)
        and len(f.source.quote) > len(chosen.source.quote)
        and (f.value, f.unit, f.year, normalize(f.measure)) == key
        and cite_checked(f)
    ]
    return max(longer, key=lambda f: len(f.source.quote), default=chosen)


def _nested(a: Fact, b: Fact) -> bool:
    """Two sentences' figures of one passage, one quote holding the other (a sentence and its paragraph)."""
    if a.origin != "text" or b.origin != "text" or a.source.section != b.source.section:
        return False
    return a.source.quote in b.source.quote or b.source.quote in a.source.quote


def _path(fact: Fact) -> list[str]:
    """A fact's 科目 parent path (`一般公共服务支出 › 组织事务` -> [一般公共服务支出, 组织事务]), normalised; []
    for a context that is no such path (the side of a two-sided table, `支出`)."""
    return [normalize(step) for step in fact.context.split("›")] if "›" in fact.context else []


def _under_other(a: Fact, b: Fact) -> bool:
    """Is `a` printed under `b`: b's name a step of a's parent path, a's own name another?"""
    name = normalize(b.subject)
    return bool(name) and normalize(a.subject) != name and any(_unmarked(s) == name for s in _path(a))


def _unmarked(step: str) -> str:
    """A path step without the level said after it (行政事业单位医疗(款) -> 行政事业单位医疗)."""
    return re.sub(r"\((?:类|款|项)\)$", "", step)


def _one_path(a: list[str], b: list[str]) -> bool:
    """Two parent paths of one item: equal, one empty, or one the start of the other (类 of 收支总表, 类 › 款 of
    表7); 类 › 组织事务 and 类 › 宣传事务 are two."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def place(fact: Fact) -> tuple[str | None, ...]:
    """Where a figure is printed, for citing each place once: its table, or the sentence of its section."""
    src = fact.source
    return (src.table, src.section, src.quote if fact.origin == "text" else None)


def plain(scored: Scored) -> bool:
    """The figure's measure adds nothing to its item: a default measure (预算数, 合计…), or the column that
    is the item itself (收入预算总表's 合计 row, column 财政拨款收入)."""
    measure = normalize(scored.fact.measure)
    return measure in vocabulary().default_measures or measure == normalize(scored.name)


def same_item(best: Scored, ranked: Sequence[Scored], *, across_tables: bool = False) -> list[Fact]:
    """Facts among the runners-up that state the best match's item and measure elsewhere in its document.

    Rows of tables of another scope (收支总表 vs 财政拨款收支总表) are another item when looking for
    conflicts; `across_tables` keeps them, for citing every place that prints the same figure."""
    chosen = best.fact
    found: list[Fact] = []
    chosen_side, chosen_place = side(chosen), (chosen.source.row, place(chosen))
    for other in ranked[:40]:
        if other is best:
            continue  # `best` may be a runner-up chosen over the top score (choose): the top is another place
        f = other.fact
        if f.source.doc_id != chosen.source.doc_id or f.year != chosen.year:
            continue
        if not (f.is_money and chosen.is_money) and not (across_tables and f.unit == chosen.unit):
            continue  # counts in one unit are cited together (车辆2辆 twice); their conflicts are not judged
        if f.origin == chosen.origin and (f.source.row, place(f)) == chosen_place:
            continue  # the same printed place (its table or sentence, and row)
        other_tree = bool(f.code and chosen.code and f.code[0] != chosen.code[0])  # 功能 2xx vs 经济 3xx
        same_code = bool(f.code and f.code == chosen.code)  # the code decides (类 renamed: 医疗卫生与计划生育)
        if not other_tree and not same_code and not _one_path(_path(f), _path(chosen)):
            continue  # one name under two parents (一般行政管理事务 of 组织事务 and of 宣传事务) is two items
        if _under_other(f, chosen) or _under_other(chosen, f):
            continue  # 事业单位医疗 printed under 行政事业单位医疗（款） is a part of it, however alike the names
        if f.code and chosen.code and f.code != chosen.code and not (across_tables and other_tree):
            continue  # two 科目 of one classification are two items, however alike their names; a row of the
            # other classification (功能 2xx vs 经济 3xx: 2210201 and 30113 住房公积金) may print the same figure
        if chosen_side is not None and side(f) not in (None, chosen_side) and not (across_tables and f.code):
            continue  # 行政运行 in 收入决算表 (its income) and in 支出决算表 (its spending) are two figures; cited,
            # a 科目's row of the income table printing the very figure (收入预算总表 by 科目) is one more place
        if (
            not across_tables
            and f.origin == chosen.origin == "table"
            and f.source.table_kind != chosen.source.table_kind
        ):
            continue  # the same row label in tables of another scope (收支总表 vs 财政拨款收支总表)
        if not across_tables and _scope(f) != _scope(chosen):
            continue  # a sentence of the department's 本年收入合计 and the 财政拨款 table's: two scopes
        alike, total = _named_alike(other, best, across_tables=across_tables)
        if not alike:
            continue
        if is_residual(other.name) != is_residual(best.name):
            continue  # 其他城乡社区管理事务支出 is the rest of 城乡社区管理事务, never the item itself
        if _parts_named(other.name + f.subject) != _parts_named(best.name + chosen.subject):
            continue  # 一般公共预算财政拨款基本支出 is a part of 一般公共预算财政拨款支出, never the item itself
        if across_tables and not total and _another_head(other, best):
            continue
        stages = {stage_of(f.measure), stage_of(chosen.measure)}
        one_stage = across_tables and len(stages) == 1 and None not in stages  # 年初预算数 and the 预算数 column
        if normalize(f.measure) != normalize(chosen.measure) and not (plain(other) and plain(best)) and not one_stage:
            continue
        if not other.measure_ok or (None not in stages and len(stages) > 1):
            continue  # 预算数 and 决算数 of one item are two figures, not a disagreement
        found.append(f)
    return found


def _named_alike(other: Scored, best: Scored, *, across_tables: bool) -> tuple[bool, bool]:
    """(does the runner-up's name name the best match's item, do both name the department's whole side). Citing
    (`across_tables`), a qualified name ending in the item's (…财政拨款的机关运行经费) names it too, as does the whole
    income said as 收入 in a sentence and 收入合计 in a table, and the item named with the funds its table is of
    (三公经费财政拨款支出 in a sentence, 三公经费 in the 财政拨款“三公”经费支出决算表); and always two printings of one
    item's name (公务用车购置及运行维护费, …购置和运行维护费), whatever name each matched by."""
    f, chosen = other.fact, best.fact
    name_b, ob = bigrams(best.name), bigrams(other.name)
    headed = across_tables and len(best.name) >= 4 and normalize(other.name).endswith(normalize(best.name))
    total = across_tables and side_of_total(best.name) is not None
    total = total and side_of_total(other.name) == side_of_total(best.name)
    printed = len(chosen.subject) >= 4 and normalize(chosen.subject) not in vocabulary().total_labels
    printed = printed and _alike(bigrams(normalize(f.subject)), bigrams(normalize(chosen.subject)))
    scoped = across_tables and _unscoped(other.name) == _unscoped(best.name) and _scope(f) == _scope(chosen)
    alike = bool(name_b and ob) and (_alike(name_b, ob) or headed or total or printed or scoped)
    return alike, total


def _another_head(other: Scored, best: Scored) -> bool:
    """Names ending otherwise, printed with another head: 一般公共预算财政拨款 (收入) is not 一般公共预算财政拨款支出,
    however alike; 因公出国（境）经费 and 因公出国(境)费 end in one head, 费."""
    ends = normalize(other.name)[-2:] == normalize(best.name)[-2:]
    return not ends and normalize(other.fact.subject)[-1:] != normalize(best.fact.subject)[-1:]


def _alike(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Two names' bigrams mostly shared (Dice ≥ 0.75)."""
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= 0.75


def _parts_named(name: str) -> frozenset[str]:
    """The parts of spending a name names (基本支出, 人员经费…: answering.toml `spending_parts`)."""
    name = normalize(name)
    return frozenset(w for w in vocabulary().spending_parts if w in name)


def _unscoped(name: str) -> str:
    """A name without the funds it says and a closing 支出 (三公经费财政拨款支出 -> 三公经费)."""
    name = normalize(name)
    for word in ("财政拨款", *vocabulary().fund_words):
        name = name.replace(word, "")
    return name.removesuffix("支出") or name


def _scope(fact: Fact) -> frozenset[str]:
    """The funds a figure is of, as its table, section, name and column say (财政拨款, 一般公共预算…)."""
    src = fact.source
    said = normalize(f"{src.table or ''}{src.section or ''}{fact.subject}{src.column or ''}")
    return frozenset(w for w in ("财政拨款", *vocabulary().fund_words) if w in said)


def total_row_first(ranked: Sequence[Scored], facts: Sequence[Fact], asked: str) -> Sequence[Scored]:
    """`ranked` with first the row the question names in full, printed with the column asked (said in `asked`) under
    another table's own label, when the best match is that row without the column: found by its total (本年支出合计中，
    基本支出决算: the 收入支出决算总表 prints 本年支出合计 2,940.05 and no 基本支出; the 支出决算表's 合计 row prints
    2,940.05 as its total, and a 基本支出 column). A row named under the best match (公共安全支出下的司法) is no
    column of it: no such row then."""
    found = _total_row_elsewhere(ranked[0], ranked, facts, asked) if ranked else None
    return [found, *(s for s in ranked if s is not found)] if found else ranked


def _total_row_elsewhere(best: Scored, ranked: Sequence[Scored], facts: Sequence[Fact], asked: str) -> Scored | None:
    """The first well-ranked match of the asked column on best's side whose row totals to best's figure."""
    if best.recall < 1 or best.measure_ok or not best.fact.is_money or not best.fact.value:
        return None
    totals = vocabulary().default_measures
    for s in ranked[:20]:
        src = s.fact.source
        if not s.measure_ok or not src.table or not src.row or src.table == best.fact.source.table:
            continue
        if side(s.fact) != side(best.fact) or normalize(s.fact.measure) in totals:
            continue
        if container_said(asked, best.name) and normalize(s.fact.measure) not in asked:  # 公共安全支出下的司法: a row
            continue
        here = (src.doc_id, src.table, src.row)
        if any(
            (f.source.doc_id, f.source.table, f.source.row) == here
            and normalize(f.measure) in totals
            and f.is_money
            and not disagree(f, best.fact)
            for f in facts
        ):  # the row's own total is best's figure
            return s
    return None


def item_under_container_first(ranked: Sequence[Scored], asked: str) -> Sequence[Scored]:
    """`ranked` with first the row the question names after a container said as where it is printed (公共安全支出下的
    司法; 商品和服务支出中的办公费), when the best match is that container: the first well-ranked row with the column
    asked whose code sits under the container's code and whose name follows it. The container's own figure is never
    the item's; without such a row `ranked` is kept (and the container declined by its caller)."""
    best = ranked[0] if ranked else None
    if best is None or not best.fact.code or not container_said(asked, best.name):
        return ranked
    after = asked[asked.rfind(best.name) + len(best.name) :]
    under = (
        s
        for s in ranked[:_UNDER_WINDOW]
        if s.measure_ok
        and s.fact.code
        and s.fact.code != best.fact.code
        and s.fact.code.startswith(best.fact.code)
        and len(s.name) >= 2
        and s.name in after
    )
    found = next(under, None)
    return [found, *(s for s in ranked if s is not found)] if found else ranked


_UNDER_WINDOW = 40  # runners-up looked through for the row named under its container
