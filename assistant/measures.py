"""Which measures (columns) a question names, and whether a fact's budget stage is the one asked.

`行政单位医疗决算比年初预算少了多少` names two stages of one item; `完成了年初预算的百分之几` names the
完成率 (answering.toml `measure_phrases`), not the 年初预算.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from assistant.analyze import Query, strip_filler, total_row_names
from assistant.cues import cue, organisations
from assistant.data import load_data
from assistant.lexicon import ONLY, known_terms, made_of, scoped_words, staff_groups
from assistant.lists import EXAMPLES
from assistant.names import stage_terms, strip_endings, vocabulary
from assistant.readings import expand
from assistant.stages import stage_index
from index import classification
from index.model import Fact
from index.text import bigrams, containment, normalize

_PLACE_AFTER = re.compile("里|中|表|报告|公开|文件|情况说明|说明")  # 决算里, 决算表中, 决算说明: where to look


def asked_measures(query: Query, titles: Iterable[str] = ()) -> list[str]:
    """Measure words the question uses (longest first, non-overlapping), outside any table title it names."""
    found: list[str] = []
    # a total a question's words stand for (支出总额: 本年支出合计) names a row, not the column 本年支出
    asked, *terms = query.norm.split("|")
    if _names_an_item(asked):  # 日常运转用的机关运行经费: the everyday words describe the item named, no column
        terms = [t for t in terms if t not in vocabulary().measure_words]
    elif _WORD_ASIDE.search(asked):  # 大厅运营事务（…政务大厅日常运转那块）: words describing the item name no column
        outside = expand(_WORD_ASIDE.sub("", asked))
        terms = [t for t in terms if t in outside or t not in vocabulary().measure_words]
    rest = "|".join([asked, *(t for t in terms if t not in total_row_names())])
    for title in titles:
        if len(title) >= 6 and title in rest:
            rest = rest.replace(title, "\u0000")
    for measure, phrases in load_data("answering.toml")["measure_phrases"].items():
        for phrase in phrases:  # 完成了年初预算的百分之几 asks the 完成率, not the 年初预算
            if re.search(phrase, rest):
                found.append(measure)
                rest = re.sub(phrase, "\u0000", rest)
    for word in vocabulary().measure_words:
        if word in rest:
            if not re.search(f"(非|除|不含|不包括){re.escape(word)}", rest):  # 非财政拨款 excludes a column
                found.append(word)
            rest = rest.replace(word, "\u0000")
    return found


_WORD_ASIDE = re.compile(r"\((?=[^()]*[\u4e00-\u9fff]{2})[^()]{4,}\)")  # a bracketed aside in words (no code, （含）)


def _names_an_item(asked: str) -> bool:
    """Does the question say, in the document's words, an item that is no column (机关运行经费, 住房公积金)?"""
    words = vocabulary().measure_words
    return any(len(t) >= 5 and t in asked and not any(t in w or w in t for w in words) for t in known_terms())


def complete_parts(parts: Sequence[str]) -> list[str]:
    """Give a part that names only a measure the subject of the part before it.

    "行政单位医疗决算比年初预算少花了多少" compares two measures of one item: the parts
    行政单位医疗决算 and 年初预算 become 行政单位医疗决算 and 行政单位医疗年初预算. A short part in
    place of the first item's opening modifier names its sibling: `年末结转和结余比年初多多少` compares
    年末结转和结余 with 年初结转和结余, `地上建筑面积比地下多多少` 地上 with 地下建筑面积.
    """
    words = sorted({*vocabulary().measure_words, *stage_terms()}, key=len, reverse=True)

    def bare(text: str) -> str:
        for word in words:
            text = text.replace(word, "")
        return text

    out = list(parts)
    for i in range(1, len(out)):
        subject = strip_endings(out[i - 1], words)
        if out[i] and not bare(out[i]) and bare(subject):
            out[i] = subject + out[i]
        elif 2 <= len(out[i]) <= 3 and len(subject) >= len(out[i]) + 2 and out[i] not in subject:
            # 年末结转和结余比年初多: a modifier in place of the first item's (年初 for 年末) names its sibling;
            # it stands where the first item has a word of its length opening alike (…工程地上建筑面积比地下…);
            # with none (物业管理费比电费多) the short part is an item of its own
            k = len(out[i])
            at = max((p for p in range(len(subject) - k) if subject[p] == out[i][0]), default=None)
            out[i] = out[i] if at is None else subject[:at] + out[i] + subject[at + k :]
    return out


def asked_stages(asked: Sequence[str], question: str) -> set[int]:
    """The budget stages the question names (see `_asked_stages`; read once per question, not once per fact)."""
    return set(_asked_stages(tuple(asked), question))


@lru_cache(maxsize=4096)
def _asked_stages(asked: tuple[str, ...], question: str) -> frozenset[int]:
    """The budget stages the question names, by its measures (年初预算, 决算数) or cues (实际花了). Longer words are
    read first and their letters used once (调整预算数 names 调整预算, not 预算数 too); a cue naming where to look
    (2024年决算里, 决算表中) is the document or table, not a stage asked."""
    voc = vocabulary()
    words = [(m, i) for i, group in enumerate(voc.stages) for m in asked if m in group]
    words += [(c, i) for i, cues in enumerate(voc.stage_cues) for c in cues]
    wanted: set[int] = set()
    for word, stage in sorted(words, key=lambda w: len(w[0]), reverse=True):
        for m in re.finditer(re.escape(word), question):
            if word not in voc.genre_words or not _PLACE_AFTER.match(question, m.end()):
                wanted.add(stage)
        question = question.replace(word, "\0" * len(word))
    return frozenset(wanted)


def same_stage(asked: Sequence[str], have: int | None, question: str, document: int | None = None) -> bool:
    """False when the question names one budget stage (年初预算, 决算数, 实际花了…) and the fact is of another.
    A 部门预算 (`document` of the budget stage) has no 全年预算 column: its 全年预算 is the year's 预算."""
    wanted = asked_stages(asked, question)
    budget, full_year = stage_index("budget"), stage_index("full_year")
    if document is not None and document == budget and full_year in wanted:
        wanted = (wanted - {full_year}) | {budget}
    if len(wanted) > 1 and have is not None:  # both stages named ("决算比年初预算少了多少"): each part decides
        return have in wanted  # …全年预算数（调整后预算）: never the 决算数
    if have is None:  # a sentence's figure is its document's 预算 or 决算, never a 调整预算 or 全年预算 column
        return not (wanted and wanted <= _column_stages())
    return not wanted or have in wanted


@cache
def _column_stages() -> set[int]:
    """The stages only a 部门决算 table's columns print (调整预算, 全年预算), by index into [stages]."""
    return {i for n in ("adjusted", "full_year") if (i := stage_index(n)) is not None}


def printed(measure: str, facts: Sequence[Fact]) -> bool:
    """A measure word the documents in scope print, as a column or a row (a 部门预算 has no 本年收入 column: in
    `本年收入合计` it is no measure there)."""
    return any(measure in normalize(f.measure) or measure in normalize(f.subject) for f in facts)


@cache
def container_head(text: str) -> str | None:
    """The item a `X中(的)Y` / `X里的Y` question asks about (Y, question words out), or None.

    `国有资本经营预算收入中的股利收入是多少` asks 股利收入: the container only says where to look.
    """
    inner = cue("container").match(strip_filler(text))
    head = inner.group(2) if inner else ""
    return head if len(head) >= 2 else None


@cache
def head_terms(text: str, head: str) -> tuple[str, ...]:
    """The document terms a container's item says besides those of the container (政府采购里服务类的采购金额:
    its 采购 reads 政府采购, the container's own word, so it says none; nor a term the container's words mostly are)."""
    inner = cue("container").match(strip_filler(text))
    container = inner.group(1) if inner else ""
    # 公车运行费中加油的燃料费: 加油 reads 公务用车运行维护费, the container again in its printed words
    said = bigrams(container + "".join(expand(container)))
    return tuple(t for t in expand(head) if t not in expand(container) and containment(bigrams(t), said) < 0.5)


_SPENT = re.compile(r"实际|花了|花掉|用了|支出了|花费|开支|执行")


def unasked(query: Query, fact: Fact, measures: Sequence[str], doc_year: int | None) -> bool:
    """A figure of a special measure (a change, a rate, an 执行数…) the question does not ask for. A 部门预算 prints
    the year before's 执行数 beside its own 预算数: asked as spent in that year (`去年实际花了多少`), it is asked."""
    measure = normalize(fact.measure)
    if measure not in vocabulary().special_measures or fact.empty or any(m in measure for m in measures):
        return False
    earlier = fact.year is not None and doc_year is not None and fact.year < doc_year and fact.year in query.years
    return not (earlier and "执行" in measure and _SPENT.search(query.norm.split("|")[0]))


def narrower(
    query: Query, fact: Fact, name: str, measures: Sequence[str], rest: Sequence[str], described: frozenset[str]
) -> bool:
    """The question asks for less than the fact holds: a 科目 under the fact's (网信事务 for 2013701 网信事务行政运行:
    the 款's figure is no 项's), the pay of one job (护工的工资), one of two kinds of spending a name joins (运行 of
    公务用车购置及运行费), or a row with a column matched by its name
    (司法的人员经费 against the department's 人员经费, 修东西的钱（一般公共预算基本支出）: the row's figure is asked,
    never the column's total)."""
    own = (fact.code,) if fact.code else classification.codes_of(fact.subject)  # a sentence's 科目 by its name
    # 20106财政事务下的2010605…: the 项 (a name both 款 and 项 bear, 城乡社区环境卫生 21205/2120501, is either)
    if not set(query.codes) & set(own) and any(c != o and c.startswith(o) for c in query.codes for o in own):
        return True
    if _SEPARATELY.search(query.norm) and _shortened_modifies(query.norm.split("|")[0], name, normalize(fact.subject)):
        return True
    if any(containment(bigrams(group), described) < 1 for group in staff_groups(query.norm.split("|")[0])):
        return True  # 护工一年的工资: the pay of one group of staff, which no row of the document is
    joined = _JOINED.match(normalize(fact.subject))  # 公车日常运行的钱: 运行 of 公务用车购置及运行费 only
    if joined and (joined.group("a") in query.norm) != (joined.group("b") in query.norm):
        return True
    if not of_measures(name, measures):
        return False
    # 修东西的钱（一般公共预算基本支出）: the words name the item, not the column
    words = scoped_item(query.norm)
    if words and containment(bigrams(words), described) < 0.5:
        return True
    if name not in measures:
        return False
    # a row said in the question, not an everyday word's reading (发工资 -> 工资福利支出)
    asked = query.norm.split("|")[0]
    return any(n in r and n in asked and containment(bigrams(n), described) < 1 for r in rest for n in _rows())


# A name joining two kinds of spending on one thing (公务用车购置及运行费, …购置及运行维护费): the two kinds
_JOINED = re.compile("^.{2,}?(?P<a>[\u4e00-\u9fff]{2})及(?P<b>[\u4e00-\u9fff]{2})(维护)?费$")


def of_measures(name: str, measures: Sequence[str]) -> bool:
    """Is `name` one of the measures asked, or made of them only (一般公共预算基本支出 of 一般公共预算 and 基本支出)?"""
    return name in measures or (any(m in name for m in measures) and made_of(name, measures))


def scoped_item(norm: str) -> str:
    """The item words before a bracket of columns, fillers out (修东西 of 修东西的钱（一般公共预算基本支出）), or ''."""
    return strip_filler(scoped_words(norm.split("|")[0]))


@cache
def _rows() -> tuple[str, ...]:
    words = set(vocabulary().measure_words)
    return tuple(n for n in classification.national_names() if len(n) >= 2 and n not in words)


# 单独安排了多少: an item printed on its own is asked, never the row whose name only qualifies it
_SEPARATELY = re.compile("单独|单列|专门安排|另外安排")


def _shortened_modifies(asked: str, name: str, subject: str) -> bool:
    """`12345政务服务便民热线这块…单独安排了多少`: a name shortened from the fact's (政务服务 of 政务服务事务) followed by
    other item words only says what another item (the hotline) is for; that item is not the fact's."""
    if name == subject or not subject.startswith(name) or name not in asked:
        return False
    after = re.split(r"[,?;:]", asked[asked.index(name) + len(name) :])[0]
    for word in (*vocabulary().measure_words, *stage_terms()):
        after = after.replace(word, "")
    left = strip_filler(_SEPARATELY.sub("", after))
    return len(left) >= 2 and not subject[len(name) :].startswith(left[:1])


_STAGE_TAIL = re.compile("(年初预算数|调整预算数|全年预算数|预算执行数|执行数|决算数|预算数)$")
_ALONE = re.compile(f"[{ONLY}](?:算|看|是)?(?P<part>[\u4e00-\u9fff]{{2,4}}?)(?=的|要|花|用|多少|一年|[,?]|$)")


@cache
def asked_head(asked: str) -> str | None:
    """The item a `X中(的)Y` question asks (`container_head`) without a column it excludes (非财政拨款的其他收入) or
    the figure's stage (卫生健康支出决算数: its 决算数 is every figure's of a 决算)."""
    head = container_head(EXAMPLES.sub("", asked))  # …电信服务（网络线路那些）的钱: examples name no head
    if not head:
        return None
    head = _STAGE_TAIL.sub(
        "", re.sub("(非|除|不含|不包括)(" + "|".join(map(re.escape, vocabulary().measure_words)) + ")", "", head)
    )
    return _PART_OF.sub("", head)  # 建筑面积中地下部分: the part is 地下 (地下建筑面积)


_PART_OF = re.compile(r"(?<=[\u4e00-\u9fff]{2})(那|这)?(一)?部分(平方米|亿元|万元|元|人|个|辆|家)?$")


def alone(text: str, described: frozenset[str]) -> bool:
    """`公车光加油一年多少`: one thing asked on its own (光/只/仅 X) that the fact's words (bigrams `described`) do not
    name is another item than the fact, however much of the rest its name holds (公务用车运行费 covers 加油 among
    others)."""
    m = _ALONE.search(text)
    return m is not None and containment(bigrams(m.group("part")), described) < 1


def said_with_name(fact: Fact, measure: str) -> bool:
    """Does the sentence of a narrative figure print `measure` right after its item (机关运行经费财政拨款预算337万元:
    财政拨款)? A table cell's measure is its column, read elsewhere."""
    return fact.origin != "table" and _said_after(fact.subject, fact.source.quote, measure)


@lru_cache(maxsize=1 << 16)
def _said_after(subject: str, quote: str, measure: str) -> bool:
    """(cached: every ranking naming a measure asks it of every narrative figure)"""
    pattern = re.escape(normalize(subject)) + ".{0,2}?" + re.escape(measure)
    return re.search(pattern, normalize(quote)) is not None


def item_context(fact: Fact) -> str:
    """A fact's context as words of its item: a department's name (a table row listing the units: 深圳市大鹏新区
    政务服务数据管理局) says whose figure it is, not which item (its 数据管理 is no 数据管理事务)."""
    context = normalize(fact.context)
    strong, weak, _ = organisations()
    return "" if context.endswith((*strong, *weak)) else context
