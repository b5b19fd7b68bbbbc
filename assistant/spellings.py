"""A question in the words the documents print (`plain_words`): codes joined, two-digit years in four, kinds of
政府采购 and everyday spellings as printed, round amounts in digits, sibling items said together as a list."""

from __future__ import annotations

import re

from assistant.codes import codes_joined
from assistant.data import load_data
from assistant.lexicon import CN_NUMERALS, MONEY_STATED, PLACE, known_end, known_terms
from assistant.lists import siblings_joined
from index.classification import codes_of, kind_words

# A year written with two digits (24年公积金, 比23年, 25年执行数), never a count of years (近10年, 第15年, 每10年).
_SHORT_YEAR = re.compile(r"(?<![\d.近去前后这多几第每满])([12]\d)(?=年(?!代))")
# …said in numerals (二六年, 比二三年, 二五年执行数): 2010–2029, never a count (近二三年) nor inside a year in full (二〇二四年)
_SHORT_YEAR_SAID = re.compile(
    r"(?<![〇零一二三四五六七八九十两几近去前后这多第每满])([一二][〇零一二三四五六七八九])(?=年(?!代|[内来以]))"
)


# A round amount in words (百万, 一百万元, 千万): in the digits documents print it with (单价100万元（含）以上设备).
_ROUND_AMOUNT = re.compile(r"(?<![\d一二三四五六七八九十两几数])(一?百|一?千)万元?")
# How many a group holds, said inside its name (编报绩效目标的20个项目): no part of the name printed.
_GROUP_COUNTED = re.compile(r"(?<=的)\d{1,3}个(?=项目(?![(（]))")  # 列示的7个项目（A至B）: the items counted
# A+B+C合计多少: a list of the items summed, as 、 writes it (a sign between two numbers is left alone)
_PLUS = re.compile(r"(?<=[\u4e00-\u9fff)])\s*\+\s*(?=[\u4e00-\u9fff\d(])")
# 货物、工程、服务三类预算各是多少: the items listed, then counted (the count names no item)
_LIST_COUNTED = re.compile(r"(?<=[\u4e00-\u9fff])[两二三四五六七八九十](?:类|项|个|笔)(?=[^,?;、]{0,8}(?:各|分别))")
_ROUND = {"百": 100, "一百": 100, "千": 1000, "一千": 1000}
# A part of spending said by its first word and 那块 (公用那块, 项目那块一共…, （2089999）项目那块): that part as printed;
# after another word (人民调解项目那块) the words name an item of their own.
_PART_SAID = re.compile(r"(?:^|(?<=[年里中的,:)]))(项目|基本|人员|人头|公用)(?:那一?块|那部分)")
# A share of 政府采购 kept for some suppliers said plainly (留给中小企业, 留给小微企业): the 预留 the documents print.
# 政采, the common short form of 政府采购 (as 环卫 is of 环境卫生); not inside 财政 or 行政 (财政采…, 行政采…)
_PROCUREMENT_SHORT = re.compile("(?<![财行])政采(?!购)")
_SET_ASIDE = re.compile("(?<!预)留给(?=中小企业|小微企业|小型|中小微)")
_PARTS = {"项目": "项目支出", "基本": "基本支出", "人员": "人员经费", "人头": "人员经费", "公用": "公用经费"}


def plain_words(norm: str) -> str:
    """A question in the words the documents print: a 科目编码 spelled by level (302类39款) or with its levels
    apart (301-02) or after each level's name (司法（06款）基层司法业务（04项）) joined (30239, 30102, 2040604), or
    before each (204类…、06款…，04项基层司法业务) whole at each level (204, 20406, 2040604), a year in two
    digits in four (24年 → 2024年), a kind of 政府采购 asked with 类 (服务类的采购) as printed (服务采购), and an
    everyday spelling of a printed word as printed (年底 → 年末), a round amount in words in digits (百万 → 100万元), a count
    said in a group's name or after a list out (的20个项目 → 的项目; 货物、工程、服务三类…各), a sum written with + as a
    list (A+B → A、B), a part of spending said by its first word (公用那块 → 公用经费), a set-aside said plainly
    (留给中小企业 → 预留给中小企业), and
    two sibling items said with nothing between them as a list (水费电费 → 水费和电费)."""
    norm = codes_joined(norm)
    norm = _SHORT_YEAR.sub(
        r"20\1", _SHORT_YEAR_SAID.sub(lambda m: m.group(1).translate(CN_NUMERALS), norm)
    )  # 比23年: 2023年
    for word, kind in {**kind_words(), **load_data("synonyms.toml")["spellings"]}.items():
        norm = norm.replace(word, kind)
    norm = _ROUND_AMOUNT.sub(lambda m: f"{_ROUND[m.group(1)]}万元", norm)  # 单价一百万以上: 100万元
    norm = _PART_SAID.sub(lambda m: _PARTS[m.group(1)], norm)  # 公用那块: 公用经费
    norm = _SET_ASIDE.sub("预留给", norm)  # 专门留给中小企业的: 预留给, as the 政府采购 lines print it
    norm = _PROCUREMENT_SHORT.sub("政府采购", norm)  # 政采预算: 政府采购预算
    norm = _GROUP_COUNTED.sub("", norm)  # 编报绩效目标的20个项目: the printed 编报绩效目标的项目
    norm = norm if re.search("占|比例|比重", norm) else _PLUS.sub("、", norm)  # A+B合计: A、B; 占(A+B) as said
    norm = _LIST_COUNTED.sub("", norm) if "、" in norm else norm  # 货物、工程、服务三类…各: 货物、工程、服务…各
    return siblings_joined(norm)  # 水费电费: 水费和电费


def called_name(m: re.Match[str]) -> str:
    """`，好像叫X的` (question.toml `called`) names X when X is a name the documents or the national classification
    know; else it stays as said."""
    name = m.group("name")
    if name not in known_terms():
        return m.group(0)
    return ("," if m.group(0).startswith(",") else "") + name


def place_said(m: re.Match[str]) -> str:
    """A place in the order said as a ranking (question.toml `ranked_place`): 排第二 -> 第二多, 倒数第二 -> 第二少,
    排第一 -> 最多, 倒数第一 -> 最少."""
    if m.group("n") or m.group("m"):
        return f"第{m.group('n') or m.group('m')}{'多' if m.group('n') else '少'}"
    return "最少" if m.group(0).startswith("倒数") else "最多"


_WINNER = re.compile(PLACE + "(?:大|多|高|少|小|低)")


def winner_unit(m: re.Match[str]) -> str:
    """`…哪一类最少？金额折合多少万元` (question.toml `winner_amount_in`): the unit the winner's amount is asked in, once a
    largest (smallest) was asked before it; else as said."""
    return f"({m.group('unit')})" if _WINNER.search(m.string[: m.start()]) else m.group(0)


def under_parent(m: re.Match[str]) -> str:
    """`X（Y）` (question.toml `parent_bracketed`) with X a 款 of the national classification and Y a 项 it prints under
    several 款 (一般行政管理事务, 行政运行): Y under X (X下的Y); any other bracket stays as said."""
    parent, item = m.group("x"), m.group("y")
    for k in range(len(parent) - 1):  # the 款 the words before the bracket end with (万里街道2024年宣传事务)
        if any(len(c) == 5 for c in codes_of(parent[k:])):
            items = codes_of(item)
            if len(items) >= 2 and all(len(c) == 7 for c in items):
                return f"{parent}下的{item}"
            break
    return m.group(0)


_READ_FIGURE = re.compile("(?:是|为)?" + MONEY_STATED.pattern)


def figures_off(m: re.Match[str]) -> str:
    """Items listed with the figures the asker read (question.toml `figures_listed`: 人员支出895万元、公用支出345万元):
    the items, the figures taken out (the sum asked is of the document's)."""
    return _READ_FIGURE.sub("", m.group("list"))


def column_spent(m: re.Match[str]) -> str:
    """`事业单位医疗财政拨款支出是多少`: the 财政拨款 (一般公共预算…) spent, said right after an item's name, is that
    item's column (事业单位医疗的财政拨款), not the document's 财政拨款支出 total; after no item it stays."""
    item = known_end(_LEVEL_SAID.sub("", m.string[: m.start()]))  # “事业单位医疗（项）”财政拨款支出
    return f"的{m.group('column')}" if len(item) >= 3 and item not in _COLUMNS_SPENT else m.group(0)


_LEVEL_SAID = re.compile("(?:\\((?:类|款|项)\\))?[\"“”']?$")
_COLUMNS_SPENT = ("财政拨款", "一般公共预算", "基本支出", "项目支出", "政府性基金")


def column_each(m: re.Match[str]) -> str:
    """`30211A、30212B，公用经费各多少元`: a column said between the items listed and 各 is each item's."""
    return "、".join(f"{item}的{m.group('column')}" for item in m.group("items").split("、"))
