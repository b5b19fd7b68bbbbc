"""The rows of one level of a classification ranked, when no parent row is named (`六个类中支出最多的一类`, `金额最多的
一个“项”`, `九个支出大类中第二多的一类`; `20805款下哪一项最大` ranks the rows under its parent, see `under`): 类, 款 and
项 are the 3-, 5- and 7-digit codes of the 功能分类 (经济分类: 3 and 5), read in the table the question points into, else
in the document's table of the funds it names (一般公共预算…: the 一般公共预算 功能分类 table; else the 支出总表, every
fund; the 经济分类 table for its classes), in the column every one of its rows prints (its total). The projects of a
document (七个项目中) are the rows of its project table. An ordinal (第二多) is that place in the order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from assistant.analyze import Query
from assistant.lexicon import PLACE, ordinal
from assistant.names import table_title, vocabulary
from assistant.operations.base import Context
from assistant.operations.tables import pointed_table
from index.model import Fact
from index.text import normalize

# the level asked: 六个“类”, 一个项, 一款, 哪一类, 各款, 大类 (never the 款 of 拨款 nor the 项 of 项目)
_LEVEL = re.compile(
    r"(?:(?:一|哪一?|各|每|几|[二两三四五六七八九十\d]+)个?大?[“\"]?|[“\"]|(?<=[多少大小高低]的))(?P<level>类|款|项)(?![目级别型])"
    r"|大(?P<big>类)"
)
_WHICH_LEVEL = re.compile(r"哪一?个?[“\"]?(?P<level>类|款)(?![目级别型])(?P<big>)")  # 哪一项 is any one
_PROJECTS = re.compile(
    r"(?:几|[二两三四五六七八九十\d]+)个项目|"
    + PLACE
    + "[多少大小高低]的(?:一个|那个)?项目|(?:是|为)?哪一?个项目|项目是哪"
)
_ECONOMIC = re.compile("经济分类|工资福利支出|商品和服务支出|对个人和家庭的补助|资本性支出|基本支出")
_DIGITS = {"functional": {"类": 3, "款": 5, "项": 7}, "economic": {"类": 3, "款": 5}}
_ORDINAL = re.compile(r"第(?P<n>[二两三四五六七八九\d])(?:多|大|高|少|小|低)")
SMALLEST = re.compile(PLACE + "(?:少|小|低)")  # the smallest, or a place counted from it
# the table a level is read in when the question points into none, by the funds it names
_DEFAULT_KINDS = {"functional": ("gp_function", "expenditure"), "economic": ("gp_basic_economic",)}
_PROJECT_KINDS = ("project_expenditure", "performance_projects")


def rank_asked(text: str) -> int:
    """The place asked in the order (第二多: 2), 1 for the largest (smallest) itself."""
    m = _ORDINAL.search(text)
    return 1 if m is None else ordinal(m.group("n"))


def level_rows(query: Query, ctx: Context) -> tuple[list[Fact], str]:
    """The rows of the level the question asks (all of one document, one table and one column), and the word naming
    the level (类, 款, 项, 项目); ([], "") when it names no level, or its documents print no table with two such rows."""
    asked = query.norm.split("|")[0]
    docs = {f.source.doc_id for f in ctx.facts}
    if len(docs) != 1:
        return [], ""
    if _PROJECTS.search(asked):
        projects = [f for f in ctx.facts if f.source.table_kind in _PROJECT_KINDS]
        return _column(_in_table(query, projects, _PROJECT_KINDS)), "项目"
    level = _WHICH_LEVEL.search(asked) or _LEVEL.search(asked)  # 按类分的那九项中哪一类最少: the level asked
    word = (level.group("level") or level.group("big")) if level else ""
    tree = "economic" if _ECONOMIC.search(asked) else "functional"
    digits = _DIGITS[tree].get(word)
    first = "3" if tree == "economic" else "2"
    if digits is None:
        return [], ""
    rows = [f for f in ctx.facts if f.code and len(f.code) == digits and f.code.startswith(first) and f.is_money]
    parents = {f.code for f in ctx.facts if f.code and len(f.code) == digits - 2 and normalize(f.subject) in asked}
    if parents:  # “商品和服务支出”各款中: the 款 of the class named
        rows = [f for f in rows if any((f.code or "").startswith(p) for p in parents)]
    kinds = _DEFAULT_KINDS[tree]
    if tree == "functional" and "一般公共预算" not in asked:
        kinds = kinds[::-1]  # every fund's spending: the 支出总表 first
    return _column(_in_table(query, rows, kinds)), word


def _in_table(query: Query, rows: Sequence[Fact], kinds: Sequence[str]) -> list[Fact]:
    """The rows of the table the question points into, else of the first of `kinds` printing two or more."""
    pointed = pointed_table(query, rows)
    if pointed is not None:
        return [f for f in rows if f.source.table == pointed]
    for kind in kinds:
        tables = Counter(f.source.table for f in rows if f.source.table_kind == kind)
        if tables:
            table = tables.most_common(1)[0][0]
            return [f for f in rows if f.source.table == table]
    return []


def _column(rows: Sequence[Fact]) -> list[Fact]:
    """One figure per row, in the total column every row prints (合计, 预算数, 决算数…); [] for fewer than two."""
    totals = set(vocabulary().default_measures) | set(vocabulary().total_labels)
    rows = [f for f in rows if normalize(f.subject) not in vocabulary().total_labels]
    measures = Counter(normalize(f.measure) for f in rows if normalize(f.measure) in totals)
    if not measures:
        return []
    measure = measures.most_common(1)[0][0]
    found: dict[str, Fact] = {}
    for f in rows:
        if normalize(f.measure) == measure:
            found.setdefault(f.code or normalize(f.subject), f)
    return list(found.values()) if len(found) >= 2 else []


def level_name(rows: Sequence[Fact], word: str) -> str:
    """What was ranked, as the answer names it: the table and the level (一般公共预算支出功能分类预算表的各类中)."""
    return f"{table_title(rows[0].source.table or '')}的各{word}中"


def place_word(rank: int, less: bool) -> str:
    """最大, 最小, 第二大…: the place in the order an answer names."""
    return ("最" if rank == 1 else f"第{'一二三四五六七八九'[rank - 1]}") + ("小" if less else "大")
