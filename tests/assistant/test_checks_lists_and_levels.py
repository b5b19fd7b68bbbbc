"""A check asked before the figure that settles it (本年收入合计和本年支出合计相等吗？如果不相等，收入合计比支出合计多多少):
the figure is asked, its operands read from the question that asks it, and a consistency question followed by such
a figure is answered with the figure. Also: sibling items said with nothing between them (水费电费), a question
relayed from someone else (群里家长问：), levels named with their level in brackets (司法（款）) and the largest item
under a parent named with level words (哪个项级科目). Each on two or three documents, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.check import is_consistency_question
from assistant.lists import siblings_joined
from assistant.question import frame
from index.text import normalize


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "finance",
            "普陀区财政局2024年度收入支出决算总表里，本年收入合计和本年支出合计相等吗？如果不相等，收入合计比支出合计多出多少万元？",
            6.2,
        ),
        (
            "dapeng",
            "大鹏新区政务服务数据管理局2022年表6政府预算拨款收支总表里，本年收入合计和本年支出合计对得上吗？收入合计比支出合计多多少万元？",
            18,
        ),
        (
            "justice",
            "普陀区司法局2026年部门收支总表里，收入总计和支出总计相等吗？如果不相等，收入总计比支出总计多多少元？",
            0,
        ),
    ],
)
def test_a_check_settled_by_the_difference_asked_after_it(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value) and "收入" in ans.answer and "支出" in ans.answer


def test_the_check_goes_only_before_a_figure_asked() -> None:
    asked = frame(
        normalize("财政局2024年度决算里，本年收入合计和本年支出合计相等吗？如果不相等，收入比支出多多少万元？")
    )
    assert asked.text.startswith("收入比支出多多少")
    alone = "本年收入合计和本年支出合计对得上吗？"
    assert frame(normalize(alone)).text == normalize(alone) and is_consistency_question(alone)
    assert not is_consistency_question(alone + "收入合计比支出合计多多少万元？")


def test_a_name_after_its_parents_is_one_rows_path() -> None:
    assert siblings_joined("城乡社区管理事务行政运行是多少") == "城乡社区管理事务行政运行是多少"  # 21201 > 2120101
    assert siblings_joined("公务用车运行维护费多少") == "公务用车运行维护费多少"


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("welfare", "群里家长问：福利院2024年水费和电费加起来一共预算了多少元？", 380000),
        ("wanli", "网上有网友问：万里街道2024年行政运行是多少元？", 16603248),
        ("wanli", "备考公务员，万里街道2024年行政运行是多少元？", 16603248),
        ("justice", "备考公务员，司法局2026年行政运行是多少元？", 16726725.44),
    ],
)
def test_a_question_relayed_from_someone_else(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == value
    assert frame(normalize(question)).text.startswith(question.replace("，", "：").split("：")[1][:4])


@pytest.mark.parametrize(
    ("doc", "question", "value", "row"),
    [
        (
            "wanli",
            "万里街道2024年“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”的项目支出是多少元？",
            250000,
            "2120101",
        ),
        (
            "justice",
            "普陀区司法局2026年“公共安全支出（类）司法（款）基层司法业务（项）”的项目支出是多少元？",
            21703947,
            "2040604",
        ),
    ],
)
def test_levels_named_with_their_level_in_brackets(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, row: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])  # 行政运行 is under many 款: the 款 named before it says which
    assert ans.value == value and any(row in c.locator for c in ans.citations)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # sibling items said with nothing between them are a list (30205 水费, 30206 电费)
        pytest.param("welfare", "福利院2024年水费电费加起来一共预算了多少元？", 380000, id="siblings-welfare"),
        pytest.param("justice", "司法局2026年基本工资津贴补贴加起来多少元？", 15864322, id="siblings-justice"),
        pytest.param("wanli", "万里街道2024年行政单位离退休事业单位离退休一共多少元？", 319740, id="siblings-wanli"),
        # the largest item under a parent named with level words (哪个项级科目) and its level (司法（款）)
        pytest.param(
            "justice",
            "普陀区司法局2026年部门支出预算总表中，公共安全支出下司法（款）里面哪个项级科目预算最多？",
            38454900,
            id="largest-justice",
        ),
        pytest.param(
            "wanli",
            "万里街道2024年社会保障和就业支出下行政事业单位养老支出（款）里面哪个项级科目预算最少？",
            3900,
            id="largest-wanli",
        ),
        # what is left once one 款 or 项 is taken out (除了…这一款以外，其余几款加起来): the whole less it
        pytest.param(
            "wanli",
            "万里街道2024年城乡社区支出（212类）里，除了城乡社区管理事务（212 01）这一款以外，其余几款加起来一共多少元？",
            24935300,
            id="rest-wanli",
        ),
        pytest.param(
            "justice",
            "司法局2026年司法（204 06）里，除了其他司法支出这一项以外，其余几项加起来一共多少元？",
            48812372.44,
            id="rest-justice",
        ),
        # examples after a document term name no item: the whole is asked, never one example's row (物业管理费's 公用经费)
        pytest.param(
            "wanli", "万里街道2024年公用经费（水电费、物业管理费这些）一共多少元？", 11168569, id="examples-wanli"
        ),
        pytest.param(
            "welfare", "福利院2024年公用经费（水电费、物业管理费这些）是多少元？", 2120950, id="examples-welfare"
        ),
        # what is ruled out before 而是 names no column (不是财政拨款、而是…其他收入栏)
        pytest.param(
            "finance",
            "普陀区财政局2024年度收入决算表：一般行政管理事务（201 06 02）这一行，收入里不是财政拨款、而是记在“其他收入”栏的有多少万元？",
            6.19,
            id="ruled-out-finance",
        ),
        pytest.param(
            "welfare",
            "福利院2024年收入预算总表里社会福利事业单位这一行，收入里不是财政拨款、而是记在事业收入栏的有多少元？",
            2620000,
            id="ruled-out-welfare",
        ),
    ],
)
def test_lists_levels_and_columns_as_people_say_them(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == value
