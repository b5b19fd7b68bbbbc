"""A claim remembered or heard, said without quotes (`我记得…电费是30万元，对不对？实际是多少元？`: the document's figure,
never the consistency report), a unit asked with `大概` and rounding closed by `就行` (`换算成亿元大概是多少？保留两位小数就
行`), `四舍五入保留两位小数`, an asker who wants to check (`想核实一下…`), a person's title after an organisation's kind
(`给局长准备材料`: no organisation named), another place in the order asked after a ranking (`…最多的一项是多少？
最少的一项是多少？`), and a head count said first, then the amount per head (`按…实有在编人数合计计算，…人均人员支出`).
Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.claims import checked_claim
from tests.assistant.support import answers_one_figure

P = pytest.param


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        P("我记得万里街道2024年公务接待费是2万元，对不对？实际是多少万元？", "万里街道2024年公务接待费是多少万元？", id="remembered"),
        P("听说司法局2026年有3辆车，是不是？", "司法局2026年有多少辆车？", id="heard"),
        P("我记得这个表很重要，对吗？", "我记得这个表很重要，对吗？", id="no-figure-no-claim"),
        P("主任说福利院2024年电费是30万元。", "主任说福利院2024年电费是30万元。", id="no-check-no-claim"),
    ],
)  # fmt: skip
def test_a_claim_said_without_quotes(question: str, asked: str) -> None:
    assert checked_claim(question) == asked


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        P("welfare", "我记得福利院2024年电费是30万元，对不对？实际是多少元？", 320000, id="remembered-welfare"),
        P("justice", "听说司法局2026年公务接待费是1万元，准不准？", 0.83, id="heard-justice"),
        P("justice", "上海市普陀区司法局2026年部门预算的收入总计，换算成亿元大概是多少？保留两位小数就行。", 0.96, id="unit-大概-就行"),
        P("wanli", "上海市普陀区人民政府万里街道办事处2024年部门收入预算总共有多少亿元？四舍五入保留两位小数。", 1.56, id="四舍五入"),
        P("justice", "我在给局长准备材料，想核实一下2026年本部门的政府采购预算总额是多少万元？", 1486.42, id="核实-局长"),
        P("welfare", "我在写报告，想确认一下福利院2024年物业管理费是多少元？", 1206000, id="确认"),
    ],
)  # fmt: skip
def test_one_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    answers_one_figure(qa.ask(question, doc=ids[doc]), value)


def test_another_organisation_is_still_declined(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("上海市普陀区民政局局长想知道2026年公务接待费多少万元", doc=ids["justice"])
    assert ans.abstained and ans.value is None, ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        P("justice", "在司法（款）下的六个项级科目（行政运行、基层司法业务、普法宣传、公共法律服务、信息化建设、其他司法支出）中，2026年预算最多的一项是多少万元？最少的一项是多少万元？", [3845.49, 124.29], id="listed"),
        P("finance", "普陀区财政局2024年一般公共预算财政拨款支出的四个大类中：（1）第二多的是多少万元？（2）最少的是多少万元？", [445.69, 60.99], id="level"),
        P("wanli", "万里街道2024年九个支出大类中，最多的一类是多少元？最少的一类呢？", [119385303, 100000], id="呢"),
    ],
)  # fmt: skip
def test_another_place_in_the_order_asked_after_a_ranking(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    """`…最多的一项是多少？最少的一项是多少？`: the second clause ranks the same items."""
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values, abs=0.005), ans.answer


def test_a_head_count_said_first_then_the_amount_per_head(qa: Assistant, ids: dict[str, str]) -> None:
    """`按…实有在编人数合计计算，…人均人员支出`: the amount over the count named (Dapeng prints both); a document printing
    no head count declines, and 人均 with no count named stays unanswered."""
    q = "按行政编制和事业编制的实有在编人数合计计算，2022年该局人均人员支出是多少万元？（保留两位小数）"
    ans = qa.ask(q, doc=ids["dapeng"])
    answers_one_figure(ans, 40.68)
    assert ans.formula and "÷" in ans.formula
    q = "按实有在编人数合计计算，司法局2026年人均人员经费是多少万元？"
    assert qa.ask(q, doc=ids["justice"]).value is None
    assert qa.ask("2022年该局人均人员支出是多少万元？", doc=ids["dapeng"]).value is None
