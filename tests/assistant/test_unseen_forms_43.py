"""Engine pass 43, each rule on two documents, through the real Assistant (dev sets v118–v121: a data journalist, a
居委会 cadre, a lawyer's 政府信息公开 request, a phone typist with abbreviations and input slips):

- requests numbered in brackets in one line (`请告知…：（一）…；（二）…`) are each a question, as numbered lines are;
  a single bracketed number (`第五部分（三）里`) is a place; an item whose name holds 预算 said before a colon
  (`一般公共预算财政拨款支出：`) is the item of every part, not a label naming the document; a request about a part
  of the document (`请就…人民调解项目经费情况说明告知：`) places it as `按…说明，` does;
- a closing instruction naming where to read and the document's words for the items
  (`按第三部分编制说明里的人员支出、公用支出说就行`, `按基本支出表里的人员经费…说就行`) asks nothing;
- `部门预算纳入的政府采购项目` is the 政府采购 the budget takes in, as `纳入部门预算的` is;
- items joined by 与 with the stage of each figure said after it (`三公经费预算合计与机关运行经费预算数`) are two items;
  so are items listed before where they are read (`…这三项，预算说明里各安排多少`);
- typed fast: a space after an ask before a year (`安排多少 25年执行数多少`) or after a share asked
  (`百分比 保留两位小数`) stands for punctuation; short words after a longer name, spaced (`政采预算 货物 工程 服务`),
  are its parts; `政采` is 政府采购;
- a name typed with one homophone slip of pinyin input (`运形费`, `津帖补贴`, `离退修`) is the name; a word of
  another sound (`离休费` for 退休费) is never read as it.
"""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.clauses import listed_lines
from assistant.slips import mended
from tests.assistant.support import Expected, assert_figures

CASES: list[tuple[str, str, Expected]] = [
    (
        "dapeng",
        "请告知大鹏新区政务服务数据管理局2022年部门预算中：（一）政府投资项目预算金额；（二）信息化运维项目预算金额，单位均为万元。",
        [2008, 315],
    ),
    (
        "wanli",
        "申请人请求告知万里街道2024年部门预算中：（一）政府采购工程预算金额；（二）政府采购服务预算金额，单位均为万元。",
        [815.87, 752.59],
    ),
    (
        "finance",
        "关于《上海市普陀区财政局2024年度部门决算》一般公共预算财政拨款支出：（一）年初预算为多少万元；（二）完成年初预算的百分比是多少？",
        [2993.92, 98.2],
    ),
    (
        "justice",
        "关于普陀区司法局2026年一般公共预算财政拨款支出：（一）人员经费为多少元；（二）公用经费为多少元？",
        [23563342, 2178324.44],
    ),
    (
        "justice",
        "请就《上海市普陀区司法局2026年部门预算》“人民调解项目经费情况说明”告知：（一）该项目年度预算安排金额为多少万元。",
        795,
    ),
    ("welfare", "普陀区社会福利院2024年预算编制说明第五部分（三）里，事业单位医疗是多少万元？", 50.37),
    (
        "dapeng",
        "咱政数局2022年人头经费安排了多少万？公用那块又是多少万？按第三部分编制说明里的人员支出、公用支出说就行",
        [895, 345],
    ),
    (
        "welfare",
        "我们院2024年人头经费安排了多少万？公用那块又是多少万？按编制说明里的人员经费、公用经费说就行",
        [738.02, 212.10],
    ),
    (
        "justice",
        "咱们局2026年人头经费安排了多少万？公用那块又是多少万？按基本支出表里的人员经费、公用经费说就行",
        [2356.33, 217.83],
    ),
    ("dapeng", "2022年部门预算纳入的政府采购项目中，服务采购是多少万元？", 451),
    ("wanli", "万里街道2024年部门预算纳入的政府采购项目中，工程采购是多少万元？", 815.87),
    (
        "justice",
        "请核对“三公”经费和机关运行经费预算表：2026年“三公”经费预算合计与机关运行经费预算数分别是多少万元？",
        [10.81, 217.83],
    ),
    ("wanli", "2024年“三公”经费预算合计与机关运行经费预算数分别是多少万元？", [47.91, 443.18]),
    ("welfare", "2024年财政拨款收入预算数与事业收入预算数分别是多少万元？", [950.12, 262]),
    (
        "justice",
        "做图用：普陀区司法局2026年基层司法业务、普法宣传、公共法律服务这三项，预算说明里各安排多少万元？",
        [2170.39, 124.29, 686],
    ),
    ("wanli", "万里街道2024年城管执法、城乡社区环境卫生这两项，预算说明里各安排多少万元？", [604.34, 599.33]),
    ("justice", "普陀司法局26年基层司法业务安排多少 25年执行数多少", [2170.39, 2149.45]),
    ("welfare", "福利院24年机关事业单位基本养老保险缴费支出多少 23年执行数呢", [76.76, 70.70]),
    ("wanli", "万里街道24年城乡社区环境卫生安排多少 23年执行数多少", [599.33, 830.24]),
    ("justice", "普陀司法局26年项目支出占支出总计百分比 保留两位小数", 73.26),
    ("wanli", "万里街道24年项目支出占支出总计百分比 保留两位小数", 36.17),
    ("wanli", "万里街道24年政采预算 货物 工程 服务分别多少", [93.98, 815.87, 752.59]),
    ("justice", "司法局26年政采预算 货物 工程 服务分别多少", [3.66, 36.44, 1446.32]),
    ("welfare", "福利院24年公务用车运形费多少 机关运行经费多少", [6.4, 0]),
    ("justice", "司法局26年公务用车运形费预算多少万元", 9.98),
    ("finance", "普陀财政局24年决算基本支出里津帖补贴多少", 1238.58),
    ("justice", "普陀司法局26年行政单位离退修比25年执行数降了百分之几", -2.21),
    ("wanli", "万里街道24年离休费多少", None),
]


@pytest.mark.parametrize(("doc", "question", "expected"), CASES)
def test_pass_43_questions_get_the_documents_figure(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, expected: Expected
) -> None:
    assert_figures(qa.ask(question, doc=ids[doc]), expected)


@pytest.mark.parametrize(
    ("text", "numbered"),
    [
        ("请告知：（一）年初预算为多少万元；（二）决算数为多少万元？", True),
        ("(1)货物采购多少万元?(2)服务采购多少万元?", True),
        ("第三部分十一（一）的机关运行经费是多少？", False),
        ("（二）公用经费是多少？（一）人员经费是多少？", False),  # numbers that do not count up from one: no list
    ],
)
def test_requests_numbered_in_one_line_are_a_list(text: str, numbered: bool) -> None:
    assert (listed_lines(text) != text) is numbered


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("公务用车运形费多少", "公务用车运行费多少"),
        ("城乡社区环境卫声安排多少", "城乡社区环境卫生安排多少"),
        ("离休费多少", "离休费多少"),  # 离 is no sound of 退: another word
        ("行政单位离休多少", "行政单位离休多少"),
        ("事业单位医疗多少", "事业单位医疗多少"),  # a name as printed is left as it is
    ],
)
def test_a_homophone_slip_is_read_as_the_name(typed: str, read: str) -> None:
    assert mended(typed) == read


def test_a_list_lead_naming_an_item_with_budget_in_its_name_is_no_document_label() -> None:
    assert "一般公共预算财政拨款支出" in analyze("一般公共预算财政拨款支出：年初预算为多少万元？").norm
