"""Engine pass 32, each rule on two documents or more, through the real Assistant:

- short items naming nothing of their own (货物、工程、服务) listed after an item's total, stated
  (`政府采购预算1486.42万元，…三块各是多少`) or asked (`政府采购预算合计多少，…各是多少`), are parts of that item: every
  one of them answered, not the first alone; items with names of their own (基本支出、项目支出) keep them;
- a figure named with no asking word, then another question joined to it (`请核实X的预算安排数，以及该项主要用于哪些方面`,
  `X预算数，并说明比上年增加多少`): the figure is asked too;
- an everyday word inside one of its own terms written in full (用车运行 of 公务用车运行维护费) is read as that term, so
  a clause leaning on the item before (`…比上年增加多少`) leans on the item as named; a term said is still a term;
- a premise stating the department's whole budget (`2022年预算5,883万元里，项目支出占了多大比重`) is its total;
  `其中基本支出…，请核实其余列在项目支出的决算数` asks the row's 项目支出 (never the whole table's: a wrong number);
- hearsay with its figure in words (翻了好几倍, 涨了一成左右, 多了十几万) and a half-remembered lead (我记得); a request
  after a comma (…，麻烦查一下准确增加了多少); a remark that the document has a typo (…，应该是笔误吧？) asks nothing;
- `请据此核实2021年X的预算数`: a prior-year figure derived from the stated change (预算数 is the item's 预算);
- `是增是减` asks the change; `钱主要花在哪` asks what the money is for;
- a name said with its two words the other way round (主楼地上 for 地上主楼);
- a 科目 path (`卫生健康支出—行政事业单位医疗—事业单位医疗`) asks its last name: never a parent's figure, never the last
  name under another parent (行政运行 of 财政事务 for 政府办公厅（室）…—行政运行), never a sibling whose characters the
  path holds (行政单位医疗 in 行政事业单位医疗); a 科目's former name in brackets (（医疗卫生与计划生育支出）) says no more;
- a figure asked in 元 is the table's exact print, not the narrative's rounded 万元 converted (1,422,233, not 1,422,200).

After blind set 29's one measurement (its classes made general rules, so it is no longer blind for them):
- what the asker will tell others, closed by a colon (想用…给学生讲讲一个政府部门有多少人在干活：), asks nothing;
- `事业编制有多少人，实际在编的有多少人`: the 编制 asked before (never both kinds' sum: a wrong number) — Dapeng is
  the one corpus document printing 编制, so its two kinds stand for the two cases;
- `编报了绩效目标的项目，平均每个项目涉及多少万元`: the average, not the total (a wrong number);
- `我们招标代理公司想了解，…` is who asks; `A、B，以及C分别是多少` is one list of three; 用电 / 用水 are 电费 / 水费;
- what is usually so, said before the question (`行政运行一般都是基本支出，可…`), is background.
"""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.fact_names import _swapped
from assistant.lists import each_asked, parts_unnamed
from tests.assistant.support import answers_one_figure

P = pytest.param


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P("justice", "司法局2026年政府采购预算1486.42万元，货物、工程、服务三块各是多少？", [3.66, 36.44, 1446.32], id="stated-justice"),
        P("wanli", "万里街道政府采购预算1662.44万元，货物、工程和服务分别是多少？", [93.98, 815.87, 752.59], id="stated-wanli"),
        P("justice", "司法局2026年政府采购预算合计多少，货物、工程、服务各是多少？", [1486.42, 3.66, 36.44, 1446.32], id="asked-justice"),
        P("wanli", "万里街道2024年政府采购预算是多少，货物、工程、服务三块各是多少？", [1662.44, 93.98, 815.87, 752.59], id="asked-wanli"),
        P("justice", "请核实司法局2026年公务接待费预算数，并说明比上年增加多少", [0.83, 0], id="figure-then-change-justice"),
        P("dapeng", "请核实大鹏数据局2022年公务用车运行维护费预算数，并说明比上年增加多少", [8, 0], id="figure-then-change-dapeng"),
        P("dapeng", "大鹏数据局2022年公务用车运行维护费是多少？比上年增加多少", [8, 0], id="own-term-then-change-dapeng"),
        P("dapeng", "大鹏数据局事业编制有多少人，实际在编的有多少人？", [15, 13], id="headcount-事业-dapeng"),
        P("dapeng", "大鹏数据局行政编制有多少人？实际在编的呢？", [9, 9], id="headcount-行政-dapeng"),
        P("welfare", "普陀区社会福利院2024年财务收支预算总表“支出总计”那一行，基本支出里的人员经费、公用经费，以及项目支出分别是多少元？", [7380214, 2120950, 2620000], id="以及-list-welfare"),
        P("justice", "司法局2026年三公经费表里，因公出国（境）费、公务接待费，以及公务用车购置费分别是多少万元？", [0, 0.83, 0], id="以及-list-justice"),
        P("dapeng", "请核实深圳市大鹏新区政务服务数据管理局2022年“信息技术服务”项目的预算安排数，较2021年预算是增是减。", [780, -73], id="是增是减-dapeng"),
        P("justice", "请核实司法局2026年普法宣传的预算安排数，较2025年预算执行数是增是减。", [124.29, 5.83], id="是增是减-justice"),
    ],
)  # fmt: skip
def test_every_part_answered(qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values), ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("justice", "请核实上海市普陀区司法局2026年部门预算中人民调解经费的预算安排数，以及该项主要用于哪些方面", 795, id="justice"),
        P("dapeng", "请核实大鹏新区政务服务数据管理局2022年信息化运维项目的预算安排数，以及该项主要用于哪些方面", 315, id="dapeng"),
        P("finance", "请核实财政局2024年行政运行的决算数，以及该项主要用于哪些方面", 1511.89, id="finance"),
    ],
)  # fmt: skip
def test_a_figure_then_what_it_is_for(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    """The figure first, then the passage saying what it is for: two parts, never a list of passages alone."""
    ans = qa.ask(question, doc=ids[doc])
    assert ans.intent == "compound" and len(ans.parts) == 2, ans.answer
    assert ans.parts[0].value == pytest.approx(value), ans.answer
    assert ans.parts[1].citations, ans.answer


@pytest.mark.parametrize(
    ("clause", "before", "asked"),
    [
        P("货物、工程、服务各是多少", "政府采购预算合计多少", ["政府采购预算中货物是多少", "政府采购预算中工程是多少", "政府采购预算中服务是多少"], id="parts-of-asked"),
        P("基本支出和项目支出各是多少", "本年支出合计多少", ["基本支出是多少", "项目支出是多少"], id="named-items-keep-their-names"),
        P("货物、工程、服务各是多少", "政府采购预算比上年增长多少", ["货物是多少", "工程是多少", "服务是多少"], id="no-item-after-a-change"),
    ],
)  # fmt: skip
def test_what_a_list_is_read_in(clause: str, before: str, asked: list[str]) -> None:
    assert each_asked(clause, before) == asked


@pytest.mark.parametrize(
    ("clause", "unnamed"),
    [
        P("货物、工程、服务三块各是多少", True, id="short-parts"),
        P("出国、公车和招待各多少", True, id="everyday-parts"),
        P("基本支出和项目支出各是多少", False, id="columns"),
        P("政府采购中货物和工程各是多少", False, id="container-said"),
    ],
)  # fmt: skip
def test_parts_unnamed(clause: str, unnamed: bool) -> None:
    assert parts_unnamed(clause) is unnamed


def test_an_everyday_word_inside_its_own_term_is_the_term() -> None:
    assert analyze("公务用车运行维护费是多少").content == ("公务用车运行维护费",)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("dapeng", "帮我算算，大鹏新区政数局2022年预算5,883万元里，项目支出占了多大比重？按百分比保留两位小数。", 78.94, id="whole-budget-dapeng"),
        P("wanli", "万里街道2024年预算15621.11万元里，基本支出占了多大比重？", 63.83, id="whole-budget-wanli"),
        P("finance", "普陀区财政局2024年一般公共预算财政拨款支出决算表中，“财政事务—行政运行”（2010601）决算1,511.89万元，其中基本支出1,503.52万元，请核实其余列在项目支出的决算数为多少万元。", 8.37, id="rest-in-column-finance"),
        P("justice", "司法局2026年“司法—行政运行”预算2,052.88万元，其中基本支出2,052.88万元，请核实其余列在项目支出的预算数为多少万元。", 0, id="rest-in-column-justice"),
        P("welfare", "听说福利院2024年给职工交养老保险的钱比上年执行数涨了一成左右？准确增幅是多少？", 8.57, id="hearsay-一成-welfare"),
        P("justice", "听说司法局2026年信息化建设比上年执行数翻了好几倍？准确增幅是多少？", 277.22, id="hearsay-翻倍-justice"),
        P("dapeng", "听说深圳大鹏新区政务服务数据管理局2022年机关运行经费比上年翻了好几倍，准确地说比2021年预算增长了百分之多少？", 536, id="hearsay-comma-dapeng"),
        P("dapeng", "我记得大鹏数据局政务服务事务2022年比2021年预算多了十几万？麻烦查一下准确增加了多少万元。", 11, id="remembered-十几万-dapeng"),
        P("justice", "我记得司法局2026年普法宣传比2025年预算执行数多了几万？麻烦查一下准确增加了多少万元。", 5.83, id="remembered-几万-justice"),
        P("justice", "请核实普陀区司法局2026年财政拨款收入比上一年预算增加的金额；我看原文写的是“比2026年预算增加”，应该是笔误吧？", 793.14, id="typo-remark-justice"),
        P("dapeng", "请核实大鹏数据局2022年部门预算收入5883万元；我看原文写的是“比2021年预算增加601万元”，应该是笔误吧？", 5883, id="typo-remark-dapeng"),
        P("dapeng", "第三部分说大厅运营事务2022年安排312万元、较2021年预算减少326万元，请据此核实2021年大厅运营事务的预算数为多少万元。", 638, id="据此核实-dapeng"),
        P("justice", "说明里讲财政拨款收入2026年比上年增加793.14万元，请据此核实2025年财政拨款收入的预算数为多少万元。", 8835.08, id="据此核实-justice"),
        P("wanli", "主楼地上几层？", 7, id="swapped-wanli"),
        P("justice", "2026年司法局有几个预算单位开展了项目预算绩效目标编报？", 2, id="longer-name-not-swapped-justice"),
        P("wanli", "万里街道2024年有几个预算单位开展了项目预算绩效目标编报？", 2, id="longer-name-not-swapped-wanli"),
        P("welfare", "请核实普陀区社会福利院“卫生健康支出（医疗卫生与计划生育支出）—行政事业单位医疗—事业单位医疗”2024年的预算安排数", 50.37, id="path-former-name-welfare"),
        P("wanli", "“卫生健康支出—行政事业单位医疗—行政单位医疗”2024年的预算数是多少元", 1422233, id="path-wanli"),
        P("finance", "“财政事务—行政运行”科目的项目支出是多少万元？", 8.37, id="path-column-finance"),
        P("wanli", "万里街道2024年“城乡社区支出—城乡社区环境卫生—城乡社区环境卫生”这一项，2024年预算比2023年预算执行数变化了百分之几？", -27.81, id="path-项-named-like-its-款-wanli"),
        P("wanli", "行政单位医疗2024年的预算数是多少元", 1422233, id="exact-元-wanli"),
        P("dapeng", "我是小学老师，想用大鹏新区政务服务数据管理局给学生讲讲一个政府部门有多少人在干活：它的事业编制人员，实际在编的有多少人？", 13, id="talk-lead-dapeng"),
        P("justice", "我想给社区居民讲讲司法局的钱花在哪儿：它2026年的普法宣传预算是多少万元？", 124.29, id="talk-lead-justice"),
        P("wanli", "万里街道2024年编报了绩效目标的项目，平均每个项目涉及多少万元项目资金？帮我算一下，保留两位小数。", 112.70, id="per-project-wanli"),
        P("justice", "司法局2026年编报了绩效目标的项目，平均每个项目涉及多少万元项目资金？", 352.70, id="per-project-justice"),
        P("welfare", "我们招标代理公司想了解，普陀区社会福利院2024年度政府采购预算中服务类采购是多少万元？", 120.60, id="asker-想了解-welfare"),
        P("justice", "我们律师事务所想了解，司法局2026年政府采购预算中服务类采购是多少万元？", 1446.32, id="asker-想了解-justice"),
        P("welfare", "普陀区社会福利院2024年一年的用电开销，基本支出里预算了多少元？", 320000, id="用电-welfare"),
        P("wanli", "万里街道2024年一年的用电开销，基本支出里预算了多少元？", 280000, id="用电-wanli"),
        P("welfare", "福利院用水花多少钱", 60000, id="用水-welfare"),
        P("wanli", "行政运行一般都是基本支出，可万里街道2024年一般公共预算支出功能分类预算表里212 01 01“行政运行”还列了一笔项目支出，这笔项目支出是多少元？", 250000, id="usual-lead-wanli"),
        P("finance", "行政运行一般都是基本支出，可财政局2024年“财政事务—行政运行”还列了一笔项目支出，这笔项目支出决算是多少万元？", 8.37, id="usual-lead-finance"),
        P("welfare", "事业单位医疗2024年的预算数是多少元", 503724, id="exact-元-welfare"),
    ],
)  # fmt: skip
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("justice", "司法局2026年人民调解项目安排了多少万元？钱主要花在哪？", 795, id="justice"),
        P("dapeng", "大鹏数据局2022年信息化运维项目安排了多少万元？钱主要花在哪？", 315, id="dapeng"),
    ],
)  # fmt: skip
def test_where_the_money_goes(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert len(ans.parts) == 2 and ans.parts[0].value == pytest.approx(value), ans.answer
    assert ans.parts[1].value is None and ans.parts[1].citations, ans.answer


@pytest.mark.parametrize(
    ("name", "hay", "swapped"),
    [
        P("地上主楼", "主楼地上几层", True, id="two-words"),
        P("项目支出", "支出项目有几个", False, id="a-column"),
        P("地上主楼", "地上几层的主楼", False, id="not-side-by-side"),
        P("编报绩效目标", "开展了项目绩效目标编报", False, id="longer-than-two-words"),
    ],
)  # fmt: skip
def test_swapped_words(name: str, hay: str, swapped: bool) -> None:
    assert _swapped(name, hay) is swapped


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        P("justice", "“卫生健康支出—行政事业单位医疗—事业单位医疗”2026年的预算数是多少", id="path-leaf-unprinted-justice"),
        P("justice", "行政事业单位医疗中事业单位医疗2026年的预算数是多少", id="sibling-in-container-justice"),
        P("finance", "“政府办公厅（室）及相关机构事务—行政运行”科目的项目支出是多少万元？", id="leaf-of-another-parent-finance"),
        P("wanli", "“政府办公厅（室）及相关机构事务—行政运行”科目的项目支出是多少万元？", id="leaf-of-another-parent-wanli"),
        P("justice", "司法局2026年一年的用电开销，基本支出里预算了多少元？", id="用电-unprinted-justice"),
    ],
)  # fmt: skip
def test_no_figure_of_another_place_in_the_path(qa: Assistant, ids: dict[str, str], doc: str, question: str) -> None:
    """The document prints no such 科目: declined, with the closest items it does print."""
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value is None and ans.abstained, ans.answer
