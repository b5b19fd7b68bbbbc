"""The names a fact answers to and the genre's vocabulary of measures and stages (assistant/data/answering.toml).
A row labelled 合计 in 财政拨款收入支出决算总表 answers to 财政拨款收入支出总计; 行政运行经费支出 also to 行政运行经费; a
决算表's 合计 column is an outturn. `assistant.match` scores facts by these names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.data import load_data
from index import classification
from index.model import MONEY_UNITS, Fact
from index.text import bigrams, containment, normalize


@dataclass(frozen=True, slots=True)
class Vocabulary:
    total_labels: frozenset[str]
    default_measures: frozenset[str]
    change_measures: frozenset[str]
    rate_measures: frozenset[str]
    special_measures: frozenset[str]
    measure_words: tuple[str, ...]
    stages: tuple[frozenset[str], ...]
    stage_words: tuple[str, ...]
    stage_cues: tuple[tuple[str, ...], ...]  # per stage, in the order of `stages`
    generic_suffixes: tuple[str, ...]
    title_affixes: dict[str, re.Pattern[str]]  # by role, in the order they are taken off
    indicator_words: tuple[str, ...]
    genre_words: tuple[str, ...]
    fund_words: tuple[str, ...]
    implied: tuple[tuple[str, str], ...]  # (item, qualifier every disclosure of the item has)
    part_kinds: frozenset[str]  # kinds of table covering a part of the spending (projects, procurement)
    spending_parts: frozenset[str]  # the parts spending divides into (基本支出, 人员经费…)
    part_columns: frozenset[str]  # columns a named measure must be met by (those parts, 上年结转, 事业收入…)


@cache
def vocabulary() -> Vocabulary:
    d = load_data("answering.toml")

    def norm_set(key: str) -> frozenset[str]:
        return frozenset(normalize(x) for x in d[key])

    return Vocabulary(
        total_labels=norm_set("total_labels"),
        default_measures=norm_set("default_measures"),
        change_measures=norm_set("change_measures"),
        rate_measures=norm_set("rate_measures"),
        special_measures=norm_set("special_measures"),
        measure_words=tuple(sorted((normalize(x) for x in d["measure_words"]), key=len, reverse=True)),
        stages=tuple(frozenset(normalize(x) for x in group) for group in d["stages"].values()),
        stage_words=tuple(normalize(x) for x in d["stage_words"]),
        stage_cues=tuple(tuple(normalize(x) for x in d["stage_cues"].get(name, [])) for name in d["stages"]),
        generic_suffixes=tuple(normalize(x) for x in d["generic_suffixes"]),
        title_affixes={role: re.compile(p) for role, p in d["table_title_affixes"].items()},
        indicator_words=tuple(normalize(x) for x in d["indicator_words"]),
        genre_words=tuple(sorted((normalize(x) for x in d["genre_words"]), key=len, reverse=True)),
        fund_words=tuple(normalize(x) for x in d["fund_words"]),
        implied=tuple((normalize(k), normalize(q)) for k, qs in d["implied_qualifiers"].items() for q in qs),
        part_kinds=frozenset(d["part_table_kinds"]),
        spending_parts=norm_set("spending_parts"),
        part_columns=norm_set("part_columns"),
    )


@cache
def stage_cue_words() -> tuple[str, ...]:
    """Every word asking for a stage without naming its measure (实际, 年初安排, 调整预算…), longest first."""
    return tuple(sorted({c for group in vocabulary().stage_cues for c in group}, key=len, reverse=True))


def stages_named(*texts: str) -> list[str | None]:
    """The budget-stage word (年初预算, 全年预算, 决算…) each text names first, longest words first, or None."""
    return [next((w for w in _stage_words() if w in t), None) for t in texts]


@cache
def _stage_words() -> tuple[str, ...]:
    """The stages' measure words and cue words, longest first."""
    words = {w for group in vocabulary().stages for w in group} | set(stage_cue_words())
    return tuple(sorted(words, key=len, reverse=True))


@cache
def stage_terms() -> tuple[str, ...]:
    """Every word naming a budget stage (年初预算数, 预算执行数, 决算, 年初…), longest first."""
    voc = vocabulary()
    return tuple(sorted({w for group in voc.stages for w in group} | set(voc.stage_words), key=len, reverse=True))


@cache
def table_core(title: str | None) -> str:
    """`2024年财政拨款收入支出决算总表` -> `财政拨款收入支出`."""
    core = normalize(title or "")
    for pattern in vocabulary().title_affixes.values():
        core = pattern.sub("", core)
    return core


@cache
def table_title(title: str | None) -> str:
    """`表7 2024年财政拨款收入支出决算总表` -> `财政拨款收入支出决算总表` (number and year dropped)."""
    text = normalize(title or "")
    affixes = vocabulary().title_affixes
    for role in ("number", "year"):
        text = affixes[role].sub("", text)
    return text


def _table_total_names(core: str, titled: str, subject: str) -> list[str]:
    """A table's total row named by the table: 财政拨款收入支出总计, and by what the table breaks down
    (一般公共预算支出功能分类预算表: 一般公共预算支出合计) and its title without 部门 (收入预算总表合计)."""
    voc = vocabulary()
    label = subject if subject in voc.total_labels else "合计"
    names: list[str] = []
    subject_of = re.sub(load_data("answering.toml")["table_breakdown"], "", core)
    bare_title = voc.title_affixes["owner"].sub("", titled)
    for base in (subject_of if len(subject_of) >= 4 else core, core, titled, bare_title):
        for word in (label, "总计" if label == "合计" else "合计"):
            if base + word not in names:
                names.append(base + word)
    return names


def candidate_names(fact: Fact, departments: frozenset[str]) -> tuple[str, ...]:
    """Names a question might use for the fact, most natural first (computed once per fact: every question's
    ranking asks them of every fact)."""
    return _candidate_names(fact, departments)


@lru_cache(maxsize=1 << 16)
def _candidate_names(fact: Fact, departments: frozenset[str]) -> tuple[str, ...]:
    """Names a question might use for the fact, most natural first.

    A total row (合计/总计/the department) is named by its column when that is specific
    (项目支出), and by its table (财政拨款收入支出总计).
    """
    voc = vocabulary()
    subject = normalize(fact.subject)
    measure = normalize(fact.measure)
    names: list[str] = []
    if not subject or subject in voc.total_labels or subject in departments:
        last = column_item(fact.measure)
        core = table_core(fact.source.table)
        if fact.source.table_kind in voc.part_kinds:  # 表14's 合计 of 一般公共预算 is the projects', not the document's
            if not core:
                return (measure,)
            return (core + ("合计" if last in voc.default_measures else last),)
        if measure not in voc.default_measures and last not in voc.default_measures:
            names.append(last)
        for part in (fact.source.column or "").split("/")[:-1]:
            part = normalize(part)
            if len(part) >= 4 and part not in voc.default_measures and part not in names:
                names.append(part)
        if core:
            names += _table_total_names(core, table_title(fact.source.table), subject)
        return tuple(names or [measure])
    names.append(subject)
    bare = re.sub(r"\(.*?\)", "", subject)
    if bare != subject and len(bare) >= 2:
        names.append(bare)
    names += [n for n in classification.alternatives(subject) if n not in names]
    year_total = re.fullmatch(r"(本年)?(收入|支出)合计", subject)
    if year_total and measure in voc.fund_words:  # 本年支出合计 in the 一般公共预算 column: 一般公共预算支出
        names.append(measure + year_total.group(2))
    if item_code := re.match(r"([A-C]\d{2,10})\s", fact.source.row or ""):  # 品目编码C99: the 政府采购品目 by its code
        names.append(item_code.group(1))
    kind = classification.procurement_kind(subject)  # 工程采购 (a kind of 政府采购) is 政府采购工程
    if kind:
        names.append(f"政府采购{kind}")
    if fact.comparison is not None or measure == "目标值":
        core = subject
        for word in voc.indicator_words:
            core = core.replace(word, "")
        if len(core) >= 2 and core != subject:
            names.append(core)
    for item, qualifier in voc.implied:  # 三公经费财政拨款支出 ~ 三公经费支出: every disclosed 三公经费 is 财政拨款
        names += [n.replace(qualifier, "") for n in list(names) if item in n and qualifier in n]
    for base in list(names):
        for suffix in voc.generic_suffixes:
            if base.endswith(suffix) and len(base) - len(suffix) >= 4:
                names.append(base[: -len(suffix)])
    # 公益性岗位补贴 said 公益岗位补贴: the 性 of a two-character qualifier is left out (not in a name of four once
    # without it: 资本性支出 as 资本支出 reads too like 基本支出)
    names += [short for n in list(names) if len(short := _QUALITY.sub("", n)) >= 5 and short not in names]
    return tuple(_without_genre_words(names, measure))


_QUALITY = re.compile("(?<=[\u4e00-\u9fff]{2})性(?=[\u4e00-\u9fff]{2})")


def _without_genre_words(names: list[str], measure: str) -> list[str]:
    """`names` and each without the genre's own words, which people leave out (部门预算安排购置车辆 ~ 安排购置车辆); a
    change of 部门预算收入 (比2021年增加601万元) is the change of the side's total (收入合计)."""
    voc = vocabulary()
    for base in list(names):
        short = base
        for word in voc.genre_words:
            short = short.replace(word, "")
        if short != base and len(short) >= 4 and short not in names:
            names.append(short)
        elif short in ("部门收入", "部门支出", "收入", "支出") and measure in voc.special_measures:
            names += [n for n in (f"{short[-2:]}合计", f"{short[-2:]}总计") if n not in names]
    return names


def column_item(measure: str) -> str:
    """The item a measure's last column names, normalised: the column `其中：面向中小企业政府采购项目` names
    面向中小企业政府采购项目."""
    return re.sub(r"^其中[:：]?", "", normalize(measure.split("/")[-1]))


def fact_name(fact: Fact, departments: frozenset[str]) -> str:
    """The most natural name of a fact (see `candidate_names`)."""
    return candidate_names(fact, departments)[0]


def display_name(fact: Fact, departments: frozenset[str]) -> str:
    """How to name the fact in an answer: its subject, or for a total row its most natural name."""
    name = fact_name(fact, departments)
    return fact.subject if name == normalize(fact.subject) else name


def strip_endings(text: str, words: Iterable[str]) -> str:
    """`text` without the words it ends with, repeatedly, never to nothing (`公共法律服务当年预算执行数` →
    `公共法律服务`; `一般公共预算财政拨款支出决算` keeps the 一般公共预算 inside it)."""
    ordered = sorted(set(words), key=len, reverse=True)
    while ending := next((w for w in ordered if w and text.endswith(w) and len(text) > len(w)), None):
        text = text[: -len(ending)]
    return text


def side(fact: Fact) -> str | None:
    """Which side of the accounts a figure is on, when it says: 收入 (an income table, a 收入 column or
    measure) or 支出; None when it names both or neither. A row of an income table is income, whatever its name
    (收入决算表's 201 一般公共服务支出 is the income that function took in)."""
    if fact.source.table_kind == "income":
        return "收入"
    said = (
        fact.measure
        + fact.subject
        + (fact.source.column or "")
        + ("收入" if fact.source.table_kind == "income" else "")
    )
    if fact.origin == "text" and fact.text and fact.text in fact.source.quote:
        said += fact.source.quote[: fact.source.quote.find(fact.text)][-8:]  # 支出决算为1511.89万元
    income, spending = "收入" in said, "支出" in said or fact.source.table_kind in ("expenditure", "basic_expenditure")
    return "收入" if income and not spending else "支出" if spending and not income else None


def operand_names(facts: Sequence[Fact], departments: frozenset[str]) -> list[str]:
    """Names of a computation's operands; when two share a name (决算数 and 年初预算 of one 科目), each
    carries its measure, so `信息化建设决算数135.25 − 信息化建设年初预算135.90` says which is which."""
    names = [display_name(f, departments) for f in facts]
    if len(set(names)) == len(names):
        return names
    if len({f.context for f in facts}) == len(facts) and all(f.context for f in facts):
        # 实有在编人数 of 行政编制总数 and of 事业编制总数: 行政编制实有在编人数9 + 事业编制实有在编人数13
        heads = [strip_endings(normalize(f.context), vocabulary().generic_suffixes) for f in facts]
        return [f"{h}{n}" for h, n in zip(heads, names, strict=True)]
    if len({f.measure for f in facts}) == 1 and len({f.source.table for f in facts}) == len(facts):  # two tables'
        return [f"{table_title(f.source.table)}的{n}" for n, f in zip(names, facts, strict=True)]
    return [n if normalize(f.measure) in normalize(n) else f"{n}{f.measure}" for n, f in zip(names, facts, strict=True)]


def same_count_unit(asked: str, unit: str) -> bool:
    """Is a figure printed in `unit` a count in the unit asked (台（套） answers 几台)?"""
    aliases = load_data("answering.toml")["count_unit_aliases"].get(asked, [])
    return unit == asked or unit.startswith(f"{asked}（") or unit in aliases


def any_count(asked: str, unit: str) -> bool:
    """Is `asked` the general measure word 个 and `unit` a count's (人, 家, 辆…), so that 有几个 is answered
    in the printed unit (实际在编的有几个: 13人)?"""
    return asked == "个" and bool(unit) and unit != "%" and unit not in MONEY_UNITS and "/" not in unit


def other_side(asked: str, fact: Fact) -> bool:
    """The question names one side of the accounts (收入 or 支出, not both) and the figure is of the other."""
    if "收入" in asked and "支出" not in asked:
        return side(fact) == "支出" or normalize(fact.subject).endswith("支出")
    if "支出" in asked and "收入" not in asked:
        return side(fact) == "收入" or normalize(fact.context) == "收入"
    return False


def other_flow(question: str, fact: Fact, as_of: str = "") -> bool:
    """A count of another thing: asked of what is added or removed (新增, 购置: answering.toml `count_flows`) and a
    figure of what is held (车辆3辆), or asked of what is held at a date (截至…) and a figure of what is bought; or asked of a thing the figure does not name (几个问题: never 4 个项目)."""
    flows = load_data("answering.toml")["count_flows"]
    named = fact.subject + fact.context  # 其他用车 listed under 安排购置车辆1辆，其中：…
    asks_flow = any(w in question for w in flows)
    if asks_flow != any(w in named for w in flows) and (asks_flow or as_of):
        return True  # 新增几辆 is never what is held; 截至…有几辆 never what is bought
    counted = _COUNTED.search(question)
    if counted is None:
        return False
    said = normalize(fact.subject + fact.context)
    gloss = _GLOSSED.match(question, counted.end())  # 分几个部门（内设机构）: the gloss names what is counted too
    return not any(c in said for c in counted.group("noun") + (gloss.group(1) if gloss else ""))


_GLOSSED = re.compile(r"\(([^()]{2,12})\)")
# The thing a count asks about when a measure word other than the unit stands before it (几个问题, 多少家单位)
_COUNTED = re.compile(r"(?:几|多少)(?:个|家|所|条|项|名)(?P<noun>[一-鿿]{2})")


RESIDUAL = "其他"  # 其他城乡社区管理事务支出: the rest of an item, printed under it


def is_residual(name: str) -> bool:
    """Does the name print the rest of an item (其他行政事业单位养老支出)?"""
    return normalize(name).startswith(RESIDUAL)


def residual(name: str, text: str) -> bool:
    """A 其他… row (其他行政事业单位养老支出) is the rest of an item, never the item a question without 其他 names."""
    return is_residual(name) and RESIDUAL not in text.split("|")[0]


def qualified_total(name: str, described: frozenset[str], beside: tuple[str, frozenset[str]]) -> bool:
    """The document's total (named by a total word or its own name) with other item words beside it
    (政府采购支出总额, 养老服务相关的支出): that is the item's total, not the document's."""
    rest, totals = beside
    if name not in totals:
        return False
    rest = rest.replace(name, "")
    # 单位支出预算, 收入预算总额, 本年收入合计: the genre's, the stages' and the year's words and total words
    # qualify no item
    for word in (
        *vocabulary().genre_words,
        *stage_terms(),
        "部门",
        "单位",
        "本年度",
        "本年",
        "全年",
        "当年",
        "总额",
        "总数",
        "总计",
        "合计",
        "金额",
    ):
        rest = rest.replace(word, "")
    return len(rest) >= 2 and containment(bigrams(rest), described) < 0.5


_AMOUNT_IN_NAME = re.compile(r"(\d+(?:\.\d+)?)(?=万元|元|台|平方米|人|辆|%)")


def other_amount(subject: str, text: str) -> bool:
    """单价100万元以上设备 is not what 单价50万元以上的设备 asks: the name prints an amount and the question
    names another one."""
    printed, asked = set(_AMOUNT_IN_NAME.findall(subject)), set(_AMOUNT_IN_NAME.findall(text))
    return bool(printed and asked) and not printed & asked
